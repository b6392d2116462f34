"""Cross-validation inside the tuning split of the editions dev set (never the set-aside one): its sentences in two
folds by document (a dev page; a block of 100 newsdev lines, as one article's sentences stay together), and the
editions' errors per fold, as benchmarks/editions_eval.py counts them. The newstest part (newstest.tsv, Taiwan
only: WMT newstest2017/2018 sentences, other sources and another adjudicator) is a third fold of its own.

Run: python benchmarks/editions_folds.py [--items DIR] [--shared DIR] [--groups] [--vocabulary FILE]

--groups: for each of Wikipedia's conversion groups that the editions do not read as names (Sports, Medicine, IT,
核能 …) and that has a rule whose mainland form occurs in the tuning text, the change in each fold's Taiwan errors
when its rules are taken as general vocabulary. A group to take would lower the errors of both folds.

--vocabulary FILE: a candidate set of Taiwan vocabulary (a TSV of mainland word and rendering, '#' comments) taken as
general vocabulary: per fold and on the check and check2 parts (read since sessions 7 and 8; never the set-aside
part), the Taiwan errors it fixes and the errors it makes, each listed. A set that helps one part and hurts another is not general.
"""
from __future__ import annotations

import argparse
import hashlib
from collections import Counter
import re
import sys
from pathlib import Path

from editions_eval import DEFAULT_ITEMS, DEFAULT_SHARED, System, errors_of
from editions_gold import GoldError, Sentence, read_items
from editions_scoring import BASE_CONFIG, REGIONS, han_count

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import derive_edition_data as derive  # noqa: E402
from l10n.editions import layers, stacks, variant  # noqa: E402

NEWSDEV_BLOCK = 100
FOLDS = 3
NEWSTEST_FOLD = 2
_SHIPPED = layers.rewrites


def fold(sentence: Sentence) -> int:
    if sentence.file.startswith("benchmarks/data/editions/newstest"):
        return NEWSTEST_FOLD
    document = f"newsdev {sentence.line // NEWSDEV_BLOCK}" if sentence.file.startswith("data/newsdev") else sentence.file
    return int(hashlib.sha1(document.encode()).hexdigest(), 16) % 2


def errors(sentences: list[Sentence], region: str) -> list[int]:
    found = [0] * FOLDS
    ours = System("l10n", region, lambda text: variant.convert_text(text, region))
    for sentence, _ in errors_of(ours, sentences):
        found[fold(sentence)] += 1
    return found


def _group_rules(group: str, region: str, taken: set[str], base) -> dict[str, str]:
    rules = {}
    for mainland, forms in derive._rules(derive.DEFAULT_CGROUPS / f"{group}.json"):
        rendering = derive.rendering_in(forms, region)
        if not rendering or derive._BAD_RENDERING.search(rendering.replace("-", "")):
            continue
        for key in mainland:
            if (re.match(r"^[\u4e00-\u9fff]{2,}$", key) and key not in taken
                    and base.convert(key) != rendering):
                rules.setdefault(key, rendering)
    return rules


def _with_vocabulary(region: str, extra: dict[str, str], base) -> None:
    """The layers' rules with `extra` as general vocabulary of the region (no other region's changes)."""
    added = tuple(layers.Rewrite(layers.VOCABULARY, key, rendering, plain=base.convert(key))
                  for key, rendering in extra.items())
    layers.rewrites = stacks.layers.rewrites = lambda wanted: _SHIPPED(wanted) + (added if wanted == region else ())
    # every cache built from the rules (359e17c added the layers' table and the probe: without them cleared, the
    # candidates were never applied and --groups printed no change at all)
    variant.forget_built()


def groups_table(sentences: list[Sentence], region: str = "tw") -> list[str]:
    import opencc

    base = opencc.OpenCC(BASE_CONFIG[region])
    taken = {rule.source for rule in layers.rewrites(region)}
    texts = [sentence.text for sentence in sentences]
    before = errors(sentences, region)
    lines = [f"{'group':<28}{'rules met':>10}{'fold 1':>8}{'fold 2':>8}{'fold 3':>8}  rules"]
    for group in sorted(path.stem for path in derive.DEFAULT_CGROUPS.glob("*.json")
                        if path.stem not in derive.NAME_GROUPS):
        met = {key: rendering for key, rendering in _group_rules(group, region, taken, base).items()
               if any(key in text for text in texts)}
        if not met:
            continue
        _with_vocabulary(region, met, base)
        after = errors(sentences, region)
        shown = " ".join(f"{key}→{rendering}" for key, rendering in list(met.items())[:4])
        changes = "".join(f"{after[index] - before[index]:>+8}" for index in range(FOLDS))
        lines.append(f"{group:<28}{len(met):>10}{changes}  {shown}")
    _with_vocabulary(region, {}, base)
    return lines


