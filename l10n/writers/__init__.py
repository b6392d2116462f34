"""The build side: a translated article in the format it came in. Readers and writers mirror each other.

WRITERS maps a document format to its writer; every build also writes the plain-text version.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import markdown, text
from .article import Article


@dataclass(frozen=True)
class Writer:
    extension: str
    render: Callable[[Article], str]


def _html(article: Article) -> str:
    from .html import render  # lxml, only when an HTML article is built

    return render(article)


WRITERS = {"markdown": Writer("md", markdown.render), "html": Writer("html", _html), "text": Writer("txt", text.render)}
PLAIN = "text"
