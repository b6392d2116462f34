"""Segments and targets ⇄ gettext catalogs, through polib only.

Mapping: msgctxt = segment id, msgid = Simplified sentence, msgstr = target text,
#: = source file and line of the paragraph, #. = what a reviewer needs to know, fuzzy = not yet reviewed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import polib

from . import __version__
from .errors import InputError
from .model import Document, Issue, Segment, Target

_PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);"}
_SINGLE_PLURAL = "nplurals=1; plural=0;"
# Kept from a reviewer's file when it is regenerated: who last worked on it, and when.
_REVIEWER_HEADERS = ("PO-Revision-Date", "Last-Translator", "Language-Team")
_EARLIER_DRAFT = "earlier draft: "


def _header(document: Document, locale: str | None, origin: str | None) -> dict[str, str]:
    metadata = {
        "Project-Id-Version": document.name,
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"l10n {__version__}",
        "X-L10n-Source": f"{document.source_name} sha256:{document.source_sha256}",
    }
    for key, value in document.metadata:  # what the page says of itself: title, url, date, author, site
        metadata[f"X-L10n-{key.capitalize()}"] = value
    metadata["Language"] = locale or ""
    if locale is not None:
        metadata["Language-Team"] = locale
        metadata["Plural-Forms"] = _PLURAL_FORMS.get(locale.split("_")[0], _SINGLE_PLURAL)
    if origin is not None:
        metadata["X-L10n-Origin"] = origin
    return metadata


def _context_comment(segment: Segment, notes: Iterable[str]) -> str:
    lines = [f"{segment.part.value}, paragraph {segment.paragraph}, sentence {segment.sentence}", *notes]
    return "\n".join(lines)


def _entry(document: Document, segment: Segment, msgstr: str, notes: Iterable[str], fuzzy: bool) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=segment.id,
        msgid=segment.source,
        msgstr=msgstr,
        occurrences=[(document.source_name, str(segment.line))],
        comment=_context_comment(segment, notes),
        flags=["fuzzy"] if fuzzy else [],
    )


def template(document: Document, segments: list[Segment], notes: dict[str, tuple[str, ...]]) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = _header(document, None, None)
    for segment in segments:
        catalog.append(_entry(document, segment, "", notes.get(segment.id, ()), fuzzy=False))
    return catalog


def target_catalog(document: Document, segments: list[Segment], target: Target,
                   notes: dict[str, tuple[str, ...]]) -> polib.POFile:
    """Machine-made texts start fuzzy: a reviewer clears the flag once an entry is checked."""
    catalog = polib.POFile()
    catalog.metadata = _header(document, target.locale, target.origin)
    for segment in segments:
        text = target.texts.get(segment.id, "")
        entry_notes = (*notes.get(segment.id, ()), *target.notes.get(segment.id, ()))
        catalog.append(_entry(document, segment, text, entry_notes, fuzzy=bool(text)))
    return catalog


_STRING_LINE = re.compile(r'^(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')
_CLOSED_STRING = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')


def _check_strings_closed(path: Path) -> None:
    """polib reads `msgstr "abc` as "ab" without a word; a reviewer's text must never be cut silently."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            match = _STRING_LINE.match(stripped)
            if match and not _CLOSED_STRING.fullmatch(stripped[match.end() - 1:]):
                raise InputError("unterminated string", path, number)


def read_catalog(path: Path) -> polib.POFile:
    _check_strings_closed(path)
    try:
        return polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        match = re.search(r"\(line (\d+)\)", str(error))
        detail = str(error).split(":", 1)[-1].strip() if match else str(error)
        raise InputError(f"cannot read catalog: {detail or 'syntax error'}", path,
                         int(match.group(1)) if match else None) from error


def merge_previous(fresh: polib.POFile, previous: polib.POFile) -> polib.POFile:
    """Carry a reviewer's work into a regenerated catalog; nothing they wrote is dropped.

    - A reviewed entry (msgstr set, not fuzzy) keeps its msgstr, flags and translator comments.
    - A fuzzy entry takes the new machine draft, so glossary and engine fixes reach unreviewed entries;
      if its old text differs, that text is kept in a translator comment ("earlier draft: …").
      When there is no new draft, the old fuzzy text stays.
    - Translated entries whose segment is gone are kept as obsolete (#~), as msgmerge does.
    """
    old = {(entry.msgctxt, entry.msgid): entry for entry in previous if not entry.obsolete}
    for entry in fresh:
        before = old.pop((entry.msgctxt, entry.msgid), None)
        if before is None or not before.msgstr:
            continue
        entry.tcomment = before.tcomment
        if not before.fuzzy or not entry.msgstr:
            entry.msgstr = before.msgstr
            entry.flags = list(before.flags)
        elif before.msgstr != entry.msgstr:
            kept = f"{_EARLIER_DRAFT}{before.msgstr}"
            if kept not in entry.tcomment.splitlines():
                entry.tcomment = "\n".join(filter(None, [entry.tcomment, kept]))
    present = {(entry.msgctxt, entry.msgid) for entry in fresh}
    leftovers = [entry for entry in old.values() if entry.msgstr]
    leftovers += [entry for entry in previous if entry.obsolete]
    for entry in leftovers:
        if (entry.msgctxt, entry.msgid) in present:
            continue
        present.add((entry.msgctxt, entry.msgid))
        entry.obsolete = True
        fresh.append(entry)
    for key in _REVIEWER_HEADERS:
        if key in previous.metadata:
            fresh.metadata[key] = previous.metadata[key]
    return fresh


def add_issues(catalog: polib.POFile, issues: list[Issue]) -> None:
    """QA findings go where the reviewer looks: the entry's extracted comments."""
    by_segment: dict[str, list[Issue]] = {}
    for issue in issues:
        by_segment.setdefault(issue.segment_id, []).append(issue)
    for entry in catalog:
        for issue in by_segment.get(entry.msgctxt, ()):
            entry.comment += f"\nQA {issue.severity.value}: {issue.message} [{issue.code}]"


def render(catalog: polib.POFile) -> str:
    return str(catalog)
