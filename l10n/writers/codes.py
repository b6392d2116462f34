"""Placeholders as the inline codes of exchange formats (TMX, XLIFF): each tag with its role, the kind of
markup it stands for, and whether its partner is in the same text (a translation may lose one)."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..model import Span
from ..text.placeholders import TAG, unescape
from .article import KIND_OF_LETTER


@dataclass(frozen=True)
class Code:
    tag: str  # as written: "<a1>", "</a1>", "<x2/>"
    role: str  # "open", "close" or "empty"
    number: int
    kind: str  # placeholders.KINDS
    paired: bool  # its partner is in the same text


def pieces(text: str, spans: tuple[Span, ...] = ()) -> list[str | Code]:
    kinds = {span.number: span.kind for span in spans}
    found = list(TAG.finditer(text))
    keys = [(match.group(1), match.group(2), match.group(3)) for match in found]
    result: list[str | Code] = []
    position = 0
    for index, match in enumerate(found):
        if match.start() > position:
            result.append(unescape(text[position:match.start()]))
        position = match.end()
        closing, letter, number = keys[index]
        role = "empty" if match.group(4) else "close" if closing else "open"
        partner = ("", letter, number) if closing else ("/", letter, number)
        paired = role == "empty" or (partner in keys[index + 1:] if role == "open" else partner in keys[:index])
        kind = kinds.get(int(number)) or KIND_OF_LETTER.get(letter, "other")
        result.append(Code(match.group(0), role, int(number), kind, paired))
    if position < len(text):
        result.append(unescape(text[position:]))
    return result


def line_breaks(root, containers: tuple[str, ...], lines: tuple[str, ...]) -> None:
    """One element per line in an exchange file, without the whitespace that pretty printing would put
    inside a sentence that starts with an inline code."""
    for element in root.iter():
        name = etree.QName(element).localname
        if name in containers and not element.text:
            element.text = "\n"
        if name in lines and element is not root:
            element.tail = "\n"
