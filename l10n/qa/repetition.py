"""Known failures of neural MT: a word or phrase looping over and over, a doubled word, a draft far shorter
or longer than the document's other segments would suggest."""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache

from ..plumbing.deferred import DeferredPattern
from ..mining.boundaries import pinyin_syllables
from ..model import Segment, Severity
from ..text.placeholders import strip
from . import spelling
from .registry import Context, Texts, check

_LATIN_WORD = re.compile(r"[A-Za-z]+")
_WORD = DeferredPattern(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[\u3400-\u9fff]")
LOOP_REPEATS = 3  # a unit said three times running is a loop, not style
LONGEST_UNIT = 6  # words (or Han characters) in the longest repeated unit looked for
LENGTH_FACTOR = 3.0  # how far from the document's usual target/source ratio a segment may be
SHORTEST_SOURCE = 20  # Han characters, letters and digits: shorter sources (a line of dialogue with its
#                       speaker, 韦小宝道：“死也不降。”) vary too much to judge by length
_DOUBLE_ALLOWED = {"had", "that"}  # "had had", "that that" are English


def _units(text: str) -> list[str]:
    return [token.casefold() for token in _WORD.findall(strip(text))]


# A unit of one to LONGEST_UNIT tokens said LOOP_REPEATS times in a row, over the tokens written one character each
# (_coded): one C-speed search that rules out most texts before the exact count below. The repeats are spelt out
# (\1\1, not \1{2}): re tries a counted repeat at every position through its slower general loop.
_ANY_LOOP = re.compile(r"(.{1,%d})%s" % (LONGEST_UNIT, r"\1" * (LOOP_REPEATS - 1)), re.DOTALL)
# _WORD's word tokens. Its first letter or digit is a class of its own, not part of a +: re skips to where a pattern
# may start only when it starts with a class, and most of a Chinese text starts none.
_WORD_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*(?:['’][A-Za-z]+)?")
_FIRST_CODE = 0xF0000  # a word's character: private use (planes 15 and 16), apart from the Han characters
_CODES = sys.maxunicode + 1 - _FIRST_CODE
_CODE_PLANES = re.compile("[\U000F0000-\U0010FFFF]")
_TOKENS = re.compile("[\u3400-\u9fff\U000F0000-\U0010FFFF]+")  # no class first: most characters start a match


def _coded(text: str) -> str | None:
    """_units(text) written one character each, the same token always as the same character: a Han character as
    itself, each distinct word (casefolded) as a private-use character of its own. No list of tokens is made: the
    words are written over, then the runs of tokens are joined, what lies between them left out (a character of the
    code planes that the text holds itself is such a gap: a space first, which parts words as it did). None when
    there are more distinct words than such characters."""
    codes: dict[str, str] = {}

    def code(word: re.Match[str]) -> str:
        return codes.setdefault(word[0].casefold(), chr(_FIRST_CODE + min(len(codes), _CODES - 1)))

    coded = "".join(_TOKENS.findall(_WORD_TOKEN.sub(code, _CODE_PLANES.sub(" ", strip(text)))))
    return coded if len(codes) <= _CODES else None


def _may_loop(texts: Texts) -> bool:
    """Whether any text may hold a loop: one search over them all, each on its own line (a line break is no token,
    so a text's tokens are written the same there, and a loop of one text is one of them all)."""
    coded = _coded(texts.joined)
    return coded is None or _ANY_LOOP.search(coded) is not None


def loops(text: str) -> list[str]:
    """Each unit of up to LONGEST_UNIT tokens that follows itself LOOP_REPEATS times or more."""
    coded = _coded(text)
    if coded is not None and not _ANY_LOOP.search(coded):
        return []
    tokens = _units(text)
    found: list[str] = []
    for size in range(1, LONGEST_UNIT + 1):
        # A unit at `start` repeats when each of the next size × (repeats − 1) tokens equals the one `size`
        # before it: one pass counting such equalities finds every start, in linear time.
        needed = size * (LOOP_REPEATS - 1)
        equal_run = 0
        for position in range(len(tokens) - size):
            if tokens[position] != tokens[position + size]:
                equal_run = 0
                continue
            equal_run += 1
            if equal_run >= needed:
                start = position - needed + 1
                shown = " ".join(tokens[start:start + size])
                if not any(shown in earlier for earlier in found):
                    found.append(shown)
    return found


def reduplications(text: str) -> int:
    """How many times a text says a unit of up to four words or characters again right after itself,
    punctuation aside: 好，好，好 and 咯当咯当 once each, 珍珍 and 瑶瑶 once each."""
    tokens = _units(text)
    count, position = 0, 0
    while position < len(tokens):
        size = next((size for size in range(1, 5) if tokens[position:position + size]
                     == tokens[position + size:position + 2 * size] and position + 2 * size <= len(tokens)), 0)
        if not size:
            position += 1
            continue
        count += 1
        unit = tokens[position:position + size]
        position += size
        while tokens[position:position + size] == unit:
            position += size
    return count


def _source_repeats(segment: Segment, context: Context) -> int:
    return max(reduplications(segment.source), reduplications(context.expected.get(segment.id, "")))


@check("repetition", Severity.ERROR, "a word or phrase repeated three times or more in a row (an MT loop) where "
       "the source repeats nothing as often", may_find=_may_loop)
def repetition(segment: Segment, text: str, context: Context) -> list[str]:
    found = loops(text)
    if not found or len(found) <= _source_repeats(segment, context):
        return []  # 好，好，好 → "Fine, fine, fine"
    return [f"repeated in a loop: {unit!r}" for unit in found]


# English says these twice on purpose: intensifiers, interjections, urgings (very very, no no, bye bye, there there).
_REDUPLICATIVE = frozenset("very really so much many far long no yes yeah bye ha hah haha ho hee oh ah hey well now "
                           "there tut hush chop knock night".split())
# "asked her her name": the second her is a possessive when a word of its noun phrase follows.
_HER_HER = re.compile(r"her\s+her\s+(?!(?:at|to|in|on|and|or|but|for|with|from|by|of|as|out|up|off|down|away|back|"
                      r"again|too|now|then|so)\b)[a-z]", re.IGNORECASE)
# A word said again. The check before the word that it starts there is made after its first letter (no two letters
# end there): a pattern that starts with a class lets re skip ahead to a letter, through a Chinese text.
_SAID_AGAIN = re.compile(r"([A-Za-z](?<![A-Za-z]{2})[A-Za-z]*)(?:\s+\1(?![A-Za-z]))+", re.IGNORECASE)
# A degree word that already qualifies the intensifier: English doubles "many", not "too many" ("too many many").
_DEGREE_BEFORE = re.compile(r"\b(?:too|how|as)\s+$", re.IGNORECASE)
_DEGREE_REACH = 5  # characters before a doubled word read for its degree word


def _echoes_the_source(word: str) -> bool:
    """A doubled word that can render the source's own repetition: a name of one romanized syllable (Yuan Yuan
    for 圆圆) or a word no dictionary knows, as written or in lower case (a sound: kuang kuang). Any other word
    doubled (the the, hut hut, Buddha Buddha) is a slip."""
    if word[:1].isupper() and pinyin_syllables(word) == 1:
        return True
    return not spelling.available() or not (spelling.known(word.lower()) or spelling.known(word))


def _written_twice_in(word: str, source: str) -> bool:
    """Whether the source itself writes a Latin word twice or more ([Wilson](/~Wilson), NSA…NSA), which an English
    keeping the source's Latin text may bring together."""
    return _latin_words(source)[word.lower()] >= 2


@lru_cache(maxsize=64)
def _latin_words(source: str) -> Counter[str]:
    """How often the source writes each Latin word, in lower case: counted once for all the doubled words."""
    return Counter(word.lower() for word in _LATIN_WORD.findall(source))


def _read_alike_in(word: str, source: str) -> bool:
    """Whether two neighbouring characters of the source are both read as the doubled syllable, whatever their
    tones (倪妮 ni2 ni1 → "Ni Ni"): a name romanized as it sounds, by CC-CEDICT's reading of each character."""
    return word.lower() in _syllables_read_twice(source)


@lru_cache(maxsize=64)
def _syllables_read_twice(source: str) -> frozenset[str]:
    """The toneless syllables two neighbouring characters of the source are both read as: one reading of the
    source for all the doubled words of its English."""
    from ..text.cedict import entries, toneless

    readings = entries()[1]
    syllables = [toneless(readings.get(char, "")) for char in source]
    return frozenset(first for first, second in zip(syllables, syllables[1:]) if first and first == second)


@check("doubled-word", Severity.WARNING, "the same word twice in a row (Sam Sam Altman), unless English says it so "
       "(very very, no no, had had) or it renders a repetition of the source (圆圆 → Yuan Yuan)",
       may_find=lambda texts: _SAID_AGAIN.search(strip(texts.joined)) is not None)
def doubled_word(segment: Segment, text: str, context: Context) -> list[str]:
    text = strip(text)
    slips, echoes = [], []
    for match in _SAID_AGAIN.finditer(text):
        word = match.group(1)
        if len(match.group(0).split()) > 2:
            continue  # three times or more (tock tock tock): a loop or a sound, the repetition check's
        said_so = word.casefold() in _REDUPLICATIVE and not _DEGREE_BEFORE.search(
            text, max(0, match.start() - _DEGREE_REACH), match.start())
        if word.casefold() in _DOUBLE_ALLOWED or said_so or _HER_HER.match(text, match.start()) \
                or _written_twice_in(word, segment.source) or _read_alike_in(word, segment.source):
            continue
        (echoes if _echoes_the_source(word) else slips).append(word)
    if echoes and len(echoes) > _source_repeats(segment, context):
        slips += echoes
    return [f"doubled word: {word} {word}" for word in dict.fromkeys(slips)]


_CONTENT = re.compile(r"[A-Za-z0-9\u3400-\u9fff]+")  # no class first: most characters start a match


@lru_cache(maxsize=8192)
def content_length(text: str) -> int:
    """Letters, digits and Han characters: punctuation, spaces and ellipses say nothing of how much is said."""
    return len("".join(_CONTENT.findall(strip(text))))  # its runs, not a list of one-character strings


def length_ratio(source: str, text: str) -> float:
    return content_length(text) / max(content_length(source), 1)


def _far_from(usual: float, ratio: float) -> bool:
    return not usual / LENGTH_FACTOR <= ratio <= usual * LENGTH_FACTOR


def _may_be_far(texts: Texts) -> bool:
    usual = texts.context.usual_ratio
    return usual is not None and any(_far_from(usual, ratio) for ratio in texts.context.length_ratios.values())


@check("length-ratio", Severity.WARNING, "the target is far shorter or longer than the document's usual "
       "target/source length ratio (a dropped clause, a runaway draft)", may_find=_may_be_far)
def length(segment: Segment, text: str, context: Context) -> list[str]:
    usual, ratio = context.usual_ratio, context.length_ratios.get(segment.id)  # build_context's, of this text
    if usual is None or ratio is None or not _far_from(usual, ratio):
        return []
    side = "shorter" if ratio < usual else "longer"
    return [f"{ratio:.1f} letters per source character, {side} than this document's usual {usual:.1f}"]
