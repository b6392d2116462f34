"""Copied page text (every text block of a page, one per line, chrome and all): what cleaning keeps by shape,
on pages made here in the shapes the dev pages show (comment lists, teaser lists, counters, code, a header)."""
from pathlib import Path

import pytest

from l10n.reading import shapes
from l10n.reading.clean import block_reason
from l10n.reading.ingest import parse_article
from l10n.model import Part
from l10n.reading.readers.base import PageBlock

TITLE = "海螺沟寻子一个月：搜寻无果母亲不舍离去"
ARTICLE = [
    "8岁儿子在景区失联的第32天，温先生启程返回湖北十堰。他上次坐火车，是接到孩子妈妈的电话后连夜赶往现场。",
    "那天下午，母子二人正朝景点出口走去，孩子穿着雨鞋，在溪流和小石堆中穿行，走在母亲前面十几米左右。",
    "此后，五批专业救援队先后到场，数百人次进行地毯式搜寻，家人和警方反复排查监控，悬赏线索的消息发出已半个月。",
    "河流、丛林与冰川",
    "失联处河流的流域和附近丛林曾是搜索重点。有乘坐索道的游客表示，曾经看见一个孩子沿着河道向下走。",
    "温先生对记者说，又像在喃喃自语：“是我的孩子，他一定会回来的。”",
]
HEADER = ["首页", "新闻", "体育", "财经", "登录", TITLE, "原创 南方都市报 2019-09-09 16:01:46", "4060", "转发", "微博"]
COMMENTS = ["4,060 条评论", "评论", "我每天都在微笑 5小时前",
            "建议以后这种危险景区给游客佩戴定位手环，出景区才能由专业人员取下，大家都安全。", "回复 ⋅ 254条回复 8421",
            "顺风顺水 4分钟前", "孩子失踪的地方离冰川多远？", "回复 ⋅ 3条回复 12",
            "风子 3小时前", "从出口监控没有看到失踪孩子，如果没有其他出口，那孩子肯定还在景区，期望被人带走的可能性不大。",
            "回复 ⋅ 46条回复 378", "查看更多评论"]
TEASERS = ["相关推荐", "绑架9岁男童嫌犯一审被判死刑！爷爷不知孩子遇害，一年间总想来看娃", "上海热线要闻 ⋅ 12评论 ⋅ 相关", "不感兴趣",
           "六旬老太开颅手术后难以适应城市生活，还把女儿当妹妹", "寻人故事 ⋅ 4评论 ⋅ 相关", "不感兴趣",
           "男子开车坠河，朋友报警救人，捞起一看后备箱多出一具男尸", "江苏新闻 ⋅ 64评论 ⋅ 相关", "不感兴趣",
           "为防作弊，爸爸要求将5胞胎分在5个班，网友：想过家长会吗？", "青岛新闻网 ⋅ 9评论 ⋅ 相关", "不感兴趣"]


def _copied(tmp_path, lines: list[str]):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_article(path.read_text(encoding="utf-8"), path)


def test_comments_and_recommendations_after_the_article_are_chrome_by_shape(tmp_path):
    document = _copied(tmp_path, HEADER + ARTICLE + ["采写：南都见习记者 林子沛", "收藏", "举报"] + COMMENTS + TEASERS)
    assert [p.text for p in document.paragraphs] == [TITLE, *ARTICLE, "采写：南都见习记者 林子沛"]
    assert document.paragraphs[0].part is Part.TITLE


def test_a_teaser_list_longer_than_the_article_does_not_win(tmp_path):
    # headline + teaser pairs after a list heading, more prose than the article itself
    teasers = ["您可能感兴趣的文章"] + [line for n in range(8) for line in (
        f"第{n}款拆解：内部还有什么改变？",
        f"苹果今年更新了第{n}代产品，虽然搭载了新的芯片，但外观上变化却不大，因此被很多人称为缩小版。那么除了芯片外，内部还有什么改变呢？")]
    document = _copied(tmp_path, HEADER + ARTICLE + ["分享到：", "返回列表", "评论(0)", "登录 后参与讨论"] + teasers)
    assert [p.text for p in document.paragraphs] == [TITLE, *ARTICLE]


