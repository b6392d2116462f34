"""How an extraction is scored against the gold annotation: content lines and content characters.

- Markdown and text pages, content-LINE scores: the article is a set of input lines. An extraction keeps
  the lines its blocks cover (a block covers `line` … `end_line`). Lines that show nothing (empty, or only
  spaces, BOMs, zero-width characters) count on neither side. Precision = kept article lines / kept lines,
  recall = kept article lines / article lines.
- HTML pages, CHARACTER-level scores: both the gold blocks and the extracted blocks are joined in order and
  made comparable (Unicode NFKC, then every whitespace and invisible format character removed). The
  matched characters are the longest common subsequence (LCS) of the two strings, so a paragraph counts
  once however often it is extracted, and chrome that repeats article words matches nothing out of
  order. Precision = LCS / extracted characters, recall = LCS / gold characters. No line numbers are used.
- Both: F1 is the harmonic mean; an empty side gives 0. Overall scores pool the counts of all pages
  (micro average), so a long page weighs more than a short one.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# A line shorter than this (in letters and digits) is matched only where the extractor's output continues,
# never searched for further on: short lines such as 首页 or 收藏 occur by chance in any article.
MIN_SEARCHED_CHARS = 6


@dataclass(frozen=True)
class Score:
    matched: int  # article lines kept / LCS characters
    extracted: int  # lines kept / characters extracted
    gold: int  # article lines / article characters

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.extracted + other.extracted, self.gold + other.gold)


def pooled(scores: Iterable[Score]) -> Score:
    return sum(scores, Score(0, 0, 0))


def line_score(gold: set[int], kept: set[int]) -> Score:
    return Score(len(gold & kept), len(kept), len(gold))


def comparable(text: str) -> str:
    """NFKC, without whitespace or invisible format characters (BOM, zero-width space and joiners)."""
    return "".join(char for char in unicodedata.normalize("NFKC", text)
                   if not char.isspace() and unicodedata.category(char) != "Cf")


def char_score(gold_text: str, extracted_text: str) -> Score:
    from rapidfuzz.distance import LCSseq

    gold, extracted = comparable(gold_text), comparable(extracted_text)
    return Score(LCSseq.similarity(gold, extracted), len(extracted), len(gold))


def covered_lines(blocks: Iterable[tuple[int, int]], visible: set[int]) -> set[int]:
    """The visible input lines covered by blocks given as (line, end_line); end_line 0 means the same line."""
    kept: set[int] = set()
    for line, end_line in blocks:
        kept.update(range(line, max(line, end_line) + 1))
    return kept & visible


def markdown_line_texts(markdown: str) -> dict[int, str]:
    """What a reader sees of each line once the Markdown is rendered: link and emphasis text without their
    syntax, no image, no front matter. Keyed by 1-based input line; lines that render nothing are absent."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    texts: dict[int, list[str]] = {}
    for token in MarkdownIt("commonmark").use(front_matter_plugin).parse(markdown):
        if token.type == "inline" and token.map:
            line = token.map[0] + 1
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type in ("text", "code_inline"):
                    texts.setdefault(line, []).append(child.content)
        elif token.type in ("fence", "code_block") and token.map:
            first = token.map[0] + (2 if token.type == "fence" else 1)
            for offset, content in enumerate(token.content.split("\n")):
                texts.setdefault(first + offset, []).append(content)
    return {line: "".join(parts) for line, parts in texts.items() if comparable("".join(parts))}


def matchable(text: str) -> str:
    """Letters and digits only (NFKC): extractors reformat punctuation, list bullets and spacing."""
    return "".join(char for char in unicodedata.normalize("NFKC", text) if char.isalnum())


def lines_in_output(line_texts: dict[int, str], output: str) -> set[int]:
    """The input lines whose text an extractor's output contains, matched in order.

    A line is found where the output continues after the previous match, or, when it has at least
    MIN_SEARCHED_CHARS letters and digits, anywhere further on (the extractor dropped what lies between).
    Matching in order means a line repeated in the page (the title twice) is found once per copy the
    extractor kept."""
    text = matchable(output)
    cursor = 0
    found: set[int] = set()
    for line in sorted(line_texts):
        key = matchable(line_texts[line])
        if not key:
            continue
        if text.startswith(key, cursor):
            at = cursor
        elif len(key) >= MIN_SEARCHED_CHARS:
            at = text.find(key, cursor)
            if at < 0:
                continue
        else:
            continue
        found.add(line)
        cursor = at + len(key)
    return found
