"""False alarms of `l10n check` on fresh news the checks were never tuned on, translated by the team for it.

    python benchmarks/qa_fresh.py [--show F1|F2|F3|F4] [--recall]

benchmarks/data/qa_fresh_news.tsv holds Chinese news sentences of 2015-2022 rich in figures, counts and dates (the
Chinese sides of WMT18's, WMT21's and WMT22's zh-en test sets; provenance in the file's header) with English written
for it by the l10n team before any check ran on it, as a news desk would: small counts in words, counts English
leaves implicit left out ("两人" → "both"), dates as weekdays, approximate figures, units converted. Every finding on
it is a false alarm (a mistake of the translator found by a check is corrected in the file, and said so in its
commit).

The articles are cut in five parts: F1 (odd articles aNN), F2 (even ones, held out in session 6), F3 (articles bNN,
held out in session 7) and F4 (articles cNN, held out in session 8) are read while working on the checks (`--show F1`
prints a part's findings); F5 (articles dNN, translated in session 9) is held out and reported as totals only. All
pairs are checked as one catalog in article order, as qa_eval.py checks its corpora, with its code. `--recall` also
puts each numeric error type of qa_eval.py into every pair it fits (one error per pair, seeded by the pair, as
numbers_folds.py does) and prints the share the numbers checks catch, per part: recall on renderings the checks were
not tuned on.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import numbers_folds  # noqa: E402
import qa_eval  # noqa: E402

from l10n.qa.registry import ENGLISH, Context  # noqa: E402

FRESH = HERE / "data" / "qa_fresh_news.tsv"
PARTS = ("F1", "F2", "F3", "F4", "F5")


def fresh_pairs(path: Path = FRESH) -> list[qa_eval.Pair]:
    """The pairs in file order, with ids fresh:ARTICLE:N (N counts the article's pairs from 1)."""
    pairs, counts = [], Counter()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # the column header
        article, source, target = line.split("\t")
        counts[article] += 1
        pairs.append(qa_eval.Pair(f"fresh:{article}:{counts[article]}", source, target))
    return pairs


def part(pair_id: str) -> str:
    """F1 for odd articles aNN, F2 for even ones, F3 for articles bNN, F4 for articles cNN (all read while working on
    the checks), F5 for articles dNN (held out)."""
    article = pair_id.split(":")[1]
    if article.startswith("b"):
        return "F3"
    if article.startswith("c"):
        return "F4"
    if article.startswith("d"):
        return "F5"
    return "F1" if int(article.lstrip("a")) % 2 else "F2"


def recall(pairs: list[qa_eval.Pair]) -> Counter:
    """(type, part, "n") and (type, part, "hit") counts of the numeric error types put into every pair they fit."""
    context, counts = Context(ENGLISH), Counter()
    for pair in pairs:
        clean = numbers_folds.findings(pair, pair.target, context)
        for name in numbers_folds.NUMERIC_TYPES:
            dirty = qa_eval.injected_pair(name, pair, random.Random(f"{qa_eval.SEED}:{name}:{pair.id}"))
            if dirty is not None:
                counts[(name, part(pair.id), "n")] += 1
                counts[(name, part(pair.id), "hit")] += bool(numbers_folds.findings(pair, dirty.target, context) - clean)
    return counts


def print_recall(counts: Counter) -> None:
    print("\n| injected error (every pair it fits) | " + " | ".join(f"n {name} | caught {name}" for name in PARTS) + " |")
    print("|---|" + "---:|---:|" * len(PARTS))
    for name in (*numbers_folds.NUMERIC_TYPES, "all numeric"):
        cells = []
        for name_part in PARTS:
            kinds = numbers_folds.NUMERIC_TYPES if name == "all numeric" else (name,)
            n, hit = (sum(counts[(kind, name_part, key)] for kind in kinds) for key in ("n", "hit"))
            cells.append(f"{n} | {qa_eval.percent(hit, n)}")
        print(f"| {name} | {' | '.join(cells)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("F1", "F2", "F3", "F4"),
                        help="print a developed part's findings (never F5's)")
    parser.add_argument("--recall", action="store_true", help="also the numbers checks' recall on injected errors")
    arguments = parser.parse_args()
    pairs = fresh_pairs()
    with tempfile.TemporaryDirectory() as folder:
        found, _ = qa_eval.run_checkers(pairs, "fresh", Path(folder), with_pofilter=False)
    entries = Counter(part(pair.id) for pair in pairs)
    alarms, by_check, flagged = Counter(), Counter(), Counter()
    for pair in pairs:
        findings = found.get(pair.id, Counter())
        flagged[part(pair.id)] += bool(findings)
        for (check, message), count in findings.items():
            alarms[part(pair.id)] += count
            by_check[(check, part(pair.id))] += count
            if arguments.show == part(pair.id):
                qa_eval.show_finding("", pair, check, message)
    names = PARTS
    print("| part | entries | false alarms | per 100 entries | entries flagged |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        print(f"| {name} | {entries[name]} | {alarms[name]} | {qa_eval.per_100(alarms[name], entries[name])} "
              f"| {flagged[name]} |")
    print("\n| false alarms per 100 entries, by check | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for check in sorted({check for check, _ in by_check}):
        print(f"| {check} | " + " | ".join(qa_eval.per_100(by_check[(check, name)], entries[name]) for name in names)
              + " |")
    if arguments.recall:
        print_recall(recall(pairs))


if __name__ == "__main__":
    main()
