import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n.cli import app
from l10n.plumbing.errors import GlossaryError
from l10n.glossary import Glossary, load, parse
from l10n.reading.ingest import read_article
from l10n.model import GlossaryEntry, Kind, Segment, Part, TermHit
from l10n.qa import build_context, check_texts
from l10n.editions.variant import traditional_variant

ROOT = Path(__file__).resolve().parent.parent
HEADER = "zh_Hans,en,en_short,zh_Hant,zh_TW,zh_HK,kind,en_forbidden,note\n"


def _entries(text):
    return parse(text, Path("g.csv"))


def _glossary(*rows):
    entries, problems = _entries("zh_Hans,en,en_short,zh_Hant,kind,en_forbidden\n" + "\n".join(rows))
    assert not problems
    return Glossary(entries)


def test_reader_accepts_bom_quotes_and_multiline_cells(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + '伊利亚,Ilya Sutskever,Sutskever,,,,person,"Elijah|Ilya Suzkov","note, with comma\nand a second line"\n'
                                        "谷歌,Google,,,,,org,,\n").encode("utf-8"))
    glossary = load(path)
    entry = glossary.entries["伊利亚"]
    assert entry.english == "Ilya Sutskever" and entry.english_short == "Sutskever"
    assert entry.forbidden == ("Elijah", "Ilya Suzkov")
    assert entry.note == "note, with comma\nand a second line"
    assert glossary.entries["谷歌"].line == 4


@pytest.mark.parametrize("body, line, message", [
    ("伊利亚,Ilya Sutskever,,,,,person,,\n伊利亚,Ilya,,,,,person,,\n", 3, "rendered 'Ilya' here but 'Ilya Sutskever' on line 2"),
    ("谷歌,Google,,,,,org,,\n谷歌,Google,,,,,org,,\n", 3, "duplicate of line 2"),
    ("\n,Google,,,,,org,,\n", 3, "empty term"),
    ("谷歌,,,,,,org,,\n", 2, "no English rendering"),
    ("谷歌,Google,,,,,company,,\n", 2, "unknown kind 'company'"),
    ("谷歌,Google,,,,,org,,,extra\n", 2, "10 fields but the header has 9"),
    ("谷歌,Google,,,,,org,Google,\n", 2, "both the rendering and forbidden"),
])
def test_bad_rows_name_their_line(body, line, message):
    _, problems = _entries(HEADER + body)
    assert [(p.line, message in p.message) for p in problems] == [(line, True)]


def test_missing_columns_are_reported_on_line_1():
    _, problems = _entries("zh_Hans,english,kind\n谷歌,Google,org\n")
    assert len(problems) == 1 and problems[0].line == 1
    assert "missing column en" in problems[0].message and "unknown column 'english'" in problems[0].message


def test_load_raises_on_the_first_problem_and_counts_the_rest(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(HEADER + ",X,,,,,org,,\n谷歌,Google,,,,,firm,,\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}:2: empty term") and "and 1 more" in str(raised.value)


def test_project_glossary_is_valid_and_covers_the_sample_people():
    glossary = load(ROOT / "glossary.csv")
    for source, english in [("山姆·奥特曼", "Sam Altman"), ("奥特曼", "Sam Altman"), ("伊利亚·苏茨克沃", "Ilya Sutskever"),
                            ("伊利亚", "Ilya Sutskever"), ("萨蒂亚·纳德拉", "Satya Nadella"), ("纳德拉", "Satya Nadella"),
                            ("杰弗里·辛顿", "Geoffrey Hinton"), ("辛顿", "Geoffrey Hinton"), ("布洛克曼", "Greg Brockman"),
                            ("界面新闻", "Jiemian News"), ("谷歌DeepMind", "Google DeepMind")]:
        assert glossary.entries[source].english == english
    assert glossary.entries["伊利亚"].english_short == "Sutskever"


def _found(glossary, text):
    return [(hit.start, text[hit.start:hit.end]) for hit in glossary.find(text)]


def test_longest_leftmost_match_without_overlaps():
    glossary = _glossary("谷歌,Google,,,org,", "谷歌DeepMind,Google DeepMind,,,org,", "DeepMind,DeepMind,,,org,",
                         "伊利亚,Ilya Sutskever,,,person,", "伊利亚·苏茨克沃,Ilya Sutskever,,,person,",
                         "苏茨克沃,Sutskever,,,person,")
    text = "谷歌DeepMind与伊利亚·苏茨克沃;伊利亚在谷歌,DeepMind"
    assert _found(glossary, text) == [(0, "谷歌DeepMind"), (11, "伊利亚·苏茨克沃"), (20, "伊利亚"), (24, "谷歌"),
                                      (27, "DeepMind")]


def test_latin_terms_match_whole_words_only():
    glossary = _glossary("Copilot,Copilot,,,product,", "Azure,Azure,,,product,")
    assert _found(glossary, "本地copilots体验") == []
    assert _found(glossary, "Copilots和Copilot与Azure") == [(9, "Copilot"), (17, "Azure")]


def _brute_force(sources, text):
    hits, position = [], 0
    while position < len(text):
        for length in range(len(text) - position, 0, -1):
            if text[position:position + length] in sources:
                hits.append((position, text[position:position + length]))
                position += length
                break
        else:
            position += 1
    return hits


def test_matching_agrees_with_brute_force_on_random_glossaries():
    rng = random.Random(7)
    for _ in range(500):
        sources = {"".join(rng.choice("甲乙丙") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))}
        glossary = Glossary([GlossaryEntry(s, "x", Kind.TERM, 2) for s in sources])
        text = "".join(rng.choice("甲乙丙丁") for _ in range(rng.randint(0, 30)))
        assert _found(glossary, text) == _brute_force(sources, text), (sources, text)


