from l10n.glossary import Glossary
from l10n.model import GlossaryEntry, Kind, Segment, Part
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
