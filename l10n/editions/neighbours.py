"""Characters and units that their neighbours decide, after OpenCC: what OpenCC's phrases cannot know.

- 里 in a transliterated name (里约, 克里姆林宫, 约韦里·穆塞韦尼) is 里: OpenCC writes the locative 裏 (裡 in
  Taiwan) wherever none of its phrases says otherwise, and a phrase of its own may take the 里 first (年里 in
  2016年里约). A 里 is a name's when a name's dot stands beside it, when it begins a known name or one of
  OpenCC's name phrases (里约), or when the characters on both sides are ones that stand beside 里 in known names
  (Chinese Wikipedia's, `known-names.txt`) and make no common word with it (家里, 里面); never where a dictionary
  word ends with it (城里, 这里), nor where the name ends in 约 before a quantity: 公司里约有300人 is 'in the company
  about 300', the adverb 约 ('about') and the locative 里.
- 只 right after a number (or a space after it: 12 只) is the measure word 隻 (12只水瓶), unless it begins a word
  (只是, 只有: 'only').
- 于 opening a clause is the surname 于, not the preposition 於 'at' (如果于大宝的伤情, 于法昌指出): nothing, a stop,
  an opening mark or a conjunction (如果, 但是) before it. At a clause's opening the preposition takes a time, a
  place word, a direction or a pronoun (于2016年, 于今年, 于当地, 于其), or begins a word (于是), and it comes twice in
  the parallel phrases of an idiom (于情于理) or opens two short clauses side by side (于法有据，于情有理); otherwise
  the 于 is a name's.
- A place's one-character short name that CC-CEDICT writes with a Traditional form of its own (沈 瀋, Shenyang) has
  it right after another place's short name, both standing alone as words (京沈高铁: Beijing and Shenyang); the
  surname keeps OpenCC's 沈 (在京沈先生说: 沈先生 is a word; 在京沈女士说: a form of address follows it).
- In an edition that writes the metre its own way (the row's `metre`: 公尺 in Taiwan), 米 after a number is the
  metre (200米, 30平方米, 5 米), unless it begins a word (米饭); the reviewer's note says so.
What the checks read (jieba's common words around these characters, the characters around 里 in names, its
conjunctions and the words the preposition 于 takes) is derived ahead (`data/editions/neighbours.tsv`): a run loads no part-of-speech table for it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.notes import VOCABULARY, note
from ..text.words import frequencies
from . import layers
from .boundaries import COMMON_WORD, crosses_a_word

_NAME_DOTS = "·・‧•"
_LOCATIVE = "裏裡"
# What a clause may open after: a space, a stop or a separator, an opening bracket or quotation mark. A closing one
# ends a title or a quotation, a noun the locative may follow (《舌尖上的中国》里).
_NO_NOUN = re.compile(r"[\s，。、；：！？,.;:!?“‘「『（《〈【〔(\[{]")
# A number right before, or a space apart as text written after English often has it (长约 18 英尺（5 米）).
_NUMBER_BEFORE = re.compile(r"[0-9０-９][ \u00a0]?(?:平方|立方)?$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A quantity or an ordinal a preposition takes (于2016年, 于三月, 于每年): no given name begins so.
_QUANTITY = re.compile(r"[0-9０-９一二两三四五六七八九十百千万亿半几数每第]")
# Two short clauses side by side, each opening with the preposition 于 (于法有据，于情有理).
_PARALLEL_YU = re.compile(r"于[\u4e00-\u9fff]{1,4}[，；]于")
# Forms of address that follow a surname (沈女士, 沈先生): a place's short name is no surname.
_FORMS_OF_ADDRESS = ("女士", "先生", "小姐", "太太", "夫人", "老师", "教授", "医生", "博士", "同学", "师傅", "姓", "某")
# 约 'about' before a quantity, perhaps after a verb of amount: 约有300, 约为两成, 约3000.
_ABOUT_A_QUANTITY = re.compile(r"[有为占达]?[0-9０-９一二两三四五六七八九十百千万亿半几数]")


def _items(what: str, char: str) -> frozenset[str]:
    return layers.neighbours().get((what, char), frozenset())


def _word_ends_here(source: str, index: int) -> bool:
    """Whether a common word of two to four characters ends with source[index] (城里, 这里)."""
    ending = _items("ends", source[index])
    return any(source[start:index + 1] in ending for start in range(max(0, index - 3), index))


def _begins_a_word(source: str, index: int) -> bool:
    """Whether a common word of two to four characters begins with source[index] (只是, 米饭)."""
    beginning = _items("begins", source[index])
    return any(source[index:end] in beginning for end in range(index + 2, min(len(source), index + 4) + 1))


def about_a_quantity(source: str, end: int) -> bool:
    """Whether the phrase before `end` ends in the adverb 约 ('about') followed by a quantity: then it is no
    name (OpenCC's 里约 in 公司里约有300人)."""
    return end > 0 and source[end - 1] == "约" and _ABOUT_A_QUANTITY.match(source, end) is not None


@lru_cache(maxsize=1)
def _name_start_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in _items("name-start", "里")}))


