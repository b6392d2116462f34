"""Simplified → an edition's Traditional text: OpenCC with the edition's layers and the desk's glossary in its own
segmentation, one converter per edition and glossary, one conversion pass per document.

The layers (editions.py names them, layers.py reads their data) go into OpenCC as phrase dictionaries beside its
own, in a configuration derived from the edition's base one (s2tw, s2hk, s2t): regional vocabulary and names,
the glossary's terms, and OpenCC's own character-deciding phrases that are no common word by themselves. OpenCC
segments left to right by longest match, so a rule wins where it is the longest phrase starting at its position;
on equal length the glossary wins, then a name, then vocabulary. Later steps of OpenCC's chain (regional variant
characters) leave a rule's rendering alone. Each rendering carries an invisible mark (a private-use character)
naming its rule, so what was applied is read back from the one conversion, for the reviewer's notes, and then
removed.

Where a rule's phrase runs across a word of the sentence (jieba's dictionary, no guessed words), it is not that
phrase there, and the sentence is converted again cut at the words' edges: 加纳 (Ghana) in 增加纳税, OpenCC's 年谷
(harvest) in 2024年谷歌, 并为 (merge into) in 并为客户. Glossary terms have their own arbitration (the term stands
where OpenCC's conversion keeps it, or where no word runs across it): 生死轮回归于 stays 輪迴歸於 although the
glossary writes 回归 as 回歸 (轮回 is a word), and in 乌云密布洛克曼 the idiom 乌云密布 keeps its 布 from the name
布洛克曼; a term that stands comes out exactly as its override (or, without one, as the edition converts the term
on its own). Quotation marks come last (quotes.py), across the sentences of each paragraph.
"""
from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import editions, layers
from .editions import Edition
from .model import GlossaryEntry, Part, Segment, Target, TermHit
from .quotes import requote
from .words import dictionary_words, is_name, is_word

_KEPT_VERBATIM = re.compile(r"[0-9A-Za-z]+(?:[.,%][0-9A-Za-z]+)*%?")
# OpenCC's text dictionaries separate key and value by a tab and alternatives by spaces.
_DICTIONARY_UNSAFE = re.compile(r"\s")
# A rule's mark: one private-use character (planes 15 and 16), which OpenCC copies like any unknown character.
_MARK_BASE = 0xF0000
_MARKS = re.compile("[\U000F0000-\U000FFFFD\U00100000-\U0010FFFD]")
_MARK_SLOTS = 0xFFFFD - 0xF0000 + 1
# How far around a phrase the word check looks, in characters: jieba's words are rarely longer.
_WORD_REACH = 5
_PASSES_KEPT = 64  # documents whose conversion a stack keeps: a run's chunk in flight is 8

Phrases = tuple[tuple[str, str], ...]  # (Simplified term, its Traditional form), sorted
Convert = Callable[[str], str]

GLOSSARY = "glossary"
_PHRASE_CHECK = "word boundary"


def _mark(index: int) -> str:
    return chr(_MARK_BASE + index if index < _MARK_SLOTS else 0x100000 + index - _MARK_SLOTS)


def _index(mark: str) -> int:
    code = ord(mark)
    return code - _MARK_BASE if code < 0x100000 else code - 0x100000 + _MARK_SLOTS


def strip_marks(text: str) -> str:
    return _MARKS.sub("", text)


