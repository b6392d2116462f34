"""Simplified → an edition's Traditional text: one conversion per document with the edition's OpenCC (stacks.py: the
layers' rules and the desk's glossary in OpenCC's own segmentation, each rendering marked with its rule), then what
the marks tell.

OpenCC segments left to right by longest match, so a rule wins where it is the longest phrase starting at its
position; on equal length the glossary wins, then a name, then vocabulary. Where a name or one of OpenCC's rarer
phrases is no word of its sentence (boundaries.py), the sentence is converted again cut at the words' edges: 加纳
(Ghana) in 增加纳税, OpenCC's 年谷 (harvest) in 2024年谷歌, 并为 (merge into) in 并为客户, and one of OpenCC's
common phrases where its halves belong to the words on either side (头发 in 牵头发起). Glossary terms have
their own arbitration (the term stands where OpenCC took it as a phrase of its own, where a layer's rule took it,
or where no word runs across it): 生死轮回归于 stays 輪迴歸於 although the glossary writes 回归 as 回歸 (轮回 is a
word), and in 乌云密布洛克曼 the idiom 乌云密布 keeps its 布 from the name 布洛克曼; a term that stands comes out
exactly as its override (or, without one, as the edition converts the term on its own). The software vocabulary
applies in documents about software; quotation marks come last (quotes.py), across the sentences of a paragraph.
Every rule applied beyond OpenCC's characters gives the segment a note for the reviewer.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from .. import editions
from ..text import notes as note_kinds
from ..model import GlossaryEntry, Part, Segment, Target, TermHit
from . import Edition
from . import decided, layers, neighbours, senses, stacks, term_forms
from .blocked import Probe, alone_in, blocked
from .boundaries import Repair, crosses_a_word, halves_in_words, word_check
from .compiled import opencc_version
from .quotes import quoted_paragraphs, requote
from .stacks import (MARKS, Applied, Convert, Stack, convert_many, latin_edge, plain_converter,
                     read_marks, rule_index, strip_marks)

# The first letter or digit is a class of its own, not part of a +: re skips ahead to where a pattern may start only
# when it starts with a class, and most of a Chinese text starts nothing kept verbatim.
_VERBATIM_TAIL = r"[0-9A-Za-z]*(?:[.,%][0-9A-Za-z]+)*%?"
_KEPT_VERBATIM = re.compile("[0-9A-Za-z]" + _VERBATIM_TAIL)
# Those tokens and each line break, in one class first for the same reason: texts one a line, read at once.
_KEPT_VERBATIM_BY_LINE = re.compile(r"[0-9A-Za-z\n](?:(?<=\n)|%s)" % _VERBATIM_TAIL)
# OpenCC's text dictionaries separate key and value by a tab and alternatives by spaces.
_DICTIONARY_UNSAFE = re.compile(r"\s")
_PASSES_KEPT = 64  # documents whose conversion a stack keeps: a run's chunk in flight is 8
_STAND_IN = "\ufffc"  # for a source's character of the marks' planes: OpenCC keeps it, and no rule holds it

Phrases = tuple[tuple[str, str], ...]  # (Simplified term, its Traditional form), sorted


def _unmarked(stack: "Stack", marked: str, software: bool) -> str:
    """The text without its marks, with the software renderings where it is about software, and a space kept
    between a rendering in Latin letters and Latin text beside it (谷歌DeepMind in Taiwan: Google DeepMind)."""
    marks = MARKS.findall(marked)
    if stack.latin_marks.isdisjoint(marks) and not (software and not stack.software_marks.isdisjoint(marks)):
        return strip_marks(marked)
    rules = [stack.table[rule_index(mark)] for mark in marks]
    pieces, cursor = [], 0
    for match, rule in zip(MARKS.finditer(marked), rules, strict=True):
        pieces.append(marked[cursor:match.start()])
        cursor = match.end() + len(rule.rendering)
        rendering = rule.software if software and rule.software else rule.rendering
        if rule.latin:
            before = strip_marks("".join(pieces))[-1:]
            after = strip_marks(marked[cursor:cursor + 2])[:1]
            rendering = (" " if before and latin_edge(before) and latin_edge(rendering[0]) else "") + rendering \
                + (" " if after and latin_edge(after) and latin_edge(rendering[-1]) else "")
        pieces.append(rendering)
    pieces.append(marked[cursor:])
    return strip_marks("".join(pieces))


def convert(text: str, config: str) -> str:
    """OpenCC's own conversion with one of its configurations (s2t, s2tw, s2twp, s2hk, s2hkp), nothing else."""
    editions.get(f"plain-{config}")
    return plain_converter(config).convert(text) if text else text