def _begins_a_known_name(source: str, index: int) -> bool:
    """Whether a known name beginning with 里 starts at source[index] (and does not end in 约 before a quantity):
    one look-up per length of those names, not a scan of them all."""
    names = _items("name-start", "里")
    return any(source[index:index + length] in names and not about_a_quantity(source, index + length)
               for length in _name_start_lengths())


def _in_name(source: str, index: int) -> bool:
    before = source[index - 1] if index else ""
    after = source[index + 1] if index + 1 < len(source) else ""
    if before and before in _NAME_DOTS or after and after in _NAME_DOTS:
        return True
    if _word_ends_here(source, index):
        return False
    if _begins_a_known_name(source, index):
        return True
    if not before or _NO_NOUN.match(before):  # the locative follows a noun: 里 opening a clause is a name's
        return after in _items("name-after", "里")
    return before in _items("name-before", "里") and after in _items("name-after", "里")


def _opens_a_clause(source: str, index: int) -> bool:
    """Whether nothing, a stop, an opening mark or a conjunction (如果, 但是) stands before source[index]."""
    if not index or _NO_NOUN.match(source[index - 1]):
        return True
    conjunctions = _items("conjunctions", "于")
    return any(source[start:index] in conjunctions for start in range(max(0, index - 4), index - 1)) \
        and not _ends_a_common_word(source, index)


def _ends_a_common_word(source: str, index: int) -> bool:
    """Whether the 于 at source[index] makes a common word with the character before it, the end of a conjunction
    (以便于: 便于, 以免于: 免于): that word's preposition, not a clause's opening. Not a 于 after 于 (由于于大宝)."""
    before = source[index - 1:index]
    return bool(before) and before != "于" and frequencies(before)[0].get(before + "于", 0) >= COMMON_WORD


def _is_the_surname(source: str, index: int) -> bool:
    """Whether the 于 at source[index], which opens a clause, is the surname: the preposition would take a time, a
    place word, a direction or a pronoun there (于今年, 于当地, 于其), or begin a word (于是), or come twice (于情于理)."""
    after = source[index + 1:index + 2]
    if not _HAN.match(after) or _QUANTITY.match(after) or _begins_a_word(source, index) \
            or source[index + 2:index + 3] == "于" or _in_parallel_clauses(source, index):
        return False
    objects = _items("objects", "于")
    return not any(source[index + 1:end] in objects for end in range(index + 2, min(len(source), index + 5) + 1)) \
        and not _closed_by_a_locative(source, index)


def _in_parallel_clauses(source: str, index: int) -> bool:
    """Whether the 于 at source[index] opens one of two short clauses side by side that both open with 于 (于法有据，
    于情有理): the preposition's parallel phrases, as in 于情于理, not a name twice."""
    return _PARALLEL_YU.match(source, index) is not None or any(
        found.end() - 1 == index for found in _PARALLEL_YU.finditer(source, max(0, index - 6), index + 1))


