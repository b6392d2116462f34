"""Quantities in Chinese and English text, as values: 1000万美元 and "$10 million" are both 10,000,000 USD.

Chinese writes large numbers in myriads (万 = 10⁴, 亿 = 10⁸), English in thousands (million, billion), so a
translation that keeps the digits keeps the wrong value: 77亿 is 7.7 billion, not 77 billion. `quantities`
reads a Chinese sentence and `english_quantities` an English one; `unrendered` pairs them, one English
mention for each Chinese one. What is parsed:

- Chinese: Arabic digits (half- or full-width, with thousands commas and decimals) with a 万/亿/千/百 scale chain
  (1.5万亿 = 1.5 × 10¹², 1万200 = 10,200, 9000多万 = more than 90 million); Chinese numerals before a measure word or a
  currency (三名, 两次, 五方面, 四大, 十亿美元) and with a decimal point (零点五 = 0.5), a half after the measure word (两个半小时 =
  2.5), ages in decades (六旬 = 60); ordinals (第三); percentages (2.05%, 百分之五) and discounts (8折 = 20 % off);
  fractions (2/3, 三分之二); dates (11月20日, 11月, 20日, 8·12, 4-6月); times of day (15时20分, 10点半, 15:30); durations
  (1分20秒 = 80 seconds); decades and generations (20世纪70年代, 九十年代, 90后); currencies before or after (美元, 人民币/元, 港元,
  澳元, 英镑, 欧元, 日元). A range of two neighbouring numerals (五六天, 一两次) is approximate, and so is a vague count of a
  known order (几百年, 数千人, 十几两, 二十几个: several hundred, thousands, ten-odd, twenty-odd). Not quantities: numbers
  glued to Latin letters (GPT-4, A16Z, 28.4mg: never 28) or inside a title (《哈利波特5》), weekdays (周四), a list's
  leading number, and numerals inside a dictionary word that is not a count (王二, 三轮车, 八股文).
- English: digits with a scale word (1.7 billion, $86bn) or a unit (82mm, 11am), number words (twenty-five, ten
  million, twice, both, a pair, two decades), each number of a run on its own ("the first three" is 1 and 3, "nine
  thirty" 9 and 30), ordinals (third, 20th), fractions (two thirds, six hundredths, 1/3, 2 1/2, two and a half),
  ranges ("five or six", "a day or two"), percentages, dates (November 20, 20 November, Aug.12), times (3 p.m., 15:20, 10 o'clock,
  noon, midnight), durations (1 minute 20 seconds, 6'09''), decades (the 1970s, '90s, the nineties, post-90s),
  currencies ($, US$, $US, A$, HK$, £, €, dollars, yuan, RMB, pounds, euros, yen) and the units a figure may be
  converted into (130 pounds for 60公斤).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from decimal import Decimal

# Which of some words a misspelled word was meant to be (the spelling check's l10n.qa.spelling.slip_among), or None.
SlipAmong = Callable[[str, Iterable[str]], str | None]

NUMBER = "number"
PERCENT = "percent"
DATE = "date"
TIME = "time"  # a time of day
DECADE = "decade"


@dataclass(frozen=True)
class Quantity:
    text: str  # as written
    start: int
    end: int
    kind: str  # NUMBER, PERCENT, DATE, TIME or DECADE
    values: tuple[Decimal, ...] = ()  # one value; two for an approximate range (五六天: 5 or 6) or a discount
    currency: str = ""  # ISO 4217 code, "" when none is named
    month: int = 0  # dates: 0 when not given
    day: int = 0
    approximate: bool = False
    tolerance: Decimal = Decimal(0)  # English: how far a rounded rendering may be from the exact value
    year: bool = False  # 2018年: written 2018 in English, not 2,018
    hour: int = -1  # times of day; -1 when not a time
    minute: int = -1  # -1 when not given
    century: int = 0  # decades: 20 for 20世纪70年代 and for the 1970s; 0 when not given
    decade: int = 0  # 70 for the seventies
    any_yuan: bool = False  # written 元 alone: yuan, or the dollar of Taiwan or Hong Kong
    counted: bool = False  # Chinese: a count or rank in Chinese numerals (两人, 三个, 第三), which English may leave unsaid
    summary: bool = False  # Chinese: a count in digits of things named or referred to (2人都): "both", "they"
    unit: str = ""  # a unit English may convert (kg, m, km, cm, lb, ft, in, mi) or a unit of time (year, month …)
    spelled: bool = False  # English: written in words (one, first), not in figures
    ordinal: bool = False  # first, 20th; Chinese: 第三
    magnitude: int = 0  # Chinese: the order of a vague count (100 for 几百年, 1000 for 数千人), 0 for any other
    model: bool = False  # Chinese: the number of a model's name (卡-52, the Ka-52 helicopter; “华龙一号”, Hualong One)
    label: bool = False  # Chinese: a number with no measure word amid Chinese words (120急救中心): a code, a line
    same_period: bool = False  # Chinese: a year whose same period a figure is compared with (较2019年同期)
    odd: int = 0  # Chinese: a count with 多 or 余 (十多名, ten-odd): how far above its figure it may reach (10)
    whole_day: bool = False  # Chinese: either end of 0时至24时, 0—24时 (the whole of a day English dates as "on July 25")
    dateline: bool = False  # Chinese: the date of a dateline (中新网7月26日电), the day the events are dated from
    period: str = ""  # Chinese: the ends of a span of months English may name (1-6月: "the first half"), as a pattern
    below_zero: bool = False  # a temperature under zero (零下5摄氏度, -5C): its value is the figure as written, unsigned
    stage: bool = False  # Chinese: a ranked group, a stage of a competition (16强, 八强赛, 世界500强), not a count

    @property
    def value(self) -> Decimal | None:
        return self.values[0] if self.values else None


# ---------------------------------------------------------------- Chinese

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．／：", "0123456789%./:")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_SCALES = {"万": 10**4, "亿": 10**8}
_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGIT = "零〇一二两三四五六七八九"

_ZH_CURRENCIES = {"美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "人民币": "CNY", "元": "CNY", "块": "CNY",
                  "英镑": "GBP", "欧元": "EUR", "日元": "JPY", "韩元": "KRW", "新台币": "TWD", "台币": "TWD",
                  "澳元": "AUD", "加元": "CAD", "新加坡元": "SGD"}
_ANY_YUAN = {"元", "块"}
_YUAN_CURRENCIES = {"CNY", "TWD", "HKD", "MOP"}  # each counted in 元 in Chinese
_ZH_CURRENCY = "|".join(sorted(map(re.escape, _ZH_CURRENCIES), key=len, reverse=True))
# What a Chinese numeral must stand before to count as a quantity: without one, 三星 is Samsung and 十分 "very".
_MEASURE_WORDS = ("名 位 个 家 次 人 年 天 周 星期 个星期 个月 小时 个小时 分钟 秒 岁 倍 项 款 种 条 件 台 部 张 篇 场 轮 届 季 座 所 辆 架 "
                  "艘 份 间 层 页 股 笔 起 例 支 枚 颗 只 匹 套 批 组 类 宗 户 国 省 城 处 根 本 句 段 点 度 方面 大 两 周年 "
                  "斤 公斤 千克 米 公里 千米 厘米 公分 英尺 英寸 英里 磅 亩 公顷 里 千瓦时 千瓦 兆瓦 方 强 旬 夜 "
                  "平方米 平方公里 平方千米 摄氏度 华氏度 ℃ ℉").split()
# Units English may convert (60公斤 → "130 pounds", 20里 → "10 kilometres", 3000亩 → "200 hectares", 82万千瓦 → "820
# megawatts", 3000平方米 → "32,000 square feet") or say without their number ("for years"), by the code both sides use; 旬 is ten years of age (年过六旬).
# A kilowatt-hour is coded as its kilowatt: the prefixes scale both alike.
_ZH_UNITS = {"公斤": "kg", "千克": "kg", "斤": "jin", "米": "m", "公里": "km", "千米": "km", "厘米": "cm", "公分": "cm",
             "英尺": "ft", "英寸": "in", "英里": "mi", "磅": "lb", "里": "li", "亩": "mu", "公顷": "ha", "千瓦": "kW",
             "千瓦时": "kW", "兆瓦": "MW", "平方米": "sqm", "平方公里": "sqkm", "平方千米": "sqkm",
             "年": "year", "天": "day", "周": "week", "星期": "week", "个星期": "week", "个月": "month", "小时": "hour",
             "个小时": "hour", "分钟": "minute", "秒": "second", "岁": "year", "夜": "night", "摄氏度": "degC", "℃": "degC",
             "华氏度": "degF", "℉": "degF"}


@lru_cache(maxsize=1)
def _measure() -> re.Pattern:
    """Measure words at the start of a text, longest first: the list above (units, lengths of time, 方面, 大) and
    the characters both CC-CEDICT (a sense "classifier for …") and jieba's dictionary (part of speech q) take for
    measure words (粒, 盘, 棵, 道); either alone also takes nouns and verbs that are rarely counted with (头, 手, 环)."""
    from .cedict import classifiers
    from .words import dictionary_tag

    words = set(_MEASURE_WORDS) | {word for word in classifiers() if dictionary_tag(word) == "q"}
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
# Measure words that make a count of people or parties, which English often says as "they", "both", "the two".
PARTIES = set("人 位 名 个 家 国 方 者 岸 党".split())
# Characters a segmenter may join to a count without making it a name or an idiom: 前三名, 这两条, 第三.
_COUNT_PREFIXES = set("前后头首这那每近约共达仅逾超第")
_POSTPOSITIONS = set("间内来前后里中")  # 十年间, 三天内: a count of time with where it stands, still a count
_JOINING_WORDS = {"、", "和", "与", "及", "跟", "同", "以及"}  # 德国、法国和英国三国: three things listed
_CLAUSE_END = "，。；：！？、,;:!?“”\"（）()"
# What a figure before it makes a ranked group rather than a count of things: 16强 the last 16, 八强 the
# quarter-finals, 12强赛 the final qualifying round, 世界500强 the Global 500 (see _STAGE_NAME).
_RANKED_GROUP = "强"

# Units 千 stands before as the prefix kilo- (千瓦 kilowatt, 千克, 千米, 千兆瓦 gigawatt), not as a thousand.
_METRIC_UNITS = "瓦克米卡焦兆伏赫"
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_MODEL_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff][-－]")  # 卡-52: a Chinese name and a hyphen before the number
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LATIN_BEFORE = r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)"
# A date written year-month-day with hyphens (2022-01-17): a year and a date, as 2022年1月17日 is.
_ISO_DATE = r"(?<![\w.-])(?P<iso_year>(?:1[89]|20)\d\d)-(?P<iso_month>0?[1-9]|1[0-2])-(?P<iso_day>0?[1-9]|[12]\d|3[01])(?![\w.-])"
_ZH_PATTERNS = re.compile(
    rf"(?P<title>《[^《》]*》)"
    rf"|(?P<weekday>(?:周|星期|礼拜)[一二三四五六日天])"
    rf"|(?P<enumerator>^\s*\d{{1,2}}\s*[.、)）]\s*(?!\d))"
    rf"|(?P<iso>{_ISO_DATE})"
    rf"|(?P<race>{_LATIN_BEFORE}(?P<race_minutes>\d{{1,2}})分(?P<race_seconds>\d{{1,2}})秒(?P<race_fraction>\d{{1,3}})?)"
    rf"|(?P<clock>{_LATIN_BEFORE}(?P<clock_hour>\d{{1,2}}):(?P<clock_minute>\d{{2}})(?![\d:]))"
    rf"|(?P<decade>{_LATIN_BEFORE}(?:(?P<century>\d{{2}})\s*世纪\s*)?(?:(?P<decade_digits>\d0|[一二三四五六七八九]十)|(?P<decade_pair>[一二三四五六七八九]{{2}}十))\s*年代)"
    rf"|(?P<generation>{_LATIN_BEFORE}(?P<generation_digits>\d0|[一二三四五六七八九零][零〇])\s*后)"
    rf"|(?P<month_range>{_LATIN_BEFORE}(?P<range_from>\d{{1,2}})\s*[-－—–~～至到]\s*(?P<range_to>\d{{1,2}})\s*月(?!\s*\d))"
    rf"|(?P<listed_month>{_LATIN_BEFORE}\d{{1,2}})(?=\s*(?:以及|[和、及与])\s*\d{{1,2}}\s*月)"  # 7、8月份: July and August
    rf"|(?P<dotted>{_LATIN_BEFORE}(?P<dot_month>\d{{1,2}})\s*[·•・]\s*(?P<dot_day>\d{{1,2}})(?![\d.]))"
    rf"|(?P<hour>(?:(?P<daypart>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜里|夜间|早|晚|夜)\s*)?{_LATIN_BEFORE}"
    rf"(?P<hour_digits>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*"
    rf"(?:时(?!间|代|期(?!间)|候|刻|节|尚|事|局|势|装|空)|点(?(daypart)|(?=\s*(?:\d{{1,2}}\s*分|半|许|左右|整|钟|前后))))"
    rf"(?:\s*(?P<hour_minute>\d{{1,2}})\s*分|(?P<half>半))?)"
    rf"|(?P<fraction>{_LATIN_BEFORE}(?<!/)(?P<numerator>\d+)\s*/\s*(?P<denominator>\d+)(?![\d./]))"  # not in a path
    rf"|(?P<date>{_LATIN_BEFORE}(?:(?P<month>\d{{1,2}})\s*月份?\s*(?:(?P<mday>\d{{1,2}})\s*[日号]"
    rf"|(?P<listed_day>\d{{1,2}})(?=\s*(?:以及|[和、及与至到\-－—–~～])\s*(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*[日号]))?"
    rf"|(?P<day>\d{{1,2}})\s*[日号]))(?![A-Za-z])"
    rf"|百分之(?P<pct_words>(?:{_ARABIC})|[{_CN_NUMERAL}]+)"
    rf"|(?P<cn_fraction>(?P<cn_denominator>[{_CN_NUMERAL}]+)分之(?P<cn_numerator>[{_CN_NUMERAL}]+))"
    rf"|(?:(?P<prefix>人民币|港币|美元)\s*)?"
    rf"{_LATIN_BEFORE}(?P<arabic>{_ARABIC})(?![A-Za-z0-9]|\.\d)\s*(?:[多余](?=[万亿]))?(?P<scale>(?:[百万亿]|千(?![{_METRIC_UNITS}]))*)(?:(?<=[万亿])(?P<rest>\d+(?![\d.])))?"
    rf"(?P<plus>多|余)?\s*(?:(?P<pct>%)|(?P<discount>折)(?![合算旧扣])|(?P<tenths>成)|(?P<currency>{_ZH_CURRENCY})(?P<late_scale>[万亿](?=的|[^\u4e00-\u9fff]|$))?)?"
    rf"|(?P<cn_decimal>[{_CN_NUMERAL}]+点[{_CN_DIGIT}]+(?!点))"
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
    for position, char in enumerate(text):
        if char in _CN_DIGITS:
            if digit is not None and char not in "零〇":
                return None  # 五六: a range, not a number
            if char == "两" and position and text[position - 1] == "十":
                return None  # 五十两 is fifty taels, never 52
            digit = _CN_DIGITS[char] if char not in "零〇" else None
        elif char in _CN_SMALL_UNITS:
            if position and text[position - 1] in _CN_SMALL_UNITS:
                return None  # 千百万 ("millions upon millions"), 百千: figures of speech, not numbers
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
        found += _zh_quantities(match, text)
    return _units_of_ranges(_whole_days(found, text), text, _SPAN)


_SPAN = re.compile(r"\s*[-－—–~～至到]\s*")
_EN_SPAN = re.compile(r"\s*(?:[-–—]|to)\s*")


def _units_of_ranges(found: list[Quantity], text: str, span: re.Pattern) -> list[Quantity]:
    """The first figure of a range that writes a unit English may convert once, after the last (3-5米, 30至50公斤, "10
    to 16 feet"), is in that unit too: each end is converted."""
    for index, (first, last) in enumerate(zip(found, found[1:])):
        if (first.kind == last.kind == NUMBER and not first.unit and not first.currency and last.unit in _CONVERTIBLE
                and span.fullmatch(text, first.end, last.start)):
            found[index] = replace(first, unit=last.unit)
    return found


def _whole_days(found: list[Quantity], text: str) -> list[Quantity]:
    """Marks the ends of a span from hour 0 to hour 24 (7月25日0—24时, 0时至24时): the whole of a day, which English
    says as the day alone."""
    for index, (first, last) in enumerate(zip(found, found[1:])):
        if (last.kind == TIME and last.hour == 24 and (first.hour == 0 or (first.kind == NUMBER and first.text == "0"))
                and _SPAN.fullmatch(text, first.end, last.start)):
            found[index], found[index + 1] = replace(first, whole_day=True), replace(last, whole_day=True)
    return found


# The 电 of a dateline (7月26日电 据…, 7月26日电（记者…）), not the first character of a word (7月26日电视台, 电商).
_DATELINE = re.compile(r"电(?![\u3400-\u9fff])")


def _zh_quantities(match: re.Match, text: str) -> list[Quantity]:
    start, end, written = match.start(), match.end(), match.group(0).strip()
    if match["title"] or match["weekday"] or match["enumerator"]:
        return []  # a name, a day of the week (周四起诉 is not four), a list's own numbering
    if match["race"]:
        seconds = Decimal(f"{match['race_seconds']}.{match['race_fraction'] or 0}")
        return [Quantity(written, start, end, NUMBER, (int(match["race_minutes"]) * 60 + seconds,))]
    if match["iso"]:
        return _iso_date(match, start, end)
    if match["clock"] or match["hour"]:
        written_hour = match["clock_hour"] or match["hour_digits"]
        hour = int(written_hour) if written_hour.isdigit() else chinese_numeral(written_hour)
        if hour is None or (not written_hour.isdigit() and "点" not in written):
            return []  # 一时 "for a while", 四时 "the four seasons"
        minute = match["clock_minute"] or match["hour_minute"]
        minute = 30 if match["half"] else int(minute) if minute is not None else -1
        return [Quantity(written, start, end, TIME, hour=hour, minute=minute)] if hour <= 24 and minute < 60 else []
    if match["decade"]:
        century = int(match["century"] or 0)
        if match["decade_pair"]:  # 六七十年代: the sixties and seventies
            decades = _chinese_range(match["decade_pair"]) or ()
            return [Quantity(written, start, end, DECADE, century=century, decade=decade) for decade in decades]
        digits = match["decade_digits"]
        decade = int(digits) if digits[0].isdigit() else chinese_numeral(digits)
        return [Quantity(written, start, end, DECADE, century=century, decade=decade)]
    if match["generation"]:
        digits = match["generation_digits"]
        decade = int(digits) if digits[0].isdigit() else _CN_DIGITS[digits[0]] * 10
        return [Quantity(written, start, end, DECADE, decade=decade)]
    if match["month_range"]:
        months = [int(match["range_from"]), int(match["range_to"])]
        if not all(1 <= month <= 12 for month in months):
            return []
        period = _named_period(*months)
        return [Quantity(written, start, end, DATE, month=month, period=period) for month in months]
    if match["listed_month"]:
        month = int(match["listed_month"])
        return [Quantity(written, start, end, DATE, month=month)] if 1 <= month <= 12 else []
    if match["dotted"]:
        month, day = int(match["dot_month"]), int(match["dot_day"])
        return [Quantity(written, start, end, DATE, month=month, day=day)] if 1 <= month <= 12 and 1 <= day <= 31 else []
    if match["fraction"]:
        denominator = int(match["denominator"])
        if not denominator:
            return []
        return [Quantity(written, start, end, NUMBER, (Decimal(int(match["numerator"])) / denominator,))]
    if match["date"]:
        if match["month"]:
            month, day = int(match["month"]), int(match["mday"] or match["listed_day"] or 0)  # 7月17和7月22日
        else:
            month, day = 0, int(match["day"])
            if written.endswith("号") and _names_a_thing(text, end):
                return [Quantity(written[:-1].strip(), start, match.start("day") + len(match["day"]), NUMBER,
                                 (Decimal(day),))]  # 3号线, 5号高速公路: Line 3, the 5 Freeway
        if not 1 <= (month or 1) <= 12 or not 0 <= day <= 31:
            return []
        return [Quantity(written, start, end, DATE, month=month, day=day, dateline=bool(_DATELINE.match(text, end)))]
    if match["pct_words"] is not None:
        words = match["pct_words"]
        value = _arabic_value(words) if words[0].isdigit() else chinese_numeral(words)
        return [] if value is None else [Quantity(written, start, end, PERCENT, (Decimal(value),))]
    if match["cn_fraction"]:
        denominator, numerator = chinese_numeral(match["cn_denominator"]), chinese_numeral(match["cn_numerator"])
        if not denominator or numerator is None:
            return []
        return [Quantity(written, start, end, NUMBER, (Decimal(numerator) / denominator,))]
    if match["arabic"]:
        return [_zh_arabic_quantity(match, text)]
    if match["cn_decimal"]:
        whole, fraction = match["cn_decimal"].split("点")
        value = chinese_numeral(whole)
        if value is None:
            return []
        decimals = "".join(str(_CN_DIGITS[char]) for char in fraction)
        return [Quantity(written, start, end, NUMBER, (Decimal(f"{value}.{decimals}"),))]
    quantity = _zh_numeral_quantity(match, text)
    return [quantity] if quantity is not None else []


def _iso_date(match: re.Match, start: int, end: int) -> list[Quantity]:
    """2022-01-17: the year 2022 and January 17, in either language."""
    month, day = int(match["iso_month"]), int(match["iso_day"])
    return [Quantity(match["iso_year"], start, match.end("iso_year"), NUMBER, (Decimal(match["iso_year"]),), year=True),
            Quantity(match.group(0), start, end, DATE, month=month, day=day)]


_HALVES_AND_QUARTERS = {(1, 6): "first half|H1", (7, 12): "second half|H2", (1, 3): "first quarter|Q1",
                        (4, 6): "second quarter|Q2", (7, 9): "third quarter|Q3", (10, 12): "fourth quarter|Q4"}


def _named_period(first: int, last: int) -> str:
    """What English may call a span of months instead of naming them (1-6月 "the first half", 1-11月 "the first 11
    months", 10-12月 "the fourth quarter"), as a pattern; "" for a span it names by its months."""
    names = [_HALVES_AND_QUARTERS[(first, last)]] if (first, last) in _HALVES_AND_QUARTERS else []
    if first == 1 and last > 1:
        names.append(f"first (?:{last}|{_spelled(last)}) months")
    return rf"\b(?:{'|'.join(names)})\b" if names else ""


def _spelled(number: int) -> str:
    return ([*_UNITS, *_TEENS])[number] if number < 20 else str(number)


def _names_a_thing(text: str, end: int) -> bool:
    """Whether the 号 ending at `end` numbers a thing (3号线, 5号楼, 1号文件) rather than a day of the month (5号上午,
    5号发布): a noun follows it, or the segmenter joins 号 to what follows (号线)."""
    from .words import tagged

    following = tagged(text[end - 1:end + 6])
    if not following:
        return False
    if following[0][0] != "号":
        return following[0][0].startswith("号") and following[0][1].startswith("n")
    return len(following) > 1 and following[1][1].startswith("n") and following[1][1] != "nr"


def _zh_arabic_quantity(match: re.Match, text: str) -> Quantity:
    start, end = match.start(), match.end()
    # 434人民币亿: a scale after the currency word still scales the figure (43.4 billion yuan)
    value = _scaled(_arabic_value(match["arabic"]), match["scale"] or match["late_scale"] or "")
    if match["rest"] and match["scale"]:
        value += int(match["rest"])  # 1万200
    currency_word = match["currency"] or match["prefix"] or ""
    currency = _ZH_CURRENCIES.get(currency_word, "")
    start = match.start("prefix") if match["prefix"] else match.start("arabic")
    if match["tenths"]:
        if not _tenths(text, match.start("tenths")):
            end = match.start("tenths")  # 3成员国: 成员 (member) is a word of its own
        else:
            return Quantity(text[start:end].strip(), start, end, PERCENT, (value * 10,))  # 6成 is 60 %
    if match["discount"]:
        # 8折 and 85折 are what is paid (80 %, 85 %); English may say that or what is taken off (20 %, 15 %).
        paid = value * 10 if value < 10 else value
        return Quantity(text[start:end].strip(), start, end, PERCENT, (paid, 100 - paid))
    kind = PERCENT if match["pct"] else NUMBER
    measure = _measure().match(text[end:end + 4])  # 平方公里: four characters
    summary = (kind == NUMBER and not currency and measure is not None and value == value.to_integral()
               and 1 < value <= 10 and _sums_up(text, start, measure.group(0), int(value)))
    year = (kind == NUMBER and not currency and value == value.to_integral() and 1000 <= value <= 2999
            and text[end:].lstrip().startswith("年"))
    if kind == NUMBER and not currency and _and_a_half(text, end, measure):
        value += Decimal("0.5")  # 2个半小时: two and a half hours
    values = _in_units(value, measure) if kind == NUMBER and not currency else (value,)
    model = kind == NUMBER and not currency and start >= 2 and bool(_MODEL_NAME_BEFORE.match(text, start - 2))
    label = (kind == NUMBER and not (currency or measure or year or match["scale"]) and match["arabic"].isdigit()
             and value >= 100 and _labels(text, start, match.end("arabic")))
    below_zero = kind == NUMBER and not currency and _zh_below_zero(text, match.start("arabic"))
    unit = _unit_of(measure, below_zero)
    return Quantity(text[start:end].strip(), start, end, kind, values, currency, year=year,
                    any_yuan=currency_word in _ANY_YUAN, summary=summary, unit=unit,
                    model=model, label=label, same_period=year and bool(re.match(r"\s*年\s*同期", text[end:])),
                    below_zero=below_zero and unit in _TEMPERATURE_UNITS, stage=_names_a_stage(measure))


def _tenths(text: str, position: int) -> bool:
    """Whether the 成 after a figure counts tenths (6成是男性: 60 %), not the first character of a word (3成员国)."""
    from .words import is_word

    return not any(is_word(text[position:position + length]) for length in (2, 3, 4))


def _labels(text: str, start: int, end: int) -> bool:
    """Whether a number in digits names something rather than counting it: Chinese counts with a measure word, so a
    number with Chinese words on both sides and a word of two characters or more after it that is no measure word
    (公安局110接到报警, 当地120急救中心, 拨打12345热线) is a telephone number, a code or a line, which English may name by
    what it is ("an emergency call"). A unit the lists lack stands alone after its number (326吨, 128包): a count."""
    from .words import tagged

    following = tagged(text[end:end + 8])
    return (bool(_HAN.fullmatch(text[start - 1:start] + text[end:end + 1])) and bool(following)
            and len(following[0][0]) > 1 and not following[0][1].startswith(("q", "m")))


def _zh_numeral_quantity(match: re.Match, text: str) -> Quantity | None:
    numeral, start, end = match["numeral"], match.start(), match.end()
    if start and text[start - 1] in "几数":
        return _vague_count(text, start - 1, end, numeral, leading=True)
    if start and text[start - 1] in "上成好" and numeral[0] in "百千万亿":
        if text[start - 1] == "上" and text[max(0, start - 3):start - 2] != "成":  # 成千上万, 成百上千
            return _vague_count(text, start - 1, end, numeral, leading=True, measured=False)  # 上千: over a thousand
        return None  # 成千上万, 成百上千 (thousands upon thousands), 好几千; 造成三人死亡, 分成两组, 上两个月 are read
    if len(numeral) > 1 and numeral.endswith("两") and not match["cn_currency"]:
        numeral, end = numeral[:-1], end - 1  # 五十两: fifty taels (两 as a weight)
    following = text[end:end + 3]
    if match["ordinal"]:
        value = chinese_numeral(numeral)
        return None if value in (None, 1) else Quantity(match.group(0), start, end, NUMBER, (Decimal(value),),
                                                        counted=True, ordinal=True)
    if not (match["cn_currency"] or match["cn_plus"]) and _numbers_a_name(text, start, end):
        value = chinese_numeral(numeral)
        return None if value is None else Quantity(text[start:end + 1], start, end, NUMBER, (Decimal(value),),
                                                   model=True)
    measure = None if match["cn_currency"] else _measure().match(following)
    if following.startswith("几"):
        return None if match["cn_currency"] else _vague_count(text, start, end + 1, numeral, leading=False)
    if not (match["cn_currency"] or measure):
        return _counts_a_noun(numeral, text, start, end) or _large_numeral(numeral, text, start, end)
    written = text[start:end] + (measure.group(0) if measure else "")
    if len(numeral) == 1 and numeral in "百千万亿":
        return None  # 百年, 千家万户, 万人: figures of speech
    if numeral == "零" or not _is_a_count(text, start, end + (measure.end() if measure else 0), end):
        return None if measure is None else _counts_a_noun(numeral, text, start, end)  # 七部门: 部 begins 部门
    currency = _ZH_CURRENCIES.get(match["cn_currency"] or "", "")
    any_yuan = (match["cn_currency"] or "") in _ANY_YUAN
    approximate = _chinese_range(numeral) or ((100, 110) if numeral == "百十" else None)  # 百十年: a hundred or so
    if approximate is not None:
        return Quantity(written, start, end, NUMBER, tuple(map(Decimal, approximate)), currency, approximate=True,
                        any_yuan=any_yuan)
    value = chinese_numeral(numeral)
    half = not currency and _and_a_half(text, end, measure)
    if value is None or (value == 1 and not half):
        return None  # 一名 is as often "a" as "one"
    amount = Decimal(value) + (Decimal("0.5") if half else 0)
    odd = _CN_SMALL_UNITS.get(numeral[-1], 0) if match["cn_plus"] and measure is not None and not currency else 0
    below_zero = not currency and _zh_below_zero(text, start)
    unit = _unit_of(measure, below_zero)
    return Quantity(written, start, end, NUMBER, _in_units(amount, measure), currency, any_yuan=any_yuan,
                    counted=measure is not None and not currency, unit=unit, odd=odd,
                    below_zero=below_zero and unit in _TEMPERATURE_UNITS, stage=_names_a_stage(measure))


_CLOSING_QUOTES = frozenset("”’」』\"'")
_NAME_REACH = 6  # characters before a numeral read for the name it numbers


def _numbers_a_name(text: str, start: int, end: int) -> bool:
    """Whether a Chinese numeral and the 号 after it close a quoted name (“华龙一号”: Hualong One), whose number
    English keeps as a figure: a noun before them, a closing quotation mark right after. Unquoted, numeral and 号 are
    as often a day of the month as spoken (代表团一号抵达: the delegation arrived on the 1st)."""
    if text[end:end + 1] != "号" or text[end + 1:end + 2] not in _CLOSING_QUOTES:
        return False
    from .words import tagged

    offset = max(0, start - _NAME_REACH)
    words = tagged(text[offset:end + 1])
    for index, (word, _) in enumerate(words):
        if offset == start:
            return index > 0 and words[index - 1][1].startswith("n") and offset + len(word) == end + 1
        offset += len(word)
    return False


def _names_a_stage(measure: re.Match | None) -> bool:
    return measure is not None and measure.group(0) == _RANKED_GROUP


def _counts_a_noun(numeral: str, text: str, start: int, end: int) -> Quantity | None:
    """A small count of a common noun with no measure word between them (七部门联合印发, 他们三兄弟, 四菜一汤; see
    _noun_after). Not 一 (as often "a"), not a figure with 百, 千, 万 or 亿 (百年, 千人: figures of speech; myriads are
    read as amounts)."""
    value = chinese_numeral(numeral)
    if value is None or value < 2 or any(unit in numeral for unit in "百千万亿"):
        return None
    noun = _noun_after(text, start, end)
    if noun is None or not _is_a_count(text, start, end + len(noun), end):
        return None
    return Quantity(text[start:end + len(noun)], start, end, NUMBER, (Decimal(value),), counted=True)


_BIG = "大"  # 两大部分: "big" before a noun, which the segmenter may join to it (大部分 "the majority")


def _noun_after(text: str, start: int, end: int) -> str | None:
    """The noun right after a numeral (start, end) that counts it, or None: the next word when the numeral is a word
    of its own and the dictionary makes that word a noun (七部门); the rest of a word the segmenter only guessed
    that the numeral opens (四菜一汤: 四菜 is no dictionary word, 菜 is a noun); 大 and a noun the segmenter joined
    (两大部分 → 大部分, whose 部分 is the noun)."""
    from .words import dictionary_tag, is_word

    words = _words(text)
    index = bisect_right(_word_ends(text), start)
    if index >= len(words) or words[index][1] != start:
        return None
    word, _, word_end = words[index]
    if word_end > end:
        rest = text[end:word_end]
        return rest if not is_word(word) and dictionary_tag(rest) == "n" else None
    if word_end != end or index + 1 >= len(words):
        return None
    noun = words[index + 1][0]
    if dictionary_tag(noun) == "n" or (noun[0] == _BIG and dictionary_tag(noun[1:]) == "n"):
        return noun
    return None


def _vague_count(text: str, start: int, end: int, numeral: str, leading: bool, measured: bool = True) -> Quantity | None:
    """A count whose figure is vague but not its order: 几百年, 数千人 (several hundred, thousands: `leading`, a power
    of ten after 几 or 数), 十几两, 二十几个 (ten-odd, twenty-odd: tens before 几); with no measure word unless
    `measured` (上千新增病例, over a thousand new cases). Approximate, so reported only on evidence, but its order is a
    figure English keeps ("several thousand years", "centuries", "twenty-odd taels", "more than a thousand")."""
    value = chinese_numeral(numeral)
    if value is None or value < 10:
        return None
    if leading and not _power_of_ten(Decimal(value)):
        return None
    if not leading and not (value < 100 and value % 10 == 0):
        return None
    measure = _measure().match(text[end:end + 3])
    if (measure is None and measured) or not _is_a_count(text, start, end + (measure.end() if measure else 0)):
        return None
    low, high = (value, value * 10 - 1) if leading else (value, value + 9)
    return Quantity(text[start:end] + (measure.group(0) if measure else ""), start, end, NUMBER, (Decimal(low), Decimal(high)),
                    approximate=True, counted=True, unit=_unit_of(measure), magnitude=value if leading else 0)


# Numerals of myriads that are adverbs or figures of speech: 千万 (by all means), 万万 (absolutely), 亿万 (untold).
_NOT_AMOUNTS = {"千万", "万万", "亿万"}


def _large_numeral(numeral: str, text: str, start: int, end: int) -> Quantity | None:
    """A numeral of myriads with no measure word after it is still an amount (三千万 is a figure English must
    carry), unless it is an adverb (千万不要) or part of a word (百万富翁 is a millionaire). A round one (一万, 百万)
    is as often a figure of speech (一万个心眼子: no end of tricks): like a count, it is reported only on evidence
    (超过百万 → "more than a billion")."""
    if not numeral.endswith(("万", "亿")) or len(numeral) < 2 or numeral in _NOT_AMOUNTS:
        return None
    value = chinese_numeral(numeral)
    if value is None or not _is_a_count(text, start, end):
        return None
    return Quantity(text[start:end], start, end, NUMBER, (Decimal(value),), counted=_power_of_ten(Decimal(value)))


def _in_units(value: Decimal, measure: re.Match | None) -> tuple[Decimal, ...]:
    """A weight in 斤 may be given in kilograms (5斤 is 2.5 kg); 六旬 is sixty (years of age)."""
    if measure is not None and measure.group(0) == "旬":
        return (value * 10,)
    return (value, value / 2) if measure is not None and measure.group(0) == "斤" else (value,)


def _unit_of(measure: re.Match | None, below_zero: bool = False) -> str:
    """The unit code of a measure word; 度 below zero (零下5度) is a degree Celsius, elsewhere an angle or a grade."""
    if measure is None:
        return ""
    return "degC" if below_zero and measure.group(0) == "度" else _ZH_UNITS.get(measure.group(0), "")


_TEMPERATURE_UNITS = ("degC", "degF")
# What says a figure is under zero: 零下 or 负 before it, or a minus sign that joins no range (3-5 is three to five).
_ZH_BELOW_ZERO = re.compile(r"(?:零下|负|(?<![0-9A-Za-z.])[-－−])\s*$")


def _zh_below_zero(text: str, start: int) -> bool:
    return bool(_ZH_BELOW_ZERO.search(text, max(0, start - 3), start))


def _and_a_half(text: str, end: int, measure: re.Match | None) -> bool:
    """两个半小时, 一年半: a measure word followed by 半 adds a half."""
    return measure is not None and text[end + measure.end():end + measure.end() + 1] == "半"


def _is_a_count(text: str, start: int, end: int, measure_start: int | None = None) -> bool:
    """Whether a numeral and its measure word stand as words of their own: not inside a dictionary word that
    begins before the numeral (王二, 周四) or runs on past the measure word (三轮车, 八股文, 四周围), not a measure
    word that begins a word of its own (百万年薪: 年薪 is a salary, 亿万股民), and not a numeral and measure word that
    are a word of the dictionary none of whose senses says the number (四周 "all around", 四处 "everywhere",
    三角 "triangle"; 两国 "two countries", 四季 "four seasons" count). A word the segmenter only guessed (两人受 in
    致使两人受重伤) runs on by accident: only the dictionary's words count there."""
    from .words import is_word

    words = _words(text)
    # a word ending at or before the numeral can neither hold it nor run on past it: start at the first that may
    # (a sentence of thousands of counts walked all its words from its start for each)
    for index in range(bisect_right(_word_ends(text), start), len(words)):
        word, word_start, word_end = words[index]
        if word_start < start < word_end and text[start - 1] not in _COUNT_PREFIXES:
            return False  # 从近两个月 is 从 + 近两个月, whatever the segmenter guessed
        if word_start <= start and word_end > end and is_word(word) and not (
                word_end == end + 1 and text[end] in _POSTPOSITIONS):
            return False
        if word_start == measure_start and word_end > end and is_word(word):
            return False
        if word_start >= end:
            break
    return measure_start is None or _says_its_number(text[start:end], text[start:measure_start])


def _says_its_number(word: str, numeral: str) -> bool:
    """Whether a numeral and measure word is no dictionary word, or one whose senses say its number (两国 "two
    countries", 二手 "second-hand"), by CC-CEDICT."""
    from .cedict import definitions, entries

    senses = entries()[0].get(word)
    value = chinese_numeral(numeral)
    if not senses or value is None:
        return True
    return any(value in quantity.values for sense in definitions(senses) for quantity in english_quantities(sense))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    from .words import words

    return tuple(words(text))


@lru_cache(maxsize=256)
def _word_ends(text: str) -> tuple[int, ...]:
    """Where each of the text's words ends: ascending, as its words follow one another."""
    return tuple(word_end for _, _, word_end in _words(text))


def _sums_up(text: str, start: int, measure: str, value: int) -> bool:
    """Whether a count sums up things named or pointed at, so that English may say "both", "they", "Paris and
    Rome" instead of the number: a demonstrative before it (这两条), the things listed before it
    (德国、法国和英国三国, 春秋两季), or a count of people or parties opening a clause (两人都, 两国还)."""
    before = text[max(0, start - 40):start]
    clause = re.split(f"[{re.escape(_CLAUSE_END.replace('、', ''))}]", before)[-1]
    if clause[-1:] in "这那此该其":
        return True
    joins = sum(1 for word, _, _ in _words(clause) if word in _JOINING_WORDS)
    if joins and joins + 1 == value:
        return True
    return measure in PARTIES and (value == 2 or not clause.strip())


# ---------------------------------------------------------------- English

_MONTH_NAMES = [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
                ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"), ("October", "Oct"),
                ("November", "Nov"), ("December", "Dec")]
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MAY_AS_MONTH = re.compile(r"\b(?:in|of|since|until|till|by|from|early|late|mid|last|next|this)[\s-]+$"
                           rf"|\b(?-i:{'|'.join(name for name in _MONTHS if name != 'May')})\.?"
                           r"(?:\s+\d{1,2})?(?:,\s*|\s+(?:and|or|to|through|until)\s+)$", re.IGNORECASE)  # "April and May"
_MAY_REACH = 40  # characters before "May" read for a preposition or a month before it ("in May", "April 30 and May")
_YEAR_AFTER = re.compile(r"\s+\d{4}\b")
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}
# The parts of a whole a numerator counts: "three tenths", "six hundredths", "a thousandth" (of a second).
_DENOMINATORS = {**{ordinal + "s": value for ordinal, value in _ORDINALS.items() if value >= 3},
                 "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000}
# Words that are a number on their own (both, twice) or multiply the one before them (two decades, a dozen).
_STANDALONE = {"twice": 2, "both": 2, "thrice": 3, "neither": 2, "either": 2, "twin": 2, "twins": 2, "dual": 2,
               "double": 2, "triple": 3, "doubled": 2, "tripled": 3, "quadrupled": 4, "secondary": 2, "sevens": 7, "twos": 2, "threes": 3, "fours": 4,
               "fives": 5, "sixes": 6, "eights": 8, "nines": 9,
               # anniversaries English names by a word of their own (建党100周年: the party's centenary)
               "centenary": 100, "centennial": 100, "sesquicentennial": 150, "bicentenary": 200, "bicentennial": 200,
               "tercentenary": 300, "tricentennial": 300,
               "fortnight": 2}  # two weeks (两星期, 两周)
# Spans of years that count only after a number ("three millennia", "two centuries"): "this century" says none.
_CENTURIES = {"century": 100, "centuries": 100, "millennium": 1000, "millennia": 1000}
_MULTIPLIERS = {"dozen": 12, "dozens": 12, "decade": 10, "decades": 10, "couple": 2, "pair": 2, "score": 20,
                **_CENTURIES}
_SCALE_WORDS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}
_DECADE_WORDS = {word[:-1] + "ies": value for word, value in _TENS.items()}  # the twenties … the nineties
_DAY_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))  # the Fourth of July, the twenty-first of May
_NUMBER_WORD = "|".join(sorted([*_UNITS[1:], *_TEENS, *_TENS, *_STANDALONE, *_MULTIPLIERS, *_SCALE_WORDS,
                                *_ORDINALS, *_DENOMINATORS, "quarters?"], key=len, reverse=True))
