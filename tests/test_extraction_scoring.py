"""The extraction scorer and the gold annotations it reads (benchmarks/extraction_*.py)."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Imported as top-level modules: pysbd, which Argos pulls in, installs a package named `benchmarks`.
sys.path.insert(0, str(ROOT / "benchmarks"))

from extraction_eval import DEFAULT_DEV, Extracted, line_runs, score_page  # noqa: E402
from extraction_gold import (ANNOTATIONS, check_page, gold_blocks, gold_lines, is_visible,  # noqa: E402
                             read_annotation)
from extraction_scoring import (Score, char_score, comparable, covered_lines, line_score,  # noqa: E402
                                lines_in_output, markdown_line_texts, pooled)

from l10n.plumbing.errors import InputError  # noqa: E402

DEV = DEFAULT_DEV


def _annotation(tmp_path: Path, name: str, page: bytes, header: str, rows: str) -> Path:
    (tmp_path / name).write_bytes(page)
    sha = hashlib.sha256(page).hexdigest()
    path = tmp_path / (Path(name).stem + ".tsv")
    path.write_text(f"# sha256\t{sha}\n{header}{rows}", encoding="utf-8")
    return path


# --- scores ---------------------------------------------------------------------------------------------

def test_score_precision_recall_f1():
    score = Score(matched=3, extracted=4, gold=6)
    assert (score.precision, score.recall) == (0.75, 0.5)
    assert score.f1 == pytest.approx(0.6)


def test_empty_sides_score_zero_not_an_error():
    assert Score(0, 0, 5).f1 == 0.0
    assert Score(0, 5, 0).precision == 0.0


def test_pooled_scores_add_counts_not_ratios():
    total = pooled([Score(1, 1, 1), Score(0, 9, 9)])
    assert total == Score(1, 10, 10)
    assert total.f1 == pytest.approx(0.1)


def test_line_score_counts_kept_article_lines():
    score = line_score(gold={1, 2, 3, 4}, kept={3, 4, 5})
    assert score == Score(2, 3, 4)


def test_covered_lines_spans_blocks_and_skips_blank_lines():
    visible = {1, 2, 4, 5, 9}
    assert covered_lines([(1, 0), (4, 6)], visible) == {1, 4, 5}
    assert covered_lines([(9, 3)], visible) == {9}  # an end before the start covers the start line only


def test_comparable_text_ignores_spacing_width_and_invisible_characters():
    assert comparable("Ａ Ｂ\u200bC\ufeff\n 中文 ") == "ABC中文"


def test_char_score_is_one_for_the_same_text_however_spaced():
    score = char_score("标题\n正文第一段。", "标题 正文第一段。")
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_char_score_counts_chrome_against_precision_and_losses_against_recall():
    gold = "正文一二三四五六七八"
    with_chrome = char_score(gold, "首页登录" + gold + "分享到微信")
    assert with_chrome.recall == 1.0 and with_chrome.precision == pytest.approx(10 / 19)
    half = char_score(gold, "正文一二三")
    assert half.precision == 1.0 and half.recall == 0.5


def test_char_score_counts_a_repeated_body_once():
    gold = "这是正文。"
    assert char_score(gold, gold + gold).precision == pytest.approx(0.5)


def test_char_score_does_not_match_article_characters_out_of_order():
    assert char_score("甲乙丙丁", "丁丙乙甲").matched == 1


# --- Markdown lines as rendered, and mapping an extractor's text back to them ----------------------------

MARKDOWN = """---
title: 标题
url: https://example.com/a
---

# 标题

* [首页](/) [登录](/login)

