"""Misspelled English words, against the hunspell dictionaries Debian ships (hunspell-en-us, hunspell-en-gb),
read through Enchant (pyenchant). A word is accepted when either spelling, American or British, knows it.

Reported only on evidence of a slip: a word no dictionary knows that is one slip of the keyboard from one it
does (see `slip_of_a_word`) and that no larger English word list knows either (see `listed`). Not checked: capitalized words (names, which the glossary checks), words with
digits or in capitals or joined by hyphens, the glossary's renderings, Latin-script words of the source, the
source's own words in pinyin (炕 → kang, 馒头 → mantou: a romanization, not a slip), and a word the document
uses in two entries or more (kang, taels: a translator's chosen term; a slip of the keyboard
is seldom repeated). When no English dictionary is installed the check finds nothing, and `available()` says
so.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..plumbing.deferred import DeferredPattern
from ..mining.boundaries import HAN
from ..model import Segment, Severity
from ..text.placeholders import strip
from .registry import ENGLISH, Context, check

DICTIONARIES = ("en_US", "en_GB")
# SCOWL's size-70 lists (Debian's wamerican-huge, wbritish-huge): rarer words than hunspell's size-60 dictionaries
# hold (snifting, ungreased, hooved). Size 95 ("insane") was left out: it holds common misspellings (alloted,
# wierd, untill) as variants.
WORD_LISTS = ("/usr/share/dict/american-english-huge", "/usr/share/dict/british-english-huge")
# A hashtag (#metoo), a handle, an address or a path is no word.
_WORD = re.compile(r"(?<![\w'’.@#/-])[a-z]+(?:['’][a-z]+)?(?![\w@/-])")
_LATIN = re.compile(r"[A-Za-z]+")
_HAN_RUN = DeferredPattern(f"[{HAN}]+")


@lru_cache(maxsize=1)
def _dictionaries() -> tuple:
    """The hunspell dictionaries Enchant finds, hunspell preferred over other providers."""
    try:
        import enchant
    except ImportError:  # pyenchant installed but no libenchant on this system
        return ()
    broker = enchant.Broker()
    found = []
    for tag in DICTIONARIES:
        broker.set_ordering(tag, "hunspell")
        if broker.dict_exists(tag):
            found.append(broker.request_dict(tag))
    return tuple(found)


def available() -> bool:
    return bool(_dictionaries())


@lru_cache(maxsize=65536)
def known(word: str) -> bool:
    return any(dictionary.check(word) for dictionary in _dictionaries())


@lru_cache(maxsize=1)
def _word_lists() -> tuple[bytes, ...]:
    """The installed lists' text, a line break before each word. Searched, not loaded into a set: only words
    already found one slip from a dictionary word are looked up (a few per catalog, 2 ms each), and a set of
    the lists' 357,000 words would cost 0.2 s of CPU in every process that finds one."""
    texts = []
    for path in WORD_LISTS:
        try:
            with open(path, "rb") as listed_words:
                texts.append(b"\n" + listed_words.read())
        except OSError:
            continue
    return tuple(texts)


SHORTEST_LISTED = 6  # letters: a shorter unknown word in the lists is as often a slip (wich, frist) as a word


@lru_cache(maxsize=4096)
def listed(word: str) -> bool:
    """Whether a word hunspell lacks is a word of the larger lists, from six letters on."""
    line = f"\n{word}\n".encode("utf-8")
    return len(word) >= SHORTEST_LISTED and any(line in text for text in _word_lists())


SHORTEST_SLIP = 5  # letters of the word meant: most short strings are one slip from some short word
# The longest word of hunspell's en_US and en_GB dictionaries has 45 letters (pneumonoultramicroscopicsilico-
# volcanoconiosis); a longer string is one slip from none, and trying every slip of a word of thousands of letters
# took seconds per word.
LONGEST_SLIP = 46
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def slip_of_a_word(word: str) -> bool:
    """Whether an unknown word is one slip of the keyboard from a dictionary word of five letters or more: a
    letter dropped, doubled or added, changed, or two neighbours swapped (goverment, protestting, scrapps,
    firt). A rare word or a coinage (hyperosmolar, greenization) is seldom that close to another, and a plural
    the dictionary lacks (cheongsams) is no slip, so neither is reported."""
    if len(word) > LONGEST_SLIP or word.endswith("s") and known(word[:-1]):
        return False
    return any(known(candidate) for candidate in one_slip_away(word) if len(candidate) >= SHORTEST_SLIP)


