"""Article file → Document: read the bytes, choose the format, decode, read the blocks, keep the article."""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from . import readers
from ..plumbing.errors import InputError, set_by
from ..model import Document
from .readers.base import MAX_BLOCKS, Page

# Bytes read from one input at most. Saved news pages are well under 1 MB (the dev set: 0.2 MB at most); a
# page saved with its images inlined (SingleFile) can reach tens of MB and needs --max-bytes.
MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much of one input is read at most (the max_bytes and max_blocks settings), for readers of articles
    that take no RunOptions (align, run --reference's translation)."""

    max_bytes: int = MAX_BYTES
    max_blocks: int = MAX_BLOCKS


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket"}


def document_name(path: Path) -> str:
    """'jiemian-openai-board.zh.txt' → 'jiemian-openai-board': the file stem without a language tag."""
    stem = path.name
    for suffix in sorted(readers.EXTENSIONS, key=len, reverse=True):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = re.sub(r"\.(zh|zh[-_](cn|hans|sg))$", "", stem, flags=re.I)
    return path.name if stem.strip(".") == "" else stem  # '...txt' is not to become the folder '..'


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages: "a FIFO (named pipe)" …"""
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


def not_taken(path: Path, inside: Path, follow_links: bool) -> str | None:
    """Why a file found in a walk is not an input, or None: only regular files are read, and a symbolic link
    is followed out of the walked folder only when asked (--follow-links)."""
    try:
        mode = path.lstat().st_mode
        linked = stat.S_ISLNK(mode)
        if linked:
            mode = path.stat().st_mode
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if not stat.S_ISREG(mode):
        return f"{file_kind(mode)}, not an article file"
    if not follow_links and linked and inside not in path.resolve().parents:
        return "a symbolic link to a file outside the folder (--follow-links takes it)"
    return None


def read_input(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of an input file, at most max_bytes of them: a regular file, never a FIFO (which would hang
    the run), a device (/dev/zero never ends) or a socket. Opened without blocking, then checked."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as error:
        raise InputError("no such file", path) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path) from error
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise InputError("is a folder, not an article file", path)
        if not stat.S_ISREG(status.st_mode):
            raise InputError(f"is {file_kind(status.st_mode)}, not an article file", path)
        try:
            data = _read_at_most(descriptor, max_bytes + 1, status.st_size)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", path) from error
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise InputError(f"larger than the limit of {max_bytes:,} bytes ({set_by(max_bytes, '--max-bytes')})", path)
    return data


def _read_at_most(descriptor: int, limit: int, size: int) -> bytes:
    """Up to `limit` bytes, asked for in reads of the size the file had (and one byte more, to see its end)
    rather than of the limit: a buffer of the limit's size (32 MiB) would be mapped and cut down per input."""
    parts: list[bytes] = []
    read = 0
    while read < limit:
        part = os.read(descriptor, min(limit - read, max(size + 1 - read, 1 << 16)))
        if not part:
            break
        parts.append(part)
        read += len(part)
    return b"".join(parts)


def read_article(path: Path, input_format: str | None = None, max_bytes: int = MAX_BYTES,
                 max_blocks: int = MAX_BLOCKS) -> Document:
    """`input_format` (a name in readers.FORMATS) overrides what the extension and the content suggest; a
    document of more than max_blocks blocks fails (readers/base.py), and so does one whose parts unpack to more
    than max_bytes (a zip format)."""
    data = read_input(path, max_bytes)
    page, detected, encoding = readers.read_file(data, path, input_format, max_blocks, max_bytes)
    return _document(page, detected, path, encoding, hashlib.sha256(data).hexdigest())


def parse_article(text: str, path: Path, encoding: str = "utf-8", sha256: str = "",
                  input_format: str | None = None, max_blocks: int = MAX_BLOCKS) -> Document:
    """The article in a text format's text (already decoded)."""
    page, detected = readers.read_text(text, path, input_format, max_blocks)
    return _document(page, detected, path, encoding, sha256)


def _document(page: Page, detected: readers.Detected, path: Path, encoding: str, sha256: str) -> Document:
    from .clean import clean  # here: a re-run that finds every input unchanged reads none and needs no cleaning

    article = clean(page)
    if not article.paragraphs:
        raise InputError("no article text found: every block looks like page chrome", path)
    return Document(document_name(path), path.name, encoding, sha256, article.paragraphs, article.removed,
                    detected.format, tuple(page.metadata.items()), article.fallback, format_reason=detected.reason,
                    warnings=page.warnings)
