"""Word documents (.docx) → blocks, through python-docx: the body's paragraphs in reading order (table cells
included), with what their style says they are (Title, Subtitle, Heading 1–9, list paragraphs, Quote,
Caption, also through a style based on one of these) and bold, italics and hyperlinks as placeholders.
Insertions of tracked changes are text, deletions are not. A block's line is its paragraph's number in
the document, counted from 1: what messages and .po references give for a Word file.

Headers, footers, footnotes, comments and text boxes are not read: page furniture and notes, not the article.

A .docx is a zip. Before python-docx opens it, the archive's own sizes are checked: its parts may unpack to
max_bytes in all, as if the file were that large, so a zip bomb is refused before anything is unpacked
(zipfile never inflates a member past the size it declares).
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx  # python-docx: this module is imported only when a Word document is read (readers.FORMATS)
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.run import Run
from lxml import etree

from ...plumbing.errors import InputError, set_by
from ...model import Part
from .base import PageBlock, InlineText, Page, too_many_blocks

_HEADING = re.compile(r"heading ([1-9])", re.I)
_BY_STYLE = {"title": (Part.TITLE, 0), "subtitle": (Part.SUBTITLE, 0), "quote": (Part.QUOTE, 0),
             "intense quote": (Part.QUOTE, 0), "caption": (Part.CAPTION, 0)}
_MAIN_DOCUMENT = "word/document.xml"
_FORMATTING = ("strong", "emphasis")
_STYLE_DEPTH = 20  # styles based on styles: Word allows chains, a hostile file may make a loop
_MAX_LIST_LEVEL = 8  # Word's levels are 0–8
_HYPERLINK_FIELD = re.compile(r'\s*HYPERLINK\s+"([^"]+)"')
_R, _HYPERLINK, _FIELD = qn("w:r"), qn("w:hyperlink"), qn("w:fldSimple")
_FIELD_CHAR, _INSTRUCTION, _DRAWING, _PICTURE = qn("w:fldChar"), qn("w:instrText"), qn("w:drawing"), qn("w:pict")
# Not text of the article: properties, deletions of tracked changes, a moved passage's old place.
_NOT_TEXT = {qn(name) for name in ("w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:sdtPr", "w:sdtEndPr")}


def read(data: bytes, path: Path, max_blocks: int, max_bytes: int) -> Page:
    """The document's blocks; max_bytes bounds what its parts unpack to, max_blocks its paragraphs."""
    try:
        document = _open(data, path, max_bytes)
        blocks: list[PageBlock] = []
        for paragraph in _paragraphs(document):
            if len(blocks) >= max_blocks:
                raise too_many_blocks(path, max_blocks, len(blocks) + 1)
            blocks.append(_block(paragraph, len(blocks) + 1))
        # The Title paragraph names the article (the file's own title property is often a template's); the
        # author property is the correspondent's.
        titles = [block.plain for block in blocks if block.part is Part.TITLE and block.plain]
        author = (document.core_properties.author or "").strip()
        metadata = {**({"title": titles[0]} if titles else {}), **({"author": author} if author else {})}
    except InputError:
        raise
    except Exception as error:  # python-docx reads what the parts say; a hostile part may break it in any way
        raise InputError(f"cannot read this Word document ({type(error).__name__}: {error})", path) from error
    return Page("docx", blocks, metadata)


def _open(data: bytes, path: Path, max_bytes: int):
    """The python-docx Document, or one line saying why this is no Word document we read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError("not a Word document: not a zip archive (an old .doc, or a password-protected "
                         "document, must be saved as .docx first)", path) from error
    if _MAIN_DOCUMENT not in {member.filename for member in members}:
        raise InputError(f"not a Word document: the archive has no {_MAIN_DOCUMENT}", path)
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_bytes:
        raise InputError(f"its parts unpack to {unpacked:,} bytes, more than the limit of {max_bytes:,} bytes "
                         f"({set_by(max_bytes, '--max-bytes')})", path)
    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise InputError(f"not a Word document we can read: a part of it is broken XML ({error.msg})",
                         path) from error
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError, zlib.error) as error:
        raise InputError(f"not a Word document we can read ({error})", path) from error


def _paragraphs(container) -> Iterator:
    """Every paragraph of the body in reading order, table cells included; a merged cell once."""
    for item in container.iter_inner_content():
        if not isinstance(item, Table):
            yield item
            continue
        seen: set = set()  # the cells' elements: python-docx gives a merged cell once per grid column
        for row in item.rows:
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    yield from _paragraphs(cell)


def _kind(paragraph) -> tuple[Part, int]:
    """What the paragraph's style (or a style it is based on) says it is; numbering makes a list item."""
    style = paragraph.style
    for _ in range(_STYLE_DEPTH):
        if style is None:
            break
        name = (style.name or "").strip().lower()
        heading = _HEADING.fullmatch(name)
        if heading:
            return Part.HEADING, int(heading.group(1))
        if name in _BY_STYLE:
            return _BY_STYLE[name]
        if name.startswith("list"):
            return Part.LIST_ITEM, _list_level(paragraph, name)
        style = style.base_style
    if paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None:
        return Part.LIST_ITEM, _list_level(paragraph, "")
    return Part.BODY, 0


