"""Article file → Document: decode the bytes, drop page chrome and repeated copies, name the parts."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Document, Paragraph, Part, Removal

_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}

# Chrome is always short; a long paragraph that mentions 微博 or 评论 is article text.
_CHROME_MAX_CHARS = 40
_NOTICE_MAX_CHARS = 100
_HEADER_MAX_CHARS = 60
_HEADER_MAX_LINES = 6
_HEADING_MAX_CHARS = 30
_MIN_REPEATED_LINE_CHARS = 8

_CHROME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("navigation", re.compile(
        r"^(正在阅读|当前位置|您的位置|首页|返回首页|返回顶部|上一篇|下一篇|展开全文|阅读全文|查看原文"
        r"|点击查看|加载更多|查看更多|打开APP|打开App)[:：>》 ]?.{0,30}$", re.I)),
    ("app download", re.compile(r"(扫一扫|扫码|下载|打开|安装).{0,12}(APP|客户端)|^下载.{1,12}$", re.I)),
    ("share widget", re.compile(
        r"^(分享到?|分享至|转发|微信|微博|微信公众号|公众号|朋友圈|QQ空间|QQ好友|复制链接|收藏|点赞|举报|字号|打印)"
        r"[:：]?$", re.I)),
    ("comments widget", re.compile(r"^(评论|发表评论|全部评论|网友评论|热门评论|最新评论|写评论|评论区)"
                                   r"\s*[(（]?\d*[)）]?$")),
    ("empty-comment notice", re.compile(r"暂无评论|还没有评论|快来(评论|评价|抢沙发)|抢沙发|说点什么吧")),
    ("related-articles list", re.compile(
        r"^(相关阅读|相关文章|相关新闻|相关推荐|推荐阅读|热门推荐|延伸阅读|猜你喜欢|更多精彩|热门文章|热门新闻)[:：]?$")),
)
_NOTICE_RULE = re.compile(r"本文为转载|转载内容|授权事宜|版权所有|未经授权.{0,10}(禁止|不得)|免责声明")
_BULLET = re.compile(r"^[•●▪◦◆■►▶]\s*")
_BYLINE = re.compile(
    r"^(文|作者|撰文|记者|特约记者|编辑|责编|责任编辑|来源|出品|策划|采写|整理|编译)\s*[|｜丨:：/]"
    r"|^[^，。,]{0,20}记者\s*[|｜丨]?\s*\S{1,20}$")
_CREDIT = re.compile(r"^(图片来源|图源|图片|摄影|配图|视频来源|题图)\s*[|｜丨:：/]")
_CAPTION = re.compile(r"^[*※▲△↑]\s*")
_PROSE_END = re.compile(r"[。；;]$")


@dataclass(frozen=True)
class _Line:
    number: int
    text: str


def document_name(path: Path) -> str:
    """'jiemian-openai-board.zh.txt' → 'jiemian-openai-board': the file stem without a language tag."""
    stem = path.name
    for suffix in (".txt", ".text", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return re.sub(r"\.(zh|zh[-_](cn|hans|sg))$", "", stem, flags=re.I) or path.name


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 (with or without BOM) first, then GB18030, else InputError."""
    if not data.strip():
        raise InputError("file is empty", path)
    if b"\x00" in data:
        raise InputError("binary data, not a text article (NUL byte)", path, _line_of(data, data.index(b"\x00")))
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    else:
        candidates = ("utf-8", "gb18030")
    first_error: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            first_error = first_error or error
            continue
        _reject_controls(text, path)
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    assert first_error is not None
    raise InputError(
        f"not UTF-8 or GB18030 text (byte 0x{data[first_error.start]:02x} cannot be decoded)",
        path, _line_of(data, first_error.start),
    ) from first_error


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _reject_controls(text: str, path: Path) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            if ord(char) < 32 and char not in _ALLOWED_CONTROLS or 0x7F <= ord(char) < 0xA0:
                raise InputError(f"binary data, not a text article (control character U+{ord(char):04X})",
                                 path, number)


def read_article(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError("no such file", path) from error
    except IsADirectoryError as error:
        raise InputError("is a folder, not an article file", path) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path) from error
    text, encoding = decode(data, path)
    return parse_article(text, path, encoding, hashlib.sha256(data).hexdigest())


def parse_article(text: str, path: Path, encoding: str = "utf-8", sha256: str = "") -> Document:
    lines = [_Line(number, " ".join(raw.split()))
             for number, raw in enumerate(text.split("\n"), start=1) if raw.strip()]
    removed: dict[int, str] = {}
    for line in lines:
        reason = _chrome_reason(line.text)
        if reason:
            removed[line.number] = reason
    _mark_related_lists(lines, removed)
    _mark_repeated_copies(lines, removed)
    kept = [line for line in lines if line.number not in removed]
    if not kept:
        raise InputError("no article text found: every line looks like page chrome", path)
    paragraphs = tuple(Paragraph(index, part, line.text, line.number)
                       for index, (line, part) in enumerate(zip(kept, _parts(kept), strict=True), start=1))
    removals = tuple(Removal(line.number, removed[line.number], line.text)
                     for line in lines if line.number in removed)
    return Document(document_name(path), path.name, encoding, sha256, paragraphs, removals)


