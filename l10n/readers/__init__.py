"""Input formats: one reader per format, chosen by `--from`, else by the file's extension, else by
sniffing the text. Every reader returns a Page of blocks (readers/base.py) for clean.py to judge."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from . import html, markdown, text
from .base import Page

Reader = Callable[..., Page]  # (text, path, max_blocks=MAX_BLOCKS)

READERS: dict[str, Reader] = {
    "html": html.read,
    "markdown": markdown.read,
    "text": text.read,
}
EXTENSIONS = {".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
              ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
              ".txt": "text", ".text": "text"}
# Text files are read as whatever their content is: archivers and clippers save Markdown as .txt.
_SNIFFED_EXTENSIONS = {".txt", ".text"}

_HTML_START = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n){0,200}?[\w-]+:.*\n(?:.*\n){0,200}?(?:---|\.\.\.)[ \t]*\n")
_HEADINGS = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_LINKS = re.compile(r"\[[^\]\n]*\]\([^)\s]+(?:[ \t]+\"[^\"\n]*\")?\)")
_LIST_ITEMS = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.M)
# Markdown "in quantity": copied page text has no [text](url) at all, but a stray "# " or a numbered line may
# happen; lists alone prove nothing.
_ENOUGH_LINKS, _ENOUGH_HEADINGS, _ENOUGH_LIST_ITEMS = 3, 2, 3
_SNIFF_CHARS = 64 * 1024


@dataclass(frozen=True)
class Detected:
    format: str
    reason: str  # "its extension .md", "its front matter" …: what the run line says


def detect(path: Path, text: str, requested: str | None = None) -> Detected:
    """The reader for a file: the requested one, else by extension (a text file's content may still show
    Markdown), else by what the text looks like."""
    if requested is not None:
        if requested not in READERS:
            raise UsageError(f"unknown input format {requested!r}; choose one of {', '.join(READERS)}")
        return Detected(requested, "--from")
    suffix = path.suffix.lower()
    by_extension = EXTENSIONS.get(suffix)
    if by_extension and suffix not in _SNIFFED_EXTENSIONS:
        return Detected(by_extension, f"its extension {suffix}")
    sniffed = _sniff(text[:_SNIFF_CHARS], html=by_extension is None)
    if by_extension and sniffed.format == "text":
        return Detected("text", f"its extension {suffix} (no Markdown signs)")
    return sniffed


def detect_format(path: Path, head: str, requested: str | None = None) -> str:
    return detect(path, head, requested).format


def sniff(head: str) -> str:
    return _sniff(head).format


def _sniff(text: str, html: bool = True) -> Detected:
    """HTML opens with a doctype or an <html>, <head> or <body> tag; Markdown has YAML front matter, or
    [links](…) or headings and list items in quantity; anything else is text."""
    if html and _HTML_START.match(text):
        return Detected("html", "its opening tag")
    if _FRONT_MATTER.match(text):
        return Detected("markdown", "its front matter")
    links, headings = len(_LINKS.findall(text)), len(_HEADINGS.findall(text))
    lists = len(_LIST_ITEMS.findall(text))
    signs = [name for name, count, enough in [("links", links, _ENOUGH_LINKS), ("headings", headings, _ENOUGH_HEADINGS),
                                              ("lists", lists, _ENOUGH_LIST_ITEMS)] if count >= enough]
    if "links" in signs or {"headings", "lists"} <= set(signs):
        listed = ", ".join(signs[:-1]) + " and " + signs[-1] if len(signs) > 1 else signs[0]
        return Detected("markdown", f"its {listed}")
    return Detected("text", "no HTML or Markdown in it")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (<meta charset> or http-equiv), per lxml."""
    import lxml.etree
    import lxml.html

    head = data[:4096].decode("ascii", errors="replace")
    try:
        root = lxml.html.document_fromstring(head)
    except (lxml.etree.ParserError, ValueError):
        return None
    for meta in root.iter("meta"):
        if meta.get("charset"):
            return meta.get("charset").strip()
        if (meta.get("http-equiv") or "").lower() == "content-type":
            found = re.search(r"charset\s*=\s*([\w-]+)", meta.get("content") or "", re.I)
            if found:
                return found.group(1)
    return None
