"""Input formats: one reader per format, chosen by `--from`, else by the file's extension, else (for text
formats) by sniffing the text. Every reader returns a Page of blocks (readers/base.py) for clean.py to judge.

FORMATS is the registry: a format is one line here and one module, `readers/MODULE.py`, imported only when a
file of that format is read. A text format's reader takes the decoded text, `read(text, path, max_blocks)`;
a binary one's (a .docx is a zip) takes the file's bytes, `read(data, path, max_blocks, max_bytes)`, and
holds what it unpacks to max_bytes.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...plumbing.errors import UsageError
from .base import Page
from .charset import decode


@dataclass(frozen=True)
class Format:
    module: str  # readers/MODULE.py, whose read() makes the Page
    extensions: tuple[str, ...]
    title: str  # as the help names it
    binary: bool = False  # read from the file's bytes, never decoded as text or sniffed

    def reader(self) -> Callable[..., Page]:
        return importlib.import_module(f".{self.module}", __package__).read


FORMATS: dict[str, Format] = {
    "html": Format("html", (".html", ".htm", ".xhtml", ".shtml"), "HTML"),
    "markdown": Format("markdown", (".md", ".markdown", ".mdown"), "Markdown"),
    "text": Format("text", (".txt", ".text"), "text"),
    "docx": Format("docx", (".docx",), "Word (.docx)", binary=True),
}
EXTENSIONS = {extension: name for name, format in FORMATS.items() for extension in format.extensions}
_TITLES = [format.title for format in FORMATS.values()]
TITLES = f"{', '.join(_TITLES[:-1])} or {_TITLES[-1]}"  # "HTML, Markdown, text or Word (.docx)", for --help
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
        if requested not in FORMATS:
            raise UsageError(f"unknown input format {requested!r}; choose one of {', '.join(FORMATS)}")
        return Detected(requested, "--from")
    suffix = path.suffix.lower()
    by_extension = EXTENSIONS.get(suffix)
    if by_extension and FORMATS[by_extension].binary:
        return Detected(by_extension, f"its extension {suffix}")
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


def read_file(data: bytes, path: Path, requested: str | None, max_blocks: int,
              max_bytes: int) -> tuple[Page, Detected, str]:
    """A file's Page, how its format was chosen, and the text encoding it was read in ("" for a binary format)."""
    name = requested or EXTENSIONS.get(path.suffix.lower())
    format = FORMATS.get(name) if name is not None else None
    if format is not None and format.binary:
        return format.reader()(data, path, max_blocks, max_bytes), detect(path, "", requested), ""
    text, encoding = decode(data, path, declared_charset(data) if name in (None, "html") else None)
    page, detected = read_text(text, path, requested, max_blocks)
    return page, detected, encoding


def read_text(text: str, path: Path, requested: str | None, max_blocks: int) -> tuple[Page, Detected]:
    """The Page of a text format's text, and how its format was chosen."""
    detected = detect(path, text, requested)
    format = FORMATS[detected.format]
    if format.binary:
        raise UsageError(f"{detected.format} is read from the file's bytes, not from text", path)
    return format.reader()(text, path, max_blocks), detected

