"""Errors the library raises; the CLI turns them into one-line messages and exit codes."""
from __future__ import annotations

from pathlib import Path

from .escapes import one_line


class Limit(int):
    """A size limit (max_bytes, max_blocks) that remembers where it was set, so that the error a file meets
    names what to change: the flag, the settings file's line, or that it is the default. Otherwise the int it
    is; it survives pickling into worker processes."""

    where: str

    def __new__(cls, value: int, where: str) -> Limit:
        limit = super().__new__(cls, value)
        limit.where = where
        return limit

    def __getnewargs__(self) -> tuple[int, str]:
        return int(self), self.where


def set_by(limit: int, flag: str) -> str:
    """Where a limit was set, for an error message: a plain int (a library caller's) names the flag."""
    return getattr(limit, "where", flag)


class L10nError(Exception):
    """A problem the user can fix, located at a file and optionally a line."""

    exit_code = 2

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return one_line(f"{where}{self.message}")  # a file name with a line break in it still gives one line


class InputError(L10nError):
    """An article file that cannot be read or holds no article."""


class UsageError(L10nError):
    """Options or arguments that do not fit together."""


class OutputError(L10nError):
    """An output folder or file that cannot be written."""


class GlossaryError(L10nError):
    """A glossary file with missing columns, empty terms, duplicates or conflicting renderings."""


class ModelError(L10nError):
    """A translation model that is missing, cannot be installed or cannot be loaded."""
