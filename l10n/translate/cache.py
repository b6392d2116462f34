"""A SQLite cache of finished English drafts, so a re-run translates only new or changed segments.

The key covers everything that shapes a draft: the engine's signature (model, version, options that change
its output), the source sentence, the glossary entries that apply (and the rendering required of each) and
how many hypotheses enforcement asks for. A cache that cannot
be read is set aside and rebuilt with a warning: losing the cache costs time, never work.

Two runs may share the cache: it is in WAL mode (readers never wait for a writer) and waits up to
BUSY_TIMEOUT seconds for a lock. A cache still locked after that is busy, not broken: the run goes on
without it and the file is left alone.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path

from ..plumbing.databases import open_database, set_aside
from ..plumbing.files import cache_folder
from .base import Warn

_SCHEMA = "CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
BUSY_TIMEOUT = 30.0
_REOPEN_PAUSE = 0.05  # seconds between attempts to open a cache another run is creating


def _is_busy(error: sqlite3.Error) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED (extended codes included): another connection holds the lock."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def default_cache_path() -> Path:
    return cache_folder() / "translations.sqlite3"


def cache_key(parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _decoded(value: object) -> object | None:
    """A row's value; None (a miss, replaced when the draft is made again) for one that is not JSON."""
    try:
        return json.loads(value)
    except (TypeError, ValueError, RecursionError):
        return None


class TranslationCache:
    def __init__(self, path: Path, warn: Warn, busy_timeout: float = BUSY_TIMEOUT):
        self.path = path
        self._warn = warn
        self._busy_timeout = busy_timeout
        self._connection: sqlite3.Connection | None = None
        try:
            self._connection = self._open()
        except (sqlite3.DatabaseError, OSError) as error:
            self._failed(error)

    def _open(self) -> sqlite3.Connection:
        """Opened within the busy timeout: two runs creating the cache at once race to switch it to WAL, and
        SQLite answers that race "database is locked" at once, without waiting on its busy handler."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self._busy_timeout
        while True:
            try:
                return open_database(self.path, _SCHEMA, "drafts", ("journal_mode=WAL",), timeout=self._busy_timeout)
            except sqlite3.Error as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise
                time.sleep(_REOPEN_PAUSE)

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _failed(self, error: Exception) -> None:
        """A busy cache is left alone for this run; anything else is corruption and is rebuilt."""
        if isinstance(error, sqlite3.Error) and _is_busy(error):
            self._close()
            self._warn(f"{self.path}: translation cache busy (another run is using it: {error}); "
                       "translating without it")
        else:
            self._rebuild(error)

    def _rebuild(self, error: Exception) -> None:
        """Move the unreadable file aside (kept for inspection) and start an empty cache."""
        self._close()
        try:
            aside = set_aside(self.path)
            self._connection = self._open()
            self._warn(f"{self.path}: translation cache unreadable ({error}); moved to {aside.name} and rebuilt")
        except (sqlite3.DatabaseError, OSError) as second:
            self._warn(f"{self.path}: translation cache unusable ({second}); translating without it")

    def get_many(self, keys: list[str]) -> dict[str, dict]:
        if self._connection is None or not keys:
            return {}
        found: dict[str, dict] = {}
        try:
            for start in range(0, len(keys), 500):
                part = keys[start:start + 500]
                rows = self._connection.execute(
                    f"SELECT key, value FROM drafts WHERE key IN ({','.join('?' * len(part))})", part)
                found.update((key, decoded) for key, value in rows if (decoded := _decoded(value)) is not None)
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return {}
        return found

    def put_many(self, items: dict[str, dict]) -> None:
        if self._connection is None or not items:
            return
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO drafts (key, value) VALUES (?, ?)",
                    [(key, json.dumps(value, ensure_ascii=False)) for key, value in items.items()])
        except sqlite3.DatabaseError as error:
            self._failed(error)

    def close(self) -> None:
        self._close()