def _glossary_notes(source: str, rendering: str, edition: Edition) -> tuple[str, ...]:
    """A term without an override is the edition's own conversion of it: the layers' notes say what they did.
    (An override has its glossary note already, from the term itself.)"""
    if edition.plain:
        return ()
    text, found = _term_alone(source, edition.key)
    return found if text == rendering else ()


@lru_cache(maxsize=32)
def _stack(edition: str, phrases: Phrases) -> Stack:
    row = editions.get(edition)
    return Stack(row, tuple((source, rendering, _glossary_notes(source, rendering, row)) for source, rendering in phrases))


def term_rendering(entry: GlossaryEntry, edition: str) -> str:
    """A glossary term's form in an edition: the desk's override for it, or the edition's conversion of the term."""
    row = editions.get(edition)
    return (entry.traditional_for(row.glossary_column, editions.GLOSSARY_COLUMNS[0])
            or _term_alone(entry.source, row.key)[0])


@lru_cache(maxsize=4096)
def _term_alone(source: str, edition: str) -> term_forms.Form:
    """A term converted on its own, without the glossary, and the layers' notes on it: both are asked for. Kept
    between runs (term_forms.py): converting it needs the edition's OpenCC without the glossary."""
    kept = term_forms.kept(edition)
    form = kept.get(source)
    if form is None:
        converted = _convert_segments(_stack(edition, ()), _lines(source), quotes=False)
        form = "\n".join(converted.texts), converted.notes[0]
        kept.add(source, form)
    return form


def glossary_phrases(entries: Iterable[GlossaryEntry], edition: str) -> Phrases:
    """Each Chinese glossary term with its Traditional form: the override in the edition's glossary column, or the
    edition's conversion of the term on its own.

    A run layers its whole glossary into one converter, built once: OpenCC takes about 60 ms to build, as
    long as the rest of a document's work. A term absent from a sentence cannot match in it, and one whose
    hit is dropped (it does not win OpenCC's segmentation there) converts the same with or without it."""
    phrases: dict[str, str] = {}
    for entry in entries:
        source = entry.source
        if source in phrases or _DICTIONARY_UNSAFE.search(source) or not re.search(r"[^\x00-\x7f]", source):
            continue
        traditional = term_rendering(entry, edition)
        if not _DICTIONARY_UNSAFE.search(traditional):
            phrases[source] = traditional
    term_forms.kept(editions.get(edition).key).save()
    return tuple(sorted(phrases.items()))


def _phrases_of(segments: list[Segment], edition: str, phrases: Phrases | None) -> Phrases:
    """The phrases given, or those of the terms the segments hold."""
    if phrases is not None:
        return phrases
    return glossary_phrases({hit.entry.source: hit.entry for s in segments for hit in s.terms}.values(), edition)


def _names_run_into(stack: Stack, text: str, start: int, end: int) -> tuple[int, ...]:
    """Where a known name starts or ends inside text[start:end], one of OpenCC's phrases: 谷歌 in 2024年谷歌,
    which OpenCC's 年谷 (harvest) took the start of."""
    cuts = set()
    for inside in range(start + 1, end):
        for length in stack.name_lengths:
            if inside + length > end and text[inside:inside + length] in stack.names:
                cuts.add(inside)
            if 0 <= inside - length < start and text[inside - length:inside] in stack.names:
                cuts.add(inside)
    return tuple(sorted(cuts))


