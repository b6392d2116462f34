"""Placeholders through machine translation: the engine sees the sentence without them (subword models
mangle `<a1>`), and every hypothesis gets them back.

A paired placeholder goes back around its text where the draft carries that text unchanged (a Latin
name in a link, `<a1>OpenAI</a1>`); otherwise the pair is put, empty, at the end of the draft for the
reviewer to move. Self-closing placeholders (images, breaks) go at the end. Either way the draft has
the same placeholders as the source, so nothing the rebuilt article needs is lost.
"""
from __future__ import annotations

import re

from ..text import placeholders
from .base import BatchProgress, Translator


def translate_batch(translator: Translator, sources: list[str], n_best: int = 1,
                    on_progress: BatchProgress | None = None) -> list[list[str]]:
    """Like Translator.translate_batch, for sources that may hold placeholders."""
    plain = [placeholders.strip(source) for source in sources]
    hypotheses = translator.translate_batch(plain, n_best, on_progress)
    return [[restore(source, hypothesis) for hypothesis in found]
            for source, found in zip(sources, hypotheses, strict=True)]


def restore(source: str, draft: str) -> str:
    """The draft with the source's placeholders put back (see the module's docstring); whatever in the
    engine's text looks like a placeholder is escaped first, as the readers escape the article's."""
    draft = placeholders.escape(draft)
    spans = _paired_spans(source)
    leftovers: list[str] = []
    for number, letter, inner in spans:
        opening, closing = f"<{letter}{number}>", f"</{letter}{number}>"
        found = _find(draft, inner)
        if found is None:
            leftovers.append(opening + closing)
        else:
            start, end = found
            draft = draft[:start] + opening + draft[start:end] + closing + draft[end:]
    leftovers += [tag for tag in placeholders.tags(source) if tag.endswith("/>")]
    return " ".join(filter(None, [draft.rstrip(), "".join(leftovers)]))


def _paired_spans(source: str) -> list[tuple[str, str, str]]:
    """(number, letter, text a reader sees inside) for every paired placeholder, outermost first."""
    spans = []
    for match in re.finditer(r"<([a-z])(\d+)>(.*?)</\1\2>", source, re.S):
        spans.append((match.group(2), match.group(1), placeholders.strip(match.group(3)).strip()))
        spans += _paired_spans(match.group(3))
    return spans


def _find(draft: str, inner: str) -> tuple[int, int] | None:
    """Where the inner text stands in the draft, outside any placeholder; Latin text case-insensitively. An
    occurrence that would cut across a pair already put back (`<a1>the <b2>board</a1> OpenAI</b2>`) is passed
    over: the pairs must nest."""
    if not inner:
        return None
    plain, offsets = placeholders.plain_with_offsets(draft)
    haystack, needle = (plain.lower(), inner.lower()) if inner.isascii() else (plain, inner)
    position = haystack.find(needle)
    while position >= 0:
        start, end = offsets[position], offsets[position + len(needle) - 1] + 1
        if not placeholders.pairing(draft[start:end]):
            return start, end
        position = haystack.find(needle, position + 1)
    return None
