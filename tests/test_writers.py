"""The article writers, called directly (html, markdown, text; docx in test_docx.py, xliff and tmx in
test_exchange.py): each block kind and inline element in each syntax, and a written article read back by
its format's reader gives the blocks and placeholders it was written from."""
from pathlib import Path

import pytest
from lxml import html

from l10n.model import Part, Span
from l10n.reading.readers import read_file
from l10n.writers import WRITERS
from l10n.writers.article import FALLBACK_CLOSE, FALLBACK_OPEN, FUZZY_CLOSE, FUZZY_OPEN, Article, Block, parse, plain

SPANS = (Span(1, "link", "https://example.com/a?b=1&c=2"), Span(2, "strong"), Span(3, "emphasis"), Span(4, "code"),
         Span(5, "image", "pic.png"), Span(6, "break"))
BODY = "See <a1>the <b2>post</b2></a1>, <i3>today</i3> and <c4>x = 1</c4>."


def _article(language: str = "en") -> Article:
    def block(part: Part, text: str, level: int = 0) -> Block:
        return Block(part, level, parse(text, SPANS))

    return Article("board", "en", language, (
        block(Part.TITLE, "The board saga"),
        block(Part.SUBTITLE, "What happened"),
        block(Part.BYLINE, "By Zhang San"),
        block(Part.HEADING, "Background *and* <b2>why</b2>", 2),
        block(Part.BODY, BODY + "<x6/>Then " + FUZZY_OPEN + "a draft" + FUZZY_CLOSE + " and "
              + FALLBACK_OPEN + "原文" + FALLBACK_CLOSE + "."),
        block(Part.LIST_ITEM, "First item", 1),
        block(Part.LIST_ITEM, "Nested item", 2),
        block(Part.LIST_ITEM, "Second item", 1),
        block(Part.QUOTE, "A quote"),
        block(Part.CAPTION, "A caption <x5/>"),
    ))


def test_markdown_writes_each_block_and_inline_element_in_markdown():
    assert WRITERS["markdown"].render(_article()) == (
        "# The board saga\n\n"
        "What happened\n\n"
        "By Zhang San\n\n"
        "## Background \\*and\\* **why**\n\n"
        "See [the **post**](https://example.com/a?b=1&c=2), *today* and `x = 1`.<br>"
        'Then <mark title="unreviewed">a draft</mark> and <mark title="untranslated" lang="zh-Hans">原文</mark>.\n\n'
        "- First item\n"
        "  - Nested item\n"
        "- Second item\n\n"
        "> A quote\n\n"
        "A caption ![](pic.png)\n")


def test_plain_text_keeps_the_words_and_says_which_are_not_reviewed():
    assert WRITERS["text"].render(_article()) == (
        "The board saga\n\n"
        "What happened\n\n"
        "By Zhang San\n\n"
        "Background *and* why\n\n"
        "See the post, today and x = 1.\n"
        "Then [unreviewed: a draft] and [untranslated: 原文].\n\n"
        "- First item\n\n"
        "  - Nested item\n\n"
        "- Second item\n\n"
        "> A quote\n\n"
        "A caption\n")  # the image's space dropped with it


def test_html_is_one_self_contained_page_with_the_same_blocks():
    page = html.document_fromstring(WRITERS["html"].render(_article("zh-Hant-TW")))
    assert page.get("lang") == "zh-Hant-TW" and page.findtext(".//title") == "The board saga"
    [article] = page.iter("article")
    assert [(child.tag, child.get("class")) for child in article] == [
        ("h1", None), ("p", "subtitle"), ("p", "byline"), ("h2", None), ("p", None), ("ul", None),
        ("blockquote", None), ("figcaption", None)]
    body = article[4]
    assert html.tostring(body, encoding="unicode", with_tail=False) == (
        '<p>See <a href="https://example.com/a?b=1&amp;c=2">the <strong>post</strong></a>, <em>today</em> and '
        '<code>x = 1</code>.<br>Then <mark title="machine draft, not reviewed" class="fuzzy">a draft</mark> and '
        '<mark title="not translated: the source text" lang="zh-Hans" class="untranslated">原文</mark>.</p>')
    items = article[5]
    assert [(item.text, [nested.get("class") for nested in item.iter("ul")]) for item in items] == [
        ("First item", ["level-2"]), ("Second item", [])]
    assert items[0].find("ul/li").text == "Nested item"
    assert article[6].findtext("p") == "A quote"
    assert article[7].find("img").get("src") == "pic.png"


