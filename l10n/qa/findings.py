"""QA findings written where reviewers look: the entry's `#.` comments, one line each, replacing the findings
of any earlier check so they never pile up. An error makes the entry fuzzy: it needs a reviewer again."""
from __future__ import annotations

from collections.abc import Iterable

import polib

from ..escapes import one_line
from ..model import Issue, Segment, Severity
from .registry import CHECKS

PREFIX = "QA "


def line(issue: Issue) -> str:
    return f"{PREFIX}{issue.severity.value}: {one_line(issue.message)} [{issue.code}]"


def is_finding(comment_line: str) -> bool:
    """A line written by a registered check; other stages' notes (variant-changed) are theirs to keep."""
    return (comment_line.startswith(PREFIX)
            and any(comment_line.startswith(f"{PREFIX}{severity.value}: ") for severity in Severity)
            and comment_line.endswith("]") and comment_line.rsplit("[", 1)[-1][:-1] in CHECKS)


def entries_for(catalog: polib.POFile, segments: Iterable[Segment]) -> dict[str, polib.POEntry]:
    """Each segment's live entry: the one for its sentence (one entry per distinct sentence, no msgctxt), or in
    a catalog written by l10n 0.1, the one whose msgctxt is the segment id."""
    live = [entry for entry in catalog if not entry.obsolete]
    by_context = {(e.msgctxt, e.msgid): e for e in live if e.msgctxt is not None}
    by_sentence = {e.msgid: e for e in live if e.msgctxt is None}
    found = {}
    for segment in segments:
        entry = by_context.get((segment.id, segment.source)) or by_sentence.get(segment.source)
        if entry is not None:
            found[segment.id] = entry
    return found


def write_findings(entries: dict[str, polib.POEntry], issues: Iterable[Issue]) -> None:
    """Replace the findings of every given entry by the new ones (none: the old ones are simply removed)."""
    new: dict[int, list[str]] = {}
    errors: set[int] = set()
    for issue in issues:
        entry = entries[issue.segment_id]
        lines = new.setdefault(id(entry), [])
        if line(issue) not in lines:  # a sentence repeated in the article is one entry
            lines.append(line(issue))
        if issue.severity is Severity.ERROR:
            errors.add(id(entry))
    for entry in {id(e): e for e in entries.values()}.values():
        kept = [text for text in entry.comment.splitlines() if not is_finding(text)]
        entry.comment = "\n".join(kept + new.get(id(entry), []))
        if id(entry) in errors and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
