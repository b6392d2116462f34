"""Characters and units that their neighbours decide, after OpenCC: what OpenCC's phrases cannot know.

- 里 in a transliterated name (里约, 克里姆林宫, 约韦里·穆塞韦尼) is 里: OpenCC writes the locative 裏 (裡 in
  Taiwan) wherever none of its phrases says otherwise, and a phrase of its own may take the 里 first (年里 in
  2016年里约). A 里 is a name's when a name's dot stands beside it, when it begins a known name or one of
  OpenCC's name phrases (里约), or when the characters on both sides are ones that stand beside 里 in known names
  (Chinese Wikipedia's, `known-names.txt`) and make no common word with it (家里, 里面); never where a dictionary
  word ends with it (城里, 这里).
- 只 right after a number is the measure word 隻 (12只水瓶), unless it begins a word (只是, 只有: 'only').
- Taiwan (a region with the metre rule): 米 after a number is the metre, 公尺 (200米, 30平方米), unless it
  begins a word (米饭); the reviewer's note says so.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import layers
from .words import PROPER_TAGS, dictionary_tag, is_word, proper_nouns_with

_NAME_DOTS = "·・‧•"
_LOCATIVE = "裏裡"
_NUMBER_BEFORE = re.compile(r"[0-9０-９](?:平方|立方)?$")
METRE_NOTE = "regional vocabulary: 米 → 公尺 (after a number)"
_METRE_REGIONS = {"tw"}
_NEIGHBOURS_SEEN = 2  # how often a character must stand before 里 in known names to count


def _common_word(word: str) -> bool:
    """A dictionary word that is not a name: the 里 or 只 in it is the word's."""
    return is_word(word) and dictionary_tag(word) not in PROPER_TAGS


@lru_cache(maxsize=1)
def _name_neighbours() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The characters before 里 (seen twice) and after it in known names (Chinese Wikipedia's and jieba's proper
    nouns), and the names and OpenCC phrases (its rarer ones, `phrase-checks.txt`) that begin with 里 and go on
    as a name does (里约, 里昂)."""
    wikipedia = tuple(name for name in layers.known_names() if "里" in name)
    names = (*wikipedia, *proper_nouns_with("里"))
    before, after = Counter(), Counter()
    for name in names:
        for index, char in enumerate(name):
            if char == "里":
                if index and name in wikipedia:  # jieba's proper nouns hold place names (公司里 …): not before
                    before[name[index - 1]] += 1
                if index + 1 < len(name):
                    after[name[index + 1]] += 1
    name_before = frozenset(char for char, seen in before.items() if seen >= _NEIGHBOURS_SEEN
                            and not _common_word(char + "里") and char not in _NAME_DOTS)
    name_after = frozenset(char for char in after if not _common_word("里" + char) and char not in _NAME_DOTS)
    starting = tuple(phrase for phrase in (*wikipedia, *layers.phrase_checks())
                     if phrase.startswith("里") and len(phrase) > 1 and phrase[1] in name_after)
    return name_before, name_after, starting


def _word_ends_here(source: str, index: int) -> bool:
    """Whether a dictionary word of two or more characters ends with source[index] (城里, 这里)."""
    return any(_common_word(source[start:index + 1]) for start in range(max(0, index - 3), index))


def _in_name(source: str, index: int) -> bool:
    before = source[index - 1] if index else ""
    after = source[index + 1] if index + 1 < len(source) else ""
    if before and before in _NAME_DOTS or after and after in _NAME_DOTS:
        return True
    if _word_ends_here(source, index):
        return False
    name_before, name_after, starting = _name_neighbours()
    if any(source.startswith(name, index) for name in starting):
        return True
    return before in name_before and after in name_after


def _begins_a_word(source: str, index: int) -> bool:
    return any(_common_word(source[index:end]) for end in range(index + 2, min(len(source), index + 4) + 1))


def rewrite(source: str, offset: int, text: str, region: str | None) -> tuple[str, tuple[str, ...]]:
    """`text` is OpenCC's conversion of source[offset:offset + len(text)], character for character; the text with
    the neighbours' decisions, and the notes of those beyond characters."""
    chars = list(text)
    notes: list[str] = []
    for place, written in enumerate(text):
        index = offset + place
        char = source[index]
        if char == "里" and written in _LOCATIVE and _in_name(source, index):
            chars[place] = "里"
        elif char == "只" and written == "只" and _NUMBER_BEFORE.search(source[:index]) \
                and not _begins_a_word(source, index):
            chars[place] = "隻"
        elif char == "米" and region in _METRE_REGIONS and written == "米" \
                and _NUMBER_BEFORE.search(source[:index]) and not _begins_a_word(source, index):
            chars[place] = "公尺"
            notes.append(METRE_NOTE)
    return "".join(chars), tuple(dict.fromkeys(notes))


def concerns(source: str) -> bool:
    """Whether a text holds a character whose neighbours may decide it (most sentences do not)."""
    return "里" in source or "只" in source or "米" in source
