"""Where a Chinese sentence ends, measured on human translations: the data behind docs/segmentation.md.

    python benchmarks/segmentation_eval.py [--data ../shared/data]

Two aligned sets (read from --data, never shipped): mac-dev/ (six novel chapters translated zh→en, sentences
aligned by hand; a unit is one gold link, its English sentences as the corpus splits them) and
newsdev2017-zh-en/ (2,002 news lines translated en→zh; a unit is one line, its English split by pySBD, as
`l10n align` splits English). Both ends of a unit are sentence boundaries on both sides.

1. For each Chinese mark, how often the English starts a new sentence there. Inside a unit, the English
   boundaries are matched to the Chinese marks by relative position (a monotone alignment that may leave an
   English boundary unmatched, at a cost of MAX_SHIFT); a mark that ends its unit always matches.
2. For Chinese sentences as `l10n segment` cuts them, by length: how often the English splits one in two or
   more, and at which mark the English breaks inside it.
3. Segmentation policies: per unit, does the number of Chinese segments equal the number of English
   sentences? The policies are l10n's splitter with ；(and ：) read as a full stop, which is exactly how the
   splitter treated ；before (it was one of its full-width ends). The set-aside part (every third news line,
   the last chapter: the same split as benchmarks/qa_eval.py) is reported apart.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_eval import read_gold, read_sentences  # noqa: E402
from qa_eval import aside  # noqa: E402

from l10n.align.inputs import english_sentences  # noqa: E402
from l10n.plumbing.columns import columns  # noqa: E402
from l10n.reading.segment import split_sentences  # noqa: E402

MAX_SHIFT = 0.08  # share of a unit's length: farther than this, an English boundary matches no Chinese mark
LONG = (40, 80, 120)  # sentence length buckets, in characters
# Half-width marks count only after Chinese text: 10:30 and 1,000 are not clause ends.
_MARK = re.compile(r"(……|…|[。！？；：，、]|(?<![0-9A-Za-z\s])[!?;:,])[”’」』）)》\"']*")
_KINDS = {"。": "。！？…", "！": "。！？…", "？": "。！？…", "!": "。！？…", "?": "。！？…", "…": "。！？…",
          "……": "。！？…", "；": "；", ";": "；", "：": "：", ":": "：", "，": "，", ",": "，", "、": "、"}
_QUOTES = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》"}
ROWS = ["。！？…", "。！？… in quotes", "；", "；in quotes", "：", "，", "、"]


@dataclass(frozen=True)
class Unit:
    id: str  # news:LINE or mac:CHAPTER:LINK, as benchmarks/qa_eval.py names pairs
    chinese: str
    english: tuple[str, ...]


def mac_units(folder: Path) -> list[Unit]:
    units = []
    for gold_path in sorted(folder.glob("dev-anno.*_zh.*_en.xml")):
        chapter = gold_path.name.split(".")[1].split("_")[0]
        zh, zh_index = read_sentences(folder / f"dev-anno.{chapter}_zh.xml")
        en, en_index = read_sentences(folder / f"dev-anno.{chapter}_en.xml")
        for number, (zh_ids, en_ids) in enumerate(read_gold(gold_path, zh_index, en_index), start=1):
            if zh_ids and en_ids:
                units.append(Unit(f"mac:{chapter}:{number}", "".join(zh[i] for i in zh_ids),
                                  tuple(en[i] for i in en_ids)))
    return units


def news_units(folder: Path) -> list[Unit]:
    zh = (folder / "newsdev2017.zh").read_text(encoding="utf-8").splitlines()
    en = (folder / "newsdev2017.en").read_text(encoding="utf-8").splitlines()
    return [Unit(f"news:{line}", source.strip(), tuple(english_sentences(target)))
            for line, (source, target) in enumerate(zip(zh, en), start=1) if source.strip() and target.strip()]


def _quoted(text: str) -> list[bool]:
    """Whether each character stands inside quotes or brackets."""
    inside, depth = [], []
    for char in text:
        if depth and char == depth[-1]:
            depth.pop()
        elif char in _QUOTES:
            depth.append(_QUOTES[char])
        inside.append(bool(depth))
    return inside


def marks(text: str) -> list[tuple[int, str]]:
    """(offset after the mark and its closing quotes, row) for every mark of the text."""
    quoted = _quoted(text)
    found = []
    for match in _MARK.finditer(text):
        kind = _KINDS[match[1]]
        if quoted[match.start()] and kind in ("。！？…", "；"):
            kind = f"{kind} in quotes" if kind != "；" else "；in quotes"
        found.append((match.end(), kind))
    return found


def english_boundaries(sentences: tuple[str, ...]) -> list[float]:
    """Relative offsets of the sentence boundaries inside a unit's English."""
    total = sum(len(sentence) for sentence in sentences) + len(sentences) - 1
    offsets, position = [], 0
    for sentence in sentences[:-1]:
        position += len(sentence) + 1
        offsets.append(position / total)
    return offsets


def matched_marks(positions: list[float], boundaries: list[float]) -> set[int]:
    """Indices of the Chinese marks the English boundaries fall on: the monotone alignment of least total
    shift, where an English boundary may stay unmatched at the cost MAX_SHIFT and a mark for free."""
    n, k = len(positions), len(boundaries)
    infinity = float("inf")
    cost = [[infinity] * (k + 1) for _ in range(n + 1)]
    step: dict[tuple[int, int], tuple[int, int, bool]] = {}
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(k + 1):
            here = cost[i][j]
            if here == infinity:
                continue
            moves = []
            if i < n:
                moves.append((i + 1, j, here, False))
            if j < k:
                moves.append((i, j + 1, here + MAX_SHIFT, False))
            if i < n and j < k:
                moves.append((i + 1, j + 1, here + abs(positions[i] - boundaries[j]), True))
            for a, b, value, match in moves:
                if value < cost[a][b]:
                    cost[a][b], step[a, b] = value, (i, j, match)
    matched, i, j = set(), n, k
    while (i, j) != (0, 0):
        i0, j0, match = step[i, j]
        if match:
            matched.add(i0)
        i, j = i0, j0
    return matched


