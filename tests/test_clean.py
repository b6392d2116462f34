from pathlib import Path

import pytest

from l10n.reading.clean import block_reason, clean
from l10n.reading.ingest import parse_article
from l10n.model import Part
from l10n.reading.readers.base import PageBlock, Page

BODY = "公司今天在北京发布了年度报告，收入增长了百分之二十，利润也创下新高，董事会表示将继续加大研发投入。"
BODY_2 = "分析人士认为，这家公司的增长主要来自海外市场，但国内竞争加剧，未来几年的压力不会小，需要持续观察。"


def _page(*texts: str, fmt: str = "text") -> Page:
    return Page(fmt, [PageBlock(Part.BODY, text, number) for number, text in enumerate(texts, start=1)])


@pytest.mark.parametrize("text, reason", [
    ("预览时标签不可点", "WeChat account chrome"),
    ("微信扫一扫关注该公众号", "WeChat account chrome"),
    ("继续滑动看下一个", "WeChat account chrome"),
    ("，轻点两下取消赞", "WeChat account chrome"),
    ("在看", "WeChat account chrome"),
    ("阅读原文", "navigation"),
    ("京ICP备15039648号-15 北京市公安局海淀分局备案号", "site footer (ICP licence)"),
    ("Copyright © 2025 WWW.EXAMPLE.COM All Rights Reserved", "rights notice"),
    ("推荐阅读", "related-articles list"),
    ("分享到：", "share widget"),
    ("https://finance.example.com/2024-05-10/102194776.html", "bare link"),
    ("，。", "no text (punctuation or markup only)"),
    ("返回搜狐，查看更多", "navigation"),
    ("回到首页阅读更多", "navigation"),
    ("2024-08-29 15:11:58", "date line"),
    ("所属地 上海", "page template field"),
    ("征订热线：010-82341063", "contact details"),
    ("原文链接：", "navigation"),
    ("《 人民日报 》（ 2024年05月10日 01 版）", "edition line"),
    ("*本文内容收集自全球范围内的媒体与刊物，制作者对其完整性负责。", "disclaimer"),
    ("前情回顾·网络安全事故赔偿", "related-articles list"),
    ("+1", "counter or control"),
    ("作者maomaobear，为百略网旗下原创专栏作者。", "author box"),
])
def test_chrome_blocks_are_named(text, reason):
    assert block_reason(PageBlock(Part.BODY, text, 1)) == reason


def test_long_prose_that_mentions_chrome_words_is_article():
    assert block_reason(PageBlock(Part.BODY, "他在微信上说" + BODY, 1)) is None


def test_a_signature_line_repeated_in_the_body_is_kept_twice():
    page = _page("致股东的信", BODY, "主席 乔治·华盛顿", BODY_2, "主席 乔治·华盛顿")
    texts = [p.text for p in clean(page).paragraphs]
    assert texts.count("主席 乔治·华盛顿") == 2


def test_a_repeated_line_before_the_article_goes_with_the_chrome_around_it():
    page = _page("首页", "公司发布年度报告", "分享到：", "公司发布年度报告", "记者|张三", BODY, BODY_2, "返回顶部")
    article = clean(page)
    assert [p.text for p in article.paragraphs] == ["公司发布年度报告", "记者|张三", BODY, BODY_2]
    assert article.paragraphs[0].part is Part.TITLE and article.paragraphs[0].line == 4
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons == {1: "navigation", 2: "title repeated (kept line 4)", 3: "share widget", 8: "navigation"}


def test_a_second_copy_of_the_body_is_dropped():
    article = clean(_page("标题", BODY, BODY_2, "发表评论", BODY, BODY_2))
    assert [p.text for p in article.paragraphs] == ["标题", BODY, BODY_2]
    assert {r.line: r.reason for r in article.removed}[5] == "repeated copy of lines 2-3"


