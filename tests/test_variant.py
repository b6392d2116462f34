import re
from collections import Counter

import pytest

from pathlib import Path

from typer.testing import CliRunner

from l10n import editions
from l10n.editions import stacks, variant
from l10n.cli import app
from l10n.plumbing.errors import UsageError
from l10n.glossary import Glossary, load, parse
from l10n.reading.ingest import read_article
from l10n.model import Part, Segment, Severity
from l10n.qa import build_context, check_texts
from l10n.pipeline import RunOptions, run
from l10n.reading.segment import segment_document
from l10n.editions.variant import (convert, glossary_phrases, respect_boundaries, traditional_variant,
                                   unexplained_changes)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name, key, locale", [
    ("tw", "tw", "zh_TW"), ("s2twp", "tw", "zh_TW"), ("s2tw", "tw", "zh_TW"), ("hk", "hk", "zh_HK"), ("s2hk", "hk", "zh_HK"),
    ("s2t", "hant", "zh_Hant"), ("plain-s2twp", "plain-s2twp", "zh_TW"), ("plain-s2hk", "plain-s2hk", "zh_HK")])
def test_old_opencc_names_mean_the_newsroom_editions(name, key, locale):
    assert editions.get(name).key == key and editions.get(name).locale == locale


def test_unknown_edition_is_a_usage_error_naming_the_choices():
    with pytest.raises(UsageError, match="tw, hk"):
        editions.get("t2s")


def test_regional_phrases_only_with_s2twp():
    assert convert("软件和鼠标", "s2twp") == "軟體和滑鼠"
    assert convert("软件和鼠标", "s2tw") == "軟件和鼠標"


def test_sample_variant_keeps_segment_count_numbers_and_latin(sample_path):
    segments = segment_document(read_article(sample_path))
    target = traditional_variant(segments, "tw")
    assert target.locale == "zh_TW"
    assert set(target.texts) == {s.id for s in segments}
    token = re.compile(r"[0-9A-Za-z.%]+")
    for segment in segments:
        found, source = Counter(token.findall(target.texts[segment.id])), Counter(token.findall(segment.source))
        names = {note.split(" → ")[1] for note in target.notes.get(segment.id, ()) if note.startswith("regional name")}
        assert not source - found and set(found - source) <= names  # 谷歌 is Google in Taiwan, and the note says so
        assert not any("variant-changed" in note for note in target.notes.get(segment.id, ()))
    title = target.texts[segments[0].id]
    assert title == "OpenAI宮鬥劇完結,誰是最大贏家?"
    assert target.origin.startswith("l10n edition tw: OpenCC ") and " s2tw, layers data " in target.origin


def _segments(glossary: Glossary, *sentences: str) -> list[Segment]:
    return glossary.annotate([Segment(f"s{n}", 1, n, Part.BODY, 1, text) for n, text in enumerate(sentences, 1)])


REGRESSION = ("回归,,,回歸,,term", "线性回归,,,線性迴歸,,term", "逻辑回归,,,邏輯迴歸,,term",
              "布洛克曼,Greg Brockman,,,,person")


def _glossary(*rows: str) -> Glossary:
    entries, problems = parse("zh_Hans,en,en_short,zh_Hant,zh_TW,kind\n" + "\n".join(rows), Path("g.csv"))
    assert not problems
    return Glossary(entries)


# The phrases of the terms a document holds, or (as a run does, building one converter) the whole glossary's,
# with terms the sentences lack: the conversions are the same.
WHOLE_GLOSSARY = ("转换,,,轉換,,term", "人工智能,,,人工智慧,,term", "尘土飞扬,,,塵土飛揚,,term", "谷物,,,穀物,,term")


@pytest.mark.parametrize("whole", [False, True], ids=["terms-held", "whole-glossary"])
@pytest.mark.parametrize("config", ["plain-s2twp", "plain-s2t", "plain-s2hk", "tw", "hk", "hant"])
def test_a_longer_phrase_wins_over_a_glossary_term_whose_edge_it_covers(config, whole):
    glossary = _glossary(*REGRESSION, *(WHOLE_GLOSSARY if whole else ()))
    phrases = glossary_phrases(glossary.entries.values(), config) if whole else None
    segments = _segments(glossary, "生死轮回归于尘土。", "乌云密布洛克曼出现。", "经济回归理性。", "北回归线以南。",
                         "线性回归和逻辑回归都是回归分析。", "布洛克曼说。")
    texts = list(traditional_variant(respect_boundaries(segments, config, phrases), config, phrases).texts.values())
    assert texts[0] == "生死輪迴歸於塵土。"  # OpenCC's 轮回 takes the 回 of 回归
    assert texts[1] == ("烏雲密布洛克曼出現。" if config in ("tw", "hk") else "烏雲密佈洛克曼出現。")  # 乌云密布 keeps
    # its 布 from 布洛克曼 (the newsroom editions print 布 in 密布: the term list below says where the term is)
    assert texts[2] == "經濟回歸理性。"  # where 回归 is the word, the override applies
    assert texts[3] == "北迴歸線以南。"
    assert texts[4] == "線性迴歸和邏輯迴歸都是回歸分析。"  # the longest glossary term wins, as in OpenCC
    assert texts[5].startswith("布洛克曼")
    kept = respect_boundaries(segments, config, phrases)
    assert [[hit.entry.source for hit in segment.terms] for segment in kept] == [
        [], [], ["回归"], [], ["线性回归", "逻辑回归", "回归"], ["布洛克曼"]]


