"""Markdown saved as .txt, and page text copied as .txt: which format each is read as, and what it costs.

Run: python benchmarks/txt_sniffing.py [DEV_DIR]   (DEV_DIR as for extraction_eval.py)

Each Markdown dev page is read three ways: as its .md file, as the same bytes saved as .txt (the format the
sniffer picks, and why), and forced to plain text (`--from text`, how a .txt was read before the sniffer):
the segment counts show what reading Markdown as text costs. Each HTML dev page's copied text (what a
select-all-and-copy gives, extraction_copied.py) and the bundled sample are .txt files that must stay text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from extraction_copied import copied_text
from extraction_eval import DEFAULT_DEV

from l10n.plumbing.errors import L10nError
from l10n.reading.ingest import parse_article
from l10n.pipeline import BUNDLED_SAMPLE
from l10n.reading.readers import detect
from l10n.reading.segment import segment_document


def _segments(text: str, name: str, input_format: str | None = None) -> int | str:
    try:
        return len(segment_document(parse_article(text, Path(name), input_format=input_format)))
    except L10nError as error:
        return f"error: {error}"


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        return text[4:].split("\n---\n", 1)[1]
    return text


def main(dev: Path) -> None:
    rows = []
    markdown_read = bare_read = copied_read = 0
    pages = sorted(dev.glob("md-*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        as_txt = detect(Path(page.stem + ".txt"), text)
        markdown_read += as_txt.format == "markdown"
        rows.append((page.name + " as .txt", f"{as_txt.format}, from {as_txt.reason}", _segments(text, page.name),
                     _segments(text, page.stem + ".txt"), _segments(text, page.stem + ".txt", "text")))
        bare = _without_front_matter(text)  # a clipper that writes none: the links, headings and lists must do
        as_txt = detect(Path(page.stem + ".txt"), bare)
        bare_read += as_txt.format == "markdown"
        rows.append((page.name + " as .txt, no front matter", f"{as_txt.format}, from {as_txt.reason}",
                     _segments(bare, page.name), _segments(bare, page.stem + ".txt"),
                     _segments(bare, page.stem + ".txt", "text")))
    copied = sorted(dev.glob("html-*.html"))
    for page in copied:
        text = copied_text(page.read_text(encoding="utf-8", errors="replace"))
        as_txt = detect(Path(page.stem + ".txt"), text)
        copied_read += as_txt.format == "text"
        rows.append((page.name + " copied", f"{as_txt.format}, from {as_txt.reason}", "-",
                     _segments(text, page.stem + ".txt"), _segments(text, page.stem + ".txt", "text")))
    sample = BUNDLED_SAMPLE.read_text(encoding="utf-8")
    as_txt = detect(BUNDLED_SAMPLE, sample)
    rows.append((BUNDLED_SAMPLE.name, f"{as_txt.format}, from {as_txt.reason}", "-", _segments(sample, BUNDLED_SAMPLE.name),
                 _segments(sample, BUNDLED_SAMPLE.name, "text")))
    header = ("file", "read as", "segments as .md", "as .txt", "as text (--from text)")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    print(f"\nMarkdown pages saved as .txt read as Markdown: {markdown_read}/{len(pages)}, without their front "
          f"matter {bare_read}/{len(pages)}; "
          f"copied page texts read as text: {copied_read}/{len(copied)}; bundled sample: {as_txt.format}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DEV)
