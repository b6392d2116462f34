"""HTML as saved from the web → blocks, through lxml's HTML parser.

Every block-level element (and every run of text split by <br>) becomes a block, its inline markup
(links, bold, italics, code, images) numbered placeholders. Each block carries the elements around it,
so cleaning can pick the one element that holds the article, and whether page-furniture markup
surrounds it: <nav>, <header>, <footer>, <aside>, <form>, or a class or id naming navigation, sidebars,
comments, share bars, related lists, rankings or copyright. Metadata comes from <title> and the
meta tags publishers fill for search engines and social sites (Open Graph, article:*).
"""
from __future__ import annotations

import re
from pathlib import Path

from ...plumbing.errors import InputError
from ...model import Part
from .base import MAX_BLOCKS, PageBlock, InlineText, Page, tidy, too_many_blocks

# Levels of elements a page may nest (<html> is the first). Real pages nest a few dozen; the reading walks the
# tree one call per level, and libxml2 itself stops at 2048 (huge_tree; 256 without, which also caps a text
# node at 10 MB: huge_tree is on for that, and this limit is ours).
MAX_DEPTH = 256
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "select", "option", "button",
                 "input", "textarea", "object", "embed", "canvas", "video", "audio", "head"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "ul", "ol",
               "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "pre",
               "figure", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "center",
               "fieldset", "legend", "details", "summary", "body", "html", "menu"}
_INLINE_KINDS = {"a": "link", "strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis",
                 "code": "code", "kbd": "code", "samp": "code", "tt": "code"}
_LIST_TAGS = {"ul", "ol", "dl", "menu"}
_PARTS = {"li": Part.LIST_ITEM, "dd": Part.LIST_ITEM, "dt": Part.LIST_ITEM, "blockquote": Part.QUOTE,
          "figcaption": Part.CAPTION, "caption": Part.CAPTION}
_FURNITURE_TAGS = {"nav": "navigation", "header": "page header", "footer": "page footer", "aside": "sidebar",
                   "form": "form", "menu": "navigation"}
_FURNITURE_WORDS = {
    "nav": "navigation", "navbar": "navigation", "menu": "navigation", "breadcrumb": "navigation",
    "crumb": "navigation", "crumbs": "navigation", "channel": "navigation",
    "footer": "page footer", "foot": "page footer", "copyright": "page footer", "beian": "page footer",
    "sidebar": "sidebar", "side": "sidebar", "aside": "sidebar", "rank": "sidebar", "ranking": "sidebar",
    "comment": "comments", "comments": "comments", "reply": "comments",
    "share": "share bar", "bshare": "share bar", "toolbar": "share bar",
    "related": "related list", "relate": "related list", "recommend": "related list", "hot": "related list",
    "hotnews": "related list", "more": "related list",
    "login": "login", "signin": "login", "register": "login",
    "ad": "advertisement", "ads": "advertisement", "advert": "advertisement", "banner": "advertisement",
}
_WORD = re.compile(r"[a-z]+")
_NEVER_FURNITURE = {"html", "body", "main"}
_MOST_OF_THE_PAGE = 0.5  # share of the page's Han characters outside links
_QUOTE_WORDS = {"quote", "quotes", "stock", "ticker"}
_CODE_MAX_HAN_SHARE = 0.3  # of a <pre>'s letters: more Han than this is preformatted prose
_HAN = re.compile(r"[\u3400-\u9fff]")
_METADATA = (("title", ("og:title", "twitter:title")), ("url", ("og:url",)),
             ("date", ("article:published_time", "pubdate", "publishdate", "publish_date", "og:release_date",
                       "apub:time", "weibo:article:create_at")),
             ("author", ("author", "article:author", "byline")), ("site", ("og:site_name", "site_name", "source")))


