"""What `l10n export tmx|xliff` take: their options and choices, apart from exchange.py, which imports the
catalogs: the command line reads these at start-up, and a run (which may only skip documents) never exports."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER_FORMS = ("codes", "text")
UNIT_SHAPES = ("block", "sentence")


@dataclass(frozen=True)
class ExportOptions:
    folder: Path  # exported when no folder is given: where `run` writes (settings: out)


@dataclass(frozen=True)
class TmxOptions(ExportOptions):
    tags: str = "cat"  # locales.TAG_SCHEMES
    multilingual: bool = False  # every language in one file instead of one file per pair
    placeholders: str = "codes"  # PLACEHOLDER_FORMS: inline codes, or the text the catalogs hold (writers/tmx.py)


@dataclass(frozen=True)
class XliffOptions(ExportOptions):
    # block: a <unit> per block, a <segment> per sentence (the spec's shape); sentence: a <group> per block and a
    # <unit> per sentence, for readers that keep one segment per unit (the npm xliff package keeps the last)
    units: str = "block"
