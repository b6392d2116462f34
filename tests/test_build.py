import re

import polib
import pytest
from lxml import html
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from l10n.catalog import structure
from l10n.build import BuildOptions, build
from l10n.cli import app
from l10n.plumbing.files import write_atomic
from l10n.model import Document, Paragraph, Part, Span
from l10n.text.numbers import describe, quantities
from l10n.reading.segment import segment_document, segment_id

runner = CliRunner()


def _review(path, translate=None, keep_fuzzy=()):
    """A scripted reviewer: sets msgstr (when given a translate function) and clears fuzzy."""
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if translate is not None:
            entry.msgstr = translate(entry)
        if entry.msgid not in keep_fuzzy and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save(str(path))


def _location(entry):
    """'paragraph 3, sentence 2' from the entry's first comment line."""
    first = entry.comment.splitlines()[0]
    return first.split("paragraph ")[1].split(", sentence ")


_RENDERING = re.compile(r"^glossary: .+? → (.+?) \(", re.MULTILINE)


def _stand_in(entry):
    """'Sentence 3.2.', followed by what the QA checks ask of the sentence: its glossary renderings and its
    quantities, so the stand-in passes the checks that `build` runs."""
    needs = [*dict.fromkeys(_RENDERING.findall(entry.comment)), *(f"in {describe(q)}" for q in quantities(entry.msgid))]
    return " ".join(["Sentence {}.{}.".format(*_location(entry)), *needs])


@pytest.fixture
def reviewed_sample(tmp_path):
    assert runner.invoke(app, ["run", "--out", str(tmp_path), "--mt", "none", "-q"]).exit_code == 0
    folder = tmp_path / "jiemian-openai-board"
    _review(folder / "en.po", _stand_in)
    _review(folder / "zh_TW.po")
    return folder


def _paragraphs(path):
    return path.read_text(encoding="utf-8").split("\n\n")


def test_a_reviewed_sample_builds_english_and_traditional_articles(reviewed_sample):
    result = runner.invoke(app, ["build", str(reviewed_sample.parent), "-q"])
    assert result.exit_code == 0, result.output
    assert "jiemian-openai-board: 83 segments" in result.stdout
    english = _paragraphs(reviewed_sample / "article.en.txt")
    traditional = _paragraphs(reviewed_sample / "article.zh_TW.txt")
    assert len(english) == len(traditional) == 42
    assert english[0].startswith("Sentence 1.1.")
    number = next(index for index, paragraph in enumerate(english, start=1) if ".2." in paragraph)
    assert re.match(rf"Sentence {number}\.1\.[^\n]* Sentence {number}\.2\.", english[number - 1])  # English: one space
    catalog = polib.pofile(str(reviewed_sample / "zh_TW.po"))
    first_two = [entry.msgstr for entry in catalog if _location(entry)[0] == str(number)][:2]
    assert traditional[number - 1].startswith("".join(first_two))  # Chinese: no space between sentences
    assert traditional[0] == "OpenAI宮鬥劇完結,誰是最大贏家?"


def test_building_twice_gives_identical_bytes(reviewed_sample):
    assert runner.invoke(app, ["build", str(reviewed_sample), "-q"]).exit_code == 0
    first = {path.name: path.read_bytes() for path in reviewed_sample.glob("article.*")}
    assert runner.invoke(app, ["build", str(reviewed_sample), "-q"]).exit_code == 0
    assert first == {path.name: path.read_bytes() for path in reviewed_sample.glob("article.*")}
    assert sorted(first) == ["article.en.txt", "article.zh_TW.txt"]


