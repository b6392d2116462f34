"""Latin-script tokens of the source that the English drops: an acronym (SEC, PMI) or a product name with its
model number (iPhone 15) in a Chinese sentence is nearly always kept, or spelled out, in the English."""
from __future__ import annotations

import re

from ..model import Segment, Severity
from ..text.placeholders import strip
from .registry import ENGLISH, Context, check

# A Latin token worth keeping: two capitals or more (SEC, NASDAQ), a capital inside a word (iPhone, eBay), or
# letters and digits together (PM2.5, G20); a model number after it belongs to it (iPhone 15).
_TOKEN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.&+-]*[A-Za-z0-9+])(?:\s?(\d{1,4}))?(?![A-Za-z0-9])")
_NOT_INITIAL = {"and", "of", "the", "for", "&", "on", "in", "de"}


def kept_tokens(source: str) -> list[str]:
    """The source's Latin tokens that the English should keep, as written (with a model number after one)."""
    found = []
    for match in _TOKEN.finditer(strip(source)):
        word = match.group(1).rstrip(".-")
        capitals = sum(char.isupper() for char in word)
        mixed = any(char.isupper() for char in word[1:]) and any(char.islower() for char in word)
        alphanumeric = any(char.isdigit() for char in word) and any(char.isalpha() for char in word)
        if capitals >= 2 or mixed or alphanumeric:
            found.append(f"{word} {match.group(2)}" if match.group(2) else word)
    return list(dict.fromkeys(found))


SHORTEST_SPELLED_WORD = 4  # letters of a lower-case word spelling out an acronym (artificial intelligence)


def spelled_out(acronym: str, text: str) -> bool:
    """Whether the English spells an acronym out: SEC as Securities and Exchange Commission; in lower case in
    words of four letters or more (AI as artificial intelligence, GDP as gross domestic product), since short
    lower-case words (its, was) would spell any short acronym by chance."""
    letters = acronym.upper()
    if not letters.isalpha():
        return False
    if _said_letter_by_letter(letters, text):
        return True
    words = [word for word in re.findall(r"[A-Za-z][\w'-]*", text) if word.lower() not in _NOT_INITIAL]
    return letters in "".join(map(_initials, words))


# How English writes the name of each letter when a word says an acronym aloud (OK as "okay", MC as "emcee", DJ
# as "deejay").
_LETTER_NAMES = {"A": "a|ay", "B": "bee", "C": "cee|see", "D": "dee", "E": "e|ee", "F": "ef|eff", "G": "gee",
                 "H": "aitch", "I": "i|eye", "J": "jay", "K": "kay", "L": "el|ell", "M": "em", "N": "en", "O": "o|oh",
                 "P": "pee", "Q": "cue", "R": "ar", "S": "es|ess", "T": "tee", "U": "u|you", "V": "vee",
                 "W": "double-?u", "X": "ex", "Y": "wy|why", "Z": "zee|zed"}


def _said_letter_by_letter(letters: str, text: str) -> bool:
    """Whether a word of the English spells the acronym's letters by their names ("okay" for OK, "emcee" for MC):
    a word at least twice as long as the acronym, so that a short word (us, eye) says no acronym by chance."""
    spelled = "".join(f"(?:{_LETTER_NAMES[letter]})" for letter in letters)
    return any(len(match.group(0)) >= 2 * len(letters)
               for match in re.finditer(rf"(?<![A-Za-z]){spelled}(?![A-Za-z])", text, re.IGNORECASE))


def _initials(word: str) -> str:
    """A word's initial as an acronym takes it: a capital, or a lower-case word's first letter when it is long
    enough; each part's of a word whose parts all begin with a capital (TikTok: TT, PlayStation: PS)."""
    parts = [part for part in _PARTS.split(word) if part]
    if len(parts) > 1 and all(part[0].isupper() for part in parts):
        return "".join(part[0] for part in parts)
    return word[0].upper() if word[0].isupper() or len(word) >= SHORTEST_SPELLED_WORD else " "


_PARTS = re.compile(r"\s+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _present(token: str, text: str) -> bool:
    """Kept, maybe spaced at a change of case (IBMWatson as IBM Watson) or with an English ending (YouTuber)."""
    parts = r"\s?".join(re.escape(part) for part in _PARTS.split(token) if part)
    return re.search(rf"(?<![A-Za-z0-9]){parts}(?:s|r|er|ers)?(?![A-Za-z0-9])", text, re.IGNORECASE) is not None


@check("latin-dropped", Severity.WARNING, "an acronym or Latin-script name of the source (SEC, PMI, iPhone 15) is "
       "neither kept nor spelled out in the English", (ENGLISH,))
def latin_dropped(segment: Segment, text: str, context: Context) -> list[str]:
    in_terms = [segment.source[hit.start:hit.end] for hit in segment.terms]
    missing = [token for token in kept_tokens(segment.source)
               if not any(token in term for term in in_terms)
               and not _present(token, text) and not spelled_out(token, text)]
    return [f"{token} is not in the English" for token in missing]