def _opencc_phrases(stack: Stack, source: str, marked: str,
                    runs: list[tuple[int, int, int]]) -> list[tuple[int, int, bool]]:
    """Where one of OpenCC's phrases decided a character: a character OpenCC wrote otherwise than on its own
    (年谷 → 年穀, where 谷 alone is 谷), inside a phrase of the checked list, or else inside a common one (头发);
    each span with whether its phrase is a common one."""
    spans: list[tuple[int, int, bool]] = []
    if not stack.phrases and not stack.common_phrases:  # OpenCC alone: no phrase to look for
        return spans
    for position in _written_otherwise(stack, source, marked, runs):
        if any(start <= position < end for start, end, _ in spans):
            continue
        span = _phrase_over(source, position, _placed(stack.phrases))
        common = span is None  # a checked phrase first, else a common one
        if common:
            span = _phrase_over(source, position, _placed(stack.common_phrases))
        if span is not None:
            spans.append((*span, common))
    return spans


def _written_otherwise(stack: Stack, source: str, marked: str, runs: list[tuple[int, int, int]]) -> list[int]:
    """The positions, in order, of the characters of OpenCC's own text (the runs between the rules' marks) that it
    wrote otherwise than on their own. Only where the conversion holds what one of OpenCC's phrases writes for a
    character written otherwise alone (decided.py; most sentences hold none), or the source a rule of one character
    (硅 in Taiwan, which alone is its rule's mark, may lie inside one of OpenCC's phrases: 硅谷)."""
    deciding = _deciding(stack)
    if deciding is None:
        places = [(position, output_start + position - source_start) for source_start, output_start, output_end in runs
                  for position in range(source_start, source_start + output_end - output_start)]
    else:
        rendered, single = deciding
        if rendered.search(marked) is None and (single is None or single.search(source) is None):
            return []
        found = [at.start() for at in rendered.finditer(marked)]
        places = [(source_start + at - output_start, at) for source_start, output_start, output_end in runs
                  for at in found if output_start <= at < output_end]
        if single is not None:
            places = sorted({*places, *((at.start(), output_start + at.start() - source_start)
                                        for source_start, output_start, output_end in runs
                                        for at in single.finditer(source, source_start,
                                                                  source_start + output_end - output_start))})
    usual = stack.usual
    return [position for position, at in places if marked[at] != usual[ord(source[position])]]


@lru_cache(maxsize=32)
def _deciding(stack: Stack) -> tuple[re.Pattern, re.Pattern | None] | None:
    """What _written_otherwise looks for: the renderings of OpenCC's phrases in the conversion, and a rule of one
    character in the source; None: every character is looked at."""
    characters = decided.renderings(stack.edition)
    if characters is None:
        return None
    single = sorted(rule for rule in stack.rules if len(rule) == 1)
    return _character_class(characters), _character_class(single) if single else None


def _character_class(characters: Iterable[str]) -> re.Pattern:
    """One of the characters. sre checks a class holding characters beyond the Basic Multilingual Plane item by item,
    a hundred times slower: every one of those (rare in news) is taken, but the marks' planes (stacks.MARKS)."""
    basic = sorted(char for char in characters if char <= "\uffff")
    return re.compile("[%s\U00010000-\U000effff]" % "".join(map(re.escape, basic)))


class _PlacedPhrases:
    """Phrases, and for a character the places it has in them as (length, offset), longest first, then the largest
    offset (the leftmost start): a character stands in few of the places a phrase's window around it could have."""

    def __init__(self, phrases: frozenset[str]):
        self.phrases = phrases
        joined = {length: "".join(group) for length, group in groupby(sorted(phrases, key=len, reverse=True), len)}
        # each phrase's character at that place, in one string: searched once per character asked about
        self._characters = [((length, offset), text[offset::length])
                            for length, text in joined.items() for offset in range(length - 1, -1, -1)]
        self._places: dict[str, tuple[tuple[int, int], ...]] = {}

    def places(self, char: str) -> tuple[tuple[int, int], ...]:
        found = self._places.get(char)
        if found is None:
            found = self._places[char] = tuple(place for place, characters in self._characters if char in characters)
        return found


