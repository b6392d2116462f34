"""What every reader produces: a page of candidate blocks, each with its text, inline spans and the
signals that cleaning uses to tell article from chrome. Readers decide nothing about chrome."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ...text import placeholders
from ...plumbing.deferred import DeferredPattern
from ...plumbing.errors import InputError, set_by
from ...model import Part, Span

# Blocks one document may have. An article has a few hundred, a long report a few thousand; every block costs
# about a kilobyte through the run (far more in markdown-it's tokens), so the limit bounds a run's memory
# where --max-bytes alone would not: 32 MB of `<p>x</p>` are four million blocks. Markdown and plain text
# are held to it by their lines, counted before they are parsed.
MAX_BLOCKS = 100_000

# Characters a reader never sees: BOM and zero-width characters left mid-file by scrapers and editors.
INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e]")
_IMAGE = re.compile(r"\s*(<x\d+/>)\s*")  # an image's or a line break's placeholder
_WRAPPER_OPENING = re.compile(r"<([bi])(\d+)>")
_CJK_OR_PUNCTUATION = DeferredPattern(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class PageBlock:
    """One candidate block of the page, before cleaning."""

    part: Part  # what the markup says it is: body, heading, list item, quote, caption, title
    text: str  # with placeholders for inline markup
    line: int
    end_line: int = 0
    spans: tuple[Span, ...] = ()
    level: int = 0
    link_chars: int = 0  # characters of the text that sit inside links
    markup_chars: int = 0  # source characters that are markup, not text: URLs, syntax
    images: int = 0
    context: str = ""  # markup that marks it as page furniture (an HTML nav, footer, aside …), else ""
    container: tuple[int, ...] = ()  # the elements around it, outermost first (HTML); () for flat formats

    @cached_property  # cleaning asks for it a dozen times per block
    def plain(self) -> str:
        return placeholders.unescape(placeholders.strip(self.text))


@dataclass(frozen=True)
class Page:
    format: str
    blocks: list[PageBlock]
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # `FILE:LINE: message` of what was read in a way other than it said


def check_lines(text: str, path: Path, max_blocks: int) -> None:
    """Refuse, before parsing, a Markdown or text file with more lines than a document may have blocks."""
    lines = text.count("\n") + 1
    if lines > max_blocks:
        raise InputError(f"{lines:,} lines, more than the {max_blocks:,} blocks a document may have "
                         f"({set_by(max_blocks, '--max-blocks')})", path)


def too_many_blocks(path: Path, max_blocks: int, line: int | None = None) -> InputError:
    return InputError(f"more than the {max_blocks:,} blocks a document may have "
                      f"({set_by(max_blocks, '--max-blocks')})", path, line)


def join_lines(lines: Iterable[str]) -> str:
    """Join lines of running text: no space between Chinese characters, one between Latin words; empty
    lines add nothing. Pieces are joined once at the end, so a paragraph of many lines costs its length."""
    pieces: list[str] = []
    for line in lines:
        if not line:
            continue
        if pieces and not (_CJK_OR_PUNCTUATION.match(pieces[-1][-1]) or _CJK_OR_PUNCTUATION.match(line[0])):
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)


def tidy(text: str) -> str:
    """Invisible characters dropped, runs of white space (tabs, &nbsp;, ideographic space) made one space."""
    return " ".join(INVISIBLE.sub("", text).split())


class InlineText:
    """Builds a block's text with numbered placeholders (see placeholders.py) and its spans."""

    def __init__(self, inside_link: bool = False) -> None:
        self._pieces: list[str] = []
        self._spans: list[Span] = []
        self._open: list[tuple[Span, int]] = []  # span and the piece index where it opened
        self.link_chars = 0
        self.images = 0
        self._in_link = int(inside_link)  # text of a block that a link wraps is all link text

    def text(self, value: str) -> None:
        value = INVISIBLE.sub("", value)
        if value:
            self._pieces.append(value)
            if self._in_link:
                self.link_chars += len(value.strip())

    def open(self, kind: str, target: str = "") -> None:
        span = Span(len(self._spans) + 1, kind, target)
        self._spans.append(span)
        self._open.append((span, len(self._pieces)))
        self._pieces.append(_Tag(placeholders.opening(kind, span.number)))
        if kind == "link":
            self._in_link += 1

    def close(self, kind: str) -> None:
        for position in range(len(self._open) - 1, -1, -1):
            span, start = self._open[position]
            if span.kind == kind:
                del self._open[position]
                if kind == "link":
                    self._in_link -= 1
                if not any(self._pieces[k].strip() for k in range(start + 1, len(self._pieces))):  # no copy
                    # empty markup (`****`, a link around nothing) is no placeholder
                    del self._pieces[start:]
                    # the last span: any opened inside it was empty too and went first
                    del self._spans[next(k for k in range(len(self._spans) - 1, -1, -1) if self._spans[k] is span)]
                else:
                    self._pieces.append(_Tag(placeholders.closing(kind, span.number)))
                return

    def image(self, source: str) -> None:
        self.images += 1
        span = Span(len(self._spans) + 1, "image", source)
        self._spans.append(span)
        self._pieces.append(_Tag(placeholders.opening("image", span.number)))

    def finish(self) -> tuple[str, tuple[Span, ...]]:
        """The text with placeholders, numbered 1… in reading order; placeholders that stand alone at
        the edges of the block (an image before the text, bold around a whole heading) are block
        styling, not something to translate around, and are dropped."""
        while self._open:
            self.close(self._open[-1][0].kind)
        text = join_lines(" ".join(line.split()) for line in "".join(self._escaped()).split("\n"))
        text = _strip_edge_markup(text)
        return _renumber(text, self._spans)


    def _escaped(self) -> Iterator[str]:
        """The pieces, each run of the page's own text escaped as a whole: `&lt;b<span>7</span>&gt;` is one."""
        text: list[str] = []
        for piece in self._pieces:
            if isinstance(piece, _Tag):
                yield placeholders.escape("".join(text))
                text = []
                yield piece
            else:
                text.append(piece)
        yield placeholders.escape("".join(text))


