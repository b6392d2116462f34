from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.glossary import Glossary
from l10n.model import GlossaryEntry, Kind, Segment, Part
from l10n.text.placeholders import escape, pairing, strip, tags, unescape
from l10n.translate.markup import restore, translate_batch
from fake_engine import FakeTranslator


def test_the_engine_never_sees_placeholders_and_every_draft_gets_them_back():
    engine = FakeTranslator({"据OpenAI称，模型已发布。": ["According to OpenAI, the model has been released."]})
    drafts = translate_batch(engine, ["据<a1>OpenAI</a1>称，模型<b2>已发布</b2>。"])
    assert engine.calls == [["据OpenAI称，模型已发布。"]]
    assert drafts == [["According to <a1>OpenAI</a1>, the model has been released. <b2></b2>"]]


def test_restore_places_nested_pairs_and_puts_images_last():
    assert restore("<a1><b2>Copilot</b2></a1>上线<x3/>了。", "copilot is live.") == \
        "<a1><b2>copilot</b2></a1> is live. <x3/>"


def test_restore_without_placeholders_changes_nothing():
    assert restore("没有标记。", "No markup.") == "No markup."


def test_glossary_finds_terms_split_by_placeholders():
    entry = GlossaryEntry("太平洋投资管理公司", "PIMCO", Kind.ORG, 2)
    glossary = Glossary([entry])
    segment = Segment("id", 1, 1, Part.BODY, 1, "据<a1>太平洋</a1>投资管理公司称。")
    [annotated] = glossary.annotate([segment])
    [hit] = annotated.terms
    assert segment.source[hit.start:hit.end] == "太平洋</a1>投资管理公司"


def test_a_pair_is_not_put_back_across_one_already_back():
    """Before, `board OpenAI` was wrapped where it started inside <a1>: <a1>the <b2>board</a1> OpenAI</b2>."""
    assert restore("<a1>the board</a1>和<b2>board OpenAI</b2>", "the board OpenAI") == \
        "<a1>the board</a1> OpenAI <b2></b2>"
    assert restore("<a1>the board</a1>和<b2>board OpenAI</b2>", "the board OpenAI, the board OpenAI") == \
        "<a1>the board</a1> OpenAI, the <b2>board OpenAI</b2>"


_WORDS = ["the", "board", "OpenAI", "微软", "<b7>"]  # few, so pairs' texts overlap in the drafts


@st.composite
def _marked_up(draw, depth: int = 0, numbers: list | None = None) -> str:
    """A source sentence of words and properly nested placeholders (links, bold, italics, code, images)."""
    numbers = [0] if numbers is None else numbers
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["word", "word", "pair", "image"] if depth < 3 else ["word"]))
        if kind == "word":
            pieces.append(escape(draw(st.sampled_from(_WORDS))))
            continue
        numbers[0] += 1
        number = numbers[0]
        if kind == "image":
            pieces.append(f"<x{number}/>")
        else:
            letter = draw(st.sampled_from("abic"))
            pieces.append(f"<{letter}{number}>{draw(_marked_up(depth + 1, numbers))}</{letter}{number}>")
    return " ".join(pieces)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(_marked_up(), st.data())
def test_restore_keeps_every_tag_pair_nested_and_the_draft_as_it_was(source, data):
    """The draft is made of the source's words, as a draft carries a source's Latin names: pairs' texts are
    found in it, overlapping each other."""
    words = unescape(strip(source)).split() or ["the"]
    draft = " ".join(data.draw(st.lists(st.sampled_from(words), max_size=8)))
    restored = restore(source, draft)
    assert Counter(tags(restored)) == Counter(tags(source))
    assert pairing(restored) == ""
    assert strip(restored).rstrip() == escape(draft).rstrip()