@lru_cache(maxsize=8)
def _placed(phrases: frozenset[str]) -> _PlacedPhrases:
    """Per set of phrases: an edition's stacks, with and without the glossary, hold the same ones."""
    return _PlacedPhrases(phrases)


def _phrase_over(source: str, position: int, placed: _PlacedPhrases) -> tuple[int, int] | None:
    """The longest of the phrases that holds source[position], the leftmost one."""
    size = len(source)
    for length, offset in placed.places(source[position]):
        start = position - offset
        if start >= 0 and start + length <= size and source[start:start + length] in placed.phrases:
            return start, start + length
    return None


def _cut_conversion(stack: Stack, source: str, repair: Repair, overruled: list[TermHit],
                    convert_text: Convert) -> str:
    """The source converted in pieces cut at the repair's cuts, its plain span with OpenCC alone, each overruled
    glossary term as its rendering."""
    terms = {(hit.start, hit.end): hit.entry.source for hit in overruled}
    plain = set(repair.plain and [repair.plain] or [])
    edges = sorted({0, len(source), *repair.cuts, *(edge for span in (*terms, *plain) for edge in span)})
    return "".join(stack.mark(terms[start, end]) if (start, end) in terms  # OpenCC alone built only if asked for
                   else plain_converter(stack.edition.opencc).convert(source[start:end]) if (start, end) in plain
                   else convert_text(source[start:end]) for start, end in zip(edges, edges[1:]))


@lru_cache(maxsize=32)
def _probe(stack: Stack) -> tuple[Probe, Convert]:
    """The stack's probe (blocked.py) and its conversion of a phrase on its own."""
    return _probe_of(tuple(rule.source for rule in stack.table if not rule.glossary)), alone_in(_converting(stack))


@lru_cache(maxsize=8)
def _probe_of(rules: tuple[str, ...]) -> Probe:
    """One probe per edition: it holds no glossary term, so an edition's stacks with and without the glossary
    share it (and its OpenCC build)."""
    return Probe(list(rules))


def _repair(stack: Stack, source: str, marked: str, applied: list[Applied],
            runs: list[tuple[int, int, int]], probed: str | None) -> tuple[Repair, list[str]]:
    """One repair for the whole sentence, from every name and rare OpenCC phrase that is no word where it stands,
    and every phrase an OpenCC phrase ran into that is a word where it stands (`probed`: the probe's conversion of
    the sentence, blocked.py); with what the reviewer's note says of each."""
    terms = [(use.start, use.end) for use in applied if stack.table[use.rule].glossary]

    def free(cut: int) -> bool:  # the glossary always wins: nothing cuts into a term
        return not any(start < cut < end for start, end in terms)

    checked = [(use.start, use.end, False, stack.table[use.rule].name) for use in applied
               if not stack.table[use.rule].glossary]
    phrases = _opencc_phrases(stack, source, marked, runs)
    checked += [(start, end, True, False) for start, end, common in phrases if not common]
    cuts: set[int] = set()
    plain: list[tuple[int, int]] = []
    repaired: list[str] = []
    for start, end in (span[:2] for span in phrases if span[2]):
        found = halves_in_words(source, start, end)
        if found and all(map(free, found.cuts)):
            cuts.update(found.cuts)
            repaired.append(f"{source[start:end]} is not a word here")
    for start, end, phrase, name in checked:
        found = word_check(source, start, end, phrase, name)
        if phrase and not found and end - start > 1 and neighbours.about_a_quantity(source, end):
            found = Repair(cuts=(end - 1,))
        if phrase and not found:
            runs_into = [cut for cut in _names_run_into(stack, source, start, end) if free(cut)]
            found = Repair(cuts=tuple(runs_into)) if runs_into else None
        if found is None:
            continue
        if found.plain and all(free(edge) for edge in found.plain) and not any(
                start < found.plain[1] and found.plain[0] < end for start, end in terms):
            plain.append(found.plain)
        elif found.cuts and all(map(free, found.cuts)):
            cuts.update(found.cuts)
        else:
            continue
        repaired.append(f"{source[start:end]} is not a word here")
    if probed is not None:
        probe, alone = _probe(stack)
        for start, end in blocked(probe, source, probed, marked, runs, alone, _converting(stack), stack.longest_rule):
            if free(start) and not crosses_a_word(source, start, end):
                cuts.add(start)
                repaired.append(f"{source[start:end]} is a word here")
    span = plain[0] if plain else None  # one plain span per sentence: a second is rare, and cuts still apply
    return Repair(tuple(sorted(cut for cut in cuts if not (span and span[0] < cut < span[1]))), span), repaired


