"""Chinese words with jieba: one dictionary, loaded on first use, for the Traditional variant's boundary checks
and for glossary mining. jieba is the common Chinese segmenter on PyPI: pure Python, offline, with
part-of-speech tags (nr person, ns place, nt organization, v verb …) from its own dictionary.

jieba keeps its prefix dictionary (about 500,000 words and prefixes with their counts) as one marshalled dict,
which takes about 0.6 s of CPU to load, in every run and every worker process. The same dictionary is kept in
the user's cache folder as the words' text and an array of their counts, grouped by first character; it is
made from jieba's own dictionary and made again when jieba or its dictionary changes. Every look-up of jieba's
is of a piece of the text it was given, so a text's words all start with one of its characters: the groups are
read into jieba's table as the texts asked about need them (a 100-article run of the batch benchmark reads 19 %
of the dictionary, the dev set's news pages half of it), not all of them (0.15 s) in every process."""
from __future__ import annotations

import array
import itertools
import json
import math
import sys
from functools import lru_cache
from pathlib import Path

from ..plumbing.errors import OutputError
from ..plumbing.files import cache_folder, write_atomic

# A file of each format's own: a checkout still on the first format would otherwise make it again and again.
_DICTIONARY_CACHE = "jieba-dictionary-2.bin"
_FORMAT = b"l10n jieba dictionary 2\n"
_COUNTS = "q"  # array type of the counts: 64-bit, as jieba's total can be large


class Dictionary:
    """jieba's prefix dictionary (word or prefix → count, 0 for a prefix alone) and its total, the table filled a
    first character at a time as texts are asked about (cover) when it was read from the kept file."""

    def __init__(self, frequencies: dict[str, int], total: int, groups: _Groups | None = None):
        self.frequencies = frequencies
        self.total = total
        self._groups = groups

    def cover(self, text: str) -> dict[str, int]:
        """The table, holding every word and prefix that starts with one of text's characters."""
        if self._groups is not None:
            self._groups.read_into(self.frequencies, text)
        return self.frequencies


class _Groups:
    """The kept file's words, grouped by first character, with their counts; each group read once."""

    def __init__(self, words: str, counts: array.array, firsts: str, word_ends: list[int], count_ends: list[int]):
        self.words, self.counts = words, counts
        self.where = {first: (0 if index == 0 else word_ends[index - 1] + 1, word_ends[index],
                              0 if index == 0 else count_ends[index - 1], count_ends[index])
                      for index, first in enumerate(firsts)}

    def read_into(self, frequencies: dict[str, int], text: str) -> None:
        where = self.where
        if where.keys().isdisjoint(text):  # every group text needs is read (the usual case): one pass in C
            return
        for first in [first for first in set(text) if first in where]:  # not set.intersection: it walks `where`
            start, end, first_count, last_count = where.pop(first)
            frequencies.update(zip(self.words[start:end].split("\n"), self.counts[first_count:last_count]))


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it reports loading its dictionary at INFO
    tokenizer = jieba.dt  # jieba's default: jieba.posseg's tagger is built over it (_tagger)
    with tokenizer.lock:
        if not tokenizer.initialized:
            dictionary = load_dictionary(cache_folder() / _DICTIONARY_CACHE)
            tokenizer.FREQ, tokenizer.total = dictionary.frequencies, dictionary.total
            tokenizer.initialized = True
            _dictionary.append(dictionary)
    return tokenizer


_dictionary: list[Dictionary] = []  # the one jieba's tokenizer was given, once it has one


def _tokenizer_for(text: str):
    """jieba's tokenizer, its table holding every word that can start in text (all its look-ups for text do)."""
    tokenizer = _tokenizer()
    if _dictionary:
        _dictionary[0].cover(text)
    return tokenizer


def dictionary_key() -> str | None:
    """What the kept dictionary was made from: jieba's version and its dictionary file, on this machine's byte
    order; None when jieba's dictionary is not a file beside it (nothing is kept then)."""
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    try:
        status = source.stat()
    except OSError:
        return None
    return json.dumps([jieba.__version__, str(source), status.st_size, status.st_mtime_ns, sys.byteorder])


def load_dictionary(path: Path) -> Dictionary:
    """jieba's prefix dictionary: from the file kept at `path` when it was made from the jieba in use, else from
    jieba, and then kept there (when it can be written)."""
    key = dictionary_key()
    kept = _read_kept(path, key) if key is not None else None
    if kept is not None:
        return kept
    import jieba

    # from dict.txt itself: Tokenizer.initialize() would trust (and else write) jieba.cache in the shared temporary
    # folder, a file any local user can put there
    tokenizer = jieba.Tokenizer()
    frequencies, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    if key is not None:
        try:
            write_atomic(path, _kept_bytes(key, frequencies, total), durable=False)
        except (OutputError, ValueError):  # a cache folder that cannot be written costs time, nothing else
            pass
    return Dictionary(frequencies, total)


