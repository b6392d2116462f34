"""Carry a reviewer's work into a regenerated catalog, with GNU msgmerge's rules.

- Same msgid (and msgctxt) as a previous entry, live or obsolete (#~, revived): the reviewer's entry is kept
  exactly: msgstr, flags, translator comments, previous msgid. Only the generated parts (#. notes, #:
  references) are refreshed.
- No exact match: the most similar previous translation (live or obsolete) scoring at least SIMILARITY
  becomes the starting point, fuzzy, with the old source in `#| msgid` as `msgmerge --previous` writes it.
- A previous translation that nothing uses any more stays as an obsolete entry (#~).

What differs from msgmerge, on purpose:
- A machine text nobody touched (still fuzzy, its fingerprint note intact) is not a translation worth
  keeping: a new machine text replaces it, and when its sentence vanishes it is dropped, not made obsolete.
- A reviewer's text is never replaced by a machine text, fuzzy or not; the new machine text is shown
  beside it in a `#.` note, which is regenerated on every run and so never piles up.
"""
from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import polib

from .escapes import one_line

# msgmerge's FUZZY_THRESHOLD (gettext-tools/src/msgl-fsearch.h): fstrcmp() >= 0.6, where fstrcmp is
# 2·(common characters of a shortest edit script) / (total length). rapidfuzz's Indel ratio is the same
# measure; we count characters where msgmerge counts UTF-8 bytes (which inflates scores of Chinese text
# because the lead bytes of unrelated characters often agree).
SIMILARITY = 0.6
_FINGERPRINT = re.compile(r"^machine text, fingerprint ([0-9a-f]{8})$")
# Segment ids that l10n 0.1 wrote as msgctxt: a hash of the msgid, with -2, -3 for repeats. They carry no context.
_LEGACY_CONTEXT = re.compile(r"^[0-9a-f]{10}(?:-\d+)?$")
# A translator comment l10n 0.1 added on every run; dropped when read, so it no longer piles up.
_LEGACY_EARLIER_DRAFT = "earlier draft: "
_OTHER_TRANSLATION = "other translation of this repeated sentence: "


@dataclass(frozen=True)
class Fresh:
    """One entry as the current run would write it, before any previous work is merged in."""

    msgid: str
    occurrences: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]  # true whatever the msgstr is: where the sentence sits, its glossary terms
    msgctxt: str | None = None
    machine_text: str = ""  # the machine's text for this run, "" when there is none
    machine_notes: tuple[str, ...] = ()  # true only while msgstr is that machine text


def fingerprint_note(text: str) -> str:
    return f"machine text, fingerprint {hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def is_untouched_machine_text(entry: polib.POEntry) -> bool:
    """Fuzzy, and its msgstr is still the machine text its fingerprint note was made from."""
    if not entry.fuzzy or not entry.msgstr:
        return False
    return fingerprint_note(entry.msgstr) in entry.comment.splitlines()


def has_reviewer_work(catalog: polib.POFile) -> bool:
    return any(entry.msgstr and not is_untouched_machine_text(entry) for entry in catalog)


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    context = entry.msgctxt
    if context is not None and _LEGACY_CONTEXT.match(context):
        context = None
    return context, entry.msgid


def _rank(entry: polib.POEntry) -> int:
    """Which of several previous entries for one key speaks for it: reviewed, then fuzzy, then machine."""
    if not entry.msgstr:
        return 3
    if is_untouched_machine_text(entry):
        return 2
    return 1 if entry.fuzzy else 0


