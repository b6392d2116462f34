"""benchmarks/qa_eval.py's hand labels: the dev part's and the aside part's are kept in two files, each holding
ids of its own part only, so that a label can never move a finding from one part's row to the other's."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import qa_eval  # noqa: E402


def _labels(tmp_path, monkeypatch, text: str, of_aside: bool) -> set[tuple[str, str]]:
    path = tmp_path / "labels.tsv"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(qa_eval, "REAL_PROBLEMS_ASIDE" if of_aside else "REAL_PROBLEMS", path)
    return qa_eval.real_problems(of_aside=of_aside)


def test_each_label_file_reads_its_own_part_and_skips_comment_lines(tmp_path, monkeypatch):
    text = "id\tcheck\treason\nnews:3\tnumbers\ta year left out\n# news:6\tspelling\tdoubtful, so a false alarm\n\n"
    assert _labels(tmp_path, monkeypatch, text, of_aside=True) == {("news:3", "numbers")}
    text = "id\tcheck\treason\nnews:4\tnumbers\ta year left out\nmac:005:2\tspelling\ta garbled word\n"
    assert _labels(tmp_path, monkeypatch, text, of_aside=False) == {("news:4", "numbers"), ("mac:005:2", "spelling")}


@pytest.mark.parametrize(("pair_id", "of_aside"), [("news:4", True), ("mac:006:1", False), ("news:9", False)])
def test_a_label_of_the_other_part_is_refused_naming_file_and_line(tmp_path, monkeypatch, pair_id, of_aside):
    with pytest.raises(SystemExit, match=rf"labels\.tsv:3: {pair_id} is not of the"):
        _labels(tmp_path, monkeypatch, f"id\tcheck\treason\n# a comment\n{pair_id}\tnumbers\tx\n", of_aside)


def test_the_shipped_label_files_hold_ids_of_their_own_part():
    dev, aside = qa_eval.real_problems(), qa_eval.real_problems(of_aside=True)
    assert dev and aside
    assert not any(qa_eval.aside(pair_id) for pair_id, _ in dev)
    assert all(qa_eval.aside(pair_id) for pair_id, _ in aside)