def _kept_bytes(key: str, frequencies: dict[str, int], total: int) -> bytes:
    groups: dict[str, list[str]] = {}
    for word in frequencies:
        groups.setdefault(word[:1], []).append(word)
    ordered = [word for group in groups.values() for word in group]
    text = "\n".join(ordered)
    if text.count("\n") != len(ordered) - 1:
        raise ValueError("a word with a line break cannot be kept one per line")
    word_ends = list(itertools.accumulate(len(word) + 1 for word in ordered))
    count_ends = list(itertools.accumulate(map(len, groups.values())))
    counts = array.array(_COUNTS, (frequencies[word] for word in ordered)).tobytes()
    encoded = text.encode("utf-8")
    header = json.dumps({"key": key, "total": total, "words": len(ordered), "text": len(encoded),
                         "firsts": "".join(groups), "word_ends": [word_ends[end - 1] - 1 for end in count_ends],
                         "count_ends": count_ends}, ensure_ascii=False)
    return _FORMAT + header.encode("utf-8") + b"\n" + encoded + counts


def _read_kept(path: Path, key: str) -> Dictionary | None:
    """The kept dictionary, or None when there is none, it was made from another jieba, or it is damaged."""
    try:
        with open(path, "rb") as stream:
            if stream.readline() != _FORMAT:
                return None
            header = json.loads(stream.readline())
            if header.get("key") != key:
                return None
            words = stream.read(header["text"]).decode("utf-8")
            counts = array.array(_COUNTS)
            counts.frombytes(stream.read())
        firsts, word_ends, count_ends = header["firsts"], header["word_ends"], header["count_ends"]
        whole = (words.count("\n") + 1 == header["words"] == len(counts) == count_ends[-1]
                 and word_ends[-1] == len(words) and len(firsts) == len(word_ends) == len(count_ends))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    if not whole:
        return None
    return Dictionary({}, header["total"], _Groups(words, counts, firsts, word_ends, count_ends))


@lru_cache(maxsize=1)
def _tagger():
    # jieba's own default tokenizer and tagger: importing jieba.posseg builds a tagger over jieba.dt, reading the
    # part-of-speech table as it does (a quarter of a second), so a tagger of our own would read it a second time.
    import jieba.posseg

    _tokenizer()
    return jieba.posseg.dt


def dictionary_words(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets, from the dictionary only (no guessed new words)."""
    return list(_tokenizer_for(text).tokenize(text, HMM=False))


def settled_dictionary_words(text: str, margin: float) -> list[tuple[int, int]] | None:
    """dictionary_words' words of a text that jieba segments as one block (Han characters, no Latin letters or
    digits), as (start, end); None where it is not such a text, or where jieba's best route through it beat another
    route somewhere along it by less than `margin` (in log probability). Inside a longer text whose every route passes both ends of this one, the same route wins
    there too: its scores there differ from these by a constant and by rounding, which only a near-tie could feel."""
    import jieba

    if not text or not jieba.re_han_default.fullmatch(text) or jieba.re_eng.search(text):
        return None
    tokenizer = _tokenizer_for(text)
    graph = tokenizer.get_DAG(text)
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(text, graph, route)
    log_total = math.log(tokenizer.total)
    found, start = [], 0
    while start < len(text):
        score, last = route[start]
        for other in graph[start]:  # each rival scored as jieba's calc scores it
            rival = math.log(tokenizer.FREQ.get(text[start:other + 1]) or 1) - log_total + route[other + 1][0]
            if other != last and score - rival < margin:
                return None
        found.append((start, last + 1))
        start = last + 1
    return found


def words(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets, new words guessed too: 王二 (a name) is one word, not 王 and 二."""
    return list(_tokenizer_for(text).tokenize(text, HMM=True))


def tagged(text: str) -> list[tuple[str, str]]:
    """Words with their part-of-speech tags."""
    tagger = _tagger()
    _tokenizer_for(text)
    return [(pair.word, pair.flag) for pair in tagger.cut(text)]


def dictionary_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word out of context (于: p, preposition), None if unknown."""
    return _tagger().word_tag_tab.get(word)


def frequencies(text: str) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (each word's count, each prefix of a word at 0), holding at least every word and
    prefix that starts with a character of text, and its total count."""
    tokenizer = _tokenizer_for(text)
    return tokenizer.FREQ, tokenizer.total


def is_word(text: str) -> bool:
    """Whether jieba's dictionary holds text as a word (its table also lists every word's prefixes, at 0)."""
    return _tokenizer_for(text).FREQ.get(text, 0) > 0
