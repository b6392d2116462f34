"""benchmarks/qa_eval.py's injected errors: a count word is dropped, and a scale word swapped, only where the result
is wrong English for the source."""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import qa_eval  # noqa: E402


def _drops(source: str, target: str) -> set[str | None]:
    pair = qa_eval.Pair("news:1", source, target)
    return {qa_eval.count_word_dropped(pair, random.Random(seed)) for seed in range(20)}


def test_a_count_word_is_dropped_where_the_english_loses_the_number():
    assert _drops("两家公司签署了协议。", "Two companies signed the deal.") == {"Companies signed the deal."}


def test_no_count_word_is_dropped_where_the_english_still_says_the_number_as_often_as_the_source():
    assert _drops("两家公司签署了协议，其中一家是银行。", "Two companies signed the deal; one of the two is a bank.") \
        == {None}


def test_a_number_of_a_range_is_dropped_even_where_the_number_is_said_elsewhere():
    """"one or trees" is wrong English; the "two" of "two walkways" says 两道, not 一两棵."""
    assert _drops("他走过两道回廊，看到一两棵树。", "He crossed two walkways and saw one or two trees.") == {
        "He crossed walkways and saw one or two trees.", "He crossed two walkways and saw one or trees."}


def _swaps(source: str, target: str) -> set[str | None]:
    pair = qa_eval.Pair("news:1", source, target)
    return {qa_eval.scale_swapped(pair, random.Random(seed)) for seed in range(20)}


def test_a_scale_word_is_swapped_where_the_source_gives_the_figure_at_that_scale():
    assert _swaps("该项目投资77亿元。", "The project cost 7.7 billion yuan.") == {"The project cost 7.7 million yuan."}
    assert _swaps("损失超过10亿美元。", "Losses topped $1bn.") == {"Losses topped $1mn."}
    assert _swaps("用户超过百万。", "It has over 1 million users.") == {"It has over 1 billion users."}


def test_no_scale_word_is_swapped_in_a_conversion_the_translator_added():
    """"$1.5 billion" beside 100亿元 is the translator's conversion: the source has nothing to check it against."""
    assert _swaps("该项目投资100亿元。", "The project cost 10 billion yuan ($1.5 billion).") \
        == {"The project cost 10 million yuan ($1.5 billion)."}
    assert _swaps("全球有无数人观看。", "A billion people watched.") == {None}