def _read_back(format: str, article: Article, tmp_path: Path):
    rendered = WRITERS[format].render(article)
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    path = tmp_path / f"article.{WRITERS[format].extension}"
    page, detected, _ = read_file(data, path, None, 1000, 10**8)
    assert detected.format == format
    return page.blocks


@pytest.mark.parametrize("format", ["html", "markdown", "docx"])
def test_a_written_article_reads_back_as_the_blocks_and_placeholders_it_was_written_from(format, tmp_path):
    """What every format carries: heading levels, quotes, and links (with their URLs), bold and italics, nested."""
    spans = SPANS[:3]
    blocks = (Block(Part.HEADING, 2, parse("Background and <b2>why</b2>", spans)),
              Block(Part.BODY, 0, parse("See <a1>the <b2>post</b2></a1>, <i3>today</i3>.", spans)),
              Block(Part.QUOTE, 0, parse("A quote, <i3>stressed</i3>.", spans)))
    read = _read_back(format, Article("board", "en", "en", blocks), tmp_path)
    assert [(block.part, block.level, block.text) for block in read] == [
        (Part.HEADING, 2, "Background and <b1>why</b1>"),
        (Part.BODY, 0, "See <a1>the <b2>post</b2></a1>, <i3>today</i3>."),
        (Part.QUOTE, 0, "A quote, <i1>stressed</i1>.")]
    assert [(span.number, span.kind, span.target) for span in read[1].spans] == [
        (1, "link", "https://example.com/a?b=1&c=2"), (2, "strong", ""), (3, "emphasis", "")]


@pytest.mark.parametrize("format", ["markdown", "docx"])
def test_list_nesting_reads_back_where_the_format_has_levels(format, tmp_path):
    blocks = tuple(Block(Part.LIST_ITEM, level, parse(text, ())) for text, level in [
        ("First item", 1), ("Nested item", 2), ("Deeper item", 3), ("Second item", 1)])
    read = _read_back(format, Article("board", "en", "en", blocks), tmp_path)
    assert [(block.part, block.level, block.text) for block in read] == [
        (Part.LIST_ITEM, 1, "First item"), (Part.LIST_ITEM, 2, "Nested item"), (Part.LIST_ITEM, 3, "Deeper item"),
        (Part.LIST_ITEM, 1, "Second item")]


def test_a_format_registered_from_the_tests_goes_through_run_and_build(tmp_path, monkeypatch):
    """A format is a reader module, a writer module and a line in each registry; nothing else in the package
    names formats. Here: subtitles-like `.lines` files, one paragraph per line and `== ` for a heading."""
    import sys
    import types

    from typer.testing import CliRunner

    from l10n.reading import readers
    from l10n import writers
    from l10n.cli import app
    from l10n.reading.readers.base import Page, PageBlock

    def read(text: str, path: Path, max_blocks: int) -> Page:
        lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
        return Page("lines", [PageBlock(Part.HEADING, line[3:], number, number, level=1) if line.startswith("== ")
                              else PageBlock(Part.BODY, line, number, number) for number, line in lines])

    def render(article: Article) -> str:
        return "".join(("== " if block.part in (Part.TITLE, Part.HEADING) else "") + plain(block.nodes) + "\n"
                       for block in article.blocks)

    monkeypatch.setitem(sys.modules, "l10n.reading.readers.lines", types.SimpleNamespace(read=read))
    monkeypatch.setitem(sys.modules, "l10n.writers.lines", types.SimpleNamespace(render=render))
    monkeypatch.setitem(readers.FORMATS, "lines", readers.Format("lines", (".lines",), "lines"))
    monkeypatch.setitem(writers.WRITERS, "lines", writers.Writer("lines", "lines"))
    monkeypatch.setitem(readers.EXTENSIONS, ".lines", "lines")  # FORMATS' extensions, gathered at import
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.csv").write_text("zh_Hans,en,kind\n", encoding="utf-8")
    (tmp_path / "board.zh.lines").write_text("== 董事会风波的始末\n公司董事会在周五宣布了重大人事变动，投资者反应平稳。\n",
                                             encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["run", "board.zh.lines", "--mt", "none"])
    assert result.exit_code == 0, result.output
    assert "lines, from its extension .lines" in result.output
    result = runner.invoke(app, ["build", "-q", "-l", "zh_TW", "--allow-fuzzy"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "board" / "article.zh_TW.lines").read_text(encoding="utf-8") == (
        "== 董事會風波的始末\n公司董事會在週五宣布了重大人事變動，投資者反應平穩。\n")
