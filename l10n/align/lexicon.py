"""Lexical evidence for alignment: what English words a Chinese sentence may be translated with.

Chinese is split by longest match against CC-CEDICT (l10n/text/cedict.py) and the glossary; every word offers the content
words of its dictionary senses. Runs of single characters — mostly names the dictionary lacks — also
offer their pinyin run together (陈清扬 → chen, qingyang, chenqingyang), which is how English spells
Chinese names. Numbers on both sides become their values (1.2亿 = 120 million), Latin-script words
stand for themselves. Both sides go through one stemmer so "boards" meets "board".
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import ChainMap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..text.cedict import definitions, entries, toneless
from ..model import GlossaryEntry
from ..text.numbers import Quantity, english_quantities, quantities
from ..reading.segment import is_han

_LONGEST_WORD = 8
_SENSE_WORDS = 4  # content words kept from one dictionary sense: later ones are mostly explanation
_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself one used sb sth etc something someone
variant see abbr particle classifier old also lit fig esp oneself kind thing way make get let s t
""".split())
_ENGLISH_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#&.-]*[A-Za-z0-9+#]|[A-Za-z]")
_PARENTHETICAL = re.compile(r"\([^)]*\)|\[[^]]*\]")
_SKIPPED_SENSE = re.compile(r"^(CL:|variant of|old variant|see |used in|abbr\. for|erhua variant|Japanese variant)")
# Grammatical characters whose dictionary senses (的: taxi, target) would only add noise.
_FUNCTION_CHARACTERS = frozenset("的了着过吗呢吧啊呀得地之其而")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@functools.lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _unaccented(word: str) -> str:
    """Loanwords as English also writes them (CC-CEDICT's "attaché" for 武官 meets "attaches")."""
    return "".join(character for character in unicodedata.normalize("NFKD", word) if not unicodedata.combining(character))


def _content_words(text: str) -> list[str]:
    words = (_unaccented(word.lower().replace("’", "'")) for word in _ENGLISH_WORD.findall(text))
    return [stem(word) for word in words if word not in _STOPWORDS and len(word) > 1]


def english_tokens(sentence: str) -> list[str]:
    """The tokens an English sentence is compared on: stemmed content words and number values."""
    return _content_words(sentence) + _number_tokens(english_quantities(sentence))


def _number_tokens(found: list[Quantity]) -> list[str]:
    """A value stands for itself on either side: 1.2亿 and "120 million" both give #120000000."""
    return [f"#{value.normalize():f}" for quantity in found for value in quantity.values]


def sense_phrases(definitions: Iterable[str]) -> list[str]:
    """A dictionary's senses as plain phrases: notes in brackets taken out, cross-references and classifiers
    ("CL:…", "variant of …", "see …") left out."""
    phrases = (" ".join(_PARENTHETICAL.sub(" ", sense).split()) for sense in definitions
               if not _SKIPPED_SENSE.match(sense))
    return [phrase for phrase in phrases if phrase]


def _sense_tokens(definitions: Iterable[str]) -> set[str]:
    tokens: set[str] = set()
    for phrase in sense_phrases(definitions):
        tokens.update([word for word in _content_words(phrase) if word.isascii()][:_SENSE_WORDS])
    return tokens


class SenseTokens(Mapping[str, frozenset[str]]):
    """Chinese word → the stemmed English tokens of its senses, worked out for a word when it is first looked up:
    a check or a mined term looks up a handful of words, an alignment a few thousand, and stemming the senses of all
    120,000 words up front cost three seconds of every process that asked for one."""

    def __init__(self, senses: dict[str, list[str]]):
        self._senses = senses  # word → its entries' senses as read_cedict gives them
        self._tokens: dict[str, frozenset[str]] = {}

    def __getitem__(self, word: str) -> frozenset[str]:
        tokens = self._tokens.get(word)
        if tokens is None:
            tokens = self._tokens[word] = frozenset(_sense_tokens(definitions(self._senses[word])))
        return tokens

    def __contains__(self, word: object) -> bool:
        return word in self._senses

    def __iter__(self) -> Iterator[str]:
        return iter(self._senses)

    def __len__(self) -> int:
        return len(self._senses)


@dataclass(frozen=True)
class Lexicon:
    translations: Mapping[str, frozenset[str]]  # Chinese word → stemmed English tokens
    pinyin: dict[str, str]  # Han character → toneless syllable of its first reading

    def with_glossary(self, entries: Iterable[GlossaryEntry]) -> Lexicon:
        """Glossary renderings take the place of the dictionary's senses for their terms."""
        extra = {entry.source: frozenset(english_tokens(" ".join((entry.english, entry.english_short))))
                 for entry in entries if entry.english}
        if not extra:
            return self
        return Lexicon(ChainMap(extra, self.translations), self.pinyin)

    def words(self, sentence: str) -> list[str]:
        """Longest-match split of the Han runs of a sentence."""
        words: list[str] = []
        position = 0
        while position < len(sentence):
            if not is_han(sentence[position]):
                position += 1
                continue
            for length in range(min(_LONGEST_WORD, len(sentence) - position), 0, -1):
                candidate = sentence[position:position + length]
                if length == 1 or candidate in self.translations:
                    words.append(candidate)
                    position += length
                    break
        return words

    def chinese_tokens(self, sentence: str) -> list[frozenset[str]]:
        """One set of candidate English tokens per source word (a word counts once however many senses it has)."""
        words = self.words(sentence)
        offers = [self.translations.get(word, frozenset()) for word in words if word not in _FUNCTION_CHARACTERS]
        offers.extend(self._name_readings(words))
        offers.extend(frozenset([stem(word.lower())]) for word in _LATIN_WORD.findall(sentence))
        offers.extend(frozenset([token]) for token in _number_tokens(quantities(sentence)))
        return [offer for offer in offers if offer]

    def _name_readings(self, words: list[str]) -> list[frozenset[str]]:
        """Pinyin of runs of single characters, run together as English writes given names."""
        readings: list[frozenset[str]] = []
        run: list[str] = []
        for word in [*words, ""]:
            if len(word) == 1 and word in self.pinyin:
                run.append(self.pinyin[word])
                continue
            if len(run) >= 2:
                readings.append(frozenset("".join(run[start:start + size])
                                          for size in (2, 3) for start in range(len(run) - size + 1)))
            run = []
        return readings


@functools.lru_cache(maxsize=1)
def cedict() -> Lexicon:
    """CC-CEDICT as a lexicon; read once per process (a third of a second), each word's senses stemmed on use."""
    senses, pinyin = entries()
    return Lexicon(SenseTokens(senses), {character: toneless(reading) for character, reading in pinyin.items()})