def test_thousands_of_entries_match_correctly():
    rng = random.Random(11)
    names = sorted({"".join(chr(rng.randint(0x4E00, 0x4E80)) for _ in range(rng.randint(2, 5))) for _ in range(5000)})
    glossary = Glossary([GlossaryEntry(name, f"N{i}", Kind.PERSON, i + 2) for i, name in enumerate(names)])
    text = "，".join(rng.sample(names, 300))
    hits = glossary.find(text)
    assert _found(glossary, text) == _brute_force(set(names), text)
    assert len(hits) >= 300


def test_traditional_override_beats_opencc_and_terms_are_not_split():
    segment = Segment("s1", 1, 1, Part.BODY, 1, "奥特曼的回归以及界面新闻的报道")
    plain = traditional_variant([segment], "plain-s2t").texts["s1"]
    assert "迴歸" in plain  # OpenCC's choice, wrong for news in Taiwan
    glossary = _glossary("回归,,,回歸,term,", "界面新闻,Jiemian News,,界面新聞,org,")
    [annotated] = glossary.annotate([segment])
    for config in ("plain-s2t", "plain-s2tw", "plain-s2twp", "plain-s2hk", "tw", "hk", "hant"):
        converted = traditional_variant([annotated], config).texts["s1"]
        report = "報導" if config == "tw" else "報道"  # the Taiwan edition prints the Ministry of Education's form
        assert converted == f"奧特曼的回歸以及界面新聞的{report}"


def test_region_override_only_for_its_region():
    entries, problems = _entries(HEADER + "乔布斯,Steve Jobs,Jobs,,賈伯斯,,person,,\n")
    assert not problems
    [segment] = Glossary(entries).annotate([Segment("s1", 1, 1, Part.BODY, 1, "乔布斯曾说过")])
    assert traditional_variant([segment], "s2twp").texts["s1"] == "賈伯斯曾說過"
    assert traditional_variant([segment], "s2hk").texts["s1"] == "喬布斯曾説過"


def _qa(glossary, sources, targets, news_style=False):
    segments = glossary.annotate([Segment(f"s{i}", 1, i, Part.BODY, 1, s) for i, s in enumerate(sources)])
    texts = {f"s{i}": t for i, t in enumerate(targets)}
    context = build_context(segments, texts, "en", "news" if news_style else "full")
    issues = check_texts(segments, texts, context)
    return [(issue.segment_id, issue.code) for issue in issues if issue.code.startswith("glossary-")]


def test_qa_requires_the_rendering_with_its_case_tolerating_spaces():
    glossary = _glossary("伊利亚,Ilya Sutskever,Sutskever,,person,Elijah")
    assert _qa(glossary, ["伊利亚走了。"], ["Ilya\n  Sutskever left."]) == []
    assert _qa(glossary, ["伊利亚走了。"], ["ilya SUTSKEVER left."]) == [("s0", "glossary-missing")]
    assert _qa(glossary, ["伊利亚走了。"], ["Ilya left."]) == [("s0", "glossary-missing")]
    assert _qa(glossary, ["伊利亚走了。"], ["Ilya Sutskever (Elijah) left."]) == [("s0", "glossary-forbidden")]
    assert _qa(glossary, ["伊利亚走了。"], [""]) == []