def mark_table(units: list[Unit]) -> tuple[Counter, Counter]:
    seen, broken = Counter(), Counter()
    for unit in units:
        found = marks(unit.chinese)
        end = len(unit.chinese.rstrip())
        inner = [(offset, kind) for offset, kind in found if offset < end]
        matched = matched_marks([offset / end for offset, _ in inner], english_boundaries(unit.english))
        for index, (_, kind) in enumerate(inner):
            seen[kind] += 1
            broken[kind] += index in matched
        for offset, kind in found:
            if offset >= end:
                seen[kind] += 1
                broken[kind] += 1
    return seen, broken


def _spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for sentence in sentences:
        start = text.find(sentence, position)
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


def _bucket(length: int) -> str:
    for limit in LONG:
        if length <= limit:
            return f"≤{limit}"
    return f">{LONG[-1]}"


def length_table(units: list[Unit]) -> tuple[Counter, Counter, dict[str, Counter]]:
    """Per length bucket: sentences, sentences the English splits, and the marks the English breaks at."""
    sentences, split = Counter(), Counter()
    where: dict[str, Counter] = defaultdict(Counter)
    for unit in units:
        text = unit.chinese
        end = len(text.rstrip())
        found = [(offset, kind) for offset, kind in marks(text) if offset < end]
        matched = matched_marks([offset / end for offset, _ in found], english_boundaries(unit.english))
        for start, stop in _spans(text, split_sentences(text)):
            bucket = _bucket(stop - start)
            inside = [index for index, (offset, _) in enumerate(found) if start < offset < stop]
            breaks = [found[index][1] for index in inside if index in matched]
            sentences[bucket] += 1
            split[bucket] += bool(breaks)
            where[bucket].update(kind.replace(" in quotes", "") for kind in breaks)
    return sentences, split, where


POLICIES = {
    "。！？… (now; OmegaT, Okapi, UAX #29)": lambda text: len(split_sentences(text)),
    "。！？…； (l10n before)": lambda text: len(split_sentences(text.replace("；", "。"))),
    "。！？…；：": lambda text: len(split_sentences(text.replace("；", "。").replace("：", "。"))),
    f"。！？…, and ；in sentences >{LONG[1]}": lambda text: sum(
        len(split_sentences(sentence.replace("；", "。"))) if len(sentence) > LONG[1] else 1
        for sentence in split_sentences(text)),
}


def policy_table(units: list[Unit]) -> dict[str, tuple[int, int, int]]:
    """Per policy: units whose segment count equals their English sentence count, Chinese segments in all."""
    result = {}
    for name, count in POLICIES.items():
        counts = [count(unit.chinese) for unit in units]
        agree = sum(found == len(unit.english) for found, unit in zip(counts, units))
        result[name] = (agree, len(units), sum(counts))
    return result


def _pad(text: str, width: int) -> str:
    """Left-aligned in `width` terminal columns (a Chinese character takes two)."""
    return text + " " * max(1, width - columns(text))


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="folder holding mac-dev/ and newsdev2017-zh-en/ (default: ../shared/data)")
    arguments = parser.parse_args()
    sets = {"mac-dev": mac_units(arguments.data / "mac-dev"),
            "newsdev": news_units(arguments.data / "newsdev2017-zh-en")}

    print("1. Chinese marks where the English starts a new sentence (a unit's last mark always does)")
    tables = {name: mark_table(units) for name, units in sets.items()}
    print(_pad("mark", 22) + "".join(f"{name + ': n':>14}{'English break':>15}" for name in sets))
    for row in ROWS:
        print(_pad(row, 22) + "".join(f"{seen[row]:>14}{_share(broken[row], seen[row]):>15}"
                                     for seen, broken in tables.values()))

    print("\n2. Chinese sentences (as l10n segments them) by length: split by the English, and where")
    for name, units in sets.items():
        sentences, split, where = length_table(units)
        print(f"{name:<10}{'sentences':>10}{'English splits':>16}   English breaks inside at")
        for bucket in [f"≤{limit}" for limit in LONG] + [f">{LONG[-1]}"]:
            total = sum(where[bucket].values())
            at = ", ".join(f"{kind} {_share(count, total)}" for kind, count in where[bucket].most_common(4))
            print(f"{bucket:<10}{sentences[bucket]:>10}{_share(split[bucket], sentences[bucket]):>16}   {at}")

    print("\n3. Policies: units whose Chinese segment count equals their English sentence count; segments in all")
    parts = {name: {"dev": [u for u in units if not aside(u.id)], "aside": [u for u in units if aside(u.id)]}
             for name, units in sets.items()}
    header = _pad("policy", 40)
    for name, units in sets.items():
        header += f"{name + ' dev':>14}{'aside':>8}{f'segments (English {sum(len(u.english) for u in units)})':>28}"
    print(header)
    tables = {(name, part): policy_table(chosen) for name, split in parts.items() for part, chosen in split.items()}
    for policy in POLICIES:
        line = _pad(policy, 40)
        for name in sets:
            dev, held = tables[name, "dev"][policy], tables[name, "aside"][policy]
            line += f"{_share(dev[0], dev[1]):>14}{_share(held[0], held[1]):>8}{dev[2] + held[2]:>28}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
