"""The aligned segment table, as TSV or JSON Lines. TSV is opened in spreadsheets, so its text cells are
guarded against formula injection (escapes.spreadsheet_cell); JSON Lines is for programs and is left as is."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from .escapes import spreadsheet_cell

FORMATS = ("tsv", "jsonl")


def render_rows(columns: Sequence[str], rows: list[Sequence[str | int]], format: str = "tsv") -> str:
    """One header line (TSV only) and one line per row; tabs and newlines inside cells are quoted."""
    if format == "jsonl":
        return "".join(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows([spreadsheet_cell(cell) if isinstance(cell, str) else cell for cell in row] for row in rows)
    return buffer.getvalue()