def test_a_code_listing_in_copied_text_stays_inside_the_article(tmp_path):
    listing = ["import json", "import redis", "def parse():", "    data = client.lpop('test')", "    if not data:",
               "        return", "    handler.insert_one(json.loads(data))"]
    lines = HEADER + ARTICLE[:3] + ["示例代码如下："] + listing + ARTICLE[3:] + COMMENTS
    document = _copied(tmp_path, lines)
    assert [p.text for p in document.paragraphs] == [TITLE, *ARTICLE[:3], "示例代码如下：", *ARTICLE[3:]]
    assert {r.reason for r in document.removed if r.text in listing} == {"code block"}


def test_a_list_inside_the_article_is_no_gap_of_chrome(tmp_path):
    attractions = ["故宫博物院", "八达岭长城", "颐和园", "天坛公园", "圆明园遗址", "恭王府", "南锣鼓巷", "什刹海"]
    lines = HEADER + ARTICLE[:3] + ["北京值得一去的景点有："] + attractions + ARTICLE[3:] + COMMENTS
    document = _copied(tmp_path, lines)
    kept = [p.text for p in document.paragraphs]
    assert kept[-3:] == ARTICLE[-3:] and all(name in "".join(kept) for name in attractions)


@pytest.mark.parametrize("text", ["4,060 条评论", "1164次阅读|", "42粉丝", "12314文章", "支持[383] | 反对[7]", "推荐0",
                                  "57人参与11评论", "回复 ⋅ 254条回复 8421", "查看回复 3 举报", "1/3", "3天|7天", "- 0人已打赏 -"])
def test_counters(text):
    assert shapes.is_counter(text)
    assert block_reason(PageBlock(Part.BODY, text, 1)) == "counter or control"


@pytest.mark.parametrize("text", ["第三条", "2019年", "支持者认为，这项政策会带来1000个就业岗位。", "三星Galaxy S10+物料清单"])
def test_numbers_in_text_are_no_counters(text):
    assert not shapes.is_counter(text)


@pytest.mark.parametrize("text", ["原创 南方都市报 2019-09-09 16:01:46", "发布时间：01-1417:58", "我每天都在微笑 5小时前",
                                  "昨天 22:17", "前天", "时间：2019-09-25", "美国还重要吗？2019-08-27",
                                  "八卦大相公 发布时间：01-14 17:58"])
def test_published_at_lines_and_comment_headers_are_date_lines(text):
    assert shapes.is_timestamp_line(text)
    assert block_reason(PageBlock(Part.BODY, text, 1)) == "date line"


@pytest.mark.parametrize("text", ["2019年9月25日，阿里巴巴在杭州发布了含光800芯片，性能领先同行。",
                                  "5小时前，救援队再次进入冰洞搜寻。"])
def test_sentences_with_dates_are_text(text):
    assert not shapes.is_timestamp_line(text)


@pytest.mark.parametrize("text, reason", [
    ("🔥 欢迎加入读者交流群，和作者一起聊聊AI 👇", "promotion"),
    ("👉 长按识别二维码，进群领取资料", "promotion"),
    ("+关注", "counter or control"),
    ("＋订阅", "counter or control"),
])
def test_promotions_and_follow_buttons(text, reason):
    assert block_reason(PageBlock(Part.BODY, text, 1)) == reason


def test_a_sentence_with_an_emoji_is_no_promotion():
    assert block_reason(PageBlock(Part.BODY, "这款手机的续航让人满意👍，充一次电能用两天。", 1)) is None


def test_code_lines():
    assert all(map(shapes.is_code, ["import json", "return", "print('我是第一个回调函数')", "if not data:",
                                    "with contextlib.ExitStack() as stack:"]))
    assert not any(map(shapes.is_code, ["Tombkeeper：ROPs are for the 99%", "GDP增长(6.8%)", "iPhone 11 Pro Max",
                                        "P.S.: 这个公众号日更。"]))


def test_a_short_line_printed_again_and_again_is_a_control():
    texts = ["不感兴趣", "标题一", "不感兴趣", "标题二", "不感兴趣", "主席 乔治·华盛顿", "主席 乔治·华盛顿"]
    assert shapes.repeated_controls(texts) == {0, 2, 4}


