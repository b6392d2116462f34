"""Scoring one edition's text of a sentence against the adjudicated reference (docs/editions-rubric.md).

The reference of a sentence for a region is its base conversion (OpenCC s2tw for Taiwan, s2hk for Hong
Kong: characters and the region's variant characters, nothing else) with every annotated span replaced by
one of the forms a newsroom of that region accepts there. Annotation is exhaustive: wherever the region's
editor would write something other than the base, there is a span, so any other difference is an error
too, of kind "other". Where a span accepts several forms, the one closest to the system's text is used.

Before comparing, characters that the region's newsrooms use interchangeably (臺/台, 裏/裡 …, the table
below) are folded to one, in the reference and in the system's text alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

KINDS = ("vocabulary", "names", "characters", "punctuation")
OTHER = "other"
REGIONS = ("tw", "hk")
BASE_CONFIG = {"tw": "s2tw", "hk": "s2hk"}

# Characters each region's newsrooms print interchangeably (standard form and common variant, rubric §3).
INTERCHANGEABLE = {
    "tw": ("台臺", "裡裏", "峰峯", "汙污", "祕秘", "洩泄", "群羣", "閒閑", "豔艷", "佔占", "鑑鑒", "·‧•・"),
    "hk": ("為爲", "眾衆", "衞衛", "台臺", "説說", "悦悅", "脱脫", "税稅", "閲閱", "鋭銳", "兑兌", "温溫", "户戶",
           "敍敘", "唇脣", "秘祕", "裏裡", "着著", "綫線", "峯峰", "啓啟", "麪麵", "吃喫", "卧臥", "痴癡", "灶竈",
           "鈎鉤", "缽鉢", "皂皁", "葱蔥", "滙匯", "汙污", "粽糉", "枱檯", "群羣", "床牀", "豔艷", "鑑鑒", "·‧•・"),
}
_FOLDING = {region: {ord(c): group[0] for group in groups for c in group[1:]}
            for region, groups in INTERCHANGEABLE.items()}
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


def fold(text: str, region: str) -> str:
    return text.translate(_FOLDING[region])


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


@dataclass(frozen=True)
class Span:
    """An annotated span of a sentence for one region: [start, end) in the Simplified sentence."""

    start: int
    end: int
    kind: str
    accepted: tuple[str, ...]


@dataclass(frozen=True)
class Error:
    kind: str
    expected: str  # the reference's text of the mismatching chunk
    found: str  # the system's


def _reference(base: str, spans: list[Span], forms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The base with each span replaced by its form; and where each span lies in the result."""
    pieces, where, position, length = [], [], 0, 0
    for span, form in zip(spans, forms, strict=True):
        pieces.append(base[position:span.start])
        length += span.start - position
        where.append((length, length + len(form)))
        pieces.append(form)
        length += len(form)
        position = span.end
    pieces.append(base[position:])
    return "".join(pieces), where


def _chunks(reference: str, output: str) -> list[tuple[int, int, int, int]]:
    """Maximal runs of mismatch between reference and output: (ref_start, ref_end, out_start, out_end)."""
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes(reference, output):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return [tuple(run) for run in runs]


def _aligned_text(reference: str, output: str, start: int, end: int) -> str:
    """The output's text aligned to reference[start:end], with what the output inserts at either edge."""
    starts = [len(output)] * (len(reference) + 1)
    ends = [0] * (len(reference) + 1)
    inserted: dict[int, tuple[int, int]] = {}
    for op in Levenshtein.opcodes(reference, output):
        if op.tag == "insert":
            inserted[op.src_start] = (op.dest_start, op.dest_end)
        for position in range(op.src_start, op.src_end):
            equal = op.tag == "equal"
            starts[position] = op.dest_start + (position - op.src_start if equal else 0)
            ends[position + 1] = op.dest_start + (position + 1 - op.src_start) if equal else op.dest_end
    out_start = starts[start] if start < end else ends[start]
    out_end = ends[end] if start < end else out_start
    out_start = inserted.get(start, (out_start,))[0]
    out_end = inserted.get(end, (0, out_end))[1]
    return output[out_start:max(out_start, out_end)]


def _toward_base(base_form: str, form: str, inserted: str, before: bool) -> bool:
    """Whether the span's text with `inserted` at its edge is nearer the base's form than the reference's."""
    text = inserted + form if before else form + inserted
    return Levenshtein.distance(text, base_form) < Levenshtein.distance(text, form)


def score(base: str, spans: list[Span], output: str, region: str) -> list[Error]:
    """The errors of one system's text of a sentence: one per annotated span it gets wrong, one per run of
    mismatch outside every span. `base` is the base conversion of the sentence (as
    long as the Simplified sentence: OpenCC's character configs convert character for character), `spans`
    the sentence's annotations for the region, in order and not overlapping."""
    spans = sorted(spans, key=lambda span: span.start)
    base, output = fold(base, region), fold(output, region)
    accepted = [[fold(form, region) for form in span.accepted] for span in spans]
    first, where = _reference(base, spans, [forms[0] for forms in accepted])
    chosen = []
    for forms, (start, end) in zip(accepted, where, strict=True):
        theirs = _aligned_text(first, output, start, end) if len(forms) > 1 else forms[0]
        chosen.append(min(forms, key=lambda form: Levenshtein.distance(form, theirs)))
    reference, where = _reference(base, spans, chosen)
    chunks = _chunks(reference, output)
    inside, edge = [], []
    for ref_start, ref_end, _, _ in chunks:
        if ref_end > ref_start:
            inside.append({i for i, (start, end) in enumerate(where) if ref_start < end and start < ref_end})
            edge.append(set())
        else:
            inside.append({i for i, (start, end) in enumerate(where)
                           if start < ref_start < end or start == ref_start == end})
            edge.append({i for i, (start, end) in enumerate(where) if ref_start in (start, end)})
    wrong = set().union(*inside)
    errors, charged = [], set()
    for (ref_start, ref_end, out_start, out_end), hit, near in zip(chunks, inside, edge, strict=True):
        expected, found = reference[ref_start:ref_end], output[out_start:out_end]
        # An insertion at a span's edge belongs to it when the span is wrong anyway (存儲 for 儲存 aligns
        # as an insertion before the span and a deletion inside it: one error, not two) or when it brings
        # the span back toward the base's form (哈薩克 + 斯坦 is the mainland's 哈薩克斯坦 kept).
        hit = hit | {index for index in near if index in wrong or _toward_base(
            base[spans[index].start:spans[index].end], reference[slice(*where[index])], found,
            before=ref_start == where[index][0])}
        if not hit:
            errors.append(Error(OTHER, expected, found))
        for index in sorted(hit - charged):
            errors.append(Error(spans[index].kind, expected, found))
        charged |= hit
    return errors
