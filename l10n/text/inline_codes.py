"""TMX inline codes, whoever wrote them, back to our placeholders, so a unit with markup can match a sentence.

A code's content is the original format's markup: ours (`<a1>`, as `l10n export tmx` writes it), or the
page's own (`<bpt i="1">&lt;a href="…"&gt;</bpt>`, as most CAT tools write HTML). Each code becomes the
placeholder of the kind it stands for — from our placeholder, the TMX `type` attribute, or the HTML
element it holds — numbered 1, 2 … in order of first appearance in the source, and the target's codes get
the numbers of the source codes they correspond to (the `x` attribute, else the same kind in the same
order). A code for markup our readers keep no placeholder for (a `<span>`, an underline) is left out and its
text kept, as our readers do with such markup; an empty `<ph/>` (a code that says nothing of itself) stays,
as `<xN/>`. `<hi>` is highlighting around text: its text is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .placeholders import KINDS, SELF_CLOSING, TAG

# TMX 1.4b `type` values of the markup we keep as placeholders
_TMX_TYPES = {"bold": "strong", "italic": "emphasis", "link": "link", "image": "image", "lb": "break"}
_HTML_ELEMENTS = {"a": "link", "b": "strong", "strong": "strong", "i": "emphasis", "em": "emphasis",
                  "code": "code", "img": "image", "br": "break"}
_NATIVE_ELEMENT = re.compile(r"^\s*<\s*/?\s*([A-Za-z][\w:.-]*)")


@dataclass(frozen=True)
class _Code:
    role: str  # "open", "close" or "empty"
    letter: str | None  # our placeholder letter; None: markup we keep no placeholder for
    key: tuple  # what makes it the same code in another language of the unit


def _letter(element) -> str | None:
    content = element.text or ""
    ours = TAG.fullmatch(content.strip())
    if ours:
        return ours.group(2)
    kind = _TMX_TYPES.get((element.get("type") or "").lower())
    if kind is None and (native := _NATIVE_ELEMENT.match(content)):
        kind = _HTML_ELEMENTS.get(native.group(1).lower())
    if kind is None and element.tag == "ph" and not content.strip() and not element.get("type"):
        kind = "image"  # an empty <ph/>: a code standing alone, which is what our <xN/> are
    if kind is None:
        return None
    if (element.tag == "ph") != (kind in SELF_CLOSING):
        return None  # a standalone code for paired markup, or the reverse: nothing of ours looks like it
    return KINDS[kind]


def _pieces(seg) -> list[str | _Code]:
    pieces: list[str | _Code] = []
    opened: dict[str, _Code] = {}  # bpt by its i, for the ept that closes it
    counts: dict[tuple, int] = {}

    def key(element, family: tuple) -> tuple:
        if element.get("x"):
            return ("x", element.get("x"))
        counts[family] = counts.get(family, 0) + 1
        return (*family, counts[family])

    def walk(element) -> None:  # the seg, or an element holding text (<hi>)
        if element.text:
            pieces.append(element.text)
        for child in element:
            if child.tag == "ept":
                start = opened.get(child.get("i", ""))
                pieces.append(_Code("close", start.letter if start else None, start.key if start else ("ept",)))
            elif child.tag == "bpt":
                letter = _letter(child)
                code = _Code("open", letter, key(child, ("bpt", letter)))
                opened[child.get("i", "")] = code
                pieces.append(code)
            elif child.tag == "it":
                letter = _letter(child)
                role = "close" if child.get("pos") == "end" else "open"
                pieces.append(_Code(role, letter, key(child, ("it", role, letter))))
            elif child.tag in ("ph", "ut"):
                letter = _letter(child)
                pieces.append(_Code("empty", letter, key(child, ("ph", letter))))
            else:  # <hi> and anything else that holds text
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(seg)
    return pieces


def _render(pieces: list[str | _Code], numbers: dict[tuple, int]) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        elif piece.letter is not None:
            number = numbers.setdefault(piece.key, max(numbers.values(), default=0) + 1)
            out.append({"open": f"<{piece.letter}{number}>", "close": f"</{piece.letter}{number}>",
                        "empty": f"<{piece.letter}{number}/>"}[piece.role])
    return "".join(out)


def unit_texts(source_seg, target_segs: list) -> tuple[str, list[str]]:
    """The source segment's text and each target's, with placeholders numbered from the source."""
    numbers: dict[tuple, int] = {}
    source = _render(_pieces(source_seg), numbers)
    return source, [_render(_pieces(seg), dict(numbers)) for seg in target_segs]
