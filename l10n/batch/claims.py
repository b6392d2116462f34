"""Which output folder each input of a run has taken, so two inputs that would share one are caught.

The claims live in a private temporary SQLite database (on disk, deleted when the run closes it), not in
Python objects, so a run's memory stays the same however many documents the archive has.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path


class FolderClaims:
    def __init__(self):
        self._connection = sqlite3.connect("", isolation_level=None)  # "": SQLite's private temporary file
        self._connection.execute("CREATE TABLE claims (folder TEXT PRIMARY KEY, input TEXT NOT NULL)")

    def claim(self, folder: Path, input_path: Path) -> Path | None:
        """Give the folder to the input; when another input has it already, that input (and nothing changes)."""
        row = self._connection.execute("SELECT input FROM claims WHERE folder = ?", (str(folder),)).fetchone()
        if row is not None:
            return Path(row[0])
        self._connection.execute("INSERT INTO claims VALUES (?, ?)", (str(folder), str(input_path)))
        return None

    def close(self) -> None:
        self._connection.close()
