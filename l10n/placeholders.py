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
TAG = re.compile(r"<(/?)([a-z])(\d+)(/?)>")


def tags(text: str) -> list[str]:
    """The placeholders of a text, in order, as written."""
    return [match.group(0) for match in TAG.finditer(text)]


def strip(text: str) -> str:
    """The text a reader sees: placeholders removed, their content kept."""
    return TAG.sub("", text)
