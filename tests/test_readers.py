from pathlib import Path

import pytest

from l10n.text import placeholders
from l10n.plumbing.errors import InputError, UsageError
from l10n.reading.ingest import parse_article, read_article
from l10n.model import Part
from l10n.reading.readers import detect_format, sniff
from l10n.reading.readers.charset import decode

ARTICLE = "小米公司今天在北京发布了新手机，售价为3999元，网友纷纷表示价格合理。分析人士认为，这款手机将与苹果竞争。"

MARKDOWN_PAGE = """---
title: 小米发布新手机 | 科技日报
url: https://example.com/news/1
date: 2024-05-01
author: 张三
fetch_date: 2024-05-02T10:00:00
---

# 小米发布新手机 | 科技日报

* [首页](https://example.com/)
* [科技](https://example.com/tech)
* [财经](https://example.com/money)

![cover](https://example.com/cover.jpg)

小米公司今天在北京发布了新手机，[OpenAI](https://openai.com)也**表示**关注，售价为`3999`元，网友纷纷表示价格合理。

## 市场反应

分析人士认为，这款手机将与苹果竞争，
市场份额有望提升。

> 我们对这款手机很有信心，它会改变市场格局。

相关阅读

* [苹果发布新款iPhone](https://example.com/2)
* [华为推出折叠屏手机](https://example.com/3)

Copyright © 2024 example.com 京ICP备12345678号
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>小米发布新手机_科技日报</title>
<meta property="og:title" content="小米发布新手机">
<meta property="og:url" content="https://example.com/news/1">
<meta property="article:published_time" content="2024-05-01T08:00:00+08:00">
<meta name="author" content="张三">
<meta property="og:site_name" content="科技日报">
<script>var a = "不是正文。";</script>
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/tech">科技</a> <a href="/money">财经</a></div>
<div class="main">
<h1>小米发布新手机</h1>
<div class="article">
<p>小米公司今天在北京发布了新手机，<a href="https://openai.com">OpenAI</a>也<b>表示</b>关注，售价为3999元，网友纷纷表示价格合理。</p>
<p>分析人士认为，这款手机将与苹果竞争，市场份额有望提升。<br>第二段在换行之后，也是正文的一部分，内容很长。</p>
<p><img src="/phone.jpg"></p>
</div>
</div>
<div class="sidebar related"><h3>相关阅读</h3><ul>
<li><a href="/2">苹果发布新款iPhone，售价创新高</a></li><li><a href="/3">华为推出折叠屏手机</a></li></ul></div>
<div class="footer"><p>Copyright © 2024 example.com 京ICP备12345678号</p></div>
</body></html>
"""


def test_format_is_chosen_by_option_then_extension_then_content():
    assert detect_format(Path("a.html"), "") == "html"
    assert detect_format(Path("a.HTM"), "") == "html"
    assert detect_format(Path("a.md"), "") == "markdown"
    assert detect_format(Path("a.txt"), "<html>") == "text"
    assert detect_format(Path("a.md"), "", "text") == "text"
    assert detect_format(Path("page"), HTML_PAGE) == "html"
    assert detect_format(Path("page"), MARKDOWN_PAGE) == "markdown"
    assert detect_format(Path("page"), ARTICLE) == "text"
    assert sniff("<!-- saved from url -->\n<head><title>x</title>") == "html"


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown input format 'pdf'"):
        detect_format(Path("a.txt"), "", "pdf")


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_encodings_decode_to_the_same_text(encoding, expected):
    text = f"标题\n\n{ARTICLE * 4}\n"
    if encoding == "gb18030":
        text += "𠀀字只在GB18030里。\n"  # outside GBK: needs the four-byte form
    decoded, name = decode(text.encode(encoding), Path("a.txt"))
    assert decoded == text
    assert name == expected


def test_big5_is_refused_as_traditional_chinese():
    traditional = "美國最高法院裁定支持禁令，周受資回應；這是支持第一修正案和反對武斷審查制度的堅定立場。" * 4
    with pytest.raises(InputError, match="Big5 text is Traditional Chinese.*t2s"):
        decode(traditional.encode("big5"), Path("a.txt"))


def test_japanese_shift_jis_is_refused_naming_the_encoding():
    japanese = "日本語のテキストです。東京は晴れです。明日は雨が降るでしょう。" * 6
    with pytest.raises(InputError, match="not a Chinese encoding"):
        decode(japanese.encode("shift_jis"), Path("a.txt"))


