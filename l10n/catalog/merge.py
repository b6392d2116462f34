"""Carry a reviewer's work into a regenerated catalog, with GNU msgmerge's rules.

- Same msgid (and msgctxt) as a previous entry, live or obsolete (#~, revived): the reviewer's entry is kept
  exactly: msgstr, flags, translator comments, previous msgid. Only the generated parts (#. notes, #:
  references) are refreshed.
- No exact match: the most similar previous translation (live or obsolete) scoring at least SIMILARITY
  becomes the starting point, fuzzy, with the old source in `#| msgid` as `msgmerge --previous` writes it.
  Where msgmerge would take only the closer half of a sentence that used to be two entries (a segmentation
  change: `甲；` and `乙。` are now `甲；乙。`), the reviewer's translations of all its pieces, joined in order,
  are the starting point, and `#| msgid` shows the old pieces one per line; the pieces are not kept obsolete
  since their work is in the new entry.
- A previous translation that nothing uses any more stays as an obsolete entry (#~).

What differs from msgmerge, on purpose:
- A machine text nobody touched (still fuzzy, and what the folder's record says the machine wrote there:
  machine.py) is not a translation worth keeping: a new machine text replaces it, and when its sentence
  vanishes it is dropped, not made obsolete. Nor is it a starting point for a similar sentence.
- A reviewer's text is never replaced by a machine text, fuzzy or not; the new machine text is shown
  beside it in a `#.` note, which is regenerated on every run and so never piles up.
"""
from __future__ import annotations

import collections
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..text import notes
from .entries import FUZZY, Catalog, Entry, is_legacy_context, key
from .machine import Draft, Drafts, is_machine_text

# msgmerge's FUZZY_THRESHOLD (gettext-tools/src/msgl-fsearch.h): fstrcmp() >= 0.6, where fstrcmp is
# 2·(common characters of a shortest edit script) / (total length). rapidfuzz's Indel ratio is the same
# measure; we count characters where msgmerge counts UTF-8 bytes (which inflates scores of Chinese text
# because the lead bytes of unrelated characters often agree).
SIMILARITY = 0.6
# A translator comment l10n 0.1 added on every run; dropped when read, so it no longer piles up.
_LEGACY_EARLIER_DRAFT = "earlier draft: "
_OTHER_TRANSLATION = "other translation of this repeated sentence: "


class Fresh(NamedTuple):  # a tuple: a run makes one for every entry of every catalog
    """One entry as the current run would write it, before any previous work is merged in."""

    msgid: str
    occurrences: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]  # true whatever the msgstr is: where the sentence sits, its glossary terms
    msgctxt: str | None = None
    machine_text: str = ""  # the machine's text for this run, "" when there is none
    machine_notes: tuple[str, ...] = ()  # true only while msgstr is that machine text


@dataclass(frozen=True)
class Merged:
    entries: list[Entry]  # live ones in order, then the obsolete ones
    drafts: Drafts  # the machine text each entry now carries, for the folder's record (machine.py)


def _key(entry: Entry) -> tuple[str | None, str]:
    return (None if is_legacy_context(entry.msgctxt) else entry.msgctxt), entry.msgid


def _untouched(entry: Entry, drafts: Drafts) -> bool:
    return is_machine_text(entry, drafts, key(*_key(entry)))


def has_reviewer_work(catalog: Catalog, drafts: Drafts) -> bool:
    return any(entry.msgstr and not _untouched(entry, drafts) for entry in catalog)


def _rank(entry: Entry, drafts: Drafts) -> int:
    """Which of several previous entries for one key speaks for it: reviewed, then fuzzy, then machine."""
    if not entry.msgstr:
        return 3
    if _untouched(entry, drafts):
        return 2
    return 1 if entry.fuzzy else 0


