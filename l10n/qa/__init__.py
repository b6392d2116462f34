"""Quality checks on target texts. Every check is registered in registry.CHECKS by its family module
(terms, numbers, latin, leaks, punctuation, repetition, spelling, regional), imported here; `check_catalog` runs
them on a catalog and writes the findings into its entries."""
from __future__ import annotations

import functools
import statistics

from ..catalog.entries import Entry
from ..model import Issue, Segment
from ..text.notes import parse_glossary_term
from . import terms, numbers, latin, leaks, punctuation, repetition, spelling, regional  # noqa: F401, I001  (each registers its checks, in this order)
from .findings import write_findings
from .registry import CHECKS, ENGLISH, TRADITIONAL, Context, Texts, target_family

MIN_SEGMENTS_FOR_RATIO = 5  # fewer translated segments say nothing about a document's usual length ratio


def build_context(segments: list[Segment], texts: dict[str, str], locale: str, style: str = "full",
                  edition: str | None = None, converted: dict[str, str] | None = None,
                  noted_forms: dict[str, tuple[str, ...]] | None = None) -> Context:
    """What the checks need to know about the document: the glossary requirements under the name style, for a
    Traditional target its edition, the edition's conversion of each segment (`converted` when the caller has
    it already) and the glossary's forms of each segment's terms (those of the glossary given, and
    `noted_forms`: those the run's glossary notes name), and the usual target/source length ratio."""
    family = target_family(locale)
    required, expected, forms = {}, {}, {}
    if family == ENGLISH:
        required = terms.requirements(segments, style)
    elif family == TRADITIONAL and edition is not None:
        from ..editions.variant import term_rendering, traditional_variant

        rendering = functools.cache(lambda entry: term_rendering(entry, edition))  # a term recurs in a document
        required = terms.requirements(segments, "full", rendering)
        expected = converted if converted is not None else traditional_variant(segments, edition).texts
        # Read by simplified-leak alone, where a text departs from the conversion.
        forms = {segment.id: (*(rendering(hit.entry) for hit in segment.terms),
                              *(noted_forms or {}).get(segment.id, ())) for segment in segments
                 if texts.get(segment.id) and texts[segment.id] != expected.get(segment.id)}
    ratios = {s.id: repetition.length_ratio(s.source, texts[s.id]) for s in segments
              if texts.get(s.id) and repetition.content_length(s.source) >= repetition.SHORTEST_SOURCE}
    usual = statistics.median(ratios.values()) if len(ratios) >= MIN_SEGMENTS_FOR_RATIO else None
    carried = punctuation.carried_over(segments, texts)
    recurring = spelling.recurring(list(texts.values())) if family == ENGLISH else frozenset()
    return Context(family, required, expected, usual, carried, recurring,
                   edition if family == TRADITIONAL else None, forms, ratios)


def check_texts(segments: list[Segment], texts: dict[str, str], context: Context) -> list[Issue]:
    """Every applicable check on every segment that has a target text, in document order; a check whose
    may_find rules out the whole catalog is not run on its segments."""
    document = Texts(segments, texts, context)
    applicable = [c for c in CHECKS.values() if c.applies_to(context.target_family)
                  and (c.may_find is None or c.may_find(document))]
    issues: list[Issue] = []
    for segment in segments:
        text = texts.get(segment.id, "")
        if text:
            for registered in applicable:
                issues += registered.function(segment, text, context)
    return issues


def check_catalog(entries: dict[str, Entry], segments: list[Segment], locale: str, style: str = "full",
                  edition: str | None = None, converted: dict[str, str] | None = None) -> list[Issue]:
    """Check a catalog's live entries against their segments and write the findings into the entries. `entries`:
    each segment's entry (Catalog.for_segments), which the caller has made for its own use too."""
    texts = {segment_id: entry.msgstr for segment_id, entry in entries.items() if entry.msgstr}
    # The forms the run's glossary gave (范劍磊) hold when this check has no glossary or another one: read where a
    # text departs from the conversion (build_context's glossary forms).
    noted = {segment_id: tuple(parsed[1] for note in entry.glossary_notes
                               if (parsed := parse_glossary_term(note)) is not None)
             for segment_id, entry in entries.items() if converted is None or entry.msgstr != converted.get(segment_id)
             } if target_family(locale) == TRADITIONAL else None
    # An untranslated catalog (English without drafts) has nothing to check: no context to work out.
    issues = check_texts(segments, texts, build_context(segments, texts, locale, style, edition, converted, noted)) \
        if texts else []
    write_findings(entries, issues)
    return issues
