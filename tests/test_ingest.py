from pathlib import Path

import pytest

from l10n.plumbing.errors import InputError
from l10n.reading.ingest import document_name, parse_article, read_article
from l10n.reading.readers.charset import decode
from l10n.model import Part

CHROME_MARKERS = ["正在阅读", "扫一扫", "下载界面新闻", "暂无评论", "微信公众号", "•", "本文为转载内容"]


def _lines(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(n, " ".join(line.split())) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def test_sample_keeps_exactly_one_copy_of_the_body(sample_path):
    document = read_article(sample_path)
    texts = [p.text for p in document.paragraphs]
    assert len(texts) == len(set(texts))
    body = [line for _, line in _lines(sample_path) if len(line) > 60]
    assert body, "the sample has long body paragraphs"
    for paragraph in body:
        assert texts.count(paragraph) == 1, paragraph[:20]
    assert texts[-1].startswith("正如奥本海默所说")
    assert len(document.paragraphs) == 42


def test_sample_parts_title_subtitle_byline(sample_path):
    document = read_article(sample_path)
    parts = {p.part: p.text for p in document.paragraphs if p.part is not Part.BODY}
    assert document.paragraphs[0].part is Part.TITLE
    assert parts[Part.TITLE] == "OpenAI宫斗剧完结,谁是最大赢家?"
    assert parts[Part.SUBTITLE] == "微软的AI野望。"
    assert parts[Part.BYLINE] == "文|惊蛰研究所 雨谷"
    assert parts[Part.CREDIT] == "图片来源:界面新闻 范剑磊"
    headings = [p.text for p in document.paragraphs if p.part is Part.HEADING]
    assert headings == ["微软一度将要“0元购”OpenAI", "微软的AI野望", "“AI宫斗”真的结束了?"]


def test_sample_has_no_chrome_left(sample_path):
    document = read_article(sample_path)
    for paragraph in document.paragraphs:
        for marker in CHROME_MARKERS:
            assert marker not in paragraph.text, (marker, paragraph.text)


def test_every_dropped_line_is_reported(sample_path):
    document = read_article(sample_path)
    kept = {p.line for p in document.paragraphs}
    removed = {r.line for r in document.removed}
    assert not kept & removed
    assert kept | removed == {n for n, _ in _lines(sample_path)}
    reasons = {r.line: r.reason for r in document.removed}
    assert reasons[1] == "navigation"
    assert reasons[5] == "app download"
    assert reasons[100] == "empty-comment notice"
    assert reasons[108].startswith("repeated copy of lines 7-")


WRITTEN_PAGE = """首页 > 科技
分享到:
小米发布新手机

记者|张三

小米公司今天在北京发布了新手机，售价为3999元，网友在微博和评论区纷纷表示价格合理，这是一个很长的段落。
分析人士认为，这款手机将与苹果竞争。
相关阅读
• 苹果发布新款iPhone
• 华为推出折叠屏手机
发表评论
还没有评论，快来抢沙发吧！
小米发布新手机
记者|张三
小米公司今天在北京发布了新手机，售价为3999元，网友在微博和评论区纷纷表示价格合理，这是一个很长的段落。
分析人士认为，这款手机将与苹果竞争。
返回顶部
"""


def test_general_rules_on_a_page_written_for_the_test():
    document = parse_article(WRITTEN_PAGE, Path("page.txt"))
    texts = [p.text for p in document.paragraphs]
    assert texts == [
        "小米发布新手机",
        "记者|张三",
        "小米公司今天在北京发布了新手机，售价为3999元，网友在微博和评论区纷纷表示价格合理，这是一个很长的段落。",
        "分析人士认为，这款手机将与苹果竞争。",
    ]
    assert [p.part for p in document.paragraphs[:2]] == [Part.TITLE, Part.BYLINE]
    reasons = {r.text: r.reason for r in document.removed}
    assert reasons["首页 > 科技"] == "navigation"
    assert reasons["分享到:"] == "share widget"
    assert reasons["• 苹果发布新款iPhone"] == "related-articles list"
    assert reasons["相关阅读"] == "related-articles list"
    assert reasons["发表评论"] == "comments widget"
    assert reasons["还没有评论，快来抢沙发吧！"] == "empty-comment notice"
    assert reasons["返回顶部"] == "navigation"


def test_article_prose_in_a_bulleted_list_is_kept():
    text = "标题\n\n正文第一段讲了很多事情，内容很长很长很长很长很长。\n• 第一，公司要增长。\n• 第二，公司要盈利。"
    document = parse_article(text, Path("a.txt"))
    assert [p.text for p in document.paragraphs][-2:] == ["• 第一，公司要增长。", "• 第二，公司要盈利。"]


def test_short_lines_repeated_inside_the_body_are_kept():
    text = "标题\n\n正文第一段讲了很多事情，内容很长很长很长很长很长。\n好。\n正文第二段讲了别的事情，内容也很长很长很长很长。\n好。"
    document = parse_article(text, Path("a.txt"))
    assert [p.text for p in document.paragraphs].count("好。") == 2


def test_utf8_with_bom_and_gb18030_decode_to_the_same_document(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    plain, plain_encoding = decode(text.encode("utf-8"), sample_path)
    bom, bom_encoding = decode(b"\xef\xbb\xbf" + text.encode("utf-8"), sample_path)
    gb, gb_encoding = decode(text.encode("gb18030"), sample_path)
    assert plain == bom == gb == text
    assert (plain_encoding, bom_encoding, gb_encoding) == ("utf-8", "utf-8-sig", "gb18030")


def test_gbk_file_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("标题\n\n这是用GBK编码保存的文章。".encode("gbk"))
    document = read_article(path)
    assert document.paragraphs[-1].text == "这是用GBK编码保存的文章。"


@pytest.mark.parametrize("data, message, line", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data", 3),
    ("第一行\n第二行".encode("utf-8") + b"\n\xff\xfe\xfd", "not UTF-8, UTF-16, GBK or GB18030", 3),
    (b"abc\n\x1b[31mred", "control character", 2),
    (b"  \n\n ", "empty", None),
])
def test_bad_bytes_are_rejected_with_file_and_line(tmp_path, data, message, line):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_article(path)
    assert message in raised.value.message
    assert raised.value.path == path
    assert raised.value.line == line
    assert str(raised.value).startswith(f"{path}:")


def test_only_chrome_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        parse_article("分享到:\n微博\n评论", Path("chrome.txt"))


@pytest.mark.parametrize("name, expected", [
    ("jiemian-openai-board.zh.txt", "jiemian-openai-board"),
    ("article.zh-CN.txt", "article"),
    ("story.txt", "story"),
    ("notes", "notes"),
])
def test_document_name(name, expected):
    assert document_name(Path(name)) == expected


def test_an_input_is_read_whole_when_the_system_hands_it_over_in_pieces(tmp_path, monkeypatch):
    """read_input asks for the size the file had; a read that returns less, or a file that grew meanwhile, is
    read on to its end (up to the limit), never cut at the first read."""
    import os

    from l10n.reading.ingest import read_input

    path = tmp_path / "a.txt"
    path.write_text("第一段。\n\n第二段。\n" * 50, encoding="utf-8")
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda descriptor, size: real_read(descriptor, min(size, 7)))
    assert read_input(path) == path.read_bytes()
    with pytest.raises(InputError, match="larger than the limit of 100 bytes"):
        read_input(path, 100)
