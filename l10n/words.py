"""Chinese words with jieba: one dictionary, loaded on first use, for the Traditional variant's boundary checks
and for glossary mining. jieba is the common Chinese segmenter on PyPI: pure Python, offline, with
part-of-speech tags (nr person, ns place, nt organization, v verb …) from its own dictionary."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it reports loading its dictionary at INFO
    jieba.dt.initialize()
    return jieba.dt


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


def words(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets, new words guessed too: 王二 (a name) is one word, not 王 and 二."""
    return list(_tokenizer().tokenize(text, HMM=True))


def tagged(text: str) -> list[tuple[str, str]]:
    """Words with their part-of-speech tags."""
    return [(pair.word, pair.flag) for pair in _tagger().cut(text)]


def dictionary_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word out of context (于: p, preposition), None if unknown."""
    return _tagger().word_tag_tab.get(word)


def is_word(text: str) -> bool:
    """Whether jieba's dictionary holds text as a word (its table also lists every word's prefixes, at 0)."""
    return _tokenizer().FREQ.get(text, 0) > 0
