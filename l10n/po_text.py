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

import ctypes
import ctypes.util
import functools
import unicodedata

import polib

PAGE_WIDTH = 79
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t", "\v": "\\v"}
_UC_BREAK_POSSIBLE = 2  # libunistring's unilbrk.h


def _columns(character: str) -> int:
    escaped = _ESCAPES.get(character)
    if escaped is not None:
        return len(escaped)
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


@functools.cache
def _libunistring():
    name = ctypes.util.find_library("unistring")
    if name is None:
        return None
    try:
        function = ctypes.CDLL(name).u8_possible_linebreaks
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p]
    function.restype = None
    return function


def _break_offsets(text: str) -> set[int]:
    """UTF-8 byte offsets where a line may break (before the character starting there)."""
    data = text.encode("utf-8")
    possible_linebreaks = _libunistring()
    if possible_linebreaks is not None:
        result = ctypes.create_string_buffer(len(data))
        possible_linebreaks(data, len(data), b"UTF-8", result)
        return {offset for offset, kind in enumerate(result.raw) if kind == _UC_BREAK_POSSIBLE}
    from unicode_segmentation_rs import line_breaks

    return {offset for offset, _ in line_breaks(text)}


@functools.lru_cache(maxsize=65536)
def _measure(character: str) -> tuple[str, int, int]:
    """A character as written (escaped), its columns and its UTF-8 length as written."""
    unit = _ESCAPES.get(character, character)
    return unit, _columns(character), len(unit.encode("utf-8"))


def _wrap_portion(text: str, width: int, start_column: int) -> list[str]:
    """libunistring's ulc_width_linebreaks over the escaped text: greedy, breaking at the last opportunity
    before the width, never inside an escape."""
    measured = [_measure(character) for character in text]
    units = [unit for unit, _, _ in measured]
    if start_column + sum(columns for _, columns, _ in measured) <= width:  # it fits: no break is needed
        return ["".join(units)]
    offsets = _break_offsets("".join(units))
    breaks: list[int] = []
    last_break, column, piece, offset = None, start_column, 0, 0
    for index, (_, columns, size) in enumerate(measured):
        if index and offset in offsets:
            if last_break is not None and column + piece > width:
                breaks.append(last_break)
                column = 0
            last_break, column, piece = index, column + piece, 0
        piece += columns
        offset += size
    if last_break is not None and column + piece > width:
        breaks.append(last_break)
    bounds = [0, *breaks, len(text)]
    return ["".join(units[start:end]) for start, end in zip(bounds, bounds[1:])]


def string_lines(keyword: str, value: str, prefix: str = "") -> list[str]:
    """`msgid "…"` and its continuation lines; prefix is "#~ " for obsolete entries, "#| " for previous ones."""
    width = PAGE_WIDTH - 2 - len(prefix)  # two quotes
    portions = value.split("\n")
    portions = [portion + "\n" for portion in portions[:-1]] + ([portions[-1]] if portions[-1] else [])
    if not portions:
        return [f'{prefix}{keyword} ""']
    first = _wrap_portion(portions[0], width, len(keyword) + 1)
    if len(portions) == 1 and len(first) == 1:
        return [f'{prefix}{keyword} "{first[0]}"']
    lines = [f'{prefix}{keyword} ""']
    for portion in portions:
        lines += [f'{prefix}"{line}"' for line in _wrap_portion(portion, width, 0)]
    return lines


def _references(occurrences: list[tuple[str, str]]) -> list[str]:
    lines, line = [], "#:"
    for path, number in occurrences:
        reference = f"{path}:{number}" if number else path
        if line != "#:" and len(line) + 1 + len(reference) > PAGE_WIDTH:
            lines.append(line)
            line = "#:"
        line += f" {reference}"
    return [*lines, line] if line != "#:" else lines


def _comment_lines(marker: str, text: str) -> list[str]:
    return [f"{marker} {line}" if line else marker for line in text.split("\n")] if text else []


def entry_lines(entry: polib.POEntry) -> list[str]:
    prefix = "#~ " if entry.obsolete else ""
    lines = _comment_lines("#", entry.tcomment) + _comment_lines("#.", entry.comment)
    if entry.occurrences and not entry.obsolete:
        lines += _references(entry.occurrences)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    previous = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        lines += string_lines("msgctxt", entry.previous_msgctxt, previous)
    if entry.previous_msgid is not None:
        lines += string_lines("msgid", entry.previous_msgid, previous)
    if entry.msgctxt is not None:
        lines += string_lines("msgctxt", entry.msgctxt, prefix)
    lines += string_lines("msgid", entry.msgid, prefix)
    lines += string_lines("msgstr", entry.msgstr, prefix)
    return lines


def render(catalog: polib.POFile) -> str:
    header = "".join(f"{key}: {value}\n" for key, value in catalog.metadata.items())
    blocks = [['msgid ""', *string_lines("msgstr", header)]]
    blocks += [entry_lines(entry) for entry in catalog]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
