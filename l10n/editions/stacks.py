"""An edition's OpenCC: its base configuration with the layers' rules (and the glossary's) in its segmentation and
first step, kept by its later steps. Each rendering carries an invisible mark, a private-use character that OpenCC
copies like any unknown one and that names the rule, so which rule stands where is read back from the conversion."""
from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..text.notes import VOCABULARY, note
from . import Edition
from . import compiled, layers

# A rule's mark: one private-use character (planes 15 and 16).
_MARK_BASE = 0xF0000
MARKS = re.compile("[\U000F0000-\U000FFFFD\U00100000-\U0010FFFD]")
_MARK_SLOTS = 0xFFFFD - 0xF0000 + 1

Convert = Callable[[str], str]


def mark(index: int) -> str:
    return chr(_MARK_BASE + index if index < _MARK_SLOTS else 0x100000 + index - _MARK_SLOTS)


def rule_index(mark: str) -> int:
    code = ord(mark)
    return code - _MARK_BASE if code < 0x100000 else code - 0x100000 + _MARK_SLOTS


def strip_marks(text: str) -> str:
    return MARKS.sub("", text)


def latin_edge(char: str) -> bool:
    return char.isascii() and char.isalnum()


@lru_cache(maxsize=None)
def plain_converter(config: str):
    import opencc

    return opencc.OpenCC(config)


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




@dataclass(frozen=True)
class Rule:
    """One row of an edition's table; its mark is its position there."""

    source: str
    rendering: str
    notes: tuple[str, ...]  # the reviewer's notes when it is applied
    name: bool = False  # a name, which overrules one of OpenCC's phrases that runs into it
    glossary: bool = False  # the desk's: arbitrated apart (_standing), never checked
    software: str | None = None  # its rendering where the text is about software (程序 → 程式); rendering is OpenCC's
    technical: bool = False  # a computing phrase: counts toward a text being about software
    opencc_phrase: bool = False  # stands for one of OpenCC's phrases: a glossary term inside it is arbitrated so

    @property
    def latin(self) -> bool:
        """Whether its rendering begins or ends in Latin letters (谷歌 → Google) where its source does not."""
        return (latin_edge(self.rendering[:1]) or latin_edge(self.rendering[-1:])) and not self.source.isascii()


class _UsualCharacters(dict):
    """Each character's conversion on its own, for str.translate: where OpenCC wrote another, a phrase decided it."""

    def __init__(self, convert_text: Convert):
        super().__init__()
        self.convert_text = convert_text

    def __missing__(self, code: int) -> str:
        self[code] = self.convert_text(chr(code))
        return self[code]


def _add(table: list[Rule], rules: dict[str, int], rule: Rule) -> None:
    rules[rule.source] = len(table)
    table.append(rule)


class _Layered(NamedTuple):
    """The layers' part of an edition's table, the same in each of its stacks."""

    table: tuple[Rule, ...]
    rules: dict[str, int]  # source → its rule
    senses: tuple[tuple[layers.Sense, int], ...]  # rules their neighbours decide (senses.py), with their rule


@lru_cache(maxsize=None)
def _layered(edition: Edition) -> _Layered:
    """Built once per edition: a run makes one stack without the glossary (its terms are converted with it) and
    one with it."""
    table: list[Rule] = []
    rules: dict[str, int] = {}
    for rewrite in [] if edition.plain else layers.rewrites(edition.region):
        notes = (note(rewrite.layer, f"{rewrite.source} → {rewrite.rendering}"),) if rewrite.changes else ()
        if rewrite.context == "software":  # OpenCC's text unless the text is about software
            rule = Rule(rewrite.source, rewrite.plain, notes, software=rewrite.rendering,
                         technical=rewrite.technical, opencc_phrase=rewrite.opencc_phrase)
        else:
            rule = Rule(rewrite.source, rewrite.rendering, notes, name=rewrite.layer == layers.NAME,
                         technical=rewrite.technical, opencc_phrase=rewrite.opencc_phrase)
        _add(table, rules, rule)
    # Rules their neighbours decide (senses.py): in the table, for their marks and notes, not in OpenCC's dictionary.
    senses: list[tuple[layers.Sense, int]] = []
    for sense in [] if edition.plain else layers.senses(edition.region):
        senses.append((sense, len(table)))
        table.append(Rule(sense.source, sense.rendering, (note(VOCABULARY, f"{sense.source} → {sense.rendering}"),)))
    return _Layered(tuple(table), rules, tuple(senses))