# Units written glued to a number (82mm, 540ns, 11am): the number is still a quantity.
_GLUED_UNITS = ("(?-i:mm|cm|km|m|kg|mg|ml|ns|ms|s|h|hrs?|min|mph|kph|ft|lbs?|oz|sqm|ha|GB|MB|TB|kW|MW|GW|kWh|MWh|"
                "GWh|kV|Hz|GHz|MHz|bp|yrs?|C|F)")  # 5C, 90F: degrees, as British and American news write them

_EN_PREFIX_CURRENCIES = {"US$": "USD", "U.S.$": "USD", "$US": "USD", "HK$": "HKD", "NT$": "TWD", "A$": "AUD",
                         "AU$": "AUD", "$A": "AUD", "C$": "CAD", "S$": "SGD", "$": "USD", "£": "GBP", "€": "EUR",
                         "¥": "CNY", "RMB": "CNY", "USD": "USD", "HKD": "HKD", "CNY": "CNY", "GBP": "GBP",
                         "EUR": "EUR", "JPY": "JPY", "AUD": "AUD"}
_EN_SUFFIX_CURRENCIES = [(r"(?:US |U\.S\. |American )dollars?", "USD"), (r"(?:Hong Kong|HK) dollars?", "HKD"),
                         (r"(?:New Taiwan|Taiwan|NT) dollars?", "TWD"), (r"Australian dollars?", "AUD"),
                         (r"Canadian dollars?", "CAD"), (r"dollars?", "USD"),
                         (r"yuan|renminbi|RMB|CNY", "CNY"), (r"(?:pounds?|pounds sterling|GBP)", "GBP"),
                         (r"euros?|EUR", "EUR"), (r"yen|JPY", "JPY"), (r"(?:Korean )?won", "KRW"),
                         (r"(?:Hong Kong )?HKD", "HKD"), (r"USD", "USD"), (r"AUD", "AUD")]
