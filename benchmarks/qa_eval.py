"""How far `l10n check` can be trusted: false alarms on careful human translations, and recall on the same
translations with one controlled error put into each of several hundred entries; pofilter beside it.

    python benchmarks/qa_eval.py [--data ../shared/data] [--show dev] [--pofilter/--no-pofilter]
    python benchmarks/qa_eval.py --show aside --no-pofilter   # for adjudicating the aside labels only

Data (not shipped; give the folder holding both): `newsdev2017-zh-en/` (2,002 professionally translated news
pairs) and `mac-dev/` (six novel chapters with their published translations, sentences aligned by hand; the
aligned sentences of each link are joined). Every pair becomes a reviewed entry of an `en.po`, which
`l10n check` (the library call behind it) and Translate Toolkit's `pofilter --language=en` (all its default
checks; `pip install translate-toolkit`) both check, each on its own copy of the same file.

Part of the material is set aside and never looked at while tuning the checks: every third news pair (lines
3, 6, 9, …) and the last literary chapter. They are checked in their place among the others (a check may read
neighbouring sentences) but counted apart. `--show dev` prints the findings on the rest, the only ones a
developer should read; the aside rows of the table are the honest estimate.

False alarms: every finding on the human translations, less those listed in benchmarks/data/qa_real_problems.tsv
(dev part) and benchmarks/data/qa_real_problems_aside.tsv (aside part): findings that are real problems of the
human translation, labelled by hand with a reason; ids only, no text. The aside labels were made once, by
someone who changed no check, with `--show aside`, which prints the aside findings for that and nothing else:
whoever works on the checks reads neither that output nor that file.

Recall: for each error type, entries where the type applies are drawn with a fixed seed (one error per entry,
no entry twice) and the error is put into the English. An error counts as caught when the mutated entry
gets a finding (check and message) that the clean entry did not have; for `length-ratio`, whose message
quotes the ratio, the check alone counts. The same rule is applied to pofilter's findings. A type applies only
where its result is wrong English for this source: a figure is changed or dropped only where the source gives
it (`counterpart`), a count word is dropped apart from a figure and not where the words before it keep the
count known, a quote is not left open where that reads as a quotation running on, an acronym is not taken
where the English still holds it or spells it out (docs/qa.md says why, case by case).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from align_eval import read_gold, read_sentences  # noqa: E402

from l10n.text import numbers  # noqa: E402
from l10n.glossary import Glossary  # noqa: E402
from l10n.qa.catalogs import check_files  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data"  # ../shared/data beside the repository
REAL_PROBLEMS = HERE / "data" / "qa_real_problems.tsv"
REAL_PROBLEMS_ASIDE = HERE / "data" / "qa_real_problems_aside.tsv"  # not to be read while working on the checks
LITERARY_ASIDE = "006"  # the chapter never looked at while tuning
SEED = 2017
PER_TYPE = {"news": {False: 40, True: 20}, "literary": {False: 20, True: 10}}  # per type: dev, aside


@dataclass(frozen=True)
class Pair:
    id: str  # news:LINE or mac:CHAPTER:LINK, both 1-based
    source: str
    target: str


def news_pairs(folder: Path) -> list[Pair]:
    """Every pair in file order (neighbouring lines are neighbouring sentences of one article). A source seen
    before is skipped (one entry per sentence)."""
    zh = (folder / "newsdev2017.zh").read_text(encoding="utf-8").splitlines()
    en = (folder / "newsdev2017.en").read_text(encoding="utf-8").splitlines()
    pairs, seen = [], set()
    for line, (source, target) in enumerate(zip(zh, en), start=1):
        source, target = source.strip(), target.strip()
        if source and target and source not in seen:
            seen.add(source)
            pairs.append(Pair(f"news:{line}", source, target))
    return pairs


def literary_pairs(folder: Path) -> list[Pair]:
    """The sentences of each gold link joined, in chapter order; links with an empty side skipped."""
    pairs, seen = [], set()
    for gold_path in sorted(folder.glob("dev-anno.*_zh.*_en.xml")):
        chapter = gold_path.name.split(".")[1].split("_")[0]
        zh, zh_index = read_sentences(folder / f"dev-anno.{chapter}_zh.xml")
        en, en_index = read_sentences(folder / f"dev-anno.{chapter}_en.xml")
        for number, (zh_ids, en_ids) in enumerate(read_gold(gold_path, zh_index, en_index), start=1):
            source = "".join(zh[i] for i in zh_ids)
            target = " ".join(en[i] for i in en_ids)
            if source and target and source not in seen:
                seen.add(source)
                pairs.append(Pair(f"mac:{chapter}:{number}", source, target))
    return pairs


def corpora(data: Path) -> dict[str, list[Pair]]:
    """Both sets of pairs, dev and aside, by corpus: news (data/newsdev2017-zh-en) and literary (data/mac-dev)."""
    return {"news": news_pairs(data / "newsdev2017-zh-en"), "literary": literary_pairs(data / "mac-dev")}


def aside(pair_id: str) -> bool:
    """Never looked at while tuning: every third news line, the last literary chapter. They are checked in
    their place among the others, so a check that reads neighbouring sentences sees the same context."""
    parts = pair_id.split(":")
    return int(parts[1]) % 3 == 0 if parts[0] == "news" else parts[1] == LITERARY_ASIDE


# ---------------------------------------------------------------- checking

Findings = dict[str, Counter]  # pair id → Counter of (check, message)


def write_catalog(pairs: list[Pair], path: Path) -> None:
    catalog = polib.POFile(wrapwidth=79)
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                        "Language": "en"}
    for pair in pairs:
        catalog.append(polib.POEntry(msgctxt=pair.id, msgid=pair.source, msgstr=pair.target))
    catalog.save(str(path))


def ours(path: Path) -> Findings:
    found: Findings = defaultdict(Counter)
    [report] = check_files([path], Glossary([]))
    for finding in report.findings:
        issue = finding.issue
        found[issue.segment_id][(issue.code, "" if issue.code == "length-ratio" else issue.message)] += 1
    return found


_POFILTER_NOTE = re.compile(r"^\(pofilter\) ([\w-]+): (.*)$")


def pofilter(path: Path, workdir: Path) -> Findings:
    output = workdir / f"{path.stem}.pofilter.po"
    command = [str(Path(sys.executable).with_name("pofilter")), "--progress=none", "--language=en",
               str(path), str(output)]
    # pofilter's spellcheck lists a message's words in set order, which follows Python's per-process hash seed: with
    # a random seed the clean and the injected run word the same finding differently, and it counts as caught
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found: Findings = defaultdict(Counter)
    if output.is_file():
        for entry in polib.pofile(str(output)):
            for note in entry.tcomment.splitlines():
                match = _POFILTER_NOTE.match(note.strip())
                if match:
                    found[entry.msgctxt][(match.group(1), match.group(2))] += 1
    return found


def run_checkers(pairs: list[Pair], name: str, workdir: Path, with_pofilter: bool) -> tuple[Findings, Findings]:
    path = workdir / f"{name}.po"
    write_catalog(pairs, path)
    theirs: Findings = {}
    if with_pofilter:
        copy = workdir / f"{name}-copy.po"
        shutil.copyfile(path, copy)
        theirs = pofilter(copy, workdir)
    return ours(path), theirs


# ---------------------------------------------------------------- injected errors

_NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\w])")
_DECIMAL = re.compile(r"(?<![\w.,])(\d+)\.(\d+)(?![\w.])")
_YEAR = re.compile(r"(?<![\w.,$])(19[5-9]\d|20[0-3]\d)(?![\w,.]\d)")
_MONTH = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_DAY = re.compile(rf"\b(?:{_MONTH})\s+(\d{{1,2}})\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:{_MONTH})")
_WORD_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000}
_FIGURE = re.compile(r"(?:[$£€¥]|US\$|HK\$)?(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?"
                     r"(?:\s*(?:%|percent|per cent|million|billion|trillion))?(?![\w])", re.IGNORECASE)
_COUNT_WORD = re.compile(rf"\b(?:{'|'.join(_WORD_VALUES)})\b", re.IGNORECASE)
_RANGE = re.compile(rf"\b(?:one|{'|'.join(_WORD_VALUES)}|\d+)\s+(?:or|to)\s+(?:{'|'.join(_WORD_VALUES)}|\d+)\b",
                    re.IGNORECASE)  # one or two, 20 to 30
# Before a count word, what keeps the count known when the word goes: "the two countries" → "the countries".
_REFERRING = re.compile(r"\b(?:the|these|those|their|our|your|his|her|its|my|other)\s+$", re.IGNORECASE)
_SCALED_FIGURE = re.compile(r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(million|billion|mn|bn)\b")  # 7.7 billion, 3bn
_EN_SCALES = {"million": Decimal(10**6), "mn": Decimal(10**6), "billion": Decimal(10**9), "bn": Decimal(10**9)}
_ZH_AMOUNT = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(万亿|亿|万)")  # 77亿, 三千万
_ZH_SCALES = {"万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_CLOSING = re.compile(r"[)\]”’]|\"(?=[^\"]*$)")
_ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z][A-Z0-9&]+|[a-z]+[A-Z][A-Za-z]*)(?:\s+\d+)?(?![\w-])")
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
_NOT_DOUBLED = {"had", "that", "the"}


def _pick(rng: random.Random, matches: list[re.Match]) -> re.Match | None:
    return rng.choice(matches) if matches else None


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_forms(value: int) -> set[str]:
    """A whole number under 10,000 in Chinese numerals: 2 as 二 or 两, 25 as 二十五, 105 as 一百零五, 100 also
    as 百."""
    if value < 10:
        return {_CN_DIGITS[value]} | ({"两"} if value == 2 else set())
    written, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit:
            written += ("零" if zero else "") + ("" if digit == 1 and name == "十" and not written else _CN_DIGITS[digit])
            written += name
            zero = False
        elif written:
            zero = True
    return {written} | ({written[1:]} if written[:1] == "一" and value in (100, 1000) else set())


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def counterpart(figure: str, source: str) -> bool:
    """Whether the source gives an English figure in some form: its significant digits among the source's
    (7.7 billion → 77亿, $1.5 million → 150万, August 17 → 8·17), or its value in Chinese numerals (two → 两,
    60 → 六十). A figure the translator added (a year for 去年, a conversion into pounds, the 2018 of a
    tournament's name the source leaves out) cannot be checked against the source: changing or dropping it
    makes no error a bilingual check could see."""
    source = source.translate(_FULL_WIDTH_DIGITS)
    word = figure.strip().lower()
    if word in _WORD_VALUES:
        return bool(_chinese_forms(_WORD_VALUES[word]) & _chinese_substrings(source))
    digits = re.sub(r"\D", "", figure)
    significant = digits.strip("0")
    if significant and any(significant in re.sub(r"\D", "", run) for run in re.findall(r"\d[\d,.]*", source)):
        return True
    whole = figure.replace(",", "")
    number = re.search(r"\d+(?:\.\d+)?", whole)
    return (number is not None and "." not in number.group(0) and 0 < int(number.group(0)) < 10000
            and bool(_chinese_forms(int(number.group(0))) & _chinese_substrings(source)))


def _chinese_substrings(source: str) -> set[str]:
    runs = re.findall(r"[零〇一二两三四五六七八九十百千]+", source)
    return {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1)}


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _with_counterpart(matches, pair: Pair, group: int = 0) -> list[re.Match]:
    return [match for match in matches if counterpart(match.group(group), pair.source)]


def digit_changed(pair: Pair, rng: random.Random) -> str | None:
    match = _pick(rng, _with_counterpart(_NUMBER.finditer(pair.target), pair))
    if match is None:
        return None
    positions = [i for i, char in enumerate(match.group(0)) if char.isdigit()]
    at = rng.choice(positions)
    old = match.group(0)[at]
    choices = [d for d in "0123456789" if d != old and not (d == "0" and at == 0 and len(positions) > 1)]
    return _splice(pair.target, match.start() + at, match.start() + at + 1, rng.choice(choices))


def decimal_moved(pair: Pair, rng: random.Random) -> str | None:
    match = _pick(rng, _with_counterpart(_DECIMAL.finditer(pair.target), pair))
    if match is None:
        return None
    whole, fraction = match.group(1), match.group(2)
    if rng.random() < 0.5 or len(whole) < 2:
        moved = f"{whole}{fraction[0]}" + (f".{fraction[1:]}" if fraction[1:] else "")
    else:
        moved = f"{whole[:-1]}.{whole[-1]}{fraction}"
    return _splice(pair.target, match.start(), match.end(), moved.lstrip("0") or "0")


def year_off(pair: Pair, rng: random.Random) -> str | None:
    match = _pick(rng, _with_counterpart(_YEAR.finditer(pair.target), pair))
    if match is None:
        return None
    return _splice(pair.target, match.start(), match.end(), str(int(match.group(0)) + rng.choice((-1, 1))))


def day_off(pair: Pair, rng: random.Random) -> str | None:
    match = _pick(rng, [m for m in _DAY.finditer(pair.target) if 1 <= int(m.group(1) or m.group(2)) <= 28
                        and counterpart(m.group(1) or m.group(2), pair.source)])
    if match is None:
        return None
    group = 1 if match.group(1) else 2
    day = int(match.group(group))
    new = day + 1 if day == 1 else day + rng.choice((-1, 1))
    return _splice(pair.target, match.start(group), match.end(group), str(new))


def _dropped(text: str, start: int, end: int) -> str:
    """The text with [start, end) taken out as a writer who drops words leaves it: one space between words,
    none before a stop or a closing mark or after an opening one, a capital still at the start."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if not before:
        return after[:1].upper() + after[1:]
    if re.match(r"[,.;:!?)\]”’]|\"(?=[\s,.;:!?]|$)", after) or before.endswith(("(", "[", "“", "‘")) or not after:
        return before + after
    return f"{before} {after}"


def number_dropped(pair: Pair, rng: random.Random) -> str | None:
    """A figure in digits, with its currency sign, scale word or percent."""
    match = _pick(rng, _with_counterpart(_FIGURE.finditer(pair.target), pair))
    return None if match is None else _dropped(pair.target, match.start(), match.end())


def count_word_dropped(pair: Pair, rng: random.Random) -> str | None:
    """A count in words (two, thirty, hundred), unless the words before it keep the count known ("the two
    countries" → "the countries" is still a good rendering of 两国) or the English still says that number as often
    as the source does ("two former partners, … one of the two companies" for 两个合作公司 alone keeps a "two" for
    it: the one-to-one reading of numbers has nothing to miss). A number of a range ("one or two") is always taken:
    "one or shrubs" is wrong English whatever else the sentence says."""
    match = _pick(rng, [m for m in _with_counterpart(_COUNT_WORD.finditer(pair.target), pair)
                        if not _REFERRING.search(pair.target[:m.start()])
                        and not (_said_as_often(_WORD_VALUES[m.group(0).lower()], pair.source,
                                                pair.target[:m.start()] + pair.target[m.end():])
                                 and not _in_a_range(pair.target, m))])
    return None if match is None else _dropped(pair.target, match.start(), match.end())


def _in_a_range(text: str, match: re.Match) -> bool:
    return any(found.start() <= match.start() and match.end() <= found.end() for found in _RANGE.finditer(text))


def _said_as_often(value: int, source: str, english: str) -> bool:
    """Whether the English still says a number the source writes (in Chinese numerals or digits) as often as the
    source writes it, in words or digits and not as an end of a range ("one or two" renders 几, not 两)."""
    forms = _chinese_forms(value)
    runs = [run[:-1] if len(run) > 1 and run.endswith("两") else run  # 五十两: fifty taels
            for run in re.findall(r"[零〇一二两三四五六七八九十百千]+", source)]
    written = sum(run in forms for run in runs) \
        + sum(int(run) == value for run in re.findall(r"\d+", source.translate(_FULL_WIDTH_DIGITS)))
    alone = _RANGE.sub(" ", english)
    said = sum(_WORD_VALUES[word.lower()] == value for word in _COUNT_WORD.findall(alone)) \
        + sum(int(run) == value for run in re.findall(r"(?<![\d.,])\d+(?![\d.,]\d)", alone))
    return written > 0 and said >= written


def scale_swapped(pair: Pair, rng: random.Random) -> str | None:
    """Only a scale word whose figure is one the source gives at that scale, within a factor of two (a rounding):
    "7.7 billion" for 77亿, "1 million" for 百万. A conversion the translator added ("$1.5 billion" beside
    100亿元), a figure of another source word ("a billion shards" for 无数) or a bare "a million" has nothing in
    the source to be checked against: swapping its scale makes no error a bilingual check could see."""
    source = pair.source.translate(_FULL_WIDTH_DIGITS)
    match = _pick(rng, [match for match in _SCALED_FIGURE.finditer(pair.target)
                        if any(Decimal("0.5") <= _scaled_value(match) / amount <= 2
                               and (in_words or counterpart(match.group(1), source))
                               for amount, in_words in _large_amounts(source))])
    if match is None:
        return None
    swap = {"million": "billion", "billion": "million", "mn": "bn", "bn": "mn"}
    return _splice(pair.target, match.start(2), match.end(2), swap[match.group(2)])


def _scaled_value(match: re.Match) -> Decimal:
    return Decimal(match.group(1).replace(",", "")) * _EN_SCALES[match.group(2)]


def _large_amounts(source: str) -> list[tuple[Decimal, bool]]:
    """(value, whether in Chinese numerals) of each amount the source scales by 万 or 亿: 77亿, 1.5万亿, 三千万, 百万."""
    found = []
    for figure, scale in _ZH_AMOUNT.findall(source):
        value = Decimal(figure.replace(",", "")) if figure[0].isdigit() else numbers.chinese_numeral(figure)
        if value:
            found.append((Decimal(value) * _ZH_SCALES[scale], not figure[0].isdigit()))
    return found


def chinese_left(pair: Pair, rng: random.Random) -> str | None:
    han, words = list(_HAN_WORD.finditer(pair.source)), list(_WORD.finditer(pair.target))
    if not han or not words:
        return None
    word = rng.choice(words)
    return _splice(pair.target, word.start(), word.end(), rng.choice(han).group(0)[:2])


def doubled(pair: Pair, rng: random.Random) -> str | None:
    match = _pick(rng, [m for m in _WORD.finditer(pair.target) if m.group(0).lower() not in _NOT_DOUBLED])
    if match is None:
        return None
    return _splice(pair.target, match.start(), match.end(), f"{match.group(0)} {match.group(0)}")


def ideographic_stop(pair: Pair, rng: random.Random) -> str | None:
    stripped = pair.target.rstrip()
    if not stripped.endswith(".") or stripped.endswith(".."):
        return None
    return stripped[:-1] + "。"


# Where a quotation may begin: the start of the sentence, or after a colon, a comma, a stop or a dash.
_QUOTATION_START = re.compile(r"(?:^|[:,;.!?—–-])\s*$")
_OPENER = {"”": "“", "’": "‘", '"': '"', ")": "(", "]": "["}


def _closes_an_opening(text: str, at: int) -> bool:
    """Whether the closing mark at `at` closes one opened before it: taking out a mark that closes nothing
    (a line that lost its opening quote) would leave the text balanced, not a bracket left open."""
    mark, before = text[at], text[:at]
    if mark == '"':
        return before.count('"') % 2 == 1
    return before.count(_OPENER[mark]) > before.count(mark)


def _reads_as_run_on(text: str, start: int, mark: str) -> bool:
    """Whether a quotation left open here would read as the first sentence of a quotation of several: English
    opens such a quotation once and closes it only after its last sentence, so "He added: "There are real
    concerns." without its closing mark, or with an opening mark put at its start, is correct English when the
    next sentence goes on quoting. One sentence alone cannot tell the two apart."""
    if mark in _OPENER:  # a closing mark taken out: does it close the sentence, and open where a quotation may?
        if text[start + 1:].strip(" .,;:!?)") or _OPENER[mark] not in text[:start]:
            return False
        return bool(_QUOTATION_START.search(text[:text.rindex(_OPENER[mark], 0, start)]))
    return mark == "“" and bool(_QUOTATION_START.search(text[:start]))


def bracket_open(pair: Pair, rng: random.Random) -> str | None:
    """A closing bracket or quote that closes an opening one taken out, or, where there is none, an opening one
    put before a word; never where the result reads as a quotation running on into the next sentence (see
    _reads_as_run_on). ’ closes a quote only after a ‘; elsewhere it is an apostrophe (the soldiers’ camp)."""
    closing = [m for m in _CLOSING.finditer(pair.target) if _closes_an_opening(pair.target, m.start())
               and not _reads_as_run_on(pair.target, m.start(), m.group(0))]
    if closing:
        match = rng.choice(closing)
        return _splice(pair.target, match.start(), match.end(), "")
    words = list(_WORD.finditer(pair.target))
    if not words:
        return None
    word, mark = rng.choice(words), rng.choice(("(", "“"))
    if _reads_as_run_on(pair.target, word.start(), mark):
        mark = "("
    return _splice(pair.target, word.start(), word.start(), mark)


def acronym_dropped(pair: Pair, rng: random.Random) -> str | None:
    """An acronym or Latin name of the source taken out of the English, with its brackets when it stands in
    brackets. Not where the English would still hold it (SEC twice, IBM in IBM Watson), nor where it follows
    its name spelled out (Scottish Qualifications Authority (SQA)): the name is still rendered then."""
    candidates = []
    for match in _ACRONYM.finditer(pair.target):
        token = match.group(0)
        if token not in pair.source:
            continue
        start, end = match.start(), match.end()
        if pair.target[start - 1:start] == "(" and pair.target[end:end + 1] == ")":
            start, end = start - 1, end + 1
            initials = "".join(word[0] for word in re.findall(r"[A-Z][\w'-]*", pair.target[max(0, start - 80):start])
                               if word[0].isupper())
            if token.isupper() and initials.endswith(token):
                continue
        dropped = _splice(pair.target, start, end, "")
        if not re.search(rf"(?<![A-Za-z0-9]){re.escape(token)}(?![A-Za-z0-9])", dropped):
            candidates.append((start, end))
    if not candidates:
        return None
    return _dropped(pair.target, *rng.choice(candidates))


_dictionary = None


def _is_word(word: str) -> bool:
    global _dictionary
    if _dictionary is None:
        import enchant

        broker = enchant.Broker()
        broker.set_ordering("en_US", "hunspell")
        _dictionary = broker.request_dict("en_US")
    return _dictionary.check(word)


def misspelled(pair: Pair, rng: random.Random) -> str | None:
    words = [m for m in _LOWER.finditer(pair.target) if _is_word(m.group(0))]
    rng.shuffle(words)
    for match in words:
        word = match.group(0)
        at = rng.randrange(1, len(word) - 1)
        typos = [word[:at] + word[at + 1] + word[at] + word[at + 2:],  # two letters swapped
                 word[:at] + word[at + 1:],  # a letter dropped
                 word[:at] + word[at] + word[at:]]  # a letter doubled
        typo = rng.choice(typos)
        if typo != word and not _is_word(typo):
            return _splice(pair.target, match.start(), match.end(), typo)
    return None


INJECTIONS: dict[str, Callable[[Pair, random.Random], str | None]] = {
    "digit changed": digit_changed, "decimal point moved": decimal_moved, "year off by one": year_off,
    "day off by one": day_off, "number dropped": number_dropped, "count word dropped": count_word_dropped,
    "million/billion swapped": scale_swapped,
    "Chinese word left in": chinese_left, "doubled word": doubled, "。 as the full stop": ideographic_stop,
    "bracket or quote left open": bracket_open, "acronym dropped": acronym_dropped, "misspelled word": misspelled,
}


def injected_pair(kind: str, pair: Pair, rng: random.Random) -> Pair | None:
    """The pair with one error of this kind in its target, or None where the kind finds nothing to change."""
    text = INJECTIONS[kind](pair, rng)
    return None if text is None or text == pair.target else Pair(pair.id, pair.source, text)


def inject(pairs: list[Pair], per_type: dict[bool, int], seed: int) -> tuple[list[Pair], dict[str, str]]:
    """The pairs with errors put into some (one each; per type, per_type[False] among the dev pairs and
    per_type[True] among the aside ones), and the type put into each mutated pair's id."""
    rng = random.Random(seed)
    order = list(range(len(pairs)))
    rng.shuffle(order)
    used: set[int] = set()
    mutated = list(pairs)
    kinds: dict[str, str] = {}
    for kind in INJECTIONS:
        made = {False: 0, True: 0}
        for index in order:
            part = aside(pairs[index].id)
            if made[part] == per_type[part] or index in used:
                continue
            dirty = injected_pair(kind, pairs[index], rng)
            if dirty is None:
                continue
            used.add(index)
            mutated[index] = dirty
            kinds[pairs[index].id] = kind
            made[part] += 1
    return mutated, kinds


def caught(clean: Counter, dirty: Counter) -> bool:
    return bool(dirty - clean)


# ---------------------------------------------------------------- report

def real_problems(of_aside: bool = False) -> set[tuple[str, str]]:
    """(pair id, check) of findings labelled real problems of the human translation, on the dev part or on
    the aside part; each file holds ids of its own part only. Lines starting with # are comments."""
    path = REAL_PROBLEMS_ASIDE if of_aside else REAL_PROBLEMS
    labelled = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        if line.strip() and not line.startswith("#"):
            pair_id, check, _reason = line.split("\t", 2)
            if aside(pair_id) != of_aside:
                raise SystemExit(f"{path}:{number}: {pair_id} is not of the {'aside' if of_aside else 'dev'} part")
            labelled.add((pair_id, check))
    return labelled


def unsaid_counts(pairs: list[Pair]) -> tuple[int, int]:
    """(counts in Chinese numerals the human English does not say, all of them) on these pairs: how often a
    careful translator leaves a count such as 两条 or 三人 implicit, which is why the numbers check needs
    evidence before it reports one, and why a dropped count word is an error type of its own."""
    unsaid = total = 0
    for pair in pairs:
        targets = numbers.english_quantities(pair.target)
        for quantity in numbers.quantities(pair.source):
            if quantity.counted and not quantity.approximate:
                total += 1
                unsaid += not any(numbers.rendered_by(quantity, target) for target in targets)
    return unsaid, total


def show_finding(mark: str, pair: Pair, check: str, message: str) -> None:
    print(f"{mark}{pair.id}\t{check}\t{message}\n  {pair.source}\n  {pair.target}")


def show_miss(kind: str, pair: Pair) -> None:
    """An injected error no finding caught; `pair` holds the injected text."""
    print(f"MISSED {kind}\t{pair.id}\n  {pair.source}\n  {pair.target}")


def per_100(count: int, entries: int) -> str:
    return f"{100 * count / entries:.2f}" if entries else "-"


def percent(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f}" if total else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder holding newsdev2017-zh-en/ and mac-dev/ (default: ../shared/data)")
    parser.add_argument("--show", choices=("dev", "aside"),
                        help="print every finding on the dev sets, and the injected errors missed there; 'aside' "
                             "prints the aside findings, for adjudicating their labels only, never while working on "
                             "the checks")
    parser.add_argument("--no-pofilter", dest="pofilter", action="store_false", help="leave pofilter out")
    arguments = parser.parse_args()
    if arguments.pofilter and not Path(sys.executable).with_name("pofilter").is_file():
        parser.error("pofilter not found beside this Python: pip install translate-toolkit (or --no-pofilter)")

    by_corpus = corpora(arguments.data)
    sets = {f"{name}{suffix}": [pair for pair in pairs if aside(pair.id) == part]
            for name, pairs in by_corpus.items() for suffix, part in (("", False), ("-aside", True))}
    labelled = real_problems() | real_problems(of_aside=True)
    rows_alarm, by_check, recall = [], defaultdict(dict), defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        for corpus, pairs in by_corpus.items():
            clean_ours, clean_theirs = run_checkers(pairs, corpus, workdir, arguments.pofilter)
            mutated, kinds = inject(pairs, PER_TYPE[corpus], SEED)
            dirty_ours, dirty_theirs = run_checkers(mutated, f"{corpus}-injected", workdir, arguments.pofilter)
            for name in (corpus, f"{corpus}-aside"):
                members = {pair.id for pair in sets[name]}
                ours_here = {pid: found for pid, found in clean_ours.items() if pid in members}
                theirs_here = {pid: found for pid, found in clean_theirs.items() if pid in members}
                findings = [(pid, check) for pid, found in ours_here.items() for (check, _), n in found.items()
                            for _ in range(n)]
                real = sum(1 for finding in findings if finding in labelled)
                theirs = sum(sum(found.values()) for found in theirs_here.values())
                flagged = sum(1 for found in ours_here.values() if found)
                rows_alarm.append((name, len(members), len(findings), real, len(findings) - real, flagged, theirs))
                for tool, found in (("ours", ours_here), ("pofilter", theirs_here)):
                    counts = Counter(check for per_pair in found.values() for (check, _), n in per_pair.items()
                                     for _ in range(n))
                    for check, count in counts.items():
                        by_check[(tool, check)][name] = count
                if arguments.show == ("dev" if name == corpus else "aside"):
                    texts = {pair.id: pair for pair in sets[name]}
                    for pid, found in ours_here.items():
                        for (check, message), _ in found.items():
                            show_finding("REAL " if (pid, check) in labelled else "", texts[pid], check, message)
                for pid, kind in kinds.items():
                    if pid not in members:
                        continue
                    cell = recall[kind][name]
                    cell[0] += 1
                    hit = caught(clean_ours.get(pid, Counter()), dirty_ours.get(pid, Counter()))
                    cell[1] += hit
                    if arguments.show == "dev" and name == corpus and not hit:
                        show_miss(kind, next(p for p in mutated if p.id == pid))
                    cell[2] += caught(clean_theirs.get(pid, Counter()), dirty_theirs.get(pid, Counter()))
    _print_tables(sets, rows_alarm, by_check, recall, arguments.pofilter)
    shares = ", ".join("{} {} of {}".format(name, *unsaid_counts(sets[name])) for name in by_corpus)
    print(f"\ncounts in Chinese numerals the human English leaves unsaid (dev parts): {shares}")


