"""The aligned segment table, as TSV or JSON Lines."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

FORMATS = ("tsv", "jsonl")


def render_rows(columns: Sequence[str], rows: list[Sequence[str | int]], format: str = "tsv") -> str:
    """One header line (TSV only) and one line per row; tabs and newlines inside cells are quoted."""
    if format == "jsonl":
        return "".join(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
