"""The two sides of an alignment, read from files: articles the pipeline reads, or one sentence per line."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..reading import readers
from ..plumbing.errors import InputError, UsageError
from ..reading.ingest import Limits, not_taken, read_article, read_input
from ..model import Document
from ..text.placeholders import strip
from ..reading.readers.charset import decode
from ..reading.segment import segment_document




@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # 1-based line of the input file it comes from


@dataclass(frozen=True)
class Side:
    path: Path
    sentences: tuple[Sentence, ...]
    document: Document | None = None  # the ingested article, when the side was read as one


def _read_text(path: Path, limits: Limits) -> str:
    data = read_input(path, limits.max_bytes)
    return decode(data, path, readers.declared_charset(data))[0]


def read_lines(path: Path, limits: Limits = Limits()) -> Side:
    """A pre-split file: every non-blank line is one sentence; its line number is kept."""
    text = _read_text(path, limits)
    sentences = tuple(Sentence(line.strip(), number) for number, line in enumerate(text.split("\n"), start=1)
                      if line.strip())
    return Side(path, sentences)


def read_chinese(path: Path, limits: Limits = Limits()) -> Side:
    """A Chinese article, ingested (chrome removed) and segmented as `run` does."""
    document = read_article(path, max_bytes=limits.max_bytes, max_blocks=limits.max_blocks)
    return Side(path, tuple(Sentence(strip(segment.source), segment.line)
                            for segment in segment_document(document)), document)


def read_english(path: Path, limits: Limits = Limits()) -> Side:
    """An English article read by the pipeline's readers (every format of readers.FORMATS), leaving out the blocks
    the markup marks as page furniture (nav, footer …); each block is split into sentences by pySBD.
    The chrome cleaner is tuned on Chinese pages, so it is not applied to English ones."""
    page, _, _ = readers.read_file(read_input(path, limits.max_bytes), path, None, limits.max_blocks, limits.max_bytes)
    sentences = tuple(Sentence(sentence, block.line) for block in page.blocks if not block.context
                      for sentence in english_sentences(strip(block.text)))
    if not sentences:
        raise InputError("no English text found", path)
    return Side(path, sentences)


def english_sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in _segmenter().segment(text) if sentence.strip()]


@functools.lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


_LANGUAGE_TAG = re.compile(r"[._-](zh|zh[-_](cn|hans|sg|hant|tw|hk)|en|en[-_][a-z]{2})$", re.IGNORECASE)


def pairing_key(path: Path) -> str:
    """'openai-board.zh.txt' and 'openai-board.en.md' both give 'openai-board'."""
    return _LANGUAGE_TAG.sub("", path.name.rsplit(".", 1)[0] if "." in path.name else path.name)


def pair_folders(zh_folder: Path, en_folder: Path, follow_links: bool = False,
                 on_skipped: Callable[[Path, str], None] | None = None) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """Files of the two folders paired by name (language tags and extensions aside); and the unpaired ones.
    Subfolders are not walked; a file is taken as `run` takes one in a folder (ingest.not_taken: a symbolic link
    out of the folder only with follow_links, never a FIFO or a device), what is not is handed to on_skipped."""
    def taken(path: Path, inside: Path) -> bool:
        if path.name.startswith(".") or path.is_dir():
            return False
        reason = not_taken(path, inside, follow_links)
        if reason is not None and on_skipped is not None:
            on_skipped(path, reason)
        return reason is None

    def files(folder: Path) -> dict[str, Path]:
        found: dict[str, Path] = {}
        inside = folder.resolve()
        for path in sorted(p for p in folder.iterdir() if taken(p, inside)):
            key = pairing_key(path)
            if key in found:
                raise UsageError(f"{found[key].name} and {path.name} would both pair as {key!r}; rename one", folder)
            found[key] = path
        return found

    zh, en = files(zh_folder), files(en_folder)
    pairs = [(zh[key], en[key]) for key in sorted(zh.keys() & en.keys())]
    unpaired = [zh[key] for key in sorted(zh.keys() - en.keys())] + [en[key] for key in sorted(en.keys() - zh.keys())]
    return pairs, unpaired
