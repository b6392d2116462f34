"""Inline markup inside a sentence, as translators see it: numbered, paired placeholders.

Our own convention, written to look like markup to Poedit's highlighter: a letter for the kind and a
number from 1, unique within the document's block (not the sentence), `<a1>OpenAI</a1>` for a link,
`<b2>…</b2>` strong, `<i3>…</i3>` emphasis, `<c4>…</c4>` code, and self-closing `<x5/>` for an image or
a line break that stands inside a sentence. It resembles OmegaT's tags but is not theirs: OmegaT numbers
from 0 within each segment and takes the letter from the original tag. What each number stands for (the
URL, the image) is kept in the block's spans, never in the text.

Text of the article that only looks like a placeholder (`&lt;b7&gt;` in a page about HTML) is escaped by the
readers: an invisible WORD JOINER (U+2060) after its `<`, so it reads the same and is never parsed. Readers
drop that character from every input, so in our texts it is only ever this escape; writers take it out.
"""
from __future__ import annotations

import re

from .notes import placeholder as placeholder_note

KINDS = {"link": "a", "strong": "b", "emphasis": "i", "code": "c", "image": "x", "break": "x"}
SELF_CLOSING = frozenset({"image", "break"})
TAG = re.compile(r"<(/?)([a-z])(\d+)(/?)>")
LITERAL = "\u2060"


def escape(text: str) -> str:
    """Text of the article with whatever looks like a placeholder made inert (see the module's docstring)."""
    return TAG.sub(lambda match: f"<{LITERAL}{match.group(0)[1:]}", text)


def unescape(text: str) -> str:
    """The text as the article had it: escaped placeholder look-alikes given back their `<`."""
    return text.replace(LITERAL, "")


def tags(text: str) -> list[str]:
    """The placeholders of a text, in order, as written."""
    return [match.group(0) for match in TAG.finditer(text)]


def pairing(text: str) -> str:
    """'' when every <a1> is closed by </a1> after it, properly nested; else what is wrong, in a few words."""
    open_tags: list[str] = []
    for match in TAG.finditer(text):
        closing, name = match.group(1), match.group(2) + match.group(3)
        if match.group(4):
            continue  # <x5/> stands alone
        if not closing:
            open_tags.append(name)
        elif not open_tags or open_tags.pop() != name:
            return f"placeholder {match.group(0)} closes out of order"
    return f"placeholder <{open_tags[-1]}> is never closed" if open_tags else ""


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
    return tuple(placeholder_note(opening(span.kind, span.number), span.kind, span.target)
                 for span in spans if span.number in numbers and span.target)


def canonical(text: str) -> tuple[str, dict[int, int]]:
    """The text with its placeholders numbered 1, 2 … in order of first appearance, and the map from the
    numbers it had: a sentence matches itself wherever its block put it (memory.py)."""
    mapping: dict[int, int] = {}
    for match in TAG.finditer(text):
        mapping.setdefault(int(match.group(3)), len(mapping) + 1)
    return renumbered(text, mapping), mapping


def renumbered(text: str, mapping: dict[int, int]) -> str:
    """Placeholders renumbered by `mapping`; a number it does not hold (a placeholder only a translation has)
    gets a number after all of the mapping's, so it cannot take another's."""
    if not mapping:
        return text
    numbers = dict(mapping)
    for match in TAG.finditer(text):
        numbers.setdefault(int(match.group(3)), max(numbers.values()) + 1)
    return TAG.sub(lambda match: f"<{match[1]}{match[2]}{numbers[int(match[3])]}{match[4]}>", text)
