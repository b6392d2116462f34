"""Input formats: one reader per format, chosen by `--from`, else by the file's extension, else by
sniffing the text. Every reader returns a Page of blocks (readers/base.py) for clean.py to judge."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError
from . import html, markdown, text
from .base import Page

Reader = Callable[[str, Path], Page]

READERS: dict[str, Reader] = {
    "html": html.read,
    "markdown": markdown.read,
    "text": lambda source, path: text.read(source),
}
EXTENSIONS = {".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
              ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
              ".txt": "text", ".text": "text"}

_HTML_START = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_MARKDOWN_SIGNS = (re.compile(r"\A---\n(.+\n)*?---\n"),  # YAML front matter
                   re.compile(r"^#{1,6} \S", re.M), re.compile(r"\]\([^)\s]+\)"), re.compile(r"^\* \S", re.M))


def detect_format(path: Path, head: str, requested: str | None = None) -> str:
    """The reader for a file: the requested one, else by extension, else by what the text looks like."""
    if requested is not None:
        if requested not in READERS:
            raise UsageError(f"unknown input format {requested!r}; choose one of {', '.join(READERS)}")
        return requested
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    return sniff(head)


def sniff(head: str) -> str:
    """HTML opens with a doctype or an <html>, <head> or <body> tag; Markdown shows front matter, #
    headings, [links](…) or * bullets; anything else is text."""
    if _HTML_START.match(head):
        return "html"
    if sum(bool(sign.search(head)) for sign in _MARKDOWN_SIGNS) >= 2:
        return "markdown"
    return "text"


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