class Stack:
    """An edition with one glossary: its rules, its converter, and what the word checks need (OpenCC's rare
    phrases, the names that are known)."""

    def __init__(self, edition: Edition, glossary: tuple[tuple[str, str, tuple[str, ...]], ...]):
        """`glossary`: (term, its rendering, the notes it gets) for each of the desk's terms."""
        self.edition = edition
        layered = _layered(edition)
        self.table: list[Rule] = list(layered.table)
        self.glossary: dict[str, int] = {}  # term → its rule
        self.rules: dict[str, int] = dict(layered.rules)  # source → its rule
        self.senses = layered.senses
        for source, rendering, notes in glossary:  # the glossary last: it replaces a rule for the same phrase
            self.glossary[source] = len(self.table)
            _add(self.table, self.rules, Rule(source, rendering, notes, glossary=True))
        self.longest_rule = max((len(rule.source) for rule in self.table), default=0)
        # The marks of the rules that _unmarked and the software test look for: a set look-up per mark.
        self.latin_marks = frozenset(mark(index) for index, rule in enumerate(self.table) if rule.latin)
        self.software_marks = frozenset(mark(index) for index, rule in enumerate(self.table) if rule.software)
        self.technical_marks = frozenset(mark(index) for index, rule in enumerate(self.table) if rule.technical)
        self._converter = None
        self.phrases = frozenset(() if edition.plain else layers.phrase_checks())
        # OpenCC's character-deciding phrases that are common words (头发): cut only between two words (牵头发起)
        self.common_phrases = frozenset(() if edition.plain else layers.deciding_phrases()) - self.phrases
        self.names = frozenset(() if edition.plain else (*layers.known_names(),
                                                          *(rule.source for rule in self.table if rule.name)))
        self.name_lengths = sorted({len(name) for name in self.names}, reverse=True)
        self._usual: _UsualCharacters | None = None
        self.passes: dict[tuple[str, ...], tuple[str, list[str]]] = {}  # _first_pass's, oldest first

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
        return mark(index) + self.table[index].rendering


def _build(edition: Edition, table: list[Rule], rules: dict[str, int]):
    """OpenCC with the rules in its segmentation and first step, and kept by its later steps."""
    import opencc

    if not rules and not layers.characters(edition.region):
        return plain_converter(edition.opencc)
    settings, folder = _shipped_config(edition.opencc)
    _anchor_files(settings, folder)
    with tempfile.TemporaryDirectory(prefix="l10n-opencc-") as work:  # OpenCC reads everything when built
        ours = compiled.dictionary(sorted((source, mark(index) + table[index].rendering)
                                          for source, index in rules.items()), Path(work))
        kept_values = sorted({mark(index) + table[index].rendering for index in rules.values()})
        kept = compiled.dictionary(((value, value) for value in kept_values), Path(work))
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
            characters = compiled.dictionary(regional, Path(work))
            if later:
                last = later[-1]["dict"]["dicts"]
                last[1] = {"type": "group", "match_policy": "short_circuit", "dicts": [characters, last[1]]}
            else:
                settings["conversion_chain"].append({"dict": _first_in(kept, characters)})
        path = Path(work) / f"{edition.key}.json"
        path.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(path))


def convert_many(convert_text: Convert, texts: list[str]) -> list[str]:
    """Many texts in one OpenCC call, joined by a line break: a call costs about as much as converting a
    sentence, and no OpenCC phrase holds a line break, so no conversion runs across one."""
    if not texts or any("\n" in text for text in texts):
        return [convert_text(text) if text else text for text in texts]
    return convert_text("\n".join(texts)).split("\n")


class Applied(NamedTuple):  # a tuple: read_marks makes one per rule in every sentence
    rule: int
    start: int  # in the source
    end: int


@lru_cache(maxsize=4096)  # a run reads each sentence's marks for its glossary terms, then for its rules
def read_marks(stack: Stack, source: str, marked: str) -> tuple[list[Applied], list[tuple[int, int, int]]] | None:
    """The rules a conversion applied, with where each stands in the source, and the runs between them as (source
    start, conversion start, conversion end); None when the conversion does not keep the source's length outside
    the rules (then nothing is checked)."""
    if not MARKS.search(marked):
        return ([], [(0, 0, len(marked))] if marked else []) if len(marked) == len(source) else None
    applied, runs = [], []
    position = 0  # in the source
    cursor = 0  # in the conversion
    for match in MARKS.finditer(marked):
        if match.start() > cursor:
            runs.append((position, cursor, match.start()))
        position += match.start() - cursor
        index = rule_index(match.group())
        rule = stack.table[index]
        applied.append(Applied(index, position, position + len(rule.source)))
        position += len(rule.source)
        cursor = match.end() + len(rule.rendering)
    if len(marked) > cursor:
        runs.append((position, cursor, len(marked)))
    position += len(marked) - cursor
    return (applied, runs) if position == len(source) else None
