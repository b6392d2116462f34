"""Article extraction on the annotated dev pages: the pipeline side by side with off-the-shelf extractors.

Run: python benchmarks/extraction_eval.py [DEV_DIR] [--web WEB_DIR] [--explain]
     (DEV_DIR defaults to ../shared/samples/dev beside the repository, or beside the folder holding it;
     WEB_DIR holds the widened HTML set that benchmarks/fetch_web_pages.py fetches, see extraction_web.py)

For every page annotated in tests/data/extraction/ (README.md there gives the format and the rules of
thumb), prints precision, recall and F1 of the content each extractor keeps, per file and pooled:
- Markdown and text pages: content LINES. The pipeline's lines are those its blocks cover
  (`l10n.reading.ingest.read_article(path).paragraphs`, `line` … `end_line`). The other extractors get the page
  as HTML: Markdown rendered by markdown-it-py (CommonMark; the YAML front matter is metadata and is not
  rendered), a text page one paragraph per line. Their text is mapped back to input lines by matching
  each line's rendered text, in order, in theirs (extraction_scoring.lines_in_output says how).
- HTML pages: content CHARACTERS (LCS over the text without whitespace, after NFKC; see
  extraction_scoring). The pipeline's text is its blocks' text with the inline placeholders removed.
  The other extractors get the page decoded as annotated (the annotation names the real encoding, so a
  page whose <meta> lies is not held against them).
Every extractor's text includes the title it finds. Columns: l10n (this pipeline), trafilatura, and
readability-lxml and GNE when they are importable (they are not dependencies of the project). A page an
extractor fails on shows its error and counts as extracting nothing. --explain then lists, per page,
the article the pipeline dropped and the chrome it kept (line runs, or blocks with their opening text): the dev
pages, their copied text and the widened set's tuning part, never its set-aside part.
The dev HTML pages are also scored as copied text (every text block of the page, extraction_copied.py), and
with --web the widened HTML set and its copied text, its tuning and set-aside parts apart (extraction_web.py).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extraction_gold import (ANNOTATIONS, Annotation, check_page, gold_blocks, gold_lines, is_visible,
                             read_annotation)
from extraction_scoring import (Score, char_score, comparable, covered_lines, line_score, lines_in_output,
                                markdown_line_texts, pooled)

from l10n.plumbing.errors import L10nError

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository; for a git worktree kept in a folder of worktrees, beside that folder.
DEFAULT_DEV = next((folder for folder in (ROOT.parent / "shared" / "samples" / "dev",
                                          ROOT.parent.parent / "shared" / "samples" / "dev") if folder.is_dir()),
                   ROOT.parent / "shared" / "samples" / "dev")
SAME_BLOCK = 90  # --explain: how alike (0-100) a block must be to a stretch of the other side to count as there


@dataclass(frozen=True)
class Extracted:
    """What one extractor kept of one page: its text, and for the pipeline its blocks."""

    text: str
    blocks: tuple[tuple[int, int, str], ...] | None = None  # (line, end_line, text) of each block

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(line, end_line) for line, end_line, _ in self.blocks or ()]


def pipeline(path: Path, html: str) -> Extracted:
    from l10n.reading.ingest import read_article
    from l10n.text.placeholders import strip

    blocks = tuple((paragraph.line, paragraph.end_line, strip(paragraph.text))
                   for paragraph in read_article(path).paragraphs)
    return Extracted("\n".join(text for _, _, text in blocks), blocks)


def trafilatura_text(path: Path, html: str) -> Extracted:
    import trafilatura

    result = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if result is None:
        return Extracted("")
    return Extracted("\n".join(part for part in (result.title, result.text) if part))


def readability_text(path: Path, html: str) -> Extracted:
    import lxml.html
    from readability import Document

    document = Document(html)
    body = lxml.html.fragment_fromstring(document.summary(html_partial=True), create_parent="div")
    return Extracted(document.short_title() + "\n" + "\n".join(body.itertext()))


def gne_text(path: Path, html: str) -> Extracted:
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(html)
    return Extracted(result.get("title", "") + "\n" + result.get("content", ""))


EXTRACTORS: dict[str, Callable[[Path, str], Extracted]] = {
    "l10n": pipeline,
    "trafilatura": trafilatura_text,
    "readability": readability_text,
    "gne": gne_text,
}
OPTIONAL = {"readability": "readability", "gne": "gne"}  # column → module that must be importable


def available_extractors() -> dict[str, Callable[[Path, str], Extracted]]:
    import importlib.util

    return {name: extract for name, extract in EXTRACTORS.items()
            if name not in OPTIONAL or importlib.util.find_spec(OPTIONAL[name]) is not None}


def markdown_html(markdown: str) -> str:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    body = MarkdownIt("commonmark").use(front_matter_plugin).render(markdown)
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


def text_html(text: str) -> str:
    """A plain-text page as a browser would show it if each line were a paragraph."""
    import html

    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if is_visible(line))
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


def rendered(annotation: Annotation, text: str) -> tuple[str, dict[int, str]]:
    """The HTML the other extractors get for a Markdown or text page, and what each input line shows in it."""
    if annotation.is_markdown:
        return markdown_html(text), markdown_line_texts(text)
    return text_html(text), {number: line for number, line in enumerate(text.split("\n"), start=1)
                             if is_visible(line)}


def score_page(annotation: Annotation, page: Path, extractors: dict[str, Callable[[Path, str], Extracted]],
               ) -> tuple[int, dict[str, Score | str]]:
    """(size of the gold content, {extractor: score or error message}) for one page."""
    data = check_page(annotation, page)
    results: dict[str, Score | str] = {}
    if annotation.is_html:
        html = data.decode(annotation.encoding)
        gold = "\n".join(block.text for block in gold_blocks(annotation, html))
        for name, extract in extractors.items():
            try:
                results[name] = char_score(gold, extract(page, html).text)
            except Exception as error:  # a third-party extractor's failure is one cell, not the run
                results[name] = f"{name}: {type(error).__name__}: {error}"
        return char_score(gold, gold).gold, results
    text = data.decode("utf-8")
    lines = text.split("\n")
    visible = {number for number, line in enumerate(lines, start=1) if is_visible(line)}
    gold_set = gold_lines(annotation, text)
    html, line_texts = rendered(annotation, text)
    for name, extract in extractors.items():
        try:
            extracted = extract(page, html)
        except Exception as error:
            results[name] = f"{name}: {type(error).__name__}: {error}"
            continue
        kept = (covered_lines(extracted.spans, visible) if extracted.blocks is not None
                else lines_in_output(line_texts, extracted.text) & visible)
        results[name] = line_score(gold_set, kept)
    return len(gold_set), results


def differences(annotation: Annotation, page: Path) -> list[str]:
    """Where the pipeline's extraction differs from the annotation: article dropped, chrome kept.
    Markdown and text pages by line. HTML pages by block: a block is found on the other side when some
    stretch there is at least SAME_BLOCK % alike (rapidfuzz's partial_ratio), so a stock quote inside a
    sentence does not make the whole sentence count as dropped."""
    data = check_page(annotation, page)
    if annotation.is_html:
        html = data.decode(annotation.encoding)
        return block_differences(gold_blocks(annotation, html), pipeline(page, html))
    text = data.decode("utf-8")
    visible = [number for number, line in enumerate(text.split("\n"), start=1) if is_visible(line)]
    gold = gold_lines(annotation, text)
    kept = covered_lines(pipeline(page, "").spans, set(visible))
    return [f"article lines dropped: {line_runs(gold - kept, visible)}",
            f"chrome lines kept: {line_runs(kept - gold, visible)}"]


def block_differences(gold: list, extracted: Extracted) -> list[str]:
    """Gold blocks the extraction lacks and extracted blocks the gold lacks; a block is found on the other
    side when some stretch there is at least SAME_BLOCK % alike (rapidfuzz's partial_ratio)."""
    from rapidfuzz import fuzz

    kept, article = comparable(extracted.text), comparable("".join(block.text for block in gold))

    def missing(text: str, whole: str) -> bool:
        return bool(comparable(text)) and fuzz.partial_ratio(comparable(text), whole) < SAME_BLOCK

    dropped = [(block.sourceline, block.text) for block in gold if missing(block.text, kept)]
    chrome = [(line, text) for line, _, text in extracted.blocks or () if missing(text, article)]
    return [f"article dropped: {_quoted(dropped)}", f"chrome kept: {_quoted(chrome)}"]


def line_runs(lines: set[int], visible: list[int]) -> str:
    """'3, 7-12': runs of lines with no other visible line between them."""
    runs: list[list[int]] = []
    for index, line in enumerate(visible):
        if line not in lines:
            continue
        if runs and visible[index - 1] == runs[-1][-1]:
            runs[-1].append(line)
        else:
            runs.append([line])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs) or "none"


def _quoted(blocks: list[tuple[int, str]], shown: int = 12) -> str:
    """The first blocks as 'line: opening text', and how many more there are."""
    quoted = "; ".join(f"{line}: {text[:16]}{'…' if len(text) > 16 else ''}" for line, text in blocks[:shown])
    more = f" … and {len(blocks) - shown} more" if len(blocks) > shown else ""
    return f"{len(blocks)} blocks: {quoted}{more}" if blocks else "none"


def cell(result: Score | str | None) -> str:
    if isinstance(result, Score):
        return f"{result.precision:5.3f} {result.recall:5.3f} {result.f1:5.3f}"
    return f"{'error':>17}"


def print_table(title: str, unit: str, annotated: list[tuple[Annotation, int, dict[str, Score | str]]],
                names: list[str]) -> None:
    if not annotated:
        return
    rows = [(annotation.label, gold, results) for annotation, gold, results in annotated]
    print(f"\n{title}")
    print(f"{'file':<14}{'gold ' + unit:>12}  " + "  ".join(f"{name + ' P / R / F1':>17}" for name in names))
    for file, gold, results in rows:
        print(f"{file:<14}{gold:>12}  " + "  ".join(cell(results.get(name)) for name in names))
    totals = {name: pooled(result for _, _, results in rows if isinstance(result := results.get(name), Score))
              for name in names}
    print(f"{'overall':<14}{sum(gold for _, gold, _ in rows):>12}  " + "  ".join(cell(totals[name]) for name in names))
    lowest = {name: min((results[name].f1 for _, _, results in rows if isinstance(results.get(name), Score)),
                        default=0.0) for name in names}
    print(f"{'lowest F1':<14}{'':>12}  " + "  ".join(f"{lowest[name]:17.3f}" for name in names))
    for file, _, results in rows:
        for result in results.values():
            if isinstance(result, str):
                print(f"  {file}: {result.splitlines()[0] if result else 'error'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev_dir", nargs="?", type=Path, default=DEFAULT_DEV,
                        help="folder holding the annotated pages (default: %(default)s)")
    parser.add_argument("--web", type=Path, help="folder of the widened HTML set (benchmarks/fetch_web_pages.py)")
    parser.add_argument("--explain", action="store_true",
                        help="also list, per page, the article the pipeline dropped and the chrome it kept")
    options = parser.parse_args()
    if not options.dev_dir.is_dir():
        print(f"error: {options.dev_dir}: no such folder of dev pages", file=sys.stderr)
        return 2
    extractors = available_extractors()
    names = list(extractors)
    markdown_rows, html_rows = [], []
    failed = False
    for path in sorted(ANNOTATIONS.glob("*.tsv")):
        try:
            annotation = read_annotation(path)
            gold, results = score_page(annotation, options.dev_dir / annotation.page, extractors)
        except L10nError as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
            continue
        (html_rows if annotation.is_html else markdown_rows).append((annotation, gold, results))
    print_table("Markdown and text pages: content-line precision / recall / F1", "lines", markdown_rows, names)
    print_table("HTML pages: character-level precision / recall / F1", "chars", html_rows, names)
    failed |= web_tables(options.dev_dir, options.web, html_rows, extractors)
    if options.explain:
        explain(options.dev_dir, options.web, [annotation for annotation, _, _ in markdown_rows + html_rows])
    return 2 if failed else 0


def explain(dev_dir: Path, web_dir: Path | None, annotations: list[Annotation]) -> None:
    """Where the pipeline differs from the annotation: the dev pages (HTML ones also as copied text) and the
    widened set's tuning part. Never the set-aside part: its errors are not to be looked at while tuning."""
    from extraction_web import copied_differences, web_annotations

    pages = [(annotation, dev_dir / annotation.page) for annotation in annotations]
    if web_dir is not None and web_dir.is_dir():
        pages += [(annotation, web_dir / annotation.page) for annotation in web_annotations()["tune"]]
    print("\nWhere the pipeline differs from the annotation (the widened set's set-aside part is never shown)")
    for annotation, page in pages:
        try:
            lines = differences(annotation, page)
            if annotation.is_html:
                lines += [f"as copied text, {line}" for line in copied_differences(annotation, page)]
        except L10nError as error:
            lines = [str(error)]
        print(f"{annotation.label}\n" + "".join(f"  {line}\n" for line in lines), end="")


def web_tables(dev_dir: Path, web_dir: Path | None, html_rows, extractors) -> bool:
    """Copied text of the dev HTML pages; with a web folder, the widened set as HTML and as copied text."""
    from extraction_web import KEEP_EVERYTHING, print_summary, score_html_page, web_annotations

    names = list(extractors)
    copied = [score_html_page(annotation, dev_dir / annotation.page, extractors, copied=True)
              for annotation, _, _ in html_rows]
    print_table("Dev HTML pages as copied text: character-level precision / recall / F1", "chars",
                [(row.annotation, row.gold, row.results) for row in copied], [*names, KEEP_EVERYTHING])
    print_summary("Dev HTML pages as copied text: summary", copied, [*names, KEEP_EVERYTHING])
    if web_dir is None:
        return False
    if not web_dir.is_dir():
        print(f"error: {web_dir}: no such folder of widened dev pages", file=sys.stderr)
        return True
    failed = False
    for part, annotations in web_annotations().items():
        label = {"tune": "tuning part", "aside": "set-aside part (never tuned on)"}[part]
        for copied_text, kind in ((False, "HTML"), (True, "copied text")):
            rows = []
            for annotation in annotations:
                try:
                    rows.append(score_html_page(annotation, web_dir / annotation.page, extractors, copied_text))
                except L10nError as error:
                    print(f"error: {error}", file=sys.stderr)
                    failed = True
            columns = [*names, KEEP_EVERYTHING] if copied_text else names
            print_table(f"Widened set, {label}, as {kind}: character-level precision / recall / F1", "chars",
                        [(row.annotation, row.gold, row.results) for row in rows], columns)
            print_summary(f"Widened set, {label}, as {kind}: summary", rows, columns)
    return failed


if __name__ == "__main__":
    sys.exit(main())
