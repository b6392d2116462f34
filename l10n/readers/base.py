"""What every reader produces: a page of candidate blocks, each with its text, inline spans and the
signals that cleaning uses to tell article from chrome. Readers decide nothing about chrome."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import placeholders
from ..model import Part, Span

# Characters a reader never sees: BOM and zero-width characters left mid-file by scrapers and editors.
INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e]")
_CJK_OR_PUNCTUATION = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class Block:
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

    @property
    def plain(self) -> str:
        return placeholders.strip(self.text)


@dataclass(frozen=True)
class Page:
    format: str
    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)


def join_lines(left: str, right: str) -> str:
    """Join two pieces of running text: no space between Chinese characters, one between Latin words."""
    if not left or not right:
        return left + right
    if _CJK_OR_PUNCTUATION.match(left[-1]) or _CJK_OR_PUNCTUATION.match(right[0]):
        return left + right
    return f"{left} {right}"


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
        self._pieces.append(placeholders.opening(kind, span.number))
        if kind == "link":
            self._in_link += 1

    def close(self, kind: str) -> None:
        for position in range(len(self._open) - 1, -1, -1):
            span, start = self._open[position]
            if span.kind == kind:
                del self._open[position]
                if kind == "link":
                    self._in_link -= 1
                if not "".join(self._pieces[start + 1:]).strip():
                    # empty markup (`****`, a link around nothing) is no placeholder
                    del self._pieces[start:]
                    self._spans.remove(span)
                else:
                    self._pieces.append(placeholders.closing(kind, span.number))
                return

    def image(self, source: str) -> None:
        self.images += 1
        span = Span(len(self._spans) + 1, "image", source)
        self._spans.append(span)
        self._pieces.append(placeholders.opening("image", span.number))

    def finish(self) -> tuple[str, tuple[Span, ...]]:
        """The text with placeholders, numbered 1… in reading order; placeholders that stand alone at
        the edges of the block (an image before the text, bold around a whole heading) are block
        styling, not something to translate around, and are dropped."""
        while self._open:
            self.close(self._open[-1][0].kind)
        text = ""
        for line in "".join(self._pieces).split("\n"):
            text = join_lines(text, " ".join(line.split()))
        text = _strip_edge_markup(text)
        return _renumber(text, self._spans)


def _strip_edge_markup(text: str) -> str:
    while True:
        match = re.fullmatch(r"\s*<(x)(\d+)/>(.*)|(.*?)<(x)(\d+)/>\s*", text, re.S)
        if match and (match.group(3) if match.group(1) else match.group(4)).strip():
            text = (match.group(3) if match.group(1) else match.group(4)).strip()
            continue
        match = re.fullmatch(r"<([bi])(\d+)>(.*)</\1\2>", text, re.S)
        if match and not re.search(rf"</?{match.group(1)}{match.group(2)}>", match.group(3)):
            text = match.group(3).strip()
            continue
        return text


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
