"""The project's SQLite files (translation cache, manifest) opened one way: settings applied, the table made
and read once, so a file that is not a database fails when it is opened, not halfway through a run."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def open_database(path: Path, schema: str, table: str, pragmas: tuple[str, ...], **connect) -> sqlite3.Connection:
    connection = sqlite3.connect(path, **connect)
    try:
        for pragma in pragmas:
            connection.execute(f"PRAGMA {pragma}")
        connection.execute(schema)
        connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


_SIDE_FILES = ("", "-wal", "-shm", "-journal")  # the database and the logs and index that travel with it


def set_aside(path: Path) -> Path:
    """Move an unreadable database and its side files to `NAME.corrupt…`, kept for inspection; the new name."""
    aside = path.with_name(path.name + ".corrupt")
    for suffix in _SIDE_FILES:
        part = path.with_name(path.name + suffix)
        if part.exists():
            part.replace(aside.with_name(aside.name + suffix))
    return aside
