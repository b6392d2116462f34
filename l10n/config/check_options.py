"""What `l10n check` (qa/catalogs.py) takes from the settings. Apart from the qa package, whose import registers
every check: reading the settings, which every command does first, needs the defaults alone."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Severity


@dataclass(frozen=True)
class CheckOptions:
    """Built by `options.resolve`, which fills the fields other commands' options own the defaults of."""

    folder: Path  # checked when no folder or .po file is given: where `run` writes
    glossary: tuple[Path, ...]
    name_style: str
    fail_on: str = Severity.ERROR.value  # the least severe finding that fails the check
