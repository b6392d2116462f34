"""What each document in an output folder was made from, so a re-run skips what has not changed.

`OUT/.l10n-manifest.jsonl` holds one JSON record per document: the input path and its SHA-256, what the run
was made with (l10n version, glossary digest, options, model), and the files written with their size and
modification time. A document is skipped when its input, the run's recipe and its files are all as recorded;
a file a reviewer has edited since counts as changed, so the document is redone and their work merged.

Records are appended as documents finish (a crash loses at most the line being written, and that document
is simply redone) and the file is rewritten once, compacted, at the end of the run.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from .files import write_atomic

MANIFEST_NAME = ".l10n-manifest.jsonl"
_FORMAT = 1


def digest_files(paths: Iterable[Path]) -> str:
    """SHA-256 over the files' contents, in order: one value for a glossary made of several files."""
    hashed = hashlib.sha256()
    for path in paths:
        hashed.update(path.read_bytes())
        hashed.update(b"\0")
    return hashed.hexdigest()


def _stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


class Manifest:
    def __init__(self, folder: Path):
        self.path = folder / MANIFEST_NAME
        self.folder = folder
        self._records: dict[str, dict] = {}
        self._changed = False
        self._appending = None
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (FileNotFoundError, UnicodeDecodeError):
            lines = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash: that document is redone
            if isinstance(record, dict) and record.get("format") == _FORMAT and "input" in record:
                self._records[record["input"]] = record

    def __len__(self) -> int:
        return len(self._records)

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def unchanged(self, key: str, sha256: str, made_with: dict) -> dict | None:
        """The record when the document can be skipped: same input, same recipe, its files untouched."""
        record = self._records.get(key)
        if record is None or record["sha256"] != sha256 or record["made_with"] != made_with:
            return None
        for name, stamp in record["files"].items():
            if _stamp(self.folder / name) != stamp:
                return None
        return record

    def record(self, key: str, sha256: str, made_with: dict, files: Iterable[Path]) -> None:
        record = {"format": _FORMAT, "input": key, "sha256": sha256, "made_with": made_with,
                  "files": {path.relative_to(self.folder).as_posix(): _stamp(path) for path in files}}
        self._records[key] = record
        self._changed = True
        if self._appending is None:
            self._appending = self.path.open("a", encoding="utf-8")
        self._appending.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        self._appending.flush()

    def close(self) -> None:
        if self._appending is not None:
            self._appending.close()
            self._appending = None
        if self._changed:
            lines = (json.dumps(self._records[key], ensure_ascii=False, sort_keys=True) for key in sorted(self._records))
            write_atomic(self.path, "".join(line + "\n" for line in lines))
            self._changed = False


def input_key(path: Path) -> str:
    """How the manifest names an input: its absolute path, so the same file is found from any folder."""
    return os.path.abspath(path)