def test_the_title_repeated_as_a_heading_is_dropped():
    blocks = [PageBlock(Part.HEADING, "公司发布年度报告", 1, level=1), PageBlock(Part.BODY, "作者：张三", 2),
              PageBlock(Part.HEADING, "公司发布年度报告", 3, level=1), PageBlock(Part.BODY, BODY, 4)]
    article = clean(Page("markdown", blocks, {"title": "公司发布年度报告 | 财经日报"}))
    assert [(p.part, p.text) for p in article.paragraphs] == [
        (Part.TITLE, "公司发布年度报告"), (Part.BYLINE, "作者：张三"), (Part.BODY, BODY)]
    assert article.removed[0].reason == "title repeated (kept line 1)"


def test_the_article_is_the_densest_run_of_prose():
    menu = [PageBlock(Part.LIST_ITEM, f"<a1>栏目{n}</a1>", n, link_chars=3, level=1) for n in range(1, 6)]
    tail = [PageBlock(Part.BODY, "热门文章", 9), PageBlock(Part.BODY, "这是另一篇文章的摘要，讲的是别的事情。", 10, markup_chars=60)]
    page = Page("markdown", [*menu, PageBlock(Part.BODY, "所属栏目 财经", 6), PageBlock(Part.BODY, BODY, 7),
                             PageBlock(Part.BODY, BODY_2, 8), *tail])
    article = clean(page)
    assert [p.text for p in article.paragraphs] == ["所属栏目 财经", BODY, BODY_2]
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons[1] == "list of links" and reasons[10] == "related-articles list"


def test_every_dropped_block_is_reported_with_its_line(sample_path):
    document = parse_article(sample_path.read_text(encoding="utf-8"), sample_path)
    kept = {p.line for p in document.paragraphs}
    removed = {r.line for r in document.removed}
    assert not kept & removed
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    assert kept | removed == {n for n, line in enumerate(lines, start=1) if line.strip()}


def test_only_chrome_is_an_error_naming_the_file():
    from l10n.plumbing.errors import InputError

    with pytest.raises(InputError, match="no article text"):
        parse_article("![](a.png)\n\n[首页](/)\n", Path("chrome.md"))


def test_wechat_byline_kept_account_name_and_about_box_dropped():
    blocks = [PageBlock(Part.HEADING, "公司发布年度报告", 1, level=1), PageBlock(Part.BODY, "苏子华", 2),
              PageBlock(Part.BODY, "极客公园", 3), PageBlock(Part.BODY, "<x1/>", 4, images=1),
              PageBlock(Part.BODY, BODY, 5),
              PageBlock(Part.BODY, BODY_2, 6), PageBlock(Part.BODY, "关于极客", 7),
              PageBlock(Part.BODY, "极客公园是一家科技媒体，报道前沿科技与创新，服务科技创业者。", 8)]
    article = clean(Page("markdown", blocks, {"title": "公司发布年度报告", "site": "极客公园"}))
    assert [(p.part, p.text) for p in article.paragraphs] == [
        (Part.TITLE, "公司发布年度报告"), (Part.BYLINE, "苏子华"), (Part.BODY, BODY), (Part.BODY, BODY_2)]
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons == {3: "publisher's name", 4: "image", 7: "about the publisher", 8: "about the publisher"}


def test_a_menu_word_after_the_title_is_no_byline():
    blocks = [PageBlock(Part.HEADING, "公司发布年度报告", 1, level=1), PageBlock(Part.BODY, "主站", 2),
              PageBlock(Part.BODY, "分类", 3),
              PageBlock(Part.BODY, "云安全", 4), PageBlock(Part.LIST_ITEM, "<a1>首页</a1>", 5, link_chars=2, level=1),
              PageBlock(Part.BODY, BODY, 6), PageBlock(Part.BODY, BODY_2, 7)]
    article = clean(Page("markdown", blocks, {"title": "公司发布年度报告"}))
    assert [p.line for p in article.paragraphs] == [1, 6, 7]