![](https://img.example.com/1.png)

第一句在**这里**，
第二行接着写完。

收藏
"""


def test_markdown_line_texts_are_what_a_reader_sees():
    texts = markdown_line_texts(MARKDOWN)
    assert texts == {6: "标题", 8: "首页 登录", 12: "第一句在这里，", 13: "第二行接着写完。", 15: "收藏"}


def test_lines_in_output_match_in_order_and_short_lines_only_where_output_continues():
    texts = {1: "标题", 2: "首页", 3: "标题", 4: "第一段的内容很长。", 5: "收藏", 6: "最后一段也很长，欢迎收藏。"}
    # The extractor kept the title once, the first paragraph and the last. The chrome line 收藏 occurs
    # in its text only inside line 6, not where the output continues after line 4.
    output = "标题\n第一段的内容很长。\n最后一段也很长，欢迎收藏。"
    assert lines_in_output(texts, output) == {1, 4, 6}


def test_lines_in_output_ignore_punctuation_and_bullets_the_extractor_adds():
    assert lines_in_output({1: "* 第一条：内容", 2: "第二条"}, "- 第一条 内容\n- 第二条") == {1, 2}


def test_score_page_maps_a_markdown_extractor_back_to_lines(tmp_path):
    page = MARKDOWN.encode()
    annotation = read_annotation(_annotation(tmp_path, "md-09.md", page, "lines\tkind\tnote\n",
                                             "6\ttitle\n12-13\tbody\tone paragraph on two lines\n"))
    extractors = {"fake": lambda path, html: Extracted("标题\n第一句在这里， 第二行接着写完。\n收藏")}
    gold, results = score_page(annotation, tmp_path / "md-09.md", extractors)
    assert gold == 3
    assert results["fake"] == Score(3, 4, 3)


def test_score_page_scores_html_on_text_and_reports_a_failing_extractor(tmp_path):
    html = "<html><body><nav>首页 登录</nav><h1>标题</h1><div id='a'><p>正文。</p></div></body></html>".encode()
    path = _annotation(tmp_path, "html-09.html", html, "# encoding\tutf-8\nlocator\texclude\tkind\tnote\n",
                       "//h1\t\ttitle\n//div[@id='a']/p\t\tbody\n")

    def broken(path, html):
        raise ValueError("no article found")

    gold, results = score_page(read_annotation(path), tmp_path / "html-09.html",
                               {"nav too": lambda path, html: Extracted("首页登录标题正文。"), "broken": broken})
    assert gold == 5
    assert results["nav too"] == Score(5, 9, 5)
    assert "no article found" in results["broken"]


def test_line_runs_join_lines_with_only_blank_lines_between():
    visible = [1, 3, 4, 6, 9, 10]
    assert line_runs({1, 3, 4, 9}, visible) == "1-4, 9"
    assert line_runs(set(), visible) == "none"


def test_score_page_treats_a_text_page_line_by_line(tmp_path):
    page = "标题\n首页 登录\n正文第一段很长。\n".encode()
    path = _annotation(tmp_path, "text-01.txt", page, "# page\ttext-01.txt\nlines\tkind\tnote\n",
                       "1\ttitle\n3\tbody\n")
    annotation = read_annotation(path)
    assert annotation.page == "text-01.txt" and not annotation.is_markdown

    def seen(path, html):
        assert "<p>首页 登录</p>" in html
        return Extracted("标题 正文第一段很长。")

    assert score_page(annotation, tmp_path / "text-01.txt", {"seen": seen}) == (2, {"seen": Score(2, 2, 2)})


# --- annotation files -----------------------------------------------------------------------------------

def test_line_annotation_ranges_skip_blank_and_invisible_lines(tmp_path):
    page = "标题\n\n正文\n\ufeff\n结尾\n".encode()
    annotation = read_annotation(_annotation(tmp_path, "md-09.md", page, "lines\tkind\tnote\n", "1\ttitle\n3-5\tbody\n"))
    assert gold_lines(annotation, page.decode()) == {1, 3, 5}


@pytest.mark.parametrize(("rows", "message"), [
    ("3-x\tbody\t\n", "'3-x' is not a line"),
    ("2-9\tbody\t\n", "outside the page's 1-3"),
])
def test_bad_line_rows_name_the_annotation_line(tmp_path, rows, message):
    path = _annotation(tmp_path, "md-09.md", b"a\nb\nc", "lines\tkind\tnote\n", rows)
    with pytest.raises(InputError, match=message) as caught:
        gold_lines(read_annotation(path), "a\nb\nc")
    assert caught.value.line == 3


@pytest.mark.parametrize(("text", "message"), [
    ("# sha256\tab\nline\tkind\n1\tbody\n", "expected the columns"),
    ("lines\tkind\tnote\n1\tbody\n", "missing '# sha256"),
    ("# sha256\tab\nlocator\texclude\tkind\tnote\n//p\t\tbody\t\n", "missing '# encoding"),
    ("# sha256\tab\nlines\tkind\tnote\n1\n", "expected 3 tab-separated columns, found 1"),
    ("# sha256\tab\nlines\tkind\tnote\n", "no article rows"),
])
def test_malformed_annotation_files_are_refused(tmp_path, text, message):
    path = tmp_path / "md-09.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_annotation(path)


def test_a_changed_page_is_detected(tmp_path):
    path = _annotation(tmp_path, "md-09.md", b"old text", "lines\tkind\tnote\n", "1\tbody\n")
    (tmp_path / "md-09.md").write_bytes(b"new text")
    with pytest.raises(InputError, match="page changed since it was annotated"):
        check_page(read_annotation(path), tmp_path / "md-09.md")


HTML = """<html><body>
<h1>标题</h1>
<div id="body"><p>第一段<span id="quote_X">(1.2, 3%)</span>继续。</p><script>var x = "代码";</script>
<!-- 注释 --><p>第二段。</p></div>
<p>责任编辑：某人</p>
</body></html>"""


def test_html_locators_resolve_to_visible_text_in_page_order(tmp_path):
    path = _annotation(tmp_path, "html-09.html", HTML.encode(), "# encoding\tutf-8\nlocator\texclude\tkind\tnote\n",
                       "//div[@id='body']/p\t.//span[starts-with(@id, 'quote_')]\tbody\t\n//h1\t\ttitle\n")
    blocks = gold_blocks(read_annotation(path), HTML)
    assert [(block.text, block.kind, block.sourceline) for block in blocks] == [
        ("标题", "title", 2), ("第一段继续。", "body", 3), ("第二段。", "body", 4)]


@pytest.mark.parametrize(("locator", "message"), [("//h2", "matches no element"), ("//p[", "bad locator"),
                                                  ("//h1/text()", "matches no element")])
def test_html_locators_that_resolve_to_nothing_are_refused(tmp_path, locator, message):
    path = _annotation(tmp_path, "html-09.html", HTML.encode(), "# encoding\tutf-8\nlocator\texclude\tkind\tnote\n",
                       f"{locator}\t\tbody\t\n")
    with pytest.raises(InputError, match=message) as caught:
        gold_blocks(read_annotation(path), HTML)
    assert caught.value.line == 4


# --- the annotations kept in the project, against the dev pages -----------------------------------------

KEPT = sorted(ANNOTATIONS.glob("*.tsv"))


def test_every_dev_page_is_annotated():
    assert [path.stem for path in KEPT] == [f"{kind}-{n:02d}" for kind in ("html", "md") for n in range(1, 9)] + [
        "text-01"]


@pytest.mark.skipif(not DEV.is_dir(), reason=f"dev pages not found at {DEV}")
@pytest.mark.parametrize("path", KEPT, ids=lambda path: path.stem)
def test_annotation_parses_and_points_at_article_text_of_its_page(path):
    annotation = read_annotation(path)
    data = check_page(annotation, DEV / annotation.page)
    if annotation.is_html:
        blocks = gold_blocks(annotation, data.decode(annotation.encoding))
        assert {block.row for block in blocks} == {number for number, _ in annotation.rows}, "a row found no text"
        assert all(block.sourceline > 0 for block in blocks)
        return
    text = data.decode("utf-8")
    lines = text.split("\n")
    assert gold_lines(annotation, text)
    for number, (span, *_rest) in annotation.rows:
        first, _, last = span.partition("-")
        for end in (int(first), int(last or first)):
            assert is_visible(lines[end - 1]), f"{path.name}:{number}: range ends on blank line {end}"


def test_the_script_runs_as_a_script_and_names_a_missing_dev_folder(tmp_path):
    missing = tmp_path / "no-such-folder"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "extraction_eval.py"), str(missing)],
                            capture_output=True, text=True, cwd=tmp_path,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert result.stderr == f"error: {missing}: no such folder of dev pages\n"
