"""Sentence alignment of a Chinese text with its English translation (`l10n align`, `run --reference`).

dp.py finds the links, lexicon.py supplies the lexical evidence, inputs.py reads the two sides,
formats.py writes the result, score.py measures it against a gold alignment.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..reading.ingest import Limits
from ..model import GlossaryEntry
from .formats import Alignment

if TYPE_CHECKING:  # imported where they are used: the command line imports formats.FORMATS at start-up
    from .inputs import Side


def align_sides(zh: Side, en: Side, glossary: Iterable[GlossaryEntry] = ()) -> Alignment:
    from .dp import align
    from .lexicon import cedict

    lexicon = cedict().with_glossary(glossary)
    links = align([s.text for s in zh.sentences], [s.text for s in en.sentences], lexicon)
    return Alignment(zh, en, tuple(links))


def align_files(zh_path: Path, en_path: Path, presplit: bool = False,
                glossary: Iterable[GlossaryEntry] = (), limits: Limits = Limits()) -> Alignment:
    """Read both files (as articles, or one sentence per line) and align them."""
    from .inputs import read_chinese, read_english, read_lines

    if presplit:
        zh, en = read_lines(zh_path, limits), read_lines(en_path, limits)
    else:
        zh, en = read_chinese(zh_path, limits), read_english(en_path, limits)
    return align_sides(zh, en, glossary)
