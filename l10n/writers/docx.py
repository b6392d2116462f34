"""A Word document (.docx) with the block structure of the original, through python-docx: Title, Subtitle,
Heading 1–9, List Bullet (2, 3 for nested items), Quote and Caption as Word's own styles, bold and italic
runs, and hyperlinks to their URLs (the URL-scheme allow-list of every writer). Unreviewed sentences are
highlighted yellow and sentences left in the source language pink, as the HTML article marks them.

The file is deterministic: python-docx's default template (its core properties dated 2013), the article's
title and language, and every zip member dated 1980-01-01, so the same catalogs build the same bytes.
"""
from __future__ import annotations

import io
import zipfile

import docx  # python-docx: this module is imported only when a Word article is built (writers.WRITERS)
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from ..plumbing.escapes import xml_text
from ..locales import exchange_tag
from ..model import Part
from .article import FALLBACK, FUZZY, Article, Block, Node, safe_url

_STYLES = {Part.TITLE: "Title", Part.SUBTITLE: "Subtitle", Part.QUOTE: "Quote", Part.CAPTION: "Caption"}
_HYPERLINK_STYLE = "Hyperlink"
_MARKS = {FUZZY: WD_COLOR_INDEX.YELLOW, FALLBACK: WD_COLOR_INDEX.PINK}
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_LOOK = {"strong": "bold", "emphasis": "italic"}
_WORD_TAGS = "cat"  # zh-TW, zh-HK, zh-CN for the source: the region tags Word itself writes in w:lang


def _style(block: Block) -> str | None:
    if block.part is Part.HEADING:
        return f"Heading {min(max(block.level, 1), 9)}"
    if block.part is Part.LIST_ITEM:
        level = min(max(block.level, 1), 3)
        return "List Bullet" if level == 1 else f"List Bullet {level}"
    return _STYLES.get(block.part)


def _hyperlink_style(document) -> None:
    """Word's Hyperlink character style (blue, underlined), which python-docx's template lacks."""
    style = document.styles.add_style(_HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    style.font.underline = True


class _Runs:
    """Inline nodes → runs of one paragraph, each with the look of the elements around it."""

    def __init__(self, paragraph):
        self.paragraph = paragraph

    def add(self, nodes: tuple[Node, ...], look: dict, parent=None) -> None:
        for node in nodes:
            if isinstance(node, str):
                self.text(node, look, parent)
            elif node.kind == "link" and node.target and safe_url(node.target) and parent is None:
                self.add(node.children, {**look, "link": True}, self.hyperlink(node.target))
            elif node.kind == "break":
                self.run(look, parent).add_break()
            elif node.kind == "image":
                continue  # the source's images are not in the catalogs: the article is its text
            elif node.kind in _MARKS:
                self.add(node.children, {**look, "highlight": _MARKS[node.kind], "source": node.kind == FALLBACK},
                         parent)
            else:
                self.add(node.children, {**look, _LOOK.get(node.kind, node.kind): True}, parent)

    def hyperlink(self, url: str):
        part = self.paragraph.part
        element = OxmlElement("w:hyperlink")
        element.set(qn("r:id"), part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        self.paragraph._p.append(element)
        return element

    def run(self, look: dict, parent):
        run = self.paragraph.add_run()
        if parent is not None:  # add_run appends to the paragraph: move the run into the hyperlink
            parent.append(run._r)
        run.bold = look.get("bold") or None
        run.italic = look.get("italic") or None
        if look.get("code"):
            run.font.name = "Courier New"
        if look.get("link"):
            run.style = _HYPERLINK_STYLE
        if "highlight" in look:
            run.font.highlight_color = look["highlight"]
        if look.get("source"):
            _language(run._r.get_or_add_rPr(), exchange_tag(None, _WORD_TAGS))
        return run

    def text(self, text: str, look: dict, parent) -> None:
        self.run(look, parent).text = xml_text(text)


def _language(properties, tag: str) -> None:
    """Chinese text in a run's (or the defaults') properties: Word picks the East Asian font of that language
    (新細明體 for zh-TW, not a Japanese one for the same characters) and proofs it as that language."""
    element = properties.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        properties.append(element)
    element.set(qn("w:val"), tag)
    element.set(qn("w:eastAsia"), tag)


def render(article: Article) -> bytes:
    document = docx.Document()
    _hyperlink_style(document)
    if article.locale.startswith("zh"):  # the template's defaults are English (en-US) for every script
        _language(document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")),
                  exchange_tag(article.locale, _WORD_TAGS))
    properties = document.core_properties
    properties.title, properties.language = article.title, article.tag
    properties.author = properties.comments = ""
    for block in article.blocks:
        paragraph = document.add_paragraph(style=_style(block))
        _Runs(paragraph).add(block.nodes, {})
    return _dated(document)


def _dated(document) -> bytes:
    """The document as bytes, every zip member with one fixed date: the same article, the same file."""
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(zipfile.ZipInfo(member.filename, _ZIP_DATE), source.read(member),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
