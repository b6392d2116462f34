"""Quantities in Chinese and English text, as values: 1000万美元 and "$10 million" are both 10,000,000 USD.

Chinese writes large numbers in myriads (万 = 10⁴, 亿 = 10⁸), English in thousands (million, billion), so a
translation that keeps the digits keeps the wrong value: 77亿 is 7.7 billion, not 77 billion. `quantities`
reads a Chinese sentence and `english_quantities` an English one; `rendered_by` says whether an English
quantity renders a Chinese one (same value, or a rounding of it; same day; same currency). What is parsed:

- Chinese: Arabic digits (half- or full-width, with thousands commas and decimals) with a 万/亿/千/百 scale
  chain (1.5万亿 = 1.5 × 10¹²); Chinese numerals before a measure word or a currency (三名, 两次, 十亿美元);
  ordinals (第三); percentages (2.05%, 百分之五); dates (11月20日, 11月, 20日); currencies before or after
  (美元, 人民币/元, 港元, 英镑, 欧元, 日元). A range of two neighbouring numerals (五六天, 一两次) is
  approximate. Numbers glued to Latin letters (GPT-4, A16Z) are names, not quantities.
- English: digits with a scale word (1.7 billion, $86bn), number words (twenty-five, ten million, twice),
  ordinals (third, 20th), percentages (20.5%, 20.5 percent), dates (November 20, 20 November, Nov. 20) and
  currencies ($, US$, HK$, £, €, dollars, yuan, RMB, pounds, euros, yen).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUMBER = "number"
PERCENT = "percent"
DATE = "date"


@dataclass(frozen=True)
class Quantity:
    text: str  # as written
    start: int
    end: int
    kind: str  # NUMBER, PERCENT or DATE
    values: tuple[Decimal, ...] = ()  # one value; two for an approximate range (五六天: 5 or 6)
    currency: str = ""  # ISO 4217 code, "" when none is named
    month: int = 0  # dates: 0 when not given
    day: int = 0
    approximate: bool = False
    tolerance: Decimal = Decimal(0)  # English: how far a rounded rendering may be from the exact value
    year: bool = False  # 2018年: written 2018 in English, not 2,018

    @property
    def value(self) -> Decimal | None:
        return self.values[0] if self.values else None


# ---------------------------------------------------------------- Chinese

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_SCALES = {"万": 10**4, "亿": 10**8}
_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"

_ZH_CURRENCIES = {"美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "人民币": "CNY", "元": "CNY", "块": "CNY",
                  "英镑": "GBP", "欧元": "EUR", "日元": "JPY", "韩元": "KRW", "新台币": "TWD", "台币": "TWD"}
_ZH_CURRENCY = "|".join(sorted(map(re.escape, _ZH_CURRENCIES), key=len, reverse=True))
# What a Chinese numeral must stand before to count as a quantity: without one, 三星 is Samsung and 十分 "very".
_MEASURE_WORDS = ("名 位 个 家 次 人 年 天 周 个月 小时 分钟 秒 岁 倍 项 款 种 条 件 台 部 张 篇 场 轮 届 季 座 所 辆 架 "
                  "艘 份 间 层 页 股 笔 起 例 支 枚 颗 只 匹 套 批 组 类 宗 户 国 省 城 根 本 句 段 点 度").split()
_MEASURE = "|".join(sorted(map(re.escape, set(_MEASURE_WORDS)), key=len, reverse=True))

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LATIN_BEFORE = r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)"
_ZH_PATTERNS = re.compile(
    rf"(?P<time>{_LATIN_BEFORE}\d{{1,2}}[:：]\d{{2}})"
    rf"|(?P<date>{_LATIN_BEFORE}(?:(?P<month>\d{{1,2}})\s*月份?\s*(?:(?P<mday>\d{{1,2}})\s*[日号])?"
    rf"|(?P<day>\d{{1,2}})\s*[日号]))(?![A-Za-z0-9])"
    rf"|百分之(?P<pct_words>(?:{_ARABIC})|[{_CN_NUMERAL}]+)"
    rf"|(?:(?P<prefix>人民币|港币|美元)\s*)?"
    rf"{_LATIN_BEFORE}(?P<arabic>{_ARABIC})(?![A-Za-z0-9])\s*(?P<scale>[百千万亿]*)(?P<plus>多|余)?\s*"
    rf"(?:(?P<pct>%)|(?P<currency>{_ZH_CURRENCY}))?"
    rf"|(?P<ordinal>第)?(?P<numeral>[{_CN_NUMERAL}]+)(?P<cn_plus>多|余)?(?P<cn_currency>{_ZH_CURRENCY})?"
)


def _arabic_value(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _scaled(value: Decimal, scale: str) -> Decimal:
    for unit in scale:
        value *= {"百": 100, "千": 1000, **_CN_SCALES}[unit]
    return value


def chinese_numeral(text: str) -> int | None:
    """一千二百五十 → 1250, 十亿 → 10⁹, 两 → 2; None when it is not a well-formed numeral."""
    total, section, digit = 0, 0, None
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None and char not in "零〇":
                return None  # 五六: a range, not a number
            digit = _CN_DIGITS[char] if char not in "零〇" else None
        elif char in _CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * _CN_SMALL_UNITS[char]
            digit = None
        elif char in _CN_SCALES:
            scale = _CN_SCALES[char]
            amount = section + (digit or 0)
            if amount == 0 and total == 0:
                amount = 1
            if total and total % scale == 0 and amount == 0:
                total *= scale
            elif scale == 10**8:
                total = (total + amount) * scale
            else:
                total += amount * scale
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _chinese_range(text: str) -> tuple[int, int] | None:
    """五六 → (5, 6), 三四十 → (30, 40), 一两 → (1, 2): neighbouring digits, an approximate quantity."""
    match = re.fullmatch(r"([一二两三四五六七八九])([一二两三四五六七八九])([十百千万亿]*)", text)
    if not match:
        return None
    low, high = _CN_DIGITS[match.group(1)], _CN_DIGITS[match.group(2)]
    if high != low + 1:
        return None
    scale = chinese_numeral("一" + match.group(3)) if match.group(3) else 1
    return low * scale, high * scale


def quantities(zh_text: str) -> list[Quantity]:
    """Every quantity of a Chinese sentence, in order. Offsets index the text as given."""
    text = zh_text.translate(_FULL_WIDTH)  # one character for one: offsets stay valid
    found: list[Quantity] = []
    for match in _ZH_PATTERNS.finditer(text):
        quantity = _zh_quantity(match, text)
        if quantity is not None:
            found.append(quantity)
    return found


def _zh_quantity(match: re.Match, text: str) -> Quantity | None:
    start, end, written = match.start(), match.end(), match.group(0).strip()
    if match["time"]:
        return None  # 15:30 may become 3:30 p.m.; not checked
    if match["date"]:
        if match["month"]:
            month, day = int(match["month"]), int(match["mday"] or 0)
        else:
            month, day = 0, int(match["day"])
        if not 1 <= (month or 1) <= 12 or not 0 <= day <= 31:
            return None
        return Quantity(written, start, end, DATE, month=month, day=day)
    if match["pct_words"] is not None:
        words = match["pct_words"]
        value = _arabic_value(words) if words[0].isdigit() else chinese_numeral(words)
        return None if value is None else Quantity(written, start, end, PERCENT, (Decimal(value),))
    if match["arabic"]:
        value = _scaled(_arabic_value(match["arabic"]), match["scale"])
        currency = _ZH_CURRENCIES.get(match["currency"] or match["prefix"] or "", "")
        kind = PERCENT if match["pct"] else NUMBER
        start = match.start("prefix") if match["prefix"] else match.start("arabic")
        year = (kind == NUMBER and not currency and value == value.to_integral() and 1000 <= value <= 2999
                and text[end:].lstrip().startswith("年"))
        return Quantity(text[start:end].strip(), start, end, kind, (value,), currency, year=year)
    return _zh_numeral_quantity(match, text)


def _zh_numeral_quantity(match: re.Match, text: str) -> Quantity | None:
    numeral, start, end = match["numeral"], match.start(), match.end()
    if start and text[start - 1] in "几数上成好近":  # 几十, 数百, 上千: no value to check
        return None
    following = text[end:end + 3]
    if match["ordinal"]:
        value = chinese_numeral(numeral)
        return None if value in (None, 1) else Quantity(match.group(0), start, end, NUMBER, (Decimal(value),))
    measure = re.match(_MEASURE, following)
    if not (match["cn_currency"] or measure) or following.startswith("几"):
        return None
    written = match.group(0) + (measure.group(0) if measure and not match["cn_currency"] else "")
    if len(numeral) == 1 and numeral in "百千万亿":
        return None  # 百年, 千家万户, 万人: figures of speech
    currency = _ZH_CURRENCIES.get(match["cn_currency"] or "", "")
    approximate = _chinese_range(numeral)
    if approximate is not None:
        return Quantity(written, start, end, NUMBER, tuple(map(Decimal, approximate)), currency, approximate=True)
    value = chinese_numeral(numeral)
    if value is None or value == 1:
        return None  # 一名 is as often "a" as "one"
    return Quantity(written, start, end, NUMBER, (Decimal(value),), currency)


# ---------------------------------------------------------------- English

_MONTH_NAMES = [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
                ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"), ("October", "Oct"),
                ("November", "Nov"), ("December", "Dec")]
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MAY_AS_MONTH = re.compile(r"\b(?:in|of|since|until|till|by|from|early|late|mid|last|next|this)[\s-]+$", re.IGNORECASE)
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}
_WORD_VALUES = {**{word: n for n, word in enumerate(_UNITS)}, **_TENS, "twice": 2, "both": 2, "thrice": 3,
                "decade": 10, "decades": None, "dozen": 12, "a": 1, "an": 1}
_SCALE_WORDS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}
_NUMBER_WORD = "|".join(sorted([*(w for w in _WORD_VALUES if w not in ("a", "an", "decades")), *_SCALE_WORDS,
                                *_ORDINALS], key=len, reverse=True))

_EN_PREFIX_CURRENCIES = {"US$": "USD", "U.S.$": "USD", "HK$": "HKD", "NT$": "TWD", "$": "USD", "£": "GBP", "€": "EUR",
                         "¥": "CNY", "RMB": "CNY", "USD": "USD", "HKD": "HKD", "CNY": "CNY", "GBP": "GBP",
                         "EUR": "EUR", "JPY": "JPY"}
_EN_SUFFIX_CURRENCIES = [(r"(?:US |U\.S\. |American )dollars?", "USD"), (r"(?:Hong Kong|HK) dollars?", "HKD"),
                         (r"(?:New Taiwan|Taiwan|NT) dollars?", "TWD"), (r"dollars?", "USD"),
                         (r"yuan|renminbi|RMB|CNY", "CNY"), (r"(?:pounds?|pounds sterling|GBP)", "GBP"),
                         (r"euros?|EUR", "EUR"), (r"yen|JPY", "JPY"), (r"won", "KRW"), (r"(?:Hong Kong )?HKD", "HKD"),
                         (r"USD", "USD")]
_EN_SUFFIX = "|".join(f"(?:{pattern})" for pattern, _ in _EN_SUFFIX_CURRENCIES)
_EN_PREFIX = "|".join(sorted(map(re.escape, _EN_PREFIX_CURRENCIES), key=len, reverse=True))

_EN_PATTERNS = re.compile(
    rf"(?P<date>\b(?P<month>{_MONTH})\b\.?(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\b\.?)"
    rf"|(?:(?P<prefix>{_EN_PREFIX})\s?)?(?<![A-Za-z0-9.,])(?<![A-Za-z]-)(?P<digits>{_ARABIC})"
    rf"(?:(?P<abbrev>k|mn|mln|bn|tn|m|b)\b|(?P<ord>st|nd|rd|th)\b|\s*(?P<scale>(?:hundred|thousand|million|billion|"
    rf"trillion)(?:\s+(?:thousand|million|billion))?)\b)?(?![A-Za-z0-9])"
    rf"(?P<pct>\s*(?:%|per\s?cent\b|percentage points?\b))?"
    rf"|(?P<wprefix>{_EN_PREFIX})?\b(?P<words>(?:(?:an?|{_NUMBER_WORD})[\s-]+(?:and[\s-]+)?)*"
    rf"(?:{_NUMBER_WORD}))\b(?P<wpct>\s+(?:per\s?cent|percentage points?)\b)?",
    re.IGNORECASE,
)
_EN_CURRENCY_AFTER = re.compile(rf"\s*(?:(?:US|U\.S\.)\s+)?(?P<word>{_EN_SUFFIX})\b", re.IGNORECASE)


def _suffix_currency(text: str) -> str:
    match = _EN_CURRENCY_AFTER.match(text)
    if not match:
        return ""
    written = match.group(0).strip()
    if written.lower().startswith(("us ", "u.s. ")):
        return "USD"
    for pattern, code in _EN_SUFFIX_CURRENCIES:
        if re.fullmatch(pattern, match["word"], re.IGNORECASE):
            return code
    return ""


def _words_value(words: str) -> Decimal | None:
    """twenty-five → 25, ten million → 10⁷, a dozen → 12, three hundred thousand → 300,000."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    total, current, seen = 0, 0, False
    for position, token in enumerate(tokens):
        if token in ("a", "an"):
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            current += 1 if following in _SCALE_WORDS or following == "dozen" else 0
            continue
        if token in _SCALE_WORDS:
            scale = _SCALE_WORDS[token]
            current = max(current, 1) * scale if scale == 100 else current
            if scale > 100:
                total += max(current, 1) * scale
                current = 0
            seen = True
        elif token in _ORDINALS:
            current += _ORDINALS[token]
            seen = True
        elif token in _WORD_VALUES and _WORD_VALUES[token] is not None:
            value = _WORD_VALUES[token]
            current = max(current, 1) * 12 if token == "dozen" else current + value
            seen = True
        else:
            return None
    return Decimal(total + current) if seen else None