def _previous_entries(previous: polib.POFile) -> list[polib.POEntry]:
    """Translated previous entries, one per key; a legacy catalog may hold a repeated sentence several times
    (msgctxt …-2), and a second translation of it is kept in the translator comment of the first."""
    by_key: dict[tuple[str | None, str], list[polib.POEntry]] = {}
    for entry in previous:
        if entry.msgstr:
            by_key.setdefault(_key(entry), []).append(entry)
    chosen = []
    for entries in by_key.values():
        entries.sort(key=lambda entry: (entry.obsolete, _rank(entry)))
        best = copy.deepcopy(entries[0])  # the previous catalog stays as it was read
        comments = [line for line in best.tcomment.splitlines() if not line.startswith(_LEGACY_EARLIER_DRAFT)]
        for other in entries[1:]:
            line = f"{_OTHER_TRANSLATION}{other.msgstr}"
            if other.msgstr != best.msgstr and not is_untouched_machine_text(other) and line not in comments:
                comments.append(line)
        best.tcomment = "\n".join(comments)
        if best.msgctxt is not None and _key(best)[0] is None:
            best.msgctxt = None
        if best.previous_msgctxt is not None and _LEGACY_CONTEXT.match(best.previous_msgctxt):
            best.previous_msgctxt = None
        chosen.append(best)
    return chosen


def _most_similar(fresh: Fresh, candidates: list[polib.POEntry]) -> polib.POEntry | None:
    if not candidates:
        return None
    from rapidfuzz import fuzz, process

    same_context = [entry for entry in candidates if entry.msgctxt == fresh.msgctxt]
    found = process.extractOne(fresh.msgid, [entry.msgid for entry in same_context], scorer=fuzz.ratio,
                               score_cutoff=SIMILARITY * 100)
    return same_context[found[2]] if found else None


def _notes(lines: Iterable[str]) -> str:
    """`#.` notes, one unbroken line each: a URL or a glossary note with a line break in it cannot add a line
    that a later stage reads as its own (a QA finding, a machine-text fingerprint)."""
    return "\n".join(one_line(line) for line in lines)


def _new_entry(fresh: Fresh) -> polib.POEntry:
    notes = fresh.notes
    if fresh.machine_text:
        notes = (*notes, *fresh.machine_notes, fingerprint_note(fresh.machine_text))
    return polib.POEntry(msgctxt=fresh.msgctxt, msgid=fresh.msgid, msgstr=fresh.machine_text,
                         occurrences=list(fresh.occurrences), comment=_notes(notes),
                         flags=["fuzzy"] if fresh.machine_text else [])


def _from_previous(fresh: Fresh, before: polib.POEntry, exact: bool) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=fresh.msgctxt, msgid=fresh.msgid, msgstr=before.msgstr,
                          occurrences=list(fresh.occurrences), tcomment=before.tcomment, flags=list(before.flags),
                          previous_msgctxt=before.previous_msgctxt, previous_msgid=before.previous_msgid)
    if not exact:
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        entry.previous_msgctxt, entry.previous_msgid = before.msgctxt, before.msgid
    notes = list(fresh.notes)
    if is_untouched_machine_text(before):
        notes.append(fingerprint_note(before.msgstr))
    elif entry.fuzzy and fresh.machine_text and fresh.machine_text != before.msgstr:
        notes.append(f"new machine text, for comparison: {fresh.machine_text}")
    entry.comment = _notes(notes)
    return entry


def merge(fresh_entries: Iterable[Fresh], previous: polib.POFile | None) -> list[polib.POEntry]:
    """The live entries in the order given, then the obsolete ones (#~) in their previous order.

    As in msgmerge, any previous translation may be the fuzzy starting point of any number of new entries,
    even one that is also kept by an exact match.
    """
    candidates = _previous_entries(previous) if previous is not None else []
    by_key = {_key(entry): entry for entry in candidates}
    used: set[int] = set()
    merged: list[polib.POEntry] = []
    for fresh in fresh_entries:
        before = by_key.get((fresh.msgctxt, fresh.msgid))
        exact = before is not None
        if before is None:
            before = _most_similar(fresh, candidates)
        if before is not None:
            used.add(id(before))
        if before is None or (is_untouched_machine_text(before) and fresh.machine_text):
            merged.append(_new_entry(fresh))
        else:
            merged.append(_from_previous(fresh, before, exact))
    live = {(entry.msgctxt, entry.msgid) for entry in merged}
    for entry in candidates:
        if id(entry) in used or is_untouched_machine_text(entry) or (entry.msgctxt, entry.msgid) in live:
            continue
        entry.obsolete = True
        entry.comment, entry.occurrences = "", []
        merged.append(entry)
    return merged
