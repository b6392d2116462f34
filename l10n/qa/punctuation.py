"""Punctuation and inline markup: Chinese punctuation left in English, brackets and quotes the translation
opened and never closed, placeholders (<a1>…</a1>) that do not match the source's, control characters."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..plumbing.escapes import not_xml
from ..model import Segment, Severity
from ..text.placeholders import escape, pairing, tags
from .registry import ENGLISH, Context, check

# Full-width forms only. “ ” ‘ ’ are left alone: Chinese and English typography share those code points.
_FULL_WIDTH = re.compile(r"[，。：；！？、《》〈〉（）【】「」『』〔〕～]")
# Opening and closing marks of each family; a straight double quote counts by parity.
_FAMILIES = {"parentheses": ("(（", ")）"), "square brackets": ("[【〔", "]】〕"), "quotes": ("“「『", "”」』")}

_BRACKETS = {mark: (family, step) for family, marks in _FAMILIES.items()
             for step, side in ((1, marks[0]), (-1, marks[1])) for mark in side}


@check("fullwidth-punctuation", Severity.ERROR, "full-width Chinese punctuation (，。：；！？《》（）) in the English",
       (ENGLISH,))
def fullwidth_punctuation(segment: Segment, text: str, context: Context) -> list[str]:
    marks = list(dict.fromkeys(_FULL_WIDTH.findall(text)))
    return [f"Chinese punctuation in the English: {' '.join(marks)}"] if marks else []


# A list's own markers, 1) a) iv), close no bracket: at the start, after a colon or semicolon, or (_LISTED) two or
# more of them in a sentence where no bracket is open ("the plan has 1) lower costs, 2) higher output").
_ENUMERATOR = re.compile(r"(?:^|(?<=[:;])|(?<=[:;]\s))\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\)")
_LISTED = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[a-z]|[ivx]{1,4})\)(?=\s)")
# A smiley's bracket, :) ;-) :( =], is no bracket, unless it closes one that is open: "(as you know :-)" doubles
# the smiley as the closing parenthesis.
_EMOTICON = re.compile(r"(?:^|(?<=\s))[:;=]['’^-]?([()\[\]])(?=$|[\s.,!?)\]])")
# A straight double quote opens where a word begins after it and a space or an opening mark before it; with no
# space on either side (said:"We, "Yes,"she said) it opens where no straight quote is open, else closes.
_OPENING_STRAIGHT = re.compile(r'(?:^|(?<=[\s(\[{—–-]))"(?=\S)')
_UNSPACED_STRAIGHT = re.compile(r'(?<=[^\s(\[{—–-])"(?=[^\s.,;:!?)\]}])')
# Where a quotation (or an aside) of several sentences may begin: the start of the sentence, or after a colon, a
# comma, a stop or a dash. One opened inside a clause ("the “flood") closes in the same sentence.
_STARTS_A_QUOTATION = re.compile(r"(?:^|[:,;.!?—–：，；。！？-])\s*$")


def opens_a_quotation(text: str, at: int) -> bool:
    return _STARTS_A_QUOTATION.search(text[:at]) is not None

CARRIED_OVER = 3  # entries a quotation may run on over before it closes (a quote of several sentences)


@dataclass(frozen=True)
class Marks:
    """One family's marks in a text: where each is and whether it opens (+1) or closes (-1), and of those the
    ones opened and never closed, and closed and never opened."""

    marks: tuple[tuple[int, int], ...] = ()
    opens: tuple[int, ...] = ()
    closes: tuple[int, ...] = ()

    def left_open(self) -> bool:
        """One mark left open, the last of its family: a quotation of several sentences nests nothing of its own
        family (English nests with single quotes), so nothing of the family follows its opening."""
        return len(self.opens) == 1 and self.marks[-1][0] == self.opens[0]

    def runs_into_next(self, text: str) -> bool:
        """Whether this text may open a quotation that the next sentences go on with: one left open, opened
        where a quotation begins."""
        return self.left_open() and opens_a_quotation(text, self.opens[0])

    def runs_from_before(self) -> bool:
        """Whether this text may close a quotation an earlier sentence opened: one closed and never opened,
        the first mark of its family."""
        return len(self.closes) == 1 and self.marks[0][0] == self.closes[0]


_FEET_AND_INCHES = re.compile(r"\d['’′]\d{1,2}$")  # 5'9", 6'09"
_MEASURED = re.compile(r"\s?[a-z-]")  # a 12" screen, a 27"-wide panel


def _double_prime(text: str, at: int) -> bool:
    """Whether the straight double quote at `at` is a double prime (inches, seconds) after a figure: after its
    single prime, or before the word it measures."""
    before = text[max(0, at - 5):at]
    return _FEET_AND_INCHES.search(before) is not None or (
        before[-1:].isdigit() and _MEASURED.match(text, at + 1) is not None)


_ANY_MARK = re.compile("[" + re.escape("".join(_BRACKETS)) + '"]')  # one class: re skips ahead to the first mark
_NO_MARKS = {family: Marks() for family in _FAMILIES}


@lru_cache(maxsize=8192)
def marks_of(text: str) -> dict[str, Marks]:
    """Per family, its marks in reading order. Asked for each entry and its neighbours, and for the source:
    remembered (the result is not to be changed)."""
    if not _ANY_MARK.search(text):
        return _NO_MARKS
    listed = [match.end() - 1 for match in _LISTED.finditer(text)]  # counted with those at the start
    listed = set(listed) if len(listed) >= 2 else set()
    text = _ENUMERATOR.sub(lambda match: " " * len(match.group(0)), text)
    smileys = {match.start(1) for match in _EMOTICON.finditer(text)}
    found: dict[str, list[tuple[int, int]]] = {family: [] for family in _FAMILIES}
    opened: dict[str, list[int]] = {family: [] for family in _FAMILIES}
    stray: dict[str, list[int]] = {family: [] for family in _FAMILIES}
    openings = {match.start() for match in _OPENING_STRAIGHT.finditer(text)}
    unspaced = {match.start() for match in _UNSPACED_STRAIGHT.finditer(text)}
    for match in _ANY_MARK.finditer(text):
        straight = match.group(0) == '"'
        open_straight = straight and any(text[at] == '"' for at in opened["quotes"])
        if straight:
            opens = match.start() in openings or (match.start() in unspaced and not open_straight)
            family, step = "quotes", 1 if opens else -1
        else:
            family, step = _BRACKETS[match.group(0)]
        if (step < 0 and not opened[family] and match.start() in listed) or (
                straight and not open_straight and _double_prime(text, match.start())) or (
                match.start() in smileys and (step > 0 or not opened[family])):
            continue  # a list's marker; a double prime, not a quote; a smiley
        found[family].append((match.start(), step))
        if step > 0:
            opened[family].append(match.start())
            continue
        # A straight quote closes a straight one, a curly one a curly one (“…" is two marks left unpaired).
        pairs = [at for at in opened[family] if (text[at] == '"') is straight]
        if pairs:
            opened[family].remove(pairs[-1])
        else:
            stray[family].append(match.start())
    return {family: Marks(tuple(found[family]), tuple(opened[family]), tuple(stray[family])) for family in _FAMILIES}


def balanced(text: str) -> bool:
    """Whether every mark of the text is paired: no family has one left open or closed and never opened."""
    return not any(marks.opens or marks.closes for marks in marks_of(text).values())


def unmatched(text: str) -> dict[str, tuple[int, int]]:
    """Per family, (marks opened and never closed, marks closed and never opened)."""
    return {family: (len(marks.opens), len(marks.closes)) for family, marks in marks_of(text).items()}


def _opens_its_own(source: str, family: str) -> bool:
    """Whether the source's first mark of a family opens after words of its own (他说：“…): its quotation begins
    in this sentence, so the English's closing mark closes this sentence's quotation, not an earlier one's."""
    marks = marks_of(source)[family].marks
    return bool(marks) and marks[0][1] > 0 and bool(source[:marks[0][0]].strip())