def _checked(stack: Stack, source: str, marked: str, software: bool,
             overruled: list[TermHit], probed: str | None) -> tuple[str, tuple[str, ...], list[int]]:
    """A sentence's conversion with every name or rare OpenCC phrase that is no word where it stands taken back,
    and every phrase an OpenCC phrase ran into that is a word where it stands given back; the notes of what was
    done, and the rules applied."""
    read = read_marks(stack, source, marked)
    notes: list[str] = []
    if read is not None:
        repair, repaired = _repair(stack, source, marked, *read, probed)
        if repair.cuts or repair.plain:
            before = strip_marks(marked)
            marked = _cut_conversion(stack, source, repair, overruled, _converting(stack))
            read = read_marks(stack, source, marked)
            if strip_marks(marked) != before:
                notes = [note_kinds.note(note_kinds.WORD_BOUNDARY, said) for said in repaired]
    if read is not None and stack.senses and senses.concerns(stack, source):
        marked = senses.decide(stack, source, marked, *read)
        read = read_marks(stack, source, marked)
    if read is not None and not stack.edition.plain and neighbours.concerns(source):
        marked, decided = _neighbours(stack, source, marked, read[1])
        notes += decided
    rules = [use.rule for use in read[0]] if read is not None else [rule_index(mark) for mark in MARKS.findall(marked)]
    for rule in rules:
        if software or not stack.table[rule].software:
            notes += stack.table[rule].notes
    return marked, tuple(dict.fromkeys(notes)), rules


def _neighbours(stack: Stack, source: str, marked: str, runs: list[tuple[int, int, int]]) -> tuple[str, list[str]]:
    """The characters that their neighbours decide (neighbours.py), in the runs of OpenCC's own text."""
    pieces, notes, cursor = [], [], 0
    for source_start, start, end in runs:
        text, found = neighbours.rewrite(source, source_start, marked[start:end], stack.edition.metre)
        pieces += [marked[cursor:start], text]
        notes += found
        cursor = end
    return "".join(pieces) + marked[cursor:], notes


def _standing(stack: Stack, segment: Segment, marked: str) -> list[tuple[TermHit, bool]]:
    """The segment's glossary hits that are the term in its sentence, each with whether OpenCC must be overruled
    to keep it.

    A term OpenCC took as a phrase of its own carries its mark in the conversion, where the term stands. Where
    a longer rule of the edition's layers took it (回归分析 for 回归), the desk's term wins. Where one of OpenCC's
    phrases ran across it (or a rule standing for one: 北回归线), the word segmenter decides: 轮回 in 生死轮回归于 and 乌云密布 in 乌云密布洛克曼 are
    words, so 回归 and 布洛克曼 are not there; 年谷 in 2014年谷歌 is not a word there, so 谷歌 is, and OpenCC is
    overruled."""
    if not segment.terms:
        return []
    read = read_marks(stack, segment.source, marked)
    applied = read[0] if read is not None else None
    if applied is None:  # positions unknown: a term whose mark is there at all stands
        present = {stack.table[rule_index(mark)].source for mark in MARKS.findall(marked)}
        applied = [Applied(stack.glossary[hit.entry.source], hit.start, hit.end) for hit in segment.terms
                   if hit.entry.source in present and hit.entry.source in stack.glossary]
    marked_at = {(use.start, use.end) for use in applied if stack.table[use.rule].glossary}
    layered = [(use.start, use.end) for use in applied
               if not stack.table[use.rule].glossary and not stack.table[use.rule].opencc_phrase]
    standing: list[tuple[TermHit, bool]] = []
    for hit in segment.terms:
        if hit.entry.source not in stack.glossary or (hit.start, hit.end) in marked_at:
            standing.append((hit, False))
        elif any(start < hit.end and hit.start < end for start, end in layered) or not crosses_a_word(
                segment.source, hit.start, hit.end):
            standing.append((hit, True))
    return standing


