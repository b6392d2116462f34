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
    for row in rows:
        cells = [spreadsheet_cell(cell) if isinstance(cell, str) else cell for cell in row]
        line = _plain_line(cells)
        if line is None:
            writer.writerow(cells)
        else:
            buffer.write(line)
    return buffer.getvalue()


def _plain_line(cells: list) -> str | None:
    """The row as the csv writer writes it, joined here where no cell needs anything of it (the writer's own
    loop over every character of every cell was a thirtieth of a no-MT run): no tab, line end or quote in a
    cell, no None, more than one cell. None where the writer is needed."""
    if len(cells) < 2 or None in cells:
        return None
    line = "\t".join(map(str, cells))
    if line.count("\t") != len(cells) - 1 or "\n" in line or "\r" in line or '"' in line:
        return None
    return line + "\n"
