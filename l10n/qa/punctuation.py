"""Punctuation and inline markup: Chinese punctuation left in English, brackets and quotes the translation
opened and never closed, placeholders (<a1>…</a1>) that do not match the source's, control characters."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..escapes import not_xml
from ..model import Segment, Severity
from ..placeholders import escape, pairing, tags
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


# A list's own markers, 1) a) iv), close no bracket.
_ENUMERATOR = re.compile(r"(?:^|(?<=[:;])|(?<=[:;]\s))\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\)")
# A straight double quote opens where a word begins after it and a space or an opening mark before it.
_OPENING_STRAIGHT = re.compile(r'(?:^|(?<=[\s(\[{—–-]))"(?=\S)')
CARRIED_OVER = 3  # entries a quotation may run on over before it closes (a quote of several sentences)


@lru_cache(maxsize=8192)
def unmatched(text: str) -> dict[str, tuple[int, int]]:
    """Per family, (marks opened and never closed, marks closed and never opened), in reading order.
    Remembered: the result is not to be changed."""
    return {family: (len(opens), closes) for family, (opens, closes) in _unmatched_marks(text).items()}


_ANY_MARK = re.compile(_BRACKET.pattern + '|"')
_BALANCED = {family: ((), 0) for family in _FAMILIES}


@lru_cache(maxsize=8192)
def _unmatched_marks(text: str) -> dict[str, tuple[tuple[int, ...], int]]:
    """Per family, the offsets of the marks opened and never closed, and how many closed none. Asked for each
    entry and its neighbours, and for the source: remembered (the result is not to be changed)."""
    if not _ANY_MARK.search(text):
        return _BALANCED
    text = _ENUMERATOR.sub(lambda match: " " * len(match.group(0)), text)
    opened: dict[str, list[int]] = {family: [] for family in _FAMILIES}
    stray = dict.fromkeys(_FAMILIES, 0)
    openings = {match.start() for match in _OPENING_STRAIGHT.finditer(text)}
    for match in _ANY_MARK.finditer(text):
        if match.group(0) == '"':
            family, step = "quotes", 1 if match.start() in openings else -1
        else:
            family, step = _BRACKETS[match.group(0)]
        if step > 0:
            opened[family].append(match.start())
        elif opened[family]:
            opened[family].pop()
        else:
            stray[family] += 1
    return {family: (tuple(opened[family]), stray[family]) for family in _FAMILIES}


def carried_over(segment_ids: list[str], texts: dict[str, str]) -> dict[str, frozenset[str]]:
    """The families whose imbalance in an entry a neighbour explains: a quotation opened in one sentence and
    closed in one of the next few (or reopened there, as English does at each new paragraph of a quote)."""
    marks = [unmatched(texts[segment_id]) if texts.get(segment_id) else None for segment_id in segment_ids]
    explained: dict[str, frozenset[str]] = {}
    for position, segment_id in enumerate(segment_ids):
        if marks[position] is None or not any(opens or closes for opens, closes in marks[position].values()):
            continue
        families = set()
        for family, (opens, closes) in marks[position].items():
            later = [m[family] for m in marks[position + 1:position + 1 + CARRIED_OVER] if m is not None]
            earlier = [m[family] for m in marks[max(0, position - CARRIED_OVER):position] if m is not None]
            if opens and any(other_closes for _, other_closes in later):
                families.add(family)
            if closes and any(other_opens for other_opens, _ in earlier):
                families.add(family)
        if families:
            explained[segment_id] = frozenset(families)
    return explained


_QUOTE_AT_START = re.compile(r'^\W{0,3}[“「『"]')
_QUOTE_AT_END = re.compile(r'[”」』"][\W\s]{0,3}$')
_STARTS_A_QUOTATION = re.compile(r"(?:^|[:,;.!?—–-])\s*$")


def run_on_quotes(source: str) -> tuple[bool, bool]:
    """Whether a quotation may (open in an earlier sentence, close in a later one) in the English: the source
    quotes from its very beginning, or to its very end. English closes a quote of several sentences once, at
    its end, and opens it once, at its start, where Chinese quotes each sentence."""
    source = source.strip()
    at_end = _QUOTE_AT_END.search(source)
    opened_here = at_end is not None and re.search(r'[“「『"]', source[:at_end.start()]) is not None
    return bool(_QUOTE_AT_START.search(source)), opened_here


@check("unbalanced-brackets", Severity.WARNING, "a bracket or quote opened and not closed (or the reverse) where "
       "the source's are balanced, unless the quotation may run on from or into a neighbouring sentence")
def unbalanced_brackets(segment: Segment, text: str, context: Context) -> list[str]:
    if not _ANY_MARK.search(text):
        return []
    source, marks = unmatched(segment.source), _unmatched_marks(text)
    continued = context.carried_over.get(segment.id, frozenset())
    from_before, into_next = run_on_quotes(segment.source)
    messages = []
    for family, (open_at, closes) in marks.items():
        opens = len(open_at)
        if family == "quotes":
            # A quotation running on into the next sentence opens where a quotation begins: after a colon, a
            # comma or a sentence's end ("He added: "There are …"), not inside a clause; at the very start only
            # where the source's quotation starts its sentence too (an English that put the source's "X said:"
            # after the quotation has to close it before that).
            if into_next and all(_STARTS_A_QUOTATION.search(text[:at]) and (from_before or text[:at].strip())
                                 for at in open_at):
                opens = 0
            closes = 0 if from_before else closes
        source_opens, source_closes = source[family]  # the source's own quotation running on
        opens, closes = (0 if source_opens else opens), (0 if source_closes else closes)
        if (opens or closes) and family not in continued:
            messages.append(f"unbalanced {family} ({'+' if opens else '-'}{opens or closes})")
    return messages


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
        literal = [tag for tag in dict.fromkeys(added) if escape(tag) in segment.source]
        messages.append(f"placeholders not in the source: {' '.join(added)}" + (
            f" ({' '.join(literal)} is text in the source, not markup: copy it from the source)" if literal else ""))
    if not messages and (problem := pairing(text)):
        messages.append(problem)
    return messages


@check("control-character", Severity.ERROR, "a control character in the text (a line break pasted from Word is "
       "U+000B), which no article, XML export or review page can hold")
def control_character(segment: Segment, text: str, context: Context) -> list[str]:
    found = not_xml(text)
    return [f"control character {', '.join(f'U+{ord(char):04X}' for char in found)} in the text; delete it "
            "(a line break pasted from Word is U+000B)"] if found else []
