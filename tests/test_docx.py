"""Word articles (reading/readers/docx.py, writers/docx.py): a .docx made here goes through run, reviewed catalogs and
build, and comes out as a .docx with the same structure; hostile files fail alone, in one line."""
import io
import zipfile
from pathlib import Path

import docx
import polib
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from typer.testing import CliRunner

from l10n.cli import app
from l10n.reading.ingest import read_article

runner = CliRunner()
URL = "https://example.com/openai?a=1&b=2"

ENGLISH = {
    "董事会风波的始末": "The board saga from start to finish",
    "记者 张三": "Reporter Zhang San",
    "事件背景": "Background",
    "据<b1>OpenAI</b1>官方博客称，公司董事会在周五宣布了<i2>重大人事变动</i2>。":
        "According to the official <b1>OpenAI</b1> blog, the board announced <i2>major personnel changes</i2> on Friday.",
    "更多细节见<a3>公司公告</a3>。": "More details are in the <a3>company announcement</a3>.",
    "董事会成员包括多名独立董事。": "The board includes several independent directors.",
    "公司表示将在下周公布新的治理结构，投资者对此反应积极。":
        "The company said it would announce a new governance structure next week, and investors welcomed it.",
}


def _hyperlink(paragraph, url: str, text: str) -> None:
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = text
    run.append(run_text)
    element.append(run)
    paragraph._p.append(element)


def make_article(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("董事会风波的始末", style="Title")
    document.add_paragraph("记者 张三")
    document.add_heading("事件背景", level=1)
    paragraph = document.add_paragraph("据")
    paragraph.add_run("OpenAI").bold = True
    paragraph.add_run("官方博客称，公司董事会在周五宣布了")
    paragraph.add_run("重大人事变动").italic = True
    paragraph.add_run("。更多细节见")
    _hyperlink(paragraph, URL, "公司公告")
    paragraph.add_run("。")
    document.add_paragraph("董事会成员包括多名独立董事。", style="List Bullet")
    document.add_paragraph("公司表示将在下周公布新的治理结构，投资者对此反应积极。")
    document.save(path)
    return path


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """An empty glossary in the desk, so the QA checks ask for no term in the translations."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.csv").write_text("zh_Hans,en,kind\n", encoding="utf-8")
    return tmp_path


def _review(catalog_path: Path, translations: dict[str, str] | None) -> None:
    """A reviewer's pass: the given translations (None: keep the drafts), every entry reviewed."""
    catalog = polib.pofile(str(catalog_path))
    for entry in catalog:
        if translations is not None:
            entry.msgstr = translations[entry.msgid]
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    catalog.save(str(catalog_path))


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in docx.Document(str(path)).paragraphs]


def test_a_word_article_is_read_into_blocks_and_placeholders(desk):
    document = read_article(make_article(desk / "board.docx"))
    assert document.format == "docx" and document.encoding == ""
    assert [(p.part.value, p.level, p.line, p.text) for p in document.paragraphs] == [
        ("title", 0, 1, "董事会风波的始末"), ("byline", 0, 2, "记者 张三"), ("heading", 1, 3, "事件背景"),
        ("body", 0, 4, "据<b1>OpenAI</b1>官方博客称，公司董事会在周五宣布了<i2>重大人事变动</i2>。"
                       "更多细节见<a3>公司公告</a3>。"),
        ("list item", 1, 5, "董事会成员包括多名独立董事。"),
        ("body", 0, 6, "公司表示将在下周公布新的治理结构，投资者对此反应积极。")]
    assert [(span.kind, span.target) for span in document.paragraphs[3].spans] == [
        ("strong", ""), ("emphasis", ""), ("link", URL)]


def test_run_review_build_gives_word_articles_with_the_same_structure(desk):
    make_article(desk / "board.docx")
    result = runner.invoke(app, ["run", "board.docx", "--mt", "none", "-q"])
    assert result.exit_code == 0, result.output
    folder = desk / "output" / "board"
    assert polib.pofile(str(folder / "en.po")).find("更多细节见<a3>公司公告</a3>。") is not None
    _review(folder / "en.po", ENGLISH)
    _review(folder / "zh_TW.po", None)  # OpenCC's drafts, accepted as they are
    built = runner.invoke(app, ["build", "-q"])
    assert built.exit_code == 0, built.output

    english = folder / "article.en.docx"
    assert _paragraphs(english) == [
        ("Title", "The board saga from start to finish"), ("Normal", "Reporter Zhang San"),
        ("Heading 1", "Background"),
        ("Normal", "According to the official OpenAI blog, the board announced major personnel changes on Friday. "
                   "More details are in the company announcement."),
        ("List Bullet", "The board includes several independent directors."),
        ("Normal", "The company said it would announce a new governance structure next week, and investors "
                   "welcomed it.")]
    body = docx.Document(str(english)).paragraphs[3]
    assert [(run.text, run.bold, run.italic) for run in body.runs if run.bold or run.italic] == [
        ("OpenAI", True, None), ("major personnel changes", None, True)]
    [link] = body.hyperlinks
    assert (link.text, link.url) == ("company announcement", URL)
    assert docx.Document(str(english)).core_properties.language == "en"

    traditional = _paragraphs(folder / "article.zh_TW.docx")
    assert [style for style, _ in traditional] == [style for style, _ in _paragraphs(english)]
    assert traditional[3][1] == "據OpenAI官方部落格稱，公司董事會在週五宣布了重大人事變動。更多細節見公司公告。"
    assert (folder / "article.en.txt").read_text(encoding="utf-8").startswith("The board saga from start to finish\n")


