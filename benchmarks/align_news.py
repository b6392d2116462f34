"""A news check for `l10n align`: parallel news sentences, with neighbours merged on one side.

    python benchmarks/align_news.py [--trials 5]

benchmarks/data/news_zh_en.tsv holds 60 Chinese–English news sentence pairs written for this project.
Each trial (seeded, so reruns print the same) joins some neighbouring pairs on one side — two Chinese
sentences against one English sentence made of both translations (2-1), or the reverse (1-2) — and
drops a few translations or sources (1-0, 0-1), then aligns the two texts and scores the result
against the known links (l10n/align/score.py: strict and lax precision, recall, F1).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from l10n.align.dp import align  # noqa: E402
from l10n.align.lexicon import cedict  # noqa: E402
from l10n.align.score import score  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "news_zh_en.tsv"


def read_pairs(path: Path = DATA) -> list[tuple[str, str]]:
    return [tuple(line.split("\t")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_trial(pairs: list[tuple[str, str]], rng: random.Random, merge: float = 0.15, drop: float = 0.03):
    zh: list[str] = []
    en: list[str] = []
    gold = []
    k = 0
    while k < len(pairs):
        roll = rng.random()
        if roll < merge and k + 1 < len(pairs):  # 2-1: two sources, one English sentence
            zh += [pairs[k][0], pairs[k + 1][0]]
            en.append(f"{pairs[k][1]} {pairs[k + 1][1]}")
            gold.append(((len(zh) - 2, len(zh) - 1), (len(en) - 1,)))
            k += 2
        elif roll < 2 * merge and k + 1 < len(pairs):  # 1-2: one source sentence, two English ones
            zh.append(pairs[k][0] + pairs[k + 1][0])
            en += [pairs[k][1], pairs[k + 1][1]]
            gold.append(((len(zh) - 1,), (len(en) - 2, len(en) - 1)))
            k += 2
        elif roll < 2 * merge + drop:  # 1-0: a source sentence the translation left out
            zh.append(pairs[k][0])
            gold.append(((len(zh) - 1,), ()))
            k += 1
        elif roll < 2 * merge + 2 * drop:  # 0-1: a sentence only the translation has
            en.append(pairs[k][1])
            gold.append(((), (len(en) - 1,)))
            k += 1
        else:
            zh.append(pairs[k][0])
            en.append(pairs[k][1])
            gold.append(((len(zh) - 1,), (len(en) - 1,)))
            k += 1
    return zh, en, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=5)
    arguments = parser.parse_args()
    pairs = read_pairs()
    lexicon = cedict()
    results = []
    print(f"{'trial':<7}{'zh':>4}{'en':>4}  {'links by shape':<34} {'strict F1':>9} {'lax F1':>7}")
    for trial in range(1, arguments.trials + 1):
        zh, en, gold = make_trial(pairs, random.Random(trial))
        test = [(link.zh, link.en) for link in align(zh, en, lexicon)]
        results.append((gold, test))
        shapes = Counter(f"{len(z)}-{len(e)}" for z, e in gold)
        s = score([(gold, test)])
        print(f"{trial:<7}{len(zh):>4}{len(en):>4}  {', '.join(f'{n} {k}' for k, n in sorted(shapes.items())):<34} "
              f"{s.strict_f1:>9.3f} {s.lax_f1:>7.3f}")
    s = score(results)
    print(f"overall: strict P {s.strict_precision:.3f} R {s.strict_recall:.3f} F1 {s.strict_f1:.3f}; "
          f"lax P {s.lax_precision:.3f} R {s.lax_recall:.3f} F1 {s.lax_f1:.3f}")


if __name__ == "__main__":
    main()