def _chrome_reason(text: str) -> str | None:
    if len(text) <= _NOTICE_MAX_CHARS and _NOTICE_RULE.search(text):
        return "rights notice"
    if len(text) > _CHROME_MAX_CHARS:
        return None
    for reason, pattern in _CHROME_RULES:
        if pattern.search(text):
            return reason
    return None


def _is_headline_item(text: str) -> bool:
    """A bulleted line that does not end like a sentence of prose: a link to another article."""
    return bool(_BULLET.match(text)) and not _PROSE_END.search(text)


def _mark_related_lists(lines: list[_Line], removed: dict[int, str]) -> None:
    """Bulleted headline lists are links to other articles, and so is the short tag line that heads one."""
    for position, line in enumerate(lines):
        if line.number in removed or not _is_headline_item(line.text):
            continue
        removed[line.number] = "related-articles list"
        previous = position - 1
        if previous >= 0 and lines[previous].number not in removed:
            heading = lines[previous].text
            if len(heading) <= _HEADING_MAX_CHARS and not re.search(r"[。！？!?，,：:]", heading):
                removed[lines[previous].number] = "related-articles list"


def _mark_repeated_copies(lines: list[_Line], removed: dict[int, str]) -> None:
    """Scraped pages often carry the article twice; keep the first copy of every repeated run of lines.

    A run is a sequence of at least two consecutive kept lines that appears again later. A single line
    that appears twice is dropped where it sits among chrome (a page header echoing the title).
    """
    candidates = [line for line in lines if line.number not in removed]
    texts = [line.text for line in candidates]
    positions: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        positions.setdefault(text, []).append(index)

    run_length: dict[tuple[int, int], int] = {}
    for i in range(len(texts) - 1, -1, -1):
        for j in positions[texts[i]]:
            if j > i:
                run_length[(i, j)] = run_length.get((i + 1, j + 1), 0) + 1
    runs = sorted(((min(length, j - i), i, j) for (i, j), length in run_length.items()
                   if (i - 1, j - 1) not in run_length), key=lambda run: (-run[0], run[2]))
    dropped: set[int] = set()
    for length, i, j in runs:
        if length < 2:
            break
        original = range(i, i + length)
        copy = range(j, j + length)
        if any(k in dropped for k in original) or any(k in dropped for k in copy):
            continue
        dropped.update(copy)
        first, last = candidates[i].number, candidates[i + length - 1].number
        for k in copy:
            removed[candidates[k].number] = f"repeated copy of lines {first}-{last}"

    chrome_numbers = set(removed)
    neighbours = {line.number: (lines[p - 1].number if p else None,
                                lines[p + 1].number if p + 1 < len(lines) else None)
                  for p, line in enumerate(lines)}
    for text, indexes in positions.items():
        alive = [k for k in indexes if k not in dropped]
        if len(alive) < 2 or len(text) < _MIN_REPEATED_LINE_CHARS:
            continue

        def chrome_around(k: int) -> int:
            return sum(n in chrome_numbers for n in neighbours[candidates[k].number] if n is not None)

        keep = min(alive, key=lambda k: (chrome_around(k), k))
        for k in alive:
            if k != keep:
                dropped.add(k)
                removed[candidates[k].number] = f"repeated line (kept line {candidates[keep].number})"


def _is_heading(text: str) -> bool:
    return len(text) <= _HEADING_MAX_CHARS and not re.search(r"[。，,；;：:]", text)


def _parts(kept: list[_Line]) -> list[Part]:
    """Title, subtitle, byline and credits open the article; short unpunctuated lines after them are headings."""
    parts: list[Part] = []
    in_header = True
    for position, line in enumerate(kept):
        text = line.text
        short = len(text) <= _HEADER_MAX_CHARS
        if in_header and (position >= _HEADER_MAX_LINES or not short):
            in_header = False
        if short and _BYLINE.search(text):
            parts.append(Part.BYLINE)
        elif short and _CREDIT.search(text):
            parts.append(Part.CREDIT)
        elif in_header and Part.TITLE not in parts:
            parts.append(Part.TITLE)
        elif in_header and Part.SUBTITLE not in parts and Part.BYLINE not in parts:
            parts.append(Part.SUBTITLE)
        elif short and _CAPTION.match(text):
            parts.append(Part.CAPTION)
        elif _is_heading(text):
            parts.append(Part.HEADING)
        else:
            parts.append(Part.BODY)
    return parts