@pytest.mark.parametrize("whole", [False, True], ids=["terms-held", "whole-glossary"])
@pytest.mark.parametrize("config, expected", [("plain-s2twp", "谷歌"), ("hk", "谷歌"), ("tw", "Google")])
def test_a_term_stands_where_the_crossing_opencc_phrase_is_no_word(whole, config, expected):
    # OpenCC alone writes 2014年穀歌: its phrase 年谷 (harvest) runs across 谷歌 but is no word here.
    assert convert("2014年谷歌花了", "s2twp") == "2014年穀歌花了"
    glossary = _glossary("谷歌,Google,,,,org", *(WHOLE_GLOSSARY if whole else ()))
    phrases = glossary_phrases(glossary.entries.values(), config) if whole else None
    segments = respect_boundaries(_segments(glossary, "2014年谷歌花了6.25亿美元。"), config, phrases)
    # without an override the term is the edition's own form of it: Taiwan's newsrooms print Google
    assert traditional_variant(segments, config, phrases).texts == {"s1": f"2014年{expected}花了6.25億美元。"}
    assert [hit.entry.source for hit in segments[0].terms] == ["谷歌"]


def test_overrides_of_the_sample_glossary_still_apply(sample_path):
    glossary = load(ROOT / "glossary.csv")
    segments = respect_boundaries(glossary.annotate(segment_document(read_article(sample_path))), "tw")
    text = "".join(traditional_variant(segments, "tw").texts.values())
    assert "界面新聞" in text and "介面新聞" not in text
    assert "范劍磊" in text and "範劍磊" not in text
    assert "賈伯斯" in text and "喬布斯" not in text
    assert "賈伯斯" not in "".join(traditional_variant(segments, "hk").texts.values())


@pytest.mark.parametrize("source, taiwan", [("乙肝病毒", "B肝病毒"), ("甲型肝炎", "A型肝炎"), ("做B超", "做超音波"),
                                            ("宝马集团", "BMW集團")])
def test_changes_made_by_opencc_dictionaries_are_legitimate(source, taiwan):
    assert traditional_variant(_segments(Glossary([]), source), "plain-s2twp").notes == {}
    target = traditional_variant(_segments(Glossary([]), source), "tw")
    assert target.texts == {"s1": taiwan}
    [note] = target.notes["s1"]  # the Taiwan edition's vocabulary layer says what it changed, and no QA warning
    assert note.startswith("regional vocabulary: ")


def test_a_glossary_override_may_drop_what_opencc_would_write():
    target = traditional_variant(_segments(_glossary("宝马集团,BMW Group,,寶馬集團,,org"), "宝马集团"), "s2twp")
    assert target.texts == {"s1": "寶馬集團"} and target.notes == {}


def test_unexplained_changes_name_what_was_lost_or_added():
    assert unexplained_changes("微软股价涨2.05%", "微軟股價漲2.05%", "微軟股價漲2.05%", ()) == []
    assert unexplained_changes("微软股价涨2.05%", "微軟股價漲", "微軟股價漲2.05%", ()) == ["2.05%"]
    assert unexplained_changes("OpenAI的董事会", "OpenAl的董事會", "OpenAI的董事會", ()) == ["OpenAI", "+OpenAl"]
    assert unexplained_changes("乙肝", "B肝", "B肝", ()) == []


def test_a_rule_standing_twice_explains_its_rendering_twice():
    """谷歌 → Google twice in one sentence is two Googles the edition's rule accounts for, not one and a stray."""
    rule = (("谷歌", "Google", ""),)
    assert unexplained_changes("谷歌将谷歌大脑并入", "Google將Google大腦併入", "谷歌將谷歌大腦併入", rule) == []
    assert unexplained_changes("谷歌将大脑并入", "Google將Google大腦併入", "谷歌將大腦併入", rule) == ["+Google"]


class _Damaging:
    def convert(self, text):
        return text.replace("OpenAI", "")


@pytest.fixture
def fresh_stacks():
    variant._stack.cache_clear()
    yield
    variant._stack.cache_clear()


