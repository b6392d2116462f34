from pathlib import Path

import polib
import pytest

import fake_engine

from l10n.glossary import Glossary, parse
from l10n.model import Part, Segment
from l10n.pipeline import RunOptions, run
from l10n.translate.cache import TranslationCache
from l10n.translate.enforce import draft_documents, requirements

GLOSSARY = ("zh_Hans,en,en_short,kind,en_forbidden\n"
            "伊利亚,Ilya Sutskever,Sutskever,person,Elijah\n"
            "微软,Microsoft,,org,\n")


def FakeTranslator(answers):
    """Answers from a table of source → hypotheses; records what it was asked."""
    return fake_engine.FakeTranslator(answers, draft="(untranslated)")


def _segments(*sources):
    entries, problems = parse(GLOSSARY, Path("g.csv"))
    assert not problems
    return Glossary(entries).annotate([Segment(f"s{i}", 1, i, Part.BODY, 1, s) for i, s in enumerate(sources)])


def _draft(answers, *sources, style="full", cache=None):
    translator = FakeTranslator(answers)
    [drafts], report = draft_documents([_segments(*sources)], translator, style, cache)
    return drafts, report, translator


SOURCE = "伊利亚离开了董事会。"
INJECTED = "Ilya Sutskever 离开了董事会。"


def test_a_draft_that_keeps_the_term_is_used_as_it_is():
    drafts, report, translator = _draft({SOURCE: ["Ilya Sutskever left the board."]}, SOURCE)
    assert drafts["s0"].text == "Ilya Sutskever left the board."
    assert "MT glossary: 伊利亚 → Ilya Sutskever: in the best hypothesis" in drafts["s0"].notes
    assert "machine draft: fake 1.0" in drafts["s0"].notes
    assert translator.calls == [[SOURCE]]
    assert (report.required, report.present, report.adherence) == (1, 1, 1.0)


def test_a_later_hypothesis_with_the_term_is_chosen():
    drafts, _, _ = _draft({SOURCE: ["Ilya left the board.", "Ilya Sutskever left the board."]}, SOURCE)
    assert drafts["s0"].text == "Ilya Sutskever left the board."
    assert "MT glossary: 伊利亚 → Ilya Sutskever: chosen from hypothesis 2" in drafts["s0"].notes


def test_a_dropped_term_is_injected_into_the_source():
    drafts, _, translator = _draft({SOURCE: ["He left the board."], INJECTED: ["Ilya Sutskever left the board."]},
                                   SOURCE)
    assert translator.calls == [[SOURCE], [INJECTED]]
    assert drafts["s0"].text == "Ilya Sutskever left the board."
    assert "MT glossary: 伊利亚 → Ilya Sutskever: injected into the source" in drafts["s0"].notes


def test_a_forbidden_rendering_is_repaired():
    drafts, report, _ = _draft({SOURCE: ["Elijah left the board."], INJECTED: ["ELIJAH left the board."]}, SOURCE)
    assert drafts["s0"].text == "Ilya Sutskever left the board."
    assert "MT glossary: 伊利亚 → Ilya Sutskever: repaired from 'Elijah'" in drafts["s0"].notes
    assert report.present == 1


def test_a_term_that_cannot_be_enforced_is_flagged():
    drafts, report, _ = _draft({SOURCE: ["He left."], INJECTED: ["He left."]}, SOURCE)
    assert drafts["s0"].text == "He left."
    assert "MT glossary: 伊利亚 → Ilya Sutskever: MISSING from the draft" in drafts["s0"].notes
    assert (report.required, report.present, report.adherence) == (1, 0, 0.0)


def test_segments_without_terms_are_translated_once():
    drafts, report, translator = _draft({"今天下雨。": ["It rains today."]}, "今天下雨。")
    assert translator.calls == [["今天下雨。"]]
    assert drafts["s0"].text == "It rains today." and report.required == 0 and report.adherence == 1.0