_EN_SUFFIX = "|".join(f"(?:{pattern})" for pattern, _ in _EN_SUFFIX_CURRENCIES)
_EN_PREFIX = "|".join(sorted(map(re.escape, _EN_PREFIX_CURRENCIES), key=len, reverse=True))

# Words before the last of a number said in words: "nine hundred and ninety-nine thousand nine hundred and
# ninety-nine" has eight. The bound keeps a run of "a a a …" linear: unbounded, each "a" read the whole run.
_LONGEST_WORDS = 12
# A day "of" a month is no date when the month owns what follows: "the second of March's meetings" is a meeting.
_EN_PATTERNS = re.compile(
    rf"(?P<date>\b(?P<month>{_MONTH})\b(?:\.?(?:(?<=\.)\s*|\s+)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b|\.)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+(?!(?:{_MONTH})['’]s\b))?(?P<month2>{_MONTH})\b\.?"
    rf"|\b(?P<day_words>(?:(?:twenty|thirty)[\s-])?(?:{_DAY_ORDINAL}))\s+of\s+(?P<month3>{_MONTH})\b(?!['’]s\b))"
    rf"|(?P<iso>{_ISO_DATE})"
    rf"|(?P<race>(?<![\w.:])(?P<race_minutes>\d{{1,2}})[:.](?P<race_seconds>\d{{2}})\.(?P<race_fraction>\d{{1,3}})(?![\d.]))"
    rf"|(?P<duration>(?<![\w.:'’])(?P<duration_minutes>\d{{1,3}})\s*(?:minutes?\s+(?:and\s+)?(?P<duration_seconds>\d{{1,2}})"
    rf"\s*seconds?\b|['′’](?P<duration_primes>\d{{2}})(?:''|″|\"|’’)?(?![\w'’])))"
    rf"|(?P<noon>\b(?:noon|midday|midnight)\b)"
    rf"|(?P<right_angle>\bright[\s-]angle(?:s|d)?\b)"
    rf"|(?P<time>(?<![\w.:$])(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*"
    rf"(?:[ap]\.?\s?m\b\.?|o['’]clock\b)|(?<![\w.:$])(?P<hour24>\d{{1,2}}):(?P<minute24>\d{{2}})(?![\d:]))"
    rf"|(?P<decade>(?<![\w'’$])(?:post-?)?(?:(?P<decade_century>1\d|20)(?P<decade_digit>\d)0|(?P<decade_short>\d)0)"
    rf"['’]?s\b|['’](?P<decade_apostrophe>\d)0s\b|\b(?P<decade_word>{'|'.join(_DECADE_WORDS)})\b)"
    rf"|(?P<fraction>(?<![\w.,/])(?:(?P<whole>\d+)\s+(?=\d/))?(?P<numerator>\d+)/(?P<denominator>\d+)(?![\w/]))"
    rf"|(?:(?P<prefix>{_EN_PREFIX})\s?|(?<![A-Za-z0-9.,])(?<![A-Za-z]-)|(?<=\bNo)|(?<=\bNo\.))(?P<digits>{_ARABIC})"
    rf"(?:(?P<abbrev>k|mn|mln|bn|tn|m|b)\b|(?P<ord>st|nd|rd|th)\b|(?:-|\s*)(?P<scale>(?:hundred|thousand|million|billion|"
    rf"trillion)(?:\s+(?:thousand|million|billion))?)\b|(?P<unit>{_GLUED_UNITS})\b)?(?![A-Za-z0-9])"
    rf"(?P<pct>\s*(?:%|per\s?cent\b|percentage points?\b))?"
    rf"|(?P<wprefix>{_EN_PREFIX})?\b(?P<words>(?:(?:an?|{_NUMBER_WORD})[\s-]+(?:and[\s-]+)?){{0,{_LONGEST_WORDS}}}"
    rf"(?:{_NUMBER_WORD}))\b(?P<wpct>\s+(?:per\s?cent|percentage points?)\b)?",
    re.IGNORECASE,
)
# A unit after an English figure that a source unit may have been converted to, or a duration in months.
_EN_UNITS = {"pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb", "foot": "ft", "feet": "ft", "ft": "ft",
             "inch": "in", "inches": "in", "mile": "mi", "miles": "mi", "kilogram": "kg", "kilograms": "kg",
             "kilo": "kg", "kilos": "kg", "kg": "kg", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
             "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "km": "km",
             "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm", "cm": "cm",
             "mph": "mi", "kph": "km",  # a speed: 100 km an hour (每小时100公里) is 62 mph
             "hectare": "ha", "hectares": "ha", "ha": "ha", "acre": "acre", "acres": "acre",
             "kilowatt": "kW", "kilowatts": "kW", "kw": "kW", "kwh": "kW", "megawatt": "MW", "megawatts": "MW",
             "mw": "MW", "mwh": "MW", "gigawatt": "GW", "gigawatts": "GW", "gw": "GW", "gwh": "GW",
             "month": "month", "months": "month", "times": "times",
             "celsius": "degC", "centigrade": "degC", "fahrenheit": "degF"}
