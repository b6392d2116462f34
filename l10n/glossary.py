"""glossary.csv: read and validate it, and find its terms in text (longest, leftmost, no overlaps)."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import notes as note_kinds
from .text import placeholders
from .locales import ENGLISH
from .editions import BY_LOCALE, GLOSSARY_COLUMNS
from .plumbing.errors import GlossaryError
from .model import GlossaryEntry, Kind, Segment, TermHit

DEFAULT_PATH = Path("glossary.csv")  # used when no glossary is given and there is one here
REQUIRED_COLUMNS = ("zh_Hans", "en", "kind")
TRADITIONAL_COLUMNS = GLOSSARY_COLUMNS  # one per edition: the desk's overrides, which always win
COLUMNS = ("zh_Hans", "en", "en_short", *TRADITIONAL_COLUMNS, "kind", "en_forbidden", "note")
_LIST_SEPARATOR = "|"
NAME_STYLES = ("full", "news")  # full: every mention of a name in English gets its full rendering; news: later ones
#                                 may use the short form (qa/terms.py)


@dataclass(frozen=True)
class GlossaryOptions:
    """What `glossary check`, which only reads the glossary, takes from the settings."""

    files: tuple[Path, ...]  # read as one; empty: no glossary


@dataclass(frozen=True)
class ReadingOptions:
    """What `align` and `glossary suggest` take from the settings: the glossary, how much of each file they read,
    and whether a folder's symbolic links out of it are taken (as `run` walks and reads articles)."""

    files: tuple[Path, ...]  # read as one; empty: no glossary
    max_bytes: int
    max_blocks: int
    follow_links: bool


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


