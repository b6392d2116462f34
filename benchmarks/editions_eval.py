"""Taiwan and Hong Kong editions against the adjudicated dev set: errors per 1,000 Han characters.

Run: python benchmarks/editions_eval.py [--items DIR] [--shared DIR]
                                       [--split tuning|newstest|tuning2|check|check2|check3|aside|both] [--explain SYSTEM]

Reads DIR/tuning.tsv, DIR/newstest.tsv, DIR/tuning2.tsv, DIR/check.tsv, DIR/check2.tsv, DIR/check3.tsv and
DIR/aside.tsv (default benchmarks/data/editions; the format is in editions_gold.py, what counts as an error in
docs/editions-rubric.md), reads each scored sentence from the shared folder (default ../shared beside the
repository), converts it with every system and prints, per split and region, the errors per 1,000 Han characters of
the scored sentences by kind and in total. Systems: OpenCC s2tw, s2twp, s2hk, s2hkp; zhconv-rs zh-tw and zh-hk (an
optional dependency: without it the rows are left out with a note); and l10n, this project's editions
(l10n.editions.variant.convert_text).
newstest.tsv is tuning data too (Taiwan only: WMT newstest2017/2018 sentences, adjudicated for the Taiwan
edition; benchmarks/data/editions/README.md), kept in a part of its own so that the tuning figures of
earlier rounds stay comparable. tuning2.tsv is tuning data drawn as the set-aside part was (Taiwan only: newsdev2017
lines and dev-page sentences in neither tuning.tsv nor aside.tsv, adjudicated in session 11 before l10n was run on
them; its first figure is the blind one). check.tsv is unseen news like the set-aside part (Taiwan only: WMT
newstest2021 sentences, adjudicated before the rules it checks were made), read since session 7's end; check2.tsv is
a second such part (Taiwan only: WMT's 2022 general test set, adjudicated before session 8's rules), read since
session 8; check3.tsv a third (Taiwan only: WMT20's Chinese news source, adjudicated in session 9 before l10n was
run on it), read as figures only while working on the layers, like the set-aside part.
--explain SYSTEM lists that system's errors on the developed parts (tuning, newstest, tuning2), one per line (never
the check parts' or the set-aside one's: the layers must not be tuned on them).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editions_gold import GoldError, Sentence, read_items
from editions_scoring import BASE_CONFIG, KINDS, OTHER, REGIONS, Error, fold, han_count, score

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ITEMS = ROOT / "benchmarks" / "data" / "editions"
# ../shared beside the repository; for a git worktree kept in a folder of worktrees, beside that folder.
DEFAULT_SHARED = next((folder for folder in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
                       if folder.is_dir()), ROOT.parent / "shared")
SPLITS = ("tuning", "newstest", "tuning2", "check", "check2", "check3", "aside")
EXPLAINED = ("tuning", "newstest", "tuning2")
REGION_NAMES = {"tw": "Taiwan", "hk": "Hong Kong"}
COLUMNS = (*KINDS, OTHER)


@dataclass(frozen=True)
class System:
    name: str
    region: str
    convert: Callable[[str], str]


def _opencc(config: str) -> Callable[[str], str]:
    import opencc

    converter = opencc.OpenCC(config)
    return converter.convert


def _zhconv(variant: str) -> Callable[[str], str]:
    from zhconv_rs import zhconv

    return lambda text: zhconv(text, variant)


def _ours(edition: str) -> tuple[Callable[[str], str], str]:
    """The project's edition converter, and what it is."""
    from l10n.editions.variant import convert_text

    return (lambda text: convert_text(text, edition)), f"l10n.editions.variant.convert_text(text, {edition!r})"


def systems(notes: list[str]) -> list[System]:
    found = [System(f"OpenCC {config}", region, _opencc(config))
             for region, configs in (("tw", ("s2tw", "s2twp")), ("hk", ("s2hk", "s2hkp")))
             for config in configs]
    try:
        found += [System("zhconv-rs zh-tw", "tw", _zhconv("zh-tw")), System("zhconv-rs zh-hk", "hk", _zhconv("zh-hk"))]
    except ImportError:
        notes.append("zhconv-rs is not installed (pip install zhconv-rs): its rows are left out")
    for region in REGIONS:
        convert, what = _ours(region)
        found.append(System("l10n", region, convert))
        notes.append(f"l10n {region}: {what}")
    return found