def _print_tables(sets, rows_alarm, by_check, recall, with_pofilter: bool) -> None:
    print("| set | entries | our findings | real problems | false alarms | per 100 entries | entries flagged "
          "| pofilter findings | per 100 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, entries, findings, real, false, flagged, theirs in rows_alarm:
        their = f"{theirs} | {per_100(theirs, entries)}" if with_pofilter else "- | -"
        print(f"| {name} | {entries} | {findings} | {real} | {false} | {per_100(false, entries)} | {flagged} | {their} |")
    names = list(sets)
    print("\n| findings per 100 entries, by check | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for (tool, check), counts in sorted(by_check.items()):
        cells = " | ".join(per_100(counts.get(name, 0), len(sets[name])) for name in names)
        print(f"| {tool}: {check} | {cells} |")
    print("\n| injected error | n | ours | pofilter | n aside | ours aside | pofilter aside |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    totals = [0] * 6
    for kind in INJECTIONS:
        dev = [sum(recall[kind][n][i] for n in names if not n.endswith("aside")) for i in range(3)]
        aside = [sum(recall[kind][n][i] for n in names if n.endswith("aside")) for i in range(3)]
        totals = [t + v for t, v in zip(totals, dev + aside)]
        print(f"| {kind} | {dev[0]} | {percent(dev[1], dev[0])} | {percent(dev[2], dev[0]) if with_pofilter else '-'} "
              f"| {aside[0]} | {percent(aside[1], aside[0])} | "
              f"{percent(aside[2], aside[0]) if with_pofilter else '-'} |")
    print(f"| all | {totals[0]} | {percent(totals[1], totals[0])} | "
          f"{percent(totals[2], totals[0]) if with_pofilter else '-'} | {totals[3]} | {percent(totals[4], totals[3])} "
          f"| {percent(totals[5], totals[3]) if with_pofilter else '-'} |")


if __name__ == "__main__":
    main()