# Where the software vocabulary applies (docs/editions.md says how this was decided on the dev set, with its
# figures): in a text ("document": the whole document; "sentence": each sentence on its own) that holds at least
# SOFTWARE_TERMS different computing terms, at least SOFTWARE_DENSITY per 1,000 Han characters.
SOFTWARE_POLICY = "document"  # "document", "sentence", "never" or "always"
SOFTWARE_TERMS = 3
SOFTWARE_DENSITY = 8.0
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _software_text(stack: Stack, sources: Iterable[str], marked: Iterable[str]) -> bool:
    terms = [mark for mark in MARKS.findall("".join(marked)) if mark in stack.technical_marks]
    if len(set(terms)) < SOFTWARE_TERMS:
        return False
    han = len(_NOT_HAN.sub("", "".join(sources)))  # one pass, and no list of characters
    return len(terms) * 1000 >= SOFTWARE_DENSITY * max(han, 1)


def _about_software(stack: Stack, sources: list[str], marked: list[str]) -> list[bool]:
    """For each text of a document, whether it gets the software vocabulary: the computing terms the one
    conversion found (their marks) against its Han characters."""
    if SOFTWARE_POLICY in ("never", "always") or not stack.software_marks:
        return [SOFTWARE_POLICY == "always" and bool(stack.software_marks)] * len(sources)
    if SOFTWARE_POLICY == "sentence":
        return [_software_text(stack, [source], [text]) for source, text in zip(sources, marked, strict=True)]
    return [_software_text(stack, sources, marked)] * len(sources)


def about_software(text: str, edition: str) -> bool:
    """Whether a document gets the software vocabulary in an edition (each line a paragraph)."""
    stack = _stack(editions.get(edition).key, ())
    lines = text.split("\n")
    return any(_about_software(stack, lines, convert_many(_converting(stack), lines)))


def _converting(stack: Stack) -> Convert:
    converter = stack.converter
    return lambda text: converter.convert(text) if text else text


def _first_pass(stack: Stack, segments: list[Segment]) -> tuple[list[str], list[list[tuple[TermHit, bool]]]]:
    """The document's one conversion: each segment's marked text, and its standing glossary hits. A run asks
    twice for each document (where the terms are, then the edition's text): the second time, the conversion
    made the first time is taken again."""
    sources = tuple(segment.source for segment in segments)
    if sources not in stack.passes:
        stack.passes[sources] = convert_many(_converting(stack), list(sources))
        while len(stack.passes) > _PASSES_KEPT:
            del stack.passes[next(iter(stack.passes))]
    marked = stack.passes[sources]
    return marked, [_standing(stack, segment, text) for segment, text in zip(segments, marked, strict=True)]


def respect_boundaries(segments: list[Segment], edition: str = editions.DEFAULT,
                       phrases: Phrases | None = None) -> list[Segment]:
    """Drop the glossary hits that are not the term in their sentence (回归 in 生死轮回归于, 布洛克曼 in
    乌云密布洛克曼), so the Traditional variant, English drafts and QA agree on where the terms are.
    `phrases`: the glossary's (glossary_phrases); None: those of the terms the segments hold."""
    stack = _stack(editions.get(edition).key, _phrases_of(segments, edition, phrases))
    kept_segments = []
    for segment, standing in zip(segments, _first_pass(stack, _stood_in(segments)[0])[1], strict=True):
        terms = tuple(hit for hit, _ in standing)
        kept_segments.append(dataclasses.replace(segment, terms=terms) if terms != segment.terms else segment)
    return kept_segments


