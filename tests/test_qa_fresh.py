"""benchmarks/qa_fresh.py's fresh news pairs: read in file order with ids by article, and cut in five parts by
article (odd articles aNN F1, even ones F2, articles bNN F3 and cNN F4, read while working on the checks; articles
dNN F5, held out)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import qa_fresh  # noqa: E402


def test_pairs_are_numbered_within_their_article_and_the_header_lines_skipped(tmp_path):
    path = tmp_path / "fresh.tsv"
    path.write_text("# provenance\narticle\tzh\ten\na01\t三人\tthree people\na01\t两次\ttwice\na02\t五天\tfive days\n",
                    encoding="utf-8")
    pairs = qa_fresh.fresh_pairs(path)
    assert [(pair.id, pair.target) for pair in pairs] == [
        ("fresh:a01:1", "three people"), ("fresh:a01:2", "twice"), ("fresh:a02:1", "five days")]


def test_odd_articles_are_part_f1_even_ones_part_f2_and_the_b_c_and_d_articles_parts_f3_f4_and_f5():
    assert [qa_fresh.part(pair_id) for pair_id in ("fresh:a01:3", "fresh:a02:1", "fresh:a17:2", "fresh:b01:1",
                                                   "fresh:b02:4", "fresh:c01:1", "fresh:c12:3", "fresh:d01:1",
                                                   "fresh:d29:2")] == [
        "F1", "F2", "F1", "F3", "F3", "F4", "F4", "F5", "F5"]


def test_the_shipped_set_has_all_five_parts_and_english_free_of_chinese():
    pairs = qa_fresh.fresh_pairs()
    assert len({pair.id for pair in pairs}) == len(pairs)
    assert {qa_fresh.part(pair.id) for pair in pairs} == {"F1", "F2", "F3", "F4", "F5"}
    assert not [pair.id for pair in pairs if re.search(r"[\u4e00-\u9fff]", pair.target)]


def test_recall_puts_each_numeric_error_into_every_pair_it_fits_and_counts_by_part():
    pairs = [qa_fresh.qa_eval.Pair("fresh:a01:1", "公司获得了1000万美元融资。", "The company raised $10 million."),
             qa_fresh.qa_eval.Pair("fresh:a02:1", "他笑了。", "He laughed.")]
    counts = qa_fresh.recall(pairs)
    assert counts[("digit changed", "F1", "n")] == counts[("digit changed", "F1", "hit")] == 1
    assert counts[("number dropped", "F1", "hit")] == 1
    assert not [key for key in counts if key[1] == "F2"]


def test_the_held_out_part_f5_is_never_shown(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["qa_fresh.py", "--show", "F5"])
    with pytest.raises(SystemExit) as refused:
        qa_fresh.main()
    assert refused.value.code == 2 and "invalid choice: 'F5'" in capsys.readouterr().err
