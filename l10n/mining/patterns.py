"""How articles introduce names: the patterns, each yielding the Chinese term, its English and its short form.

- `中文（English）`, `中文 (English)`, `中文（English，以下简称X）`, `中文(English,下简称X)`, `中文（English，简称“X”）`
- `中文（以下简称“X”）`, `（以下简称：X）`, `（以下简称《X》）`, `《X》（AI RMF）（以下简称《Y》）`, `中文，简称X`, `中文，又称X`
- `English（中文）`: BYOVD（带来易受攻击的驱动程序）
- transliterated names with no English at all: 桑达尔·皮查伊
The Chinese boundary comes from boundaries.term_before; these patterns only find where to look.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .boundaries import HAN, NAME_DOT, term_before, transliterated_name
from .codes import is_code

_OPEN, _CLOSE = "（(", "）)"
_PARENTHETICAL = re.compile(r"[（(]\s*([^（()）\n]{1,100}?)\s*[)）]")
# A company's legal form ends its English name, its full stop and all: BlackRock Inc., Tencent Co., Ltd.
_LEGAL_FORM = r"(?:,?\s*(?:Inc|Corp|Co|Ltd|LLC|L\.P|PBC|plc|PLC|AG|SA|S\.A|GmbH|N\.V|B\.V)\.?)"
_LATIN_NAME = rf"(?:[A-Za-z][A-Za-z0-9.&'’\- \u00a0]*[A-Za-z0-9]|[A-Za-z]){_LEGAL_FORM}*"
_QUOTED_SHORT = r"[“\"「『《]?(?P<short>[^“”\"「」『』《》（）()，,。:：\s]{1,16})[”\"」』》]?"
_SHORT = rf"(?:以下|下文|下)?(?:简称|称|下称|又称)\s*[:：]?\s*{_QUOTED_SHORT}"
_ENGLISH_FIRST = re.compile(rf"(?P<en>{_LATIN_NAME})\s*(?:(?:[,，、;；]|\s或\s|或)\s*(?:{_SHORT}|.*))?$", re.DOTALL)
_SHORT_ONLY = re.compile(rf"{_SHORT}$")
_CHINESE_INSIDE = re.compile(rf"[{HAN}{NAME_DOT}]{{2,20}}")
# What a Chinese parenthetical after a Latin word says when it is not that word's Chinese name.
_NOT_A_NAME = re.compile(r"^(?:也|即|原|又|如|包括|约|通常|简称|下称|以下|来源|化名|注|编者|图|见|详见|含|不含|其中|例如|比如"
                         r"|一家|一个|一款|一种|一位|是|为|指|全称)")
_TRAILING_LATIN = re.compile(r"(?<![A-Za-z0-9])((?:[A-Z][A-Za-z0-9\-]* )*[A-Z][A-Za-z0-9\-]*[A-Za-z0-9])\s*$")
_OUTSIDE_SHORT = re.compile(rf"[，,]\s*(?:又称|简称|下称|以下简称)\s*[:：]?\s*{_QUOTED_SHORT}")
_DOTTED_NAME = re.compile(rf"[{HAN}]{{1,8}}(?:{NAME_DOT}[{HAN}]{{1,8}})+")
# Acronyms and words too generic to be glossary entries of their own: (AI), (PC), CEO.
GENERIC_LATIN = frozenset({"AI", "AGI", "CEO", "CTO", "CFO", "COO", "APP", "App", "IPO", "GPU", "CPU", "PC",
                           "OK", "VS", "VR", "AR", "IT", "IP", "PPT", "ICP", "QQ", "PR", "HR", "PBC"})


@dataclass(frozen=True)
class Introduction:
    source: str  # the Chinese term as the article writes it
    english: str  # "" when the article gives none
    short: str = ""  # the short form the article declares (以下简称X)
    pattern: str = ""  # which pattern found it, shown to the reviewer


def _clean_english(english: str) -> str:
    return " ".join(english.replace("\u00a0", " ").split())


def _step_over_parenthetical(left: str) -> tuple[str, str]:
    """《框架》（AI RMF）（以下简称《框架》）: the term is before the first parenthetical, whose English it has."""
    stripped = left.rstrip()
    if not stripped or stripped[-1] not in _CLOSE:
        return left, ""
    opening = max(stripped.rfind(char) for char in _OPEN)
    if opening < 0:
        return left, ""
    inner = stripped[opening + 1:-1].strip()
    english = _ENGLISH_FIRST.fullmatch(inner)
    return stripped[:opening], _clean_english(english["en"]) if english else ""


def _parentheticals(text: str) -> Iterator[Introduction]:
    for match in _PARENTHETICAL.finditer(text):
        inner, left = match[1], text[:match.start()]
        short_only = _SHORT_ONLY.fullmatch(inner)
        if short_only:
            left, english = _step_over_parenthetical(left)
            source = term_before(left, english, short_only["short"])
            if source:
                yield Introduction(source, english, short_only["short"], "（以下简称…）")
            continue
        if is_code(inner, text[match.end():]):  # 漏洞（CVE-2025-12345）, 阿里巴巴（BABA）股价: a reference
            continue
        english_first = _ENGLISH_FIRST.fullmatch(inner)
        if english_first and _ends_chinese(left):
            english = _clean_english(english_first["en"])
            if english in GENERIC_LATIN or is_code(english) or \
                    re.fullmatch(r"[\d.\-]+|www\..*|.*\.(?:com|cn|net|org)", english):
                continue
            short = english_first["short"] or ""
            source = term_before(left, english, short)
            if source:
                yield Introduction(source, english, short, "中文（English）")
            continue
        latin = _TRAILING_LATIN.search(left)
        if latin and _CHINESE_INSIDE.fullmatch(inner) and not _NOT_A_NAME.match(inner) \
                and latin[1] not in GENERIC_LATIN and not is_code(latin[1]):
            yield Introduction(inner, latin[1], "", "English（中文）")


def _ends_chinese(left: str) -> bool:
    stripped = left.rstrip(" \u3000\u00a0").rstrip("*_`")  # 持有**B类普通股** copied as plain text
    return bool(stripped) and bool(re.match(rf"[{HAN}》”」』’]", stripped[-1]))


def _outside_shorts(text: str) -> Iterator[Introduction]:
    for match in _OUTSIDE_SHORT.finditer(text):
        source = term_before(text[:match.start()], "", match["short"])
        if source:
            yield Introduction(source, "", match["short"], "…，简称…")


def _dotted_names(text: str) -> Iterator[Introduction]:
    for match in _DOTTED_NAME.finditer(text):
        name = transliterated_name(match.group(0))
        if name:
            yield Introduction(name, "", "", "transliterated name")


def introductions(text: str) -> list[Introduction]:
    """Every introduction in one block of plain text, in order of appearance."""
    introduced = [*_parentheticals(text), *_outside_shorts(text)]
    # A dotted name the English has already cut down (罗杰·马克·吐温 (Mark Twain) → 马克·吐温) is not offered whole.
    found = introduced + [name for name in _dotted_names(text)
                          if not any(name.source.endswith(other.source) and name.source != other.source
                                     for other in introduced)]
    return sorted(found, key=lambda found_one: _first_position(text, found_one.source))


def _first_position(text: str, source: str) -> int:
    position = text.find(source)
    return position if position >= 0 else len(text)
