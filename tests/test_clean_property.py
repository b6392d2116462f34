"""Property: a short article (a title and one to four paragraphs of news sentences, links and emphasis
sprinkled in) wrapped in page chrome of the kinds the dev pages show keeps every sentence of the article,
as HTML, as Markdown and as copied text. Cleaning may drop a block of a short page only on positive
evidence that it is chrome, never because it falls outside the densest region."""
import html
import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.text import placeholders
from l10n.reading.ingest import parse_article

TITLES = ["销量再创新高", "伊利亚离开公司", "三大运营商调整购机补贴", "嫦娥五号将于月底发射", "城市更新计划公布",
          "央行宣布下调存款准备金率", "暴雨致多条高铁线路停运", "新版个人所得税法今起施行"]
SENTENCES = [
    "据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。",
    "业内人士表示，价格下降和充电设施完善是主要原因。",
    "他说：“这是第二段。”",
    "伊利亚已经离开。",
    "分析人士认为，这家公司的增长主要来自海外市场，但国内竞争加剧，未来几年的压力不会小。",
    "董事会表示将继续加大研发投入。",
    "消息人士透露，相关方案仍在讨论之中，最终细节尚未确定。",
    "当天下午，数百名市民自发前往现场献花。",
    "该项目总投资约120亿元，预计2026年底建成通车。",
    "专家提醒，雨季出行应提前关注天气预报和交通信息。",
    "“我们会尽快给出答复。”一位工作人员说。",
    "截至发稿时，公司股价下跌了4.2%。",
    "这是十年来的第一次。",
    "新规将于下月起正式实施，违规者最高可被处以50万元罚款。",
    "学校已于周一恢复正常教学秩序。",
    "记者从市交通局获悉，地铁5号线二期工程进展顺利。",
    "据路透社报道，谈判将在下周继续进行。",
    "目前，事故原因正在进一步调查中。",
    "为什么会出现这种情况？",
    "官方数据显示，去年全国共接待游客约48亿人次，比上年增长15%。",
    "双方就经贸合作、人文交流等议题深入交换了意见，并签署了多项合作文件。",
    "对此，公司回应称将依法维护自身权益。",
]
WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")

# Chrome blocks modelled on the dev pages: (text, is a link)
NAVIGATION = ["首页", "新闻", "财经", "科技", "体育", "娱乐", "汽车", "房产"]
BEFORE = [
    [("当前位置：首页 > 新闻 > 正文", False)],
    [("登录", True), ("注册", True)],
    [("扫一扫下载界面新闻APP", False)],
    [("分享到：", False), ("微信", True), ("微博", True), ("QQ空间", True)],
    [("2024-05-12 09:30 来源: 中国汽车报", False)],
    [("原创 南方都市报 2019-09-09 16:01:46", False), ("+关注", False)],
    [("预览时标签不可点", False)],
    [("4,060 条评论", False), ("1164次阅读", False)],
]
AFTER = [
    [("本文为转载内容，授权事宜请联系原著作权人。", False)],
    [("相关阅读", False), ("央行：继续实施稳健的货币政策", True), ("多地出台楼市新政", True), ("暑期档票房突破百亿", True)],
    [("评论", False), ("暂无评论，快来抢沙发吧", False)],
    [("阅读原文", True)],
    [("微信扫一扫关注该公众号", False), ("继续滑动看下一个", False), ("在看", False)],
    [("返回顶部", True)],
    [("Copyright © 2024 EXAMPLE.COM All Rights Reserved", False), ("京ICP备15039648号-15", False)],
    [("分享到：", False), ("微信", True), ("微博", True)],
    [("🔥 欢迎加入读者交流群，扫码进群 👇", False)],
    [("热门评论", False), ("风子 3小时前", False), ("从出口监控没有看到，期望被人带走的可能性不大。", False),
     ("回复 ⋅ 46条回复 378", False), ("顺风顺水 4分钟前", False), ("说得好！", False), ("回复 ⋅ 3条回复 12", False)],
    [("推荐阅读", False), ("绑架9岁男童嫌犯一审被判死刑", True), ("上海热线要闻 ⋅ 12评论", False),
     ("六旬老太开颅手术后难以适应城市生活", True), ("寻人故事 ⋅ 4评论", False)],
    [("责任编辑：李华", False)],
]


_BOX_CLASSES = {"分享到：": "share", "Copyright © 2024 EXAMPLE.COM All Rights Reserved": "footer"}