def _list_level(paragraph, style_name: str) -> int:
    """The paragraph's numbering level (0-based in Word) + 1; else the style's (List Bullet 2 is level 2)."""
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if numbering is not None and numbering.ilvl is not None and numbering.ilvl.val is not None:
        return min(int(numbering.ilvl.val), _MAX_LIST_LEVEL) + 1
    digit = re.search(r"([2-9])$", style_name)
    return int(digit.group(1)) if digit else 1


def _block(paragraph, number: int) -> PageBlock:
    part, level = _kind(paragraph)
    builder = InlineText()
    _Inline(paragraph, builder).children(paragraph._p)
    text, spans = builder.finish()
    return PageBlock(part, text, number, number, spans, level, builder.link_chars, 0, builder.images)


class _Inline:
    """A paragraph's runs into InlineText: bold and italics as they change from run to run, links around their
    runs (hyperlink elements and HYPERLINK fields)."""

    def __init__(self, paragraph, builder: InlineText):
        self.paragraph = paragraph
        self.builder = builder
        self.formatting: list[str] = []  # open formatting spans, innermost last
        self.fields: list[list] = []  # complex fields open: [instruction text, whether a link was opened]

    def children(self, element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag in _NOT_TEXT:
                continue
            if tag == _R:
                self.run(child)
            elif tag == _HYPERLINK:
                self.link(self.hyperlink_url(child), child)
            elif tag == _FIELD:
                self.link(_field_url(child.get(qn("w:instr")) or ""), child)
            else:  # insertions, smart tags, content controls, custom XML: containers of runs
                self.children(child)

    def run(self, element) -> None:
        for child in element.iterchildren(_FIELD_CHAR, _INSTRUCTION):
            self.field(child)
        run = Run(element, self.paragraph)
        self.builder.images += len(element.findall(_DRAWING)) + len(element.findall(_PICTURE))
        text = run.text
        if not text:
            return
        self.format({"strong": _flag(run, "bold"), "emphasis": _flag(run, "italic")})
        self.builder.text(text)

    def format(self, wanted: dict[str, bool]) -> None:
        """Close the formatting that ends here (and reopen what was inside it), open what starts."""
        for position, kind in enumerate(self.formatting):
            if not wanted[kind]:
                inner = self.formatting[position + 1:]
                for name in reversed(self.formatting[position:]):
                    self.builder.close(name)
                self.formatting = self.formatting[:position]
                for name in inner:
                    if wanted[name]:
                        self.builder.open(name)
                        self.formatting.append(name)
                break
        for kind in _FORMATTING:
            if wanted[kind] and kind not in self.formatting:
                self.builder.open(kind)
                self.formatting.append(kind)

    def close_formatting(self) -> None:
        for name in reversed(self.formatting):
            self.builder.close(name)
        self.formatting = []

    def link(self, url: str, element) -> None:
        self.close_formatting()
        if url:
            self.builder.open("link", url)
        self.children(element)
        self.close_formatting()
        if url:
            self.builder.close("link")

    def hyperlink_url(self, element) -> str:
        """An external hyperlink's address (with its #fragment); "" for a jump inside the document."""
        try:
            return Hyperlink(element, self.paragraph).url
        except KeyError:  # a relationship id the part does not have
            return ""

    def field(self, element) -> None:
        """Complex fields (begin, instruction, separate, result, end): a HYPERLINK field's result is a link."""
        if element.tag == _INSTRUCTION:
            if self.fields:
                self.fields[-1][0] += element.text or ""
            return
        kind = element.get(qn("w:fldCharType"))
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            url = _field_url(self.fields[-1][0])
            if url:
                self.close_formatting()
                self.builder.open("link", url)
                self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            _, opened = self.fields.pop()
            if opened:
                self.close_formatting()
                self.builder.close("link")


def _field_url(instruction: str) -> str:
    match = _HYPERLINK_FIELD.match(instruction)
    return match.group(1) if match else ""


def _flag(run, name: str) -> bool:
    """Bold or italic as the run shows it: set on the run, else by its character style or one it is based on."""
    value = getattr(run.font, name)
    style = run.style
    for _ in range(_STYLE_DEPTH):
        if value is not None or style is None:
            break
        value = getattr(style.font, name)
        style = style.base_style
    return bool(value)
