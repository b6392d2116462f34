"""A clean, self-contained HTML article with the block structure of the original: built as a tree
with lxml, so every text and URL is escaped by the serializer."""
from __future__ import annotations

from lxml import html
from lxml.html import builder as E

from ..plumbing.escapes import xml_text
from ..locales import SOURCE
from ..model import Part
from .article import FALLBACK, FUZZY, Article, Block, Node, add_text, safe_url, serialize

_STYLE = ("body{font:1.05rem/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}"
          ".subtitle{font-size:1.15rem;color:#444}.byline,.credit,figcaption{color:#666;font-size:.9rem}"
          "mark.fuzzy{background:#ffe08a}mark.untranslated{background:#f4c7c3}")
_TAGS = {"strong": "strong", "emphasis": "em", "code": "code"}
_CLASSED = {Part.SUBTITLE: "subtitle", Part.BYLINE: "byline", Part.CREDIT: "credit"}


def _append(parent, nodes: tuple[Node, ...]) -> None:
    for node in nodes:
        if isinstance(node, str):
            add_text(parent, node)
            continue
        if node.kind == "link" and node.target and safe_url(node.target):
            child = E.A(href=node.target)
        elif node.kind == "image":
            child = E.IMG(src=node.target, alt="") if node.target and safe_url(node.target) else None
        elif node.kind == "break":
            child = E.BR()
        elif node.kind == FUZZY:
            child = E.MARK(E.CLASS("fuzzy"), title="machine draft, not reviewed")
        elif node.kind == FALLBACK:
            child = E.MARK(E.CLASS("untranslated"), title="not translated: the source text", lang=SOURCE.tag)
        elif node.kind in _TAGS:
            child = html.Element(_TAGS[node.kind])
        else:
            child = E.SPAN()
        if child is None:
            continue
        parent.append(child)
        _append(child, node.children)


def _element(block: Block):
    if block.part is Part.TITLE:
        element = E.H1()
    elif block.part is Part.HEADING:
        element = html.Element(f"h{min(max(block.level, 2), 6)}")
    elif block.part is Part.CAPTION:
        element = E.FIGCAPTION()
    else:
        element = E.P()
        if block.part in _CLASSED:
            element.set("class", _CLASSED[block.part])
    _append(element, block.nodes)
    return element


def _list(level: int):
    return E.UL(E.CLASS(f"level-{level}")) if level > 1 else E.UL()


def render(article: Article) -> str:
    body = E.ARTICLE()
    open_lists: list = []  # the <ul> of each nesting level currently open
    quote = None
    for block in article.blocks:
        if block.part is not Part.LIST_ITEM:
            open_lists = []
        if block.part is not Part.QUOTE:
            quote = None
        if block.part is Part.LIST_ITEM:
            depth = max(block.level, 1)
            del open_lists[depth:]
            while len(open_lists) < depth:
                new = _list(len(open_lists) + 1)
                if open_lists and len(open_lists[-1]):
                    open_lists[-1][-1].append(new)
                else:
                    (open_lists[-1] if open_lists else body).append(new)
                open_lists.append(new)
            item = E.LI()
            _append(item, block.nodes)
            open_lists[-1].append(item)
        elif block.part is Part.QUOTE:
            if quote is None:
                quote = E.BLOCKQUOTE()
                body.append(quote)
            quote.append(_element(block))
        else:
            body.append(_element(block))
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(xml_text(article.title)), E.STYLE(_STYLE)), E.BODY(body),
                  lang=article.tag)
    return serialize(page)
