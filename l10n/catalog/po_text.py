"""A catalog as GNU gettext writes it, so that msgcat, msgmerge and Poedit rewrite only what a reviewer
changed and a one-entry review is a one-entry diff.

gettext (write-po.c) wraps strings at 79 columns: a string that does not fit starts with an empty first
line, breaks fall where Unicode's line-breaking rules (UAX #14) allow one, never inside an escape, and
East Asian wide characters count two columns. The break opportunities come from libunistring, the
library gettext itself calls, when it is installed (it comes with gettext), so the result is gettext's
byte for byte; otherwise from unicode-segmentation-rs, which follows the current UAX #14 and so differs
from libunistring after "/" and where "," "." ":" stand right before a Latin letter (",OpenAI"): a
gettext tool would then rewrap those few strings.
Comments are never wrapped; `#:` references are filled to the same width.
"""
from __future__ import annotations

import bisect
import ctypes
import ctypes.util
import functools
import itertools
import re
from collections.abc import Iterable

from ..plumbing.columns import CharacterMeasures, character_columns
from ..plumbing.escapes import one_line
from .entries import Catalog, Entry

PAGE_WIDTH = 79
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t", "\v": "\\v"}
_UC_BREAK_POSSIBLE = 2  # libunistring's unilbrk.h


@functools.cache
def _libunistring():
    name = ctypes.util.find_library("unistring")
    if name is None:
        return None
    try:
        function = ctypes.CDLL(name).u32_possible_linebreaks
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p]
    function.restype = None
    return function


def _break_marks(text: str) -> bytes:
    """For each character, _UC_BREAK_POSSIBLE where a line may break before it."""
    possible_linebreaks = _libunistring()
    if possible_linebreaks is not None:
        result = ctypes.create_string_buffer(len(text))
        possible_linebreaks(text.encode("utf-32-le"), len(text), b"UTF-8", result)
        return result.raw
    from unicode_segmentation_rs import line_breaks

    offsets = itertools.accumulate((len(character.encode("utf-8")) for character in text), initial=0)
    character_at = {offset: index for index, offset in enumerate(offsets)}
    return _marks(len(text), (character_at[offset] for offset, _ in line_breaks(text)))


def _marks(length: int, positions: Iterable[int]) -> bytes:
    marks = bytearray(length)
    for position in positions:
        if position < length:
            marks[position] = _UC_BREAK_POSSIBLE
    return bytes(marks)


def _column_written(character: str) -> int:
    """A character's columns as written in the file: an escape takes two."""
    escaped = _ESCAPES.get(character)
    return len(escaped) if escaped is not None else character_columns(character)


# a catalog measures every character of its long strings
_columns_written = CharacterMeasures(_column_written)


_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def _escaped(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda match: _ESCAPES[match[0]], text)


_AN_ESCAPE = re.compile(r"\\.", re.DOTALL)  # in text as written, every backslash starts an escape


def _measured(text: str) -> tuple[str | list[str], list[int] | range]:
    """Each character as written (itself, or its escape) and the columns written before each character. ASCII is
    written as one string, of a column a character (an escape takes two columns in two characters): its units and
    columns are those of the string as written, with no character measured."""
    if text.isascii():
        written = _escaped(text)
        return written, range(len(written) + 1)
    units = [_ESCAPES.get(character, character) for character in text] if _NEEDS_ESCAPE.search(text) else text
    return units, list(itertools.accumulate(map(_columns_written.__getitem__, text), initial=0))


def _breaks(text: str, units: str | list[str]) -> bytes:
    """_break_marks by unit of the text as written (a character or its escape), never inside an escape."""
    if units == text:
        return _break_marks(text)
    if isinstance(units, str):  # ASCII as written
        marks = bytearray(_break_marks(units))
        for escape in _AN_ESCAPE.finditer(units):
            marks[escape.start() + 1] = 0
        return bytes(marks)
    marks = _break_marks("".join(units))
    starts = itertools.accumulate(map(len, units), initial=0)
    return _marks(len(text), (index for index, start in enumerate(starts)
                              if start < len(marks) and marks[start] == _UC_BREAK_POSSIBLE))


def _breakable(breaks: bytes) -> bool:
    """Whether a line may break anywhere but before the first character."""
    return breaks.find(_UC_BREAK_POSSIBLE, 1) >= 0


def _pack(units: str | list[str], columns: list[int] | range, breaks: bytes, width: int, start_column: int) -> list[str]:
    """libunistring's ulc_width_linebreaks: the pieces between break opportunities packed greedily, breaking at
    the last opportunity before the width; a piece wider than a line gets one to itself. One piece when the text
    fits or has no break opportunity."""
    end = len(columns) - 1
    edges = [0]
    limit = width - start_column  # the columns the line that starts at edges[-1] may reach
    while columns[end] > limit:
        start = edges[-1]
        cut = breaks.rfind(_UC_BREAK_POSSIBLE, start + 1, bisect.bisect_right(columns, limit))
        if cut < 0:  # the first piece is wider than a line: it gets one to itself
            cut = breaks.find(_UC_BREAK_POSSIBLE, start + 1)
            if cut < 0:
                break
        edges.append(cut)
        limit = columns[cut] + width
    edges.append(end)
    if isinstance(units, str):
        return [units[start:stop] for start, stop in zip(edges, edges[1:])]
    return ["".join(units[start:stop]) for start, stop in zip(edges, edges[1:])]


