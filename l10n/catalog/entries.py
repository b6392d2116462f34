"""The catalog entry model that reading, merging, QA, building and exporting share (Babel's `Message` and
Translate Toolkit's units are the anchors; the names are gettext's own, as polib has them).

No file format here: po.py reads catalogs into this model and po_text.py writes it as gettext does. An entry's
`#.` notes are kept as the lines of the file (`notes`); `whole_notes()` gives them whole however a tool wrapped
them (notes.py says how each kind begins).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..text import notes as note_kinds
from ..model import Segment

FUZZY = "fuzzy"
_CONTEXT_SEPARATOR = "\x04"  # between msgctxt and msgid, as in a compiled .mo file
# Segment ids that l10n 0.1 wrote as msgctxt: a hash of the msgid, with -2, -3 for repeats. They carry no context.
_LEGACY_CONTEXT = re.compile(r"^[0-9a-f]{10}(?:-\d+)?$")


def is_legacy_context(msgctxt: str | None) -> bool:
    return msgctxt is not None and _LEGACY_CONTEXT.match(msgctxt) is not None


def key(msgctxt: str | None, msgid: str) -> str:
    """An entry's key in one string, as a compiled catalog has it: the machine record's keys (machine.py)."""
    return msgid if msgctxt is None else f"{msgctxt}{_CONTEXT_SEPARATOR}{msgid}"


@dataclass(eq=False, slots=True)
class Entry:
    """One message: the Simplified sentence (`msgid`) and its translation (`msgstr`)."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    occurrences: list[tuple[str, str]] = field(default_factory=list)  # `#:` (file, line); line may be ""
    flags: list[str] = field(default_factory=list)  # `#,`: fuzzy …
    notes: list[str] = field(default_factory=list)  # `#.` lines: the run's notes for the reviewer (notes.py)
    translator_comments: list[str] = field(default_factory=list)  # `#` lines: the reviewer's own
    previous_msgctxt: str | None = None  # `#| msgctxt`
    previous_msgid: str | None = None  # `#| msgid`: the sentence a fuzzy text was translated from
    obsolete: bool = False  # `#~`: kept for its translation, no longer in the document
    line: int | None = None  # where the entry starts in the file it was read from or last rendered to

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.flags

    @property
    def key(self) -> str:
        return key(self.msgctxt, self.msgid)

    def copy(self) -> Entry:
        """An independent copy: its lists are its own."""
        return Entry(self.msgid, self.msgstr, self.msgctxt, list(self.occurrences), list(self.flags), list(self.notes),
                     list(self.translator_comments), self.previous_msgctxt, self.previous_msgid, self.obsolete,
                     self.line)

    def whole_notes(self) -> tuple[str, ...]:
        return note_kinds.whole(self.notes)

    @property
    def qa_errors(self) -> list[str]:
        """The text of each `QA error: …` note the last run or check wrote."""
        return note_kinds.labelled(self.whole_notes(), note_kinds.QA_ERROR)

    @property
    def qa_warnings(self) -> list[str]:
        return note_kinds.labelled(self.whole_notes(), note_kinds.QA_WARNING)

    @property
    def glossary_notes(self) -> list[str]:
        return note_kinds.labelled(self.whole_notes(), note_kinds.GLOSSARY)


@dataclass(eq=False)
class Catalog:
    """A catalog: its header fields in order, its entries (live ones, then obsolete ones as files have them)."""

    header: dict[str, str]
    entries: list[Entry]
    path: Path | None = None  # where it was read from

    def __iter__(self):
        return iter(self.entries)

    @property
    def locale(self) -> str:
        """The header's Language: a gettext locale (en, zh_TW); "" in a template."""
        return self.header.get("Language", "")

    def copy(self) -> Catalog:
        """A copy whose entries can change without changing these."""
        return Catalog(dict(self.header), [entry.copy() for entry in self.entries], self.path)

    def live(self) -> list[Entry]:
        return [entry for entry in self.entries if not entry.obsolete]

    def for_segments(self, segments: Iterable[Segment]) -> dict[str, Entry]:
        """Each segment's live entry by segment id: the one for its sentence without a context (one entry per
        distinct sentence), or in a catalog written by l10n 0.1, the one whose msgctxt is the segment id. A segment
        missing here has no entry."""
        live = self.live()
        by_context = {(entry.msgctxt, entry.msgid): entry for entry in live if entry.msgctxt is not None}
        by_sentence = {entry.msgid: entry for entry in live if entry.msgctxt is None}
        found = {}
        for segment in segments:
            entry = by_context.get((segment.id, segment.source)) or by_sentence.get(segment.source)
            if entry is not None:
                found[segment.id] = entry
        return found
