"""Cross-validation inside the QA benchmark's dev part, for the checks that are not about numbers: the dev part
of qa_eval.py is cut in two halves, rules are designed while reading half A only, and half B tells whether they
carry over. The aside part of qa_eval.py stays untouched: its pairs are checked in their place (a check may read
neighbouring sentences), never injected, counted or printed.

    python benchmarks/qa_crossval.py [--data ../shared/data] [--seeds 8] [--show A]

- Halves: news lines 1–1001 are A, 1002–2002 are B (different articles); literary chapters 001–003 are A,
  004–005 are B.
- False alarms: the findings of unbalanced-brackets and spelling on the clean halves, less those labelled real
  problems in benchmarks/data/qa_real_problems.tsv.
- Recall: for each seed, qa_eval.py's own generators put one error into up to 60 entries of a half (never two
  within four entries of each other, so that no injection explains another), and the error counts as caught
  when the entry gets a finding its clean twin did not have (qa_eval.caught). Many seeds give many more
  injections than qa_eval.py's 60 per type.
- `--show A` prints the findings and the misses of half A, the half to design on.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import qa_eval  # noqa: E402

CHECKS = ("unbalanced-brackets", "spelling")
TYPES = ("bracket or quote left open", "misspelled word")
PER_RUN = 60
APART = 4


def half(pair_id: str) -> str | None:
    """'A', 'B', or None for qa_eval.py's aside pairs (never used here)."""
    if qa_eval.aside(pair_id):
        return None
    parts = pair_id.split(":")
    if parts[0] == "news":
        return "A" if int(parts[1]) <= 1001 else "B"
    return "A" if parts[1] <= "003" else "B"


def injected(pairs: list[qa_eval.Pair], kind: str, part: str, seed: int) -> tuple[list[qa_eval.Pair], set[str]]:
    rng = random.Random(seed)
    order = [index for index, pair in enumerate(pairs) if half(pair.id) == part]
    rng.shuffle(order)
    mutated, chosen, taken = list(pairs), set(), []
    for index in order:
        if len(chosen) == PER_RUN:
            break
        if any(abs(index - other) < APART for other in taken):
            continue
        dirty = qa_eval.injected_pair(kind, pairs[index], rng)
        if dirty is None:
            continue
        mutated[index] = dirty
        chosen.add(pairs[index].id)
        taken.append(index)
    return mutated, chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=qa_eval.DEFAULT_DATA)
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--show", choices=("A",), help="print half A's findings and misses")
    arguments = parser.parse_args()
    corpora = qa_eval.corpora(arguments.data)
    labelled = qa_eval.real_problems()
    print("| half | entries | unbalanced-brackets false alarms | spelling false alarms | per 100 entries "
          "| bracket or quote left open caught | misspelled word caught |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        for corpus, pairs in corpora.items():
            path = workdir / f"{corpus}.po"
            qa_eval.write_catalog(pairs, path)
            clean = qa_eval.ours(path)
            by_id = {pair.id: pair for pair in pairs}
            for part in ("A", "B"):
                members = [pair.id for pair in pairs if half(pair.id) == part]
                alarms = Counter(check for pid in members for (check, message), count in clean.get(pid, {}).items()
                                 if check in CHECKS and (pid, check) not in labelled for _ in range(count))
                if arguments.show == part:
                    for pid in members:
                        for (check, message) in clean.get(pid, {}):
                            if check in CHECKS:
                                qa_eval.show_finding("REAL " if (pid, check) in labelled else "", by_id[pid], check,
                                                     message)
                cells = []
                for kind in TYPES:
                    hits = total = 0
                    for seed in range(arguments.seeds):
                        mutated, chosen = injected(pairs, kind, part, seed)
                        dirty_path = workdir / f"{corpus}-{part}-{seed}.po"
                        qa_eval.write_catalog(mutated, dirty_path)
                        dirty = qa_eval.ours(dirty_path)
                        for pid in chosen:
                            total += 1
                            hit = qa_eval.caught(clean.get(pid, Counter()), dirty.get(pid, Counter()))
                            hits += hit
                            if arguments.show == part and not hit:
                                qa_eval.show_miss(kind, next(p for p in mutated if p.id == pid))
                    cells.append(f"{hits}/{total} ({qa_eval.percent(hits, total)} %)")
                false = sum(alarms.values())
                print(f"| {corpus} {part} | {len(members)} | {alarms['unbalanced-brackets']} | {alarms['spelling']} "
                      f"| {qa_eval.per_100(false, len(members))} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
