"""What each document in an output folder was made from, so a re-run skips what has not changed.

`OUT/.l10n-manifest.sqlite3` holds one row per document: the input path and its SHA-256, what the run
was made with (l10n version, glossary digest, options, model), and the files written with their size and
modification time. A document is skipped when its input, the run's recipe and its files are all as recorded;
a file a reviewer has edited since counts as changed, so the document is redone and their work merged.

The rows stay on disk and a look-up reads one, so a run's memory does not grow with the archive. Each row
is committed as its document finishes: a crash loses at most the document being written, which is simply
redone. The manifest of earlier versions (`.l10n-manifest.jsonl`, a JSON record per line) is read into the
database once, a line at a time, and removed. A database that cannot be read is set aside as `.corrupt`
and its documents are redone: losing the manifest costs time, never work.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path

from ..plumbing.databases import open_database, set_aside
from ..plumbing.errors import OutputError

MANIFEST_NAME = ".l10n-manifest.sqlite3"
JSONL_NAME = ".l10n-manifest.jsonl"  # the earlier format, read once into the database
_JSONL_FORMAT = 1
_SCHEMA = ("CREATE TABLE IF NOT EXISTS documents (input TEXT PRIMARY KEY, sha256 TEXT NOT NULL, "
           "made_with TEXT NOT NULL, files TEXT NOT NULL)")


def digest_files(paths: Iterable[Path]) -> str:
    """SHA-256 over the files' contents, in order: one value for a glossary made of several files."""
    hashed = hashlib.sha256()
    for path in paths:
        hashed.update(path.read_bytes())
        hashed.update(b"\0")
    return hashed.hexdigest()


def _stamp(path: Path | str) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return _stamp_of(status)


def _stamp_of(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns]


def _canonical(value: object) -> str:
    """One text per value, so a recipe is compared as it was recorded."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _connect(path: Path) -> sqlite3.Connection:
    # The run holds the output folder's lock, so one connection at a time: exclusive mode lets WAL work
    # without a shared-memory file (network folders too), and a commit is an append to the log.
    return open_database(path, _SCHEMA, "documents", ("locking_mode=EXCLUSIVE", "journal_mode=WAL",
                                                      "synchronous=NORMAL"), isolation_level=None)


def _jsonl_rows(lines: Iterable[str]) -> Iterator[tuple[str, str, str, str]]:
    for line in lines:
        try:
            record = json.loads(line)
            if isinstance(record, dict) and record.get("format") == _JSONL_FORMAT:
                yield (record["input"], record["sha256"], _canonical(record["made_with"]),
                       _canonical(record["files"]))
        except (ValueError, KeyError):
            continue  # a line cut short by a crash: that document is redone


class Manifest:
    def __init__(self, folder: Path, warn: Callable[[str], None] = lambda message: None):
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        try:
            self._connection = _connect(self.path)
        except sqlite3.DatabaseError as error:
            self._connection = self._set_aside(error, warn)
        self._import_jsonl(folder / JSONL_NAME)

    def _set_aside(self, error: sqlite3.DatabaseError, warn: Callable[[str], None]) -> sqlite3.Connection:
        try:
            aside = set_aside(self.path)
            connection = _connect(self.path)
        except (sqlite3.DatabaseError, OSError) as second:
            raise OutputError(f"cannot keep a manifest here: {second}", self.path) from second
        warn(f"{self.path}: manifest unreadable ({error}); moved to {aside.name}, so every document is redone")
        return connection

    def _import_jsonl(self, path: Path) -> None:
        """An earlier version's manifest: its records, in file order (a later line wins), then it is removed."""
        try:
            with path.open(encoding="utf-8", errors="replace") as stream:
                rows = _jsonl_rows(stream)
                self._execute("BEGIN")
                while batch := list(islice(rows, 1000)):
                    self._execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", batch, many=True)
                self._execute("COMMIT")
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as error:
            raise OutputError(f"cannot read the earlier manifest into {MANIFEST_NAME}: {error.strerror}",
                              path) from error

    def _execute(self, statement: str, parameters=(), many: bool = False) -> sqlite3.Cursor:
        """A statement, committed at once unless in a BEGIN; a failure is the output folder's, in one line."""
        try:
            if many:
                return self._connection.executemany(statement, parameters)
            return self._connection.execute(statement, parameters)
        except sqlite3.DatabaseError as error:
            raise OutputError(f"cannot update the manifest: {error}", self.path) from error

    def __len__(self) -> int:
        return self._execute("SELECT count(*) FROM documents").fetchone()[0]

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def knows(self, key: str) -> bool:
        """Whether the input has a record: one without is new, and need not be read to be found changed."""
        return self._execute("SELECT 1 FROM documents WHERE input = ?", (key,)).fetchone() is not None

    def unchanged(self, key: str, sha256: str, made_with: dict) -> bool:
        """True when the document can be skipped: same input, same recipe, its files untouched."""
        row = self._execute("SELECT files FROM documents WHERE input = ? AND sha256 = ? AND made_with = ?",
                            (key, sha256, _canonical(made_with))).fetchone()
        if row is None:
            return False
        folder = os.fspath(self.folder)  # joined as text: a re-run checks every file of every document
        return all(_stamp(os.path.join(folder, name)) == stamp for name, stamp in json.loads(row[0]).items())

    def record(self, key: str, sha256: str, made_with: dict, files: Iterable[Path],
               written: Mapping[Path, os.stat_result] | None = None) -> None:
        """`written`: the status of files just written (files.write_atomic's), which need not be read again."""
        written = written or {}
        stamps = {path.relative_to(self.folder).as_posix():
                  _stamp_of(status) if (status := written.get(path)) else _stamp(path) for path in files}
        self._execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                      (key, sha256, _canonical(made_with), _canonical(stamps)))

    def close(self) -> None:
        self._connection.close()


def input_key(path: Path) -> str:
    """How the manifest names an input: its absolute path, so the same file is found from any folder."""
    return os.path.abspath(path)
