"""The document's structure beside its catalogs: what a build needs that the .pot cannot hold.

`document.json` records the format the article came in, its metadata and every block (part, level,
text with placeholders, the spans behind them, input lines) with the ids and sources of its segments,
in order. It is written by `run` with the other outputs and read back by `build`, the review page and
the exports, which turn it into the same model objects again.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..plumbing.errors import InputError, UsageError
from ..plumbing.escapes import json_text
from ..model import Document, Paragraph, Part, Segment, Span

FILE_NAME = "document.json"
_VERSION = 1


def render(document: Document, segments: list[Segment]) -> str:
    by_paragraph: dict[int, list[Segment]] = {}
    for segment in segments:
        by_paragraph.setdefault(segment.paragraph, []).append(segment)
    blocks = [{
        "index": paragraph.index,
        "part": paragraph.part.value,
        "level": paragraph.level,
        "line": paragraph.line,
        "end_line": paragraph.end_line or paragraph.line,
        "text": paragraph.text,
        "spans": [{"number": span.number, "kind": span.kind, "target": span.target} for span in paragraph.spans],
        "segments": [{"id": segment.id, "sentence": segment.sentence, "source": segment.source}
                     for segment in by_paragraph.get(paragraph.index, [])],
    } for paragraph in document.paragraphs]
    header = {
        "l10n_structure": _VERSION,
        "name": document.name,
        "source_name": document.source_name,
        "encoding": document.encoding,
        "source_sha256": document.source_sha256,
        "format": document.format,
        "metadata": [list(pair) for pair in document.metadata],
    }
    # A field, and a block, per line: diffs stay readable, and json's C encoder does the work (indent= would
    # hand it to the pure-Python one, a tenth of a no-MT run).
    fields = [f"{json.dumps(key)}: {json_text(value)}" for key, value in header.items()]
    listed = ",\n  ".join(map(json_text, blocks))
    fields.append(f'"blocks": [\n  {listed}\n ]' if blocks else '"blocks": []')
    return "{" + ",\n ".join(fields) + "}\n"


def read(path: Path) -> tuple[Document, list[Segment]]:
    """The document and its segments as `run` saw them."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError(f"no {FILE_NAME}: run `l10n run` again to record the document's structure",
                         path.parent) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path) from error
    except UnicodeDecodeError as error:
        raise InputError("not UTF-8", path) from error
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg}", path, error.lineno) from error
    except RecursionError:
        raise InputError("not a document structure file (nested too deeply)", path) from None
    try:
        if data["l10n_structure"] != _VERSION:
            raise InputError(f"structure version {data['l10n_structure']!r}; this l10n reads {_VERSION}", path)
        paragraphs, segments = [], []
        for block in data["blocks"]:
            part = Part(block["part"])
            spans = tuple(Span(span["number"], span["kind"], span["target"]) for span in block["spans"])
            paragraphs.append(Paragraph(block["index"], part, block["text"], block["line"], block["end_line"],
                                        spans, block["level"]))
            segments += [Segment(item["id"], block["index"], item["sentence"], part, block["line"], item["source"])
                         for item in block["segments"]]
        document = Document(data["name"], data["source_name"], data["encoding"], data["source_sha256"],
                            tuple(paragraphs), (), data["format"], tuple(tuple(pair) for pair in data["metadata"]))
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"not a document structure file ({type(error).__name__}: {error})", path) from error
    return document, segments


def document_folders(paths: list[Path]) -> list[Path]:
    """Each path is a document's folder or a folder of them (such as `output/`)."""
    folders: list[Path] = []
    for path in paths:
        if (path / FILE_NAME).is_file():
            folders.append(path)
            continue
        if not path.is_dir():
            raise UsageError("no such folder", path)
        found = sorted(child for child in path.iterdir() if (child / FILE_NAME).is_file())
        if not found:
            raise UsageError(f"no document folder here (none holds {FILE_NAME}); run `l10n run` first", path)
        folders += found
    return folders
