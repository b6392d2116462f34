"""Chinese words with jieba: one dictionary, loaded on first use, for the Traditional variant's boundary checks
and for glossary mining. jieba is the common Chinese segmenter on PyPI: pure Python, offline, with
part-of-speech tags (nr person, ns place, nt organization, v verb …) from its own dictionary.

jieba keeps its prefix dictionary (about 500,000 words and prefixes with their counts) as one marshalled dict,
which takes about 0.6 s of CPU to load, in every run and every worker process. The same dictionary is kept in
the user's cache folder as the words' text and an array of their counts, which loads in a third of that; it is
made from jieba's own dictionary and made again when jieba or its dictionary changes."""
from __future__ import annotations

import array
import json
import math
import sys
from functools import lru_cache
from pathlib import Path

from .errors import OutputError
from .files import cache_folder, write_atomic

_DICTIONARY_CACHE = "jieba-dictionary.bin"
_FORMAT = b"l10n jieba dictionary 1\n"
_COUNTS = "q"  # array type of the counts: 64-bit, as jieba's total can be large


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it reports loading its dictionary at INFO
    tokenizer = jieba.dt  # jieba's default: jieba.posseg's tagger is built over it (_tagger)
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = load_dictionary(cache_folder() / _DICTIONARY_CACHE)
            tokenizer.initialized = True
    return tokenizer


def _dictionary_key() -> str | None:
    """What the kept dictionary was made from: jieba's version and its dictionary file, on this machine's byte
    order; None when jieba's dictionary is not a file beside it (nothing is kept then)."""
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    try:
        status = source.stat()
    except OSError:
        return None
    return json.dumps([jieba.__version__, str(source), status.st_size, status.st_mtime_ns, sys.byteorder])


def load_dictionary(path: Path) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (word or prefix → count, 0 for a prefix alone) and its total: from the file kept at
    `path` when it was made from the jieba in use, else from jieba, and then kept there (when it can be written)."""
    key = _dictionary_key()
    kept = _read_kept(path, key) if key is not None else None
    if kept is not None:
        return kept
    import jieba

    # from dict.txt itself: Tokenizer.initialize() would trust (and else write) jieba.cache in the shared temporary
    # folder, a file any local user can put there
    tokenizer = jieba.Tokenizer()
    frequencies, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    if key is None:
        return frequencies, total
    try:
        write_atomic(path, _kept_bytes(key, frequencies, total), durable=False)
    except (OutputError, ValueError):  # a cache folder that cannot be written costs time, nothing else
        pass
    return frequencies, total


def _kept_bytes(key: str, frequencies: dict[str, int], total: int) -> bytes:
    text = "\n".join(frequencies).encode("utf-8")
    if text.count(b"\n") != len(frequencies) - 1:
        raise ValueError("a word with a line break cannot be kept one per line")
    counts = array.array(_COUNTS, frequencies.values()).tobytes()
    header = json.dumps({"key": key, "total": total, "words": len(frequencies), "text": len(text)})
    return _FORMAT + header.encode("utf-8") + b"\n" + text + counts


def _read_kept(path: Path, key: str) -> tuple[dict[str, int], int] | None:
    """The kept dictionary, or None when there is none, it was made from another jieba, or it is damaged."""
    try:
        with open(path, "rb") as stream:
            if stream.readline() != _FORMAT:
                return None
            header = json.loads(stream.readline())
            if header.get("key") != key:
                return None
            text = stream.read(header["text"])
            counts = array.array(_COUNTS)
            counts.frombytes(stream.read())
        words = text.decode("utf-8").split("\n")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if len(words) != header["words"] or len(counts) != len(words):
        return None
    return dict(zip(words, counts)), header["total"]


@lru_cache(maxsize=1)
def _tagger():
    # jieba's own default tokenizer and tagger: importing jieba.posseg builds a tagger over jieba.dt, reading the
    # part-of-speech table as it does (a quarter of a second), so a tagger of our own would read it a second time.
    import jieba.posseg

    _tokenizer()
    return jieba.posseg.dt


def dictionary_words(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets, from the dictionary only (no guessed new words)."""
    return list(_tokenizer().tokenize(text, HMM=False))


def settled_dictionary_words(text: str, margin: float) -> list[tuple[int, int]] | None:
    """dictionary_words' words of a text that jieba segments as one block (Han characters, no Latin letters or
    digits), as (start, end); None where it is not such a text, or where jieba's best route through it beat another
    route somewhere along it by less than `margin` (in log probability). Inside a longer text whose every route passes both ends of this one, the same route wins
    there too: its scores there differ from these by a constant and by rounding, which only a near-tie could feel."""
    import jieba

    if not text or not jieba.re_han_default.fullmatch(text) or jieba.re_eng.search(text):
        return None
    tokenizer = _tokenizer()
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
    return list(_tokenizer().tokenize(text, HMM=True))


def tagged(text: str) -> list[tuple[str, str]]:
    """Words with their part-of-speech tags."""
    return [(pair.word, pair.flag) for pair in _tagger().cut(text)]


def dictionary_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word out of context (于: p, preposition), None if unknown."""
    return _tagger().word_tag_tab.get(word)


def frequencies() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (each word's count, each prefix of a word at 0) and its total count."""
    tokenizer = _tokenizer()
    return tokenizer.FREQ, tokenizer.total


def is_word(text: str) -> bool:
    """Whether jieba's dictionary holds text as a word (its table also lists every word's prefixes, at 0)."""
    return _tokenizer().FREQ.get(text, 0) > 0