def test_qa_in_news_style_accepts_the_short_form_only_after_the_full_one():
    glossary = _glossary("伊利亚,Ilya Sutskever,Sutskever,,person,")
    sources = ["伊利亚走了。", "伊利亚回来了。"]
    assert _qa(glossary, sources, ["Ilya Sutskever left.", "Sutskever came back."], news_style=True) == []
    assert _qa(glossary, sources, ["Sutskever left.", "Ilya Sutskever came back."], news_style=True) == [
        ("s0", "glossary-missing")]
    assert _qa(glossary, sources, ["Ilya Sutskever left.", "Sutskever came back."]) == [("s1", "glossary-missing")]


def test_qa_flags_a_reviewed_traditional_text_that_breaks_an_override(tmp_path):
    from l10n.pipeline import RunOptions, run
    import polib

    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text(HEADER + "回归,,,回歸,,,term,,\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n奥特曼的回归很重要。", encoding="utf-8")
    options = RunOptions(out_dir=tmp_path / "out", editions=("s2t",), glossary=(glossary_path,))
    [result] = run([article], options).documents
    catalog = polib.pofile(str(result.folder / "zh_Hant.po"))
    entry = catalog.find("奥特曼的回归很重要。")
    assert entry.msgstr == "奧特曼的回歸很重要。" and "QA" not in entry.comment
    assert "glossary: 回归 → 回歸 (term)" in entry.comment
    assert "回归" not in polib.pofile(str(result.folder / "en.po")).find("奥特曼的回归很重要。").comment
    entry.msgstr, entry.flags = "奧特曼的迴歸很重要。", []
    catalog.save(str(result.folder / "zh_Hant.po"))
    run([article], options)
    entry = polib.pofile(str(result.folder / "zh_Hant.po")).find("奥特曼的回归很重要。")
    assert entry.msgstr == "奧特曼的迴歸很重要。"
    assert "QA error: 回归 must be rendered '回歸' [glossary-missing]" in entry.comment


runner = CliRunner()


def test_cli_glossary_check(tmp_path):
    good = runner.invoke(app, ["glossary", "check", str(ROOT / "glossary.csv")])
    assert good.exit_code == 0 and "no problems" in good.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "谷歌,Google,,,,,org,,\n谷歌,Alphabet,,,,,org,,\n", encoding="utf-8")
    result = runner.invoke(app, ["glossary", "check", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3: 谷歌 is rendered 'Alphabet' here but 'Google' on line 2" in result.stderr


def test_cli_run_refuses_a_bad_glossary(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("zh_Hans,en\n谷歌,Google\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--glossary", str(bad), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}:1: missing column kind")
    assert not (tmp_path / "out").exists()


def test_annotating_keeps_every_field_of_a_segment_but_its_terms():
    """Segment.with_terms builds the segment field by field (dataclasses.replace costs twice as much): a field
    added to Segment must be added there too, or annotating would drop it."""
    import dataclasses

    assert [field.name for field in dataclasses.fields(Segment)] == ["id", "paragraph", "sentence", "part", "line",
                                                                      "source", "terms"]
    glossary = Glossary([GlossaryEntry("东湖", "Donghu", Kind.TERM, 2)])
    segment = Segment("4e1109a10f", 3, 2, Part.TITLE, 7, "东湖项目获批")
    annotated, = glossary.annotate([segment])
    assert annotated == dataclasses.replace(segment, terms=annotated.terms) and annotated.terms[0].end == 2
    assert glossary.annotate([annotated])[0] is annotated  # unchanged terms: the same segment


def test_an_edition_reads_its_overrides_by_its_column_not_by_its_catalog_s_locale(monkeypatch):
    """A catalog's term notes and the conversion take the overrides of the edition's glossary column (a Macau edition
    may share Hong Kong's), else the Traditional column every edition falls back on."""
    from dataclasses import replace

    from l10n import editions
    from l10n.glossary import term_notes
    from l10n.editions.variant import term_rendering

    macau = replace(editions.HONG_KONG, key="mo", locale="zh_MO", tag="zh-Hant-MO", aliases=())
    monkeypatch.setitem(editions.BY_LOCALE, "zh_MO", macau)
    monkeypatch.setitem(editions._BY_NAME, "mo", macau)
    [shared, fallback], problems = parse("zh_Hans,en,zh_Hant,zh_HK,kind\n沈阳,Shenyang,,瀋陽市,term\n"
                                         "悉尼,Sydney,雪梨,,term\n", Path("g.csv"))
    assert not problems
    segment = Segment("s1", 1, 1, Part.BODY, 1, "沈阳和悉尼",
                      (TermHit(0, 2, shared), TermHit(3, 5, fallback)))
    assert term_notes(segment, "zh_MO") == ("glossary: 沈阳 → 瀋陽市 (term)", "glossary: 悉尼 → 雪梨 (term)")
    assert term_rendering(shared, "mo") == "瀋陽市" and term_rendering(fallback, "mo") == "雪梨"
