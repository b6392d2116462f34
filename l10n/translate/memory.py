"""A translation memory: reviewed translations imported from TMX files into a local SQLite store.

At `run`, a segment whose Simplified sentence is in the memory exactly gets the memory's translation as
its fuzzy draft, instead of a machine draft, with where it came from in a comment. Unlike the draft
cache, the memory is the user's data: a store that cannot be read stops with an error, it is never
rebuilt behind their back.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .. import locales
from ..text import placeholders
from ..plumbing.errors import InputError, OutputError
from ..text.inline_codes import unit_texts
from ..model import Segment, Target
from ..text.notes import MEMORY, note

SOURCE_TAGS = frozenset({"zh", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn", "zh-hans-sg"})
_SCHEMA = ("CREATE TABLE IF NOT EXISTS memory (source TEXT NOT NULL, locale TEXT NOT NULL, target TEXT NOT NULL, "
           "origin TEXT NOT NULL, PRIMARY KEY (source, locale))")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class ImportOptions:
    memory: Path | None  # the store to add to; None: the user's (plumbing.files.default_memory_path)


@dataclass(frozen=True)
class MemoryEntry:
    source: str
    locale: str
    target: str
    origin: str


@dataclass(frozen=True)
class Imported:
    entries: int
    per_locale: tuple[tuple[str, int], ...]
    skipped: int  # units without a Simplified source or a known target language


def read_tmx(path: Path) -> Iterator[MemoryEntry | None]:
    """Every (source, target) pair of the file; None for a unit that has none usable."""
    from lxml import etree

    source_tag = ""
    try:
        events = etree.iterparse(str(path), events=("start", "end"), resolve_entities=False, no_network=True)
        for event, element in events:
            if event == "start":
                if element.getparent() is None and element.tag != "tmx":
                    raise InputError(f"not a TMX file (root element <{element.tag}>)", path, element.sourceline)
                continue
            if element.tag == "header":
                source_tag = element.get("srclang", "")
            elif element.tag == "tu":
                yield from _pairs(path, element, element.get("srclang") or source_tag) or [None]
                element.clear(keep_tail=False)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not well-formed XML: {error.msg}", path, max(error.lineno, 1)) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path) from error


def _pairs(path: Path, tu, source_tag: str) -> list[MemoryEntry]:
    segs: dict[str, object] = {}
    for tuv in tu.iter("tuv"):
        seg = tuv.find("seg")
        tag = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
        if seg is not None and tag:
            segs.setdefault(tag, seg)
    wanted = source_tag.lower()
    sources = [tag for tag in segs if tag in SOURCE_TAGS and (wanted in ("", "*all*") or tag == wanted)]
    if not sources:
        return []
    targets = [(locale, segs[tag]) for tag in segs if (locale := locales.locale_of(tag))]
    source, texts = unit_texts(segs[sources[0]], [seg for _, seg in targets])
    if not source.strip():
        return []
    source, numbers = placeholders.canonical(source)  # a TMX with our placeholders as text, numbered by block
    texts = [placeholders.renumbered(text, numbers) for text in texts]
    tuid = tu.get("tuid")
    origin = f"{path.name}" + (f" (tu {tuid})" if tuid else f" (line {tu.sourceline})")
    return [MemoryEntry(source, locale, text, origin) for (locale, _), text in zip(targets, texts, strict=True)
            if text.strip()]


class TranslationMemory:
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(path)
            self._connection.execute(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise InputError(f"translation memory unreadable ({error}); move it aside or import again", path) \
                from error
        except OSError as error:
            raise OutputError(f"cannot open the translation memory: {error.strerror}", path) from error

    def add(self, entries: list[MemoryEntry]) -> None:
        """Later imports win: the newest translation of a sentence is the one used."""
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO memory (source, locale, target, origin) VALUES (?, ?, ?, ?)",
                    [(entry.source, entry.locale, entry.target, entry.origin) for entry in entries])
        except sqlite3.DatabaseError as error:
            raise OutputError(f"cannot write the translation memory ({error})", self.path) from error

    def lookup(self, sources: list[str], locale: str) -> dict[str, MemoryEntry]:
        """Exact matches by sentence. Units are stored with their placeholders numbered from 1
        (inline_codes.py), so a sentence is looked up that way too and its match gets the sentence's own
        numbers back; a memory imported before that numbering is also asked for the sentence as it is."""
        canonical = {source: placeholders.canonical(source) for source in sources}
        wanted = sorted({text for text, _ in canonical.values()} | set(sources))
        rows: dict[str, tuple[str, str]] = {}
        try:
            for start in range(0, len(wanted), 500):
                part = wanted[start:start + 500]
                rows.update((source, (target, origin)) for source, target, origin in self._connection.execute(
                    f"SELECT source, target, origin FROM memory WHERE locale = ? AND source IN "
                    f"({','.join('?' * len(part))})", [locale, *part]))
        except sqlite3.DatabaseError as error:
            raise InputError(f"translation memory unreadable ({error})", self.path) from error
        found: dict[str, MemoryEntry] = {}
        for source, (text, mapping) in canonical.items():
            if text in rows:
                target, origin = rows[text]
                back = {number: original for original, number in mapping.items()}
                found[source] = MemoryEntry(source, locale, placeholders.renumbered(target, back), origin)
            elif source in rows:
                target, origin = rows[source]
                found[source] = MemoryEntry(source, locale, target, origin)
        return found

    def close(self) -> None:
        self._connection.close()


def import_tmx(tmx: Path, store: Path) -> Imported:
    """Reads the whole file first, so a broken TMX adds nothing."""
    entries: list[MemoryEntry] = []
    skipped = 0
    for entry in read_tmx(tmx):
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    memory = TranslationMemory(store)
    try:
        memory.add(entries)
    finally:
        memory.close()
    per_locale: dict[str, int] = {}
    for entry in entries:
        per_locale[entry.locale] = per_locale.get(entry.locale, 0) + 1
    return Imported(len(entries), tuple(sorted(per_locale.items())), skipped)


def apply_memory(memory: TranslationMemory, segments: list[Segment], target: Target) -> tuple[Target, int]:
    """Exact matches replace the target's drafts; their notes say which memory unit they came from.
    Returns the new target and how many segments took a match."""
    matches = memory.lookup(sorted({segment.source for segment in segments}), target.locale)
    if not matches:
        return target, 0
    texts, notes = dict(target.texts), dict(target.notes)
    used = 0
    for segment in segments:
        match = matches.get(segment.source)
        if match is not None:
            texts[segment.id] = match.target
            notes[segment.id] = (note(MEMORY, match.origin),)
            used += 1
    return replace(target, texts=texts, notes=notes), used