@pytest.mark.parametrize("text, reason", [
    ("用微信扫描二维码", "scan prompt"),
    ("分享至好友和朋友圈", "share widget"),
    ("【上一篇】", "navigation"),
    ("本文为CSDN原创文章，未经允许不得转载，如需转载请联系我们。", "rights notice"),
    ("微信号 itskingname", "WeChat account chrome"),
    ("功能介绍 博主喜欢Python和爬虫，已经出了两本书。这里是他灵感的发源地。", "WeChat account chrome"),
])
def test_leftovers_of_unseen_pages(text, reason):
    assert block_reason(PageBlock(Part.BODY, text, 1)) == reason


def test_a_closing_credit_and_attribution_past_tags_stay_and_end_the_text(tmp_path):
    # 原标题 and 责任编辑 (its name on the next line, as a copy gives it) after the tags; headlines beyond
    tail = ["标签", "原标题：海螺沟寻子一个月，母亲不舍离去", "责任编辑:", "刘响", "大公司", "大公司", "大公司",
            "伊利设“硬核”股权激励考核指标:连续五年净资产收益率不低于20%", "海尔回应4名员工午睡被开除，员工称只有30分钟午餐时间"]
    document = _copied(tmp_path, HEADER + ARTICLE + tail)
    assert [p.text for p in document.paragraphs] == [TITLE, *ARTICLE, "原标题：海螺沟寻子一个月，母亲不舍离去", "责任编辑:", "刘响"]


def test_an_html_headline_printed_in_a_band_named_like_furniture_is_the_title():
    page = ("<html><head><title>逆水寒新版本上线</title></head><body><div class='top-side'><h1>逆水寒新版本上线</h1></div>"
            "<div class='content'>" + "".join(f"<p>{text}</p>" for text in ARTICLE) + "</div>"
            "<p>作者：未知 责任编辑：棒棒不是糖</p></body></html>")
    document = parse_article(page, Path("page.html"))
    assert [p.text for p in document.paragraphs] == ["逆水寒新版本上线", *ARTICLE, "作者：未知 责任编辑：棒棒不是糖"]
    assert document.paragraphs[0].part is Part.TITLE and document.paragraphs[-1].part is Part.CREDIT


def test_a_question_right_under_the_title_opens_the_text_and_the_title_stays():
    # found by test_clean_property: the question was taken for the title and the title went as "before the article"
    text = ("销量再创新高\n为什么会出现这种情况？\n伊利亚已经离开。\n"
            "据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。\n")
    document = parse_article(text, Path("page.txt"))
    assert not document.removed
    assert (document.paragraphs[0].part, document.paragraphs[0].text) == (Part.TITLE, "销量再创新高")
    assert document.paragraphs[1].text == "为什么会出现这种情况？"


def test_a_briefs_title_over_sentences_before_its_densest_paragraph_stays():
    # found by test_clean_property: the title was looked for above the densest paragraph only, so the short
    # sentences over it (kept as the brief's) hid it, a question among them won, and the title went
    text = ("销量再创新高\n他说：“这是第二段。”\n伊利亚已经离开。\n为什么会出现这种情况？\n"
            "据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。\n")
    document = parse_article(text, Path("page.txt"))
    assert not document.removed
    assert (document.paragraphs[0].part, document.paragraphs[0].text) == (Part.TITLE, "销量再创新高")
    assert document.paragraphs[3].part is not Part.TITLE


def test_a_comments_list_time_under_the_text_dates_no_title():
    # found by test_clean_property: "风子 3小时前" in the comments dated the question, which won the title
    text = ("销量再创新高\n为什么会出现这种情况?\n热门评论\n风子 3小时前\n说得好！\n")
    document = parse_article(text, Path("page.txt"))
    assert (document.paragraphs[0].part, document.paragraphs[0].text) == (Part.TITLE, "销量再创新高")
    assert document.paragraphs[1].text == "为什么会出现这种情况?"


def test_a_question_with_no_headline_above_it_is_still_the_title():
    text = ("新能源汽车为何再创新高？\n"
            "据中国汽车工业协会统计，今年4月新能源汽车销量达到85万辆，同比增长33.5%。业内人士认为，这与价格下降有关。\n")
    document = parse_article(text, Path("page.txt"))
    assert (document.paragraphs[0].part, document.paragraphs[0].text) == (Part.TITLE, "新能源汽车为何再创新高？")