def test_a_kicker_above_the_headline_and_a_spaced_byline_are_kept():
    blocks = [PageBlock(Part.HEADING, "河南着力培育新动能", 1, level=3, container=(1, 2)),
              PageBlock(Part.HEADING, "公司发布年度报告", 2, level=1, container=(1, 2)),
              PageBlock(Part.BODY, "本报记者  王乐文  方  敏", 3, container=(1, 2)),
              PageBlock(Part.BODY, "小字号", 4, container=(1, 2)),
              PageBlock(Part.BODY, BODY, 5, container=(1, 2, 3)), PageBlock(Part.BODY, BODY_2, 6, container=(1, 2, 3)),
              PageBlock(Part.BODY, "这是另一篇文章的摘要，讲的是别的事情，也有标点。", 7, container=(1, 4))]
    article = clean(Page("html", blocks, {"title": "公司发布年度报告"}))
    assert [(p.line, p.part) for p in article.paragraphs] == [
        (1, Part.HEADING), (2, Part.TITLE), (3, Part.BYLINE), (5, Part.BODY), (6, Part.BODY)]
    assert {r.line: r.reason for r in article.removed} == {4: "share widget", 7: "outside the article"}


def test_a_short_article_keeps_every_paragraph_and_its_editor_credit_beside_its_date_line():
    # sina, sohu, people.cn print the date line and 责任编辑 inside the article's own container: as
    # chrome they made that container lose to one paragraph of it, dropping the rest as "outside";
    # the credit line is the article's own
    page = """<html><head><meta charset="utf-8"><title>销量再创新高_汽车频道</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/auto">汽车</a></div>
<div class="article"><h1>销量再创新高</h1>
<div class="info">2024-05-12 09:30 来源: 中国汽车报</div>
<p>据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。</p>
<p>业内人士表示，价格下降和充电设施完善是主要原因。</p>
<p>比亚迪、特斯拉和理想汽车的销量位居前三。分析师预计全年销量将突破1000万辆。</p>
<p>责任编辑：李华</p></div></body></html>
"""
    document = parse_article(page, Path("page.html"))
    assert [p.line for p in document.paragraphs] == [3, 5, 6, 7, 8]
    assert document.paragraphs[-1].part is Part.CREDIT
    assert {r.line: r.reason for r in document.removed} == {2: "navigation", 4: "date line"}


def test_a_closing_section_after_a_code_block_stays_in_the_article():
    # the densest run of prose stopped at the code block, and 总结 with its paragraph cost a little more
    # than they added: they were dropped as "after the article"
    note = """# 用 Rust 重写命令行工具的一点体会

最近把一个 Python 写的小工具用 Rust 重写了一遍，启动时间从 300 毫秒降到了 5 毫秒。

## 为什么要重写

原来的工具每次启动都要加载很多依赖。

```
cargo build --release
```

## 总结

总的来说，这次重写是值得的。

上一篇：[Python 打包的坑](/posts/python-packaging)
"""
    document = parse_article(note, Path("note.md"))
    assert [p.line for p in document.paragraphs] == [1, 3, 5, 7, 13, 15]
    assert {r.line: r.reason for r in document.removed} == {9: "code block", 17: "navigation"}


def test_a_brief_keeps_its_short_first_paragraph_with_a_link_and_bold():
    # the densest run started at the second paragraph: the first, short and with markup, went as
    # "before the article"; a short page loses a block only on evidence that it is chrome
    brief = "# 测试标题\n\n据[路透社](https://example.com/reuters)报道，**伊利亚**已经离开。\n\n他说：“这是第二段。”\n"
    document = parse_article(brief, Path("brief.md"))
    assert [p.line for p in document.paragraphs] == [1, 3, 5]
    assert document.removed == ()


def test_a_brief_still_loses_what_is_chrome():
    brief = "# 测试标题\n\n据[路透社](https://example.com/reuters)报道，**伊利亚**已经离开。\n\n他说：“这是第二段。”\n\n阅读原文\n"
    document = parse_article(brief, Path("brief.md"))
    assert [p.line for p in document.paragraphs] == [1, 3, 5]
    assert [(r.line, r.reason) for r in document.removed] == [(7, "navigation")]