class Glossary:
    """Entries keyed by source form, with an index for leftmost-longest matching.

    pyahocorasick's iter_long looked like the tool for this, but a randomized comparison with a brute-force
    matcher showed it skipping matches (about 3 % of small cases), so matching is done here: at each
    position, try the term lengths that start with that character, longest first. Cost per position is a
    few dict look-ups whatever the glossary size.
    """

    def __init__(self, entries: list[GlossaryEntry], path: Path | None = None):
        self.path = path
        self.entries = {entry.source: entry for entry in entries}
        lengths: dict[str, set[int]] = {}
        for source in self.entries:
            lengths.setdefault(source[0], set()).add(len(source))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        # Positions whose character starts no term are skipped in one search.
        self._may_start = re.compile("[" + re.escape("".join(sorted(lengths))) + "]") if lengths else None

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[TermHit]:
        hits: list[TermHit] = []
        position = 0
        end_of_text = len(text)
        while position < end_of_text:
            start = self._may_start.search(text, position) if self._may_start is not None else None
            if start is None:
                break
            position = start.start()
            lengths = self._lengths.get(text[position])
            match = None
            if lengths:
                for length in lengths:
                    if position + length > end_of_text:
                        continue
                    candidate = text[position:position + length]
                    entry = self.entries.get(candidate)
                    if entry is not None and _stands_alone(text, position, position + length):
                        match = TermHit(position, position + length, entry)
                        break
            if match is None:
                position += 1
            else:
                hits.append(match)
                position = match.end
        return hits

    def annotate(self, segments: list[Segment]) -> list[Segment]:
        annotated = []
        for segment in segments:
            terms = tuple(self.find_in_marked_up(segment.source))
            annotated.append(segment if terms == segment.terms else segment.with_terms(terms))
        return annotated

    def find_in_marked_up(self, text: str) -> list[TermHit]:
        """Terms in text that holds placeholders (`<a1>Open</a1>AI`), found in what a reader sees,
        with offsets into the text as written."""
        if not placeholders.TAG.search(text):
            return self.find(text)
        plain, offsets = placeholders.plain_with_offsets(text)
        return [TermHit(offsets[hit.start], offsets[hit.end - 1] + 1, hit.entry) for hit in self.find(plain)]


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A Latin term must not be part of a longer Latin word: 'Copilot' is not found in 'Copilots'."""
    if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    if _is_word_char(text[end - 1]) and end < len(text) and _is_word_char(text[end]):
        return False
    return True


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(_LIST_SEPARATOR) if part.strip())


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise GlossaryError("not UTF-8 text", path, line) from error


def parse(text: str, path: Path) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Every entry that is valid, and every problem found, each with its line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return [], [Problem(1, "empty file: expected a header row " + ",".join(COLUMNS))]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append("missing column " + ", ".join(missing))
        if unknown:
            parts.append("unknown column " + ", ".join(repr(name) for name in unknown))
        return [], [Problem(1, "; ".join(parts) + f" (columns: {', '.join(COLUMNS)})")]

    entries: list[GlossaryEntry] = []
    first_seen: dict[str, GlossaryEntry] = {}
    rows_seen: dict[tuple[str, ...], int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                problems.append(Problem(line, f"{len(row)} fields but the header has {len(header)}"))
                continue
            cells = {name: (row[index].strip() if index < len(row) else "") for index, name in enumerate(header)}
            key = tuple(cells.get(name, "") for name in COLUMNS)
            if key in rows_seen:
                problems.append(Problem(line, f"duplicate of line {rows_seen[key]}"))
                continue
            rows_seen[key] = line
            entry, problem = _entry(cells, line)
            if problem:
                problems.append(Problem(line, problem))
                continue
            earlier = first_seen.get(entry.source)
            if earlier is not None:
                problems.append(Problem(line, f"{entry.source} is rendered {entry.english!r} here but "
                                              f"{earlier.english!r} on line {earlier.line}"))
                continue
            first_seen[entry.source] = entry
            entries.append(entry)
    except csv.Error as error:
        problems.append(Problem(reader.line_num, f"malformed CSV: {error}"))
    return entries, problems


def _entry(cells: dict[str, str], line: int) -> tuple[GlossaryEntry | None, str | None]:
    source = cells["zh_Hans"]
    english = cells["en"]
    traditional = tuple((name, cells[name]) for name in TRADITIONAL_COLUMNS if cells.get(name))
    if not source:
        return None, "empty term in column zh_Hans"
    if not english and not traditional:
        return None, f"{source} has no English rendering (en) and no Traditional override"
    try:
        kind = Kind(cells["kind"])
    except ValueError:
        kinds = ", ".join(kind.value for kind in Kind)
        return None, f"unknown kind {cells['kind']!r} (one of {kinds})"
    forbidden = _split_list(cells.get("en_forbidden", ""))
    if english and english.casefold() in {item.casefold() for item in forbidden}:
        return None, f"{english!r} is both the rendering and forbidden"
    return GlossaryEntry(source, english, kind, line, cells.get("en_short", ""), traditional, forbidden,
                         cells.get("note", "")), None


def check_file(path: Path) -> tuple[list[GlossaryEntry], list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError(f"cannot read glossary: {error.strerror}", path) from error
    return parse(_decode(data, path), path)


def load(path: Path) -> Glossary:
    """The glossary, or GlossaryError on its first problem (`l10n glossary check` lists them all)."""
    entries, problems = check_file(path)
    if problems:
        more = f" (and {len(problems) - 1} more; run `l10n glossary check {path}`)" if len(problems) > 1 else ""
        raise GlossaryError(problems[0].message + more, path, problems[0].line)
    return Glossary(entries, path)


def term_notes(segment: Segment, locale: str | None = None) -> tuple[str, ...]:
    """Reviewer comments: each glossary term of the segment once, with its renderings.

    locale None (the template) shows every rendering; "en" only the English ones; a Traditional locale
    only that locale's overrides, since every other term is OpenCC's own conversion.
    """
    notes: list[str] = []
    seen: set[str] = set()
    for hit in segment.terms:
        if hit.entry.source not in seen:
            seen.add(hit.entry.source)
            note = _term_note(hit.entry, locale)
            if note is not None:
                notes.append(note)
    return tuple(notes)


@lru_cache(maxsize=4096)  # a term's comment is the same in every sentence and catalog of a language that hold it
def _term_note(entry: GlossaryEntry, locale: str | None) -> str | None:
    """One term's comment in a catalog of `locale` (term_notes), or None where it gets none there."""
    if locale is None or locale == ENGLISH.locale:
        if locale == ENGLISH.locale and not entry.english:
            return None
        details = [entry.kind.value]
        if entry.english_short:
            details.append(f"later mentions: {entry.english_short}")
        if locale is None:
            details += [f"{locale} {text}" for locale, text in entry.traditional]
        rendering = entry.english or "(Traditional override only)"
    else:
        edition = BY_LOCALE.get(locale)  # a locale no edition writes (zh_MO) is read as a column of its own
        rendering = entry.traditional_for(edition.glossary_column if edition else locale, TRADITIONAL_COLUMNS[0])
        if not rendering:
            return None
        details = [entry.kind.value]
    return note_kinds.glossary_term(entry.source, rendering, details, entry.note)


def chosen_files(paths: Sequence[Path] | None) -> tuple[Path, ...]:
    """The files asked for, or ./glossary.csv when none were and there is one."""
    if paths is None:
        return (DEFAULT_PATH,) if DEFAULT_PATH.is_file() else ()
    return tuple(paths)


def load_many(paths: Sequence[Path]) -> Glossary:
    """One glossary from several files; a term may be defined in only one of them."""
    entries: dict[str, tuple[GlossaryEntry, Path]] = {}
    for path in paths:
        for entry in load(path).entries.values():
            if entry.source in entries:
                first, where = entries[entry.source]
                raise GlossaryError(f"{entry.source} is already defined in {where}:{first.line}", path, entry.line)
            entries[entry.source] = (entry, path)
    return Glossary([entry for entry, _ in entries.values()], paths[0] if len(paths) == 1 else None)