def carried_over(segments: list[Segment], texts: dict[str, str]) -> dict[str, frozenset[tuple[str, int]]]:
    """Per entry, the (family, +1) whose one open mark a later entry closes, and the (family, -1) whose one
    closing mark closes an earlier entry's: a quotation opened where a quotation begins and closed in one of
    the next few sentences, none between holding a mark of its family, the closing one's source not opening
    a quotation of its own."""
    continued: dict[str, set[tuple[str, int]]] = {}
    translated = [segment for segment in segments if texts.get(segment.id)]
    for position, segment in enumerate(translated):
        text = texts[segment.id]
        if balanced(text):
            continue  # nothing left open to run on
        for family, marks in marks_of(text).items():
            if not marks.runs_into_next(text):
                continue
            for later in translated[position + 1:position + 1 + CARRIED_OVER]:
                other = marks_of(texts[later.id])[family]
                if not other.marks:
                    continue
                if other.runs_from_before() and not _opens_its_own(later.source, family):
                    continued.setdefault(segment.id, set()).add((family, 1))
                    continued.setdefault(later.id, set()).add((family, -1))
                break
    return {segment_id: frozenset(sides) for segment_id, sides in continued.items()}


_QUOTE_AT_START = re.compile(r'^\W{0,3}[“「『"]')
_QUOTE_AT_END = re.compile(r'[”」』"][\W\s]{0,3}$')


