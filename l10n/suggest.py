"""Mine an article for glossary entries it lacks: name introductions, parenthetical English, Latin names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .glossary import Glossary
from .model import Document, Kind

_HAN = r"\u3400-\u9fff"
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9.&'’·\- ]*[A-Za-z0-9]|[A-Za-z]"
# 山姆·奥特曼(Sam Altman,下简称奥特曼) and 某公司（以下简称“某某”）
_INTRODUCTION = re.compile(
    rf"(?P<zh>[{_HAN}·]{{2,20}})[(（]\s*(?:(?P<en>{_LATIN_NAME})\s*[,，、]\s*)?"
    rf"(?:以下|下文|下)?简称[:：]?\s*[“\"「]?(?P<short>[{_HAN}A-Za-z0-9·]{{1,12}})[”\"」]?\s*[)）]")
# 谷歌大脑(Google Brain), “超对准”(Superalignment)
_PARENTHETICAL = re.compile(rf"(?:[“「](?P<quoted>[^”」]{{1,30}})[”」]|(?P<zh>[{_HAN}·]{{2,30}}))"
                            rf"[(（]\s*(?P<en>{_LATIN_NAME})\s*[)）]")
# Copilot Studio, Azure Maia 100, GPT-4 standing between Chinese characters
_LATIN_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[-·.][A-Za-z0-9]+)*"
                        r"(?: (?:[A-Z0-9][A-Za-z0-9]*(?:[-·.][A-Za-z0-9]+)*|for|in|of|and|the|de))*(?![A-Za-z0-9])")
# Words that precede a term without belonging to it: 谷歌将旗下的谷歌大脑 → 谷歌大脑.
_FUNCTION_CHARS = "的了在是和与将把被为对从向等及或由以其这那让给跟同并而也都就还于旗下称"
_MIN_PARENTHETICAL_EN = 3  # (AI), (PC): acronyms too generic to be glossary entries
_MAX_LATIN_WORDS = 6
_GENERIC_LATIN = frozenset({"AI", "AGI", "CEO", "CTO", "CFO", "COO", "APP", "App", "IPO", "GPU", "CPU", "PC",
                            "OK", "VS", "VR", "AR", "IT", "IP", "PPT"})
_CONNECTORS = frozenset({"for", "in", "of", "and", "the", "de"})


@dataclass(frozen=True)
class Suggestion:
    source: str
    english: str
    kind: Kind
    english_short: str
    note: str

    def row(self) -> list[str]:
        return [self.source, self.english, self.english_short, "", "", "", self.kind.value, "", self.note]


def _trim_context(chinese: str, short: str = "") -> str:
    """Keep the name itself: from its short form when that is the given name (有关伊利亚·苏茨克沃 → 伊利亚·苏茨克沃),
    else what follows the last function character (谷歌将旗下的谷歌大脑 → 谷歌大脑)."""
    anchor = chinese.find(short + "·") if short else -1
    if anchor > 0:
        return chinese[anchor:]
    cut = max(chinese.rfind(char) for char in _FUNCTION_CHARS)
    return chinese[cut + 1:] if cut >= 0 else chinese


def _is_person(chinese: str, english: str) -> bool:
    """Transliterated foreign names carry a middle dot; Chinese names introduced with a romanization
    read as two or three capitalized words."""
    words = english.split()
    return "·" in chinese or (len(words) in (2, 3) and all(word[:1].isupper() and word[1:].islower()
                                                          for word in words))


def suggest(document: Document, glossary: Glossary) -> list[Suggestion]:
    """Candidate entries in order of first appearance; sources the glossary already has are left out."""
    found: dict[str, Suggestion] = {}

    def add(suggestion: Suggestion) -> None:
        if suggestion.source and suggestion.source not in glossary.entries and suggestion.source not in found:
            found[suggestion.source] = suggestion

    for paragraph in document.paragraphs:
        where = f"paragraph {paragraph.index}"
        text = paragraph.text
        introduced: set[str] = set()
        for match in _INTRODUCTION.finditer(text):
            short = match["short"]
            chinese = _trim_context(match["zh"], short)
            english = (match["en"] or "").strip()
            kind = Kind.PERSON if _is_person(chinese, english) else Kind.ORG
            english_short = english.split()[-1] if kind is Kind.PERSON and english else ""
            add(Suggestion(chinese, english, kind, english_short, f"introduced in {where}"))
            add(Suggestion(short, english, kind, english_short, f"short form of {chinese}, {where}"))
            introduced.update({english, chinese, short})
        for match in _PARENTHETICAL.finditer(text):
            chinese = match["quoted"] or _trim_context(match["zh"])
            english = match["en"].strip()
            if len(english) < _MIN_PARENTHETICAL_EN or english in introduced:
                continue
            kind = Kind.PERSON if "·" in chinese else Kind.TERM
            add(Suggestion(chinese, english, kind, "", f"{chinese}({english}) in {where}"))
            introduced.add(english)
        for match in _LATIN_RUN.finditer(text):
            name = match.group(0)
            words = name.split()
            if (name in introduced or name in _GENERIC_LATIN or len(words) > _MAX_LATIN_WORDS
                    or words[-1] in _CONNECTORS or not _stands_in_chinese(text, match.start(), match.end())):
                continue
            add(Suggestion(name, name, Kind.PRODUCT if any(c.isdigit() for c in name) else Kind.TERM, "",
                           f"Latin name in Chinese text, {where}"))
    return list(found.values())


def _stands_in_chinese(text: str, start: int, end: int) -> bool:
    """A Latin name inside Chinese running text, not a quoted English sentence."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(re.match(rf"[{_HAN}、，,。：:（(“+]", before or "。")) and bool(
        re.match(rf"[{_HAN}、，,。；;：:）)”+?!？！]", after or "。"))
