"""Fuzzing the readers of untrusted files: articles (HTML, Markdown, text, Word), review catalogs (.po) and
translation memories (TMX, as `l10n import tmx` reads them). Whatever the input, the only way out is a result
or our own error (L10nError, one line naming the file); a traceback of any other kind is a failure.

Inputs are made of the pieces each format is built from (tags, entities, front matter, list markers,
placeholder look-alikes, msgid lines, charsets, TMX elements …) mixed with random text and bytes, so the
parsers get past their first line. Each target is an input strategy and the reading it must survive
(TARGETS); in the suite each tries 150 cases, the same every run (derandomized). A longer, random run, as
long as wanted, with a report of cases and time per target: `python benchmarks/fuzz_readers.py --cases 100000`.
"""
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.plumbing.errors import L10nError
from l10n.reading.ingest import parse_article, read_article
from l10n.translate.memory import import_tmx
from l10n.catalog.po import read_catalog
from l10n.reading.segment import segment_document

SUITE = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                 suppress_health_check=list(HealthCheck))
_FOLDER = Path(tempfile.mkdtemp(prefix="l10n-fuzz-"))  # one file per format, rewritten by every case

_CHINESE = ["微软宣布新的人工智能计划", "，", "。", "！", "？", "；", "、", "：", "“", "”", "《", "》", "（", "）",
            "「", "」", "【", "】", "……", "...", ".", "?", "!", ";", "OpenAI", " ", "　", "\t", "根", "据"]
_LOOKALIKES = ["<b7>", "</b7>", "<x1/>", "<a1>", "</a1>", "<f0>", "</f0>", "<i12>", "\u2060", "\ufeff", "\u200b"]
_ODD = ["\x00", "\x0b", "\r", "\r\n", "\ud7ff", "\U0001f600", "\u0085", "\u2028", "\x1b", "\\", '"', "'", "&", "<",
        ">"]


def _made_of(pieces: list[str], size: int = 60) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=6))
    return st.lists(piece, max_size=size).map("".join)


def _nested(opening: str, closing: str, inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.integers(0, 400), inner).map(lambda pair: opening * pair[0] + pair[1] + closing * pair[0])


_HTML_PIECES = [
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>标题</title>", "<meta charset=\"gbk\">",
    "<meta property=\"og:title\" content=\"标\n题\">", "<link rel=\"canonical\" href=\"http://a/\nb\">", "<p>", "</p>",
    "<div class=\"share\">", "<div id=\"article\">", "</div>", "<nav>", "</nav>", "<footer>", "<aside>", "<br>",
    "<b>", "</b>", "<strong>", "<i>", "<em>", "</em>", "<code>", "<a href=\"http://a/\">", "<a href=\"javascript:x\">",
    "</a>", "<img src=\"a.png\">", "<img>", "<ul>", "<li>", "</ul>", "<table><tr><td>", "</td></tr></table>",
    "<h1>", "</h1>", "<h2>", "<script>var a='<p>';</script>", "<style>p{}</style>", "<!-- c -->", "<![CDATA[x]]>",
    "&lt;b7&gt;", "&lt;/a1&gt;", "&lt;x1/&gt;", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#x10FFFF;", "&bogus;",
    "<span class=\"quote\">", "</span>", "<blockquote>", "<figure><figcaption>图</figcaption></figure>", "<",
    "</html><p>后</p>",
]
_MARKDOWN_PIECES = [
    "---\n", "title: 标题\n", "date: 2024-02-30\n", "date: 2024-02-28 10:00:00+08:00\n", "url: [\n", "a: &a x\n",
    "b: *a\n", "c: !!int x\n", "d: !!binary x\n", "? [a]\n", "...\n", "- ", "* ", "1. ", "> ", "# ", "## ", "```\n",
    "~~~", "    ", "\n", "\n\n", "\\<b7\\>", "[链接](http://a/)", "[链接](<javascript:x>)", "![图](i.png)",
    "[a]: http://ref/\n", "[a]", "**", "__", "*", "_", "`", "<div>", "</div>", "<p>段</p>", "<script>", "|", "---|---\n",
    "<!--", "-->", "&lt;", "&#0;", "http://x.y/z", "https:/", "/x", "  \n", "\\\n", "=====\n",
]
_TEXT_PIECES = ["\n", "\n\n", "这是一行很长很长的文字用来测试折行宽度是否一致的情况", "短行。", "<b7>", "...", "……"]


@st.composite
def _markdown(draw) -> str:
    front = draw(st.one_of(st.just(""), _made_of(_MARKDOWN_PIECES[:12], 12).map(lambda text: f"---\n{text}\n---\n")))
    nesting = draw(_nested("> ", "", st.just("")))
    return front + nesting + draw(_made_of(_MARKDOWN_PIECES + _CHINESE + _LOOKALIKES + _ODD))


