"""Strict and lax precision, recall and F1 of sentence alignments, as sentence-alignment research scores them.

A test link is a strict hit when the gold alignment holds exactly that link; a lax hit when some gold
link shares at least one sentence with it on both sides. Recall is precision with the roles swapped.
Links with both sides empty are ignored. Counts add up over documents before the ratios are taken.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .dp import Bead


@dataclass(frozen=True)
class Scores:
    strict_precision: float
    strict_recall: float
    lax_precision: float
    lax_recall: float

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def lax_f1(self) -> float:
        return _f1(self.lax_precision, self.lax_recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _hits(reference: Sequence[Bead], test: Sequence[Bead]) -> tuple[int, int, int]:
    """Strict hits, lax hits and links counted, for the links of `test` judged against `reference`."""
    exact = {(tuple(z), tuple(e)) for z, e in reference}
    strict = lax = counted = 0
    for zh, en in test:
        if not zh and not en:
            continue
        counted += 1
        if (tuple(zh), tuple(en)) in exact:
            strict += 1
            lax += 1
        elif zh and en and any(set(zh) & set(z) and set(en) & set(e) for z, e in reference):
            lax += 1
    return strict, lax, counted


def score(pairs: Iterable[tuple[Sequence[Bead], Sequence[Bead]]]) -> Scores:
    """Scores over (gold, test) alignments of several documents."""
    totals = [0] * 6
    for gold, test in pairs:
        for offset, counts in ((0, _hits(gold, test)), (3, _hits(test, gold))):
            for k, value in enumerate(counts):
                totals[offset + k] += value

    def ratio(hits: int, counted: int) -> float:
        return hits / counted if counted else 0.0

    return Scores(ratio(totals[0], totals[2]), ratio(totals[3], totals[5]),
                  ratio(totals[1], totals[2]), ratio(totals[4], totals[5]))
