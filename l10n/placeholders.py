"""Inline markup inside a sentence, as translators see it: numbered, paired placeholders.

The convention is OmegaT's tag style, which CAT tools and Poedit's highlighter treat as markup:
a letter for the kind and a number unique within the document's block, `<a1>OpenAI</a1>` for a link,
`<b2>…</b2>` strong, `<i3>…</i3>` emphasis, `<c4>…</c4>` code, and self-closing `<x5/>` for an
image or a line break that stands inside a sentence. What each number stands for (the URL, the image)
is kept in the block's spans, never in the text.
"""
from __future__ import annotations

import re

KINDS = {"link": "a", "strong": "b", "emphasis": "i", "code": "c", "image": "x", "break": "x"}
SELF_CLOSING = frozenset({"image", "break"})
TAG = re.compile(r"<(/?)([a-z])(\d+)(/?)>")


def tags(text: str) -> list[str]:
    """The placeholders of a text, in order, as written."""
    return [match.group(0) for match in TAG.finditer(text)]


def strip(text: str) -> str:
    """The text a reader sees: placeholders removed, their content kept."""
    return TAG.sub("", text)


def plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text without placeholders, and for each of its characters the index it has in `text`,
    so a match found in what a reader sees can be located in the text with placeholders."""
    plain: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in TAG.finditer(text):
        for index in range(position, match.start()):
            plain.append(text[index])
            offsets.append(index)
        position = match.end()
    for index in range(position, len(text)):
        plain.append(text[index])
        offsets.append(index)
    return "".join(plain), offsets


def opening(kind: str, number: int) -> str:
    return f"<{KINDS[kind]}{number}/>" if kind in SELF_CLOSING else f"<{KINDS[kind]}{number}>"


def closing(kind: str, number: int) -> str:
    return f"</{KINDS[kind]}{number}>"


def describe(text: str, spans) -> tuple[str, ...]:
    """Reviewer notes for the placeholders of a sentence that stand for something: a link's URL, an
    image's source. `spans` are the block's model.Span objects."""
    numbers = {int(match.group(3)) for match in TAG.finditer(text)}
    return tuple(f"{opening(span.kind, span.number)} {span.kind}: {span.target}"
                 for span in spans if span.number in numbers and span.target)
