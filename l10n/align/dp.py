"""Sentence alignment by dynamic programming over a band around the diagonal.

Each bead (a zh sentences, b en sentences) is scored by one cost combining
- lexical evidence: cosine between the bag of English words the Chinese side may be translated with
  (lexicon.py) and the English side's words, both idf-weighted, summed over the bead's sentences
  (Vecalign's idea of scoring a bead by its summed vectors, with dictionary bags in place of embeddings);
- length: a Gaussian on the log ratio of English to Chinese characters, Gale–Church style, with the
  ratio and its spread estimated from the two texts (a first pass, then again from its confident 1-1 beads);
- a prior per bead shape; 1-0 and 0-1 beads cost a fixed amount.
Only cells within `band` sentences of the diagonal are searched, so time and memory grow linearly; the
band doubles when the best path runs along its edge.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import Lexicon, english_tokens

Bead = tuple[tuple[int, ...], tuple[int, ...]]  # zero-based zh indices, en indices; one side may be empty


@dataclass(frozen=True)
class Link:
    """One bead of the alignment and how well its two sides match lexically (cosine, 0–1)."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    similarity: float = 0.0

    @property
    def shape(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"

# Tuned on MAC-Dev (benchmarks/align_eval.py): Chinese sentences often become two or three English ones.
_SHAPE_PENALTY = {(1, 1): 0.0, (1, 2): 0.10, (2, 1): 0.15, (2, 2): 0.35, (1, 3): 0.30, (3, 1): 0.40,
                  (2, 3): 0.50, (3, 2): 0.55, (1, 4): 0.45, (4, 1): 0.60}


@dataclass(frozen=True)
class AlignmentSettings:
    band: int = 100  # initial half-width of the searched band, in sentences
    second_band: int = 10  # half-width around the first path for the second pass
    skip: float = 1.0  # cost of leaving one sentence unaligned
    length_weight: float = 0.04
    shape_penalty: dict[tuple[int, int], float] = field(default_factory=lambda: dict(_SHAPE_PENALTY))
    chunk: int = 64  # rows whose similarities are computed together
    # An edge sentence of a wide bead this little like the other side (and at least half as long as the rest)
    # is left unaligned. Helps news (editor notes: benchmarks/align_news.py strict F1 0.925 → 0.952), costs
    # novels, whose free translations share fewer words (MAC-Dev 0.810 → 0.775); -1 turns it off.
    stray_similarity: float = 0.0


@dataclass
class _Side:
    """Per-sentence bags as a sparse matrix, with squared norms and lengths, for one language."""

    vectors: object  # scipy.sparse.csr_matrix, sentences × vocabulary
    outside: object  # numpy array: squared weight of tokens outside the shared vocabulary
    lengths: object  # numpy array: characters


def _features(zh: list[str], en: list[str], lexicon: Lexicon) -> tuple[_Side, _Side]:
    import numpy as np
    from scipy import sparse

    en_tokens = [english_tokens(sentence) for sentence in en]
    vocabulary: dict[str, int] = {}
    frequency: Counter[str] = Counter()
    for tokens in en_tokens:
        frequency.update(set(tokens))
        for token in tokens:
            vocabulary.setdefault(token, len(vocabulary))
    total = len(en) + 1
    idf = np.array([math.log(total / (frequency[token] + 1)) + 1.0 for token in vocabulary])
    unseen_idf = math.log(total) + 1.0

    def side(rows: list[dict[int, float]], outside: list[float], sentences: list[str]) -> _Side:
        indptr = np.cumsum([0] + [len(row) for row in rows])
        indices = np.fromiter((k for row in rows for k in row), dtype=np.int64, count=int(indptr[-1]))
        data = np.fromiter((v for row in rows for v in row.values()), dtype=np.float64, count=int(indptr[-1]))
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1)))
        lengths = np.array([sum(not char.isspace() for char in sentence) for sentence in sentences], dtype=float)
        return _Side(matrix, np.array(outside), lengths)

    en_rows = []
    for tokens in en_tokens:
        row: dict[int, float] = {}
        for token in tokens:
            index = vocabulary[token]
            row[index] = row.get(index, 0.0) + idf[index]
        en_rows.append(row)
    zh_rows, zh_outside = [], []
    for sentence in zh:
        row, outside = {}, 0.0
        for offer in lexicon.chinese_tokens(sentence):
            share = 1.0 / math.sqrt(len(offer))
            for token in offer:
                index = vocabulary.get(token)
                if index is None:
                    outside += (unseen_idf * share) ** 2
                else:
                    row[index] = row.get(index, 0.0) + idf[index] * share
        zh_rows.append(row)
        zh_outside.append(outside)
    return side(zh_rows, zh_outside, zh), side(en_rows, [0.0] * len(en), en)