def test_html_declaring_gb2312_but_saved_as_utf8_is_read_as_utf8(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("utf-8"))
    document = read_article(path)
    assert document.encoding == "utf-8"
    assert document.paragraphs[0].text == "小米发布新手机"


def test_html_in_gbk_is_read_by_its_declaration(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="gbk"').replace("©", "").encode("gbk"))
    document = read_article(path)
    assert document.encoding == "gb18030"
    assert "小米公司今天在北京发布了新手机" in document.paragraphs[1].text


def test_markdown_front_matter_becomes_metadata_and_navigation_goes():
    document = parse_article(MARKDOWN_PAGE, Path("news.md"))
    assert document.format == "markdown"
    metadata = dict(document.metadata)
    assert metadata == {"title": "小米发布新手机 | 科技日报", "url": "https://example.com/news/1",
                        "date": "2024-05-01", "author": "张三"}
    texts = [placeholders.strip(p.text) for p in document.paragraphs]
    assert texts == [
        "小米发布新手机 | 科技日报",
        "小米公司今天在北京发布了新手机，OpenAI也表示关注，售价为3999元，网友纷纷表示价格合理。",
        "市场反应",
        "分析人士认为，这款手机将与苹果竞争，市场份额有望提升。",
        "我们对这款手机很有信心，它会改变市场格局。",
    ]
    assert [p.part for p in document.paragraphs] == [Part.TITLE, Part.BODY, Part.HEADING, Part.BODY, Part.QUOTE]
    assert [(p.line, p.end_line) for p in document.paragraphs] == [(9, 0), (17, 0), (19, 0), (21, 22), (24, 0)]
    removed = {r.text: r.reason for r in document.removed}
    assert removed["首页"] == "navigation" and removed["科技"] == "list of links"
    assert removed["苹果发布新款iPhone"] == "related-articles list"
    assert removed["Copyright © 2024 example.com 京ICP备12345678号"] == "rights notice"
    for paragraph in document.paragraphs:
        for syntax in ("](", "**", "`", "title:", "---", "!["):
            assert syntax not in paragraph.text


def test_markdown_inline_markup_becomes_numbered_placeholders_with_spans():
    document = parse_article(MARKDOWN_PAGE, Path("news.md"))
    paragraph = document.paragraphs[1]
    assert paragraph.text == ("小米公司今天在北京发布了新手机，<a1>OpenAI</a1>也<b2>表示</b2>关注，售价为<c3>3999</c3>元，"
                              "网友纷纷表示价格合理。")
    assert [(s.number, s.kind, s.target) for s in paragraph.spans] == [
        (1, "link", "https://openai.com"), (2, "strong", ""), (3, "code", "")]


def test_invalid_front_matter_is_read_as_text_with_a_warning_naming_its_line():
    document = parse_article("---\ntitle: a\nurl: [broken\n---\n\n正文。", Path("bad.md"))
    [warning] = document.warnings
    assert warning.startswith("bad.md:3: front matter is not valid YAML") and warning.endswith("; read as text")
    assert document.metadata == ()
    assert [paragraph.text for paragraph in document.paragraphs] == ["title: a url: [broken", "正文。"]


def test_html_keeps_the_article_element_and_reads_its_metadata():
    document = parse_article(HTML_PAGE, Path("news.html"))
    assert document.format == "html"
    assert dict(document.metadata) == {"title": "小米发布新手机", "url": "https://example.com/news/1",
                                       "date": "2024-05-01T08:00:00+08:00", "author": "张三", "site": "科技日报"}
    assert [placeholders.strip(p.text) for p in document.paragraphs] == [
        "小米发布新手机",
        "小米公司今天在北京发布了新手机，OpenAI也表示关注，售价为3999元，网友纷纷表示价格合理。",
        "分析人士认为，这款手机将与苹果竞争，市场份额有望提升。",
        "第二段在换行之后，也是正文的一部分，内容很长。",
    ]
    assert document.paragraphs[0].part is Part.TITLE
    assert document.paragraphs[1].text.count("<a1>OpenAI</a1>") == 1
    assert document.paragraphs[1].spans[0].target == "https://openai.com"
    lines = HTML_PAGE.split("\n")
    for paragraph in document.paragraphs:  # lxml's source line of the element holding the text
        assert placeholders.strip(paragraph.text)[:6] in lines[paragraph.line - 1]
    reasons = {r.text: r.reason for r in document.removed}
    assert reasons["苹果发布新款iPhone，售价创新高"] == "sidebar"
    assert reasons["首页 科技 财经"] == "navigation"
    assert reasons["Copyright © 2024 example.com 京ICP备12345678号"] == "page footer"
    assert all("不是正文" not in r.text for r in document.removed)  # scripts are not text at all


def test_hard_wrapped_text_is_joined_into_paragraphs():
    wrapped = ("全球瞩目的人工智能公司董事会风波终于落下帷幕，创始\n"
               "人重新回到公司担任首席执行官，董事会也完成了改组，\n"
               "外界普遍认为这是一次各方妥协的结果，但事情远没有结\n"
               "束。\n"
               "\n"
               "自上周五至今，不到七天的时间，这场风波的剧情反转\n"
               "了好几次，员工联名信、投资人施压、微软表态接连出\n"
               "现，让所有人都目不暇接。\n")
    document = parse_article(wrapped, Path("wrapped.txt"))
    assert [p.text for p in document.paragraphs] == [
        "全球瞩目的人工智能公司董事会风波终于落下帷幕，创始人重新回到公司担任首席执行官，董事会也完成了改组，"
        "外界普遍认为这是一次各方妥协的结果，但事情远没有结束。",
        "自上周五至今，不到七天的时间，这场风波的剧情反转了好几次，员工联名信、投资人施压、微软表态接连出现，"
        "让所有人都目不暇接。",
    ]
    assert [(p.line, p.end_line) for p in document.paragraphs] == [(1, 4), (6, 8)]


def test_broken_words_invisible_characters_and_lone_punctuation_are_mended():
    text = "标题\n\n正文第一段说了很多事情，内容很长很长很长。\n根\n据调查，\ufeff这件事情\u200b影响很大\n，\n大家都很关心。\n\n\ufeff\n"
    document = parse_article(text, Path("odd.txt"))
    assert [p.text for p in document.paragraphs] == [
        "标题", "正文第一段说了很多事情，内容很长很长很长。", "根据调查，这件事情影响很大，大家都很关心。"]


def test_a_live_stock_quote_inside_a_sentence_is_not_text():
    page = ('<html><body><p><span id="usstock_BLK"><a href="/q/BLK">贝莱德</a></span>'
            '<span id="quote_BLK">(<font>431.2</font>, <font>1.74%</font>)</span>固定收益业务全球首席投资官表示，'
            '债券市场没有泡沫。</p></body></html>')
    document = parse_article(page, Path("quote.html"))
    assert placeholders.strip(document.paragraphs[0].text) == "贝莱德固定收益业务全球首席投资官表示，债券市场没有泡沫。"


def test_raw_html_inside_markdown_is_read_as_html_at_its_lines():
    page = ("# 小米发布新手机\n\n" + ARTICLE + "\n\n"
            "<p>分析人士认为，这款手机将与<a href=\"https://apple.com\">苹果</a>竞争，市场份额有望提升。</p>\n\n"
            "<div class=\"footer\">\n<p>京ICP备12345678号</p>\n</div>\n\n```\ncode = 1\n```\n")
    document = parse_article(page, Path("clip.md"))
    assert [(p.line, p.text) for p in document.paragraphs] == [
        (1, "小米发布新手机"), (3, ARTICLE), (5, "分析人士认为，这款手机将与<a1>苹果</a1>竞争，市场份额有望提升。")]
    assert document.paragraphs[2].spans[0].target == "https://apple.com"
    assert {(r.line, r.reason) for r in document.removed} == {(8, "page footer"), (11, "code block")}


@pytest.mark.parametrize("traditional", ["北京時間昨日，公司發布新產品。\n", "記者報導：該公司表示將繼續擴大投資。\n"])
def test_a_short_big5_file_is_refused_not_read_as_gbk_mojibake(traditional):
    # under the statistical guess's threshold, Big5 bytes also decode as GB18030, into nonsense
    with pytest.raises(InputError, match="Big5 text is Traditional Chinese"):
        decode(traditional.encode("big5"), Path("a.txt"))


@pytest.mark.parametrize("simplified", ["北京时间昨日，公司发布新产品。\n", "朱镕基说：“好！”\n", "标题\n"])
def test_a_short_gbk_file_is_still_read(simplified):
    assert decode(simplified.encode("gbk"), Path("a.txt")) == (simplified, "gb18030")


def test_an_html_code_listing_is_one_code_block_like_markdown_code():
    # a blog's listings in <pre>: before, every code line was a block without prose, and their cost sank the
    # article's container
    listing = "<pre><code>" + "import json\nimport redis\n\ndef parse():\n    data = client.lpop('test')\n" * 8 + "</code></pre>"
    paragraphs = "".join(f"<p>第{n}段：我们先看一个简单的例子，它说明了延迟调用的用法和注意事项。</p>{listing}" for n in range(8))
    page = f"<html><body><div class='nav'><a href='/'>首页</a></div><div id='content'>{paragraphs}</div></body></html>"
    document = parse_article(page, Path("blog.html"))
    assert [placeholders.strip(p.text)[:3] for p in document.paragraphs] == [f"第{n}段" for n in range(8)]
    code = [r for r in document.removed if r.reason == "code block"]
    assert len(code) == 8 and code[0].text.startswith("import json import redis def parse():")


def test_preformatted_chinese_prose_is_text_not_code():
    page = ("<html><body><pre>床前明月光，疑是地上霜。\n举头望明月，低头思故乡。</pre>"
            "<p>这首诗写于唐代，表达了诗人对故乡的思念之情，流传至今。</p></body></html>")
    document = parse_article(page, Path("poem.html"))
    assert document.paragraphs[0].text == "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
    assert not document.removed


CLIPPED = MARKDOWN_PAGE.split("---\n\n", 1)[1]  # the same page without its front matter


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("clip.txt", MARKDOWN_PAGE, ("markdown", "its front matter")),
    ("clip.txt", CLIPPED, ("markdown", "its links, headings and lists")),
    ("clip.txt", "正文[甲](https://a.cn/1)，[乙](https://a.cn/2)和[丙](https://a.cn/3)。\n", ("markdown", "its links")),
    ("clip.txt", "# 标题\n\n## 一\n\n- 甲\n- 乙\n- 丙\n\n正文。\n", ("markdown", "its headings and lists")),
    ("article.txt", ARTICLE, ("text", "its extension .txt (no Markdown signs)")),
    ("article.txt", "# 一个井号开头的行\n\n1. 第一\n2. 第二\n正文。\n", ("text", "its extension .txt (no Markdown signs)")),
    ("page.md", ARTICLE, ("markdown", "its extension .md")),
    ("page", HTML_PAGE, ("html", "its opening tag")),
    ("a.txt", "<html><body>x</body></html>", ("text", "its extension .txt (no Markdown signs)")),
])
def test_text_files_are_sniffed_for_markdown_and_say_why(name, text, expected):
    from l10n.reading.readers import detect

    detected = detect(Path(name), text)
    assert (detected.format, detected.reason) == expected