def run_on_quotes(source: str) -> tuple[bool, bool]:
    """Whether a quotation may (open in an earlier sentence, close in a later one) in the English: the source
    quotes from its very beginning, or to its very end. English closes a quote of several sentences once, at
    its end, and opens it once, at its start, where Chinese quotes each sentence."""
    source = source.strip()
    at_end = _QUOTE_AT_END.search(source)
    opened_here = at_end is not None and re.search(r'[“「『"]', source[:at_end.start()]) is not None
    return bool(_QUOTE_AT_START.search(source)), opened_here


@check("unbalanced-brackets", Severity.WARNING, "a bracket or quote opened and not closed (or the reverse) where "
       "the source's are balanced, unless the quotation may run on from or into a neighbouring sentence",
       may_find=lambda texts: _ANY_MARK.search(texts.joined) is not None
       and not all(balanced(texts.texts[segment.id]) for segment in texts.segments))
def unbalanced_brackets(segment: Segment, text: str, context: Context) -> list[str]:
    if balanced(text):
        return []  # most texts: what follows only decides whether an unpaired mark is excused
    source = marks_of(segment.source)
    continued = context.carried_over.get(segment.id, frozenset())
    from_before, into_next = run_on_quotes(segment.source)
    messages = []
    for family, marks in marks_of(text).items():
        opens, closes = len(marks.opens), len(marks.closes)
        # The English's one open mark may run on into the next sentence where a later entry closes it, or where
        # the source's quotation runs on too, if it opens where the source's does: where a quotation begins
        # (not inside a clause, "the “flood") unless the source's is cut inside one too; and at the very
        # start only where the source's quotation starts its sentence too (an English that put the source's "X
        # said:" after the quotation has to close it before that).
        if marks.left_open():
            at, source_opens = marks.opens[0], source[family].opens
            where = opens_a_quotation(text, at) or (source_opens and not opens_a_quotation(segment.source,
                                                                                             source_opens[-1]))
            source_runs_on = bool(source_opens) or (family == "quotes" and into_next)
            if (family, 1) in continued or (where and source_runs_on and (from_before or text[:at].strip())):
                opens = 0
        if marks.runs_from_before() and ((family, -1) in continued or source[family].closes
                                         or (family == "quotes" and from_before)):
            closes = 0
        if opens or closes:
            messages.append(f"unbalanced {family} ({'+' if opens else '-'}{opens or closes})")
    return messages


@check("placeholders", Severity.ERROR, "inline-markup placeholders (<a1>…</a1>) missing, added or out of order "
       "compared with the source", may_find=lambda texts: "<" in texts.joined or "<" in texts.sources)
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
       "U+000B), which no article, XML export or review page can hold",
       may_find=lambda texts: bool(not_xml(texts.joined)))  # a line break is XML's
def control_character(segment: Segment, text: str, context: Context) -> list[str]:
    found = not_xml(text)
    return [f"control character {', '.join(f'U+{ord(char):04X}' for char in found)} in the text; delete it "
            "(a line break pasted from Word is U+000B)"] if found else []