def _latin_edge(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _unmarked(stack: "_Stack", marked: str, software: bool) -> str:
    """The text without its marks, with the software renderings where it is about software, and a space kept
    between a rendering in Latin letters and Latin text beside it (谷歌DeepMind in Taiwan: Google DeepMind)."""
    rules = [stack.table[_index(mark)] for mark in _MARKS.findall(marked)]
    if not any(rule.latin or (software and rule.software) for rule in rules):
        return strip_marks(marked)
    pieces, cursor = [], 0
    for match, rule in zip(_MARKS.finditer(marked), rules, strict=True):
        pieces.append(marked[cursor:match.start()])
        cursor = match.end() + len(rule.rendering)
        rendering = rule.software if software and rule.software else rule.rendering
        if rule.latin:
            before = strip_marks("".join(pieces))[-1:]
            after = strip_marks(marked[cursor:cursor + 2])[:1]
            rendering = (" " if before and _latin_edge(before) and _latin_edge(rendering[0]) else "") + rendering \
                + (" " if after and _latin_edge(after) and _latin_edge(rendering[-1]) else "")
        pieces.append(rendering)
    pieces.append(marked[cursor:])
    return strip_marks("".join(pieces))


def hant_locale(edition: str) -> str:
    return editions.get(edition).locale


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def opencc_version() -> str:
    import opencc

    return opencc.__version__


def convert(text: str, config: str) -> str:
    """OpenCC's own conversion with one of its configurations (s2t, s2tw, s2twp, s2hk, s2hkp), nothing else."""
    editions.get(f"plain-{config}")
    return _converter(config).convert(text) if text else text


def _shipped_config(config: str) -> tuple[dict, Path]:
    import opencc

    folder = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    return json.loads((folder / f"{config}.json").read_text(encoding="utf-8")), folder


def _anchor_files(node, folder: Path) -> None:
    """Dictionary file names in the shipped config are relative to its folder; ours lives elsewhere."""
    if isinstance(node, dict):
        if "file" in node:
            node["file"] = str(folder / node["file"])
        for value in node.values():
            _anchor_files(value, folder)
    elif isinstance(node, list):
        for value in node:
            _anchor_files(value, folder)


def _first_in(ours: dict, dictionary: dict) -> dict:
    # "union" takes the longest match of either dictionary and, on a tie, the first one: ours.
    return {"type": "group", "match_policy": "union", "dicts": [ours, dictionary]}


def _write_dictionary(path: Path, pairs) -> dict:
    path.write_text("".join(f"{key}\t{value}\n" for key, value in pairs), encoding="utf-8")
    return {"type": "text", "file": str(path)}


@dataclass(frozen=True)
class _Rule:
    """One row of an edition's table; its mark is its position there."""

    source: str
    rendering: str
    notes: tuple[str, ...]  # the reviewer's notes when it is applied
    name: bool = False  # a name, which overrules one of OpenCC's phrases that runs into it
    glossary: bool = False  # the desk's: arbitrated apart (_standing), never checked
    software: str | None = None  # its rendering where the text is about software (程序 → 程式); rendering is OpenCC's
    technical: bool = False  # a computing phrase: counts toward a text being about software

    @property
    def latin(self) -> bool:
        """Whether its rendering begins or ends in Latin letters (谷歌 → Google) where its source does not."""
        return (_latin_edge(self.rendering[:1]) or _latin_edge(self.rendering[-1:])) and not self.source.isascii()


class _UsualCharacters(dict):
    """Each character's conversion on its own, for str.translate: where OpenCC wrote another, a phrase decided it."""

    def __init__(self, convert_text: Convert):
        super().__init__()
        self.convert_text = convert_text

    def __missing__(self, code: int) -> str:
        self[code] = self.convert_text(chr(code))
        return self[code]


class _Stack:
    """An edition with one glossary: its rules, its converter, and what the word checks need (OpenCC's rare
    phrases, the names that are known)."""

    def __init__(self, edition: Edition, phrases: Phrases):
        self.edition = edition
        self.table: list[_Rule] = []
        self.glossary: dict[str, int] = {}  # term → its rule
        self.rules: dict[str, int] = {}  # source → its rule
        for rewrite in [] if edition.plain else layers.rewrites(edition.region):
            notes = (f"{rewrite.layer}: {rewrite.source} → {rewrite.rendering}",) if rewrite.changes else ()
            if rewrite.context == "software":  # OpenCC's text unless the text is about software
                rule = _Rule(rewrite.source, rewrite.plain, notes, software=rewrite.rendering,
                             technical=rewrite.technical)
            else:
                rule = _Rule(rewrite.source, rewrite.rendering, notes, name=rewrite.layer == layers.NAME,
                             technical=rewrite.technical)
            self._add(rule)
        for source, rendering in phrases:  # the glossary last: it replaces a rule for the same phrase
            self.glossary[source] = len(self.table)
            self._add(_Rule(source, rendering, _glossary_notes(source, rendering, edition), glossary=True))
        self._converter = None
        self.phrases = frozenset(() if edition.plain else layers.phrase_checks())
        self.phrase_lengths = sorted({len(phrase) for phrase in self.phrases}, reverse=True)
        self.names = frozenset(() if edition.plain else (*layers.known_names(),
                                                          *(rule.source for rule in self.table if rule.name)))
        self.name_lengths = sorted({len(name) for name in self.names}, reverse=True)
        self._usual: _UsualCharacters | None = None
        self.passes: dict[tuple[str, ...], tuple[str, list[str]]] = {}  # _first_pass's, oldest first

    def _add(self, rule: _Rule) -> None:
        self.rules[rule.source] = len(self.table)
        self.table.append(rule)

    @property
    def converter(self):
        """OpenCC with the rules, built when first used."""
        if self._converter is None:
            self._converter = _build(self.edition, self.table, self.rules)
        return self._converter

    @property
    def usual(self) -> _UsualCharacters:
        if self._usual is None:
            self._usual = _UsualCharacters(self.converter.convert)
        return self._usual

    def mark(self, term: str) -> str:
        """A glossary term's rendering as the converter writes it."""
        index = self.glossary[term]
        return _mark(index) + self.table[index].rendering


def _glossary_notes(source: str, rendering: str, edition: Edition) -> tuple[str, ...]:
    """A term without an override is the edition's own conversion of it: the layers' notes say what they did.
    (An override has its glossary note already, from the term itself.)"""
    if edition.plain:
        return ()
    alone = _convert_segments(_stack(edition.key, ()), _lines(source), quotes=False)
    return alone.notes[0] if alone.texts[0] == rendering else ()


def _build(edition: Edition, table: list[_Rule], rules: dict[str, int]):
    """OpenCC with the rules in its segmentation and first step, and kept by its later steps."""
    import opencc

    settings, folder = _shipped_config(edition.opencc)
    if not rules and not layers.characters(edition.region):
        return _converter(edition.opencc)
    _anchor_files(settings, folder)
    with tempfile.TemporaryDirectory(prefix="l10n-opencc-") as work:  # OpenCC reads everything when built
        ours = _write_dictionary(Path(work) / "rules.txt",
                                 sorted((source, _mark(index) + table[index].rendering)
                                        for source, index in rules.items()))
        kept_values = sorted({_mark(index) + table[index].rendering for index in rules.values()})
        kept = _write_dictionary(Path(work) / "kept.txt", ((value, value) for value in kept_values))
        first, *later = settings["conversion_chain"]
        first["dict"] = _first_in(ours, first["dict"])
        if "segmentation" in settings:
            settings["segmentation"]["dict"] = _first_in(ours, settings["segmentation"]["dict"])
        else:  # s2t segments with its conversion dictionary
            settings["segmentation"] = {"type": "mmseg", "dict": first["dict"]}
        for step in later:
            step["dict"] = _first_in(kept, step["dict"])
        regional = layers.characters(edition.region)
        if regional:
            characters = _write_dictionary(Path(work) / "characters.txt", regional)
            if later:
                last = later[-1]["dict"]["dicts"]
                last[1] = {"type": "group", "match_policy": "short_circuit", "dicts": [characters, last[1]]}
            else:
                settings["conversion_chain"].append({"dict": _first_in(kept, characters)})
        path = Path(work) / f"{edition.key}.json"
        path.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(path))


