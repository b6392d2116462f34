"""The widened HTML dev set and copied page text: scored the way extraction_eval.py scores HTML pages.

- Widened set: the pages listed in tests/data/extraction/web/sources.tsv (blogs, WeChat, government,
  institutions, platform-hosted articles, commentary, briefs, explainers), fetched outside the repository by
  fetch_web_pages.py and annotated in tests/data/extraction/web/. A third of them (set `aside`, drawn at random
  before any tuning) is reported apart and is never tuned on.
- Copied text: every text block of a page's body, one per line (extraction_copied.py), read by the pipeline as a
  text file; the other extractors get it one paragraph per line, as extraction_eval gives them text pages; `keep
  everything` is the copied text itself. Scored by characters against the page's HTML gold.
- Besides precision / recall / F1, the summary gives the share of the gold's paragraphs found in each
  extraction (at least SAME_BLOCK % alike to some stretch of it) and the lowest F1 of any page.
"""
from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extraction_copied import copied_text
from extraction_gold import ANNOTATIONS, Annotation, check_page, gold_blocks, gold_paragraphs, read_annotation
from extraction_scoring import Score, char_score, comparable, pooled

WEB = ANNOTATIONS / "web"
SAME_BLOCK = 90
KEEP_EVERYTHING = "keep everything"


@dataclass
class PageResult:
    annotation: Annotation
    gold: int
    results: dict[str, Score | str]
    paragraphs: dict[str, tuple[int, int]] = field(default_factory=dict)  # extractor → (found, of)


def web_annotations() -> dict[str, list[Annotation]]:
    """The widened set's annotations by set (`tune`, `aside`), as sources.tsv assigns them."""
    with (WEB / "sources.tsv").open(encoding="utf-8", newline="") as handle:
        sets = {row["id"]: row["set"] for row in csv.DictReader(handle, delimiter="\t")}
    found: dict[str, list[Annotation]] = {"tune": [], "aside": []}
    for path in sorted(WEB.glob("*.tsv")):
        if path.stem in sets:
            found[sets[path.stem]].append(read_annotation(path))
    return found


def paragraphs_found(paragraphs: list[str], extracted: str) -> int:
    from rapidfuzz import fuzz

    whole = comparable(extracted)
    found = 0
    for paragraph in map(comparable, paragraphs):
        if paragraph and (paragraph in whole or fuzz.partial_ratio(paragraph, whole) >= SAME_BLOCK):
            found += 1
    return found


def score_html_page(annotation: Annotation, page: Path, extractors: dict[str, Callable], copied: bool) -> PageResult:
    """One page, as HTML or (copied=True) as its copied text."""
    from extraction_eval import Extracted, text_html

    html = check_page(annotation, page).decode(annotation.encoding)
    gold = "\n".join(block.text for block in gold_blocks(annotation, html))
    paragraphs = [text for text in gold_paragraphs(annotation, html) if comparable(text)]
    result = PageResult(annotation, char_score(gold, gold).gold, {})
    with tempfile.TemporaryDirectory() as folder:
        source, given = page, html
        runs: dict[str, Callable] = dict(extractors)
        if copied:
            text = copied_text(html)
            source = Path(folder) / f"{page.stem}.txt"
            source.write_text(text, encoding="utf-8")
            given = text_html(text)
            runs[KEEP_EVERYTHING] = lambda path, _html, text=text: Extracted(text)
        for name, extract in runs.items():
            try:
                extracted = extract(source, given).text
            except Exception as error:  # a third-party extractor's failure is one cell, not the run
                result.results[name] = f"{name}: {type(error).__name__}: {error}"
                extracted = ""
            else:
                result.results[name] = char_score(gold, extracted)
            result.paragraphs[name] = (paragraphs_found(paragraphs, extracted), len(paragraphs))
    return result


def copied_differences(annotation: Annotation, page: Path) -> list[str]:
    """--explain for a page as copied text: the article the pipeline dropped and the chrome it kept."""
    from extraction_eval import block_differences, pipeline

    html = check_page(annotation, page).decode(annotation.encoding)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{page.stem}.txt"
        source.write_text(copied_text(html), encoding="utf-8")
        return block_differences(gold_blocks(annotation, html), pipeline(source, ""))


def print_summary(title: str, rows: list[PageResult], names: list[str]) -> None:
    """Micro F1, paragraph recall and the worst page per extractor, as issue 20's table."""
    if not rows:
        return
    print(f"\n{title}")
    print(f"{'extractor':<18}{'micro F1':>9}{'precision':>10}{'recall':>8}{'paragraph recall':>18}  worst page")
    for name in names:
        scores = [row.results.get(name) for row in rows]
        total = pooled(score for score in scores if isinstance(score, Score))
        found = sum(row.paragraphs.get(name, (0, 0))[0] for row in rows)
        of = sum(row.paragraphs.get(name, (0, 0))[1] for row in rows)
        worst = min(rows, key=lambda row: score.f1 if isinstance(score := row.results.get(name), Score) else 0.0)
        worst_score = worst.results.get(name)
        worst_f1 = worst_score.f1 if isinstance(worst_score, Score) else 0.0
        print(f"{name:<18}{total.f1:9.3f}{total.precision:10.3f}{total.recall:8.3f}{found / of if of else 0:18.3f}"
              f"  {worst_f1:.3f} ({worst.annotation.label})")