def test_news_style_accepts_the_short_form_for_later_mentions():
    later = "伊利亚回来了。"
    answers = {SOURCE: ["Ilya Sutskever left the board."], later: ["Sutskever came back."]}
    drafts, report, _ = _draft(answers, SOURCE, later, style="news")
    assert drafts["s1"].text == "Sutskever came back."
    assert report.present == report.required == 2
    _, strict, _ = _draft(answers, SOURCE, later, style="full")
    assert strict.present == 1


def test_requirements_use_one_rendering_per_entity_per_segment():
    [segment] = _segments("伊利亚和伊利亚都在微软。")
    needs = requirements([segment])["s0"]
    assert [(n.entry.source, n.rendering) for n in needs] == [("伊利亚", "Ilya Sutskever"), ("微软", "Microsoft")]


def test_cache_answers_the_second_run(tmp_path):
    cache = TranslationCache(tmp_path / "cache.sqlite3", pytest.fail)
    answers = {SOURCE: ["He left."], INJECTED: ["Ilya Sutskever left the board."]}
    first, report1, _ = _draft(answers, SOURCE, cache=cache)
    second, report2, translator = _draft(answers, SOURCE, cache=cache)
    assert second == first
    assert (report1.from_cache, report2.from_cache) == (0, 1)
    assert translator.calls == []


def test_pipeline_writes_fuzzy_drafts_with_their_provenance(tmp_path, msgfmt_check):
    glossary = tmp_path / "g.csv"
    glossary.write_text("zh_Hans,en,kind,en_forbidden\n伊利亚,Ilya Sutskever,person,Elijah\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n伊利亚离开了董事会。伊利亚说话了。", encoding="utf-8")
    translator = FakeTranslator({"标题": ["Title"], SOURCE: ["Elijah left the board."],
                                 "伊利亚说话了。": ["He spoke."], "Ilya Sutskever 说话了。": ["He spoke."]})
    options = RunOptions(out_dir=tmp_path / "out", glossary=(glossary,), use_cache=False)
    result = run([article], options, translator=translator)
    assert (result.drafts.required, result.drafts.present) == (2, 1)
    catalog = polib.pofile(str(result.documents[0].folder / "en.po"))
    assert catalog.metadata["X-L10n-Origin"] == "fake 1.0"
    entries = {e.msgid: e for e in catalog}
    assert all(e.fuzzy for e in catalog)
    repaired = entries[SOURCE]
    assert repaired.msgstr == "Ilya Sutskever left the board."
    assert "machine draft: fake 1.0" in repaired.comment and "repaired from 'Elijah'" in repaired.comment
    assert "QA error" not in repaired.comment
    missing = entries["伊利亚说话了。"]
    assert "QA error: 伊利亚 must be rendered 'Ilya Sutskever' [glossary-missing]" in missing.comment
    msgfmt_check(result.documents[0].folder / "en.po")


def test_a_sentence_repeated_in_the_run_is_translated_once():
    answers = {"好的。": ["OK."], "今天下雨。": ["It rains today."]}
    translator = FakeTranslator(answers)
    documents = [_segments("好的。", "今天下雨。"), _segments("好的。")]
    drafts, report = draft_documents(documents, translator)
    assert translator.calls == [["好的。", "今天下雨。"]]
    assert [d["s0"].text for d in drafts] == ["OK.", "OK."] and report.segments == 3


def test_pipeline_news_style_lets_later_mentions_use_the_short_form(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n伊利亚离开了董事会。伊利亚回来了。", encoding="utf-8")
    answers = {"标题": ["Title"], SOURCE: ["Ilya Sutskever left the board."], "伊利亚回来了。": ["Sutskever came back."]}
    for style, present in (("news", 2), ("full", 1)):
        options = RunOptions(out_dir=tmp_path / style, glossary=(glossary,), use_cache=False, name_style=style)
        result = run([article], options, translator=FakeTranslator(answers))
        assert result.drafts.present == present
        later = polib.pofile(str(result.documents[0].folder / "en.po")).find("伊利亚回来了。")
        assert ("QA error" in later.comment) is (style == "full")
