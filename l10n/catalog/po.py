"""Segments and targets ⇄ gettext catalogs (entries.py's model): read with polib, written as gettext writes them
(po_text.py).

Mapping: one entry per distinct sentence. msgid = the Simplified sentence, no msgctxt (the sentence is its
own key), msgstr = target text, #: = source file and line of each occurrence, #. = notes for the reviewer
about this entry in this language as it is now, fuzzy = not yet reviewed. Merging with a reviewer's
previous file is merge.py's job.
"""
from __future__ import annotations

import codecs
import itertools
import re
from pathlib import Path
from typing import NamedTuple

import polib

from .. import __version__, locales
from ..text import notes
from ..plumbing.errors import InputError
from ..model import Document, Segment, Target
from ..reading.readers.charset import line_of
from . import merge, po_text
from .entries import Catalog, Entry
from .machine import Drafts

# Kept from a reviewer's file when it is regenerated: who last worked on it, and when.
_REVIEWER_HEADERS = ("PO-Revision-Date", "Last-Translator", "Language-Team")
# gettext's template placeholders, which msgfmt -c and Poedit's Validate warn about; l10n 0.1 wrote them.
_PLACEHOLDERS = ("YEAR-MO-DA", "FULL NAME", "LANGUAGE <LL@li.org>")
# Files must be byte-identical for the same input, so the machine-made file carries no clock time: the
# revision date says "never revised" until a reviewer's tool sets it.
_NOT_REVISED = "1970-01-01 00:00+0000"
_OBSOLETE_PREVIOUS = "#~| "


