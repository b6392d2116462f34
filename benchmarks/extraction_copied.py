"""Copied page text: what a reader's select-all-and-copy, or a naive scraper, makes of an HTML page.

Every text block of the page, one per line, in page order: the body's block elements and <br>-separated runs,
chrome and all; nothing a reader never sees (scripts, styles, <noscript>, <template>, the <head>). The
benchmark feeds it to the pipeline as a text file and scores it against the page's HTML gold.
"""
from __future__ import annotations

from extraction_gold import all_elements, block_lines


def copied_text(html: str) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(html)
    tops = [element for element in all_elements(root) if element.getparent() is None]
    lines: list[str] = []
    for top in tops:
        lines += block_lines(top, "descendant-or-self::head")
    return "\n".join(lines) + "\n"
