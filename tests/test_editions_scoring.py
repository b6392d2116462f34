"""The editions scorer (benchmarks/editions_*.py) on items written here, not timed."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Imported as top-level modules: pysbd, which Argos pulls in, installs a package named `benchmarks`.
sys.path.insert(0, str(ROOT / "benchmarks"))

from editions_eval import main as eval_main  # noqa: E402
from editions_gold import COLUMNS, GoldError, read_items  # noqa: E402
from editions_scoring import Span, fold, han_count, score  # noqa: E402
from editions_split import is_aside  # noqa: E402

# 特朗普在悉尼发布了“声明”, converted by s2tw character for character.
BASE = "特朗普在悉尼發佈了“聲明”"
SPANS = [Span(0, 3, "names", ("川普",)), Span(4, 6, "names", ("雪梨",)), Span(6, 8, "characters", ("發布",)),
         Span(9, 10, "punctuation", ("「",)), Span(12, 13, "punctuation", ("」",))]


def kinds(errors) -> list[str]:
    return [error.kind for error in errors]


def test_the_reference_itself_has_no_error():
    assert score(BASE, SPANS, "川普在雪梨發布了「聲明」", "tw") == []


def test_an_error_at_each_span_is_classed_by_its_kind():
    errors = score(BASE, SPANS, BASE, "tw")
    assert kinds(errors) == ["names", "names", "characters", "punctuation", "punctuation"]
    assert (errors[2].expected, errors[2].found) == ("布", "佈")


def test_an_accepted_alternative_is_no_error_and_the_closest_one_is_used():
    spans = [Span(0, 3, "names", ("川普", "特朗普")), *SPANS[1:]]
    assert score(BASE, spans, "特朗普在雪梨發布了「聲明」", "tw") == []
    assert score(BASE, spans, "川普在雪梨發布了「聲明」", "tw") == []
    # 特朗晋 is closest to 特朗普: one error inside the name, not a whole rewrite against 川普
    errors = score(BASE, spans, "特朗晋在雪梨發布了「聲明」", "tw")
    assert [(e.kind, e.expected, e.found) for e in errors] == [("names", "普", "晋")]


def test_a_name_of_another_length_is_one_error():
    errors = score(BASE, SPANS, "特朗普在雪梨發布了「聲明」", "tw")
    assert kinds(errors) == ["names"]
    errors = score(BASE, SPANS, "川普普在雪梨發布了「聲明」", "tw")
    assert len(errors) == 1


def test_a_change_outside_every_span_counts_as_other():
    errors = score(BASE, SPANS, "川普在雪梨發布了「宣告」", "tw")
    assert [(e.kind, e.expected, e.found) for e in errors] == [("other", "聲明", "宣告")]
    assert kinds(score(BASE, SPANS, "川普在雪梨發布了一份「聲明」", "tw")) == ["other"]


def test_interchangeable_characters_are_folded_per_region():
    assert fold("臺灣的裏面", "tw") == fold("台灣的裡面", "tw")
    assert score("他説臺灣", [], "他說台灣", "hk") == []
    assert kinds(score("他說", [], "他説", "tw")) == ["other"]  # 説 is Hong Kong's form, not Taiwan's


def test_han_characters_are_counted_without_punctuation_digits_or_latin():
    assert han_count("特朗普在2024年说“OK”。") == 6


def _items(tmp_path: Path, rows: list[list[str]]) -> Path:
    (tmp_path / "src.txt").write_text("第一行\n特朗普在悉尼发布了“声明”\n", encoding="utf-8")
    sentence = "特朗普在悉尼发布了“声明”"
    digest = "sha1=" + hashlib.sha1(sentence.encode()).hexdigest()[:12]
    lines = ["\t".join(COLUMNS), "\t".join(["s1", "src.txt", "2", "0", "13", "-", "sentence", digest, "-", ""])]
    lines += ["\t".join(row) for row in rows]
    path = tmp_path / "items.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_items_point_into_the_source_and_are_checked(tmp_path):
    path = _items(tmp_path, [["s1", "src.txt", "2", "4", "6", "tw", "names", "悉尼", "雪梨|悉尼", "Sydney"]])
    [sentence] = read_items(path, tmp_path)
    assert sentence.text == "特朗普在悉尼发布了“声明”"
    assert sentence.spans["tw"] == [Span(4, 6, "names", ("雪梨", "悉尼"))]
    assert sentence.spans["hk"] == []


@pytest.mark.parametrize("row, message", [
    (["s1", "src.txt", "2", "4", "6", "tw", "names", "特朗", "川", ""], "reads '悉尼'"),
    (["s1", "src.txt", "2", "4", "6", "tw", "place", "悉尼", "雪梨", ""], "kind one of"),
    (["s2", "src.txt", "2", "4", "6", "tw", "names", "悉尼", "雪梨", ""], "before its sentence row"),
    (["s1", "src.txt", "9", "0", "1", "tw", "names", "x", "y", ""], "has no characters"),
])
def test_a_bad_item_is_one_line_naming_the_file_and_row(tmp_path, row, message):
    path = _items(tmp_path, [row])
    with pytest.raises(GoldError, match=message) as caught:
        read_items(path, tmp_path)
    assert f"{path}:3:" in str(caught.value)


def test_a_changed_source_is_caught(tmp_path):
    path = _items(tmp_path, [])
    (tmp_path / "src.txt").write_text("第一行\n特朗普在悉尼发布了“声明“\n", encoding="utf-8")
    with pytest.raises(GoldError, match="is not the sentence annotated"):
        read_items(path, tmp_path)


def test_the_split_is_fixed_and_sets_about_a_third_aside():
    ids = [f"nd{n:04d}" for n in range(1, 601)]
    aside = [sentence for sentence in ids if is_aside(sentence)]
    assert 150 <= len(aside) <= 250
    assert aside == [sentence for sentence in ids if is_aside(sentence)]


def test_the_benchmark_prints_both_regions_for_a_split(tmp_path, capsys):
    path = _items(tmp_path, [["s1", "src.txt", "2", "0", "3", "tw", "names", "特朗普", "川普", ""]])
    path.rename(tmp_path / "tuning.tsv")
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--split", "tuning"]) == 0
    printed = capsys.readouterr().out
    assert "tuning: 1 sentences, 11 Han characters" in printed
    rows = {line[:24].strip(): line[24:].split() for line in printed.splitlines()}
    # s2tw is the base: its one error is the annotated name (1 in 11 Han characters)
    assert rows["OpenCC s2tw"] == ["0.0", "90.9", "0.0", "0.0", "0.0", "90.9", "1"]
    # s2twp also writes 釋出 and 宣告 where no span allows them: two errors of kind "other"
    assert rows["OpenCC s2twp"] == ["0.0", "90.9", "0.0", "0.0", "181.8", "272.7", "3"]


def test_a_missing_items_file_is_a_one_line_error(tmp_path, capsys):
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--split", "aside"]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'aside.tsv'}: cannot read")


def test_a_swapped_word_is_one_error_of_its_span():
    # 存储 annotated 儲存; a system keeping 存儲 aligns as an insertion at the span's edge and a deletion in it
    spans = [Span(2, 4, "vocabulary", ("儲存",))]
    errors = score("境內存儲資料", spans, "境內存儲資料", "tw")
    assert kinds(errors) == ["vocabulary"]


def test_a_mainland_name_kept_whole_is_an_error_of_the_name_even_as_an_insertion():
    # 哈萨克斯坦 annotated 哈薩克: a system keeping 哈薩克斯坦 inserts 斯坦 at the span's end
    spans = [Span(0, 5, "names", ("哈薩克",))]
    assert kinds(score("哈薩克斯坦和埃及", spans, "哈薩克斯坦和埃及", "tw")) == ["names"]
    # an insertion at the edge of a span that does not bring back the base's form stays "other"
    assert kinds(score("哈薩克斯坦和埃及", spans, "哈薩克和和埃及", "tw")) == ["other"]


def test_the_folds_keep_a_document_together_and_use_both():
    from editions_folds import fold

    from editions_gold import Sentence

    page = {fold(Sentence(f"md-01:{line}:0", "samples/dev/md-01.md", line, 0, 5, "")) for line in range(1, 60)}
    block = {fold(Sentence(f"nd{line}", "data/newsdev2017-zh-en/newsdev2017.zh", line, 0, 5, ""))
             for line in range(200, 300)}
    assert len(page) == 1 and len(block) == 1
    files = {fold(Sentence("x", f"samples/dev/html-0{number}.html", 1, 0, 5, "")) for number in range(1, 9)}
    assert files == {0, 1}


def _taiwan_only(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = _items(tmp_path, rows)
    text = path.read_text(encoding="utf-8").replace("\t-\tsentence\t", "\ttw\tsentence\t")
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sentence_adjudicated_for_one_region_is_scored_in_that_region_only(tmp_path, capsys):
    path = _taiwan_only(tmp_path, [["s1", "src.txt", "2", "4", "6", "tw", "names", "悉尼", "雪梨", ""]])
    [sentence] = read_items(path, tmp_path)
    assert sentence.regions == ("tw",)
    path.rename(tmp_path / "newstest.tsv")
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--split", "newstest"]) == 0
    printed = capsys.readouterr().out
    assert "newstest: 1 sentences (Taiwan only), 11 Han characters" in printed
    assert "Taiwan, newstest" in printed and "Hong Kong, newstest" not in printed


@pytest.mark.parametrize("part", ["check", "check2", "check3"])
def test_a_check_part_is_scored_but_never_explained(tmp_path, capsys, part):
    path = _taiwan_only(tmp_path, [["s1", "src.txt", "2", "4", "6", "tw", "names", "悉尼", "雪梨", ""]])
    path.rename(tmp_path / f"{part}.tsv")
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--split", part]) == 0
    assert f"Taiwan, {part}" in capsys.readouterr().out
    for split in ("tuning", "newstest", "tuning2"):
        (tmp_path / f"{split}.tsv").write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--explain", "OpenCC s2tw"]) == 0
    # the check part's one error (s2tw keeps 悉尼) is not listed: only the developed parts are
    assert capsys.readouterr().out.strip() == ""


def test_the_tuning2_part_is_scored_and_explained(tmp_path, capsys):
    path = _taiwan_only(tmp_path, [["s1", "src.txt", "2", "4", "6", "tw", "names", "悉尼", "雪梨", ""]])
    path.rename(tmp_path / "tuning2.tsv")
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--split", "tuning2"]) == 0
    assert "Taiwan, tuning2" in capsys.readouterr().out
    for split in ("tuning", "newstest"):
        (tmp_path / f"{split}.tsv").write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
    assert eval_main(["--items", str(tmp_path), "--shared", str(tmp_path), "--explain", "OpenCC s2tw"]) == 0
    assert capsys.readouterr().out.strip() == "OpenCC s2tw tw\ts1\tnames\t雪梨 → 悉尼"


def test_an_annotation_for_a_region_the_sentence_is_not_scored_in_is_an_error(tmp_path):
    path = _taiwan_only(tmp_path, [["s1", "src.txt", "2", "4", "6", "hk", "names", "悉尼", "悉尼", ""]])
    with pytest.raises(GoldError, match="region must be one of tw"):
        read_items(path, tmp_path)


def test_an_item_file_under_benchmarks_is_read_from_the_repository(tmp_path):
    from editions_gold import source_path

    assert source_path("benchmarks/data/editions/newstest-zh.txt", tmp_path) == (
        ROOT / "benchmarks" / "data" / "editions" / "newstest-zh.txt")
    newsdev = "data/newsdev2017-zh-en/newsdev2017.zh"
    assert source_path(newsdev, tmp_path) == tmp_path / newsdev


def test_the_newstest_sentences_are_a_fold_of_their_own():
    from editions_folds import NEWSTEST_FOLD, fold

    from editions_gold import Sentence

    sentence = Sentence("nt001", "benchmarks/data/editions/newstest-zh.txt", 1, 0, 5, "", regions=("tw",))
    assert fold(sentence) == NEWSTEST_FOLD


def test_a_candidate_vocabulary_is_measured_by_the_errors_it_fixes_and_makes(tmp_path):
    from editions_folds import vocabulary_table

    from l10n.editions.variant import convert_text

    annotated = [("0", "3", "names", "特朗普", "川普"), ("4", "6", "names", "悉尼", "雪梨"),
                 ("6", "8", "characters", "发布", "發布"), ("9", "10", "punctuation", "“", "「"),
                 ("10", "12", "vocabulary", "声明", "宣告"), ("12", "13", "punctuation", "”", "」")]
    path = _items(tmp_path, [["s1", "src.txt", "2", start, end, "tw", kind, span, form, ""]
                             for start, end, kind, span, form in annotated])
    lines = vocabulary_table({"part": read_items(path, tmp_path)}, {"声明": "宣告", "发布": "釋出"})
    assert lines[1] == "part: 1 → 1 (fixed 1, made 1)"
    assert lines[2:] == ["  fixed s1 vocabulary 宣告 → 聲明", "  made s1 characters 發布 → 釋出"]
    # the shipped rules are back afterwards
    assert convert_text("发布声明", "tw") == "發布聲明"