def errors_of(system: System, sentences: list[Sentence]) -> list[tuple[Sentence, Error]]:
    base = _opencc(BASE_CONFIG[system.region])
    found = []
    for sentence in (sentence for sentence in sentences if system.region in sentence.regions):
        reference_base = base(sentence.text)
        if len(reference_base) != len(sentence.text):
            raise GoldError(f"{sentence.file}:{sentence.line}: the base conversion changed the sentence's "
                            f"length; the items assume character-for-character conversion")
        output = system.convert(sentence.text)
        found += [(sentence, error) for error in score(reference_base, sentence.spans[system.region], output,
                                                        system.region)]
    return found


def scored_in(region: str, sentences: list[Sentence]) -> list[Sentence]:
    return [sentence for sentence in sentences if region in sentence.regions]


def describe(split: str, sentences: list[Sentence]) -> str:
    han = sum(han_count(sentence.text) for sentence in sentences)
    regions = [region for region in REGIONS if scored_in(region, sentences)]
    only = "" if len(regions) == len(REGIONS) else f" ({', '.join(REGION_NAMES[region] for region in regions)} only)"
    parts = [f"{split}: {len(sentences)} sentences{only}, {han:,} Han characters"]
    for region in regions:
        base = _opencc(BASE_CONFIG[region])
        kinds = Counter(span.kind for sentence in sentences for span in sentence.spans[region])
        listed = ", ".join(f"{kind} {kinds[kind]}" for kind in KINDS)
        # the items where the base itself is wrong; the others are traps it gets right
        corrections = sum(fold(base(sentence.text)[span.start:span.end], region) not in
                          {fold(form, region) for form in span.accepted}
                          for sentence in sentences for span in sentence.spans[region])
        parts.append(f"{REGION_NAMES[region]} items {sum(kinds.values())} ({listed}; "
                     f"{corrections} where {BASE_CONFIG[region]} is wrong)")
    return "; ".join(parts)


def table(split: str, sentences: list[Sentence], found: list[System]) -> list[str]:
    lines = [describe(split, sentences)]
    for region in REGIONS:
        han = sum(han_count(sentence.text) for sentence in scored_in(region, sentences))
        if not han:
            continue
        lines.append("")
        lines.append(f"{REGION_NAMES[region] + ', ' + split:<24}" + "".join(f"{name:>13}" for name in COLUMNS)
                     + f"{'total':>9}{'errors':>8}")
        for system in (system for system in found if system.region == region):
            kinds = Counter(error.kind for _, error in errors_of(system, sentences))
            rates = "".join(f"{1000 * kinds[kind] / han:>13.1f}" for kind in COLUMNS)
            total = sum(kinds.values())
            lines.append(f"{system.name:<24}{rates}{1000 * total / han:>9.1f}{total:>8}")
    return lines


def explain(name: str, sentences: list[Sentence], found: list[System]) -> list[str]:
    chosen = [system for system in found if system.name == name or f"{system.name} {system.region}" == name]
    if not chosen:
        names = sorted({system.name for system in found})
        raise GoldError(f"no system {name!r}; choose one of {', '.join(names)} (l10n: 'l10n tw' or 'l10n hk')")
    lines = []
    for system in chosen:
        for sentence, error in errors_of(system, sentences):
            lines.append(f"{system.name} {system.region}\t{sentence.id}\t{error.kind}\t"
                         f"{error.expected or '∅'} → {error.found or '∅'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS, help="folder of the parts' items files")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder the items point into")
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--explain", metavar="SYSTEM",
                        help="list this system's errors on the developed parts (tuning, newstest, tuning2)")
    options = parser.parse_args(argv)
    notes: list[str] = []
    try:
        found = systems(notes)
        if options.explain:
            sentences = [sentence for split in EXPLAINED
                         for sentence in read_items(options.items / f"{split}.tsv", options.shared)]
            print("\n".join(explain(options.explain, sentences, found)))
            return 0
        print("Editions dev set: errors per 1,000 Han characters of the scored sentences "
              "(docs/editions-rubric.md)")
        for note in notes:
            print(f"note: {note}")
        for split in (SPLITS if options.split == "both" else (options.split,)):
            print()
            print("\n".join(table(split, read_items(options.items / f"{split}.tsv", options.shared), found)))
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