@pytest.mark.parametrize("markdown, title", [
    ("# 测试<script>alert(1)</script>标题\n\n正文第一段，讲了一件事。\n", "测试标题"),
    ("# 测试<style>h1 {color: red}</style>标题\n\n正文第一段，讲了一件事。\n", "测试标题"),
    ("# 测试<noscript>请启用脚本</noscript>标题\n\n正文第一段，讲了一件事。\n", "测试标题"),
    ("# 测试<template><p>模板</p></template>标题\n\n正文第一段，讲了一件事。\n", "测试标题"),
])
def test_script_text_in_markdown_inline_html_is_never_article_text(markdown, title):
    document = parse_article(markdown, Path("script.md"))
    assert document.paragraphs[0].text == title
    assert all("alert" not in p.text and "color" not in p.text and "模板" not in p.text and "启用" not in p.text
               for p in document.paragraphs)


_ARTICLE_HTML = ("<h1>销量再创新高</h1>"
                 "<p>据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。</p>"
                 "<p>业内人士表示，价格下降和充电设施完善是主要原因，分析师预计全年销量将突破1000万辆。</p>")
_ARTICLE_LINES = ["销量再创新高", "据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。",
                  "业内人士表示，价格下降和充电设施完善是主要原因，分析师预计全年销量将突破1000万辆。"]


@pytest.mark.parametrize("page", [
    # a blog theme's body class, WeChat's body class, a <main> named like a sidebar
    f'<html><body class="skin-moonlightink has-navbar hljs-engine"><div class="nav"><a href="/">首页</a></div>'
    f'{_ARTICLE_HTML}</body></html>',
    f'<html><body class="zh_CN comment_feature discuss_tab appmsg_skin_default">{_ARTICLE_HTML}</body></html>',
    f'<html><body><main class="sidebar-layout">{_ARTICLE_HTML}</main><footer>版权所有</footer></body></html>',
    # an unclosed breadcrumb that ends up wrapping the article
    f'<html><body><div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/auto">汽车</a>'
    f'<div class="content">{_ARTICLE_HTML}</div></body></html>',
    # an ASP.NET page: one <form> around everything
    f'<html><body><form id="form1"><div class="top"><a href="/">首页</a></div>{_ARTICLE_HTML}</form></body></html>',
    # a header template that closes the page early: lxml puts the rest in a sibling tree of the root
    f'<html><head><title>销量再创新高</title></head><body><div class="nav"><a href="/">首页</a></div></body></html>'
    f'<!--end header--><div class="content">{_ARTICLE_HTML}</div>',
])
def test_furniture_words_on_what_holds_the_article_never_drop_it(page):
    document = parse_article(page, Path("page.html"))
    assert [p.text for p in document.paragraphs] == _ARTICLE_LINES


# A theme that puts its whole content in an <aside> (a furniture tag, whatever it holds) beside a menu: every
# block is ruled out by the rules, yet the page plainly has an article.
_MENU = "".join(f'<li><a href="/c{n}">频道栏目名称{n}号</a></li>' for n in range(40))
_ALL_CHROME_BY_RULES = (f'<html><body><ul class="menu">{_MENU}</ul><aside class="content">{_ARTICLE_HTML}</aside>'
                        f'</body></html>')


def test_a_page_with_prose_never_ends_with_no_article_text():
    document = parse_article(_ALL_CHROME_BY_RULES, Path("page.html"))
    assert [p.text for p in document.paragraphs] == _ARTICLE_LINES
    assert document.fallback.startswith("density only")
    assert {r.reason for r in document.removed} == {"outside the densest prose"}


def test_the_rules_path_says_no_fallback():
    document = parse_article(f"<html><body>{_ARTICLE_HTML}</body></html>", Path("page.html"))
    assert [p.text for p in document.paragraphs] == _ARTICLE_LINES
    assert document.fallback == ""


@pytest.mark.parametrize("credit", ["责任编辑：郭明煜", "编辑：张伟 责任编辑：刘亮", "[责任编辑:肖春芳]", "(责编：胡永秋、杨光宇)",
                                    "监制：王强", "策划：杨顺霖 编辑：几乎不流浪"])