def english_quantities(en_text: str) -> list[Quantity]:
    """Every quantity of an English sentence, in order."""
    found: list[Quantity] = []
    for match in _EN_PATTERNS.finditer(en_text):
        quantity = _en_quantity(match, en_text)
        if quantity is not None:
            found.append(quantity)
    return found


def _en_quantity(match: re.Match, text: str) -> Quantity | None:
    start, end, written = match.start(), match.end(), match.group(0).strip()
    if match["date"]:
        month_name = match["month"] or match["month2"]
        month = _MONTHS.get(month_name[:1].upper() + month_name[1:].lower())
        if month is None or month_name.islower():
            return None  # months are capitalized
        if month_name == "May" and not (match["day"] or match["day2"] or _MAY_AS_MONTH.search(text[:start])
                                        or re.match(r"\s+\d{4}\b", text[end:])):
            return None  # "May we …": the verb, unless a day, a year or a preposition of time goes with it
        return Quantity(written, start, end, DATE, month=month, day=int(match["day"] or match["day2"] or 0))
    if match["digits"]:
        number = match["digits"]
        value = _arabic_value(number)
        decimals = len(number.split(".")[1]) if "." in number else 0
        unit = Decimal(1).scaleb(-decimals)
        scale = 1
        if match["abbrev"]:
            abbreviation = match["abbrev"].lower()
            if abbreviation in ("m", "b", "k") and not match["prefix"]:
                return Quantity(number, match.start("digits"), match.end("digits"), NUMBER, (value,))  # 10m: metres?
            scale = _SCALE_ABBREVIATIONS[abbreviation]
        elif match["scale"]:
            for word in match["scale"].lower().split():
                scale *= _SCALE_WORDS[word]
        tolerance = unit * scale / 2 if scale > 1 or decimals else Decimal(0)
        currency = _EN_PREFIX_CURRENCIES.get((match["prefix"] or "").upper(), "") or _suffix_currency(text[end:])
        kind = PERCENT if match["pct"] else NUMBER
        begin = match.start("prefix") if match["prefix"] else match.start("digits")
        return Quantity(text[begin:end].strip(), begin, end, kind, (value * scale,), currency, tolerance=tolerance)
    value = _words_value(match["words"])
    if value is None:
        return None
    tokens = match["words"].lower().split()
    scale = max((_SCALE_WORDS.get(t, 1) for t in tokens), default=1)
    currency = _EN_PREFIX_CURRENCIES.get((match["wprefix"] or "").upper(), "") or _suffix_currency(text[end:])
    kind = PERCENT if match["wpct"] else NUMBER
    return Quantity(written, start, end, kind, (value,), currency, tolerance=Decimal(scale) / 2 if scale > 100 else 0)


