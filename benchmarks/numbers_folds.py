"""The numbers checks alone, cross-validated inside qa_eval.py's dev pairs (the aside pairs are never read).

    python benchmarks/numbers_folds.py [--data ../shared/data] [--show A]

The dev pairs are cut in two folds by article, as qa_crossval.py cuts them: A = news lines 1–1001 and literary
chapters 001–003, B = news lines 1002–2002 and chapters 004–005 (until session 4 the folds interleaved news
lines, 1, 4, 7, … against 2, 5, 8, …, so that both held sentences of every article). Rules are designed on fold A (`--show A` prints its findings and
misses, never B's); fold B is the check on them. Per fold: findings of the numbers checks (numbers,
numbers-approximate, currency) on the human translations less the hand-labelled real problems, per 100
entries, and recall on every pair where a numeric error type of qa_eval.py applies (one error per pair and
type, seeded by the pair, so each type is tried on every pair it fits rather than on a sample of 40).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import qa_eval  # noqa: E402
from qa_crossval import half as fold  # noqa: E402

from l10n.model import Part, Segment  # noqa: E402
from l10n.qa.registry import CHECKS, ENGLISH, Context  # noqa: E402

NUMBER_CHECKS = ("numbers", "numbers-approximate", "currency")
NUMERIC_TYPES = ("digit changed", "decimal point moved", "year off by one", "day off by one", "number dropped",
                 "count word dropped", "million/billion swapped")


def findings(pair: qa_eval.Pair, text: str, context: Context) -> Counter:
    segment = Segment(pair.id, 0, 0, Part.BODY, 0, pair.source)
    return Counter((check, issue.message) for check in NUMBER_CHECKS
                   for issue in CHECKS[check].function(segment, text, context))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=qa_eval.DEFAULT_DATA)
    parser.add_argument("--show", choices=("A",), help="print fold A's findings and misses (never fold B's)")
    arguments = parser.parse_args()
    pairs = [pair for pairs in qa_eval.corpora(arguments.data).values() for pair in pairs
             if not qa_eval.aside(pair.id)]
    labelled = qa_eval.real_problems()
    context = Context(ENGLISH)
    alarms, entries = Counter(), Counter()
    recall = {name: Counter() for name in NUMERIC_TYPES}
    for pair in pairs:
        part = fold(pair.id)
        show = arguments.show == part
        corpus = pair.id.split(":")[0]
        entries[(part, corpus)] += 1
        clean = findings(pair, pair.target, context)
        for (check, message), count in clean.items():
            if (pair.id, check) not in labelled:
                alarms[(part, corpus)] += count
                if show:
                    qa_eval.show_finding("FOUND ", pair, check, message)
        for name in NUMERIC_TYPES:
            dirty = qa_eval.injected_pair(name, pair, random.Random(f"{qa_eval.SEED}:{name}:{pair.id}"))
            if dirty is None:
                continue
            hit = bool(findings(pair, dirty.target, context) - clean)
            recall[name][(part, "n")] += 1
            recall[name][(part, "hit")] += hit
            if show and not hit:
                qa_eval.show_miss(name, dirty)
    print("| fold | news entries | news false alarms per 100 | literary entries | literary false alarms per 100 |")
    print("|---|---:|---:|---:|---:|")
    for part in "AB":
        cells = [f"{entries[(part, c)]} | {qa_eval.per_100(alarms[(part, c)], entries[(part, c)])}"
                 for c in ("news", "mac")]
        print(f"| {part} | {' | '.join(cells)} |")
    print("\n| injected error (every pair it fits) | n A | caught A | n B | caught B |")
    print("|---|---:|---:|---:|---:|")
    totals = Counter()
    for name in NUMERIC_TYPES:
        cells = []
        for part in "AB":
            n, hit = recall[name][(part, "n")], recall[name][(part, "hit")]
            totals[(part, "n")] += n
            totals[(part, "hit")] += hit
            cells.append(f"{n} | {qa_eval.percent(hit, n)}")
        print(f"| {name} | {' | '.join(cells)} |")
    print("| all numeric | " + " | ".join(f"{totals[(p, 'n')]} | {qa_eval.percent(totals[(p, 'hit')], totals[(p, 'n')])}"
                                         for p in "AB") + " |")


if __name__ == "__main__":
    main()
