"""Score `l10n align` on MAC-Dev beside the aligners published on it.

    python benchmarks/align_eval.py /path/to/mac-dev

MAC-Dev (six novel chapters, zh–en, aligned by hand) is not shipped with the project; give its folder.
Published scores are those of the corpus's README (the corpus authors' evaluation).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from l10n.align.dp import align  # noqa: E402
from l10n.align.lexicon import cedict  # noqa: E402
from l10n.align.score import score  # noqa: E402

PUBLISHED = {  # aligner: (strict F1, lax F1), from MAC-Dev's README
    "Gale-Church": (0.485, 0.737), "Hunalign": (0.610, 0.852), "Bleualign": (0.641, 0.873),
    "Vecalign": (0.863, 0.997), "Bertalign": (0.911, 0.998),
}


def read_sentences(path: Path) -> tuple[list[str], dict[str, int]]:
    sentences = etree.parse(str(path)).getroot().iter("s")
    texts, index = [], {}
    for position, sentence in enumerate(sentences):
        index[sentence.get("id")] = position
        texts.append("".join(sentence.itertext()).strip())
    return texts, index


def read_gold(path: Path, zh_index: dict[str, int], en_index: dict[str, int]):
    """Gold links as (zh indices, en indices). The ids before ';' are the English sentences' (the corpus
    README says Chinese, but the texts show otherwise: link 1:1;1:1 1:2 joins one English sentence to two
    Chinese ones, and chapter 1's ids before ';' run past its last Chinese sentence)."""
    links = []
    for link in etree.parse(str(path)).getroot().iter("link"):
        en_ids, zh_ids = link.get("xtargets").split(";")
        links.append((tuple(zh_index[x] for x in zh_ids.split()), tuple(en_index[x] for x in en_ids.split())))
    return links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="MAC-Dev folder (dev-anno.NNN_zh.xml, _en.xml, gold links)")
    parser.add_argument("--confidence", action="store_true",
                        help="also print how often links `run --reference` would take are exactly right, "
                             "by lowest similarity")
    arguments = parser.parse_args()
    lexicon = cedict()
    results = []
    scored_links = []
    print(f"{'chapter':<10}{'zh':>5}{'en':>5}  {'strict P':>8} {'R':>6} {'F1':>6}   {'lax P':>6} {'R':>6} {'F1':>6}  {'s':>5}")
    for gold_path in sorted(arguments.corpus.glob("dev-anno.*_zh.*_en.xml")):
        chapter = gold_path.name.split(".")[1].split("_")[0]
        zh, zh_index = read_sentences(arguments.corpus / f"dev-anno.{chapter}_zh.xml")
        en, en_index = read_sentences(arguments.corpus / f"dev-anno.{chapter}_en.xml")
        gold = read_gold(gold_path, zh_index, en_index)
        started = time.perf_counter()
        links = align(zh, en, lexicon)
        test = [(link.zh, link.en) for link in links]
        scored_links += [(link, (link.zh, link.en) in set(gold)) for link in links if len(link.zh) == 1 and link.en]
        seconds = time.perf_counter() - started
        results.append((gold, test))
        s = score([(gold, test)])
        print(f"{chapter:<10}{len(zh):>5}{len(en):>5}  {s.strict_precision:>8.3f} {s.strict_recall:>6.3f} "
              f"{s.strict_f1:>6.3f}   {s.lax_precision:>6.3f} {s.lax_recall:>6.3f} {s.lax_f1:>6.3f}  {seconds:>5.1f}")
    s = score(results)
    print(f"{'overall':<20}  {s.strict_precision:>8.3f} {s.strict_recall:>6.3f} {s.strict_f1:>6.3f}   "
          f"{s.lax_precision:>6.3f} {s.lax_recall:>6.3f} {s.lax_f1:>6.3f}")
    print("\npublished on MAC-Dev (F1)     strict    lax")
    for name, (strict, lax) in PUBLISHED.items():
        print(f"  {name:<27}{strict:>6.3f} {lax:>6.3f}")
    print(f"  {'l10n align (this run)':<27}{s.strict_f1:>6.3f} {s.lax_f1:>6.3f}")
    if arguments.confidence:
        print("\nlinks of one Chinese sentence (what run --reference may take), by lowest similarity")
        print(f"  {'similarity >=':<14}{'links':>6}{'exactly right':>15}")
        for threshold in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3):
            taken = [right for link, right in scored_links if link.similarity >= threshold]
            share = sum(taken) / len(taken) if taken else 0.0
            print(f"  {threshold:<14.2f}{len(taken):>6}{share:>15.3f}")


if __name__ == "__main__":
    main()
