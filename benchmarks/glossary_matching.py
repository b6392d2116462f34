"""Glossary matching at scale: 10,000 entries over 1 MB of text, against a plain str.count scan.

Run by hand: python benchmarks/glossary_matching.py
str.count only counts (with overlaps, no longest-match rule), so it is a floor for "look at every term",
not an equivalent; the ratio says what leftmost-longest matching with positions costs beside it.
"""
from __future__ import annotations

import random
import time

from l10n.glossary import Glossary
from l10n.model import GlossaryEntry, Kind
from l10n.pipeline import BUNDLED_SAMPLE

ENTRIES = 10_000
TEXT_BYTES = 1_000_000


def build_glossary(rng: random.Random) -> Glossary:
    sources: set[str] = set()
    while len(sources) < ENTRIES:
        sources.add("".join(chr(rng.randint(0x4E00, 0x62FF)) for _ in range(rng.randint(2, 6))))
    return Glossary([GlossaryEntry(s, f"Term {i}", Kind.TERM, i + 2) for i, s in enumerate(sorted(sources))])


def build_text(rng: random.Random, glossary: Glossary) -> str:
    """The sample article's prose with glossary terms sprinkled in, up to 1 MB of UTF-8."""
    prose = BUNDLED_SAMPLE.read_text(encoding="utf-8")
    terms = list(glossary.entries)
    pieces: list[str] = []
    size = 0
    while size < TEXT_BYTES:
        start = rng.randrange(len(prose) - 40)
        piece = prose[start:start + 40] + rng.choice(terms)
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
    return "".join(pieces)


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    rng = random.Random(2023)
    glossary = build_glossary(rng)
    text = build_text(rng, glossary)
    count_seconds, counted = timed(lambda: sum(text.count(source) for source in glossary.entries))
    find_seconds, hits = timed(lambda: glossary.find(text))
    print(f"glossary entries: {len(glossary):,}; text: {len(text.encode('utf-8')):,} bytes, {len(text):,} characters")
    print(f"str.count over every entry : {count_seconds:7.3f} s  ({counted:,} occurrences, overlapping)")
    print(f"Glossary.find (leftmost-longest): {find_seconds:7.3f} s  ({len(hits):,} hits)")
    print(f"ratio find / str.count     : {find_seconds / count_seconds:7.2f}x")


if __name__ == "__main__":
    main()