def test_credit_lines_belong_to_the_article_past_the_chrome_after_it(credit):
    # a disclaimer and a 纠错 link between the last paragraph and the credit, as news templates print them
    page = (f"<html><body><div class='nav'><a href='/'>首页</a></div><div class='article'>{_ARTICLE_HTML}</div>"
            f"<p>免责声明：本文仅供参考。</p><span><a href='#'>【纠错】</a></span><div>{credit}</div>"
            f"<div class='footer'>版权所有</div></body></html>")
    document = parse_article(page, Path("page.html"))
    assert [p.text for p in document.paragraphs] == [*_ARTICLE_LINES, credit]
    assert document.paragraphs[-1].part is Part.CREDIT


def test_a_credit_line_in_a_box_beside_the_article_is_kept():
    page = (f"<html><body><div class='main'>{_ARTICLE_HTML}</div><div class='col'>"
            + "".join(f"<p><a href='/n{n}'>其他新闻标题第{n}条</a></p>" for n in range(8))
            + "<p>出品：财经中心</p><p>策划：杨顺霖 编辑：李四</p></div></body></html>")
    document = parse_article(page, Path("page.html"))
    assert [p.text for p in document.paragraphs] == [*_ARTICLE_LINES, "出品：财经中心", "策划：杨顺霖 编辑：李四"]


def test_a_wechat_promotion_block_after_the_article_is_chrome():
    # inside WeChat's own js_content, after the last paragraph: a decorated 往期推荐 heading and its report
    # links, a readers' group invitation with emoji, the QR code and its scan prompt, an end mark, 在看
    paragraphs = [BODY, BODY_2, "他说：“这是最后一段。”"]
    page = ("<html><head><meta property='og:title' content='大模型开源一周年'></head><body>"
            "<h1 id='activity-name'>大模型开源一周年</h1><div id='js_content'>"
            + "".join(f"<p>{text}</p>" for text in paragraphs)
            + "<p>▼ 往期推荐 ▼</p><p><a href='/r1'>2024中国大模型行业研究报告</a></p><p><a href='/r2'>趋势｜开源模型的下一步</a></p>"
            "<p>🔥 欢迎加入读者交流群，和作者一起聊聊大模型 👇</p><p><img src='qr.png'></p><p>长按识别二维码，备注“进群”</p>"
            "<p>-END-</p><p>点个在看你最好看</p></div><div id='js_pc_qr_code'>微信扫一扫关注该公众号</div></body></html>")
    document = parse_article(page, Path("wechat.html"))
    assert [p.text for p in document.paragraphs] == ["大模型开源一周年", *paragraphs]
    assert {r.text: r.reason for r in document.removed if r.reason != "image"} == {
        "▼ 往期推荐 ▼": "related-articles list", "2024中国大模型行业研究报告": "list of links",
        "趋势｜开源模型的下一步": "list of links", "🔥 欢迎加入读者交流群，和作者一起聊聊大模型 👇": "promotion",
        "长按识别二维码，备注“进群”": "app download", "-END-": "end mark", "点个在看你最好看": "WeChat account chrome",
        "微信扫一扫关注该公众号": "WeChat account chrome"}


def test_copied_texts_title_is_no_paragraph_of_several_sentences_whatever_date_line_follows():
    """A comment's date line two lines below a one-paragraph article made that paragraph the "title over its
    date bar", and the real title above it was dropped as before the article (found by the property test)."""
    paragraph = "据统计，今年4月新能源汽车销量达到85万辆。伊利亚已经离开。为什么会出现这种情况？"
    text = "\n".join(["销量再创新高", paragraph, "热门评论", "风子 3小时前", "从出口监控没有看到，期望被人带走的可能性不大。",
                      "回复 ⋅ 46条回复 378"]) + "\n"
    document = parse_article(text, Path("page.txt"))
    assert [p.text for p in document.paragraphs] == ["销量再创新高", paragraph]