# ---------------------------------------------------------------- matching

def rendered_by(source: Quantity, target: Quantity) -> bool:
    """Whether an English quantity renders a Chinese one: the same value (a rounding of it is fine: "10.9
    million" for 1086万), the same date. Currencies are compared apart (see `currency_conflict`)."""
    if source.kind == DATE:
        if target.kind == DATE:
            return (not source.month or source.month == target.month) and (not source.day or source.day == target.day)
        return not source.month and target.value == source.day
    if target.kind == DATE or target.value is None:
        return False
    return any(abs(target.value - value) <= target.tolerance for value in source.values)


def currency_conflict(source: Quantity, targets: list[Quantity]) -> str:
    """The currency the English gives a Chinese amount instead of the source's, or "" when none conflicts."""
    if not source.currency:
        return ""
    named = {t.currency for t in targets if rendered_by(source, t)}
    if not named or source.currency in named or "" in named:
        return ""
    return sorted(named)[0]


def describe(quantity: Quantity) -> str:
    """A value as an English reader expects it: 10 million, 7.7 billion, 35,000, 2.05%, November 20."""
    if quantity.kind == DATE:
        month = _MONTH_NAMES[quantity.month - 1][0] if quantity.month else ""
        return " ".join(filter(None, [month, str(quantity.day or "")]))
    if quantity.year:
        return f"{quantity.value:f}"
    shown = " or ".join(_describe_value(value) for value in quantity.values)
    suffix = "%" if quantity.kind == PERCENT else ""
    return f"{shown}{suffix}" + (f" {quantity.currency}" if quantity.currency else "")


def _describe_value(value: Decimal) -> str:
    for word, scale in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return f"{value.normalize():,f}" if value == value.to_integral() else _plain(value)


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
