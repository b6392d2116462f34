import pytest

from l10n.reading.ingest import parse_article
from l10n.reading.segment import segment_document, split_sentences
from pathlib import Path

CASES = [
    # plain full-width terminators
    ("今天下雨。明天晴天。", ["今天下雨。", "明天晴天。"]),
    ("真的吗？真的！", ["真的吗？", "真的！"]),
    # a semicolon or a colon is not a sentence end (docs/segmentation.md)
    ("有的公司可申请补助，但迟迟没有兑现；慢一步，就可能增加风险。", ["有的公司可申请补助，但迟迟没有兑现；慢一步，就可能增加风险。"]),
    ("要注意两点：一是成本；二是时间。然后再谈。", ["要注意两点：一是成本；二是时间。", "然后再谈。"]),
    # terminator followed by closing quote ends the sentence after the quote
    ("他说：“我来了。”然后走了。", ["他说：“我来了。”", "然后走了。"]),
    # terminators inside quotes that do not close the quote never split
    ("他说：“我来了。你呢？我走了。”大家笑了。", ["他说：“我来了。你呢？我走了。”", "大家笑了。"]),
    ("「好。走吧。」她说。", ["「好。走吧。」", "她说。"]),
    # book titles and parentheses protect their contents
    ("他读了《你好。世界》这本书。很好看。", ["他读了《你好。世界》这本书。", "很好看。"]),
    ("公司（前身为甲。乙）成立了。后来上市。", ["公司（前身为甲。乙）成立了。", "后来上市。"]),
    ("伊利亚（Ilya Sutskever，下简称伊利亚）离开了。", ["伊利亚（Ilya Sutskever，下简称伊利亚）离开了。"]),
    # half-width parentheses are treated like full-width ones
    ("山姆·奥特曼(Sam Altman,下简称奥特曼)回来了。很好。", ["山姆·奥特曼(Sam Altman,下简称奥特曼)回来了。", "很好。"]),
    ("原因:(收留他。)此举很好。", ["原因:(收留他。)", "此举很好。"]),
    # half-width ?! between Han characters end sentences; a half-width ; no more than a full-width one
    ("可能吗?当然可能。", ["可能吗?", "当然可能。"]),
    ("太好了!我们赢了。", ["太好了!", "我们赢了。"]),
    ("他获奖了;然而后悔了。", ["他获奖了;然而后悔了。"]),
    ("一度有人表示“这是不是ChatGPT写的剧本?”然而疑点仍多。", ["一度有人表示“这是不是ChatGPT写的剧本?”", "然而疑点仍多。"]),
    # half-width punctuation in Latin text is not Chinese sentence punctuation
    ("雅虎Yahoo!公司成立了。", ["雅虎Yahoo!公司成立了。"]),
    ("他问Are you OK?然后离开。", ["他问Are you OK?然后离开。"]),
    # numbers with dots and percent signs
    ("微软股价涨2.05%,市值增加。", ["微软股价涨2.05%,市值增加。"]),
    ("谷歌花了6.25亿美元。收购了DeepMind。", ["谷歌花了6.25亿美元。", "收购了DeepMind。"]),
    ("版本v1.2.3发布。", ["版本v1.2.3发布。"]),
    # Latin text inside Chinese stays whole
    ("都能记得这句话:“Creating safe AGI. That benefits all!”。", ["都能记得这句话:“Creating safe AGI. That benefits all!”。"]),
    ("推出了Copilot for Microsoft 365。同时更新。", ["推出了Copilot for Microsoft 365。", "同时更新。"]),
    # ellipses
    ("他想了想……最后走了。", ["他想了想……", "最后走了。"]),
    ("尔虞我诈......似乎被颠覆。", ["尔虞我诈......", "似乎被颠覆。"]),
    ("苹果、香蕉……，应有尽有。", ["苹果、香蕉……，应有尽有。"]),
    # runs of terminators and closers stay with their sentence
    ("什么？！不可能。", ["什么？！", "不可能。"]),
    ("（他说：“真的吗？”）后来呢。", ["（他说：“真的吗？”）", "后来呢。"]),
    ("（他说：“真的吗？”后来呢）结束。", ["（他说：“真的吗？”后来呢）结束。"]),
    # an unmatched opening quote must not swallow the rest of the paragraph
    ("他说：“我来了。然后走了。", ["他说：“我来了。", "然后走了。"]),
    # straight double quotes pair up like curly ones
    ('他说"我来了。你呢"大家笑了。', ['他说"我来了。你呢"大家笑了。']),
    # no terminator at all: one segment; trailing text without terminator is kept
    ("微软的AI野望", ["微软的AI野望"]),
    ("第一句。没有句号的结尾", ["第一句。", "没有句号的结尾"]),
    # spaces between sentences are not part of either
    ("第一句。 第二句。", ["第一句。", "第二句。"]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[case[0][:12] for case in CASES])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, _", CASES, ids=[case[0][:12] for case in CASES])
def test_split_loses_no_text(text, _):
    assert "".join(split_sentences(text)).replace(" ", "") == text.replace(" ", "")


def _segments(text):
    return segment_document(parse_article(text, Path("a.zh.txt")))


def test_ids_are_stable_when_another_paragraph_changes():
    before = _segments("标题\n\n第一段。第一段第二句。\n\n第二段。")
    after = _segments("标题\n\n第一段改了。第一段第二句。\n\n第二段。")
    ids_before = {s.source: s.id for s in before}
    ids_after = {s.source: s.id for s in after}
    assert ids_before["第二段。"] == ids_after["第二段。"]
    assert ids_before["第一段第二句。"] == ids_after["第一段第二句。"]
    assert ids_before["第一段。"] != ids_after["第一段改了。"]


def test_repeated_sentences_get_distinct_ids():
    segments = _segments("标题\n\n好的。\n\n正文很长的一段话。好的。")
    ids = [s.id for s in segments if s.source == "好的。"]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[1] == f"{ids[0]}-2"


def test_locations_are_paragraph_and_sentence():
    segments = _segments("标题\n\n第一段。第二句。\n\n第二段。")
    assert [(s.paragraph, s.sentence) for s in segments] == [(1, 1), (2, 1), (2, 2), (3, 1)]
    assert [s.location for s in segments] == ["1.1", "2.1", "2.2", "3.1"]


def test_a_sentence_end_inside_a_link_does_not_split_the_link():
    assert split_sentences("他说<a1>公司发布了。微软回应</a1>。然后呢？") == [
        "他说<a1>公司发布了。微软回应</a1>。", "然后呢？"]


def test_a_closing_placeholder_after_a_sentence_end_stays_with_its_sentence():
    assert split_sentences("他说<b1>很重要。</b1>然后<x2/>呢？") == ["他说<b1>很重要。</b1>", "然后<x2/>呢？"]


def test_no_segment_is_only_punctuation_or_markup():
    segments = segment_document(parse_article("标题\n\n第一句话。）\n\n正文。![](a.png)。", Path("a.md")))
    assert [s.source for s in segments] == ["标题", "第一句话。）", "正文。<x1/>。"]


from hypothesis import given, strategies as st  # noqa: E402

from l10n.text import placeholders  # noqa: E402

_PIECES = st.sampled_from(["他说", "公司发布了", "。", "？", "，", "“", "”", "OpenAI", "；", "……", "好"])


@given(st.lists(st.tuples(st.lists(_PIECES, max_size=4), st.lists(_PIECES, min_size=1, max_size=4),
                          st.sampled_from(["a", "b", "i"])), min_size=1, max_size=4))
def test_placeholder_pairs_never_split_and_no_text_is_lost(parts):
    text = "".join(f"{''.join(before)}<{kind}{n}>{''.join(inside)}</{kind}{n}>"
                   for n, (before, inside, kind) in enumerate(parts, start=1))
    sentences = split_sentences(text)
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")
    for sentence in sentences:
        opened = [tag for tag in placeholders.tags(sentence) if not tag.startswith("</")]
        closed = [tag.replace("/", "") for tag in placeholders.tags(sentence) if tag.startswith("</")]
        assert opened == closed, sentence
