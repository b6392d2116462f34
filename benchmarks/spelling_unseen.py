"""The spelling check on human English it was not tuned on: Debian's fortunes (`apt-get install fortunes`), a
collection of quotations, dialogue, verse and jokes written by people, one entry per fortune.

    python benchmarks/spelling_unseen.py [--fortunes /usr/share/games/fortunes] [--show]

Prints how many words the check reports (distinct, and in all), per 100,000 words. Most are real misspellings
(recieves, alloted) or not English (Esperanto lessons, IRC nicknames in lower case); what is left are the
false alarms a change should remove. `--show` prints each reported word with its count and where it first
occurs. Not a held-out set: docs/qa.md says what was learnt from reading it.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from l10n.qa import spelling  # noqa: E402

DEFAULT_FOLDER = Path("/usr/share/games/fortunes")
PICTURES = ("art", "ascii-art")  # drawings, not prose


def fortunes(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.u8")):
        if path.stem in PICTURES:
            continue
        for chunk in path.read_text(encoding="utf-8", errors="replace").split("\n%\n"):
            if text := " ".join(chunk.split()):
                texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fortunes", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--show", action="store_true", help="print every reported word")
    arguments = parser.parse_args()
    if not spelling.available():
        sys.exit("error: no English hunspell dictionary installed (apt-get install hunspell-en-us hunspell-en-gb)")
    texts = fortunes(arguments.fortunes)
    if not texts:
        sys.exit(f"error: {arguments.fortunes}: no fortunes (apt-get install fortunes)")
    words = sum(len(text.split()) for text in texts)
    reported, first = Counter(), {}
    for text in texts:
        for word in spelling.misspelled(text):
            reported[word] += 1
            first.setdefault(word, text)
    if arguments.show:
        for word, count in reported.most_common():
            at = first[word].find(word)
            print(f"{count:4} {word:20} {first[word][max(0, at - 40):at + 40]}")
    total = sum(reported.values())
    print(f"{len(texts)} fortunes, {words} words: {len(reported)} distinct words reported, {total} in all "
          f"({total * 100_000 / words:.1f} per 100,000 words)")


if __name__ == "__main__":
    main()
