"""The numbers check's traces of a dropped figure ("rose  percent", "meet at.") on human English it was not tuned
on: Debian's fortunes (`apt-get install fortunes`), read as spelling_unseen.py reads them, one fortune at a time.

    python benchmarks/traces_unseen.py [--fortunes /usr/share/games/fortunes] [--show]

No figure was dropped from these texts, so every trace found is a false alarm wherever the source holds a
numeral; the check reports a trace only then, and "at" before a stop only when a figure of the source has no
rendering. Prints how many fortunes show a trace, both ways. `--show` prints each trace with its context. Not a
held-out set: docs/qa.md says what was learnt from reading it (much of what is left is shell commands and code).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from spelling_unseen import DEFAULT_FOLDER, fortunes  # noqa: E402

from l10n.text.numbers import dropped_figure_trace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fortunes", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--show", action="store_true", help="print every trace found")
    arguments = parser.parse_args()
    texts = fortunes(arguments.fortunes)
    if not texts:
        sys.exit(f"error: {arguments.fortunes}: no fortunes (apt-get install fortunes)")
    counts = {True: 0, False: 0}
    for text in texts:
        for figure_unsaid in counts:
            if trace := dropped_figure_trace(text, figure_unsaid):
                counts[figure_unsaid] += 1
                if arguments.show and figure_unsaid:
                    at = text.find(trace)
                    print(f"{trace!r:16} {text[max(0, at - 60):at + 30]}")
    print(f"{len(texts)} fortunes: a trace in {counts[True]} where a figure of the source has no rendering, "
          f"in {counts[False]} where every one has")


if __name__ == "__main__":
    main()