def _beads_ending(side: _Side, size: int):
    """Bead of `size` sentences ending before each position 0..n: summed vectors, squared norms, lengths."""
    import numpy as np
    from scipy import sparse

    n = side.vectors.shape[0]
    rows = np.repeat(np.arange(size, n + 1), size)
    cols = (rows - size) + np.tile(np.arange(size), n + 1 - size)
    summing = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n + 1, n))
    vectors = (summing @ side.vectors).tocsr()
    squared = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel() + summing @ side.outside
    lengths = summing @ side.lengths
    return vectors, squared, lengths


def _length_model(zh: _Side, en: _Side, pairs: list[tuple[int, int]] | None) -> tuple[float, float]:
    """Mean and spread of log(en chars / zh chars): over the whole texts, or over given 1-1 pairs."""
    import numpy as np

    if pairs:
        ratios = np.log((en.lengths[[j for _, j in pairs]] + 1) / (zh.lengths[[i for i, _ in pairs]] + 1))
        return float(np.mean(ratios)), max(float(np.std(ratios)), 0.15)
    return math.log((en.lengths.sum() + 1) / (zh.lengths.sum() + 1)), 0.4


def _band_limits(n: int, m: int, width: int, path: list[Bead] | None = None):
    """Columns searched in each row: `width` either side of the diagonal, or of an earlier path."""
    import numpy as np

    if path is None:
        centre = np.arange(n + 1) * (m / max(n, 1))
        first, last = centre, centre
    else:
        first, last = np.full(n + 1, m), np.zeros(n + 1, dtype=int)
        i = j = 0
        first[0] = last[0] = 0
        for z, e in path:
            i2, j2 = i + len(z), j + len(e)
            rows = slice(i, i2 + 1)
            first[rows] = np.minimum(first[rows], j)
            last[rows] = np.maximum(last[rows], j2)
            i, j = i2, j2
    low = np.clip(np.floor(first - width), 0, m).astype(int)
    high = np.clip(np.ceil(last + width), 0, m).astype(int)
    high[n] = m
    return low, high