# A scale's letter is a temperature's unit only glued to its figure (5C) or after a degree ("5 °C", "5 degrees C"):
# "Building 5 C", "on 12 F" are a block and a row.
_DEGREE_LETTERS = {"c": "degC", "f": "degF"}
_EN_UNIT_AFTER = re.compile(r"(?:\s+|-)(?P<square>(?:square|sq\.?)[\s-]+)?(?P<word>[A-Za-z]+)\b")  # sq ft
_EN_DEGREES = re.compile(r"\s*(?:°\s*|[\s-]degrees?\s+)(?P<scale>F|C|Fahrenheit|Celsius|centigrade)\b", re.IGNORECASE)
_AND_A_HALF = re.compile(r"[\s-]+and[\s-]+a[\s-]+half\b", re.IGNORECASE)  # two and a half, two-and-a-half-hour
_EN_CURRENCY_AFTER = re.compile(rf"(?:-|\s*)(?:(?:US|U\.S\.)\s+)?(?P<word>{_EN_SUFFIX})\b", re.IGNORECASE)  # 5-billion-yuan


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


def _word_kind(token: str) -> str:
    if token in _UNITS:
        return "unit"
    if token in _TEENS:
        return "teen"
    if token in _TENS:
        return "tens"
    if token in _SCALE_WORDS:
        return "hundred" if token == "hundred" else "scale"
    if token in _ORDINALS or token in _DENOMINATORS or token in ("quarter", "quarters"):
        return "ordinal"
    if token in _MULTIPLIERS:
        return "multiplier"
    if token in _STANDALONE:
        return "standalone"
    return "other"