def _previous_entries(previous: Catalog, drafts: Drafts) -> list[tuple[Entry, Draft | None]]:
    """Previous entries, one per key, each with its machine text while that is untouched. Untranslated ones
    count too: as in msgmerge, an exact match that was left empty stays so rather than borrowing a similar
    sentence's translation. A legacy catalog may hold a repeated sentence several times (msgctxt …-2), and a
    second translation of it is kept in the translator comment of the first."""
    by_key: dict[tuple[str | None, str], list[Entry]] = {}
    for entry in previous:
        if entry.msgid:  # not the header
            by_key.setdefault(_key(entry), []).append(entry)
    chosen = []
    for entries in by_key.values():
        entries.sort(key=lambda entry: (entry.obsolete, _rank(entry, drafts)))
        best = entries[0].copy()  # the previous catalog stays as it was read
        comments = [line for line in best.translator_comments if not line.startswith(_LEGACY_EARLIER_DRAFT)]
        for other in entries[1:]:
            line = f"{_OTHER_TRANSLATION}{other.msgstr}"
            if (other.msgstr and other.msgstr != best.msgstr and not _untouched(other, drafts)
                    and line not in comments):
                comments.append(line)
        best.translator_comments = comments
        machine = drafts.get(key(*_key(entries[0]))) if _untouched(entries[0], drafts) else None
        if best.msgctxt is not None and _key(best)[0] is None:
            best.msgctxt = None
        if is_legacy_context(best.previous_msgctxt):
            best.previous_msgctxt = None
        chosen.append((best, machine))
    return chosen


def _most_similar(fresh: Fresh, candidates: list[Entry]) -> Entry | None:
    if not candidates:
        return None
    from rapidfuzz import fuzz, process

    same_context = [entry for entry in candidates if entry.msgctxt == fresh.msgctxt]
    found = process.extractOne(fresh.msgid, [entry.msgid for entry in same_context], scorer=fuzz.ratio,
                               score_cutoff=SIMILARITY * 100)
    return same_context[found[2]] if found else None


def _pieces(msgid: str, by_start: dict[str, list[Entry]]) -> list[Entry] | None:
    """Two or more previous entries whose sources, in order (spaces between them aside), make up `msgid`."""
    reached: dict[int, tuple[int, Entry] | None] = {0: None}
    pending = collections.deque([0])
    while pending:
        start = pending.popleft()
        position = start
        while position < len(msgid) and msgid[position].isspace():
            position += 1
        for entry in by_start.get(msgid[position:position + 1], ()):
            end = position + len(entry.msgid)
            if msgid.startswith(entry.msgid, position) and end not in reached and (position, end) != (0, len(msgid)):
                reached[end] = (start, entry)
                pending.append(end)
    if len(msgid) not in reached:
        return None
    pieces, end = [], len(msgid)
    while reached[end] is not None:
        end, entry = reached[end]
        pieces.insert(0, entry)
    return pieces


def _joined(texts: list[str]) -> str:
    """Translations of consecutive pieces as one text: a space between them unless one side is Chinese."""
    joined = ""
    for text in texts:
        wide = joined and text and any(unicodedata.east_asian_width(char) in ("W", "F")
                                       for char in (joined[-1], text[0]))
        joined += text if not joined or wide else " " + text
    return joined


def _joined_start(fresh: Fresh, translated: list[Entry], reviewed: set[int]) -> tuple[Entry, list[Entry]] | None:
    """A starting point for a sentence that was several entries before, made of their translations, when a
    reviewer worked on at least one of them (the others keep their machine text, to be checked again)."""
    if not translated:
        return None
    by_start: dict[str, list[Entry]] = {}
    for entry in translated:
        if entry.msgctxt == fresh.msgctxt and entry.msgid:
            by_start.setdefault(entry.msgid[0], []).append(entry)
    pieces = _pieces(fresh.msgid, by_start)
    if pieces is None or not any(id(piece) in reviewed for piece in pieces):
        return None
    flags = list(dict.fromkeys(flag for piece in pieces for flag in piece.flags))
    comments = list(dict.fromkeys("\n".join(piece.translator_comments) for piece in pieces
                                  if piece.translator_comments))
    start = Entry(msgid="\n".join(piece.msgid for piece in pieces), msgstr=_joined([piece.msgstr for piece in pieces]),
                  msgctxt=fresh.msgctxt, flags=flags,
                  translator_comments="\n".join(comments).split("\n") if comments else [])
    return start, pieces