def test_a_language_with_unreviewed_entries_is_not_built_and_the_others_are(reviewed_sample):
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    draft = catalog[2]
    draft.flags.append("fuzzy")
    catalog[3].msgstr = ""
    catalog.save(str(reviewed_sample / "en.po"))
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    result = runner.invoke(app, ["build", str(reviewed_sample), "-q"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"jiemian-openai-board: 83 segments; built zh_TW; not built: en (1 untranslated, 1 unreviewed; "
        f"first at {reviewed_sample / 'en.po'}:{catalog[2].linenum})"]
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: 1 of 1 document(s) have")
    assert sorted(path.name for path in reviewed_sample.glob("article.*")) == ["article.zh_TW.txt"]
    verbose = runner.invoke(app, ["build", str(reviewed_sample), "-q", "-v"])
    lines = verbose.stderr.splitlines()
    assert lines[0] == (f"{reviewed_sample / 'en.po'}:{catalog[2].linenum}: {segment_id(catalog[2].msgid)} "
                        f"(credit 3.1): fuzzy: not reviewed yet (--allow-fuzzy builds with it)")
    assert lines[1].endswith(": untranslated")
    assert f"  wrote {reviewed_sample / 'article.zh_TW.txt'}" in verbose.stdout.splitlines()


def test_an_empty_english_catalog_does_not_hold_back_the_traditional_edition(reviewed_sample):
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save(str(reviewed_sample / "en.po"))
    result = runner.invoke(app, ["build", str(reviewed_sample), "-q", "--allow-fuzzy"])
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("jiemian-openai-board: 83 segments; built zh_TW; not built: en (83 untranslated; first at ")
    assert (reviewed_sample / "article.zh_TW.txt").exists() and not (reviewed_sample / "article.en.txt").exists()


def test_allow_fuzzy_marks_drafts_and_fallback_fills_gaps(reviewed_sample):
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    catalog[0].flags.append("fuzzy")
    catalog[1].msgstr = ""
    catalog.save(str(reviewed_sample / "en.po"))
    result = runner.invoke(app, ["build", str(reviewed_sample), "-q", "--locale", "en", "--allow-fuzzy",
                                 "--fallback", "source"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "jiemian-openai-board: 83 segments; built en (1 unreviewed, 1 left in the source)\n"
    english = _paragraphs(reviewed_sample / "article.en.txt")
    assert english[:2] == [f"[unreviewed: {catalog[0].msgstr}]", "[untranslated: 微软的AI野望。]"]
    assert not (reviewed_sample / "article.zh_TW.txt").exists()


def test_build_runs_the_checks_itself_and_never_publishes_a_qa_error(reviewed_sample):
    """A reviewed entry with a wrong number and without the glossary's name, and no QA comment on it (no
    `check` ran after the review): the build finds both errors, names the checks, and writes nothing."""
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    entry = next(e for e in catalog if "伊利亚" in e.msgid)
    entry.msgstr = "Sentence with no name."
    priced = next(e for e in catalog if quantities(e.msgid))
    priced.msgstr = "Sentence with 77 billion and the wrong figures."
    catalog.save(str(reviewed_sample / "en.po"))
    for fuzzy in ([], ["--allow-fuzzy"]):
        result = runner.invoke(app, ["build", str(reviewed_sample), "-q", "--fallback", "source", "-v", *fuzzy])
        assert result.exit_code == 1
        gaps = result.stderr.splitlines()
        assert any("QA error [glossary-missing]: 伊利亚" in line and line.endswith("must be rendered 'Ilya Sutskever'")
                   for line in gaps), gaps
        assert any("QA error [numbers]: " in line for line in gaps)
        assert "not built: en (" in result.stdout and "with a QA error" in result.stdout
        assert [path.name for path in reviewed_sample.glob("article.*")] == ["article.zh_TW.txt"]
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    catalog.find(entry.msgid).flags.append("fuzzy")  # an unreviewed entry with an error is no better
    catalog.save(str(reviewed_sample / "en.po"))
    result = runner.invoke(app, ["build", str(reviewed_sample), "-q", "--allow-fuzzy", "-v"])
    assert result.exit_code == 1 and "[glossary-missing]" in result.stderr


def test_a_stale_qa_comment_does_not_stop_a_build_whose_entries_pass(reviewed_sample):
    catalog = polib.pofile(str(reviewed_sample / "en.po"))
    catalog[5].comment += "\nQA error: 伊利亚 must be rendered 'Ilya Sutskever' [glossary-missing]"
    catalog.save(str(reviewed_sample / "en.po"))
    assert runner.invoke(app, ["build", str(reviewed_sample), "-q"]).exit_code == 0


def test_one_broken_document_does_not_stop_the_others(reviewed_sample, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / structure.FILE_NAME).write_text('{"l10n_structure": 1,\n "blocks": [}', encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "-q"])
    assert result.exit_code == 2
    assert f"error: {broken / structure.FILE_NAME}:2: not JSON: Expecting value" in result.stderr
    assert (reviewed_sample / "article.en.txt").exists()


def test_a_folder_without_documents_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path), "-q"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path}: no document folder here (none holds document.json); "
                             "run `l10n run` first\n")