def _error_keys(sentences: list[Sentence], region: str) -> Counter:
    ours = System("l10n", region, lambda text: variant.convert_text(text, region))
    return Counter((sentence.id, error.kind, error.expected, error.found) for sentence, error in errors_of(ours, sentences))


def vocabulary_table(parts: dict[str, list[Sentence]], extra: dict[str, str], region: str = "tw") -> list[str]:
    """Per part, the errors with and without `extra` as general vocabulary: those fixed and those made."""
    import opencc

    base = opencc.OpenCC(BASE_CONFIG[region])
    before = {name: _error_keys(sentences, region) for name, sentences in parts.items()}
    _with_vocabulary(region, extra, base)
    after = {name: _error_keys(sentences, region) for name, sentences in parts.items()}
    _with_vocabulary(region, {}, base)
    lines = [f"{len(extra)} candidate rules; Taiwan errors per part: before → after (fixed, made)"]
    for name in parts:
        fixed, made = before[name] - after[name], after[name] - before[name]
        lines.append(f"{name}: {before[name].total()} → {after[name].total()} (fixed {fixed.total()}, made {made.total()})")
        lines += [f"  {what} {sentence} {kind} {expected or '∅'} → {found or '∅'}"
                  for what, errors in (("fixed", fixed), ("made", made))
                  for sentence, kind, expected, found in sorted(errors.elements())]
    return lines


def read_vocabulary(path: Path) -> dict[str, str]:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {row[0]: row[1] for row in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--groups", action="store_true", help="each conversion group as general vocabulary")
    parser.add_argument("--vocabulary", type=Path, metavar="FILE",
                        help="a candidate set of Taiwan vocabulary (mainland TAB rendering): errors fixed and made")
    options = parser.parse_args(argv)
    try:
        report([options.items / "tuning.tsv", options.items / "newstest.tsv"], options.shared, options.groups)
        if options.vocabulary:
            sentences = [sentence for name in ("tuning", "newstest")
                         for sentence in read_items(options.items / f"{name}.tsv", options.shared)]
            parts = {f"fold {index + 1}": [sentence for sentence in sentences if fold(sentence) == index]
                     for index in range(FOLDS)}
            for name in ("check", "check2"):
                parts[name] = read_items(options.items / f"{name}.tsv", options.shared)
            print()
            print("\n".join(vocabulary_table(parts, read_vocabulary(options.vocabulary))))
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def report(items: list[Path], shared: Path, groups: bool) -> None:
    sentences = [sentence for path in items for sentence in read_items(path, shared)]
    han = [sum(han_count(sentence.text) for sentence in sentences if fold(sentence) == index) for index in range(FOLDS)]
    counts = [sum(fold(sentence) == index for sentence in sentences) for index in range(FOLDS)]
    print(f"tuning split in two folds: {counts[0]} and {counts[1]} sentences, {han[0]:,} and {han[1]:,} Han "
          f"characters; newstest (fold 3, Taiwan only): {counts[2]} sentences, {han[2]:,} Han characters; "
          f"errors (per 1,000 Han characters)")
    for region in REGIONS:
        found = errors(sentences, region)
        scored = [index for index in range(FOLDS)
                  if any(fold(sentence) == index and region in sentence.regions for sentence in sentences)]
        print(f"l10n {region}: " + ", ".join(f"fold {index + 1} {found[index]} ({1000 * found[index] / han[index]:.1f})"
                                             for index in scored))
    if groups:
        print()
        print("Taiwan errors added (+) or removed (-) per fold with each group's rules as general vocabulary")
        print("\n".join(groups_table(sentences)))


if __name__ == "__main__":
    sys.exit(main())