_ARTICLES = {
    "html": st.one_of(_made_of(_HTML_PIECES + _CHINESE + _LOOKALIKES + _ODD, 80),
                      _nested("<div><b>", "</b></div>", _made_of(_HTML_PIECES + _CHINESE, 10))),
    "markdown": _markdown(),
    "text": st.one_of(_made_of(_TEXT_PIECES + _CHINESE + _LOOKALIKES + _ODD, 80),
                      _nested("（“", "”）", _made_of(_CHINESE, 10))),
}
_EXTENSIONS = {"html": ".html", "markdown": ".md", "text": ".txt"}


def _article_survives(text: str, page_format: str) -> None:
    try:
        segment_document(parse_article(text, Path(f"a{_EXTENSIONS[page_format]}")))
    except L10nError:
        pass


_ENCODINGS = ["utf-8", "gb18030", "big5", "utf-16", "latin-1", "shift_jis"]


def _files(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Random bytes, or a made-up text in one of the encodings files come in (a few bytes more at the end)."""
    encoded = st.tuples(texts, st.sampled_from(_ENCODINGS), st.binary(max_size=4)).map(
        lambda made: made[0].encode(made[1], errors="replace") + made[2])
    return st.one_of(st.binary(max_size=300), encoded)


def _read_survives(read, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        read(path)
    except L10nError:
        pass


_PO_PIECES = [
    'msgid ""\n', 'msgstr ""\n', '"Content-Type: text/plain; charset=UTF-8\\n"\n',
    '"Content-Type: text/plain; charset=GB18030\\n"\n', '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
    '"Content-Type: text/plain; charset=bogus\\n"\n', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',
    'msgctxt "上下文"\n', 'msgid "微软宣布。"\n', 'msgid "<a1>OpenAI</a1>"\n', 'msgstr "Microsoft."\n',
    'msgstr "<b7>"\n', 'msgid_plural "s"\n', 'msgstr[0] "a"\n', 'msgstr[1] "b"\n', 'msgstr[9] "c"\n', "#, fuzzy\n",
    "#, python-format\n", "#. note\n", "#: a.md:3\n", '#| msgid "old"\n', '#~ msgid "gone"\n', '#~ msgstr "x"\n',
    '"continued"\n', '"\\n"\n', '"\\t\\"\\\\"\n', '"\\x41"\n', '"\\', '"unterminated\n', "msgid\n", 'msgstr "\x0b"\n',
    "\n", "\r\n", "# comment\n",
]




_TMX_PIECES = [
    '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="GB18030"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<!DOCTYPE tmx [<!ENTITY e "实体">]>', "&e;", '<tmx version="1.4">',
    "</tmx>", '<header srclang="zh-CN" segtype="sentence"/>', '<header srclang="*all*"/>', "<body>", "</body>",
    '<tu tuid="1">', '<tu srclang="zh">', "</tu>", '<tuv xml:lang="zh-CN">', '<tuv lang="en">',
    '<tuv xml:lang="zh-TW">', '<tuv xml:lang="">', "</tuv>", "<seg>", "</seg>", '<bpt i="1">&lt;a1&gt;</bpt>',
    '<ept i="1">&lt;/a1&gt;</ept>', '<ph>&lt;x2/&gt;</ph>', "<hi>", "</hi>", "<sub>", "</sub>", "&lt;b7&gt;", "&amp;",
    "&#0;", "&#x0B;", "<!-- c -->", "<?pi x?>", "<![CDATA[<b7>]]>", "<", ">",
]


# Word: a zip of the parts python-docx needs, the document and the styles made of WordprocessingML pieces.
_W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
    'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.styles+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:x" '
    'TargetMode="External"/></Relationships>',
}
_DOCX_RUNS = [
    "<w:r><w:t>微软宣布新的人工智能计划。</w:t></w:r>", '<w:r><w:t xml:space="preserve"> OpenAI </w:t></w:r>',
    "<w:r><w:rPr><w:b/></w:rPr><w:t>粗体</w:t></w:r>", '<w:r><w:rPr><w:i w:val="0"/><w:b w:val="x"/></w:rPr>'
    "<w:t>斜</w:t></w:r>", '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>强</w:t></w:r>',
    '<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>', '<w:hyperlink r:id="rId404"><w:r><w:t>'
    "断</w:t></w:r></w:hyperlink>", '<w:hyperlink w:anchor="x"><w:r><w:t>书签</w:t></w:r></w:hyperlink>',
    '<w:fldSimple w:instr=" HYPERLINK &quot;https://a/&quot; "><w:r><w:t>公告</w:t></w:r></w:fldSimple>',
    '<w:fldSimple w:instr="HYPERLINK"><w:r><w:t>空</w:t></w:r></w:fldSimple>',
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText> HYPERLINK "http://a/b" </w:instrText></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>", "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>",
    "<w:r><w:br/><w:tab/><w:t>&lt;b7&gt;&amp;</w:t></w:r>", "<w:r><w:drawing/><w:pict/></w:r>",
    "<w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>", "<w:r><w:t>\u200b\ufeff</w:t></w:r>",
    "<w:r><w:t>&lt;b7&gt;&lt;/a1&gt;</w:t></w:r>", "<w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag>",
]
_DOCX_STYLES = ["Title", "Subtitle", "Heading1", "Heading9", "Quote", "Caption", "ListBullet", "Loop", "Missing", ""]
_DOCX_PROPERTIES = ["", '<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>', "<w:numPr><w:ilvl/></w:numPr>",
                    '<w:numPr><w:ilvl w:val="-1"/></w:numPr>']


@st.composite
def _docx_paragraph(draw) -> str:
    style = draw(st.sampled_from(_DOCX_STYLES))
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + draw(st.sampled_from(_DOCX_PROPERTIES))
    runs = "".join(draw(st.lists(st.sampled_from(_DOCX_RUNS), max_size=8)))
    paragraph = f"<w:p><w:pPr>{properties}</w:pPr>{runs}</w:p>"
    if draw(st.booleans()):
        return paragraph
    span = draw(st.sampled_from(["", '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>', '<w:tcPr><w:vMerge/></w:tcPr>']))
    return f"<w:tbl><w:tr><w:tc>{span}{paragraph}</w:tc><w:tc>{paragraph}</w:tc></w:tr></w:tbl>"


def _docx_style(style_id: str, based_on: str, name: str) -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "") + "</w:style>")


_DOCX_STYLE_SHEETS = [
    "".join(_docx_style(style_id, "", name) for style_id, name in (
        ("Title", "Title"), ("Subtitle", "Subtitle"), ("Heading1", "heading 1"), ("Heading9", "heading 9"),
        ("Quote", "Quote"), ("Caption", "caption"), ("ListBullet", "List Bullet"))),
    _docx_style("Loop", "Loop2", "新闻") + _docx_style("Loop2", "Loop", "新闻二"),  # based on each other
    _docx_style("Subtitle", "Heading1", "") + _docx_style("Heading1", "Missing", "heading 10"),
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>',
]


@st.composite
def _docx(draw) -> bytes:
    """A Word file: its parts, the document's paragraphs (or any text in their place), style sheets."""
    if draw(st.booleans()):
        body = "".join(draw(st.lists(_docx_paragraph(), max_size=6)))
    else:
        body = draw(_made_of(_DOCX_RUNS + ["<w:p>", "</w:p>", "<w:pPr>", "<w:tbl>", "<w:tc>"] + _CHINESE + _ODD, 20))
    parts = dict(_DOCX_PARTS)
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}'
                                  "</w:body></w:document>")
    sheets = draw(st.lists(st.sampled_from(_DOCX_STYLE_SHEETS), max_size=3))
    parts["word/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>{"".join(sheets)}</w:styles>'
    if draw(st.integers(0, 9)) == 9:  # now and then a part missing
        del parts[draw(st.sampled_from(sorted(parts)))]
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8", errors="replace"))
    whole = data.getvalue()
    return whole[:draw(st.integers(0, len(whole)))] if draw(st.integers(0, 9)) == 9 else whole  # or cut short


def _article_text_survives(page_format: str):
    return lambda text: _article_survives(text, page_format)


def _article_file_survives(page_format: str):
    """From the file: charset detection and decoding first, then the reader."""
    path = _FOLDER / f"bytes{_EXTENSIONS[page_format]}"
    return lambda data: _read_survives(lambda file: segment_document(read_article(file)), path, data)


def _tmx_survives(data: bytes) -> None:
    _read_survives(lambda file: import_tmx(file, _FOLDER / "memory.sqlite3"), _FOLDER / "memory.tmx", data)


# name → (inputs, what must take any of them and end in a result or an L10nError)
TARGETS = {
    **{f"{page_format} text": (_ARTICLES[page_format], _article_text_survives(page_format))
       for page_format in _ARTICLES},
    **{f"{page_format} file": (_files(_ARTICLES[page_format]), _article_file_survives(page_format))
       for page_format in _ARTICLES},
    "po file": (_files(_made_of(_PO_PIECES + _CHINESE + _LOOKALIKES + _ODD, 40)),
                lambda data: _read_survives(read_catalog, _FOLDER / "zh_TW.po", data)),
    "tmx file": (_files(_made_of(_TMX_PIECES + _CHINESE + _LOOKALIKES + _ODD, 50)), _tmx_survives),
    "docx file": (st.one_of(_docx(), st.binary(max_size=300)),
                  lambda data: _read_survives(lambda file: segment_document(read_article(file)), _FOLDER / "a.docx",
                                              data)),
}


@pytest.mark.parametrize("name", list(TARGETS))
def test_reading_any_input_ends_in_a_result_or_our_error(name):
    inputs, survives = TARGETS[name]
    SUITE(given(inputs)(survives))()