def word_numbers(words: str) -> list[tuple[Decimal, int, bool]]:
    """The numbers of a run of number words, each with its largest scale and whether it is an ordinal:
    "twenty-five" is one, "the first three" two (1 and 3), "nine thirty" two (9 and 30), "two thirds" a
    fraction, "two decades" 20."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t]
    # "six one-hundredths": the one is the denominator's (a hundredth), not a number of its own
    tokens = [token for position, token in enumerate(tokens)
              if not (token == "one" and 0 < position < len(tokens) - 1 and _DENOMINATORS.get(tokens[position + 1], 0) >= 100
                      and _word_kind(tokens[position - 1]) in ("unit", "teen", "tens"))]
    numbers: list[tuple[Decimal, int, bool]] = []
    total, current, scale, last = 0, 0, 1, None

    def flush() -> None:
        nonlocal total, current, scale, last
        if last is not None and last not in ("a", "and"):
            numbers.append((Decimal(total + current), scale, last == "ordinal"))
        total, current, scale, last = 0, 0, 1, None

    for position, token in enumerate(tokens):
        kind = _word_kind(token)
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token in ("a", "an"):
            flush()
            if (_word_kind(following) in ("hundred", "scale", "multiplier")
                    or following in ("third", "quarter", "hundredth", "thousandth")):
                current, last = 1, "a"
            continue
        if token == "and":
            if last not in ("hundred", "scale"):
                flush()
            continue
        if kind in ("unit", "teen", "tens"):
            value = _UNITS.index(token) if kind == "unit" else _TEENS.index(token) + 10 if kind == "teen" else _TENS[token]
            joins = last in (None, "a", "hundred", "scale") or (last == "tens" and kind == "unit")
            if not joins:
                flush()
            current += value
            last = kind
        elif kind in ("hundred", "scale"):
            if last not in (None, "a", "unit", "teen", "tens", "hundred") or (kind == "hundred" and last == "hundred"):
                flush()
            unit = _SCALE_WORDS[token]
            if kind == "hundred":
                current = max(current, 1) * unit
            else:
                total += max(current, 1) * unit
                current = 0
            scale = max(scale, unit)
            last = kind
        elif kind == "ordinal":
            denominator = _DENOMINATORS.get(token) or {"quarter": 4, "quarters": 4}.get(token) or _ORDINALS.get(token, 0)
            numerator = last in ("unit", "a") or (last in ("teen", "tens") and token in _DENOMINATORS)  # eleven twelfths
            if numerator and denominator >= 3 and not total and current < denominator:
                numbers.append((Decimal(current) / denominator, 1, False))  # two thirds, a quarter, six hundredths
                total, current, scale, last = 0, 0, 1, None
                continue
            if last == "tens" and denominator < 10:
                current += denominator  # twenty-first
                last = kind
                flush()
                continue
            flush()
            if token in _ORDINALS:
                current, last = _ORDINALS[token], kind
                flush()
        elif kind == "multiplier":
            if last in ("unit", "teen", "tens", "a"):
                current = (total + current) * _MULTIPLIERS[token]
                total, last = 0, kind
                flush()
            else:
                flush()
                if not token.endswith("s") and token not in _CENTURIES:  # "decades" alone is no number
                    current, last = _MULTIPLIERS[token], kind
                    flush()
        elif kind == "standalone":
            flush()
            current, last = _STANDALONE[token], kind
            flush()
        else:
            flush()
    flush()
    return numbers


def english_quantities(en_text: str, slip_among: SlipAmong | None = None) -> list[Quantity]:
    """Every quantity of an English sentence, in order. `slip_among`: which of some words a misspelled word was
    meant to be, for a part of a whole misspelled after a numerator (see _misspelled_part); none read without it."""
    found: list[Quantity] = []
    for match in _EN_PATTERNS.finditer(en_text):
        found += _en_quantities(match, en_text, slip_among)
    return _listed_days(_units_of_ranges(_ranges(found, en_text), en_text, _EN_SPAN), en_text)


# Between two days of one month written once ("July 17 and 22", "July 17-22"), and what may not follow the second:
# a plural noun or a figure ("July 17 and 22 people" counts people).
_DAY_JOIN = re.compile(r"\s*(?:and|to|through|&|-|–|—)\s*")
_DAY_END = re.compile(r"(?!\s*(?:(?!(?:this|was|is|has|as|its|his|us|thus|plus|across|unless)\b)[a-z]*[a-rt-z]s\b"
                      r"|people|men|women|children|\d))")  # a word ending in s that is no plural ("22 this year")


def _listed_days(found: list[Quantity], text: str) -> list[Quantity]:
    """A day of the month after a date, its month not written again ("July 17 and 22"), is a date of that month."""
    for index, (previous, quantity) in enumerate(zip(found, found[1:]), start=1):
        if (previous.kind == DATE and previous.month and previous.day and quantity.kind == NUMBER
                and not quantity.spelled and quantity.value is not None and quantity.value == quantity.value.to_integral()
                and 1 <= quantity.value <= 31 and _DAY_JOIN.fullmatch(text, previous.end, quantity.start)
                and _DAY_END.match(text, quantity.end)):
            found[index] = replace(quantity, kind=DATE, values=(), month=previous.month, day=int(quantity.value))
    return found


_A_THING_OR = re.compile(r"\b(?:a|an)\s+[A-Za-z]+\s+or\s+$", re.IGNORECASE)


def _three_words_back(text: str, end: int) -> int:
    """Where the third whitespace-separated word before `end` starts: "a day or " ending at `end` starts no earlier,
    so that it is looked for there, not in all the text before every figure (2,000 figures: seconds). A word of
    anything but ASCII letters holds no match either: the walk stops there ("1;2;3;…" has no spaces to stop at)."""
    position = end
    for _ in range(3):
        while position and text[position - 1].isspace():
            position -= 1
        while position and text[position - 1] in _ASCII_LETTERS:
            position -= 1
        if position and not text[position - 1].isspace():
            break
    return position


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """Two numbers joined by "or" are one approximate quantity, as 五六天 is: "five or six days", "one or two";
    "a day or two" is one or two."""
    merged: list[Quantity] = []
    for quantity in found:
        previous = merged[-1] if merged else None
        if (quantity.kind == NUMBER and previous is not None and previous.kind == NUMBER and not quantity.approximate
                and re.fullmatch(r"\s+or\s+", text[previous.end:quantity.start])):
            merged[-1] = replace(previous, text=text[previous.start:quantity.end], end=quantity.end,
                                 values=previous.values + quantity.values, approximate=True)
        elif quantity.kind == NUMBER and _A_THING_OR.search(text, _three_words_back(text, quantity.start), quantity.start):
            merged.append(replace(quantity, values=(Decimal(1), *quantity.values), approximate=True))
        else:
            merged.append(quantity)
    return merged


def _en_quantities(match: re.Match, text: str, slip_among: SlipAmong | None) -> list[Quantity]:
    start, end, written = match.start(), match.end(), match.group(0).strip()
    if match["date"]:
        month_name = match["month"] or match["month2"] or match["month3"]
        month = _MONTHS.get(month_name[:1].upper() + month_name[1:].lower())
        if month is None or month_name.islower():
            return []  # months are capitalized
        day = int(match["day"] or match["day2"] or 0) or _day_in_words(match["day_words"] or "")
        if month_name == "May" and not (day or _YEAR_AFTER.match(text, end)
                                        or _MAY_AS_MONTH.search(text, max(0, start - _MAY_REACH), start)):
            return []  # "May we …": the verb, unless a day, a year or a preposition of time goes with it
        return [Quantity(written, start, end, DATE, month=month, day=day)]
    if match["iso"]:
        return _iso_date(match, start, end)
    if match["race"]:  # a race time, 1:57.05
        seconds = Decimal(f"{match['race_seconds']}.{match['race_fraction']}")
        return [Quantity(written, start, end, NUMBER, (int(match["race_minutes"]) * 60 + seconds,))]
    if match["duration"]:  # 1 minute 20 seconds, 6'09'': in seconds, as 1分20秒 is read
        seconds = int(match["duration_seconds"] or match["duration_primes"])
        return [Quantity(written, start, end, NUMBER, (Decimal(int(match["duration_minutes"]) * 60 + seconds),))]
    if match["right_angle"]:  # 90度直角 → "at right angles"
        return [Quantity(written, start, end, NUMBER, (Decimal(90),))]
    if match["noon"]:  # 12时 → "at noon", 24时 → "midnight"
        return [Quantity(written, start, end, TIME, hour=0 if written.lower() == "midnight" else 12, minute=0)]
    if match["time"]:
        hour = int(match["hour"] or match["hour24"])
        minute = match["minute"] or match["minute24"]
        if hour > 24 or (minute is not None and int(minute) > 59):
            return []
        afternoon = re.search(r"p\.?\s?m", written, re.IGNORECASE) and hour < 12
        return [Quantity(written, start, end, TIME, hour=hour + 12 if afternoon else hour,
                         minute=int(minute) if minute is not None else -1)]
    if match["decade"]:
        if match["decade_word"]:
            return [Quantity(written, start, end, DECADE, decade=_DECADE_WORDS[match["decade_word"].lower()])]
        digit = match["decade_digit"] or match["decade_short"] or match["decade_apostrophe"]
        century = int(match["decade_century"]) + 1 if match["decade_century"] else 0
        return [Quantity(written, start, end, DECADE, century=century, decade=int(digit) * 10)]
    if match["fraction"]:
        denominator = int(match["denominator"])
        if not denominator:
            return []
        value = int(match["whole"] or 0) + Decimal(int(match["numerator"])) / denominator  # 2 1/2 hours
        return [Quantity(written, start, end, NUMBER, (value,), tolerance=Decimal("0.005"))]
    if match["digits"]:
        return [_en_digits(match, text)]
    return _en_words(match, text, slip_among)


def _day_in_words(words: str) -> int:
    """The day of an ordinal in words: "Fourth" 4, "twenty-first" 21; 0 for none."""
    *tens, ordinal = re.split(r"[\s-]+", words.lower())
    return sum(_TENS[word] for word in tens) + _ORDINALS.get(ordinal, 0)


def _en_digits(match: re.Match, text: str) -> Quantity:
    end = match.end()
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
    half = Decimal("0.5") if kind == NUMBER and scale == 1 and _AND_A_HALF.match(text, end) else 0
    if match["unit"]:
        unit = _EN_UNITS.get(match["unit"].lower()) or _DEGREE_LETTERS.get(match["unit"].lower(), "")
    else:
        unit = _en_unit(text, end)
    return Quantity(text[begin:end].strip(), begin, end, kind, (value * scale + half,), currency, tolerance=tolerance,
                    unit=unit, ordinal=bool(match["ord"]),
                    below_zero=unit in _TEMPERATURE_UNITS and _en_below_zero(text, begin))


def _en_words(match: re.Match, text: str, slip_among: SlipAmong | None) -> list[Quantity]:
    start, end, written, words = match.start(), match.end(), match.group(0).strip(), match["words"]
    if slip_among is not None and not match["wpct"] and (slipped := _misspelled_part(text, end, slip_among)):
        meant, end = slipped  # six one-hundreths: six hundredths
        words, written = f"{words} {meant}", text[start:end].strip()
    numbers = word_numbers(words)
    if not numbers:
        return []
    currency = _EN_PREFIX_CURRENCIES.get((match["wprefix"] or "").upper(), "") or _suffix_currency(text[end:])
    found = []
    for position, (value, scale, ordinal) in enumerate(numbers):
        last = position == len(numbers) - 1
        kind = PERCENT if match["wpct"] and last else NUMBER
        if last and kind == NUMBER and scale == 1 and _AND_A_HALF.match(text, end):
            value += Decimal("0.5")  # two and a half hours
        unit = _en_unit(text, end) if last else ""
        found.append(Quantity(written, start, end, kind, (value,), currency if last else "",
                              tolerance=Decimal(scale) / 2 if scale > 100 else Decimal(0), unit=unit, spelled=True,
                              ordinal=ordinal, below_zero=unit in _TEMPERATURE_UNITS and _en_below_zero(text, start)))
    return found


_WORD_AFTER = re.compile(r"[\s-]+(?P<word>[a-z]+)\b")


def _misspelled_part(text: str, end: int, slip_among: SlipAmong) -> tuple[str, int] | None:
    """The part of a whole the word after a run of number words was meant to be, and where that word ends, when it
    is a misspelling of one ("six one-hundreths of a second"): a slip the reader is told of, not any word near a
    part."""
    following = _WORD_AFTER.match(text, end)
    meant = slip_among(following["word"], _DENOMINATORS.keys()) if following else None
    return (meant, following.end()) if meant else None


_EN_BELOW_ZERO = re.compile(r"(?:\bminus\s+|(?<![\w.])[-−–])$", re.IGNORECASE)  # minus 5C, -5C; not 20-25C


def _en_below_zero(text: str, start: int) -> bool:
    return bool(_EN_BELOW_ZERO.search(text, max(0, start - len("minus ")), start))


_SPACED_SCALE = re.compile(r" (?P<scale>[CF])\b")


def with_spaced_scales(found: list[Quantity], text: str) -> list[Quantity]:
    """The English quantities of a sentence whose source states a temperature: there a capital C or F a space after a
    figure is its scale ("86 F", as some newsrooms print it); elsewhere it is a block or a row ("Building 5 C")."""
    return [replace(quantity, unit=_DEGREE_LETTERS[scale["scale"].lower()],
                    below_zero=_en_below_zero(text, quantity.start))
            if quantity.kind == NUMBER and not quantity.unit and (scale := _SPACED_SCALE.match(text, quantity.end))
            else quantity for quantity in found]


def states_a_temperature(found: list[Quantity]) -> bool:
    return any(quantity.unit in _TEMPERATURE_UNITS for quantity in found)


def _en_unit(text: str, end: int) -> str:
    """The unit word right after an English figure (130 pounds, 3-meter, four months, 500 square feet, 95 degrees
    Fahrenheit, 95°F), as a code."""
    if degrees := _EN_DEGREES.match(text, end):
        scale = degrees["scale"].lower()
        return _DEGREE_LETTERS.get(scale) or _EN_UNITS[scale]
    match = _EN_UNIT_AFTER.match(text, end)
    if not match:
        return ""
    unit = _EN_UNITS.get(match["word"].lower(), "")
    return ("sq" + unit if unit in ("m", "km", "ft", "mi") else "") if match["square"] else unit


# ---------------------------------------------------------------- matching

# How many of the second unit make one of the first: 60公斤 may be given as "130 pounds".
_CONVERSIONS = {("kg", "lb"): Decimal("2.20462"), ("jin", "lb"): Decimal("1.10231"), ("m", "ft"): Decimal("3.28084"),
                ("cm", "in"): Decimal("0.393701"), ("km", "mi"): Decimal("0.621371"), ("lb", "kg"): Decimal("0.453592"),
                ("ft", "m"): Decimal("0.3048"), ("in", "cm"): Decimal("2.54"), ("mi", "km"): Decimal("1.609344"),
                ("li", "km"): Decimal("0.5"), ("li", "mi"): Decimal("0.310686"), ("mu", "ha"): Decimal(1) / 15,
                ("mu", "acre"): Decimal("0.164737"), ("ha", "acre"): Decimal("2.47105"), ("kW", "MW"): Decimal("0.001"),
                ("kW", "GW"): Decimal("0.000001"), ("MW", "GW"): Decimal("0.001"), ("MW", "kW"): Decimal(1000),
                ("sqm", "sqft"): Decimal("10.7639"), ("sqkm", "sqmi"): Decimal("0.386102"), ("sqkm", "ha"): Decimal(100),
                ("sqm", "ha"): Decimal("0.0001")}
# Temperatures: a scale of its own, not a multiple (35摄氏度 → "95 degrees Fahrenheit").
_TEMPERATURES = {("degC", "degF"): lambda celsius: celsius * 9 / 5 + 32,
                 ("degF", "degC"): lambda fahrenheit: (fahrenheit - 32) * 5 / 9}
_CONVERTIBLE = frozenset(unit for pair in (*_CONVERSIONS, *_TEMPERATURES) for unit in pair)
CONVERSION_SLACK = Decimal("0.025")  # a converted figure is rounded: within 2.5 % of the exact one, or its last digit


def rendered_by(source: Quantity, target: Quantity) -> bool:
    """Whether an English quantity renders a Chinese one: the same value (a rounding of it is fine: "10.9
    million" for 1086万; so is a conversion: "130 pounds" for 60公斤), the same date, time of day or decade.
    Currencies are compared apart (see `currency_conflict`)."""
    if source.kind == DATE:
        if target.kind == DATE:
            return (not source.month or source.month == target.month) and (not source.day or source.day == target.day)
        if source.month and not source.day:
            return target.unit == "month" and target.value == source.month  # 4月身孕: four months pregnant
        return not source.month and target.kind == NUMBER and target.value == source.day
    if source.kind == TIME:
        if target.kind == TIME:
            return target.hour % 12 == source.hour % 12 and (source.minute in (-1, target.minute)
                                                             or (source.minute == 0 and target.minute == -1))
        # A bare figure in digits renders an hour alone: "at 10" is no rendering of 10:53 (nor the 3 of "3 injured"
        # of 15时20分); words may say the minutes apart ("nine thirty", "half past nine").
        return (source.minute <= 0 or target.spelled) and target.kind == NUMBER and target.value in (source.hour, source.hour % 12 or 12)
    if source.kind == DECADE:
        if target.kind != DECADE:
            return target.kind == NUMBER and target.value in (source.decade, 1900 + source.decade, 2000 + source.decade)
        return target.decade == source.decade and (not source.century or not target.century
                                                   or source.century == target.century)
    if target.kind == DECADE:
        return source.kind == NUMBER and target.decade in source.values  # in his forties: 40多岁
    if target.kind in (DATE, TIME) or target.value is None:
        return False
    if _slashed(source, target) or _as_a_multiple(source, target):
        return True
    if source.unit in _TIME_UNITS and _OCCASIONS.fullmatch(target.text):
        return False  # "twice" counts occasions, never the years of 两年
    if source.approximate and any(min(source.values) <= rendered <= max(source.values) for rendered in target.values):
        return True  # 一二十件: a dozen
    if source.odd and target.spelled and source.value <= target.value < source.value + source.odd:
        return True  # 十多名: "more than a dozen"; a figure in digits renders it only as written ("more than 10")
    return (any(abs(rendered - value) <= target.tolerance for rendered in target.values for value in source.values)
            or _converted(source, target))


_MULTIPLES = frozenset("twice double doubled triple tripled quadrupled".split())  # of _STANDALONE's words
_COUNTING_WORDS = frozenset(_STANDALONE.keys() - _MULTIPLES)  # both, a pair, twins: things counted, not multiplied


def _as_a_multiple(source: Quantity, target: Quantity) -> bool:
    """A rise of 100 % or more said as a multiple: 增长100% is "twice as many" or "doubled", 200% "three times"."""
    return (source.kind == PERCENT and source.value is not None and source.value >= 100 and target.kind == NUMBER
            and target.value == 1 + source.value / 100
            and (target.unit == "times" or target.text.lower() in _MULTIPLES))


def _slashed(source: Quantity, target: Quantity) -> bool:
    """911事件 is "9/11": a bare number of three digits or more in the source, written with a slash between its
    digits. Not a figure with a decimal point, a percentage or a count (3.5% is no 3/5, 12个 no 1/2)."""
    written = source.text.translate(_FULL_WIDTH)
    return ("/" in target.text and source.kind == NUMBER and written.isdigit() and len(written) >= 3
            and not (source.unit or source.currency or source.counted or source.year)
            and re.sub(r"\D", "", target.text) == written)


def _converted(source: Quantity, target: Quantity) -> bool:
    """An amount in other units, rounded as a conversion is: within its own last digit or 2.5 %."""
    units = (source.unit, target.unit)
    if units not in _CONVERSIONS and units not in _TEMPERATURES or source.kind != NUMBER or target.kind != NUMBER:
        return False
    expected, given = _expected(source, target.unit), _signed(target)
    return abs(given - expected) <= max(_last_digit(target), abs(expected) * CONVERSION_SLACK)


def _expected(source: Quantity, unit: str) -> Decimal:
    """A source amount converted exactly into another unit."""
    units = (source.unit, unit)
    value = -source.values[0] if source.below_zero else source.values[0]
    return _TEMPERATURES[units](value) if units in _TEMPERATURES else value * _CONVERSIONS[units]


def _signed(quantity: Quantity) -> Decimal:
    return -quantity.value if quantity.below_zero else quantity.value


def _last_digit(quantity: Quantity) -> Decimal:
    """Half a unit of a figure's last significant digit: how far "200 hectares" may be from the exact figure."""
    return Decimal(1).scaleb(_exponent(quantity.value)) / 2


def _exponent(value: Decimal) -> int:
    return value.normalize().as_tuple().exponent


def currency_conflict(source: Quantity, renderers: Renderers) -> str:
    """The currency the English gives a Chinese amount instead of the source's, or "" when none conflicts.
    元 alone is the unit of Taiwan's and Hong Kong's dollars too."""
    if not source.currency:
        return ""
    named = {renderers.targets[index].currency for index in renderers.of(source)}
    if not named or source.currency in named or "" in named:
        return ""
    if source.any_yuan and named & _YUAN_CURRENCIES:
        return ""
    return sorted(named)[0]


# An English sentence that can stand for a count without saying it: 两人 → "they", "both", "the two".
_PLURAL_REFERENCE = re.compile(
    r"\b(?:they|them|their|theirs|themselves|these|those|both|neither|either|each other|one another|together|"
    r"pair|couple|twins?|dual|bilateral|the (?:[a-z]+ )?[a-z]+s)\b"
    r"|\b[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* and (?:[a-z]+ )?[A-Z][\w'’-]*", re.IGNORECASE)


def refers_to_a_group(en_text: str) -> bool:
    """Whether the English refers to several things as a group ("they", "both", "the men"): how a translator
    leaves a count unsaid."""
    return _found(_PLURAL_REFERENCE, en_text)


_SAYS_ONE = re.compile(r"\b(?:a|an|one|single|another|each|every)\b", re.IGNORECASE)
_PER_UNIT = re.compile(r"\b(?:per|(?:to|against) the)\b", re.IGNORECASE)  # a rate: 1美元兑7元, "7 yuan to the dollar"
# A share said as a fraction in words: "half", "halved", "a third", "two-thirds", "three quarters", "one in five",
# "seven in 10", "four out of ten"; not a half of the year ("the first half").
_FRACTION = re.compile(r"(?<!first )(?<!second )\b(?:(?P<numerator>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
                       r"(?P<part>half|halved|halves|thirds?|quarters?|fifths?|tenths?)\b"
                       r"|\b(?P<some>one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+"
                       r"(?P<every>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b", re.IGNORECASE)
_PARTS = {"half": 2, "halved": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_SHARE_SLACK = Decimal("2.5")  # percentage points a fraction in words may round off: "a third" for 32 %
# What makes "half", "a third" or "a quarter" a share: "of" after it ("a third of the students") or "than" before it
# ("more than half"); not "the third quarter", "a third term", "a half-hour session".
_SHARE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_THAN = re.compile(r"\bthan\s+$", re.IGNORECASE)


@lru_cache(maxsize=256)  # asked per percentage of a sentence
def _shares_in_words(en_text: str) -> tuple[Decimal, ...]:
    """The percentages the English says as fractions in words (see _FRACTION)."""
    def value(word: str) -> int:
        word = word.lower()
        return int(word) if word.isdigit() else 1 if word in ("a", "an") else ([*_UNITS, "ten"]).index(word)

    shares = []
    for match in _FRACTION.finditer(en_text):
        if match["part"]:
            part = match["part"].lower()
            if not (part == "halved" or _SHARE_OF.match(en_text, match.end())
                    or _THAN.search(en_text, max(0, match.start() - len("than ") - 1), match.start())):
                continue
            numerator = value(match["numerator"]) if match["numerator"] else 1
            denominator = _PARTS.get(part) or _PARTS[part.rstrip("s")]  # halves, thirds, quarters
        else:
            numerator, denominator = value(match["some"]), value(match["every"])
        if 0 < numerator < denominator:
            shares.append(Decimal(100) * numerator / denominator)
    return tuple(shares)


_ALL = re.compile(r"\b(?:all|every|entire(?:ly)?|whole|full|fully|complete(?:ly)?|universal(?:ly)?)\b", re.IGNORECASE)


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


# How news English dates a comparison with the same period of the year before: "up 6 percent year on year".
_A_YEAR_EARLIER = re.compile(r"\b(?:(?:a|one) year (?:earlier|before|ago)|year[- ]on[- ]year|(?:last|the previous|the "
                             r"preceding|the year-earlier) (?:year|period))\b", re.IGNORECASE)


# Words that name a stage of a competition, which may stand for the ranked group of its figure (8强, 12强赛).
_STAGE_NAME = re.compile(r"\b(?:(?:quarter|semi)[\s-]?final(?:ist)?s?|finalists?|qualif(?:iers?|ying|ication)|knock-?out|"
                         r"play-?offs?|round of|final round|group stage)\b", re.IGNORECASE)


# A length of time that makes one of a larger unit, which English may say instead (过去12个月: "the past year").
_WHOLE_UNITS = {("month", 12): "year", ("day", 7): "week", ("day", 365): "year", ("hour", 24): "day",
                ("minute", 60): "hour"}


@lru_cache(maxsize=256)
def _says_one(unit: str, en_text: str) -> bool:
    """Whether the English says one of a unit of time ("the past year", "a week-long exercise"): asked once per text
    and unit, not once per figure."""
    # a length ("the past year", "a week"), not "every day" or "this year", which render 每天 and 今年
    return bool(re.search(rf"\b(?:an?|one|past|last|next|previous|coming|whole|full|first)"
                          rf"[\s-]+{unit}\b|\b{unit}-long\b", en_text, re.IGNORECASE))


def implicit(source: Quantity, en_text: str) -> bool:
    """Whether the English may leave this count unsaid: a count of people or things named or pointed at
    (2人, 这两条, 中俄两国) where the English refers to them as a group, or one of something (1名) said as "a", or
    the unit of a rate (1美元兑7元: "7 yuan to the dollar"); a year whose same period a figure is compared with
    (较2019年同期增长6%) where the English says "a year earlier"; 100 % said as "all" (水质100%达标: "all of
    them meet the standard"), another share as a fraction in words (超过50% → "more than half", 20% → "one in
    five"); the months of a span English names as a period (1-6月: "the first half", 1-11月: "the first 11
    months"); a length of time that is one of a larger unit said as that unit (12个月: "the past year", 7天:
    "a week-long exercise"); a ranked group where the English names a stage of a competition (8强: "the
    quarter-finals", 12强赛: "the qualifiers")."""
    if source.same_period:
        return _found(_A_YEAR_EARLIER, en_text)
    if source.stage:
        return _found(_STAGE_NAME, en_text)
    if source.value == 1 and source.kind == NUMBER and not source.model:  # Hualong One is no "a"
        return _found(_SAYS_ONE, en_text) or bool(source.currency) and _found(_PER_UNIT, en_text)
    if source.kind == PERCENT and source.value == 100:
        return _found(_ALL, en_text)
    if source.period:
        return _found(re.compile(source.period, re.IGNORECASE), en_text)
    if source.kind == PERCENT and source.value is not None:
        return any(abs(share - source.value) <= _SHARE_SLACK for share in _shares_in_words(en_text))
    if (larger := _WHOLE_UNITS.get((source.unit, source.value))) and not (source.approximate or source.odd):
        return _says_one(larger, en_text)
    return source.summary and refers_to_a_group(en_text)


def optional(source: Quantity) -> bool:
    """A quantity English may leave unsaid, so that its absence alone is no error: a count or rank in Chinese
    numerals (两条小金鱼 → "tiny goldfish", 第二天 → "the next day"), an approximate range (五六天 → "days"), a
    bare day of the month (20日, often given as a weekday). A figure in digits, an amount, a percentage, a date
    with its month or a time of day is what the English must carry."""
    return (source.counted or source.approximate or source.label or source.whole_day
            or (source.kind == DATE and not source.month))


_OCCASIONS = re.compile(r"twice|thrice", re.IGNORECASE)
_TIME_UNITS = {"year": "years", "day": "days", "week": "weeks", "month": "months", "hour": "hours",
               "minute": "minutes", "second": "seconds", "night": "nights"}
# Words before a plural unit that make it a quantity of its own ("several years", "those days", "a few weeks").
_QUANTIFIERS = re.compile(rf"(?:\d[\d,.]*|{_NUMBER_WORD}|few|several|many|some|couple|those|these|dozens|hundreds|"
                          rf"thousands|all|no)$", re.IGNORECASE)


def said_without_its_number(source: Quantity, en_text: str) -> bool:
    """Whether the English names the unit of a count of time with no number before it: 七年 → "for years", 三天后 →
    "days later", 四十年 → "decades"; or as one of it, when the source counts several: 三分钟 → "a minute video".
    The English kept the unit and lost the figure."""
    plural = _TIME_UNITS.get(source.unit)
    if plural is None or not source.counted:
        return False
    if source.magnitude:  # 数千年 → "for several years": a count under ten of its unit says another order
        return not _says_its_order(source.magnitude, en_text) and bool(
            re.search(rf"\b(?:several|few|couple of)\s+{plural}\b", en_text, re.IGNORECASE))
    if source.value is not None and source.value >= 2 and re.search(rf"\ban?\s+{plural[:-1]}\b", en_text, re.IGNORECASE):
        return True
    if source.unit == "year":
        plural = "(?:years|decades)"
    for match in re.finditer(rf"\b{plural}\b", en_text, re.IGNORECASE):
        before = [word for word in re.findall(r"[\w,.]+", en_text[:match.start()]) if word.lower() != "of"]
        if not before or not _QUANTIFIERS.fullmatch(before[-1]):
            return True  # "hundreds of years" is a quantity, "for years" lost its figure
    return False


# English words that say an order of magnitude without a figure: "hundreds of", "dozens", "centuries", "millennia".
_ORDERS = {10: r"dozens?|decades?|tens|scores|teens|teenage(?:d|rs?)?", 100: r"hundreds?|centur(?:y|ies)",
           1000: r"thousands?|millenni(?:um|a)", 10**4: r"tens of thousands", 10**5: r"hundreds of thousands",
           10**6: r"millions?", 10**7: r"tens of millions", 10**8: r"hundreds of millions", 10**9: r"billions?",
           10**10: r"tens of billions", 10**11: r"hundreds of billions"}
# English words that say a count is large without its order: 几十年 → "for many years" is vague as the source is.
_MANY = re.compile(r"\b(?:many|numerous|countless|innumerable|multiple|lots|plenty|(?:large|great) numbers?|"
                   r"a number of)\b", re.IGNORECASE)


@lru_cache(maxsize=256)  # asked per quantity of a sentence: a search of the whole English each made a long one quadratic
def _found(pattern: re.Pattern, en_text: str) -> bool:
    return pattern.search(en_text) is not None


def order_unsaid(source: Quantity, en_text: str) -> bool:
    """Whether a vague count of ten or more (几千名, 数百年, 二十几两) that no English figure renders lost its order
    too: the English names neither the order ("thousands", "centuries", "dozens") nor a large count ("many").
    "Several villagers" or "villagers" for 几千名村民 lost the figure; careful translators keep at least the order
    of such counts (every one of the dev and fresh parts' does)."""
    low = source.values[0] if source.approximate and not source.currency and source.values else 0
    if low < 10:
        return False
    order = source.magnitude or 10 ** (len(str(int(low))) - 1)
    return not _says_its_order(order, en_text) and not _says_many(source.unit in _TIME_UNITS, en_text)


# A length of time after "many" ("on many days"): it says a count of time is large, not a count of things.
_MANY_OF_TIME = re.compile(rf"\s+(?:{'|'.join(_TIME_UNITS.values())}|decades)\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _says_many(of_time: bool, en_text: str) -> bool:
    """Whether the English says a count is large without its order ("many villagers"); of things (`of_time` false),
    not by a length of time ("over a thousand new cases on many days" lost the thousand)."""
    return any(of_time or not _MANY_OF_TIME.match(en_text, match.end()) for match in _MANY.finditer(en_text))


@lru_cache(maxsize=256)  # asked per vague count of a sentence: once per order and text, not a search each
def _says_its_order(magnitude: int, en_text: str) -> bool:
    """Whether the English names the order of a vague count or one next to it (数万 may be "thousands", 几十年 "many
    decades"): a translator's choice of how vague to be, not a dropped figure."""
    return any(re.search(rf"\b(?:{words})\b", en_text, re.IGNORECASE)
               for order, words in _ORDERS.items() if magnitude / 10 <= order <= magnitude * 10)


def could_be_slip(source: Quantity, target: Quantity) -> bool:
    """Whether a spare English quantity could be a slip in rendering a source one: a figure of the same kind
    within a factor of ten (a changed digit, a moved decimal point) or a power of ten away (million for
    billion, 万 misread); a date sharing its month or its day; another time of day; another decade. "One",
    "a" and "first", "second" in words, and a range (a day or two), are not figures enough to say so, nor is "both"
    for an amount of money or a percentage."""
    if target.approximate or (target.spelled and (target.value == 1 or (target.ordinal and target.value == 2))):
        return False
    if target.text.lower() in _COUNTING_WORDS and (source.currency or source.kind == PERCENT):
        return False  # "both", "a pair" count things: no slip for an amount of money or a share (1美元兑7.0元, 双双)
    if source.kind == DATE and not source.month and target.kind == NUMBER:
        # A bare day may be rendered as a bare figure ("March 3 to 5" for 3日至5日): a spare day-sized figure in
        # digits could be its changed rendering.
        return not target.spelled and target.value is not None and 1 <= target.value <= 31 \
            and target.value == target.value.to_integral()
    if source.kind == DATE:
        return target.kind == DATE and (not source.month or not source.day or source.month == target.month
                                        or source.day == target.day)
    if source.kind in (TIME, DECADE):
        return target.kind == source.kind
    if target.kind != source.kind or not target.value or not source.value:
        return False
    for value in source.values:
        ratio = abs(target.value / value) if value else Decimal(0)
        if Decimal("0.1") <= ratio <= 10 or _power_of_ten(ratio):
            return True
    return False


class _Spares:
    """Spare English figures, indexed so that those `could_be_slip` may accept for a source quantity are found without
    trying every one: by kind, by magnitude and by the digits a power of ten keeps (a thousand figures each side made
    a million calls)."""

    _MARGIN = Decimal("0.001")  # of a ratio's bounds and of a power of ten's logarithm: the exact test decides

    def __init__(self, stray: list[Quantity]) -> None:
        self.stray = stray
        self._by_kind: dict[str, list[int]] = {}
        self._sizes: dict[str, list[tuple[Decimal, int]]] = {}  # by kind: (|value|, index), ascending
        self._digits: dict[str, list[tuple[Decimal, int]]] = {}  # by kind: (log10 |value| mod 1, index), ascending
        self._dates: dict[tuple[str, int], list[int]] = {}  # ("month", m) and ("day", d)
        for index, spare in enumerate(stray):
            self._by_kind.setdefault(spare.kind, []).append(index)
            if spare.kind == DATE:
                self._dates.setdefault(("month", spare.month), []).append(index)
                self._dates.setdefault(("day", spare.day), []).append(index)
            elif spare.value:
                size = abs(spare.value)
                self._sizes.setdefault(spare.kind, []).append((size, index))
                self._digits.setdefault(spare.kind, []).append((size.log10() % 1, index))
        for listed in (*self._sizes.values(), *self._digits.values()):
            listed.sort()

    def slips(self, source: Quantity) -> list[int]:
        """The indices, ascending, of the spare figures that could be a slip in rendering `source` (`could_be_slip`)."""
        return [index for index in sorted(self._candidates(source)) if could_be_slip(source, self.stray[index])]

    def _candidates(self, source: Quantity) -> set[int]:
        if source.kind == DATE:
            found = set(self._by_kind.get(DATE, ()) if not (source.month and source.day) else
                        self._dates.get(("month", source.month), []) + self._dates.get(("day", source.day), []))
            if not source.month:
                found.update(_within(self._sizes.get(NUMBER, []), Decimal(1), Decimal(31)))
            return found
        if source.kind in (TIME, DECADE):
            return set(self._by_kind.get(source.kind, ()))
        found: set[int] = set()
        sizes, digits = self._sizes.get(source.kind, []), self._digits.get(source.kind, [])
        for value in source.values:
            if not value:
                continue
            size = abs(value)
            found.update(_within(sizes, size / 10 * (1 - self._MARGIN), size * 10 * (1 + self._MARGIN)))
            digit = size.log10() % 1
            for low, high in ((digit - self._MARGIN, digit + self._MARGIN), (digit - 1 - self._MARGIN,
                                                                              digit - 1 + self._MARGIN),
                              (digit + 1 - self._MARGIN, digit + 1 + self._MARGIN)):
                found.update(_within(digits, low, high))
        return found



_LOOK_UP_MARGIN = Decimal("1.001")  # an index's bounds widened past rounding: the exact test decides


def _within(listed: list[tuple[Decimal, int]], low: Decimal, high: Decimal) -> Iterator[int]:
    """The indices of an ascending list of (key, index) whose keys lie between low and high."""
    for position in range(bisect_left(listed, (low, -1)), len(listed)):
        key, index = listed[position]
        if key > high:
            return
        yield index


def _power_of_ten(ratio: Decimal) -> bool:
    if ratio <= 0:
        return False
    exponent = ratio.log10()
    return abs(exponent - exponent.to_integral_value()) < Decimal("0.0001")


# What a dropped figure leaves behind in English: a currency sign, a scale word or "percent" with no figure
# before it ("rose  percent", "$ billion"), "o'clock" alone, a hyphenated word left without its number
# ("a -year-old", "father-of- has", a score's "43- in"; not speech broken off, "I- I", nor a signature after a
# quotation, ". -Cicero", nor "pages 12- 15", nor a living person's "(1950- )"), a thousands group with no figure
# before it ("an area of, 000"),
# an article, "than", "at", "into" or "onto" before a stop ("the older of the.", "meet at.", "turned one into,";
# not a question ending on "at": "What are you looking at?"; not a.k.a., (a) or a), nor a name's syllable after an
# apostrophe: Yan'an, Xi'an.), "a"
# before a plural unit ("a years", "a times"), "every months",
# "between and", "between ten and women" (a plural with no figure before it: not "between 1990 and the present",
# "and late 2012", "and now", "and his death", "and perhaps 20"), "for of us", "across of", "one or
# athletes" (not "one or both"), "by or nine", "the next or three years", a change with no figure after "to" or "by" ("reduced from a dozen
# to.", "rose by."), empty brackets, a doubled comma ("Smith,, said") or a fraction over zero, a figure garbled
# ("2 1/0 hours").
_TRACE = re.compile(
    r"(?<![\w$])(?:US|HK|NT|A|C|S)?[$£€¥](?!\s?\d)(?!(?:US|A)\s?\d)"
    r"|(?<![\w./])\d+/0+(?![\w./])"
    r"|(?P<word>[A-Za-z]+|\d)[\s-]+(?:%|per\s?cent\b|percentage points?\b|million\b|billion\b|trillion\b|o['’]clock\b)"
    r"|(?<![.!?\"”’]\s)(?:^|(?<=\s))-(?=[a-z])|\b(?:(?-i:[a-z]+-[a-z]+)|"
    rf"{'|'.join(_TENS)}|\d+)-\s+(?!(?:and|or|to)\b|\d|\))|(?<=[A-Za-z]),\s?000\b"
    r"|(?<![(.'’])\b(?:(?-i:the|an|than|nearly|approximately|roughly)\s*[,.;:!?)]|(?-i:a)\s*[,.;:!?])(?![A-Za-z])|(?P<stranded>\b(?-i:at|into|onto)\s*[,.;:)])"
    r"|\b(?:a|an|every)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|times)\b"
    r"|\bbetween\s+and\b|\bfrom\s+to\b"
    r"|\b(?:rose|risen|fell|fallen|grew|grown|dropped|climbed|jumped|increased|decreased|reduced|cut|raised|"
    r"lowered|slipped|declined|doubled)\s+(?:from\s+[\w,.$%-]+(?:\s+\w+)?\s+)?(?:to|by)\s*[,.;:)]|\b(?:for|to|by|with|from|at|in|on|than|the|a|an|across|among|around|"
    r"between|within|into|per)\s+of\b|\(\s*\)|,\s*,"
    rf"|\b(?:by|of|for|to|with|from|in|on|at|about|around|some|between|the|a|an|next|last|past|coming|following)\s+or\s+"
    rf"(?:{'|'.join(_UNITS[1:] + _TEENS + list(_TENS))}|\d)\b"
    rf"|\bbetween\s+(?:{'|'.join(_UNITS[2:] + _TEENS + list(_TENS))}|\d[\d,.]*)\s+and\s+(?!(?:an?|the|"
    rf"{'|'.join(_UNITS + _TEENS + list(_TENS) + list(_SCALE_WORDS))})\b)"
    rf"(?=[a-z]{{2,}}[a-rtv-z]s\b|(?:people|men|women|children)\b)(?![a-z]+\s+(?:\d|(?:{_NUMBER_WORD})\b))[a-z]"
    rf"|\b(?:{'|'.join(_UNITS[1:] + _TEENS + list(_TENS))})\s+or\s+(?!(?:more|less|fewer|so|another|other|the|a|"
    rf"an|both|all|none|several|many|some|few|any|either|neither|"
    rf"{'|'.join(_UNITS[1:] + _TEENS + list(_TENS))}|\d)\b)[a-z]",
    re.IGNORECASE)
# Words a scale word, "percent" or "o'clock" may follow without a figure (a billion, several million, what percent).
_FIGURE_WORDS = re.compile(rf"\d|{_NUMBER_WORD}|an?|several|few|many|multi|what|half", re.IGNORECASE)


def dropped_figure_trace(en_text: str, figure_unsaid: bool = True) -> str:
    """Where the English shows that a figure was dropped (see _TRACE), or "". "at", "into" or "onto" before a stop
    ("meet at.") is one only when `figure_unsaid` (a figure of the source has no rendering in the English): human
    English strands them after verbs ("nothing to laugh at.", "what you're best at, that's", "to change into.")."""
    for match in _TRACE.finditer(en_text):
        if match["stranded"] and not figure_unsaid:
            continue
        if match["word"] is None or not _FIGURE_WORDS.fullmatch(match["word"]):
            return match.group(0).strip()
    return ""


def unrendered(sources: list[Quantity], renderers: Renderers, en_text: str, zh_text: str = "",
               dropped: Callable[[Quantity], bool] | None = None,
               counts_the_same: Callable[[Quantity, Quantity], bool] | None = None) -> list[Quantity]:
    """The source quantities the English does not render, one English mention for each Chinese one (a second
    "2019" does not hide a changed first one). An unpaired source quantity is missing when a spare English
    figure could be its changed rendering (each spare figure standing for one source quantity at most), or when
    it is a figure the English must carry (see `optional`) and no English mention renders it, or when the English
    says its unit of time without it ("for years"). A source quantity that only lacks a mention of its own, when
    an English mention renders it already, is a repetition the English may say once ("that year"). A small count
    in Chinese numerals (两人, 三次) may be said in words, implied or said by a plural, so a spare English number in
    words convicts it only when it counts the same thing: the same unit ("a three-month delay" for 两个月) or, by
    `counts_the_same`, the same noun ("three big banks" for 四大银行); "two" elsewhere in the sentence says nothing
    against it. `renderers`: the English quantities' (`Renderers.targets`)."""
    targets = renderers.targets
    # Ranks first, so that an English ordinal renders 第二 before it renders the 两 of 两架 ("planes … the second
    # station" lost the two).
    partner = _matching(sorted(range(len(sources)), key=lambda index: not sources[index].ordinal),
                        lambda index: renderers.of(sources[index]))
    unmatched = [index for index in range(len(sources)) if index not in partner.values()]
    # A spare English figure the source itself writes (a numeral not read as a quantity: 《四十二章经》, 一家四口)
    # is no changed rendering of another.
    written = _written_values(zh_text)
    stray = [target for index, target in enumerate(targets) if index not in partner and target.value not in written]
    spares = _Spares(stray)
    for target_index, index in partner.items():
        # A rounding ("about 1 billion" for 10.86亿) stands for the exact figure only when no spare English
        # figure could be the changed rendering of that figure ("1.2 billion, or about 1 billion").
        target = targets[target_index]
        # A conversion ("0.6 hectares" for 9亩) is no rounding: only a spare figure in the source's own unit could
        # be its changed exact figure ("245 km/h (90 mph)" for 145公里), not one counting something else ("couple").
        source = sources[index]
        rounded = source.values and target.value not in source.values  # a date's day is exact
        converted = _converted(source, target)
        if rounded and any(spare.unit == source.unit or not converted
                           for spare in map(stray.__getitem__, spares.slips(source))):
            unmatched.append(index)
    # Evidence that a count was dropped (the English says its unit or its noun bare: "for years", "men") outweighs
    # what would excuse its absence otherwise, a repetition said once included (两年…两年 → "two years … for years").
    mentions = _Mentions(sources, renderers, partner, en_text, zh_text)
    excused = {index for index in unmatched
               if not (said_without_its_number(sources[index], en_text) or order_unsaid(sources[index], en_text)
                       or (dropped is not None and dropped(sources[index])))
               and (optional(sources[index]) or implicit(sources[index], en_text)
                    or _named_model(sources[index], en_text)
                    or mentions.said_once(index))}
    excused |= _given_as_weekdays(unmatched, sources, en_text)
    rendered_years = {sources[index].value for index in partner.values() if sources[index].year}
    excused |= _years_said_relatively([index for index in unmatched if index not in excused], sources, rendered_years,
                                      en_text, zh_text)
    # Spare figures go first to the quantities that only a slip can convict.
    slips = _matching(sorted(unmatched, key=lambda index: index not in excused),
                      lambda index: [n for n in spares.slips(sources[index])
                                     if _conflicts(sources[index], stray[n], counts_the_same)])
    convicted = set(slips.values()) | (set(unmatched) - excused)
    return [sources[index] for index in sorted(convicted)]


def _named_model(source: Quantity, en_text: str) -> bool:
    """Whether the number of a model's name (卡-52, 华龙一号, 土星五号) is in the English as the name's, after its
    letters and a hyphen ("Ka-52", "Hualong-1") or in Roman numerals after a space ("Saturn V"): English reads that
    as a name, not as a quantity."""
    if not source.model:
        return False
    number = rf"[-‑]{_plain(source.value)}"
    if source.value == source.value.to_integral() and 0 < source.value < 40:
        number = rf"(?:{number}|[\s-]{_roman(int(source.value))})"
    return bool(re.search(rf"[A-Za-z]{number}(?![\w-])", en_text))


_ROMAN_DIGITS = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(value: int) -> str:
    """A number below 40 in Roman numerals: 5 as V, 19 as XIX."""
    written = ""
    for size, numeral in _ROMAN_DIGITS:
        times, value = divmod(value, size)
        written += numeral * times
    return written


def _given_as_weekdays(unmatched: list[int], sources: list[Quantity], en_text: str) -> set[int]:
    """The days of the month the English may give as weekdays (10月8日 → "on Saturday", as news English dates the
    days of this week): all of them when they fall within one week and the English names a weekday for each day
    (7月26日…26日清晨 is one day, "early on Sunday"), none otherwise (10月8日…10月20日 are not "Saturday …
    Sunday"). A dateline's date (7月26日电) names no day of the events but the one they are dated from: English that
    dates them by weekday leaves it out."""
    dated = {index for index in unmatched if sources[index].kind == DATE and sources[index].day}
    days = [sources[index].day for index in dated]
    one_week = len({sources[index].month for index in dated} - {0}) <= 1 and max(days, default=0) - min(days, default=0) < 7
    weekdays = len(_WEEKDAY.findall(en_text))
    named = {sources[index].day for index in dated if not sources[index].dateline}
    return dated if one_week and weekdays and len(named) <= weekdays else set()


# How news English names a year by the story's date ("last year", "next year") or by another year of the sentence
# ("the following year", "a year later", "the year before"; "a year earlier" compares a figure with the same
# period), and the Chinese words that say so themselves (去年, 次年, 第二年), which such English renders.
_RELATIVE_YEAR = re.compile(r"\b(?:(?P<after>the (?:following|next) year|(?:a|one) year (?:later|after|on)|the year after)"
                            r"|(?P<before>the (?:previous|preceding|prior) year|the year before)"
                            r"|(?P<story>(?:last|this|next) year))\b", re.IGNORECASE)
_ZH_RELATIVE_YEAR = re.compile(r"去年|今年|明年|前年|后年|次年|翌年|上年|本年|来年|第二年|上一年|下一年")


def _years_said_relatively(unmatched: list[int], sources: list[Quantity], rendered: set[Decimal], en_text: str,
                           zh_text: str) -> set[int]:
    """The years (2016年) the English gives relative to the story's date ("last year") or to a year before or after
    it that the English renders (`rendered`: "in 2015 … the following year" for 2015年…2016年): as many as the
    English has such phrases that no Chinese word of the kind (去年, 次年) accounts for, and a year compared with its
    same period (较2019年同期 → "a year earlier") takes one. A changed year ("in 2016 … the following year") is still
    caught: the following year of 2016 is no 2016."""
    years = [index for index in unmatched if sources[index].year]
    if not years:
        return set()
    said = Counter(match.lastgroup for match in _RELATIVE_YEAR.finditer(en_text))
    spare = (sum(said.values()) - len(_ZH_RELATIVE_YEAR.findall(zh_text))
             - sum(1 for source in sources if source.same_period))
    excused: set[int] = set()
    for index in years:
        if len(excused) >= spare:
            break
        value = sources[index].value
        for kind, anchor in (("story", None), ("after", value - 1), ("before", value + 1)):
            if said[kind] and (anchor is None or anchor in rendered):
                said[kind] -= 1
                excused.add(index)
                break
    return excused


SMALL_COUNT = 100  # a count below it (两人, 三次, 二十两) may be said in words, implied or said by a plural


def _conflicts(source: Quantity, spare: Quantity, counts_the_same: Callable[[Quantity, Quantity], bool] | None) -> bool:
    """Whether a spare English figure that could be a slip for a source quantity stands against it (see `unrendered`)."""
    if source.approximate and source.counted:  # 几百年, 二十几两: only a figure of the same thing stands against it
        return bool(source.unit and source.unit == spare.unit) or (counts_the_same is not None
                                                                   and counts_the_same(source, spare))
    if not (source.counted and spare.spelled) or max(source.values) >= SMALL_COUNT:
        return True  # 百万 → "a billion": an amount is no count a translator says loosely
    return bool(source.unit and source.unit == spare.unit) or (counts_the_same is not None
                                                               and counts_the_same(source, spare))


# Words that make one English figure stand for several things: "inflow and outflow were both 2,760", "12 each", and
# "all" set off by a bracket, comma or dash after it with no other figure between, for a part as large as its whole
# (46例（出院46例）: "46 in Macao (all discharged)", "46 cases, all discharged"; not "12 people and all roads").
_SHARED_BEFORE = re.compile(r"\b(?:both|each|all)\s+(?:[\w,.-]+\s+){0,2}$", re.IGNORECASE)
_SHARED_REACH = 100  # characters before a figure that "both" and two words take: an entry is not searched whole
_SHARED_AFTER = re.compile(r"\s*(?:[A-Za-z-]+\s+){0,3}(?:each|apiece)\b|[^\d;]{0,%d}?[(,—–]\s*all\b" % _SHARED_REACH,
                           re.IGNORECASE)


def _said_for_several(target: Quantity, en_text: str) -> bool:
    return bool(_SHARED_BEFORE.search(en_text, max(0, target.start - _SHARED_REACH), target.start)
                or _SHARED_AFTER.match(en_text, target.end))


_NOUN_REACH = 8  # characters before a count read for the noun it counts (中国企业共计20家)


_PER = re.compile(r"\b(?:per|for every|in every|out of every)\s+$", re.IGNORECASE)
_PER_REACH = len("out of every ")


def _after_a_slash(source: Quantity, zh_text: str) -> bool:
    return zh_text[source.start - 1:source.start] in ("/", "／")


def _per(target: Quantity, en_text: str) -> bool:
    """Whether an English figure is the base of a rate: "13.68 per 100,000", "one in every five"."""
    return bool(_PER.search(en_text, max(0, target.start - _PER_REACH), target.start))


class _Mentions:
    """The source quantities of an entry as `unrendered` paired them, for asking whether an English mention says one
    of them once for another. What that asks of earlier mentions (the first of a figure, a window of time or a group
    written before) and of the English mentions rendering a figure is worked out once per entry, not by reading every
    earlier mention and every rendering again for each: n alike figures in one sentence read n²/2 of each."""

    def __init__(self, sources: list[Quantity], renderers: Renderers, partner: dict[int, int], en_text: str,
                 zh_text: str) -> None:
        self.sources, self.renderers, self.partner = sources, renderers, partner
        self.en_text, self.zh_text = en_text, zh_text
        self._written: dict[str, list[int]] = {}  # each figure as written: the indices of its mentions, ascending
        self._windows: dict[tuple[str, str], int] = {}  # (figure, character before it): its first mention
        for index, source in enumerate(sources):
            self._written.setdefault(source.text, []).append(index)
            self._windows.setdefault((source.text, self._before(source)), index)
        self._beside: dict[tuple[str, str], dict[str, int]] = {}
        self._answers: dict[tuple[str, Quantity], bool] = {}

    def said_once(self, index: int) -> bool:
        """Whether an English mention that renders a source quantity stands for another source mention of the same
        thing ("that year" for the second 2019年): a mention already paired with a count of something else (两次 →
        "twice") says nothing of 两年. A figure the source writes twice is written twice (147个店…147个执照), unless
        the English says it once for both ("inflow and outflow were both 2,760"), or it is the base of rates written
        after a slash each time, which English says once after "per" (17.87/10万和13.68/10万: "17.87 and 13.68 per
        100,000"), or it is a window of time counted from now, written twice the same way (前5个月…前5个月: "in the
        first five months")."""
        source = self.sources[index]
        rendering = self.renderers.of(source)
        if not rendering:  # no English mention renders it: nothing says it once for both
            return False
        reading = replace(source, start=0, end=0)  # what its rendering depends on
        first = self._written[source.text][0]
        if source.kind == NUMBER and not source.year and not source.counted and first < index \
                and not self._one_window(index):
            if self._same_group(index) and refers_to_a_group(self.en_text):
                return True
            base = _after_a_slash(source, self.zh_text) and _after_a_slash(self.sources[first], self.zh_text)
            return self._any("several", reading, rendering, lambda target: _said_for_several(target, self.en_text)) \
                or (base and self._any("per", reading, rendering, lambda target: _per(target, self.en_text)))
        return self._any("free", reading, rendering, lambda target: target is None or target.unit == source.unit,
                         paired=True)

    def _any(self, question: str, reading: Quantity, rendering: list[int], answer, paired: bool = False) -> bool:
        """Whether any English mention of a rendering answers a question: of the mention itself, or (`paired`) of
        the source quantity it is paired with (None when free); asked once per reading, whichever mention asks."""
        key = (question, reading)
        if key not in self._answers:
            self._answers[key] = any(
                answer(self.sources[self.partner[number]] if number in self.partner else None) if paired
                else answer(self.renderers.targets[number]) for number in rendering)
        return self._answers[key]

    def _before(self, source: Quantity) -> str:
        return self.zh_text[source.start - 1:source.start]

    def _one_window(self, index: int) -> bool:
        """Whether a length of time counted back or on from now (前5个月, 近3年) was written before just so: the same
        window, not another of the same length (在北京3年…在上海3年)."""
        source = self.sources[index]
        before = self._before(source)
        return source.unit in _TIME_UNITS and before in _COUNT_PREFIXES and self._windows[(source.text, before)] < index

    def _same_group(self, index: int) -> bool:
        """Whether a figure written again with its measure word counts what an earlier mention counts: the same
        measure word, and the noun after it (20家企业) stands beside the earlier mention (中国企业共计20家): the same
        companies, which English refers back to ("together they raised"). Not 147个店…147个执照, two ages
        (34岁的…34岁的)."""
        from .words import tagged

        source = self.sources[index]
        measure = _measure().match(self.zh_text, source.end)
        following = tagged(self.zh_text[measure.end():measure.end() + _NOUN_REACH]) if measure else []
        if not following or not following[0][1].startswith("n"):
            return False
        return self._first_beside(source.text, measure.group(0)).get(following[0][0], index) < index

    def _first_beside(self, figure: str, measure: str) -> dict[str, int]:
        """Every string standing beside a mention of a figure with this measure word after it (within _NOUN_REACH
        characters either side), with the first such mention: a noun is looked up there, not searched for beside
        each earlier mention."""
        key = (figure, measure)
        if key not in self._beside:
            first: dict[str, int] = {}
            for index in self._written[figure]:
                other = self.sources[index]
                if not self.zh_text.startswith(measure, other.end):
                    continue
                after = other.end + len(measure)
                beside = (self.zh_text[max(0, other.start - _NOUN_REACH):other.start]
                          + self.zh_text[after:after + _NOUN_REACH])
                for start in range(len(beside)):
                    for end in range(start + 1, len(beside) + 1):
                        first.setdefault(beside[start:end], index)
            self._beside[key] = first
        return self._beside[key]


def _matching(lefts, candidates) -> dict[int, int]:
    """A largest one-to-one pairing (each right to one left), lefts tried in the order given: right → left. Each
    left's candidates are asked for once: an augmenting path revisits the lefts it displaces."""
    partner: dict[int, int] = {}
    asked: dict[int, list[int]] = {}

    def options(left: int) -> Iterator[int]:
        if left not in asked:
            asked[left] = candidates(left)
        return iter(asked[left])

    # By candidate list (lefts that read alike share one): how many of its first rights are paired. A paired right
    # only moves to another left, so a search for a free one starts past them: n alike figures scanned n²/2 rights.
    paired_before: dict[int, int] = {}

    def unpaired(left: int) -> Iterator[int]:
        options(left)
        rights = asked[left]
        start = paired_before.get(id(rights), 0)
        while start < len(rights) and rights[start] in partner:
            start += 1
        paired_before[id(rights)] = start
        return (rights[index] for index in range(start, len(rights)))

    dead: set[int] = set()  # rights a failed search went through: no free right lies beyond them, till a path is found
    for left in lefts:
        if _augment(left, options, unpaired, partner, dead):
            dead = set()
    return partner


def _augment(first: int, options: Callable[[int], Iterator[int]], unpaired: Callable[[int], Iterator[int]],
             partner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's depth-first search for a path from a left to a free right, each left on it taking the next one's
    right, with a stack of its own: a path may be as long as a sentence has figures (a thousand dates), deeper
    than Python's recursion. A left reached takes a free candidate of its own before it displaces anyone: without
    that look-ahead, n figures that all render each other (a date written n times) built paths of every length,
    n³ steps in all (2,000 dates in one entry: 35 s). `seen`: the rights not to go through, those of earlier failed
    searches among them (a failure changes no pairing); `unpaired`: a left's candidates less some paired ones;
    whether a path was found."""
    path: list[tuple[int, Iterator[int]]] = []  # the lefts on the path, each with the candidates it has not tried
    taken: list[int] = []  # the right each left on the path but the last is trying
    left = first
    while True:
        free = next((right for right in unpaired(left) if right not in partner and right not in seen), None)
        if free is not None:
            for (holder, _), moved in zip(path, taken):
                partner[moved] = holder
            partner[free] = left
            return True
        path.append((left, options(left)))
        while path:
            right = next((right for right in path[-1][1] if right not in seen), None)
            if right is not None:
                break
            path.pop()  # a dead end: the left before it tries its next candidate
            if taken:
                taken.pop()
        if not path:
            return False
        seen.add(right)
        taken.append(right)
        left = partner[right]


@lru_cache(maxsize=256)
def _written_values(zh_text: str) -> frozenset[Decimal]:
    """The value of every run of digits or Chinese numerals in a text, each digit of a range (五六) too."""
    text = zh_text.translate(_FULL_WIDTH)
    values = {_arabic_value(run) for run in re.findall(_ARABIC, text)}
    for run in re.findall(f"[{_CN_NUMERAL}]+", text):
        value = chinese_numeral(run)
        values.update([value] if value is not None else [_CN_DIGITS[char] for char in run if char in _CN_DIGITS])
    return frozenset(Decimal(value) for value in values)


class Renderers:
    """The English quantities that render each source quantity (`rendered_by`), exact values first, an ordinal for
    an ordinal first. Found through an index of the English ones by value, date, hour, decade and unit, and asked
    once for quantities that differ only in where they stand, rather than by trying every English one with every
    source one: a thousand figures each side made a million calls of `rendered_by`, several seconds for one entry."""

    def __init__(self, targets: list[Quantity]) -> None:
        self.targets = targets
        mentions: dict[Quantity, list[int]] = {}  # each English quantity as it reads, wherever it stands: its indices
        for index, target in enumerate(targets):
            mentions.setdefault(replace(target, start=0, end=0), []).append(index)
        self._readings = list(mentions)
        self._mentions = list(mentions.values())
        self._by_value: dict[Decimal, list[int]] = {}
        self._values: list[tuple[Decimal, int]] = []  # every value of every reading, ascending: ranges are looked up
        self._rounded: dict[Decimal, list[tuple[Decimal, int]]] = {}  # by tolerance, ascending
        # English figures in a unit a source one may be converted into, by unit: (signed value, reading), ascending,
        # all of them and by the exponent of their last digit (see `_converted`)
        self._in_unit: dict[str, list[tuple[Decimal, int]]] = {}
        self._in_unit_by_digit: dict[str, dict[int, list[tuple[Decimal, int]]]] = {}
        self._slashed: dict[str, list[int]] = {}  # by their digits: 9/11 under 911
        self._dates: dict[tuple[int, int], list[int]] = {}  # by (month, day), (month, 0), (0, day) and (0, 0)
        self._hours: dict[int, list[int]] = {}
        self._decades: dict[int, list[int]] = {}
        for reading, target in enumerate(self._readings):
            for value in target.values:
                self._by_value.setdefault(value, []).append(reading)
                self._values.append((value, reading))
                if target.tolerance:
                    self._rounded.setdefault(target.tolerance, []).append((value, reading))
            if target.unit in _CONVERTIBLE and target.kind == NUMBER and target.value is not None:
                self._in_unit.setdefault(target.unit, []).append((_signed(target), reading))
                by_digit = self._in_unit_by_digit.setdefault(target.unit, {})
                by_digit.setdefault(_exponent(target.value), []).append((_signed(target), reading))
            if "/" in target.text:
                self._slashed.setdefault(re.sub(r"\D", "", target.text), []).append(reading)
            if target.kind == DATE:
                for key in {(target.month, target.day), (target.month, 0), (0, target.day), (0, 0)}:
                    self._dates.setdefault(key, []).append(reading)
            elif target.kind == TIME:
                self._hours.setdefault(target.hour % 12, []).append(reading)
            elif target.kind == DECADE:
                self._decades.setdefault(target.decade, []).append(reading)
        self._values.sort()
        for listed in (*self._rounded.values(), *self._in_unit.values(),
                       *(listed for by_digit in self._in_unit_by_digit.values() for listed in by_digit.values())):
            listed.sort()
        self._found: dict[Quantity, list[int]] = {}

    def of(self, source: Quantity) -> list[int]:
        """The indices of the English quantities that render a source one, best first (one list for every source
        quantity that reads the same)."""
        key = replace(source, start=0, end=0)
        if key not in self._found:
            readings = [reading for reading in sorted(self._possible(key)) if rendered_by(key, self._readings[reading])]
            found = sorted(index for reading in readings for index in self._mentions[reading])
            self._found[key] = sorted(found, key=lambda index: (self.targets[index].value not in source.values,
                                                                self.targets[index].ordinal != source.ordinal))
        return self._found[key]

    def _possible(self, source: Quantity) -> set[int]:
        """The English quantities (by reading) `rendered_by` may accept for a source one: every one it accepts, and
        some more."""
        found: set[int] = set()

        def values(*wanted) -> None:
            for value in wanted:
                found.update(self._by_value.get(value, ()))

        if source.kind == DATE:
            found.update(self._dates.get((source.month, source.day), ()))
            values(source.month, source.day)
        elif source.kind == TIME:
            found.update(self._hours.get(source.hour % 12, ()))
            values(source.hour, source.hour % 12 or 12)
        elif source.kind == DECADE:
            found.update(self._decades.get(source.decade, ()))
            values(source.decade, 1900 + source.decade, 2000 + source.decade)
        else:
            values(*source.values)
            for value in source.values:
                found.update(self._decades.get(value, ()))
                for tolerance, listed in self._rounded.items():
                    found.update(_within(listed, value - tolerance, value + tolerance))
            if source.kind == PERCENT and source.value is not None:
                values(1 + source.value / 100)
            if source.approximate:
                found.update(_within(self._values, min(source.values), max(source.values)))
            if source.odd:
                found.update(_within(self._values, source.value, source.value + source.odd))
            found.update(self._slashed.get(source.text.translate(_FULL_WIDTH), ()))
            for (unit, other) in (*_CONVERSIONS, *_TEMPERATURES):
                if unit == source.unit and source.kind == NUMBER and source.values:
                    found.update(self._converted(source, other))
        return found

    def _converted(self, source: Quantity, unit: str) -> set[int]:
        """The English figures in `unit` that may be the source's converted (`_converted` decides): within 2.5 % of
        the exact figure, or within their own last digit of it, looked up for each last digit the unit's figures
        have rather than by trying each figure."""
        expected = _expected(source, unit)
        slack = abs(expected) * CONVERSION_SLACK * _LOOK_UP_MARGIN
        found = set(_within(self._in_unit.get(unit, []), expected - slack, expected + slack))
        for exponent, listed in self._in_unit_by_digit.get(unit, {}).items():
            half = Decimal(1).scaleb(exponent) / 2 * _LOOK_UP_MARGIN
            found.update(_within(listed, expected - half, expected + half))
        return found



def describe(quantity: Quantity) -> str:
    """A value as an English reader expects it: 10 million, 7.7 billion, 35,000, 2.05%, November 20, 15:20."""
    if quantity.kind == DATE:
        month = _MONTH_NAMES[quantity.month - 1][0] if quantity.month else ""
        return " ".join(filter(None, [month, str(quantity.day or "")]))
    if quantity.kind == TIME:
        return f"{quantity.hour}:{max(quantity.minute, 0):02d}"
    if quantity.kind == DECADE:
        century = f"{quantity.century - 1}" if quantity.century else ""
        return f"the {century}{quantity.decade:02d}s"
    if quantity.year:
        return f"{quantity.value:f}"
    if quantity.approximate and quantity.counted:
        low, high = quantity.values
        return f"{_describe_value(low)} to {_describe_value(high)}"
    shown = " or ".join(_describe_value(value) for value in quantity.values)
    suffix = "%" if quantity.kind == PERCENT else ""
    return f"{shown}{suffix}" + (f" {quantity.currency}" if quantity.currency else "")


def _describe_value(value: Decimal) -> str:
    for word, scale in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    if value != value.to_integral():
        return _plain(value.quantize(Decimal("0.001")) if abs(value.as_tuple().exponent) > 6 else value)
    return f"{value.normalize():,f}"


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
