"""Markdown (archivers, clippers) → blocks, through markdown-it-py (CommonMark, tables) and its
front-matter plugin; the YAML front matter becomes the page's metadata, never text, unless it cannot be
read (readers/front_matter.py): then the file is read as if it had none, with a warning.

Raw HTML blocks are read by the HTML reader; fenced and indented code is not text to translate.
A paragraph whose source lines are separate things — a sentence that ends, then a bare link or an
image on the next line — is split at that line break, so each piece is judged on its own; lines that
continue one another are joined (no space between Chinese characters).
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ...plumbing.errors import InputError, set_by
from ...model import Part
from ...text.placeholders import escape
from .base import MAX_BLOCKS, PageBlock, InlineText, Page, check_lines, tidy, too_many_blocks

_SENTENCE_END = re.compile(r"[。！？!?；;…”」』]$")
_URL = re.compile(r"^(https?:)?//\S+$")
_SKIPPED = {"fence": "code block", "code_block": "code block"}
# Inline HTML whose content a reader never sees: `# 测试<script>alert(1)</script>标题` is the title 测试标题.
_INVISIBLE_INLINE = re.compile(r"<(/?)(script|style|noscript|template)\b[^>]*?(/?)>", re.I)


# Marks markdown-it holds objects for, each about half a kilobyte until it is done: emphasis delimiters and
# backslash escapes. An article has hundreds; 32 MiB of nested `*` on one line (one block) would take 17 GB.
_COSTLY_MARKS = ("*", "_", "\\")
_MARKS_PER_BLOCK = 2


def _check_marks(text: str, path: Path, max_blocks: int) -> None:
    marks = sum(map(text.count, _COSTLY_MARKS))
    if marks > _MARKS_PER_BLOCK * max_blocks:
        raise InputError(f"{marks:,} emphasis marks and backslashes (* _ \\), more than the "
                         f"{_MARKS_PER_BLOCK * max_blocks:,} ({_MARKS_PER_BLOCK} a block) a document may have "
                         f"({set_by(max_blocks, '--max-blocks')})", path)


def read(text: str, path: Path, max_blocks: int = MAX_BLOCKS) -> Page:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    from .front_matter import read_front_matter

    check_lines(text, path, max_blocks)  # markdown-it holds several objects per line until it is done
    _check_marks(text, path, max_blocks)
    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
    source_lines = text.split("\n")
    tokens = parser.parse(text)
    metadata: dict[str, str] = {}
    warnings: list[str] = []
    if tokens and tokens[0].type == "front_matter":
        try:
            metadata = read_front_matter(tokens[0].content, path, tokens[0].map[0] + 2)
        except InputError as error:
            warnings.append(f"{error}; read as text")
            tokens = parser.disable("front_matter").parse(text)
    blocks: list[PageBlock] = []
    containers: list[str] = []  # open list and quote tokens, innermost last
    part_of_next = Part.BODY
    level_of_next = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
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
            blocks += _html_blocks(token.content, path, token.map[0], max_blocks)
            if len(blocks) > max_blocks:  # raw HTML holds any number of blocks on a line
                raise too_many_blocks(path, max_blocks, token.map[0] + 1)
        elif token.type in _SKIPPED and token.map:
            start, end = token.map
            blocks.append(PageBlock(Part.BODY, escape(tidy(token.content)), start + 1, end,
                                markup_chars=len(token.content), context=_SKIPPED[token.type]))
    return Page("markdown", blocks, metadata, tuple(warnings))


def _html_blocks(source: str, path: Path, offset: int, max_blocks: int) -> list[PageBlock]:
    """Raw HTML inside Markdown (clippers keep a <p> or a <figure> as it was) is read by the HTML
    reader, at its lines in the Markdown file; the region stays a run of blocks, as for Markdown."""
    from . import html

    if not tidy(source) or source.lstrip().startswith("<!--"):
        return []
    try:
        page = html.read(source, path, fragment=True, max_blocks=max_blocks)
    except InputError as error:  # at its line in the Markdown file
        raise InputError(error.message, path, (error.line or 1) + offset) from error
    return [dataclasses.replace(block, line=block.line + offset,
                                end_line=block.end_line + offset if block.end_line else 0, container=())
            for block in page.blocks]


def _container_part(containers: list[str]) -> tuple[Part, int]:
    lists = sum(kind != "blockquote_open" for kind in containers)
    if containers and containers[-1] == "blockquote_open":
        return Part.QUOTE, lists
    return (Part.LIST_ITEM, lists) if lists else (Part.BODY, 0)


def _inline_blocks(token, part: Part, level: int, source_lines: list[str]) -> list[PageBlock]:
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
    groups: list[_Group] = []
    for offset, children in enumerate(lines):
        number = first_line + offset
        if groups and groups[-1].takes(children):
            groups[-1].add(number, children)
        else:
            groups.append(_Group(number, children))
    blocks = []
    for group in groups:
        builder = InlineText()
        for child in group.children:
            _add(builder, child)
        text, spans = builder.finish()
        source = "".join(source_lines[group.first - 1:group.last])
        plain_length = len(re.sub(r"<[^>]*>", "", text))
        blocks.append(PageBlock(part, text, group.first, group.last if group.last != group.first else 0, spans, level,
                            builder.link_chars, max(0, len(source.strip()) - plain_length), builder.images))
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


class _Group:
    """Source lines that read as one block: the children of each, None for the line breaks between."""

    def __init__(self, number: int, line: list) -> None:
        self.first = self.last = number
        self.children = list(line)
        self._last_line = line
        self._alone = _stands_alone(line)
        self._settled = False  # it no longer stands alone, whatever lines follow

    def takes(self, line: list) -> bool:
        """A line continues the group unless either stands alone or the group's text ends a sentence."""
        if not self.children or not line or self._alone or _stands_alone(line):
            return False
        return not _SENTENCE_END.search(_text(self._last_line))  # each line of a longer group has text

    def add(self, number: int, line: list) -> None:
        self.children += [None, *line]
        self.last, self._last_line = number, line
        if not self._settled:
            # A group of lines that each have text of their own stands alone only as a bare URL; once its
            # text is longer than a URL's scheme and not a URL, no line added after makes it one.
            self._alone = _stands_alone(self.children)
            self._settled = not self._alone and len(_text(self.children)) > len("https://")


def _text(children: list) -> str:
    return "".join(child.content for child in children if child is not None and child.type == "text").strip()


def _stands_alone(children: list) -> bool:
    """A line that is only an image, only links or a bare URL."""
    text = _text(children)
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
