"""`run --reference EN_FILE`: an existing English translation, aligned to the article's segments, in
place of machine drafts wherever the match is confident."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import locales
from ..reading.ingest import Limits
from ..model import GlossaryEntry, Segment, Target
from ..text.notes import REFERENCE, note
from ..text.placeholders import strip
from . import align_sides
from .inputs import Sentence, Side, read_english

# Lowest lexical similarity of a link taken from the reference; weaker ones are left to MT. On MAC-Dev
# (novels, freer than news) 83 % of the one-Chinese-sentence links at or above it are exactly right, 79 %
# of all of them (benchmarks/align_eval.py --confidence); every one is fuzzy until a reviewer confirms it.
MIN_SIMILARITY = 0.1


def reference_target(segments: list[Segment], reference: Path, glossary: Iterable[GlossaryEntry] = (),
                     limits: Limits = Limits()) -> Target:
    """English texts for the segments that one reference sentence group confidently matches; each
    says where it comes from. Groups of several Chinese segments are left to the drafts, since their
    English cannot be divided between them."""
    zh = Side(Path("segments"), tuple(Sentence(strip(segment.source), segment.line) for segment in segments))
    alignment = align_sides(zh, read_english(reference, limits), glossary)
    texts: dict[str, str] = {}
    notes: dict[str, tuple[str, ...]] = {}
    for link in alignment.links:
        if len(link.zh) != 1 or not link.en or link.similarity < MIN_SIMILARITY:
            continue
        segment = segments[link.zh[0]]
        texts[segment.id] = alignment.texts(link)[1]
        notes[segment.id] = (note(REFERENCE, alignment.note(link)),)
    return Target(locales.ENGLISH.locale, texts, f"reference {reference.name}", notes)