def _fits(text: str, room: int) -> bool:
    """Whether the text as written surely takes at most `room` columns, told without measuring each character: none
    takes more than two, and in ASCII each takes one, or two escaped (a header's lines end in an escaped \\n)."""
    if 2 * len(text) <= room:
        return True
    return text.isascii() and len(text) + len(_NEEDS_ESCAPE.findall(text)) <= room


def _wrap_portion(text: str, width: int, start_column: int) -> list[str]:
    if _fits(text, width - start_column):
        return [_escaped(text)]
    units, columns = _measured(text)
    if start_column + columns[-1] <= width:
        return ["".join(units)]
    return _pack(units, columns, _breaks(text, units), width, start_column)


@functools.lru_cache(maxsize=4096)
def string_lines(keyword: str, value: str, prefix: str = "") -> tuple[str, ...]:
    """`msgid "…"` and its continuation lines; prefix is "#~ " for obsolete entries, "#| " for previous ones.
    Cached: a document's msgids go into its template and into each of its catalogs."""
    width = PAGE_WIDTH - 2 - len(prefix)  # two quotes
    portions = value.split("\n")
    portions = [portion + "\n" for portion in portions[:-1]] + ([portions[-1]] if portions[-1] else [])
    if not portions:
        return (f'{prefix}{keyword} ""',)
    if len(portions) == 1:  # on the keyword's line where it fits there or cannot be broken, else below it
        portion, start = portions[0], len(keyword) + 1
        if _fits(portion, width - start):
            return (f'{prefix}{keyword} "{_escaped(portion)}"',)
        units, columns = _measured(portion)
        breaks = None if start + columns[-1] <= width else _breaks(portion, units)
        if breaks is None or not _breakable(breaks):
            return (f'{prefix}{keyword} "{"".join(units)}"',)
        return (f'{prefix}{keyword} ""', *(f'{prefix}"{line}"' for line in _pack(units, columns, breaks, width, 0)))
    lines = [f'{prefix}{keyword} ""']
    for portion in portions:
        lines += [f'{prefix}"{line}"' for line in _wrap_portion(portion, width, 0)]
    return tuple(lines)


@functools.lru_cache(maxsize=4096)
def _references(occurrences: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """gettext's `#:` lines: filled to the page width counting bytes, as write-po.c does; a file name with a
    space or a tab enclosed in U+2068 … U+2069 (not counted) so that it reads back as one name. Cached: a
    document's template and each of its catalogs give a sentence the same references."""
    lines, line, column = [], "#:", 2
    for path, number in occurrences:
        name = one_line(path)
        suffix = f":{number}" if number else ""
        width = len(name.encode("utf-8")) + len(suffix) + 1
        if column > 2 and column + width > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += f" \u2068{name}\u2069{suffix}" if " " in name or "\t" in name else f" {name}{suffix}"
        column += width
    return (*lines, line) if line != "#:" else tuple(lines)


def _comment_lines(marker: str, lines: list[str]) -> list[str]:
    """One comment line per line; nothing else in it may end a line (escapes.one_line)."""
    return [f"{marker} {one_line(line)}" if line else marker for line in lines]


def _add_entry_lines(entry: Entry, lines: list[str]) -> None:
    """The entry's lines, added to the catalog's: a catalog is one list of lines joined once, not a list per entry."""
    if entry.translator_comments:
        lines += _comment_lines("#", entry.translator_comments)
    if entry.notes:
        lines += _comment_lines("#.", entry.notes)
    if entry.occurrences and not entry.obsolete:
        lines += _references(tuple(entry.occurrences))
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    prefix = "#~ " if entry.obsolete else ""
    previous = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        lines += string_lines("msgctxt", entry.previous_msgctxt, previous)
    if entry.previous_msgid is not None:
        lines += string_lines("msgid", entry.previous_msgid, previous)
    if entry.msgctxt is not None:
        lines += string_lines("msgctxt", entry.msgctxt, prefix)
    lines += string_lines("msgid", entry.msgid, prefix)
    lines += string_lines("msgstr", entry.msgstr, prefix)


def render(catalog: Catalog) -> str:
    """The catalog's text; each entry's `line` becomes the line it starts at there."""
    header = "".join(f"{one_line(key)}: {one_line(value)}\n" for key, value in catalog.header.items())
    lines = ['msgid ""', *string_lines("msgstr", header)]
    for entry in catalog.entries:
        lines.append("")  # a blank line between entries
        entry.line = len(lines) + 1
        _add_entry_lines(entry, lines)
    lines.append("")
    return "\n".join(lines)
