"""Chrome told by its shape rather than by its words: counters, timestamps, calls to scan or join, and the
controls a page repeats. clean.py asks these alongside its phrase rules.

- A counter is a number with what it counts (4,060 条评论, 1164次阅读, 42粉丝, 支持[383] | 反对[7], 推荐0),
  a page number (1/3), or numbers with a word or two between them (3天|7天): a short line without a sentence.
- A timestamp line is a date, a time of day with its day, or a relative time (5小时前, 昨天 22:17), with no
  more around it than a field name, an account or a commenter's name: the date bar, "published at TIME by
  ACCOUNT" lines of platform-hosted articles, a comment's header, a headline's date in a list.
- A promotion is a short line that decorates a call to scan, join, add or follow with emoji or arrows
  (joining a readers' group, a QR code to scan below).
- A line of code (in copied text, where no <pre> says so): keywords, calls, assignments and brackets in
  ASCII, with Chinese at most inside its strings and comments.
- A repeated control is a short line without a sentence that a page prints again and again (不感兴趣, 回复,
  广告): once per item of a list, never the article's own words.
"""
from __future__ import annotations

import re
from collections import Counter

_SENTENCE = re.compile(r"[。，；;！？!?]")
_CLAUSE = re.compile(r"[。，；;]")
_HAN = re.compile(r"[\u3400-\u9fff]")

_NUMBER = r"\d[\d,.]*\s*[万千亿wWkK]?\+?"
_UNIT = (r"(条|次|人|个|位|篇)?已?(评论|回复|跟贴|跟帖|阅读|浏览|观看|播放|点赞|赞|收藏|分享|转发|粉丝|关注|文章|作品|参与"
         r"|打赏|喜欢|推荐|支持|反对|楼|看过|人气)")
_COUNTED = re.compile(rf"{_NUMBER}\s*{_UNIT}|{_UNIT}\s*[:：]?\s*[\[(（]?\s*{_NUMBER}")
_NUMBERS = re.compile(_NUMBER)
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$")
_COUNTER_MAX_CHARS = 30
_COUNTER_MAX_HAN = 6  # Han characters beside two or more numbers: 3天|7天, 顶 12 踩 3

_TIMESTAMP = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?"  # 2019-09-09 16:01
    r"|\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}([:：]\d{2})?"  # 01-14 17:58
    r"|\d+\s*(秒|分钟|小时|天|周|个月)前|刚刚|(昨天|前天|今天)(\s*\d{1,2}[:：]\d{2})?"  # 5小时前, 昨天 22:17
    r"|^\d{1,2}[:：]\d{2}([:：]\d{2})?$")  # a time of day on its own
_TIMESTAMP_MAX_CHARS = 40
_TIMESTAMP_MAX_REST = 30  # characters beside the timestamp: a field name, an account, a name, a headline

_DECORATION = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u25b2-\u25bc]")
_CALL = re.compile(r"加入|进群|入群|加群|扫码|扫描|长按|识别|添加|关注|订阅|报名|领取|私信|后台回复|点击")
_PROMOTION_MAX_CHARS = 60

_CODE_KEYWORD = re.compile(r"^\s*(import|from|def|class|return|if|elif|else|for|while|with|try|except|finally|raise"
                           r"|print|var|let|const|function|public|private|static|void|int|package|#include|SELECT|INSERT"
                           r"|UPDATE|DELETE|CREATE|async|await|yield|lambda|pass|break|continue|echo|export|sudo|pip|npm"
                           r"|git|cd|ls)\b")
_CODE_TOKEN = re.compile(r"=|\w\(|[{}]|;\s*$|::|->|^\s*(#|//)")
_STRING_OR_COMMENT = re.compile(r"'[^']*'|\"[^\"]*\"|#.*$|//.*$")
_CODE_MAX_HAN_SHARE = 0.2

_ORNAMENT = "\U0001F300-\U0001FAFF\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u25a0-\u25ff\u2500-\u257f\\-—–_=~|｜·•*#\\s"
_ORNAMENT_EDGES = re.compile(f"^[{_ORNAMENT}]+|[{_ORNAMENT}]+$")

_CONTROL_MAX_CHARS = 16
_CONTROL_MIN_COPIES = 3


def is_counter(text: str) -> bool:
    if len(text) > _COUNTER_MAX_CHARS or _SENTENCE.search(text):
        return False
    if _PAGE_NUMBER.match(text) or _COUNTED.search(text):
        return True
    return len(_NUMBERS.findall(text)) >= 2 and len(_HAN.findall(text)) <= _COUNTER_MAX_HAN


def is_timestamp_line(text: str) -> bool:
    if len(text) > _TIMESTAMP_MAX_CHARS or _CLAUSE.search(text):
        return False
    found = _TIMESTAMP.search(text)
    if not found:
        return False
    rest = (text[:found.start()] + text[found.end():]).replace(" ", "")
    return len(rest) <= _TIMESTAMP_MAX_REST


def is_promotion(text: str) -> bool:
    return len(text) <= _PROMOTION_MAX_CHARS and bool(_DECORATION.search(text)) and bool(_CALL.search(text))


def is_code(text: str) -> bool:
    """A line of a listing: a keyword or a code token, in ASCII once its strings and comments are set aside."""
    bare = _STRING_OR_COMMENT.sub("", text)
    if not bare.strip() or _CLAUSE.search(bare):
        return False
    letters = re.findall(r"\w", bare)
    if not letters or len(_HAN.findall(bare)) > _CODE_MAX_HAN_SHARE * len(letters):
        return False
    return bool(_CODE_KEYWORD.match(bare) or _CODE_TOKEN.search(bare))


def code_runs(texts: list[str]) -> set[int]:
    """Positions of lines of code that stand with another: a listing, not a formula in a sentence."""
    code = [is_code(text) for text in texts]
    return {position for position, is_line in enumerate(code)
            if is_line and (position > 0 and code[position - 1] or position + 1 < len(code) and code[position + 1])}


def undecorated(text: str) -> str:
    """The text without the ornaments around it: ▼ 往期推荐 ▼ → 往期推荐, -END- → END."""
    return _ORNAMENT_EDGES.sub("", text)


def repeated_controls(texts: list[str]) -> set[int]:
    """Positions of short lines without a sentence that the page prints _CONTROL_MIN_COPIES times or more."""
    copies = Counter(text for text in texts if len(text) <= _CONTROL_MAX_CHARS and not _SENTENCE.search(text))
    return {position for position, text in enumerate(texts) if copies.get(text, 0) >= _CONTROL_MIN_COPIES}
