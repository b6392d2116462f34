"""A translated article ready for a writer: blocks whose text is parsed from placeholders into inline
elements (links with their URLs, emphasis, code, images), so each writer only maps elements to its syntax."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..plumbing.escapes import xml_text
from ..model import Part, Span
from ..text.placeholders import TAG, unescape

# The one URL-scheme allow-list of every writer: web and mail links, and relative ones (no scheme).
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.-]*):")  # after the C0 controls and spaces browsers skip
_IGNORED_BY_BROWSERS = re.compile("[\t\n\r]")  # the URL standard removes these anywhere: `java\tscript:`


def safe_url(url: str) -> bool:
    """Whether a link or image address may reach an article: `javascript:`, `data:`, `vbscript:` … never do.
    Read as a browser reads it: tabs and line breaks removed, leading control characters and spaces skipped."""
    scheme = _SCHEME.match(_IGNORED_BY_BROWSERS.sub("", url))
    return scheme is None or scheme[1].lower() in SAFE_SCHEMES


KIND_OF_LETTER = {"a": "link", "b": "strong", "i": "emphasis", "c": "code", "x": "break"}
# Not inline markup kinds: a build marks the sentences it used before review, and those it left in the
# source language (--fallback source), so a reader of the article sees both.
FUZZY = "fuzzy"
FUZZY_OPEN, FUZZY_CLOSE = "<f0>", "</f0>"
FALLBACK = "fallback"
FALLBACK_OPEN, FALLBACK_CLOSE = "<s0>", "</s0>"
_MARKS = {"f": FUZZY, "s": FALLBACK}


class PlaceholderError(ValueError):
    """Placeholders that do not pair up: a translation lost or mistyped one."""


@dataclass(frozen=True)
class Element:
    kind: str  # placeholders.KINDS, FUZZY or FALLBACK
    target: str = ""  # a link's URL, an image's source
    children: tuple[Node, ...] = ()


Node = str | Element


@dataclass(frozen=True)
class Block:
    part: Part
    level: int
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Article:
    name: str
    locale: str
    tag: str  # BCP 47
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        titles = [plain(block.nodes) for block in self.blocks if block.part is Part.TITLE]
        return titles[0] if titles else self.name


def plain(nodes: tuple[Node, ...]) -> str:
    return "".join(node if isinstance(node, str) else plain(node.children) for node in nodes)


class _Open:
    def __init__(self, key: tuple[str, int], kind: str, target: str):
        self.key, self.kind, self.target = key, kind, target
        self.children: list[Node] = []


def parse(text: str, spans: tuple[Span, ...]) -> tuple[Node, ...]:
    """Placeholders → elements. Pairs that cross (`<a1>x<f0>y</a1>z</f0>`, a link running over a
    sentence boundary inside a marked sentence) are split the way HTML parsers do: the inner one is
    closed and opened again."""
    by_number = {span.number: span for span in spans}
    root: list[Node] = []
    stack: list[_Open] = []

    def children() -> list[Node]:
        return stack[-1].children if stack else root

    def close_top() -> _Open:
        frame = stack.pop()
        children().append(Element(frame.kind, frame.target, tuple(frame.children)))
        return frame

    position = 0
    for match in TAG.finditer(text):
        if match.start() > position:
            children().append(unescape(text[position:match.start()]))
        position = match.end()
        closing, letter, number, empty = match.group(1), match.group(2), int(match.group(3)), match.group(4)
        span = by_number.get(number)
        kind = _MARKS.get(letter) if number == 0 else None
        kind = kind or (span.kind if span is not None else KIND_OF_LETTER.get(letter))
        if kind is None:
            raise PlaceholderError(f"unknown placeholder {match.group(0)}")
        target = span.target if span is not None else ""
        if empty:
            children().append(Element(kind, target))
        elif not closing:
            stack.append(_Open((letter, number), kind, target))
        else:
            keys = [frame.key for frame in stack]
            if (letter, number) not in keys:
                raise PlaceholderError(f"{match.group(0)} closes nothing")
            crossed = []
            while stack[-1].key != (letter, number):
                crossed.append(close_top())
            close_top()
            for frame in reversed(crossed):
                stack.append(_Open(frame.key, frame.kind, frame.target))
    if position < len(text):
        children().append(unescape(text[position:]))
    if stack:
        letter, number = stack[-1].key
        raise PlaceholderError(f"<{letter}{number}> is never closed")
    return tuple(node for node in root if node != "")


def add_text(parent, text: str) -> None:
    """Text into an lxml tree after whatever the element holds so far (its text, or its last child's tail),
    made XML-safe: a control character a reviewer pasted (U+000B from Word) shows as its symbol (␋)."""
    text = xml_text(text)
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


_BLOCK_TAGS = ("html", "head", "meta", "title", "style", "body", "header", "article", "h1", "h2", "h3", "h4", "h5",
               "h6", "p", "ul", "li", "blockquote", "figcaption", "table", "thead", "tbody", "tr")


def serialize(page) -> str:
    """An lxml HTML tree as a document, a line break after each block element: unlike pretty printing,
    this never adds whitespace inside a paragraph or a cell."""
    from lxml import html

    for element in page.iter(*_BLOCK_TAGS):
        if element.tail is None and element is not page:
            element.tail = "\n"
    return html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode") + "\n"