# A structured page as the Markdown and HTML readers deliver it: blocks, levels, placeholders and spans.
_BLOCKS = [
    (Part.TITLE, 0, "OpenAI董事会风波", ()),
    (Part.BODY, 0, "据<a1>界面新闻</a1>报道，<b2>奥特曼</b2>回归。他说：“<i3>很好</i3>。”",
     (Span(1, "link", "https://www.jiemian.com/article/1.html"), Span(2, "strong"), Span(3, "emphasis"))),
    (Part.HEADING, 2, "微软的<c1>Copilot</c1>", (Span(1, "code"),)),
    (Part.LIST_ITEM, 1, "第一点<x1/>", (Span(1, "image", "https://img.example/a.png"),)),
    (Part.LIST_ITEM, 2, "第二点。", ()),
    (Part.QUOTE, 0, "一切照旧<script>alert(1)</script>。", ()),
]
_ENGLISH = {
    "OpenAI董事会风波": "OpenAI board turmoil",
    "据<a1>界面新闻</a1>报道，<b2>奥特曼</b2>回归。": "According to <a1>Jiemian</a1>, <b2>Altman</b2> is back.",
    "他说：“<i3>很好</i3>。”": "He said: \"<i3>Good</i3>.\"",
    "微软的<c1>Copilot</c1>": "Microsoft's <c1>Copilot</c1>",
    "第一点<x1/>": "First point <x1/>",
    "第二点。": "Second point_ *.",
    "一切照旧<script>alert(1)</script>。": "Business as usual <script>alert(1)</script>.",
}


def _structured_folder(tmp_path, format):
    document = Document("page", f"page.{format}", "utf-8", "0" * 64,
                        tuple(Paragraph(index, part, text, index, 0, spans, level)
                              for index, (part, level, text, spans) in enumerate(_BLOCKS, start=1)),
                        format=format)
    segments = segment_document(document)
    folder = tmp_path / "page"
    write_atomic(folder / structure.FILE_NAME, structure.render(document, segments))
    catalog = polib.POFile()  # a catalog as merge writes it: no msgctxt, found by msgid
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for segment in segments:
        catalog.append(polib.POEntry(msgid=segment.source, msgstr=_ENGLISH[segment.source]))
    catalog.save(str(folder / "en.po"))
    return folder


def test_the_structure_file_reads_back_as_the_document(tmp_path):
    folder = _structured_folder(tmp_path, "markdown")
    document, segments = structure.read(folder / structure.FILE_NAME)
    assert [(p.part, p.level, p.text, p.spans) for p in document.paragraphs] == [
        (part, level, text, spans) for part, level, text, spans in _BLOCKS]
    assert document.format == "markdown"
    assert segments == segment_document(document)


def test_markdown_rebuilds_with_links_emphasis_lists_and_quotes(tmp_path):
    folder = _structured_folder(tmp_path, "markdown")
    result = build([folder], BuildOptions())
    assert result.exit_code == 0
    markdown = (folder / "article.en.md").read_text(encoding="utf-8")
    assert markdown == (
        "# OpenAI board turmoil\n\n"
        "According to [Jiemian](https://www.jiemian.com/article/1.html), **Altman** is back. "
        "He said: \"*Good*.\"\n\n"
        "## Microsoft's `Copilot`\n\n"
        "- First point ![](https://img.example/a.png)\n"
        "  - Second point\\_ \\*.\n\n"
        "> Business as usual \\<script\\>alert(1)\\</script\\>.\n")
    rendered = html.fromstring(MarkdownIt("commonmark").render(markdown))
    assert rendered.xpath("//a/@href") == ["https://www.jiemian.com/article/1.html"]
    assert rendered.xpath("//li/ul/li/text()") == ["Second point_ *."]
    assert not rendered.xpath("//script")
    assert (folder / "article.en.txt").read_text(encoding="utf-8").startswith(
        "OpenAI board turmoil\n\nAccording to Jiemian, Altman is back.")


