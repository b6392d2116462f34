"""Article file → Document: read the bytes, choose the format, decode, read the blocks, keep the article."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import readers
from .clean import clean
from .errors import InputError
from .model import Document
from .readers.charset import decode

_SNIFF_CHARS = 2048


def document_name(path: Path) -> str:
    """'jiemian-openai-board.zh.txt' → 'jiemian-openai-board': the file stem without a language tag."""
    stem = path.name
    for suffix in sorted(readers.EXTENSIONS, key=len, reverse=True):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = re.sub(r"\.(zh|zh[-_](cn|hans|sg))$", "", stem, flags=re.I)
    return path.name if stem.strip(".") == "" else stem  # '...txt' is not to become the folder '..'


def read_article(path: Path, input_format: str | None = None) -> Document:
    """`input_format` (html, markdown, text) overrides what the extension and the content suggest."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError("no such file", path) from error
    except IsADirectoryError as error:
        raise InputError("is a folder, not an article file", path) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path) from error
    by_name = input_format or readers.EXTENSIONS.get(path.suffix.lower())
    declared = readers.declared_charset(data) if by_name in (None, "html") else None
    text, encoding = decode(data, path, declared)
    return parse_article(text, path, encoding, hashlib.sha256(data).hexdigest(), input_format)


def parse_article(text: str, path: Path, encoding: str = "utf-8", sha256: str = "",
                  input_format: str | None = None) -> Document:
    page_format = readers.detect_format(path, text[:_SNIFF_CHARS], input_format)
    page = readers.READERS[page_format](text, path)
    article = clean(page)
    if not article.paragraphs:
        raise InputError("no article text found: every block looks like page chrome", path)
    return Document(document_name(path), path.name, encoding, sha256, article.paragraphs, article.removed,
                    page_format, tuple(page.metadata.items()), article.fallback)
