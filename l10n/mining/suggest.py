"""Glossary rows an article set lacks: introduced names with their English and short forms, Latin names.

The patterns and the boundary evidence live in mining/; this module turns what they find into rows, one per
term across all the articles, with the articles that use it and any conflicting renderings.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pathlib import Path

from ..text import placeholders
from ..batch.inputs import Skipped, collect
from ..plumbing.errors import InputError, UsageError
from ..glossary import Glossary, ReadingOptions
from ..reading.ingest import read_article
from ..model import Document, Kind
from ..reading.readers import EXTENSIONS
from ..text.words import tagged
from .boundaries import HAN, NAME_DOT
from .codes import is_code
from .kinds import guess_kind
from .names import PINYIN_GUESS, chinese_people, pinyin_name
from .patterns import GENERIC_LATIN, introductions

# Copilot Studio, Azure Maia 100, GPT-4 standing between Chinese characters
_LATIN_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[-·.][A-Za-z0-9]+)*"
                        r"(?: (?:[A-Z0-9][A-Za-z0-9]*(?:[-·.][A-Za-z0-9]+)*|for|in|of|and|the|de))*(?![A-Za-z0-9])")
_MAX_LATIN_WORDS = 6
_CONNECTORS = frozenset({"for", "in", "of", "and", "the", "de"})
_BARE_ACRONYM = re.compile(r"[A-Z]{1,3}")  # ICP, QQ: a bare acronym says nothing of its rendering
NEEDS_ENGLISH = "needs an English rendering"



def read_articles(inputs: list[Path], options: ReadingOptions, on_skipped: Skipped | None = None,
                  on_failed: Callable[[InputError], None] | None = None) -> list[Document]:
    """Every article at once, as `run` walks and reads them: a file as given, a folder for the article files in
    it (with the desk's follow_links), each read within the desk's max_bytes and max_blocks. An article that
    cannot be read goes to `on_failed` and the others are read (without it, the error is raised)."""
    paths: list[Path] = []
    for path in inputs:
        found = [item.path for item in collect([path], follow_links=options.follow_links, on_skipped=on_skipped)]
        if path.is_dir() and not found:
            raise UsageError(f"no article files ({', '.join(sorted(EXTENSIONS))}) in this folder", path)
        paths += found
    documents: dict[str, tuple[Document, Path]] = {}
    for path in paths:
        try:
            document = read_article(path, max_bytes=options.max_bytes, max_blocks=options.max_blocks)
        except InputError as error:
            if on_failed is None:
                raise
            on_failed(error)
            continue
        if document.name in documents:
            raise UsageError(f"same document name {document.name!r} as {documents[document.name][1]}; "
                             "rename one of them", path)
        documents[document.name] = (document, path)
    return [document for document, _ in documents.values()]


@dataclass(frozen=True)
class Suggestion:
    source: str
    english: str
    kind: Kind
    english_short: str
    note: str

    def row(self) -> list[str]:
        return [self.source, self.english, self.english_short, "", "", "", self.kind.value, "", self.note]


@dataclass
class Proposal:
    """One term over many articles: the first suggestion, the articles using it, other renderings seen."""

    suggestion: Suggestion
    first_in: str  # the article the suggestion's note speaks of
    documents: list[str] = field(default_factory=list)
    renderings: dict[str, list[str]] = field(default_factory=dict)  # English → articles that give it

    @property
    def conflicting(self) -> bool:
        return len(self.renderings) > 1

    def row(self) -> list[str]:
        suggestion = self.suggestion
        notes = [f"{len(self.documents)} article{'s' if len(self.documents) > 1 else ''}: "
                 f"{', '.join(self.documents)}", f"{self.first_in}: {suggestion.note}"]
        if self.conflicting:
            notes.append("conflicting renderings: " + "; ".join(
                f"{english} ({', '.join(documents)})" for english, documents in self.renderings.items()))
        return [*suggestion.row()[:-1], "; ".join(notes)]


def _english_short(english: str, kind: Kind) -> str:
    words = english.split()
    return words[-1] if kind is Kind.PERSON and len(words) > 1 else ""


def _later_mentions(text: str, name: str) -> int:
    """How often the surname of 蒂姆·库克 stands alone (库克表示), not as part of the full name."""
    surname = name.split(NAME_DOT)[-1]
    return sum(1 for match in re.finditer(re.escape(surname), text)
               if not text[:match.start()].endswith(NAME_DOT))


def suggest(document: Document, glossary: Glossary) -> list[Suggestion]:
    """Candidate entries of one article in order of first appearance; sources the glossary has are left out."""
    found: dict[str, Suggestion] = {}

    def add(suggestion: Suggestion) -> None:
        earlier = found.get(suggestion.source)
        if suggestion.source in glossary.entries or not suggestion.source:
            return
        if earlier is None or (suggestion.english and not earlier.english):  # named first, introduced later
            found[suggestion.source] = suggestion

    texts = [(paragraph.index, placeholders.strip(paragraph.text)) for paragraph in document.paragraphs]
    whole = "\n".join(text for _, text in texts)
    introduced: set[str] = set()
    found_here = [(index, text, introductions(text)) for index, text in texts]
    labels = _numbered_labels([one.english for _, _, found_list in found_here for one in found_list])
    for index, text, found_list in found_here:
        where = f"paragraph {index}"
        for found_one in found_list:
            english = found_one.english
            if english in labels:
                continue
            kind = guess_kind(found_one.source, english, f"《{found_one.source}》" in text)
            short = _english_short(english, kind)
            lacks = "" if english else f"; {NEEDS_ENGLISH}"
            add(Suggestion(found_one.source, english, kind, short, f"{found_one.pattern} in {where}{lacks}"))
            if found_one.short and re.search(f"[{HAN}]", found_one.short):
                add(Suggestion(found_one.short, english, kind, short,
                               f"short form of {found_one.source}, {where}{lacks}"))
            introduced.update({found_one.source, found_one.short, english, *english.split()})
    for suggestion in list(found.values()):
        surname = suggestion.source.split(NAME_DOT)[-1]
        if suggestion.kind is Kind.PERSON and NAME_DOT in suggestion.source and len(surname) >= 2 \
                and _later_mentions(whole, suggestion.source):
            lacks = "" if suggestion.english else f"; {NEEDS_ENGLISH}"
            add(Suggestion(surname, suggestion.english, Kind.PERSON, suggestion.english_short,
                           f"later mentions of {suggestion.source}{lacks}"))
    for index, text in texts:
        for name in _latin_names(text, introduced, glossary):
            add(Suggestion(name, name, guess_kind(name, name), "", f"Latin name in Chinese text, paragraph {index}"))
    for index, text in texts:
        for name in chinese_people(tagged(text), text):
            if name not in found and name not in introduced:
                english, surname = pinyin_name(name)
                add(Suggestion(name, english, Kind.PERSON, surname,
                               f"{PINYIN_GUESS}: a Chinese name with no English in the text, paragraph {index}; "
                               "check how the person spells it"))
    return list(found.values())


def _numbered_labels(englishes: list[str]) -> set[str]:
    """API2, API3, API9 in one article number the items of a list (OWASP's top ten), not names: an English
    of letters and a number is dropped when the same letters come with another number."""
    numbers: dict[str, set[str]] = {}
    for english in englishes:
        match = re.fullmatch(r"([A-Za-z]+)(\d+)", english)
        if match:
            numbers.setdefault(match[1], set()).add(english)
    return {english for found in numbers.values() if len(found) > 1 for english in found}


def _latin_names(text: str, introduced: set[str], glossary: Glossary) -> list[str]:
    """Latin names standing in Chinese text, without the neighbours glued to them: generic words such as CEO
    or CPU are cut off (CEO Tim Cook → Tim Cook), and a run the glossary already ends (a scraping glitch such
    as GuidesCopilot for Azure) is not offered again."""
    names: list[str] = []
    latin_terms = [source for source in glossary.entries if source.isascii()]
    for match in _LATIN_RUN.finditer(text):
        if not _stands_in_chinese(text, match.start(), match.end()):
            continue
        words = match.group(0).split()
        if len(words) > _MAX_LATIN_WORDS:
            continue
        for part in _split_at_generic(words):
            name = " ".join(part)
            if (name in introduced or part[-1] in _CONNECTORS or part[0] in _CONNECTORS or is_code(name, text[match.end():])
                    or _BARE_ACRONYM.fullmatch(name) or any(name.endswith(term) and name != term
                                                            for term in latin_terms)):
                continue
            names.append(name)
    return names


def _split_at_generic(words: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for word in words:
        if word in GENERIC_LATIN:
            parts.append([])
        else:
            parts[-1].append(word)
    return [part for part in parts if part]


def _stands_in_chinese(text: str, start: int, end: int) -> bool:
    """A Latin name inside Chinese running text, not a quoted English sentence."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(re.match(rf"[{HAN}、，,。：:（(“+]", before or "。")) and bool(
        re.match(rf"[{HAN}、，,。；;：:）)”+?!？！]", after or "。"))


def suggest_many(documents: list[Document], glossary: Glossary) -> list[Proposal]:
    """One proposal per term over all the articles, the most widely used first."""
    proposals: dict[str, Proposal] = {}
    for document in documents:
        for suggestion in suggest(document, glossary):
            proposal = proposals.setdefault(suggestion.source, Proposal(suggestion, document.name))
            if document.name not in proposal.documents:
                proposal.documents.append(document.name)
            if suggestion.english:
                proposal.renderings.setdefault(suggestion.english, []).append(document.name)
                if not proposal.suggestion.english:
                    proposal.suggestion, proposal.first_in = suggestion, document.name
    order = {source: position for position, source in enumerate(proposals)}
    return sorted(proposals.values(), key=lambda proposal: (-len(proposal.documents),
                                                            order[proposal.suggestion.source]))
