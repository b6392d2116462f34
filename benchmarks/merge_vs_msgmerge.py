"""Fuzzy matching of l10n's merge beside GNU msgmerge, on random character edits of real sentences.

    python benchmarks/merge_vs_msgmerge.py [ARTICLE] [--pairs N] [--seed S]

For each pair, a catalog holds the sentence with a reviewed translation and the template holds the
edited sentence; it prints whether `msgmerge --previous` and l10n.catalog.merge each offer the old translation
as a fuzzy match, and for every disagreement the character similarity, the UTF-8 byte similarity (what
msgmerge's fstrcmp counts) and whether the two sentences share a run of four characters (msgmerge only
looks at previous entries that do).
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from l10n.catalog import merge  # noqa: E402
from l10n.reading.ingest import read_article  # noqa: E402
from l10n.pipeline import BUNDLED_SAMPLE  # noqa: E402
from l10n.reading.segment import segment_document  # noqa: E402

HEADER = {"Content-Type": "text/plain; charset=UTF-8"}


def _edited(sentence: str, rng: random.Random, replacements: str) -> str:
    characters = list(sentence)
    for _ in range(rng.randint(1, max(1, len(characters) * 2 // 3))):
        characters[rng.randrange(len(characters))] = rng.choice(replacements)
    return "".join(characters)


def _gnu_offers(old: str, new: str, folder: Path) -> bool:
    previous, template = polib.POFile(), polib.POFile()
    previous.metadata = template.metadata = HEADER
    previous.append(polib.POEntry(msgid=old, msgstr="reviewed"))
    template.append(polib.POEntry(msgid=new, msgstr=""))
    previous.save(str(folder / "old.po"))
    template.save(str(folder / "new.pot"))
    merged = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(folder / "old.po"),
                             str(folder / "new.pot")], capture_output=True, text=True, check=True).stdout
    entry = polib.pofile(merged).find(new)
    return bool(entry and entry.msgstr)


def _ours_offers(old: str, new: str) -> bool:
    previous = polib.POFile()
    previous.append(polib.POEntry(msgid=old, msgstr="reviewed"))
    [entry, *_] = merge.merge([merge.Fresh(new, (), ())], previous).entries
    return entry.msgstr == "reviewed"


def _shares_four_characters(old: str, new: str) -> bool:
    return bool({old[i:i + 4] for i in range(len(old) - 3)} & {new[i:i + 4] for i in range(len(new) - 3)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=BUNDLED_SAMPLE)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    sentences = [segment.source for segment in segment_document(read_article(arguments.article))]
    replacements = "".join(sorted(set("".join(sentences)) - set("，。、；：？！“”（）《》,.?!:;()\" ")))
    rng = random.Random(arguments.seed)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(arguments.pairs):
            old = rng.choice(sentences)
            new = _edited(old, rng, replacements)
            if new != old:
                rows.append((old, new, _gnu_offers(old, new, Path(folder)), _ours_offers(old, new)))
    both = sum(gnu and ours for _, _, gnu, ours in rows)
    neither = sum(not gnu and not ours for _, _, gnu, ours in rows)
    print(f"{len(rows)} edited sentences from {arguments.article.name} (seed {arguments.seed}), "
          f"threshold {merge.SIMILARITY}")
    print(f"  both offer the old translation: {both}; neither: {neither}; "
          f"agree on {both + neither} of {len(rows)} ({(both + neither) / len(rows):.1%})")
    print("disagreements: msgmerge  l10n  chars  bytes  shares-4-chars  old | new")
    for old, new, gnu, ours in rows:
        if gnu != ours:
            print(f"  {'fuzzy' if gnu else '-':8} {'fuzzy' if ours else '-':5} {fuzz.ratio(old, new) / 100:.2f}   "
                  f"{fuzz.ratio(old.encode(), new.encode()) / 100:.2f}   {'yes' if _shares_four_characters(old, new) else 'no':14}"
                  f"  {old} | {new}")


if __name__ == "__main__":
    main()
