"""Codes: what names a record, a version or a listing rather than rendering a term.

存在严重漏洞（CVE-2025-12345）cites an advisory; 新模型（v2.1.0）a release; 阿里巴巴（NYSE: BABA）a share. None of
them is the English of the Chinese before it, nor a Latin name for the glossary. By shape:
- digit groups that outweigh the letters: CVE-2025-12345, MS17-010, T1059.001, v2.1.0, 24H2, 2025-01-01;
- a long number with at most a short prefix: KB5034441, RFC 9110, 600519, 0700.HK;
- an exchange and a ticker: NASDAQ: NVDA, 纽交所：BABA, BABA.N; a bare ticker (BABA) where the text goes on
  about its share price.
Product names keep their one number (GPT-4, Windows 11, Phi-3, H100): their digits do not outweigh their letters.
"""
from __future__ import annotations

import re

_DIGIT_GROUPS = re.compile(r"\d+")
_SHORT_PREFIXED_NUMBER = re.compile(r"(?:[A-Za-z]{1,3}[ -]?)?\d{4,}(?:\.[A-Z]{1,2})?")
_LISTING = re.compile(r"(?:[A-Z]{2,8}|[\u4e00-\u9fff]{2,6})\s*[:：]\s*[A-Z0-9.]{1,10}"  # NASDAQ: NVDA, 港交所：0700
                      r"|[A-Z0-9]{1,6}\.(?:[A-Z]{1,2})")  # BABA.N, 0700.HK, 600519.SH
_IDENTIFIER = re.compile(r"[A-Za-z]*[-_ ]?\d[\w.\-/:]*")
_TICKER = re.compile(r"[A-Z]{1,5}")
# What follows a bare ticker: its price, its shares, its market value.
_SHARE_TALK = re.compile(r"^[\s）)]*(?:[，,]\s*)?(?:股价|股票|股份|市值|收涨|收跌|收盘|盘前|盘后|涨|跌|上涨|下跌|大涨|大跌)")


def is_code(text: str, following: str = "") -> bool:
    """Whether `text`, as it stands in parentheses or in running text, is a code rather than a name. `following`:
    the text right after it, which tells a bare ticker (阿里巴巴（BABA）股价) from an acronym."""
    text = text.strip()
    if not text:
        return False
    if _LISTING.fullmatch(text) or _SHORT_PREFIXED_NUMBER.fullmatch(text):
        return True
    if " " not in text.strip() or re.fullmatch(r"[A-Za-z][A-Za-z/]{0,4} \d[\d.\-]*", text):
        groups = _DIGIT_GROUPS.findall(text)
        digits = sum(len(group) for group in groups)
        letters = sum(char.isalpha() for char in text)
        if _IDENTIFIER.fullmatch(text) and len(groups) >= 2 and digits > letters:
            return True
    return bool(_TICKER.fullmatch(text) and _SHARE_TALK.match(following))