def test_a_built_word_article_is_the_same_bytes_every_time(desk):
    make_article(desk / "board.docx")
    assert runner.invoke(app, ["run", "board.docx", "--mt", "none", "-q"]).exit_code == 0
    folder = desk / "output" / "board"
    _review(folder / "en.po", ENGLISH)
    assert runner.invoke(app, ["build", "-q", "-l", "en"]).exit_code == 0
    first = (folder / "article.en.docx").read_bytes()
    assert runner.invoke(app, ["build", "-q", "-l", "en"]).exit_code == 0
    assert (folder / "article.en.docx").read_bytes() == first
    assert runner.invoke(app, ["build", "-q", "-l", "zh_TW", "--allow-fuzzy"]).exit_code == 0
    marked = docx.Document(str(folder / "article.zh_TW.docx")).paragraphs[3].runs
    assert {run.font.highlight_color for run in marked} == {WD_COLOR_INDEX.YELLOW}  # unreviewed drafts
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {member.date_time for member in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def _zip(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return data.getvalue()


def test_hostile_word_files_fail_alone_with_one_line_each(desk):
    (desk / "in").mkdir()
    make_article(desk / "in" / "good.docx")
    (desk / "in" / "notzip.docx").write_bytes(b"\xd0\xcf\x11\xe0 an old .doc, or an encrypted document")
    (desk / "in" / "nodocument.docx").write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "word/x.xml": b"<x/>"}))
    good = (desk / "in" / "good.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {member.filename: archive.read(member) for member in archive.infolist()}
    bomb = {**parts, "word/document.xml": parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + b"<w:p/>" * 2_000_000)}  # 12 MB of XML, a few kB packed
    (desk / "in" / "bomb.docx").write_bytes(_zip(bomb))
    broken = {**parts, "word/document.xml": parts["word/document.xml"][:-40]}
    (desk / "in" / "broken.docx").write_bytes(_zip(broken))
    # Parts python-docx needs, missing or of the wrong kind: its own errors, each one line for that file.
    (desk / "in" / "notypes.docx").write_bytes(_zip({k: v for k, v in parts.items() if k != "[Content_Types].xml"}))
    (desk / "in" / "wrongroot.docx").write_bytes(_zip({**parts, "word/document.xml": b'<?xml version="1.0"?><x/>'}))

    result = runner.invoke(app, ["run", "in", "--mt", "none", "-q", "--max-bytes", str(4 * 1024 * 1024)])
    assert result.exit_code == 2
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error:"))
    assert errors[1].startswith("error: in/broken.docx: not a Word document we can read: a part of it is broken "
                                "XML (") and "line 2, column" in errors[1]
    assert errors[3].startswith("error: in/notypes.docx: not a Word document we can read (")
    assert errors[5].startswith("error: in/wrongroot.docx: cannot read this Word document (")
    assert errors[:1] + errors[2:3] + errors[4:5] == [
        f"error: in/bomb.docx: its parts unpack to {len(b''.join(bomb.values())):,} bytes, more than the limit of "
        "4,194,304 bytes (--max-bytes)",
        "error: in/nodocument.docx: not a Word document: the archive has no word/document.xml",
        "error: in/notzip.docx: not a Word document: not a zip archive (an old .doc, or a password-protected "
        "document, must be saved as .docx first)"]
    assert "Traceback" not in result.output
    assert (desk / "output" / "good" / "en.po").is_file()
    assert sorted(path.name for path in (desk / "output").iterdir() if not path.name.startswith(".")) == ["good"]


def test_a_word_document_of_more_paragraphs_than_a_document_may_have_fails_at_the_first_too_many(desk):
    document = docx.Document()
    for number in range(30):
        document.add_paragraph(f"第{number}段的正文内容在这里。")
    document.save(desk / "long.docx")
    result = runner.invoke(app, ["run", "long.docx", "--mt", "none", "-q", "--max-blocks", "20"])
    assert result.exit_code == 2
    assert "error: long.docx:21: more than the 20 blocks a document may have (--max-blocks)" in result.stderr