def test_html_rebuilds_the_block_structure_and_escapes_text(tmp_path):
    folder = _structured_folder(tmp_path, "html")
    assert build([folder], BuildOptions()).exit_code == 0
    page = html.fromstring((folder / "article.en.html").read_text(encoding="utf-8"))
    assert page.get("lang") == "en"
    assert page.xpath("//title/text()") == ["OpenAI board turmoil"]
    assert page.xpath("//article/h1/text()") == ["OpenAI board turmoil"]
    link = page.xpath("//article/p/a")[0]
    assert (link.text, link.get("href")) == ("Jiemian", "https://www.jiemian.com/article/1.html")
    assert page.xpath("//p/strong/text()") == ["Altman"] and page.xpath("//p/em/text()") == ["Good"]
    assert page.xpath("//h2/code/text()") == ["Copilot"]
    assert page.xpath("//ul/li/img/@src") == ["https://img.example/a.png"]
    assert page.xpath("//ul/li/ul/li/text()") == ["Second point_ *."]
    assert page.xpath("//blockquote/p/text()") == ["Business as usual <script>alert(1)</script>."]
    assert not page.xpath("//script")


def test_a_lost_placeholder_is_a_gap_not_a_lost_link(tmp_path):
    folder = _structured_folder(tmp_path, "markdown")
    catalog = polib.pofile(str(folder / "en.po"))
    catalog[1].msgstr = "According to Jiemian, <b2>Altman</b2> is back."
    catalog.save(str(folder / "en.po"))
    result = build([folder], BuildOptions())
    assert result.exit_code == 1
    assert result.documents[0].gaps[0].reason == "QA error [placeholders]: placeholders missing: </a1> <a1>"
    assert not (folder / "article.en.md").exists()


_PAGE_BLOCKS = [
    ("# ", "<h1>", "OpenAI董事会风波结束", "OpenAI board turmoil ends"),
    ("", "<p>", "据[界面新闻](https://www.jiemian.com/article/1.html)报道，**奥特曼**已经回归公司并重新担任首席执行官。"
                "他说这是一件*好事*，董事会也将改组。", None),
    ("## ", "<h2>", "微软的收获", "What Microsoft gained"),
    ("", "<p>", "微软在这次风波中获得了董事会观察员席位，这是外界普遍认为的最大收获。", "Microsoft won a board observer seat."),
    ("- ", "<li>", "第一，微软获得了一个没有投票权的董事会观察员席位。", "First, Microsoft got a seat without a vote."),
    ("- ", "<li>", "第二，微软的股价在风波结束后上涨了百分之二。", "Second, Microsoft's shares rose two percent."),
    ("> ", "<blockquote>", "这是一次属于员工的胜利，也是一次属于投资者的胜利。", "A win for the staff and the investors."),
]
_PAGE_ENGLISH = {
    **{zh: en for _, _, zh, en in _PAGE_BLOCKS if en},
    "据<a1>界面新闻</a1>报道，<b2>奥特曼</b2>已经回归公司并重新担任首席执行官。":
        "According to <a1>Jiemian News</a1>, <b2>Sam Altman</b2> is back as chief executive.",
    "他说这是一件<i3>好事</i3>，董事会也将改组。": "He called it a <i3>good thing</i3>; the board will be reshaped.",
}