@lru_cache(maxsize=32)
def _stack(edition: str, phrases: Phrases) -> _Stack:
    return _Stack(editions.get(edition), phrases)


def term_rendering(entry: GlossaryEntry, edition: str) -> str:
    """A glossary term's form in an edition: the desk's override for it, or the edition's conversion of the term."""
    row = editions.get(edition)
    return entry.traditional_for(row.glossary_column) or _term_alone(entry.source, row.key)


@lru_cache(maxsize=4096)
def _term_alone(source: str, edition: str) -> str:
    return convert_text(source, edition, quotes=False)


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
    return tuple(sorted(phrases.items()))


def _phrases_of(segments: list[Segment], edition: str, phrases: Phrases | None) -> Phrases:
    """The phrases given, or those of the terms the segments hold."""
    if phrases is not None:
        return phrases
    return glossary_phrases({hit.entry.source: hit.entry for s in segments for hit in s.terms}.values(), edition)


def _crosses_a_word(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word (jieba's, without guessing new words) runs across an edge of text[start:end]."""
    for _, word_start, word_end in dictionary_words(text):
        if word_start < start < word_end or word_start < end < word_end:
            return True
    return False


def _may_cross(text: str, start: int, end: int) -> bool:
    """Whether any dictionary word could run across an edge of text[start:end]: a few look-ups, where jieba's
    segmentation of the sentence costs a hundred times more."""
    for edge in (start, end):
        if 0 < edge < len(text):
            for word_start in range(max(0, edge - _WORD_REACH + 1), edge):
                for word_end in range(edge + 1, min(len(text), word_start + _WORD_REACH) + 1):
                    if is_word(text[word_start:word_end]):
                        return True
    return False


@dataclass(frozen=True)
class _Repair:
    cuts: tuple[int, ...] = ()  # convert the sentence in pieces cut here
    plain: tuple[int, int] | None = None  # convert this span with OpenCC alone: a word the rule lies inside


def _word_check(text: str, start: int, end: int, phrase: bool) -> _Repair | None:
    low, high = max(0, start - 2 * _WORD_REACH), min(len(text), end + 2 * _WORD_REACH)
    found = _window_check(text[low:high], start - low, end - low, phrase)
    if found is None:
        return None
    return _Repair(tuple(cut + low for cut in found.cuts), found.plain and (found.plain[0] + low, found.plain[1] + low))


@lru_cache(maxsize=65536)  # news repeats its phrases in the same few contexts
def _window_check(text: str, start: int, end: int, phrase: bool) -> _Repair | None:
    """How to take a rule back where text[start:end] is not a word of the sentence (jieba's dictionary words
    around it), or None where it is. A word running across an edge (增加纳税 for 加纳): cut where the sentence's
    words meet inside the phrase, or, when a rule of ours lies inside a longer name (格拉斯 in 格拉斯哥), convert
    that name with OpenCC alone.
    One of OpenCC's phrases that is a (rare) dictionary word is also taken back where the sentence splits it
    (并为 in 并为客户); a name jieba does not know (扎克伯格) is split into pieces by it and still stands."""
    is_known = phrase and is_word(text[start:end])
    if not _may_cross(text, start, end) and not is_known:
        return None
    words = [(word_start, word_end) for _, word_start, word_end in dictionary_words(text)]
    crossing = [word for word in words if word[0] < start < word[1] or word[0] < end < word[1]]
    inner = tuple(sorted({edge for word in words for edge in word if start < edge < end}))
    if crossing and inner or (inner and is_known):
        return _Repair(cuts=inner)
    if crossing and not phrase and any(is_name(text[word[0]:word[1]]) for word in crossing):
        return _Repair(plain=(min(word[0] for word in crossing), max(word[1] for word in crossing)))
    return None  # inside a longer common word, a rule is part of it (乙肝 in 乙肝病毒), as OpenCC's phrases are


def _names_run_into(stack: _Stack, text: str, start: int, end: int) -> tuple[int, ...]:
    """Where a known name starts or ends inside text[start:end], one of OpenCC's phrases: 谷歌 in 2024年谷歌,
    which OpenCC's 年谷 (harvest) took the start of."""
    cuts = set()
    for inside in range(start + 1, end):
        for length in stack.name_lengths:
            if inside + length > end and text[inside:inside + length] in stack.names:
                cuts.add(inside)
            if inside - length < start and text[max(0, inside - length):inside] in stack.names:
                cuts.add(inside)
    return tuple(sorted(cuts))


def _opencc_phrases(stack: _Stack, source: str, marked: str, runs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Where one of OpenCC's rare phrases decided a character: a character OpenCC wrote otherwise than on its own
    (年谷 → 年穀, where 谷 alone is 谷), inside a phrase of the checked list."""
    spans: list[tuple[int, int]] = []
    for source_start, output_start, output_end in runs:
        written = marked[output_start:output_end]
        usual = source[source_start:source_start + len(written)].translate(stack.usual)
        if written == usual:
            continue
        for offset, (char, alone) in enumerate(zip(written, usual)):
            if char == alone or any(start <= source_start + offset < end for start, end in spans):
                continue
            position = source_start + offset
            span = next(((start, start + length) for length in stack.phrase_lengths
                         for start in range(max(0, position - length + 1), position + 1)
                         if source[start:start + length] in stack.phrases), None)
            if span is not None:
                spans.append(span)
    return spans


def _convert_many(convert_text: Convert, texts: list[str]) -> list[str]:
    """Many texts in one OpenCC call, joined by a line break: a call costs about as much as converting a
    sentence, and no OpenCC phrase holds a line break, so no conversion runs across one."""
    if not texts or any("\n" in text for text in texts):
        return [convert_text(text) if text else text for text in texts]
    return convert_text("\n".join(texts)).split("\n")


@dataclass(frozen=True)
class _Applied:
    rule: int
    start: int  # in the source
    end: int


def _read_marks(stack: _Stack, source: str, marked: str) -> tuple[list[_Applied], list[tuple[int, int, int]]] | None:
    """The rules a conversion applied, with where each stands in the source, and the runs between them as (source
    start, conversion start, conversion end); None when the conversion does not keep the source's length outside
    the rules (then nothing is checked)."""
    applied, runs = [], []
    position = 0  # in the source
    cursor = 0  # in the conversion
    for match in _MARKS.finditer(marked):
        if match.start() > cursor:
            runs.append((position, cursor, match.start()))
        position += match.start() - cursor
        rule = stack.table[_index(match.group())]
        applied.append(_Applied(_index(match.group()), position, position + len(rule.source)))
        position += len(rule.source)
        cursor = match.end() + len(rule.rendering)
    if len(marked) > cursor:
        runs.append((position, cursor, len(marked)))
    position += len(marked) - cursor
    return (applied, runs) if position == len(source) else None


def _cut_conversion(stack: _Stack, source: str, repair: _Repair, overruled: list[TermHit],
                    convert_text: Convert) -> str:
    """The source converted in pieces cut at the repair's cuts, its plain span with OpenCC alone, each overruled
    glossary term as its rendering."""
    terms = {(hit.start, hit.end): hit.entry.source for hit in overruled}
    plain = set(repair.plain and [repair.plain] or [])
    edges = sorted({0, len(source), *repair.cuts, *(edge for span in (*terms, *plain) for edge in span)})
    base = _converter(stack.edition.opencc).convert
    return "".join(stack.mark(terms[start, end]) if (start, end) in terms
                   else base(source[start:end]) if (start, end) in plain else convert_text(source[start:end])
                   for start, end in zip(edges, edges[1:]))


def _repair(stack: _Stack, source: str, marked: str, applied: list[_Applied],
            runs: list[tuple[int, int, int]]) -> tuple[_Repair, list[str]]:
    """One repair for the whole sentence, from every name and rare OpenCC phrase that is no word where it stands."""
    terms = [(use.start, use.end) for use in applied if stack.table[use.rule].glossary]

    def free(cut: int) -> bool:  # the glossary always wins: nothing cuts into a term
        return not any(start < cut < end for start, end in terms)

    checked = [(use.start, use.end, False) for use in applied if not stack.table[use.rule].glossary]
    checked += [(start, end, True) for start, end in _opencc_phrases(stack, source, marked, runs)]
    cuts: set[int] = set()
    plain: list[tuple[int, int]] = []
    repaired: list[str] = []
    for start, end, phrase in checked:
        found = _word_check(source, start, end, phrase)
        if phrase and not found:
            runs_into = [cut for cut in _names_run_into(stack, source, start, end) if free(cut)]
            found = _Repair(cuts=tuple(runs_into)) if runs_into else None
        if found is None:
            continue
        if found.plain and all(free(edge) for edge in found.plain) and not any(
                start < found.plain[1] and found.plain[0] < end for start, end in terms):
            plain.append(found.plain)
        elif found.cuts and all(map(free, found.cuts)):
            cuts.update(found.cuts)
        else:
            continue
        repaired.append(source[start:end])
    span = plain[0] if plain else None  # one plain span per sentence: a second is rare, and cuts still apply
    return _Repair(tuple(sorted(cut for cut in cuts if not (span and span[0] < cut < span[1]))), span), repaired


def _checked(stack: _Stack, source: str, marked: str, software: bool,
             overruled: list[TermHit]) -> tuple[str, tuple[str, ...], list[int]]:
    """A sentence's conversion with every name or rare OpenCC phrase that is no word where it stands taken back;
    the notes of what was done, and the rules applied."""
    read = _read_marks(stack, source, marked)
    notes: list[str] = []
    if read is not None:
        repair, repaired = _repair(stack, source, marked, *read)
        if repair.cuts or repair.plain:
            before = strip_marks(marked)
            marked = _cut_conversion(stack, source, repair, overruled, _converting(stack))
            read = _read_marks(stack, source, marked)
            if strip_marks(marked) != before:
                notes = [f"{_PHRASE_CHECK}: {phrase} is not a word here" for phrase in repaired]
    rules = [use.rule for use in read[0]] if read is not None else [_index(mark) for mark in _MARKS.findall(marked)]
    for rule in rules:
        if software or not stack.table[rule].software:
            notes += stack.table[rule].notes
    return marked, tuple(dict.fromkeys(notes)), rules


def _standing(stack: _Stack, segment: Segment, marked: str) -> list[tuple[TermHit, bool]]:
    """The segment's glossary hits that are the term in its sentence, each with whether OpenCC must be overruled
    to keep it.

    A term OpenCC took as a phrase of its own carries its mark in the conversion, where the term stands. Where
    a longer rule of the edition's layers took it (回归分析 for 回归), the desk's term wins. Where one of OpenCC's
    phrases ran across it, the word segmenter decides: 轮回 in 生死轮回归于 and 乌云密布 in 乌云密布洛克曼 are
    words, so 回归 and 布洛克曼 are not there; 年谷 in 2014年谷歌 is not a word there, so 谷歌 is, and OpenCC is
    overruled."""
    read = _read_marks(stack, segment.source, marked)
    applied = read[0] if read is not None else None
    if applied is None:  # positions unknown: a term whose mark is there at all stands
        present = {stack.table[_index(mark)].source for mark in _MARKS.findall(marked)}
        applied = [_Applied(stack.glossary[hit.entry.source], hit.start, hit.end) for hit in segment.terms
                   if hit.entry.source in present and hit.entry.source in stack.glossary]
    marked_at = {(use.start, use.end) for use in applied if stack.table[use.rule].glossary}
    layered = [(use.start, use.end) for use in applied if not stack.table[use.rule].glossary]
    standing: list[tuple[TermHit, bool]] = []
    for hit in segment.terms:
        if hit.entry.source not in stack.glossary or (hit.start, hit.end) in marked_at:
            standing.append((hit, False))
        elif any(start < hit.end and hit.start < end for start, end in layered) or not _crosses_a_word(
                segment.source, hit.start, hit.end):
            standing.append((hit, True))
    return standing


# Where the software vocabulary applies (docs/editions.md says how this was decided on the dev set, with its
# figures): in a text ("document": the whole document; "sentence": each sentence on its own) that holds at least
# SOFTWARE_TERMS different computing terms, at least SOFTWARE_DENSITY per 1,000 Han characters.
SOFTWARE_POLICY = "document"  # "document", "sentence", "never" or "always"
SOFTWARE_TERMS = 3
SOFTWARE_DENSITY = 8.0
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _technical(stack: _Stack, marked: str) -> list[int]:
    return [rule for rule in map(_index, _MARKS.findall(marked)) if stack.table[rule].technical]


def _software_text(stack: _Stack, sources: Iterable[str], marked: Iterable[str]) -> bool:
    terms = [rule for text in marked for rule in _technical(stack, text)]
    han = sum(len(_HAN.findall(source)) for source in sources)
    return len(set(terms)) >= SOFTWARE_TERMS and len(terms) * 1000 >= SOFTWARE_DENSITY * max(han, 1)


def _about_software(stack: _Stack, sources: list[str], marked: list[str]) -> list[bool]:
    """For each text of a document, whether it gets the software vocabulary: the computing terms the one
    conversion found (their marks) against its Han characters."""
    if SOFTWARE_POLICY in ("never", "always") or not any(rule.software for rule in stack.table):
        return [SOFTWARE_POLICY == "always" and any(rule.software for rule in stack.table)] * len(sources)
    if SOFTWARE_POLICY == "sentence":
        return [_software_text(stack, [source], [text]) for source, text in zip(sources, marked, strict=True)]
    return [_software_text(stack, sources, marked)] * len(sources)


def about_software(text: str, edition: str) -> bool:
    """Whether a document gets the software vocabulary in an edition (each line a paragraph)."""
    stack = _stack(editions.get(edition).key, ())
    lines = text.split("\n")
    return any(_about_software(stack, lines, _convert_many(_converting(stack), lines)))


def _converting(stack: _Stack) -> Convert:
    converter = stack.converter
    return lambda text: converter.convert(text) if text else text


def _first_pass(stack: _Stack, segments: list[Segment]) -> tuple[list[str], list[list[tuple[TermHit, bool]]]]:
    """The document's one conversion: each segment's marked text, and its standing glossary hits. A run asks
    twice for each document (where the terms are, then the edition's text): the second time, the conversion
    made the first time is taken again."""
    sources = tuple(segment.source for segment in segments)
    if sources not in stack.passes:
        stack.passes[sources] = _convert_many(_converting(stack), list(sources))
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
    for segment, standing in zip(segments, _first_pass(stack, segments)[1], strict=True):
        terms = tuple(hit for hit, _ in standing)
        kept_segments.append(dataclasses.replace(segment, terms=terms) if terms != segment.terms else segment)
    return kept_segments


def unexplained_changes(source: str, converted: str, plain: str, phrases: Phrases) -> list[str]:
    """Numbers and Latin text the conversion lost or added that neither OpenCC's own dictionaries (its plain
    conversion makes the same change: 乙肝 → B肝, B超 → 超音波) nor a rule's rendering explain."""
    tokens = Counter(_KEPT_VERBATIM.findall(source))
    found = Counter(_KEPT_VERBATIM.findall(converted))
    by_opencc = Counter(_KEPT_VERBATIM.findall(plain))
    by_rules = Counter(token for pair in phrases for text in pair for token in _KEPT_VERBATIM.findall(text))
    lost = tokens - found - (tokens - by_opencc) - by_rules
    added = found - tokens - (by_opencc - tokens) - by_rules
    return list(lost.elements()) + [f"+{token}" for token in added.elements()]


@dataclass
class _Converted:
    texts: list[str]
    notes: list[tuple[str, ...]]
    rules: list[list[int]]  # the rules applied in each text


def _convert_segments(stack: _Stack, segments: list[Segment], quotes: bool = True) -> _Converted:
    """A document's segments in the edition, in document order, with each one's notes: one conversion, then the
    segments where OpenCC must be overruled on a glossary term cut around it, the rules that are no word where
    they stand taken back, and the quotation marks of each paragraph."""
    marked, standing = _first_pass(stack, segments)
    software = _about_software(stack, [segment.source for segment in segments], marked)
    convert_text = _converting(stack)
    texts, notes, rules = [], [], []
    for segment, text, hits, technical in zip(segments, marked, standing, software, strict=True):
        overruled = [hit for hit, overrule in hits if overrule]
        if overruled:
            text = _cut_conversion(stack, segment.source, _Repair(), overruled, convert_text)
        text, found, used = _checked(stack, segment.source, text, technical, overruled)
        texts.append(_unmarked(stack, text, technical))
        notes.append(found)
        rules.append(used)
    style = stack.edition.quotes
    if quotes and style is not None:
        start = 0
        while start < len(texts):
            end = start + 1
            while end < len(texts) and segments[end].paragraph == segments[start].paragraph:
                end += 1
            requoted, changed = requote(texts[start:end], style)
            texts[start:end] = requoted
            for i, marks in enumerate(changed, start):
                if marks:
                    notes[i] = (*notes[i], f"punctuation: {', '.join(marks)}")
            start = end
    return _Converted(texts, notes, rules)


def _lines(text: str) -> list[Segment]:
    """A text's lines as segments of their own paragraphs, without glossary terms."""
    return [Segment(str(number), number, 1, Part.BODY, number, line) for number, line in enumerate(text.split("\n"))]


def convert_text(text: str, edition: str, quotes: bool = True) -> str:
    """A text in an edition, every layer but the glossary; each line is a paragraph."""
    return "\n".join(_convert_segments(_stack(editions.get(edition).key, ()), _lines(text), quotes).texts)


def regional_forms(source: str, edition: str) -> list[tuple[str, str, str]]:
    """The layers' rewrites in a sentence converted on its own, without the glossary: (the Simplified form, the
    edition's rendering, the mainland form as plain OpenCC writes it), e.g. (特朗普, 川普, 特朗普) in Taiwan."""
    row = editions.get(edition)
    stack = _stack(row.key, ())
    converted = _convert_segments(stack, _lines(source), quotes=False)
    rules = [stack.table[index] for index in dict.fromkeys(converted.rules[0]) if stack.table[index].notes]
    plain = _convert_many(_converter(row.opencc).convert, [rule.source for rule in rules])
    return [(rule.source, rule.rendering, mainland) for rule, mainland in zip(rules, plain, strict=True)]


def origin(edition: str) -> str:
    """How an edition's texts are made, for the catalog's X-L10n-Origin header."""
    row = editions.get(edition)
    layered = "" if row.plain else f", layers data {layers.signature()}"
    return f"l10n edition {row.key}: OpenCC {opencc_version()} {row.opencc}{layered}"


def traditional_variant(segments: list[Segment], edition: str = editions.DEFAULT,
                        phrases: Phrases | None = None) -> Target:
    """Every segment converted. A conversion that changes numbers or Latin text in a way OpenCC's own
    dictionaries and the rules do not account for keeps its text and gets a QA warning for the reviewer.
    `phrases` as for respect_boundaries."""
    row = editions.get(edition)
    phrases = _phrases_of(segments, edition, phrases)
    stack = _stack(row.key, phrases)
    converted_texts = _convert_segments(stack, segments)
    texts = converted_texts.texts
    notes: dict[str, tuple[str, ...]] = {}
    for segment, converted, segment_notes, used in zip(segments, texts, converted_texts.notes,
                                                        converted_texts.rules, strict=True):
        if _KEPT_VERBATIM.findall(segment.source) != _KEPT_VERBATIM.findall(converted):
            rules = tuple((stack.table[rule].source, stack.table[rule].rendering) for rule in used)
            changed = unexplained_changes(segment.source, converted, convert(segment.source, row.opencc), rules)
            if changed:
                segment_notes = (*segment_notes, f"QA warning: the conversion changed numbers or Latin text "
                                                 f"({' '.join(changed[:3])}); check this entry [variant-changed]")
        if segment_notes:
            notes[segment.id] = segment_notes
    return Target(row.locale, {segment.id: text for segment, text in zip(segments, texts, strict=True)},
                  origin(row.key), notes)