def _search(zh: _Side, en: _Side, settings: AlignmentSettings, low, high, length_mean: float, length_spread: float):
    """Best path within the band: returns beads and whether the path ran along the band's edge."""
    import numpy as np

    n, m = zh.vectors.shape[0], en.vectors.shape[0]
    shapes = [shape for shape in settings.shape_penalty if shape[0] <= n and shape[1] <= m]
    zh_beads = {a: _beads_ending(zh, a) for a in {a for a, _ in shapes}}
    en_beads = {b: _beads_ending(en, b) for b in {b for _, b in shapes}}
    cost_rows: list = [None] * (n + 1)
    back_rows: list = [None] * (n + 1)
    codes = {shape: code for code, shape in enumerate(shapes)}
    skip_zh, skip_en = len(shapes), len(shapes) + 1

    def close_row(i: int, best, back) -> None:
        columns = np.arange(low[i], high[i] + 1)
        ramp = settings.skip * columns
        running = np.minimum.accumulate(best - ramp) + ramp
        skipped = running < best - 1e-9  # not a rounding difference of the same path
        running = np.where(skipped, running, best)
        back = np.where(skipped, skip_en, back)
        cost_rows[i], back_rows[i] = running, back.astype(np.int8)

    first = np.full(high[0] - low[0] + 1, np.inf)
    first[0] = 0.0
    close_row(0, first, np.full(first.shape, -1))
    for start in range(1, n + 1, settings.chunk):
        stop = min(start + settings.chunk, n + 1)
        col_from, col_to = low[start], high[stop - 1] + 1  # every band row of the chunk lies within
        costs = {shape: _bead_costs(zh_beads[shape[0]], en_beads[shape[1]], start, stop, col_from, col_to,
                                    shape, settings, length_mean, length_spread) for shape in shapes}
        for i in range(start, stop):
            width = high[i] - low[i] + 1
            into = slice(low[i] - col_from, high[i] + 1 - col_from)
            best = _shifted(cost_rows[i - 1], low[i - 1], low[i], width) + settings.skip  # 1-0
            back = np.full(width, skip_zh)
            for a, b in shapes:
                if a > i:
                    continue
                candidate = _shifted(cost_rows[i - a], low[i - a], low[i] - b, width) + costs[a, b][i - start, into]
                better = candidate < best
                best = np.where(better, candidate, best)
                back[better] = codes[a, b]
            close_row(i, best, back)
    beads: list[Bead] = []
    i, j, on_edge = n, m, False
    while i > 0 or j > 0:
        code = int(back_rows[i][j - low[i]])
        on_edge |= (j == low[i] and low[i] > 0) or (j == high[i] and high[i] < m)
        a, b = (1, 0) if code == skip_zh else (0, 1) if code == skip_en else shapes[code]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads, on_edge


def _shifted(row, row_low: int, first: int, count: int):
    """Values of an earlier row at columns first … first+count-1; infinity outside its band."""
    import numpy as np

    out = np.full(count, np.inf)
    begin, end = max(first, row_low), min(first + count, row_low + len(row))
    if begin < end:
        out[begin - first:end - first] = row[begin - row_low:end - row_low]
    return out


def _bead_costs(zh_beads, en_beads, start: int, stop: int, col_from: int, col_to: int, shape: tuple[int, int],
                settings: AlignmentSettings, length_mean: float, length_spread: float):
    """Cost of the beads of one shape ending at rows start…stop-1 and columns col_from…col_to-1."""
    import numpy as np

    a, b = shape
    zv, zsq, zlen = zh_beads
    ev, esq, elen = en_beads
    dots = (zv[start:stop] @ ev[col_from:col_to].T).toarray()
    norms = np.sqrt(np.outer(zsq[start:stop], esq[col_from:col_to]))
    cos = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
    ratio = np.log((elen[col_from:col_to] + 1)[None, :] / (zlen[start:stop] + 1)[:, None]) - length_mean
    cost = ((1.0 - cos) * (a + b) / 2 + settings.length_weight * (ratio / length_spread) ** 2 / 2
            + settings.shape_penalty[a, b])
    cost[:, :max(0, b - col_from)] = np.inf  # a bead of b sentences cannot end before sentence b
    return cost


def align(zh: list[str], en: list[str], lexicon: Lexicon,
          settings: AlignmentSettings = AlignmentSettings()) -> list[Link]:
    """Links covering every sentence of both sides once, in order."""
    if not zh or not en:
        return [Link((i,), ()) for i in range(len(zh))] + [Link((), (j,)) for j in range(len(en))]
    zh_side, en_side = _features(zh, en, lexicon)
    mean, spread = _length_model(zh_side, en_side, None)
    beads = _widening_search(zh_side, en_side, settings, mean, spread, settings.band)
    pairs = [(z[0], e[0]) for z, e in beads if len(z) == 1 and len(e) == 1]
    if len(pairs) >= 10:  # again with the length model of this text, near the first path
        mean, spread = _length_model(zh_side, en_side, pairs)
        beads = _widening_search(zh_side, en_side, settings, mean, spread, settings.second_band, beads)
    beads = _split_strays(zh_side, en_side, beads, settings.stray_similarity)
    similarities = _similarities(zh_side, en_side, beads)
    return [Link(z, e, similarity) for (z, e), similarity in zip(beads, similarities, strict=True)]


