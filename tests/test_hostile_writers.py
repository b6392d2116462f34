"""Hostile text on its way out (issue 19, items 5, 6 and 15): spreadsheet formulas in every spreadsheet-bound
table, one URL-scheme allow-list for every article writer, article text that looks like rich markup."""
from __future__ import annotations

import csv
import io
import zipfile

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from l10n.cli import app
from l10n.plumbing.escapes import one_line, spreadsheet_cell
from l10n.model import Part, Span
from l10n.writers import WRITERS
from l10n.writers.article import Article, Block, parse, safe_url

runner = CliRunner()
# Text whose sentences start with what a spreadsheet runs: a formula, a sign, an at-sign.
FORMULAS = "=HYPERLINK(\"http://x\",\"点击\")这是第一句很长的话。\n\n+86这是第二段的很长的句子内容。\n\n-1是第三段的内容很长很长。\n\n@某人说了第四段的很长内容。\n"


@pytest.mark.parametrize("cell, safe", [("=1+2", "'=1+2"), ("+86", "'+86"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"),
                                        ("\tx", "'\tx"), ("GPT-4", "GPT-4"), ("谷歌", "谷歌"), ("", "")])
def test_cells_a_spreadsheet_would_run_are_kept_as_text(cell, safe):
    assert spreadsheet_cell(cell) == safe


def test_one_line_escapes_every_character_a_reader_ends_a_line_at_and_nothing_else():
    """Its quick path (a printable text is returned as it is) agrees with the escape, for every code point."""
    import sys

    from l10n.plumbing.escapes import _LINE_BREAKING, _escape

    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code <= 0xDFFF:
            text = f"a{chr(code)}b"
            assert one_line(text) == _LINE_BREAKING.sub(_escape, text), hex(code)
    assert one_line("a\u2028b\nc\x85") == "a\\u2028b\\nc\\x85"


def _tsv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter="\t") for cell in row]


def _no_formula(cells: list[str]) -> None:
    assert cells, "no cells"
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], cells


def test_segments_and_removed_tables_hold_no_formula(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(FORMULAS, encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "none", str(article), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    segments = _tsv_cells((tmp_path / "out" / "a" / "segments.tsv").read_text(encoding="utf-8"))
    _no_formula(segments)
    assert "'=HYPERLINK(\"http://x\",\"点击\")这是第一句很长的话。" in segments
    assert "'@某人说了第四段的很长内容。" in segments


def test_removed_table_holds_no_formula(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><nav><a href='/'>=1+1 首页导航</a></nav><article><p>微软宣布新的人工智能计划的"
                    "第一句话很长很长。</p><p>第二段也有很多中文内容，用来测试网页的读取和清理。</p></article>"
                    "</body></html>", encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "none", str(page), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    removed = _tsv_cells((tmp_path / "out" / "a" / "removed.tsv").read_text(encoding="utf-8"))
    assert "'=1+1 首页导航" in removed
    _no_formula(removed)


def test_segment_command_tsv_holds_no_formula(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(FORMULAS, encoding="utf-8")
    result = runner.invoke(app, ["segment", str(article)])
    assert result.exit_code == 0, result.output
    _no_formula(_tsv_cells(result.stdout))
    jsonl = runner.invoke(app, ["segment", str(article), "--format", "jsonl"])
    assert '"text": "=HYPERLINK' in jsonl.stdout  # JSON Lines is for programs: left as it is


def test_align_tsv_holds_no_formula(tmp_path):
    (tmp_path / "zh.txt").write_text(FORMULAS, encoding="utf-8")
    (tmp_path / "en.txt").write_text("=1+1 This is the first sentence.\n\n+86 The second paragraph.\n\n"
                                     "-1 is the third.\n\n@someone said the fourth.\n", encoding="utf-8")
    result = runner.invoke(app, ["align", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    cells = _tsv_cells(result.stdout)
    _no_formula(cells)
    assert "'=1+1 This is the first sentence." in cells


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)",
                                 "\x01javascript:alert(1)", "data:text/html,<script>x</script>", "vbscript:x"])
def test_unsafe_schemes_are_refused(url):
    assert not safe_url(url)


@pytest.mark.parametrize("url", ["https://example.com/a?b=1&c=2", "http://x", "mailto:desk@example.com",
                                 "/relative/a:b", "page.html", "//example.com/x", "#top"])
def test_web_mail_and_relative_links_pass(url):
    assert safe_url(url)


def _readable(rendered: str | bytes) -> str:
    """A writer's output as text: a zip format's (docx) members, decoded and joined."""
    if isinstance(rendered, str):
        return rendered
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        return "\n".join(archive.read(member).decode("utf-8", "replace") for member in archive.infolist())


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_no_writer_writes_an_unsafe_link_or_image(writer):
    spans = (Span(1, "link", "javascript:alert(1)"), Span(2, "image", "javascript:alert(2)"),
             Span(3, "link", "https://example.com/ok"))
    article = Article("a", "en", "en", (Block(Part.BODY, 0, parse("See <a1>this</a1><x2/> and <a3>that</a3>.",
                                                                    spans)),))
    text = _readable(WRITERS[writer].render(article))
    assert "javascript" not in text.lower()
    assert "this" in text and ("https://example.com/ok" in text or writer == "text")


def test_a_markdown_link_cannot_be_turned_into_javascript_by_a_character_reference():
    spans = (Span(1, "link", "javascript&#58;alert(1)"),)
    article = Article("a", "en", "en", (Block(Part.BODY, 0, parse("See <a1>this</a1>.", spans)),))
    rendered = MarkdownIt("commonmark").render(WRITERS["markdown"].render(article))
    assert 'href="javascript&amp;#58;alert(1)"' in rendered  # literal: a relative address, not a script


def test_build_drops_a_javascript_link_from_a_raw_html_block_in_markdown(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("# 标题是微软的新计划\n\n微软宣布新的人工智能计划的第一句话很长很长。\n\n"
                      '<p>请看<a href="javascript:alert(1)">这个链接的内容很长</a>的说明文字。</p>\n\n'
                      "第三段也有很多中文内容，用来测试读取。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", "-q", "--mt", "none", str(source), "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["build", str(out), "--fallback", "source", "-l", "en"])
    assert result.exit_code == 0, result.output
    built = (out / "a" / "article.en.md").read_text(encoding="utf-8")
    assert "javascript" not in built and "请看这个链接的内容很长的说明文字。" in built


def test_suggest_table_shows_text_that_looks_like_rich_markup(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n微软发布了新的《[/x]框架》（X Framework），这是很长的句子。\n", encoding="utf-8")
    table = runner.invoke(app, ["glossary", "suggest", str(article), "--format", "table"])
    assert table.exit_code == 0, table.output
    assert "[/x]框架" in table.stdout and "X Framework" in table.stdout