def one_slip_away(word: str) -> set[str]:
    """The strings one slip of the keyboard from a word: a letter dropped, doubled or added, changed, or two
    neighbours swapped."""
    splits = [(word[:cut], word[cut:]) for cut in range(len(word) + 1)]
    candidates = {head + tail[1:] for head, tail in splits if tail}
    candidates |= {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    candidates |= {head + letter + tail[1:] for head, tail in splits if tail for letter in _LETTERS}
    candidates |= {head + letter + tail for head, tail in splits for letter in _LETTERS}
    candidates.discard(word)
    return candidates


def slip_among(word: str, meant: Iterable[str]) -> str | None:
    """The word of `meant` that a word this check reports (see `misspelled`) is one slip of the keyboard from, or
    None: "hundreths" for "hundredths", never a dictionary word ("tents")."""
    if not misspelled(word):
        return None
    return min(one_slip_away(word).intersection(meant), default=None)


def misspelled(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The lower-case words of an English text that no dictionary knows and that are one slip from a word
    that one does, in order, once each."""
    return [word for word in _slips(text) if word not in allowed]


@lru_cache(maxsize=4096)
def _slips(text: str) -> tuple[str, ...]:
    """misspelled() before the allowed words: the document's recurring words and each entry's check both ask."""
    if not available():
        return ()
    found, text = [], strip(text)
    for match in _WORD.finditer(text):
        word = match.group(0).replace("’", "'")
        if len(word) < 3:
            continue
        stem = word.split("'")[0]
        if known(word) or known(stem) or _inflected(stem, text, match.start()) or _prefixed(stem):
            continue
        if slip_of_a_word(stem) and not listed(stem):
            found.append(word)
    return tuple(dict.fromkeys(found))


# Prefixes English puts before any word it likes (microstructured, overfished, hyperconnected): the dictionaries list
# only the common compounds. None of two or three letters: co, pre, sub before a letter doubled by a slip leave a
# word (comission: co + mission, colapse: co + lapse).
_PREFIXES = ("anti", "auto", "counter", "cyber", "electro", "hydro", "hyper", "inter", "intra", "macro", "mega",
             "micro", "mini", "multi", "nano", "over", "photo", "post", "semi", "super", "tele", "thermo", "trans",
             "ultra", "under")
SHORTEST_AFTER_A_PREFIX = 6  # letters of the dictionary word: a shorter one is too easily met (televison: vison)


def _prefixed(word: str) -> bool:
    """Whether an unknown word is a prefix before a dictionary word (microstructured: micro + structured)."""
    return any(word.startswith(prefix) and len(word) - len(prefix) >= SHORTEST_AFTER_A_PREFIX
               and known(word[len(prefix):]) for prefix in _PREFIXES)


_DROPPED_G = re.compile(r"in['’](?![a-z])")  # talkin', nothin': the g left out in speech, marked by the apostrophe
# maketh (make), turneth (turn): always with its e, since a word plus "th" is as often a slip (bredth, breadth)
_ARCHAIC_THIRD = re.compile(r"eth$")
_ARCHAIC_SECOND = re.compile(r"e?st$")  # thou knowest, thou shouldst
_AFTER_THOU = re.compile(r"\bthou(?:\W+\w+){0,2}\W+$", re.IGNORECASE)
SHORTEST_ARCHAIC_STEM = 4  # letters of the verb: a shorter one is too easily met (a slip of beneath, beneth)


def _inflected(word: str, text: str, start: int) -> bool:
    """Whether an unknown word at `start` of the text is a form English writes of a dictionary word and hunspell
    lacks: the g dropped before an apostrophe (goin' → going), or an archaic verb ending (turneth → turn; after
    thou: knowest → know, goest → go)."""
    if word.endswith("in") and _DROPPED_G.match(text, start + len(word) - 2):
        return known(word + "g")
    if ending := _ARCHAIC_THIRD.search(word):
        shortest = SHORTEST_ARCHAIC_STEM
    elif (ending := _ARCHAIC_SECOND.search(word)) and _AFTER_THOU.search(text, 0, start):
        shortest = 2
    else:
        return False
    stem = word[:ending.start()]
    return any(len(verb) >= shortest and known(verb) for verb in (stem, stem + "e"))


@check("spelling", Severity.WARNING, "an English word no hunspell dictionary (en_US, en_GB) knows that is one "
       "slip of the keyboard from one it does (goverment); names, glossary renderings and Latin words of the "
       "source are not checked", (ENGLISH,))
def spelling(segment: Segment, text: str, context: Context) -> list[str]:
    allowed = {word.lower() for word in _LATIN.findall(segment.source)} | context.recurring_words
    for requirement in context.requirements.get(segment.id, []):
        for form in requirement.accepted:
            allowed.update(word.lower() for word in _LATIN.findall(form))
    found = misspelled(text, allowed)
    if found:
        romanized = romanizations(segment.source)
        found = [word for word in found if word.split("'")[0] not in romanized]
    return [f"unknown word: {word}" for word in found]


LONGEST_ROMANIZED = 4  # characters of the source one romanized English word may stand for (马拉松 is a word)


@lru_cache(maxsize=1024)
def romanizations(source: str) -> frozenset[str]:
    """The source's words as English writes them in pinyin, toneless and run together: every run of one to
    four Han characters (大妈 → dama; ü as v and as u). Asked only for a sentence with an unknown word."""
    from pypinyin import Style, lazy_pinyin

    found = set()
    for run in _HAN_RUN.findall(source):
        syllables = lazy_pinyin(run, style=Style.NORMAL)
        for start in range(len(syllables)):
            for end in range(start + 1, min(len(syllables), start + LONGEST_ROMANIZED) + 1):
                word = "".join(syllables[start:end])
                found.update((word, word.replace("v", "u")))
    return frozenset(found)


def recurring(texts: list[str]) -> frozenset[str]:
    """The unknown words that two texts or more use."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in misspelled(text):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= 2)