def unexplained_changes(source: str, converted: str, plain: str, phrases: Phrases) -> list[str]:
    """Numbers and Latin text the conversion lost or added that neither OpenCC's own dictionaries (its plain
    conversion makes the same change: 乙肝 → B肝, B超 → 超音波) nor a rule's rendering explain."""
    tokens = Counter(_KEPT_VERBATIM.findall(source))
    found = Counter(_KEPT_VERBATIM.findall(converted))
    by_opencc = Counter(_KEPT_VERBATIM.findall(plain))
    by_rules = Counter(token for pair in phrases for _ in range(max(1, source.count(pair[0])))
                       for text in pair for token in _KEPT_VERBATIM.findall(text))  # each time the rule stands
    lost = tokens - found - (tokens - by_opencc) - by_rules
    added = found - tokens - (by_opencc - tokens) - by_rules
    return list(lost.elements()) + [f"+{token}" for token in added.elements()]


@lru_cache(maxsize=16)
def _rules_with_tokens(region: str | None) -> tuple[tuple[str, str, str], ...]:
    """The layers' rules (source, rendering, OpenCC's text) that hold a number or Latin text."""
    return tuple((rule.source, rule.rendering, rule.plain) for rule in layers.rewrites(region)
                 if any(_KEPT_VERBATIM.search(text) for text in (rule.source, rule.rendering, rule.plain)))


def forget_built() -> None:
    """Forget every converter, probe and table built from the layers' rules, and the glossary terms' forms made with
    them, as a new process would: for a caller that changes the rules (a benchmark's candidate rules, a test)."""
    for built in (stacks._layered, _stack, _term_alone, _probe, _probe_of, _deciding, _placed, _rules_with_tokens,
                  term_forms.kept):
        built.cache_clear()


def verbatim_kept_by_line(sources: str, texts: str) -> bool:
    """Whether each line of `texts` has the numbers and Latin text of the same line of `sources`, in order: where
    it does, changed_verbatim finds nothing in any of them. One search of each for a whole document."""
    return _KEPT_VERBATIM_BY_LINE.findall(sources) == _KEPT_VERBATIM_BY_LINE.findall(texts)


def changed_verbatim(segment: Segment, text: str, edition: str) -> list[str]:
    """Numbers and Latin text a Traditional text of the segment lost or added (`+OpenAI`) that neither OpenCC's own
    dictionaries nor a rule of the edition that stands in the sentence (a layer's, a glossary term's) accounts for."""
    if _KEPT_VERBATIM.findall(segment.source) == _KEPT_VERBATIM.findall(text):
        return []
    row = editions.get(edition)
    rules = [rule for rule in _rules_with_tokens(row.region) if rule[0] in segment.source]
    rules += [(hit.entry.source, term_rendering(hit.entry, edition)) for hit in segment.terms]
    return unexplained_changes(segment.source, text, convert(segment.source, row.opencc), tuple(rules))


@dataclass
class _Converted:
    texts: list[str]
    notes: list[tuple[str, ...]]
    rules: list[list[int]]  # the rules applied in each text


def _stood_in(segments: list[Segment]) -> tuple[list[Segment], list[list[str]] | None]:
    """The segments with each character of the marks' private-use planes in their text stood in for, as the marks
    of the conversion would be read as rules (a source's U+F0001 came out as some rule's rendering, U+F2FF7 ended
    the run with an IndexError); and per segment the characters its stand-ins are, in order (None: there were none)."""
    if not any(MARKS.search(segment.source) for segment in segments):
        return segments, None
    stood, kept = [], []
    for segment in segments:
        chars = [char for char in segment.source if char == _STAND_IN or MARKS.fullmatch(char)]
        stood.append(dataclasses.replace(segment, source=MARKS.sub(_STAND_IN, segment.source)) if chars else segment)
        kept.append(chars)
    return stood, kept


def _restored(text: str, chars: list[str]) -> str:
    """A converted text with its stand-ins given back their characters (OpenCC and the layers keep each in place)."""
    pieces = text.split(_STAND_IN)
    return "".join(piece + char for piece, char in zip(pieces, [*chars, ""], strict=True)) if chars else text


