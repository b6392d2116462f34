"""TMX 1.4b, as `export tmx` and `align --format tmx` both write it: the DTD named in the DOCTYPE, a `tuid` on
every unit, the source and its targets (one per file by default: exchange.py), notes and properties.

Placeholders become TMX inline codes whose content is the placeholder itself (the "native code" of our
format): `<bpt>`/`<ept>` for a pair within the sentence, `<it>` for half of a pair whose partner is
missing (a mistyped translation), `<ph>` for an image or a break; or, when asked, left as text. Reading them
back: inline_codes.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .. import __version__
from ..plumbing.escapes import xml_text
from ..model import Span
from .article import add_text
from .codes import Code, line_breaks, pieces

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_TYPES = {"strong": "bold", "emphasis": "italic", "link": "link", "image": "image", "break": "lb"}


@dataclass(frozen=True)
class TmxUnit:
    tuid: str
    properties: tuple[tuple[str, str], ...]  # (type, value): x-document, x-segment
    source: str
    spans: tuple[Span, ...]
    targets: tuple[tuple[str, str], ...]  # (language tag, text)
    notes: tuple[str, ...] = ()


def _code(code: Code):
    if code.role == "empty":
        element = etree.Element("ph", x=str(code.number))
    elif not code.paired:
        element = etree.Element("it", pos="begin" if code.role == "open" else "end", x=str(code.number))
    else:
        element = etree.Element("bpt" if code.role == "open" else "ept", i=str(code.number))
        if code.role == "open":
            element.set("x", str(code.number))
    if code.kind in _TYPES and element.tag != "ept":
        element.set("type", _TYPES[code.kind])
    element.text = code.tag
    return element


def _seg(text: str, spans: tuple[Span, ...], codes: bool):
    seg = etree.Element("seg")
    for piece in pieces(text, spans) if codes else [text]:
        if isinstance(piece, str):
            add_text(seg, piece)
        else:
            seg.append(_code(piece))
    return seg


def render(units: list[TmxUnit], source_tag: str, original_format: str, codes: bool = True) -> str:
    """`original_format`: the header's o-tmf, the format the units were taken from. `codes`: placeholders as
    inline codes; otherwise as the text they are in our catalogs, which a tool translating the catalogs
    matches exactly (OmegaT reads external TMX without the content of inline codes)."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="l10n", creationtoolversion=__version__, segtype="sentence",
                     adminlang="en", srclang=source_tag, datatype="plaintext", **{"o-tmf": original_format})
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu", tuid=unit.tuid)
        for note in unit.notes:
            etree.SubElement(tu, "note").text = xml_text(note)
        for kind, value in unit.properties:
            etree.SubElement(tu, "prop", type=kind).text = xml_text(value)
        for tag, text in ((source_tag, unit.source), *unit.targets):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: tag})
            tuv.append(_seg(text, unit.spans, codes))
    line_breaks(root, ("tmx", "body", "tu"), ("header", "body", "tu", "note", "prop", "tuv"))
    return etree.tostring(root, encoding="unicode", doctype=f'<?xml version="1.0" encoding="UTF-8"?>\n{DOCTYPE}') + "\n"
