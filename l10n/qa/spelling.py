"""Misspelled English words, against the hunspell dictionaries Debian ships (hunspell-en-us, hunspell-en-gb),
read through Enchant (pyenchant). A word is accepted when either spelling, American or British, knows it.

Not checked: capitalized words (names, which the glossary checks), words with digits or in capitals or
joined by hyphens, the glossary's renderings, Latin-script words of the source, and a word the document uses
in two entries or more (kang, taels: a translator's chosen term; a slip of the keyboard is seldom repeated). When no English dictionary is installed the check
finds nothing, and `available()` says so.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Segment, Severity
from ..placeholders import strip
from .registry import ENGLISH, Context, check

DICTIONARIES = ("en_US", "en_GB")
_WORD = re.compile(r"(?<![\w'’.@/-])[a-z]+(?:['’][a-z]+)?(?![\w@/-])")
SHORTEST_PART = 3  # letters of each word a compound (superyacht, courtside) is made of
_LATIN = re.compile(r"[A-Za-z]+")


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
    """In a dictionary, or a compound of two words that are (wellbeing, microblog, courtside)."""
    if any(dictionary.check(word) for dictionary in _dictionaries()):
        return True
    return any(_in_dictionary(word[:cut]) and _in_dictionary(word[cut:])
               for cut in range(SHORTEST_PART, len(word) - SHORTEST_PART + 1))


@lru_cache(maxsize=65536)
def _in_dictionary(word: str) -> bool:
    return any(dictionary.check(word) for dictionary in _dictionaries())


def misspelled(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The lower-case words of an English text that no dictionary knows, in order, once each."""
    if not available():
        return []
    found = []
    for match in _WORD.finditer(strip(text)):
        word = match.group(0).replace("’", "'")
        if word in allowed or len(word) < 3:
            continue
        if not known(word) and not known(word.split("'")[0]):
            found.append(word)
    return list(dict.fromkeys(found))


@check("spelling", Severity.WARNING, "an English word no hunspell dictionary (en_US, en_GB) knows; names, "
       "glossary renderings and Latin words of the source are not checked", (ENGLISH,))
def spelling(segment: Segment, text: str, context: Context) -> list[str]:
    allowed = {word.lower() for word in _LATIN.findall(segment.source)} | context.recurring_words
    for requirement in context.requirements.get(segment.id, []):
        for form in requirement.accepted:
            allowed.update(word.lower() for word in _LATIN.findall(form))
    return [f"unknown word: {word}" for word in misspelled(text, allowed)]


def recurring(texts: list[str]) -> frozenset[str]:
    """The unknown words that two texts or more use."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in misspelled(text):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= 2)