def test_a_damaged_conversion_is_a_qa_warning_not_a_stop(monkeypatch, sample_path, fresh_stacks):
    segments = segment_document(read_article(sample_path))
    monkeypatch.setattr(stacks, "_build", lambda edition, table, rules: _Damaging())
    target = traditional_variant(segments, "hant")
    assert set(target.texts) == {segment.id for segment in segments}
    context = build_context(segments, target.texts, "zh_Hant", edition="hant", converted=target.texts)
    warned = [issue for issue in check_texts(segments, target.texts, context) if issue.code == "variant-changed"]
    assert {issue.segment_id for issue in warned} == {segment.id for segment in segments if "OpenAI" in segment.source}
    assert warned[0].severity is Severity.WARNING
    assert warned[0].message.startswith("the conversion changed numbers or Latin text (OpenAI")
    reworded = {**target.texts, warned[0].segment_id: "改寫了。"}
    assert any(issue.message.startswith("the text changed") for issue in check_texts(segments, reworded, context)
               if issue.code == "variant-changed")


def test_a_batch_with_hepatitis_b_writes_every_article(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("乙肝疫苗\n\n乙肝疫苗接种率达到九成。医院还提供B超检查。\n", encoding="utf-8")
    second.write_text("宝马集团\n\n宝马集团今天发布了新车。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(first), str(second), "--out", str(tmp_path / "out"),
                                      "--mt", "none", "-q"])
    assert result.exit_code == 0, result.stderr
    assert "B肝疫苗接種率達到九成。" in (tmp_path / "out" / "a" / "zh_TW.po").read_text(encoding="utf-8")
    assert "BMW集團今天發布了新車。" in (tmp_path / "out" / "b" / "zh_TW.po").read_text(encoding="utf-8")


def test_a_run_builds_one_converter_whatever_terms_its_documents_hold(tmp_path, cache_folder):
    """Building OpenCC costs as much as a document's other work: a run layers its whole glossary once."""
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("zh_Hans,en,en_short,zh_Hant,zh_TW,kind\n布洛克曼,Greg Brockman,,,,person\n"
                        "回归,,,回歸,,term\n谷歌,Google,,,,org\n", encoding="utf-8")
    articles = []
    for number, sentence in enumerate(["布洛克曼说。", "经济回归理性。", "谷歌花了钱。", "今天下雨。"]):
        articles.append(tmp_path / f"a{number}.txt")
        articles[-1].write_text(sentence + "\n", encoding="utf-8")
    run(articles, RunOptions(out_dir=tmp_path / "out", glossary=(glossary,), mt="none"))
    assert variant._stack.cache_info().misses == 2  # the edition with the glossary; alone, for terms' own forms
    assert (tmp_path / "out" / "a1" / "zh_TW.po").read_text(encoding="utf-8").count('msgstr "經濟回歸理性。"') == 1


def test_a_run_builds_each_opencc_once_and_with_its_terms_kept_not_the_one_without_the_glossary(
        tmp_path, monkeypatch, cache_folder, new_process):
    """A run converts the glossary's terms on their own with the edition's OpenCC without the glossary, then the
    documents with the one with it: what does not depend on the glossary, the probe's OpenCC and the layers'
    table, is built once. The terms' forms are kept (term_forms.py): the next process builds only what converts
    the documents."""
    import opencc

    glossary = tmp_path / "glossary.csv"
    glossary.write_text("zh_Hans,en,en_short,zh_Hant,zh_TW,kind\n布洛克曼,Greg Brockman,,,,person\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("布洛克曼在出租车上说。\n", encoding="utf-8")
    built = []
    build = opencc.OpenCC
    monkeypatch.setattr(opencc, "OpenCC", lambda config: built.append(Path(config).name) or build(config))
    run([article], RunOptions(out_dir=tmp_path / "first", glossary=(glossary,), mt="none"))
    assert variant._stack.cache_info().misses == 2
    assert stacks._layered.cache_info().misses == 1
    assert built == ["tw.json", "probe.json", "tw.json"]  # without the glossary, the probe, with the glossary
    new_process()
    built.clear()
    run([article], RunOptions(out_dir=tmp_path / "next", glossary=(glossary,), mt="none"))
    assert built == ["tw.json", "probe.json"]  # with the glossary, the probe
    assert variant._stack.cache_info().misses == 1
    first, then = ((tmp_path / out / "a" / "zh_TW.po").read_text(encoding="utf-8") for out in ("first", "next"))
    assert "布洛克曼在計程車上說。" in then
    assert [line for line in first.splitlines() if line.startswith("msgstr")] == [
        line for line in then.splitlines() if line.startswith("msgstr")]


def test_a_document_converted_in_one_call_equals_its_sentences_converted_one_by_one(sample_path):
    segments = segment_document(read_article(sample_path))
    segments.append(Segment("broken", 99, 1, Part.BODY, 99, "第一行\n软件"))  # a line break falls back to one by one
    texts = traditional_variant(segments, "plain-s2twp").texts
    assert texts == {segment.id: convert(segment.source, "s2twp") for segment in segments}
