"""Plain text (copied page text, scrapes, exports) → blocks: one per paragraph.

A paragraph is a line, or several lines when the text shows they belong together:
- hard-wrapped text (most lines cut at the same width) is joined until a line ends short;
- a line that starts with punctuation no line may start with (，。、）」 …), or follows a line that
  ends mid-sentence (，、：), continues the line before;
- a word broken across lines (`根` / `据…`: a line of one Han character) continues the sentence it sits in;
- a line of code never continues another line, nor is continued.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from ...plumbing.columns import columns
from ...plumbing.deferred import DeferredPattern
from ...model import Part
from ...text.placeholders import escape
from ..shapes import is_code
from .base import MAX_BLOCKS, PageBlock, Page, check_lines, join_lines, tidy

_CONTINUES_LINE = re.compile(r"^[，。、；：！？）」』”’》〉】…,.;:!?)\]]")
_SENTENCE_END = re.compile(r"[。！？!?；;…”」』）)]$")
_FRAGMENT = DeferredPattern(r"^[\u3400-\u9fff]$")
_MID_SENTENCE_END = re.compile(r"[，、：,]$")
_MIN_WRAP_WIDTH = 30  # columns: chrome lines of a page cluster below it by chance, wrapped prose is wider
_WRAP_TOLERANCE = 2  # columns: a wrapped line may end a little short to avoid splitting a word
_MIN_WRAPPED_SHARE = 0.3


def read(text: str, path: Path, max_blocks: int = MAX_BLOCKS) -> Page:
    check_lines(text, path, max_blocks)
    wrap = _wrap_width(line for _, line in _lines(text) if line)
    blocks: list[PageBlock] = []
    paragraph: list[str] = []  # the lines of the paragraph being read, which started on line `first`
    first = last = 0
    for number, line in _lines(text):
        if not line:
            continue
        if paragraph and last == number - 1 and _continues(paragraph[-1], line, wrap):  # no blank line between
            paragraph.append(line)
        else:
            if paragraph:
                blocks.append(PageBlock(Part.BODY, escape(join_lines(paragraph)), first, last))
            paragraph, first = [line], number
        last = number
    if paragraph:
        blocks.append(PageBlock(Part.BODY, escape(join_lines(paragraph)), first, last))
    return Page("text", blocks)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, tidied line) of each line, one at a time: a list of them would hold several objects per line
    of the text, most of its memory when its paragraphs are short."""
    return enumerate(map(tidy, io.StringIO(text)), start=1)


def _continues(before: str, line: str, wrap: int | None) -> bool:
    if is_code(before) or is_code(line):  # a listing after 示例代码如下： is its own lines
        return False
    if _CONTINUES_LINE.match(line) or _MID_SENTENCE_END.search(before):
        return True
    if _FRAGMENT.match(before) and re.match(r"[\u3400-\u9fff]", line):
        return True
    if _FRAGMENT.match(line) and not _SENTENCE_END.search(before):
        return True
    # a wrapped paragraph's lines are all cut at the width: a longer line is no part of the wrapping
    return wrap is not None and columns(before) >= wrap - _WRAP_TOLERANCE and columns(line) <= wrap + _WRAP_TOLERANCE


def _wrap_width(lines: Iterable[str]) -> int | None:
    """The width most lines are cut at, when the text is hard-wrapped; None when it is not. A line a page
    repeats (a breadcrumb, a menu) is one line of evidence, not many."""
    lines = list(dict.fromkeys(lines))
    widths = Counter(width for width in map(columns, lines) if width >= _MIN_WRAP_WIDTH)
    if not widths:
        return None
    common = max(widths, key=lambda w: (sum(widths[w - d] for d in range(_WRAP_TOLERANCE + 1)), w))
    near = sum(count for w, count in widths.items() if common - _WRAP_TOLERANCE <= w <= common)
    if near >= 5 and near >= _MIN_WRAPPED_SHARE * len(lines):
        return common
    return None