def test_a_markdown_page_saved_as_txt_is_read_as_the_md_one(tmp_path):
    from l10n.reading.ingest import read_article

    for suffix in ("md", "txt"):
        (tmp_path / f"clip.{suffix}").write_text(MARKDOWN_PAGE, encoding="utf-8")
    as_md, as_txt = read_article(tmp_path / "clip.md"), read_article(tmp_path / "clip.txt")
    assert as_txt.paragraphs == as_md.paragraphs and as_txt.format == "markdown"
    assert as_txt.format_reason == "its front matter"


def test_html_list_items_keep_their_nesting_level_as_in_markdown():
    # the HTML reader gave every item level 0, so a nested list came out flat in the built article
    from l10n.reading.readers import html, markdown

    html_page = html.read("<ul><li>一级条目<ul><li>二级条目</li></ul></li><li>又一个条目</li></ul>"
                          "<blockquote>一段引文</blockquote><ol><li><blockquote>列表里的引文</blockquote></li></ol>",
                          Path("page.html"), fragment=True, max_blocks=100)
    markdown_page = markdown.read("- 一级条目\n  - 二级条目\n- 又一个条目\n\n> 一段引文\n\n1. > 列表里的引文\n",
                                  Path("page.md"), max_blocks=100)
    levels = [(block.part, block.level, block.text) for block in html_page.blocks]
    assert levels == [(block.part, block.level, block.text) for block in markdown_page.blocks]
    assert [level for _, level, _ in levels] == [1, 2, 1, 0, 1]
