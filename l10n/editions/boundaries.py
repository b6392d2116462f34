"""Whether a phrase is a word where it stands: jieba's dictionary words around it decide, for the editions' names
and OpenCC's rare phrases (variant.py) and the glossary's terms."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.words import dictionary_words, frequencies, is_word, settled_dictionary_words
from . import layers

# How far around a phrase the word check looks, in characters: jieba's words are rarely longer; the sentence is
# segmented twice that far on each side of the phrase.
_WORD_REACH = 5
# Two of jieba's routes closer than this (log probability) may be ordered by rounding alone (_words_around).
_NEAR_TIE = 1e-9
COMMON_WORD = 100  # jieba's frequency from which a word is a common one (scripts/derive_edition_data.py reads it too)


def _window(text: str, start: int, end: int) -> tuple[str, int]:
    low = max(0, start - 2 * _WORD_REACH)
    return text[low:min(len(text), end + 2 * _WORD_REACH)], low


@lru_cache(maxsize=65536)  # news repeats its phrases in the same few contexts
def _words(text: str) -> tuple[tuple[int, int], ...]:
    """The dictionary words (jieba's, without guessing new words) of a piece of a sentence, as (start, end)."""
    return tuple((start, end) for _, start, end in dictionary_words(text))


def crosses_a_word(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word runs across an edge of text[start:end]."""
    window, low = _window(text, start, end)
    return any(word_start < start - low < word_end or word_start < end - low < word_end
               for word_start, word_end in _words(window))


def _may_cross(text: str, start: int, end: int) -> bool:
    """Whether any dictionary word could run across an edge of text[start:end]: a few look-ups, where jieba's
    segmentation of the sentence costs a hundred times more. Each edge is asked with the characters a word across
    it can hold, which news repeats far more often than a window."""
    return _word_may_cross(text, start, 1) or _word_may_cross(text, end, 1)


def _word_may_cross(text: str, edge: int, least: int) -> bool:
    """Whether a dictionary word counted at least `least` times could run across `edge`."""
    first = max(0, edge - _WORD_REACH + 1)
    return 0 < edge < len(text) and _crossed(text[first:edge + _WORD_REACH - 1], edge - first, least)


@lru_cache(maxsize=65536)
def _crossed(text: str, edge: int, least: int) -> bool:
    """Whether a dictionary word counted at least `least` times runs across `edge` of text, which holds every
    character such a word can."""
    counts, _ = frequencies(text[:edge])  # the table is filled a character at a time, for the words starting there
    for word_start in range(edge):
        for word_end in range(edge + 1, min(len(text), word_start + _WORD_REACH) + 1):
            piece = text[word_start:word_end]
            if piece not in counts:
                break  # the dictionary holds every prefix of its words: no longer word starts here
            if counts[piece] >= least:
                return True
    return False


@dataclass(frozen=True)
class Repair:
    cuts: tuple[int, ...] = ()  # convert the sentence in pieces cut here
    plain: tuple[int, int] | None = None  # convert this span with OpenCC alone: a word the rule lies inside


def word_check(text: str, start: int, end: int, phrase: bool, name: bool = False) -> Repair | None:
    window, low = _window(text, start, end)
    found = _window_check(window, start - low, end - low, phrase, name)
    if found is None:
        return None
    return Repair(tuple(cut + low for cut in found.cuts), found.plain and (found.plain[0] + low, found.plain[1] + low))


@lru_cache(maxsize=65536)  # news repeats its phrases in the same few contexts
def _window_check(text: str, start: int, end: int, phrase: bool, name: bool) -> Repair | None:
    """How to take a rule back where text[start:end] is not a word of the sentence (jieba's dictionary words
    around it), or None where it is. A word running across an edge (增加纳税 for 加纳): cut where the sentence's
    words meet inside the phrase, or, when a name of ours lies inside another, longer name (格拉斯 in 格拉斯哥),
    convert that name with OpenCC alone; vocabulary inside a longer name is that name's (网络 in 网络安全).
    One of OpenCC's phrases that is a (rare) dictionary word is also taken back where the sentence splits it
    (并为 in 并为客户); a name jieba does not know (扎克伯格) is split into pieces by it and still stands."""
    is_known = phrase and is_word(text[start:end])
    if not _may_cross(text, start, end) and not is_known:
        return None
    words = _words_around(text, start, end)
    crossing = [word for word in words if word[0] < start < word[1] or word[0] < end < word[1]]
    inner = tuple(sorted({edge for word in words for edge in word if start < edge < end}))
    if crossing and inner or (inner and is_known):
        return Repair(cuts=inner)
    if crossing and name and any(text[word[0]:word[1]] in layers.longer_names() for word in crossing):
        return Repair(plain=(min(word[0] for word in crossing), max(word[1] for word in crossing)))
    return None  # inside a longer common word, a rule is part of it (乙肝 in 乙肝病毒), as OpenCC's phrases are


def halves_in_words(text: str, start: int, end: int) -> Repair | None:
    """Where the sentence's words run across both edges of one of OpenCC's common phrases and meet inside it, and
    the phrase's halves there each begin or end a common word reaching out of it, the cuts where they meet: 头发
    in 牵头发起 (牵头|发起), 手表 in 助手表示同意 (助手|表示同意, 表示 a common word); None where the phrase is a word
    there (洗头发), where only one edge is inside a word (日本本周遭, where jieba's 周遭 is the mistake), or where a
    half belongs to no common word (阿尔德里奇: 里奇 is a rare name's)."""
    window, low = _window(text, start, end)
    cuts = _halves_cut(window, start - low, end - low)
    return Repair(tuple(cut + low for cut in cuts)) if cuts else None


@lru_cache(maxsize=65536)
def _halves_cut(text: str, start: int, end: int) -> tuple[int, ...]:
    if not (_word_may_cross(text, start, COMMON_WORD) and _word_may_cross(text, end, COMMON_WORD)):
        return ()
    words = _words_around(text, start, end)
    if not all(any(word_start < edge < word_end for word_start, word_end in words) for edge in (start, end)):
        return ()
    inner = sorted({edge for word in words for edge in word if start < edge < end})
    if not inner:
        return ()
    first = max(0, inner[0] - _WORD_REACH)
    counts, _ = frequencies(text[first:inner[-1] + 1])  # where the words looked up start
    left = any(counts.get(text[word_start:inner[0]], 0) >= COMMON_WORD for word_start in range(first, start))
    right = any(counts.get(text[inner[-1]:word_end], 0) >= COMMON_WORD
                for word_end in range(end + 1, min(len(text), inner[-1] + _WORD_REACH) + 1))
    return tuple(inner) if left and right else ()


def _words_around(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The words of text's segmentation (_words) from the last place before `start` to the first place after `end`
    that no dictionary word runs across. Every route of jieba's passes those places, so the stretch between them is
    segmented alike on its own unless a near-tie decides it (then the whole text is segmented); a stretch is a few
    characters, which news repeats far more often than a window, and cheaper to segment."""
    first, last = _stretch(text, start, end)
    found = _stretch_words(text[first:last])
    if found is None:
        return _words(text)
    return tuple((word_start + first, word_end + first) for word_start, word_end in found)


def _stretch(text: str, start: int, end: int) -> tuple[int, int]:
    """The last place at or before `start` and the first at or after `end` that no dictionary word runs across (a
    run of Latin letters, which jieba joins, may: settled_dictionary_words declines those stretches)."""
    count_of = frequencies(text)[0].get  # one look-up per piece: this loop is most of a word check's cost
    first, furthest, size = 0, 0, len(text)  # furthest: where the longest dictionary word begun so far ends
    for place in range(size + 1):
        if furthest <= place:
            if place <= start:
                first = place
            elif place >= end:
                return first, place
        for word_end in range(place + 1, size + 1):
            count = count_of(text[place:word_end])
            if count is None:
                break  # the dictionary holds every prefix of its words: no longer word starts here
            if count and word_end > furthest:
                furthest = word_end
    return first, size


@lru_cache(maxsize=65536)
def _stretch_words(stretch: str) -> tuple[tuple[int, int], ...] | None:
    found = settled_dictionary_words(stretch, _NEAR_TIE)
    return None if found is None else tuple(found)
