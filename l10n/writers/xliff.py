"""XLIFF 2.1 (OASIS, 2018): one file per target language, one <file> per document, and either one <unit> per
block with one <segment> per sentence, or (for readers that keep one segment per unit) a <group> per block
with one <unit> per sentence. Each segment has the state exchange.py gives it; notes carry ids.

Placeholders become XLIFF inline codes: `<pc>` for a pair nested within the sentence, `<sc>`/`<ec>` for a
pair that crosses another or whose halves a translation put in two sentences of the block (XLIFF pairs
codes across the segments of a unit), `<ph>` for an image or a break. A half whose partner a translation
lost altogether is left out of the target, with a note: XLIFF has no half codes (`isolated="yes"` says the
partner is in another unit), and a target may drop a code (canDelete defaults to yes). 2.1 rather than 1.2
because its codes say what markup they stand for (`type="link"`, `subType="xlf:b"`) instead of copying the
original format's tags.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..plumbing.escapes import xml_text
from ..model import Span
from .article import add_text
from .codes import Code, line_breaks, pieces

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
VERSION = "2.1"
_TYPES = {"link": ("link", None), "strong": ("fmt", "xlf:b"), "emphasis": ("fmt", "xlf:i"),
          "code": ("fmt", None), "image": ("image", None), "break": ("fmt", "xlf:lb")}


@dataclass(frozen=True)
class XliffSegment:
    id: str
    source: str
    target: str | None
    state: str  # initial, translated, reviewed, final
    sub_state: str | None = None  # "prefix:value", say l10n:machine


@dataclass(frozen=True)
class Note:
    category: str
    applies_to: str  # source | target
    text: str


@dataclass(frozen=True)
class XliffUnit:
    id: str
    name: str
    spans: tuple[Span, ...]
    segments: tuple[XliffSegment, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    units: tuple[XliffUnit, ...]


@dataclass(frozen=True)
class File:
    id: str
    original: str
    items: tuple[XliffUnit | Group, ...]


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _nested_pairs(codes: list[Code]) -> set[int]:
    """Positions of the codes that form properly nested pairs within one sentence (written as <pc>)."""
    nested: set[int] = set()
    stack: list[tuple[int, Code]] = []
    for position, code in enumerate(codes):
        if code.role == "open":
            stack.append((position, code))
        elif code.role == "close" and stack and stack[-1][1].number == code.number:
            opened, _ = stack.pop()
            nested |= {opened, position}
        elif code.role == "close":
            stack = [(p, c) for p, c in stack if c.number != code.number]
    return nested


def _paired_in_unit(texts: list[str]) -> set[int]:
    """Numbers whose opening and closing halves are both in the unit's content, in that order."""
    opened: set[int] = set()
    paired: set[int] = set()
    for text in texts:
        for code in (piece for piece in pieces(text) if isinstance(piece, Code)):
            if code.role == "open":
                opened.add(code.number)
            elif code.role == "close" and code.number in opened:
                paired.add(code.number)
    return paired


def _typed(element, code: Code) -> None:
    kind, subtype = _TYPES.get(code.kind, ("other", None))
    element.set("type", kind)
    if subtype:
        element.set("subType", subtype)


def _content(tag: str, text: str, spans: tuple[Span, ...], paired: set[int], lost: list[str]):
    """`paired`: numbers with both halves in the unit; a half without its partner is left out, named in `lost`."""
    element = etree.Element(_q(tag))
    parts = pieces(text, spans)
    nested = _nested_pairs([piece for piece in parts if isinstance(piece, Code)])
    stack = [element]
    position = -1
    for piece in parts:
        parent = stack[-1]
        if isinstance(piece, str):
            add_text(parent, piece)
            continue
        position += 1
        if piece.role == "empty":
            _typed(etree.SubElement(parent, _q("ph"), id=str(piece.number)), piece)
        elif position in nested and piece.role == "open":
            child = etree.SubElement(parent, _q("pc"), id=str(piece.number))
            _typed(child, piece)
            stack.append(child)
        elif position in nested:
            stack.pop()
        elif piece.number not in paired:
            lost.append(piece.tag)
        elif piece.role == "open":
            _typed(etree.SubElement(parent, _q("sc"), id=str(piece.number)), piece)
        else:
            etree.SubElement(parent, _q("ec"), startRef=str(piece.number))
    return element


def _unit(parent, unit: XliffUnit) -> None:
    sides = {"source": [segment.source for segment in unit.segments],
             "target": [segment.target for segment in unit.segments if segment.target is not None]}
    paired = {side: _paired_in_unit(texts) for side, texts in sides.items()}
    lost: dict[str, list[str]] = {"source": [], "target": []}
    segments = []
    for segment in unit.segments:
        attributes = {"id": segment.id, "state": segment.state}
        if segment.sub_state:
            attributes["subState"] = segment.sub_state
        element = etree.Element(_q("segment"), attributes)
        element.append(_content("source", segment.source, unit.spans, paired["source"], lost["source"]))
        if segment.target is not None:
            element.append(_content("target", segment.target, unit.spans, paired["target"], lost["target"]))
        segments.append(element)
    notes = list(unit.notes) + [
        Note("qa", side, f"{' '.join(tags)} without {'its partner' if len(tags) == 1 else 'their partners'} "
                         f"in the {side}: left out here, since XLIFF has no half codes")
        for side, tags in lost.items() if tags]
    unit_element = etree.SubElement(parent, _q("unit"), id=unit.id, name=unit.name)
    if notes:
        notes_element = etree.SubElement(unit_element, _q("notes"))
        for number, note in enumerate(notes, start=1):
            etree.SubElement(notes_element, _q("note"), id=f"n{number}", category=note.category,
                             appliesTo=note.applies_to).text = xml_text(note.text)
    unit_element.extend(segments)


def render(files: list[File], source_tag: str, target_tag: str) -> str:
    root = etree.Element(_q("xliff"), {"version": VERSION, "srcLang": source_tag,
                                       "trgLang": target_tag}, nsmap={None: NAMESPACE})
    for file in files:
        file_element = etree.SubElement(root, _q("file"), id=file.id, original=xml_text(file.original))
        for item in file.items:
            if isinstance(item, Group):
                group = etree.SubElement(file_element, _q("group"), id=item.id, name=item.name)
                for unit in item.units:
                    _unit(group, unit)
            else:
                _unit(file_element, item)
    line_breaks(root, ("xliff", "file", "group", "unit", "notes", "segment"),
                ("file", "group", "unit", "notes", "note", "segment", "source", "target"))
    return etree.tostring(root, encoding="unicode", doctype='<?xml version="1.0" encoding="UTF-8"?>') + "\n"
