"""`run --reference`: aligned English in en.po where the match is confident, drafts for the rest."""
from __future__ import annotations

import polib
from fake_engine import FakeTranslator
from typer.testing import CliRunner

from l10n.cli import app
from l10n.pipeline import RunOptions, run

runner = CliRunner()

ARTICLE = ("编者按：本文转载自合作媒体，仅代表作者观点，与本站立场无关。\n\n"
           "苹果公司周二发布了新款手机。这款手机的价格为999美元，比去年贵了100美元。\n\n"
           "首席执行官库克在加州的活动上介绍了这款产品。\n\n"
           "据报道，这家公司去年的营收达到3830亿美元。\n")
REFERENCE = ("Apple released a new phone on Tuesday. The phone costs 999 dollars. "
             "That is 100 dollars more expensive than last year.\n\n"
             "Chief executive Cook introduced the product at an event in California.\n\n"
             "The company's revenue reached 383 billion dollars last year, according to reports.\n")


def EchoTranslator() -> FakeTranslator:
    """Drafts '(MT) source'; records what it was asked to translate."""
    return FakeTranslator(draft="(MT) {source}", model_id="echo 1.0")


def _files(tmp_path):
    article, reference = tmp_path / "phone.zh.txt", tmp_path / "phone.en.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    reference.write_text(REFERENCE, encoding="utf-8")
    return article, reference


def test_reference_fills_en_po_and_drafts_the_rest(tmp_path, msgfmt_check):
    article, reference = _files(tmp_path)
    translator = EchoTranslator()
    result = run([article], RunOptions(out_dir=tmp_path / "out", reference=reference, use_cache=False),
                 translator=translator)
    path = result.documents[0].folder / "en.po"
    msgfmt_check(path)
    entries = {entry.msgid: entry for entry in polib.pofile(str(path))}
    first = entries["苹果公司周二发布了新款手机。"]
    assert first.msgstr == "Apple released a new phone on Tuesday." and first.fuzzy
    assert "reference: aligned 1-1 from phone.en.txt line 1" in first.comment
    assert entries["这款手机的价格为999美元，比去年贵了100美元。"].msgstr == (
        "The phone costs 999 dollars. That is 100 dollars more expensive than last year.")
    assert entries["据报道，这家公司去年的营收达到3830亿美元。"].msgstr.startswith("The company's revenue")
    note = entries["编者按：本文转载自合作媒体，仅代表作者观点，与本站立场无关。"]
    assert note.msgstr == "(MT) 编者按：本文转载自合作媒体，仅代表作者观点，与本站立场无关。"
    assert "reference" not in note.comment
    assert translator.calls == [["编者按：本文转载自合作媒体，仅代表作者观点，与本站立场无关。"]]  # only what the reference lacks
    assert "reference phone.en.txt" in polib.pofile(str(path)).metadata["X-L10n-Origin"]


def test_reference_through_the_cli_without_a_model(tmp_path):
    article, reference = _files(tmp_path)
    result = runner.invoke(app, ["run", str(article), "--reference", str(reference), "--mt", "none",
                                 "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    catalog = polib.pofile(str(tmp_path / "out" / "phone" / "en.po"))
    assert len([entry for entry in catalog if entry.msgstr]) == 4


def test_reference_with_two_inputs_is_refused(tmp_path):
    article, reference = _files(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("另一篇文章。\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(article), str(other), "--reference", str(reference), "--mt", "none",
                                 "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    assert "--reference translates one article; 2 were given" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_reference_is_one_line(tmp_path):
    article, _ = _files(tmp_path)
    result = runner.invoke(app, ["run", str(article), "--reference", str(tmp_path / "nope.txt"), "--mt", "none",
                                 "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: --reference: no such file"
