"""English drafts that honour the glossary, made from any Translator.

Engines have no constrained decoding, so each segment goes through, until every required rendering
is in the draft:
1. the engine's hypotheses for the source (up to N_BEST, best first): the first one carrying every term wins;
2. the source with each term replaced by its English rendering (engines copy Latin text through);
3. repair: a forbidden rendering of a missing term in the best draft is replaced by the right one;
4. otherwise the draft stays as it is and the entry says which term is missing (a QA error).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Segment
from ..text.notes import MACHINE_DRAFT, MT_GLOSSARY, note
from ..qa.terms import Requirement, find_rendering, forbidden_present, missing, requirements
from . import markup
from .base import Translator
from .cache import TranslationCache, cache_key

_ENFORCEMENT_REVISION = 3  # part of the cache key: bump when the steps above change
N_BEST = 4  # hypotheses asked of the engine: several, so that one carrying every glossary term can be chosen

StepProgress = Callable[[str], None]


@dataclass(frozen=True)
class EnforcedDraft:
    text: str
    notes: tuple[str, ...]
    required: int
    present: int


@dataclass(frozen=True)
class DraftReport:
    model_id: str
    segments: int
    from_cache: int
    required: int
    present: int

    @property
    def adherence(self) -> float:
        return self.present / self.required if self.required else 1.0


def _inject(segment: Segment, needs: list[Requirement]) -> str:
    rendering = {need.accepted[0]: need.rendering for need in needs}
    pieces, position = [], 0
    for hit in segment.terms:
        if hit.entry.english in rendering:
            pieces += [segment.source[position:hit.start], f" {rendering[hit.entry.english]} "]
            position = hit.end
    pieces.append(segment.source[position:])
    return "".join(pieces).strip()


def _replace_whole(text: str, wrong: str, rendering: str) -> str:
    """Every whole-word occurrence of a wrong rendering becomes the right one. Words of the rendering that
    already stand next to it are taken in, not repeated: `Sam Ultraman` with Ultraman → Sam Altman gives
    `Sam Altman`, never `Sam Sam Altman`."""
    words = rendering.split()
    pieces, position = [], 0
    while match := find_rendering(text[position:], wrong, ignore_case=True):
        start, end = position + match.start(), position + match.end()
        before, after = text[position:start], text[end:]
        for count in range(len(words) - 1, 0, -1):  # the rendering's first words, just before
            lead = re.search(r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, words[:count])) + r"\s+$", before)
            if lead:
                before = before[:lead.start()]
                break
        for count in range(len(words) - 1, 0, -1):  # its last words, just after
            tail = re.match(r"\s+" + r"\s+".join(map(re.escape, words[-count:])) + r"(?![A-Za-z0-9])", after)
            if tail:
                end += tail.end()
                break
        pieces += [before, rendering]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _repair(text: str, needs: list[Requirement]) -> tuple[str, dict[str, str]]:
    repaired: dict[str, str] = {}
    for need in missing(text, needs):
        wrong = sorted(forbidden_present(text, need.entry), key=len, reverse=True)
        if wrong:  # the longest first: Sam Ultraman before Ultraman
            text = _replace_whole(text, wrong[0], need.rendering)
            repaired[need.rendering] = wrong[0]
    return text, repaired


def _finish(model_id: str, text: str, needs: list[Requirement], how: str, repaired: dict[str, str]) -> EnforcedDraft:
    notes = [note(MACHINE_DRAFT, model_id)]
    absent = {need.rendering for need in missing(text, needs)}
    for need in needs:
        if need.rendering in absent:
            status = "MISSING from the draft"
        elif need.rendering in repaired:
            status = f"repaired from {repaired[need.rendering]!r}"
        else:
            status = how
        notes.append(note(MT_GLOSSARY, f"{need.entry.source} → {need.rendering}: {status}"))
    return EnforcedDraft(text, tuple(notes), len(needs), len(needs) - len(absent))


def _choose(segment: Segment, needs: list[Requirement], first: list[str], injected: list[str] | None,
            model_id: str) -> EnforcedDraft:
    for index, hypothesis in enumerate(first):
        if not missing(hypothesis, needs):
            return _finish(model_id, hypothesis, needs, "in the best hypothesis" if index == 0
                           else f"chosen from hypothesis {index + 1}", {})
    for hypothesis in injected or []:
        if not missing(hypothesis, needs):
            return _finish(model_id, hypothesis, needs, "injected into the source", {})
    candidates = first + (injected or [])
    best = max(candidates, key=lambda text: len(needs) - len(missing(text, needs))) if candidates else ""
    text, repaired = _repair(best, needs)
    return _finish(model_id, text, needs, "in the closest draft", repaired)


def _key(translator: Translator, segment: Segment, needs: list[Requirement], n_best: int) -> str:
    return cache_key([_ENFORCEMENT_REVISION, translator.signature, n_best, segment.source,
                      [[n.entry.source, n.entry.english, n.entry.english_short, list(n.entry.forbidden), n.rendering]
                       for n in needs]])


def _work(documents: list[list[Segment]], translator: Translator, style: str,
          n_best: int) -> list[tuple[int, Segment, list[Requirement], str]]:
    """Each segment with its document's number, what it must contain and its cache key."""
    work: list[tuple[int, Segment, list[Requirement], str]] = []
    for number, segments in enumerate(documents):
        needs = requirements(segments, style)
        work += [(number, s, needs.get(s.id, []), _key(translator, s, needs.get(s.id, []), n_best)) for s in segments]
    return work


