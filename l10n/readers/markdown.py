"""Markdown (archivers, clippers) → blocks, through markdown-it-py (CommonMark, tables) and its
front-matter plugin; the YAML front matter becomes the page's metadata, never text.

Raw HTML blocks are read by the HTML reader; fenced and indented code is not text to translate.
A paragraph whose source lines are separate things — a sentence that ends, then a bare link or an
image on the next line — is split at that line break, so each piece is judged on its own; lines that
continue one another are joined (no space between Chinese characters).
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..errors import InputError
from ..model import Part
from .base import Block, InlineText, Page, tidy

_SENTENCE_END = re.compile(r"[。！？!?；;…”」』]$")
_URL = re.compile(r"^(https?:)?//\S+$")
_METADATA_KEYS = {"title": "title", "url": "url", "link": "url", "source_url": "url", "date": "date",
                  "published": "date", "author": "author", "source": "site", "site": "site"}
_SKIPPED = {"fence": "code block", "code_block": "code block"}
# Inline HTML whose content a reader never sees: `# 测试<script>alert(1)</script>标题` is the title 测试标题.
_INVISIBLE_INLINE = re.compile(r"<(/?)(script|style|noscript|template)\b[^>]*?(/?)>", re.I)


def read(text: str, path: Path) -> Page:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
    source_lines = text.split("\n")
    metadata: dict[str, str] = {}
    blocks: list[Block] = []
    containers: list[str] = []  # open list and quote tokens, innermost last
    part_of_next = Part.BODY
    level_of_next = 0
    for token in parser.parse(text):
        if token.type == "front_matter":
            metadata = _front_matter(token.content, path, token.map[0] + 2 if token.map else 1)
        elif token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            containers.append(token.type)
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type == "heading_open":
            part_of_next, level_of_next = Part.HEADING, int(token.tag[1:])
        elif token.type in ("paragraph_open", "th_open", "td_open"):
            part_of_next, level_of_next = _container_part(containers)
        elif token.type == "inline" and token.map:
            blocks += _inline_blocks(token, part_of_next, level_of_next, source_lines)
        elif token.type == "html_block" and token.map:
            blocks += _html_blocks(token.content, path, token.map[0])
        elif token.type in _SKIPPED and token.map:
            start, end = token.map
            blocks.append(Block(Part.BODY, tidy(token.content), start + 1, end,
                                markup_chars=len(token.content), context=_SKIPPED[token.type]))
    return Page("markdown", blocks, metadata)


def _html_blocks(source: str, path: Path, offset: int) -> list[Block]:
    """Raw HTML inside Markdown (clippers keep a <p> or a <figure> as it was) is read by the HTML
    reader, at its lines in the Markdown file; the region stays a run of blocks, as for Markdown."""
    from . import html

    if not tidy(source) or source.lstrip().startswith("<!--"):
        return []
    return [dataclasses.replace(block, line=block.line + offset,
                                end_line=block.end_line + offset if block.end_line else 0, container=())
            for block in html.read(source, path, fragment=True).blocks]


def _container_part(containers: list[str]) -> tuple[Part, int]:
    lists = sum(kind != "blockquote_open" for kind in containers)
    if containers and containers[-1] == "blockquote_open":
        return Part.QUOTE, lists
    return (Part.LIST_ITEM, lists) if lists else (Part.BODY, 0)


def _front_matter(content: str, path: Path, first_line: int) -> dict[str, str]:
    import yaml

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        raise InputError(f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}",
                         path, line) from error
    if not isinstance(data, dict):
        return {}
    metadata: dict[str, str] = {}
    for key, value in data.items():
        name = _METADATA_KEYS.get(str(key).lower())
        if name and name not in metadata and value not in (None, ""):
            metadata[name] = tidy(str(value))
    return metadata


def _inline_blocks(token, part: Part, level: int, source_lines: list[str]) -> list[Block]:
    """One block per group of source lines that belong together (see the module's docstring)."""
    first_line = token.map[0] + 1
    lines: list[list] = [[]]
    depth = 0
    for child in _visible(token.children or []):
        if child.type in ("softbreak", "hardbreak") and depth == 0:
            lines.append([])
            continue
        depth += child.nesting if child.type.endswith(("_open", "_close")) else 0
        lines[-1].append(child)
    groups: list[tuple[int, int, list]] = []  # first line, last line, children
    for offset, children in enumerate(lines):
        number = first_line + offset
        if groups and _continues(groups[-1][2], children):
            start, _, previous = groups[-1]
            groups[-1] = (start, number, [*previous, None, *children])  # None: a line break
        else:
            groups.append((number, number, list(children)))
    blocks = []
    for start, end, children in groups:
        builder = InlineText()
        for child in children:
            _add(builder, child)
        text, spans = builder.finish()
        source = "".join(source_lines[start - 1:end])
        plain_length = len(re.sub(r"<[^>]*>", "", text))
        blocks.append(Block(part, text, start, end if end != start else 0, spans, level, builder.link_chars,
                            max(0, len(source.strip()) - plain_length), builder.images))
    return blocks


def _visible(children: list) -> list:
    """The inline tokens a reader sees: none between an inline <script>, <style>, <noscript> or <template>
    and its closing tag (an unclosed one hides the rest of the paragraph, as a browser does)."""
    visible, hidden = [], 0
    for child in children:
        tag = _INVISIBLE_INLINE.fullmatch(child.content.strip()) if child.type == "html_inline" else None
        if tag and not tag.group(3):
            hidden = max(0, hidden - 1) if tag.group(1) else hidden + 1
        elif not hidden:
            visible.append(child)
    return visible


def _continues(before: list, line: list) -> bool:
    if not before or not line or _stands_alone(before) or _stands_alone(line):
        return False
    last = "".join(child.content for child in before if child is not None and child.type == "text").strip()
    return not _SENTENCE_END.search(last)


def _stands_alone(children: list) -> bool:
    """A line that is only an image, only links or a bare URL."""
    text = "".join(child.content for child in children if child is not None and child.type == "text").strip()
    if not text:
        return True
    inside_link = 0
    outside = []
    for child in children:
        if child is None:
            continue
        if child.type == "link_open":
            inside_link += 1
        elif child.type == "link_close":
            inside_link -= 1
        elif child.type == "text" and not inside_link:
            outside.append(child.content)
    return not "".join(outside).strip(" 　|·") or bool(_URL.match(text))


def _add(builder: InlineText, child) -> None:
    if child is None:
        builder.text("\n")  # joined like wrapped text when the block's text is tidied
        return
    kind = child.type
    if kind == "text":
        builder.text(child.content)
    elif kind == "code_inline":
        builder.open("code")
        builder.text(child.content)
        builder.close("code")
    elif kind == "link_open":
        builder.open("link", child.attrs.get("href", ""))
    elif kind == "link_close":
        builder.close("link")
    elif kind in ("strong_open", "em_open"):
        builder.open("strong" if kind == "strong_open" else "emphasis")
    elif kind in ("strong_close", "em_close"):
        builder.close("strong" if kind == "strong_close" else "emphasis")
    elif kind == "image":
        builder.image(child.attrs.get("src", ""))
    elif kind in ("softbreak", "hardbreak"):
        builder.text("\n")
