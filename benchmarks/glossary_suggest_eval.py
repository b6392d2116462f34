"""Score `l10n glossary suggest` against hand annotations of introduced names and abbreviations.

    python benchmarks/glossary_suggest_eval.py DEV_DIR [--explain]

DEV_DIR holds the dev pages (md-01.md … html-08.html); tests/data/glossary-eval/ holds one CSV per page
(zh_Hans, en, kind) written by hand, plus one for the bundled sample article, which is always scored. Pages are
read with the project's own reader (l10n.reading.ingest.read_article), as `l10n glossary suggest` reads them.

Scope: entries with a Chinese source form (a Latin-only row such as `Copilot Studio` has no Chinese boundary to
get right and is counted apart). A suggestion is correct when its Chinese is exactly an annotated term and its
English matches the annotation (case and spacing aside; both empty for a name given without English).
Recall = correct / annotated; precision = correct / suggested.

Pinyin guesses for Chinese people named without English (`pinyin guess` in the note) are outside the annotations'
scope (which list only names the page introduces): they are counted apart, in the `pinyin` column, and listed with
--explain for a reader to judge.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.glossary import Glossary  # noqa: E402
from l10n.reading.ingest import read_article  # noqa: E402
from l10n.pipeline import BUNDLED_SAMPLE  # noqa: E402
from l10n.mining.names import PINYIN_GUESS  # noqa: E402
from l10n.mining.suggest import suggest  # noqa: E402

ANNOTATIONS = ROOT / "tests" / "data" / "glossary-eval"
PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def _normalized(english: str) -> str:
    return " ".join(english.casefold().split())


def _has_chinese(text: str) -> bool:
    return bool(re.search(r"[\u3400-\u9fff]", text))


def gold(name: str) -> dict[str, str]:
    with (ANNOTATIONS / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
        return {row["zh_Hans"]: row["en"] for row in csv.DictReader(stream)}


def score(page: Path, annotated: dict[str, str]) -> dict:
    everything = suggest(read_article(page), Glossary([]))
    guesses = [s for s in everything if PINYIN_GUESS in s.note]
    suggested = [s for s in everything if PINYIN_GUESS not in s.note]
    chinese = [s for s in suggested if _has_chinese(s.source)]
    correct = [s for s in chinese if s.source in annotated and _normalized(s.english) == _normalized(annotated[s.source])]
    found = {s.source for s in correct}
    return {"page": page.name, "gold": len(annotated), "suggested": len(chinese), "correct": len(correct),
            "latin": len(suggested) - len(chinese), "pinyin": len(guesses),
            "guesses": [(s.source, s.english) for s in guesses],
            "missed": [(term, english) for term, english in annotated.items() if term not in found],
            "wrong": [(s.source, s.english) for s in chinese if s.source not in found]}


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "  - "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev_dir", type=Path)
    parser.add_argument("--explain", action="store_true", help="list missed and wrong suggestions per page")
    options = parser.parse_args()
    pages = [path for path in sorted(options.dev_dir.iterdir())
             if path.suffix in PAGE_SUFFIXES and (ANNOTATIONS / f"{path.stem}.csv").is_file()]
    results = [score(page, gold(page.stem)) for page in pages]
    results.append(score(BUNDLED_SAMPLE, gold("jiemian-openai-board")))
    print(f"{'page':32} {'gold':>5} {'sugg':>5} {'ok':>4} {'recall':>7} {'prec':>6} {'latin':>6} {'pinyin':>7}")
    for result in results:
        print(f"{result['page']:32} {result['gold']:5} {result['suggested']:5} {result['correct']:4} "
              f"{_ratio(result['correct'], result['gold']):>7} {_ratio(result['correct'], result['suggested']):>6} "
              f"{result['latin']:6} {result['pinyin']:7}")
        if options.explain:
            for term, english in result["missed"]:
                print(f"    missed {term} = {english!r}")
            for term, english in result["wrong"]:
                print(f"    wrong  {term} = {english!r}")
            for term, english in result["guesses"]:
                print(f"    guess  {term} = {english!r}")
    total = {key: sum(result[key] for result in results)
             for key in ("gold", "suggested", "correct", "latin", "pinyin")}
    print(f"{'overall':32} {total['gold']:5} {total['suggested']:5} {total['correct']:4} "
          f"{_ratio(total['correct'], total['gold']):>7} {_ratio(total['correct'], total['suggested']):>6} "
          f"{total['latin']:6} {total['pinyin']:7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