def draft_keys(documents: list[list[Segment]], translator: Translator, style: str = "full") -> list[str]:
    """The cache keys of every segment's draft: what a run looks up before it sends work out."""
    return [key for *_, key in _work(documents, translator, style, N_BEST)]


def _cached_draft(value: object) -> EnforcedDraft | None:
    """A cache row as written by draft_documents, or None for anything else (another version's rows, damage)."""
    if not isinstance(value, dict):
        return None
    text, notes, required, present = (value.get(name) for name in ("text", "notes", "required", "present"))
    if not (isinstance(text, str) and isinstance(notes, list) and all(isinstance(note, str) for note in notes)
            and all(isinstance(count, int) and not isinstance(count, bool) for count in (required, present))):
        return None
    return EnforcedDraft(text, tuple(notes), required, present)


def draft_documents(documents: list[list[Segment]], translator: Translator, style: str = "full",
                    cache: TranslationCache | None = None, on_step: StepProgress | None = None,
                    n_best: int = N_BEST) -> tuple[list[dict[str, EnforcedDraft]], DraftReport]:
    """Drafts for every segment of every document, translated together in batches; `n_best` hypotheses are asked
    of the engine per sentence (benchmarks compare one with raw decoding)."""
    work = _work(documents, translator, style, n_best)
    cached = cache.get_many([key for *_, key in work]) if cache is not None else {}
    drafts: list[dict[str, EnforcedDraft]] = [{} for _ in documents]
    pending = []
    for number, segment, needs, key in work:
        draft = _cached_draft(cached.get(key))
        if draft is not None:
            drafts[number][segment.id] = draft
        else:  # not cached, or a row of another shape: translated again, and the row replaced
            pending.append((number, segment, needs, key))

    def progress(label: str):
        if on_step is None:
            return None
        return lambda done, total: on_step(f"{label} {done}/{total}")

    def translate(sources: list[str], label: str) -> list[list[str]]:
        """Each distinct sentence once: articles repeat datelines, headings and quotes."""
        distinct = list(dict.fromkeys(sources))
        if not distinct:
            return []
        answers = dict(zip(distinct, markup.translate_batch(translator, distinct, n_best, progress(label)),
                           strict=True))
        return [answers[source] for source in sources]

    first = translate([segment.source for _, segment, _, _ in pending], "translating")
    retry = [i for i, (_, _, needs, _) in enumerate(pending) if needs and all(missing(h, needs) for h in first[i])]
    retried = translate([_inject(pending[i][1], pending[i][2]) for i in retry], "re-translating with glossary terms")
    injected = dict(zip(retry, retried, strict=True))
    fresh: dict[str, dict] = {}
    for i, (number, segment, needs, key) in enumerate(pending):
        draft = _choose(segment, needs, first[i], injected.get(i), translator.model_id)
        drafts[number][segment.id] = draft
        fresh[key] = {"text": draft.text, "notes": list(draft.notes), "required": draft.required,
                      "present": draft.present}
    if cache is not None:
        cache.put_many(fresh)
    every = [draft for per_document in drafts for draft in per_document.values()]
    report = DraftReport(translator.model_id, len(every), len(work) - len(pending),
                         sum(d.required for d in every), sum(d.present for d in every))
    return drafts, report
