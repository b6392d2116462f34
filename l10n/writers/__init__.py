"""The build side: a translated article in the format it came in. Readers and writers mirror each other.

WRITERS maps a document format (readers.FORMATS) to its writer: one line here and one module,
`writers/MODULE.py`, whose render(article) returns the file's text, or bytes for a binary format; the module
is imported only when an article of its format is built. Every build also writes the plain-text version.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from .article import Article


@dataclass(frozen=True)
class Writer:
    extension: str  # of the article file: article.LOCALE.EXTENSION
    module: str  # writers/MODULE.py

    def render(self, article: Article) -> str | bytes:
        return importlib.import_module(f".{self.module}", __package__).render(article)


WRITERS = {
    "markdown": Writer("md", "markdown"),
    "html": Writer("html", "html"),
    "text": Writer("txt", "text"),
    "docx": Writer("docx", "docx"),
}
PLAIN = "text"
