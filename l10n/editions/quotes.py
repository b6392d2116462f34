"""Layer 4, punctuation: quotation marks in an edition's style. Mainland “…” and ‘…’ (and 「」『』 where a source
has them) become 「…」 outside and 『…』 inside another quotation, by nesting depth, so a quotation that opens in
one sentence and closes in a later one of the same paragraph comes out right. An apostrophe in Latin text
(McDonald’s) is not a quotation mark."""
from __future__ import annotations

import re
from collections.abc import Iterator

from . import QuoteStyle

_OPENING = "“‘「『"
_CLOSING = "”’」』"
_ANY_MARK = re.compile(f"[{_OPENING}{_CLOSING}]")


def _is_apostrophe(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before.isascii() and before.isalnum() and (not after or (after.isascii() and after.isalnum()))


def requote(paragraph: list[str], style: QuoteStyle) -> tuple[list[str], list[tuple[str, ...]]]:
    """The sentences of one paragraph with their quotation marks in the style, and for each the marks it changed
    as ("“ → 「", …) for the reviewer's note."""
    depth = 0
    texts, changes = [], []
    for text in paragraph:
        if not _ANY_MARK.search(text):
            texts.append(text)
            changes.append(())
            continue
        chars = list(text)
        changed: dict[str, None] = {}
        for found in _ANY_MARK.finditer(text):  # the marks alone, not every character
            index, char = found.start(), found.group()
            if char in _OPENING:
                chars[index] = (style.outer if depth % 2 == 0 else style.inner)[0]
                depth += 1
            elif not (char == "’" and _is_apostrophe(text, index)):
                depth = max(depth - 1, 0)
                chars[index] = (style.outer if depth % 2 == 0 else style.inner)[1]
            else:
                continue
            if chars[index] != char:
                changed[f"{char} → {chars[index]}"] = None
        texts.append("".join(chars))
        changes.append(tuple(changed))
    return texts, changes


def quoted_paragraphs(texts: list[str], paragraphs: list[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of the texts requote is given, a paragraph (`paragraphs`: each text's) at a time, from its first
    text that holds a quotation mark on: it would leave the texts before that one, and a paragraph without any, as
    they are (most hold none)."""
    index = 0
    while index < len(texts):
        if not _ANY_MARK.search(texts[index]):
            index += 1
            continue
        end = index + 1
        while end < len(texts) and paragraphs[end] == paragraphs[index]:
            end += 1
        yield index, end
        index = end