def _characters(zh: _Side, en: _Side, bead: Bead, same_side_as: Bead | None = None) -> float:
    """Characters of a bead's sentences, on the side `same_side_as` occupies (default: either side)."""
    side = same_side_as or bead
    return float(zh.lengths[list(bead[0])].sum() if side[0] else en.lengths[list(bead[1])].sum())


def _split_strays(zh: _Side, en: _Side, beads: list[Bead], threshold: float) -> list[Bead]:
    """Take out of a wide bead an edge sentence that shares nothing with the other side while the rest
    does: an editor's note or an added sentence the DP found cheaper to merge than to leave unaligned."""
    # (bead number, the stray alone, the stray against the other side, the rest, whether the stray comes first)
    candidates: list[tuple[int, Bead, Bead, Bead, bool]] = []
    for number, (z, e) in enumerate(beads):
        for chinese, many, other in ((True, z, e), (False, e, z)):
            if len(many) < 2 or not other:
                continue
            for stray, rest, first in ((many[:1], many[1:], True), (many[-1:], many[:-1], False)):
                def bead(mine: tuple[int, ...], theirs: tuple[int, ...]) -> Bead:
                    return (mine, theirs) if chinese else (theirs, mine)

                candidates.append((number, bead(stray, ()), bead(stray, other), bead(rest, other), first))
    if not candidates:
        return beads
    stray_scores = _similarities(zh, en, [candidate[2] for candidate in candidates])
    rest_scores = _similarities(zh, en, [candidate[3] for candidate in candidates])
    whole_scores = _similarities(zh, en, beads)
    replaced: dict[int, list[Bead]] = {}
    for (number, alone, _, kept, first), stray_score, rest_score in zip(candidates, stray_scores, rest_scores,
                                                                       strict=True):
        if number in replaced or stray_score > threshold or rest_score <= whole_scores[number]:
            continue
        if _characters(zh, en, alone) < _characters(zh, en, kept, same_side_as=alone) / 2:
            continue  # a short remark ("he said") shares few words by nature; only long strays are left out
        replaced[number] = [alone, kept] if first else [kept, alone]
    return [bead for number, original in enumerate(beads) for bead in replaced.get(number, [original])]


def _similarities(zh: _Side, en: _Side, beads: list[Bead]) -> list[float]:
    """Cosine of each bead's two sides, computed shape by shape on the summed bead vectors."""
    import numpy as np

    result = [0.0] * len(beads)
    by_shape: dict[tuple[int, int], list[int]] = {}
    for number, (z, e) in enumerate(beads):
        if z and e:
            by_shape.setdefault((len(z), len(e)), []).append(number)
    for (a, b), numbers in by_shape.items():
        zv, zsq, _ = _beads_ending(zh, a)
        ev, esq, _ = _beads_ending(en, b)
        rows = np.array([beads[k][0][-1] + 1 for k in numbers])
        cols = np.array([beads[k][1][-1] + 1 for k in numbers])
        dots = np.asarray(zv[rows].multiply(ev[cols]).sum(axis=1)).ravel()
        norms = np.sqrt(zsq[rows] * esq[cols])
        for k, dot, norm in zip(numbers, dots, norms, strict=True):
            result[k] = float(dot / norm) if norm else 0.0
    return result


def _widening_search(zh: _Side, en: _Side, settings: AlignmentSettings, mean: float, spread: float,
                     width: int, path: list[Bead] | None = None) -> list[Bead]:
    n, m = zh.vectors.shape[0], en.vectors.shape[0]
    while True:
        beads, on_edge = _search(zh, en, settings, *_band_limits(n, m, width, path), mean, spread)
        if not on_edge or width >= max(n, m):
            return beads
        width *= 2