def _new_entry(fresh: Fresh) -> Entry:
    written = (*fresh.notes, *fresh.machine_notes) if fresh.machine_text else fresh.notes
    return Entry(fresh.msgid, fresh.machine_text, fresh.msgctxt, list(fresh.occurrences),
                 [FUZZY] if fresh.machine_text else [], notes.lines(written))


def _kept_machine_text(fresh: Fresh, draft: Draft) -> Entry:
    """The machine text of an earlier run, when this run has none for the sentence (say, no model now)."""
    return Entry(fresh.msgid, draft.text, fresh.msgctxt, list(fresh.occurrences), [FUZZY],
                 notes.lines((*fresh.notes, *draft.notes)))


def _from_previous(fresh: Fresh, before: Entry, exact: bool) -> Entry:
    entry = Entry(fresh.msgid, before.msgstr, fresh.msgctxt, list(fresh.occurrences), list(before.flags),
                  translator_comments=list(before.translator_comments), previous_msgctxt=before.previous_msgctxt,
                  previous_msgid=before.previous_msgid)
    if not exact:
        if FUZZY not in entry.flags:
            entry.flags.insert(0, FUZZY)
        entry.previous_msgctxt, entry.previous_msgid = before.msgctxt, before.msgid
    written = list(fresh.notes)
    if entry.fuzzy and fresh.machine_text and fresh.machine_text != before.msgstr:
        written.append(notes.note(notes.NEW_MACHINE_TEXT, fresh.machine_text))
    entry.notes = notes.lines(written)
    return entry


def merge(fresh_entries: Iterable[Fresh], previous: Catalog | None, drafts: Drafts | None = None) -> Merged:
    """The live entries in the order given, then the obsolete ones (#~) in their previous order. `drafts`:
    what the machine wrote into the previous catalog (the folder's record).

    As in msgmerge, any previous translation may be the fuzzy starting point of any number of new entries,
    even one that is also kept by an exact match.
    """
    drafts = drafts or {}
    chosen = _previous_entries(previous, drafts) if previous is not None else []
    by_key = {_key(entry): (entry, machine) for entry, machine in chosen}
    candidates = [entry for entry, machine in chosen if entry.msgstr and machine is None]
    translated = [entry for entry, _ in chosen if entry.msgstr]
    reviewed = {id(entry) for entry in candidates}
    used: set[int] = set()
    merged: list[Entry] = []
    written: Drafts = {}
    for fresh in fresh_entries:
        fresh_key = key(fresh.msgctxt, fresh.msgid)
        before, machine = by_key.get((fresh.msgctxt, fresh.msgid), (None, None))
        exact = before is not None
        if before is None:
            joined = _joined_start(fresh, translated, reviewed)
            if joined is not None:
                before, pieces = joined
                used.update(id(piece) for piece in pieces)
        if before is None:
            before = _most_similar(fresh, candidates)
        if before is not None:
            used.add(id(before))
        if before is None or not before.msgstr or (machine is not None and fresh.machine_text):
            merged.append(_new_entry(fresh))
            if fresh.machine_text:
                written[fresh_key] = Draft(fresh.machine_text, fresh.machine_notes)
        elif machine is not None:
            merged.append(_kept_machine_text(fresh, machine))
            written[fresh_key] = machine
        else:
            merged.append(_from_previous(fresh, before, exact))
    live = {(entry.msgctxt, entry.msgid) for entry in merged}
    for entry, machine in chosen:
        if (id(entry) in used or not entry.msgstr or machine is not None
                or (entry.msgctxt, entry.msgid) in live):
            continue
        entry.obsolete = True
        entry.notes, entry.occurrences = [], []
        merged.append(entry)
    return Merged(merged, written)