# Locatives (方位词) that close a preposition's phrase: 于会议期间, 于大会上, 于上述情况下. Not 前, 后, 以来, which
# also close a clause of a verb (于强上任后: Yu Qiang, after he took office).
_LOCATIVES = ("期间", "之际", "之间", "之中", "之下", "之上", "之内", "之外", "当中", "内部", "上", "下", "中", "内", "外",
              "间")


def _closed_by_a_locative(source: str, index: int) -> bool:
    """Whether a locative standing as a word of its own follows two to four characters after the 于 at
    source[index] (于会议期间, 于大会上, 于集团内部): the preposition's phrase, where a name goes on to a verb, and a
    上 or 下 after a given name begins one (于大宝上场)."""
    return any(source.startswith(locative, end) and not crosses_a_word(source, end, end + len(locative))
               for end in range(index + 3, min(len(source), index + 5) + 1) for locative in _LOCATIVES)


@lru_cache(maxsize=1)
def _short_name_forms() -> dict[str, str]:
    """Place short names with a Traditional form of their own (沈 → 瀋), from the neighbours' table."""
    return {char: form for (what, char), items in layers.neighbours().items() if what == "short-name"
            for form in items}


@lru_cache(maxsize=1)
def _short_name_characters() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _short_name_forms())) or "(?!)")


@lru_cache(maxsize=1)
def _decided_characters() -> re.Pattern[str]:
    """Any character rewrite may decide: a class, which re skips to in C (most of a text is none of them)."""
    return re.compile("[%s]" % "".join(map(re.escape, sorted({"里", "只", "于", "米", *_short_name_forms()}))))


def _after_a_place_short_name(source: str, index: int) -> bool:
    """Whether source[index] follows a place's one-character short name, each a word of its own there (京沈)."""
    return index > 0 and source[index - 1] in _items("place-short-names", "*") \
        and not crosses_a_word(source, index - 1, index) and not crosses_a_word(source, index, index + 1) \
        and not source.startswith(_FORMS_OF_ADDRESS, index + 1)


def _clause_opening_yu(source: str) -> bool:
    """Whether a 于 of the text opens a clause (most 于 follow a verb or a subject: 位于, 他于昨天)."""
    index = source.find("于")
    while index >= 0:
        if _opens_a_clause(source, index):
            return True
        index = source.find("于", index + 1)
    return False


def metre_note(metre: str) -> str:
    return note(VOCABULARY, f"米 → {metre} (after a number)")


def rewrite(source: str, offset: int, text: str, metre: str | None) -> tuple[str, tuple[str, ...]]:
    """`text` is OpenCC's conversion of source[offset:offset + len(text)], character for character; the text with
    the neighbours' decisions, and the notes of those beyond characters. `metre`: the edition's (Edition.metre)."""
    chars = list(text)
    notes: list[str] = []
    for found in _decided_characters().finditer(source, offset, offset + len(text)):  # most characters are none
        index = found.start()
        place, char = index - offset, found.group()
        written = text[place]
        if char == "里" and written in _LOCATIVE and _in_name(source, index):
            chars[place] = "里"
        elif char == "只" and written == "只" and _NUMBER_BEFORE.search(source[:index]) \
                and not _begins_a_word(source, index):
            chars[place] = "隻"
        elif char == "于" and written == "於" and _opens_a_clause(source, index) and _is_the_surname(source, index):
            chars[place] = "于"
        elif char in _short_name_forms() and written != _short_name_forms()[char] \
                and _after_a_place_short_name(source, index):
            chars[place] = _short_name_forms()[char]
        elif char == "米" and metre is not None and written == "米" \
                and _NUMBER_BEFORE.search(source[:index]) and not _begins_a_word(source, index):
            chars[place] = metre
            notes.append(metre_note(metre))
    return "".join(chars), tuple(dict.fromkeys(notes))


def concerns(source: str) -> bool:
    """Whether a text holds a character whose neighbours may decide it (most sentences do not)."""
    return "里" in source or "只" in source or "米" in source or "于" in source and _clause_opening_yu(source) \
        or _short_name_characters().search(source) is not None
