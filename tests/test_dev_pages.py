"""The readers and cleaning on the real pages in ../shared/samples/dev (skipped where that folder is absent).
The pages are read in place, never copied into the project."""
import re
from pathlib import Path

import pytest

from l10n.text import placeholders
from l10n.reading.ingest import read_article
from l10n.model import Part
from l10n.reading.segment import segment_document

_ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [_ROOT.parent / "shared" / "samples" / "dev", _ROOT.parent.parent / "shared" / "samples" / "dev"]
DEV = next((folder for folder in _CANDIDATES if folder.is_dir()), None)
pytestmark = pytest.mark.skipif(DEV is None, reason="no ../shared/samples/dev beside the repository")

MARKDOWN = [f"md-0{n}.md" for n in range(1, 9)]
HTML = [f"html-0{n}.html" for n in range(1, 9)]
CHROME = ["预览时标签不可点", "微信扫一扫", "继续滑动看下一个", "轻点两下取消赞", "ICP备", "登录", "分享到", "相关文章",
          "热门推荐", "All Rights Reserved", "往期", "扫码", "关注我们", "阅读原文"]


def _assert_no_chrome(document) -> None:
    """Chrome is short: a long paragraph may mention 登录 or 分享到 as article text."""
    for paragraph in document.paragraphs:
        text = placeholders.strip(paragraph.text)
        if len(text) <= 40:
            for marker in CHROME:
                assert marker not in text, (marker, paragraph.line, text)


def _kept_text(document) -> str:
    return "\n".join(placeholders.strip(p.text) for p in document.paragraphs)


@pytest.mark.parametrize("name", MARKDOWN)
def test_markdown_pages_lose_front_matter_syntax_and_chrome(name):
    path = DEV / name
    document = read_article(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    front_matter_end = lines.index("---", 1) + 1
    assert all(p.line > front_matter_end for p in document.paragraphs)
    metadata = dict(document.metadata)
    assert metadata["title"] and metadata["url"].startswith("http") and re.match(r"\d{4}-\d\d-\d\d", metadata["date"])
    assert document.paragraphs[0].part is Part.TITLE
    _assert_no_chrome(document)
    for paragraph in document.paragraphs:
        assert not re.search(r"\]\(|!\[|^#+ |^\* |mmbiz\.qpic", paragraph.text), paragraph.text
        assert paragraph.line <= (paragraph.end_line or paragraph.line) <= len(lines)
    body = [p for p in document.paragraphs if p.part is Part.BODY]
    assert body, "the article's paragraphs are kept"
    assert [p.line for p in document.paragraphs] == sorted(p.line for p in document.paragraphs)


@pytest.mark.parametrize("name, encoding", [
    ("html-01.html", "utf-8"), ("html-02.html", "gb18030"), ("html-03.html", "gb18030"), ("html-04.html", "utf-8"),
    ("html-05.html", "utf-8"), ("html-06.html", "utf-8"), ("html-07.html", "utf-8"), ("html-08.html", "utf-8"),
])
def test_html_pages_decode_and_keep_the_article(name, encoding):
    document = read_article(DEV / name)
    assert document.encoding == encoding
    assert dict(document.metadata)["title"]
    _assert_no_chrome(document)
    assert sum(len(p.text) for p in document.paragraphs if p.part is Part.BODY) > 500


def test_the_solidot_byte_order_mark_never_becomes_a_segment():
    segments = segment_document(read_article(DEV / "md-05.md"))
    assert segments and all("\ufeff" not in s.source and re.search(r"\w", s.source) for s in segments)


def test_a_known_sentence_of_each_kind_survives():
    html = _kept_text(read_article(DEV / "html-07.html"))
    assert "法国9日再次爆发全国跨行业大罢工" in html
    markdown = _kept_text(read_article(DEV / "md-05.md"))
    assert "她的助理及共犯温俭(Jian Wen)已被捕受审" in markdown
