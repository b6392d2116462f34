"""QA findings written where reviewers look: the entry's `#.` notes, one line each (notes.finding), replacing the
findings of any earlier check so they never pile up. An error makes the entry fuzzy: it needs a reviewer again."""
from __future__ import annotations

from collections.abc import Iterable

from ..text import notes
from ..catalog.entries import FUZZY, Entry
from ..model import Issue, Severity
from .registry import CHECKS

_SEVERITIES = frozenset(severity.value for severity in Severity)


def line(issue: Issue) -> str:
    return notes.finding(issue.severity.value, issue.message, issue.code)


def is_finding(note_line: str) -> bool:
    """A line written by a registered check."""
    found = notes.parse_finding(note_line)
    return found is not None and found[0] in _SEVERITIES and found[2] in CHECKS


def write_findings(entries: dict[str, Entry], issues: Iterable[Issue]) -> None:
    """Replace the findings of every given entry by the new ones (none: the old ones are simply removed)."""
    new: dict[Entry, list[str]] = {}  # an Entry is hashed by identity
    errors: set[Entry] = set()
    for issue in issues:
        entry = entries[issue.segment_id]
        lines = new.setdefault(entry, [])
        if line(issue) not in lines:  # a sentence repeated in the article is one entry
            lines.append(line(issue))
        if issue.severity is Severity.ERROR:
            errors.add(entry)
    for entry in dict.fromkeys(entries.values()):
        entry.notes = [text for text in entry.notes if not is_finding(text)] + new.get(entry, [])
        if entry in errors and FUZZY not in entry.flags:
            entry.flags.append(FUZZY)