def _xml(paragraph, xml: str) -> None:
    """Raw WordprocessingML runs appended to a paragraph, as Word writes them."""
    from docx.oxml import parse_xml

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for element in parse_xml(f"<w:wrap {namespace}>{xml}</w:wrap>"):
        paragraph._p.append(element)


def test_what_word_writes_around_the_text_is_read_as_a_reader_sees_it(desk):
    document = docx.Document()
    document.add_paragraph("董事会风波的始末", style="Title")
    custom = document.styles.add_style("新闻小标题", 1)  # a desk's own style, based on Heading 2
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("第一部分的小标题", style="新闻小标题")
    tracked = document.add_paragraph("公司")
    _xml(tracked, '<w:ins w:id="1" w:author="a"><w:r><w:t>今天</w:t></w:r></w:ins>'
                  '<w:del w:id="2" w:author="a"><w:r><w:delText>昨天</w:delText></w:r></w:del>'
                  '<w:r><w:t>发布了</w:t></w:r>'
                  '<w:fldSimple w:instr=" HYPERLINK &quot;https://example.com/a&quot; "><w:r><w:t>公告</w:t></w:r>'
                  '</w:fldSimple><w:r><w:t>和</w:t></w:r>'
                  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.com/b"'
                  '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                  '<w:r><w:rPr><w:b/></w:rPr><w:t>声明</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                  '<w:r><w:t>，市场反应平稳，投资者继续观望后续的消息。</w:t></w:r>')
    numbered = document.add_paragraph("第二层的列表项目内容。")
    numbered._p.get_or_add_pPr().append(parse_numbering(level=1))
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合并单元格里的说明文字。"
    table.cell(1, 0).text = "左边单元格的内容。"
    table.cell(1, 1).text = "右边单元格的内容。"
    document.save(desk / "word.docx")
    article = read_article(desk / "word.docx")
    assert [(p.part.value, p.level, p.text) for p in article.paragraphs] == [
        ("title", 0, "董事会风波的始末"), ("heading", 2, "第一部分的小标题"),
        ("body", 0, "公司今天发布了<a1>公告</a1>和<a2><b3>声明</b3></a2>，市场反应平稳，投资者继续观望后续的消息。"),
        ("list item", 2, "第二层的列表项目内容。"),
        ("body", 0, "合并单元格里的说明文字。"), ("body", 0, "左边单元格的内容。"), ("body", 0, "右边单元格的内容。")]
    assert [span.target for span in article.paragraphs[2].spans] == ["https://example.com/a", "https://example.com/b",
                                                                     ""]


def parse_numbering(level: int):
    from docx.oxml import parse_xml

    return parse_xml('<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                     f'<w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>')


def test_chinese_in_a_word_article_is_marked_as_its_language_for_word_s_fonts_and_proofing():
    from l10n.model import Part
    from l10n.writers import WRITERS
    from l10n.writers.article import FALLBACK_CLOSE, FALLBACK_OPEN, Article, Block, parse

    def languages(locale: str, tag: str) -> tuple[str, list[tuple[str, str]]]:
        text = f"Seen {FALLBACK_OPEN}原文{FALLBACK_CLOSE} here."
        data = WRITERS["docx"].render(Article("a", locale, tag, (Block(Part.BODY, 0, parse(text, ())),)))
        document = docx.Document(io.BytesIO(data))
        defaults = document.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        runs = [(run.text, run._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")))
                for run in document.paragraphs[0].runs if run._r.rPr is not None and run._r.rPr.find(qn("w:lang"))
                is not None]
        return defaults.find(qn("w:lang")).get(qn("w:eastAsia")), runs

    assert languages("zh_TW", "zh-Hant-TW") == ("zh-TW", [("原文", "zh-CN")])
    assert languages("zh_HK", "zh-Hant-HK")[0] == "zh-HK"
    assert languages("en", "en") == ("en-US", [("原文", "zh-CN")])  # the template's English; the source marked


def test_a_subtitle_is_read_as_the_subtitle_block_the_other_readers_give(desk):
    """Word's Subtitle (or a desk's style based on it) is the standfirst, Part.SUBTITLE as cleaning marks a
    page's, not body text."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_paragraph("董事会风波的始末", style="Title")
    document.add_paragraph("一场持续五天的权力斗争", style="Subtitle")
    standfirst = document.styles.add_style("新闻副题", WD_STYLE_TYPE.PARAGRAPH)
    standfirst.base_style = document.styles["Subtitle"]
    document.add_paragraph("投资者松了一口气", style="新闻副题")
    document.add_paragraph("公司表示将在下周公布新的治理结构，投资者对此反应积极。")
    document.save(desk / "standfirst.docx")
    read = read_article(desk / "standfirst.docx")
    assert [(p.part.value, p.text) for p in read.paragraphs] == [
        ("title", "董事会风波的始末"), ("subtitle", "一场持续五天的权力斗争"), ("subtitle", "投资者松了一口气"),
        ("body", "公司表示将在下周公布新的治理结构，投资者对此反应积极。")]