def read(text: str, path: Path, max_blocks: int = MAX_BLOCKS, fragment: bool = False) -> Page:
    """A whole page, or (fragment=True) a piece of one, such as raw HTML inside Markdown: a piece cannot
    tell which of its elements holds most of the page. More than max_blocks blocks stop the reading."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise InputError(f"cannot parse HTML: {error}", path) from error
    tops = _top_level(root)
    too_deep = _first_too_deep(tops)
    if too_deep is not None:
        raise InputError(f"elements nested more than {MAX_DEPTH} deep; the page was not read", path,
                         too_deep.sourceline)
    for problem in parser.error_log:  # libxml2 drops what lies past one of its limits, and goes on
        if problem.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise InputError(f"the HTML parser stopped at one of its limits ({problem.message.strip()}); "
                             "the page was not read", path, problem.line)
    metadata = _metadata(root)
    walker = _Walker({} if fragment else _han_counts(tops), path, max_blocks)
    for top in tops:
        body = top.find("body") if top is root else None
        walker.element(body if body is not None else top, (), "")
    return Page("html", walker.blocks, metadata)


def _top_level(root) -> list:
    """The parsed page's top-level elements: lxml puts what follows a stray </html> (a header template that
    closes the page early) in sibling trees of the root, which the root alone never reaches."""
    first = root
    while first.getprevious() is not None:
        first = first.getprevious()
    tops = []
    while first is not None:
        if isinstance(first.tag, str):
            tops.append(first)
        first = first.getnext()
    return tops


def _first_too_deep(tops: list):
    """The first element nested deeper than MAX_DEPTH levels, or None; libxml2 walks the levels (XPath)."""
    below = "/".join(["*"] * MAX_DEPTH)  # from a top-level element (level 1): the elements of level MAX_DEPTH + 1
    return next((found[0] for top in tops if (found := top.xpath(below))), None)


def _han_counts(tops: list) -> dict:
    """Han characters of the visible text outside links inside each element (the page's prose, not its menus
    and headline lists), in one pass from the leaves up."""
    counts: dict = {}
    for top in tops:
        for element in reversed(list(top.iter())):
            if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS or element.tag == "a":
                counts[element] = 0
                continue
            total = len(_HAN.findall(element.text or ""))
            for child in element:
                total += counts.get(child, 0) + len(_HAN.findall(child.tail or ""))
            counts[element] = total
    return counts


def _metadata(root) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = tidy(meta.get("content") or "")
        if name and content:
            found.setdefault(name, content)
    metadata: dict[str, str] = {}
    for key, names in _METADATA:
        for name in names:
            if name in found:
                metadata[key] = found[name]
                break
    if "title" not in metadata:
        title = root.find(".//title")
        if title is not None and tidy(title.text_content()):
            metadata["title"] = tidy(title.text_content())
    if "url" not in metadata:
        for link in root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                metadata["url"] = tidy(link.get("href"))
                break
    return metadata


def _furniture(element, share: float) -> str:
    """What page furniture the element is, by its tag or a word of its class or id; "" when it is none.
    A class or id word (and a <form>, which ASP.NET pages wrap around everything) says nothing of an
    element that holds most of the page's text outside links, nor of <html>, <body> or <main>: a blog's
    <body class="… has-navbar …">, WeChat's comment_feature body class, an unclosed breadcrumb <div>."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _NEVER_FURNITURE or share >= _MOST_OF_THE_PAGE:
        return _FURNITURE_TAGS.get(tag, "") if tag not in ("form", *_NEVER_FURNITURE) else ""
    if tag in _FURNITURE_TAGS:
        return _FURNITURE_TAGS[tag]
    words = _WORD.findall(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    for word in words:
        if word in _FURNITURE_WORDS:
            return _FURNITURE_WORDS[word]
    return ""


def _visible_text(element):
    """The text a reader sees inside an element, in order."""
    if isinstance(element.tag, str) and element.tag in _SKIPPED_TAGS:
        return
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            yield from _visible_text(child)
        yield child.tail or ""


def _is_code(pre) -> bool:
    """A <pre> holding code (a <code> inside, or text that is mostly not Chinese), not preformatted prose such
    as a poem or an old site's whole article."""
    if pre.find(".//code") is not None:
        return True
    text = "".join(_visible_text(pre))
    letters = len(re.findall(r"\w", text))
    return letters > 0 and len(_HAN.findall(text)) < _CODE_MAX_HAN_SHARE * letters


def _is_live_quote(element) -> bool:
    words = _WORD.findall(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    return any(word in _QUOTE_WORDS for word in words) and not _HAN.search(element.text_content())


class _Walker:
    """Depth-first over the tree; text and inline elements gather into the block being built."""

    def __init__(self, han: dict, path: Path, max_blocks: int) -> None:
        self.blocks: list[PageBlock] = []
        self._path = path
        self._max_blocks = max_blocks
        self._han = han
        self._page_han = max(1, max(han.values(), default=1))
        self._builder: InlineText | None = None
        self._start = 0
        self._end = 0
        self._part = Part.BODY
        self._level = 0
        self._lists = 0  # lists open around the current element: an item's level, as in Markdown
        self._container: tuple[int, ...] = ()
        self._context = ""
        self._elements = 0  # block elements seen: each one's number, for PageBlock.container
        self._links = 0  # links open around the current element: a link may wrap whole blocks

    def element(self, element, container: tuple[int, ...], context: str) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED_TAGS or not tag:
            self._tail(element)
            return
        if tag in _BLOCK_TAGS or tag == "br":
            self.flush()
        if tag == "pre" and _is_code(element):
            self._code(element, container, context)
            self._tail(element)
            return
        if tag == "br":
            self._tail(element)
            return
        if tag in _BLOCK_TAGS:
            self._elements += 1
            container = (*container, self._elements)
            context = context or _furniture(element, self._han.get(element, 0) / self._page_han)
            outer = (self._part, self._level, self._container, self._context)
            self._begin(tag, container, context)
            self._lists += tag in _LIST_TAGS
            self._text(element.text, element)
            for child in element:
                self.element(child, container, context)
            self.flush()
            self._lists -= tag in _LIST_TAGS
            self._part, self._level, self._container, self._context = outer
        elif tag == "img":
            self._ensure(element)
            self._builder.image(element.get("src") or "")
        elif _is_live_quote(element):
            pass  # a live stock quote a site inserts into a sentence: numbers, not the writer's text
        else:
            kind = _INLINE_KINDS.get(tag)
            self._ensure(element)
            if kind:
                self._builder.open(kind, (element.get("href") or "").strip() if kind == "link" else "")
            self._links += kind == "link"
            self._text(element.text, element)
            for child in element:
                self.element(child, container, context)
            self._links -= kind == "link"
            if kind and self._builder is not None:
                self._builder.close(kind)
        self._tail(element)

    def _code(self, element, container: tuple[int, ...], context: str) -> None:
        """A code listing is one block, as a fenced block is in Markdown: not text to translate."""
        text = "".join(_visible_text(element))
        if not text.strip():
            return
        self._elements += 1
        line = element.sourceline or 0
        self.blocks.append(PageBlock(Part.BODY, tidy(text), line, line + text.strip("\n").count("\n"),
                                 markup_chars=len(text), context=context or "code block",
                                 container=(*container, self._elements)))

    def _begin(self, tag: str, container: tuple[int, ...], context: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._part, self._level = Part.HEADING, int(tag[1])
        elif tag in _PARTS:
            part = _PARTS[tag]
            self._part, self._level = part, max(self._lists, part is Part.LIST_ITEM)
        elif self._part not in _PARTS.values():  # a <p> inside an <li> is still the list item
            self._part, self._level = Part.BODY, 0
        self._container = container
        self._context = context

    def _ensure(self, element) -> None:
        if self._builder is None:
            self._builder = InlineText(inside_link=self._links > 0)
            self._start = self._end = element.sourceline or 0

    def _text(self, text: str | None, element) -> None:
        if text and text.strip():
            self._ensure(element)
            self._builder.text(text)
            self._end = max(self._end, element.sourceline or 0)
        elif text and self._builder is not None:
            self._builder.text(" ")  # white space between inline elements still separates words

    def _tail(self, element) -> None:
        if element.tail:
            self._text(element.tail, element)  # its line is nearer the element's than its parent's

    def flush(self) -> None:
        if self._builder is None:
            return
        builder, self._builder = self._builder, None
        text, spans = builder.finish()
        if not text and not builder.images:
            return
        if len(self.blocks) == self._max_blocks:
            raise too_many_blocks(self._path, self._max_blocks, self._start)
        self.blocks.append(PageBlock(self._part, text, self._start, self._end if self._end != self._start else 0,
                                 spans, self._level, builder.link_chars, 0, builder.images,
                                 self._context, self._container))
