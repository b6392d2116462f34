"""Gold annotations of the dev pages: which lines (Markdown, text) or which blocks (HTML) are the article.

The annotations live in tests/data/extraction/, one TSV per page, and never hold page text: a Markdown
page's annotation lists line ranges, an HTML page's lists XPath locators that are resolved against the
page itself. tests/data/extraction/README.md describes the format and the rules behind each call.
"""
from __future__ import annotations

import copy
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from l10n.plumbing.errors import InputError

ANNOTATIONS = Path(__file__).resolve().parent.parent / "tests" / "data" / "extraction"
LINE_COLUMNS = ("lines", "kind", "note")
LOCATOR_COLUMNS = ("locator", "exclude", "kind", "note")
# Elements whose text a reader never sees.
_INVISIBLE = ("script", "style", "noscript", "template")


@dataclass(frozen=True)
class Annotation:
    path: Path  # the annotation file
    page: str  # the page's file name in the dev folder
    sha256: str
    encoding: str  # HTML only: how to decode the page's bytes
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line in the annotation file, columns)

    @property
    def is_html(self) -> bool:
        return self.page.lower().endswith((".html", ".htm"))

    @property
    def label(self) -> str:
        """How tables name the page: its file name, or the annotation's name for a page outside the dev folder."""
        return self.path.stem if "/" in self.page else self.page

    @property
    def is_markdown(self) -> bool:
        return self.page.lower().endswith((".md", ".markdown"))


def read_annotation(path: Path) -> Annotation:
    """Parse one annotation file; a malformed one raises InputError naming its line."""
    header: dict[str, str] = {}
    rows: list[tuple[int, tuple[str, ...]]] = []
    columns: tuple[str, ...] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            key, _, value = raw[1:].strip().partition("\t")
            if value:
                header[key.strip()] = value.strip()
            continue
        fields = tuple(raw.split("\t"))
        if columns is None:
            if fields not in (LINE_COLUMNS, LOCATOR_COLUMNS):
                raise InputError(f"expected the columns {'/'.join(LINE_COLUMNS)} or {'/'.join(LOCATOR_COLUMNS)}",
                                 path, number)
            columns = fields
            continue
        if not len(columns) - 1 <= len(fields) <= len(columns):  # the note may be left out
            raise InputError(f"expected {len(columns)} tab-separated columns, found {len(fields)}", path, number)
        rows.append((number, fields + ("",) * (len(columns) - len(fields))))
    page = header.get("page") or path.stem + (".md" if columns == LINE_COLUMNS else ".html")
    if "sha256" not in header:
        raise InputError("missing '# sha256<TAB>…' header line", path, 1)
    if columns == LOCATOR_COLUMNS and "encoding" not in header:
        raise InputError("missing '# encoding<TAB>…' header line", path, 1)
    if not rows:
        raise InputError("no article rows", path)
    return Annotation(path, page, header["sha256"], header.get("encoding", "utf-8"), tuple(rows))


def check_page(annotation: Annotation, page: Path) -> bytes:
    """The page's bytes, after checking they are the ones that were annotated."""
    try:
        data = page.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the annotated page: {error.strerror}", page) from error
    if hashlib.sha256(data).hexdigest() != annotation.sha256:
        raise InputError(f"page changed since it was annotated (sha256 differs from {annotation.path.name})", page)
    return data


def gold_lines(annotation: Annotation, text: str) -> set[int]:
    """The annotated article lines of a Markdown or text page that hold visible text."""
    lines = text.split("\n")
    gold: set[int] = set()
    for number, (span, *_rest) in annotation.rows:
        first, _, last = span.partition("-")
        try:
            start, end = int(first), int(last or first)
        except ValueError:
            raise InputError(f"'{span}' is not a line or a range such as 12-30", annotation.path, number) from None
        if not 1 <= start <= end <= len(lines):
            raise InputError(f"lines {span} are outside the page's 1-{len(lines)}", annotation.path, number)
        gold.update(line for line in range(start, end + 1) if is_visible(lines[line - 1]))
    return gold


def is_visible(text: str) -> bool:
    """True when the line shows something: not only spaces, BOMs or zero-width characters."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)


@dataclass(frozen=True)
class GoldBlock:
    row: int  # line in the annotation file
    kind: str
    sourceline: int  # where the block starts in the page, for people checking the annotation
    text: str


def gold_blocks(annotation: Annotation, html: str) -> list[GoldBlock]:
    """Resolve an HTML annotation's locators against the page: the text of every article block, in page order."""
    import lxml.etree
    import lxml.html

    root = lxml.html.document_fromstring(html)
    blocks: list[tuple[int, GoldBlock]] = []
    order = {element: index for index, element in enumerate(all_elements(root))}
    for number, (locator, exclude, kind, _note) in annotation.rows:
        try:
            elements = root.xpath(locator)
        except lxml.etree.XPathError as error:
            raise InputError(f"bad locator: {error}", annotation.path, number) from error
        if not elements or not all(isinstance(element, lxml.html.HtmlElement) for element in elements):
            raise InputError("locator matches no element of the page", annotation.path, number)
        for element in elements:
            text = block_text(element, exclude)
            if not text:
                continue
            blocks.append((order[element], GoldBlock(number, kind, element.sourceline or 0, text)))
    if not blocks:
        raise InputError("locators match only empty elements", annotation.path)
    return [block for _, block in sorted(blocks, key=lambda pair: pair[0])]


BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "ul", "ol",
                        "li", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption",
                        "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "center", "details", "summary",
                        "body", "html", "br", "option"})


def gold_paragraphs(annotation: Annotation, html: str) -> list[str]:
    """The article's paragraphs: the gold blocks cut at every block element and line break inside them."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    paragraphs: list[str] = []
    for number, (locator, exclude, _kind, _note) in annotation.rows:
        for element in root.xpath(locator):
            paragraphs += [line for line in block_lines(element, exclude) if line]
    return paragraphs


def block_lines(element, exclude: str = "") -> list[str]:
    """An element's visible text, one line per block element or <br>-separated run (what a copy gives)."""
    element = _visible_copy(element, exclude)
    if element is None:
        return []
    for node in element.iter():
        if node.tag in BLOCK_TAGS:
            node.text = "\n" + (node.text or "")
            node.tail = "\n" + (node.tail or "")
    return [" ".join(line.split()) for line in element.text_content().split("\n") if line.strip()]


def all_elements(root):
    """Every element of the parsed page in document order, also those after a stray </html>: lxml puts
    what follows it in sibling trees of the root, which root.iter() alone never reaches."""
    top = root
    while top.getprevious() is not None:
        top = top.getprevious()
    while top is not None:
        if isinstance(top.tag, str):
            yield from top.iter()
        top = top.getnext()


def block_text(element, exclude: str = "") -> str:
    """The text a reader sees in an element, without scripts, comments and the excluded descendants."""
    element = _visible_copy(element, exclude)
    return "" if element is None else " ".join(element.text_content().split())


def _visible_copy(element, exclude: str):
    """A copy of the element without scripts, comments and the excluded descendants; None when it is excluded."""
    element = copy.deepcopy(element)
    doomed = [node for node in element.iter() if not isinstance(node.tag, str) or node.tag in _INVISIBLE]
    if exclude:
        doomed += element.xpath(exclude)
    for node in doomed:
        if node is element:
            return None
        _drop(node)
    return element


def _drop(node) -> None:
    """Remove a node but keep the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail or ""
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)