def _header(document: Document, locale: str | None, origin: str | None) -> dict[str, str]:
    metadata = {
        "Project-Id-Version": document.name,
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": _NOT_REVISED,
        "Last-Translator": f"l10n {__version__} (machine text, no reviewer yet)",
        "Language-Team": locale or "none",
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
        metadata["Plural-Forms"] = locales.of(locale).plural_forms
    if origin is not None:
        metadata["X-L10n-Origin"] = origin
    return metadata


class SourceEntry(NamedTuple):
    """What a document's template and each of its target catalogs say alike of one distinct sentence: its
    segments, where they sit (the entry's first `#.` note) and its `#:` references. Made once per document."""

    segments: list[Segment]
    where: str
    occurrences: tuple[tuple[str, str], ...]

    @property
    def id(self) -> str:
        """Its first segment's id, under which per-segment texts and notes are looked up."""
        return self.segments[0].id


def source_entries(document: Document, segments: list[Segment]) -> list[SourceEntry]:
    """Segments grouped by sentence text, in order of first occurrence: one catalog entry per group."""
    groups: dict[str, list[Segment]] = {}
    for segment in segments:
        groups.setdefault(segment.source, []).append(segment)
    return [SourceEntry(group, notes.location((s.part.value, s.paragraph, s.sentence) for s in group),
                        tuple(dict.fromkeys((document.source_name, str(s.line)) for s in group)))
            for group in groups.values()]


def _fresh(entry: SourceEntry, entry_notes: tuple[str, ...], text: str = "",
           machine_notes: tuple[str, ...] = ()) -> merge.Fresh:
    return merge.Fresh(entry.segments[0].source, entry.occurrences, (entry.where, *entry_notes), machine_text=text,
                       machine_notes=machine_notes)


def template(document: Document, entries: list[SourceEntry], segment_notes: dict[str, tuple[str, ...]]) -> Catalog:
    fresh = [_fresh(entry, segment_notes.get(entry.id, ())) for entry in entries]
    return Catalog(_header(document, None, None), merge.merge(fresh, None).entries)


def target_catalog(document: Document, entries: list[SourceEntry], target: Target,
                   segment_notes: dict[str, tuple[str, ...]], previous: Catalog | None = None,
                   drafts: Drafts | None = None) -> tuple[Catalog, Drafts]:
    """Machine-made texts start fuzzy: a reviewer clears the flag once an entry is checked. Whatever a
    reviewer did in the previous file is kept (merge.py); `drafts` is what the machine wrote into it. Returns
    the catalog and what the machine wrote into this one, for the folder's record."""
    fresh = [_fresh(entry, segment_notes.get(entry.id, ()), target.texts.get(entry.id, ""),
                    target.notes.get(entry.id, ())) for entry in entries]
    merged = merge.merge(fresh, previous, drafts)
    catalog = Catalog(_header(document, target.locale, target.origin), merged.entries)
    if previous is not None:
        for key in _REVIEWER_HEADERS:
            value = previous.header.get(key)
            if value and not any(placeholder in value for placeholder in _PLACEHOLDERS):
                catalog.header[key] = value
    return catalog, merged.drafts


_STRING_LINE = re.compile(r'^(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')
_CLOSED_STRING = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')


def _check_strings_closed(text: str, path: Path) -> None:
    """polib reads `msgstr "abc` as "ab" without a word; a reviewer's text must never be cut silently."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        match = _STRING_LINE.match(stripped)
        if match and not _CLOSED_STRING.fullmatch(stripped[match.end() - 1:]):
            raise InputError("unterminated string", path, number)


# gettext takes a catalog's encoding from the header's Content-Type; xgettext's templates say CHARSET.
_DECLARED_CHARSET = re.compile(rb'^"Content-Type:[^\n]*?charset=([A-Za-z0-9_.:-]+)', re.M | re.I)


def _decoded(data: bytes, path: Path) -> tuple[str, str]:
    """(text, Python codec) of a catalog read by the charset its header declares, and checked: bytes that
    do not decode, an unknown charset, or a legacy charset declared over UTF-8 text (which would decode
    into mojibake without an error) stop the file with its line; nothing is read wrongly, nothing rewritten."""
    found = _DECLARED_CHARSET.search(data)
    declared = found[1].decode("ascii") if found else "UTF-8"
    line = line_of(data, found.start()) if found else None
    try:
        codec = "utf-8" if declared.upper() == "CHARSET" else codecs.lookup(declared).name
    except LookupError:
        raise InputError(f"the header's charset={declared} is not an encoding this system knows", path,
                         line) from None
    if codec != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise InputError(f"the header says charset={declared}, but the text is UTF-8: correct the charset "
                             "in the header (the file was left as it is)", path, line)
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {declared} text (byte 0x{data[error.start]:02x} cannot be decoded); the "
                         "file was left as it is", path, line_of(data, error.start)) from error


def _is_head(line: str) -> bool:
    """A line of an entry before its strings: a comment, a reference, flags, a previous string (#|, #~|)."""
    return line.startswith("#") and not line.startswith(("#~ ", '#~"'))


def _head(lines: list[str], linenum: int) -> tuple[int, list[str]]:
    """Where an entry begins (1-based) and its lines before its strings. polib's linenum is the first line it
    made something of, which may be below an empty comment line or an obsolete entry's `#~|` lines."""
    first = linenum - 1
    while first > 0 and _is_head(lines[first - 1]):
        first -= 1
    return first + 1, list(itertools.takewhile(_is_head, lines[first:]))


def _entry(entry: polib.POEntry, lines: list[str]) -> Entry:
    """polib's entry in the model, its comments and an obsolete entry's `#~|` strings taken from the file's own
    lines: polib strips empty comment lines at the start and end of a comment and drops `#~|` (msgcat and
    msgmerge keep both), so a re-run would lose them from a catalog it rewrites."""
    notes, translator_comments, keyword = [], [], ""
    previous = {"msgctxt": entry.previous_msgctxt, "msgid": entry.previous_msgid}
    start, head = _head(lines, entry.linenum)
    for line in head:
        if line.startswith("#."):
            notes.append(line.removeprefix("#.").removeprefix(" "))
        elif line.startswith("# ") or line == "#":
            translator_comments.append(line[2:])
        elif entry.obsolete and line.startswith(_OBSOLETE_PREVIOUS):
            rest = line[len(_OBSOLETE_PREVIOUS):].strip()
            if not rest.startswith('"'):
                keyword, _, rest = rest.partition(" ")
                previous[keyword] = ""
            if keyword in previous and len(rest) >= 2:
                previous[keyword] += polib.unescape(rest[1:-1])
    return Entry(entry.msgid, entry.msgstr, entry.msgctxt, list(entry.occurrences), list(entry.flags), notes,
                 translator_comments, previous["msgctxt"], previous["msgid"], bool(entry.obsolete), start)


def read_catalog(path: Path) -> Catalog:
    """A catalog in any charset gettext supports (UTF-8, GB18030, ISO-8859-1 …), read as its header declares
    and checked first (_decoded). In memory its header says UTF-8: every catalog l10n writes is UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read catalog: {error.strerror}", path) from error
    text, codec = _decoded(data, path)
    _check_strings_closed(text, path)
    try:
        read = polib.pofile(str(path), wrapwidth=78, encoding=codec)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        # polib (1.2.0) keeps the line of a syntax error only in its message ("… (line 12): …"), an IOError with
        # no attribute for it: read from the message.
        match = re.search(r"\(line (\d+)\)", str(error))
        detail = str(error).split(":", 1)[-1].strip() if match else str(error)
        raise InputError(f"cannot read catalog: {detail or 'syntax error'}", path,
                         int(match.group(1)) if match else None) from error
    header = dict(read.metadata)
    content_type = header.get("Content-Type")
    if codec != "utf-8" and content_type:
        header["Content-Type"] = re.sub(r"charset=[^\s;]+", "charset=UTF-8", content_type)
    lines = text.split("\n")
    return Catalog(header, [_entry(entry, lines) for entry in read], path)


def render(catalog: Catalog) -> str:
    """The catalog as gettext's own tools write it (po_text.py)."""
    return po_text.render(catalog)