def _html_page() -> str:
    inline = (_PAGE_BLOCKS[1][2].replace("[界面新闻](https://www.jiemian.com/article/1.html)",
                                          '<a href="https://www.jiemian.com/article/1.html">界面新闻</a>')
              .replace("**奥特曼**", "<strong>奥特曼</strong>").replace("*好事*", "<em>好事</em>"))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>OpenAI董事会风波结束</title></head><body>"
            "<nav><a href='/'>首页</a> <a href='/tech'>科技</a></nav><article>"
            f"<h1>{_PAGE_BLOCKS[0][2]}</h1><p>{inline}</p><h2>{_PAGE_BLOCKS[2][2]}</h2><p>{_PAGE_BLOCKS[3][2]}</p>"
            f"<ul><li>{_PAGE_BLOCKS[4][2]}</li><li>{_PAGE_BLOCKS[5][2]}</li></ul>"
            f"<blockquote><p>{_PAGE_BLOCKS[6][2]}</p></blockquote></article></body></html>\n")


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_a_page_runs_reviews_and_rebuilds_in_its_own_format(tmp_path, suffix):
    page = tmp_path / f"page.{suffix}"
    markdown = "\n\n".join(prefix + text for prefix, _, text, _ in _PAGE_BLOCKS).replace("\n\n- 第二", "\n- 第二")
    page.write_text(markdown + "\n" if suffix == "md" else _html_page(), encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(page), "--out", str(out), "--mt", "none", "-q"]).exit_code == 0
    folder = out / "page"
    _review(folder / "en.po", lambda entry: _PAGE_ENGLISH[entry.msgid])
    _review(folder / "zh_TW.po")
    result = runner.invoke(app, ["build", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    english = (folder / f"article.en.{suffix}").read_text(encoding="utf-8")
    if suffix == "md":
        assert english == (
            "# OpenAI board turmoil ends\n\n"
            "According to [Jiemian News](https://www.jiemian.com/article/1.html), **Sam Altman** is back as chief "
            "executive. "
            "He called it a *good thing*; the board will be reshaped.\n\n"
            "## What Microsoft gained\n\nMicrosoft won a board observer seat.\n\n"
            "- First, Microsoft got a seat without a vote.\n- Second, Microsoft's shares rose two percent.\n\n"
            "> A win for the staff and the investors.\n")
        traditional = MarkdownIt("commonmark").render((folder / "article.zh_TW.md").read_text(encoding="utf-8"))
    else:
        article = html.fromstring(english)
        assert [element.tag for element in article.xpath("//article/*")] == ["h1", "p", "h2", "p", "ul", "blockquote"]
        assert article.xpath("//p/a/@href") == ["https://www.jiemian.com/article/1.html"]
        assert article.xpath("//ul/li/text()") == ["First, Microsoft got a seat without a vote.", "Second, Microsoft's shares rose two percent."]
        traditional = (folder / "article.zh_TW.html").read_text(encoding="utf-8")
    link = html.fromstring(traditional).xpath("//a")[0]
    assert (link.text, link.get("href")) == ("界面新聞", "https://www.jiemian.com/article/1.html")
    assert (folder / "article.en.txt").read_text(encoding="utf-8").startswith(
        "OpenAI board turmoil ends\n\nAccording to Jiemian News, Sam Altman is back as chief executive. He called")



@pytest.mark.parametrize("format", ["markdown", "html"])
def test_each_fallback_is_marked_visibly_in_the_article(tmp_path, format):
    folder = _structured_folder(tmp_path, format)
    catalog = polib.pofile(str(folder / "en.po"))
    catalog[1].msgstr = ""  # the sentence with a link stays Chinese, its link kept
    catalog[4].msgstr = ""
    catalog.save(str(folder / "en.po"))
    result = build([folder], BuildOptions(fallback="source"))
    assert result.exit_code == 0 and result.documents[0].locales[0].from_source == 2
    if format == "markdown":
        text = (folder / "article.en.md").read_text(encoding="utf-8")
        assert ('<mark title="untranslated" lang="zh-Hans">据[界面新闻](https://www.jiemian.com/article/1.html)报道，'
                '**奥特曼**回归。</mark>') in text
        page = html.fromstring(MarkdownIt("commonmark").render(text))
    else:
        page = html.fromstring((folder / "article.en.html").read_text(encoding="utf-8"))
        assert page.xpath("//mark[@class='untranslated']/@lang") == ["zh-Hans", "zh-Hans"]
    marked = page.xpath("//mark")
    assert [mark.text_content() for mark in marked] == ["据界面新闻报道，奥特曼回归。", "第一点"]
    assert marked[0].xpath(".//a/@href") == ["https://www.jiemian.com/article/1.html"]
    assert (folder / "article.en.txt").read_text(encoding="utf-8").splitlines()[2].startswith(
        "[untranslated: 据界面新闻报道，奥特曼回归。] He said")