class _Tag(str):
    """A placeholder among the pieces of InlineText, as opposed to the page's text."""


def _strip_edge_markup(text: str) -> str:
    """Placeholders of images at either edge, and bold or italics around all the rest, peeled off one by
    one while text remains. Positions move inward and the placeholders left inside are counted, so each
    step costs the placeholder it peels, not the text: a heading in thousands of nested ** costs its length."""
    inside = Counter(match.group(0) for match in placeholders.TAG.finditer(text))
    start, end = 0, len(text)
    while True:
        leading = _IMAGE.match(text, start, end)
        trailing = None if leading else _trailing_image(text, start, end)
        image = leading or trailing
        if image:
            rest = _inside_spaces(text, image.end(), end) if leading else _inside_spaces(text, start, image.start())
            if rest[0] < rest[1]:
                start, end = rest
                inside[image.group(1)] -= 1
                continue
        wrapper = _WRAPPER_OPENING.match(text, start, end)
        if wrapper:
            closing = f"</{wrapper[1]}{wrapper[2]}>"
            inner = (wrapper.end(), end - len(closing))
            if inner[0] <= inner[1] and text.startswith(closing, inner[1]) \
                    and inside[wrapper[0]] == 1 and inside[closing] == 1:  # none of the two inside
                start, end = _inside_spaces(text, *inner)
                inside[wrapper[0]] -= 1
                inside[closing] -= 1
                continue
        return text[start:end]


def _trailing_image(text: str, start: int, end: int) -> re.Match[str] | None:
    """An image's placeholder that ends text[start:end] but for white space, found from the end."""
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    if not text.endswith("/>", start, last):
        return None
    digits = last - 2
    while digits > start and text[digits - 1].isdecimal():
        digits -= 1
    return _IMAGE.fullmatch(text, digits - 2, end) if digits - 2 >= start else None


def _inside_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """start and end moved past the white space at either end of text[start:end]."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _renumber(text: str, spans: list[Span]) -> tuple[str, tuple[Span, ...]]:
    by_number = {span.number: span for span in spans}
    order: dict[int, int] = {}
    for match in placeholders.TAG.finditer(text):
        number = int(match.group(3))
        order.setdefault(number, len(order) + 1)

    def renumbered(match: re.Match[str]) -> str:
        slash, letter, number, self_closing = match.groups()
        return f"<{slash}{letter}{order[int(number)]}{self_closing}>"

    kept = tuple(Span(order[number], by_number[number].kind, by_number[number].target)
                 for number in sorted(order, key=order.get))
    return placeholders.TAG.sub(renumbered, text), kept