def _convert_segments(stack: Stack, segments: list[Segment], quotes: bool = True) -> _Converted:
    """A document's segments in the edition, in document order, with each one's notes: one conversion, then the
    segments where OpenCC must be overruled on a glossary term cut around it, the rules that are no word where
    they stand taken back, and the quotation marks of each paragraph."""
    segments, kept = _stood_in(segments)
    marked, standing = _first_pass(stack, segments)
    software = _about_software(stack, [segment.source for segment in segments], marked)
    convert_text = _converting(stack)
    sources = [segment.source for segment in segments]
    probed = [None] * len(segments) if stack.edition.plain else convert_many(_probe(stack)[0].convert, sources)
    texts, notes, rules = [], [], []
    for segment, text, hits, technical, probe in zip(segments, marked, standing, software, probed, strict=True):
        overruled = [hit for hit, overrule in hits if overrule]
        if overruled:
            text = _cut_conversion(stack, segment.source, Repair(), overruled, convert_text)
        text, found, used = _checked(stack, segment.source, text, technical, overruled, probe)
        texts.append(_unmarked(stack, text, technical))
        notes.append(found)
        rules.append(used)
    style = stack.edition.quotes
    if quotes and style is not None:
        for start, end in quoted_paragraphs(texts, [segment.paragraph for segment in segments]):
            requoted, changed = requote(texts[start:end], style)
            texts[start:end] = requoted
            for i, marks in enumerate(changed, start):
                if marks:
                    notes[i] = (*notes[i], note_kinds.note(note_kinds.PUNCTUATION, ", ".join(marks)))
    if kept is not None:
        texts = [_restored(text, chars) for text, chars in zip(texts, kept, strict=True)]
    return _Converted(texts, notes, rules)


def _lines(text: str) -> list[Segment]:
    """A text's lines as segments of their own paragraphs, without glossary terms."""
    return [Segment(str(number), number, 1, Part.BODY, number, line) for number, line in enumerate(text.split("\n"))]


def convert_text(text: str, edition: str, quotes: bool = True) -> str:
    """One article's text in an edition, every layer but the desk's glossary: the Python entry point for one
    text. Each line is a paragraph; a quotation may run across sentences of a paragraph."""
    return "\n".join(_convert_segments(_stack(editions.get(edition).key, ()), _lines(text), quotes).texts)


def regional_forms(source: str, edition: str) -> list[tuple[str, str, str]]:
    """The layers' rewrites in a sentence converted on its own, without the glossary: (the Simplified form, the
    edition's rendering, the mainland form as plain OpenCC writes it), e.g. (特朗普, 川普, 特朗普) in Taiwan."""
    row = editions.get(edition)
    stack = _stack(row.key, ())
    converted = _convert_segments(stack, _lines(source), quotes=False)
    rules = [stack.table[index] for index in dict.fromkeys(converted.rules[0]) if stack.table[index].notes]
    plain = convert_many(plain_converter(row.opencc).convert, [rule.source for rule in rules])
    return [(rule.source, rule.rendering, mainland) for rule, mainland in zip(rules, plain, strict=True)]


def origin(edition: str) -> str:
    """How an edition's texts are made, for the catalog's X-L10n-Origin header."""
    row = editions.get(edition)
    layered = "" if row.plain else f", layers data {layers.signature()}"
    return f"l10n edition {row.key}: OpenCC {opencc_version()} {row.opencc}{layered}"


def traditional_variant(segments: list[Segment], edition: str = editions.DEFAULT,
                        phrases: Phrases | None = None) -> Target:
    """Every segment converted, with the notes of what the layers changed. (A conversion that changes numbers or
    Latin text is the QA check variant-changed's: changed_verbatim.) `phrases` as for respect_boundaries."""
    row = editions.get(edition)
    converted = _convert_segments(_stack(row.key, _phrases_of(segments, edition, phrases)), segments)
    notes = {segment.id: found for segment, found in zip(segments, converted.notes, strict=True) if found}
    return Target(row.locale, {segment.id: text for segment, text in zip(segments, converted.texts, strict=True)},
                  origin(row.key), notes)
