"""Words of two senses whose neighbours decide which one a sentence has, where the region has a word of its own for
one of them (<region>-senses.tsv): in Taiwan 应用 is an app, 應用程式, right after a determiner (该应用), the classifier
of products (一款应用) or a device (手机应用), unless 于, 到 or 在 after it make it the verb 'apply' (该技术应用于);
elsewhere it is the application of a technique, 應用. A word with no words before it to look for has its regional
sense unless a word after it says the other: 跟踪 is tracking, 追蹤, but following a person in 跟踪骚扰 (跟蹤). A sense
may also ask for the part of speech of the word after it: 数字, a word of its own before a noun, modifies it, the
digital 數位 (数字威权主义, 数字时代); as the head of its phrase it is a number or figure, 數字 (这个数字很大, 一串数字).

A decision is a rule of the edition's table (stacks.Stack.senses) that OpenCC's dictionary does not hold: it is put
in OpenCC's own text where the word stands there, or over a layer's rule of that word alone (视频 → 影片, where its
neighbours make it a video link, 視訊), with its mark, so it is read back and noted like any rule."""
from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache

from ..text.words import dictionary_tag, dictionary_words, tagged
from .layers import Sense
from .stacks import MARKS, Applied, Stack, mark


def concerns(stack: Stack, source: str) -> bool:
    return _words_decided(stack).search(source) is not None


@lru_cache(maxsize=8)
def _words_decided(stack: Stack) -> re.Pattern[str]:
    """The stack's words of two senses as one pattern: one search per sentence, however many senses a word has."""
    return re.compile("|".join(sorted({re.escape(sense.source) for sense, _ in stack.senses})))


def decide(stack: Stack, source: str, marked: str, applied: list[Applied], runs: list[tuple[int, int, int]]) -> str:
    """`marked` (the conversion, read into the rules `applied` and `runs` of OpenCC's own text) with each word its
    neighbours decide: in OpenCC's own text, or over a rule of the word alone (视频 → 影片, OpenCC's TWPhrases: its
    other sense, 視訊, where its neighbours say so); never over a longer rule (视频会议) or the desk's glossary."""
    replacements: dict[int, tuple[int, str]] = {}  # start in the conversion: its end, and what goes there
    words_ending: dict[int, tuple[str, str]] = {}
    where = _Where(marked, applied, runs)
    for sense, index in stack.senses:
        start = source.find(sense.source)
        while start >= 0:
            end = start + len(sense.source)
            if _cued(sense, source, start, words_ending) and _before_its_kind(sense, source, start, end) \
                    and _followed(sense, source, end):
                span = _span(stack, sense, start, end, where)
                if span is not None:
                    replacements.setdefault(span[0], (span[1], mark(index) + sense.rendering))
            start = source.find(sense.source, start + 1)
    pieces, cursor = [], 0
    for start, (end, text) in sorted(replacements.items()):
        pieces += [marked[cursor:start], text]
        cursor = end
    return "".join(pieces) + marked[cursor:]


def _followed(sense: Sense, source: str, end: int) -> bool:
    """Whether one of the words the sense asks for stands right after it (or it asks for none), and none of the
    words that say the other sense."""
    return (not sense.after or any(source.startswith(word, end) for word in sense.after)) \
        and not any(source.startswith(word, end) for word in sense.not_after)


class _Where:
    """The conversion's rules and runs, looked up by where they stand in the source: a sentence has no length limit,
    and a walk over them for each word decided made one of thousands of such words quadratic."""

    def __init__(self, marked: str, applied: list[Applied], runs: list[tuple[int, int, int]]):
        self.marked, self.applied, self.runs = marked, applied, runs
        self.run_starts = [run[0] for run in runs]  # in the order of the source, as read_marks makes them

    def run(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The run of OpenCC's own text that holds source[start:end], if one does."""
        found = bisect.bisect_right(self.run_starts, start) - 1
        if found < 0:
            return None
        run = self.runs[found]
        return run if end <= run[0] + run[2] - run[1] else None

    @cached_property
    def rule_orders(self) -> dict[tuple[int, int], int]:
        """(start, end) in the source → the first applied rule standing there, by its order."""
        orders: dict[tuple[int, int], int] = {}
        for order, use in enumerate(self.applied):
            orders.setdefault((use.start, use.end), order)
        return orders

    @cached_property
    def marks(self) -> list[re.Match[str]]:
        return list(MARKS.finditer(self.marked))  # in the order of `applied`


def _span(stack: Stack, sense: Sense, start: int, end: int, where: _Where) -> tuple[int, int] | None:
    """Where source[start:end] stands in the conversion, if in OpenCC's own text or as a rule of that word alone
    (not the glossary's); None elsewhere."""
    run = where.run(start, end)
    if run is not None:
        return run[1] + start - run[0], run[1] + end - run[0]
    at = where.rule_orders.get((start, end))
    rule = stack.table[where.applied[at].rule] if at is not None else None
    if rule is None or rule.glossary or rule.source != sense.source:
        return None
    found = where.marks[at]
    return found.start(), found.end() + len(rule.rendering)


def _cued(sense: Sense, source: str, start: int, words_ending: dict[int, tuple[str, str]]) -> bool:
    """Whether one of the words the sense looks for stands right before source[start:] as a word of the sentence,
    or the sense looks for none."""
    if not sense.before:
        return True
    # the cue's text first: the sentence is tagged only where one stands
    return any(source.endswith(cue, 0, start) for cue in sense.before) \
        and _a_cue_of_its_own(sense.before, _word_ending(source, start, words_ending))


_COUNTING_TAGS = ("m", "r")  # jieba's numerals (一款, 两款) and pronouns (该款): a classifier cue after them counts
_COUNTED = ("m", "q")  # jieba's numerals (六位, 一串) and measure words: what follows them is counted
_REACH = 5  # characters of context on each side of the word for the words around it (jieba's words are rarely longer)


def _before_its_kind(sense: Sense, source: str, start: int, end: int) -> bool:
    """Whether the word is one of the sentence's own and the word after it has one of the parts of speech the sense
    asks for (数字 before a noun: 数字|时代), or the sense asks for none. Inside a longer word (数字化, 统计数字) it is
    that word's; counted (六位|数字|密码, six digits) it is the thing counted. The words are jieba's dictionary words
    around it and their dictionary tags: the tagger's, for words its dictionary holds, at a fraction of the cost."""
    if not sense.next_tags:
        return True
    low = max(0, start - _REACH)
    words = {word_start + low: word for word, word_start, _ in dictionary_words(source[low:end + _REACH])}
    before = next((word for word_start, word in words.items() if word_start + len(word) == start), None)
    following = words.get(end)
    return (words.get(start) == sense.source and following is not None
            and dictionary_tag(following) in sense.next_tags
            and (before is None or dictionary_tag(before) not in _COUNTED))


def _a_cue_of_its_own(cues: tuple[str, ...], word: tuple[str, str] | None) -> bool:
    """Whether the sentence's word before the one decided (jieba's, with its part of speech) is a cue, or a numeral
    or pronoun closed by one (一款, 该款): not a word the cue merely ends (应该 'should', 条款 'clause', 贷款 'loan')."""
    if word is None:
        return False
    text, tag = word
    return any(text == cue or (text.endswith(cue) and tag in _COUNTING_TAGS) for cue in cues)


def _word_ending(source: str, position: int, found: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """The word of the sentence (jieba's, with its tag) that ends at `position`, if one does; `found` keeps the
    sentence's words by where they end, tagged once."""
    if not found:
        end = 0
        for word, tag in tagged(source):
            end += len(word)
            found[end] = (word, tag)
    return found.get(position)
