"""Punctuation and inline markup: Chinese punctuation left in English, brackets and quotes the translation
opened and never closed, placeholders (<a1>…</a1>) that do not match the source's."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Segment, Severity
from ..placeholders import TAG, tags
from .registry import ENGLISH, Context, check

# Full-width forms only. “ ” ‘ ’ are left alone: Chinese and English typography share those code points.
_FULL_WIDTH = re.compile(r"[，。：；！？、《》〈〉（）【】「」『』〔〕～]")
# Opening and closing marks of each family; a straight double quote counts by parity.
_FAMILIES = {"parentheses": ("(（", ")）"), "square brackets": ("[【〔", "]】〕"), "quotes": ("“「『", "”」』")}

_BRACKETS = {mark: (family, step) for family, marks in _FAMILIES.items()
             for step, side in ((1, marks[0]), (-1, marks[1])) for mark in side}
_BRACKET = re.compile("[" + re.escape("".join(_BRACKETS)) + "]")


@check("fullwidth-punctuation", Severity.ERROR, "full-width Chinese punctuation (，。：；！？《》（）) in the English",
       (ENGLISH,))
def fullwidth_punctuation(segment: Segment, text: str, context: Context) -> list[str]:
    marks = list(dict.fromkeys(_FULL_WIDTH.findall(text)))
    return [f"Chinese punctuation in the English: {' '.join(marks)}"] if marks else []


def imbalance(text: str) -> dict[str, int]:
    """Per family, openings minus closings (straight quotes: 1 when their count is odd)."""
    counts = dict.fromkeys(_FAMILIES, 0)
    for mark in _BRACKET.findall(text):
        family, step = _BRACKETS[mark]
        counts[family] += step
    counts["quotes"] += text.count('"') % 2
    return counts


@check("unbalanced-brackets", Severity.WARNING, "a bracket or quote opened and not closed (or the reverse) where "
       "the source's are balanced")
def unbalanced_brackets(segment: Segment, text: str, context: Context) -> list[str]:
    source, target = imbalance(segment.source), imbalance(text)
    return [f"unbalanced {family} ({'+' if target[family] > 0 else ''}{target[family]})"
            for family in _FAMILIES if target[family] and not source[family]]


@check("placeholders", Severity.ERROR, "inline-markup placeholders (<a1>…</a1>) missing, added or out of order "
       "compared with the source")
def placeholders(segment: Segment, text: str, context: Context) -> list[str]:
    if "<" not in segment.source and "<" not in text:
        return []
    expected, found = Counter(tags(segment.source)), Counter(tags(text))
    messages = []
    if lost := sorted((expected - found).elements()):
        messages.append(f"placeholders missing: {' '.join(lost)}")
    if added := sorted((found - expected).elements()):
        messages.append(f"placeholders not in the source: {' '.join(added)}")
    if not messages and (problem := _pairing(text)):
        messages.append(problem)
    return messages


def _pairing(text: str) -> str:
    """'' when every <a1> is closed by </a1> after it, properly nested."""
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
