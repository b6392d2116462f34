"""Where should Taiwan's software phrasing (发布 → 釋出, 调度 → 排程, 程序 → 程式) apply? Each policy scored on the
tuning split of the editions dev set (never the set-aside one).

Run: python benchmarks/editions_software.py [--items DIR] [--shared DIR]

Policies: never; always (as OpenCC s2twp); per sentence (the sentence holds enough computing terms); per document
(the document does; a dev page's document is its article text as `l10n run` reads it, a newsdev line is its own
document: the set has no article boundaries). For each, the Taiwan edition's errors per 1,000 Han characters
(vocabulary and in all) as benchmarks/editions_eval.py counts them, and how many sentences got the software
phrasing. Prints one table; docs/editions.md quotes it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editions_gold import read_items
from editions_scoring import BASE_CONFIG, han_count, score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.editions import variant  # noqa: E402
from l10n.editions.variant import convert_text  # noqa: E402
from l10n.reading.ingest import read_article  # noqa: E402

DEFAULT_ITEMS = ROOT / "benchmarks" / "data" / "editions"
DEFAULT_SHARED = next((folder for folder in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
                       if folder.is_dir()), ROOT.parent / "shared")
REGION = "tw"
# (label, policy, distinct computing terms at least, computing terms per 1,000 Han characters at least)
POLICIES = [("never", "never", 0, 0.0), ("always (as s2twp)", "always", 0, 0.0)] + [
    (f"{where}, ≥{terms} terms, ≥{density:g}/1000", where, terms, density)
    for where in ("sentence", "document") for terms in (1, 2, 3, 5) for density in (4.0, 8.0, 16.0)]


def _document(shared: Path, file: str, text: str, cache: dict[str, str]) -> str:
    if file.startswith("data/newsdev"):
        return text
    if file not in cache:
        document = read_article(shared / file)
        cache[file] = "\n".join(paragraph.text for paragraph in document.paragraphs)
    return cache[file]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    import opencc

    sentences = read_items(args.items / "tuning.tsv", args.shared)
    base = opencc.OpenCC(BASE_CONFIG[REGION])
    han = sum(han_count(sentence.text) for sentence in sentences)
    documents: dict[str, str] = {}
    print(f"tuning split: {len(sentences)} sentences, {han:,} Han characters; Taiwan edition (l10n.editions), "
          f"errors per 1,000 Han characters")
    print(f"{'policy':<38} {'vocabulary':>10} {'total':>7} {'errors':>7} {'software sentences':>19}")
    for label, policy, terms, density in POLICIES:
        variant.SOFTWARE_TERMS, variant.SOFTWARE_DENSITY = terms, density
        vocabulary = total = chosen = 0
        for sentence in sentences:
            if policy in ("never", "always"):
                software = policy == "always"
            else:
                variant.SOFTWARE_POLICY = "document"
                text = sentence.text if policy == "sentence" else _document(
                    args.shared, sentence.file, sentence.text, documents)
                software = variant.about_software(text, REGION)
            variant.SOFTWARE_POLICY = "always" if software else "never"
            chosen += software
            errors = score(base.convert(sentence.text), sentence.spans[REGION], convert_text(sentence.text, REGION), REGION)
            total += len(errors)
            vocabulary += sum(1 for error in errors if error.kind == "vocabulary")
        print(f"{label:<38} {vocabulary * 1000 / han:>10.2f} {total * 1000 / han:>7.2f} {total:>7} {chosen:>19}")


if __name__ == "__main__":
    main()