@st.composite
def articles(draw):
    title = draw(st.sampled_from(TITLES))
    paragraphs = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True),
                               min_size=1, max_size=4, unique_by=tuple))
    used: set[str] = set()
    paragraphs = [[s for s in paragraph if not (s in used or used.add(s))] for paragraph in paragraphs]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    marks = [[draw(st.sampled_from(["", "", "link", "bold", "whole"])) for _ in paragraph] for paragraph in paragraphs]
    before = draw(st.lists(st.sampled_from(BEFORE), max_size=4))
    after = draw(st.lists(st.sampled_from(AFTER), max_size=4))
    menu = draw(st.booleans())
    return title, paragraphs, marks, before, after, menu


def _marked(sentence: str, mark: str, link, bold) -> str:
    word = WORD.search(sentence)
    if mark == "whole":  # a sentence that is all link: a source's report linked as a whole
        return link(sentence)
    if not mark or not word:
        return sentence
    wrap = link if mark == "link" else bold
    return sentence[:word.start()] + wrap(word.group()) + sentence[word.end():]


def as_html(title, paragraphs, marks, before, after, menu) -> str:
    link = lambda text: f'<a href="https://example.com/{len(text)}">{html.escape(text)}</a>'  # noqa: E731
    bold = lambda text: f"<strong>{html.escape(text)}</strong>"  # noqa: E731

    def chrome(groups):  # each group a box of its own, with the class the dev pages give such a box, or none
        return "".join(f"<div class='{_BOX_CLASSES.get(group[0][0], '')}'>"
                       + "".join(f"<p>{link(t) if linked else html.escape(t)}</p>" for t, linked in group) + "</div>"
                       for group in groups)
    nav = "<ul class='nav'>" + "".join(f"<li>{link(item)}</li>" for item in NAVIGATION) + "</ul>" if menu else ""
    body = "".join("<p>" + "".join(_marked(s, m, link, bold) for s, m in zip(paragraph, mark)) + "</p>"
                   for paragraph, mark in zip(paragraphs, marks))
    return (f"<html><head><title>{title}_新闻中心</title></head><body>{nav}{chrome(before)}"
            f"<div class='article'><h1>{title}</h1>{body}</div>{chrome(after)}</body></html>")


def as_markdown(title, paragraphs, marks, before, after, menu) -> str:
    link = lambda text: f"[{text}](https://example.com/{len(text)})"  # noqa: E731
    bold = lambda text: f"**{text}**"  # noqa: E731

    def chrome(groups):  # a row of links on one line, as archivers keep a share bar; other items a paragraph each
        lines = []
        for group in groups:
            if all(linked for _, linked in group[1:]):
                lines.append(" ".join(link(t) if linked else t for t, linked in group))
            else:
                lines += [link(t) if linked else t for t, linked in group]
        return lines
    nav = [" | ".join(link(item) for item in NAVIGATION)] if menu else []
    body = ["".join(_marked(s, m, link, bold) for s, m in zip(paragraph, mark))
            for paragraph, mark in zip(paragraphs, marks)]
    return "\n\n".join([*nav, *chrome(before), f"# {title}", *body, *chrome(after)]) + "\n"


def as_copied_text(title, paragraphs, marks, before, after, menu) -> str:
    lines = [*(NAVIGATION if menu else []), *(t for group in before for t, _ in group), title,
             *("".join(paragraph) for paragraph in paragraphs), *(t for group in after for t, _ in group)]
    return "\n".join(lines) + "\n"


def _comparable(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKC", text) if not char.isspace())


def _check(render, suffix: str, article) -> None:
    title, paragraphs, *_ = article
    document = parse_article(render(*article), Path(f"page.{suffix}"))
    kept = _comparable("".join(placeholders.strip(p.text) for p in document.paragraphs))
    for sentence in [title, *(s for paragraph in paragraphs for s in paragraph)]:
        assert _comparable(sentence) in kept, (sentence, [(r.line, r.reason, r.text) for r in document.removed])


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(articles())
def test_a_short_article_in_html_chrome_keeps_every_sentence(article):
    _check(as_html, "html", article)


@_SETTINGS
@given(articles())
def test_a_short_article_in_markdown_chrome_keeps_every_sentence(article):
    _check(as_markdown, "md", article)


@_SETTINGS
@given(articles())
def test_a_short_article_in_copied_text_keeps_every_sentence(article):
    _check(as_copied_text, "txt", article)
