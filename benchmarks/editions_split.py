"""Split the editions items into the tuning file and the set-aside file, a third aside, by sentence.

Run: python benchmarks/editions_split.py ITEMS.tsv… [--out DIR]   (default benchmarks/data/editions)

A sentence goes aside when SHA-1 of "SEED:sentence-id" is 0 modulo 3: a fixed rule, so adding sentences
later never moves one that is already placed. Give it the current tuning.tsv and aside.tsv together with
new items to re-split everything; the rows keep their order within each file.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from editions_gold import COLUMNS

SEED = "editions-17"
HEADER = "\t".join(COLUMNS)
PREAMBLE = ("# Editions dev set ({split}): adjudicated items, format in benchmarks/editions_gold.py, rules in "
            "docs/editions-rubric.md.\n# {warning}\n")
WARNINGS = {"tuning": "Develop and tune against this file.",
            "aside": "SET ASIDE: never open, read or tune on this file while building the editions; "
                     "only benchmarks/editions_eval.py reads it."}


def is_aside(sentence_id: str) -> bool:
    return int(hashlib.sha1(f"{SEED}:{sentence_id}".encode()).hexdigest(), 16) % 3 == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("items", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data" / "editions")
    options = parser.parse_args(argv)
    rows = {"tuning": [], "aside": []}
    for path in options.items:
        for row in path.read_text(encoding="utf-8").split("\n"):
            if row.strip() and not row.startswith("#") and row != HEADER:
                rows["aside" if is_aside(row.split("\t", 1)[0]) else "tuning"].append(row)
    options.out.mkdir(parents=True, exist_ok=True)
    for split, kept in rows.items():
        text = PREAMBLE.format(split=split, warning=WARNINGS[split]) + HEADER + "\n" + "".join(f"{row}\n" for row in kept)
        (options.out / f"{split}.tsv").write_text(text, encoding="utf-8")
        print(f"{split}: {sum(row.split(chr(9))[6] == 'sentence' for row in kept)} sentences, {len(kept)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
