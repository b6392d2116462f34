"""The editions dev set: adjudicated items that point into texts under ../shared (rubric: docs/editions-rubric.md).

The items hold no article text (the data's terms: measure with it, do not ship it): each row names a file
under the shared folder (or, for a path beginning with benchmarks/, in this repository), a line (1-based),
character offsets in that line and the Simplified span, so the sentence is read from the source at scoring
time. A TSV with a header row; lines starting with '#' are comments. Columns:

    sentence  file  line  start  end  region  kind  span  accepted  comment

A row of kind `sentence` declares a scored sentence: line[start:end] of the file, `span` is `sha1=` and the
first 12 hex digits of the sentence's SHA-1, so a changed source is caught; its region is `-` for a sentence
scored in both regions, or the one region it was adjudicated for (`tw`). Every other row
is an annotation of that sentence for one region (`tw` or `hk`): `span` is line[start:end], `kind` one of
vocabulary, names, characters, punctuation, and `accepted` the forms that region's newsrooms print there,
separated by `|`, the preferred first.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from editions_scoring import KINDS, REGIONS, Span

COLUMNS = ("sentence", "file", "line", "start", "end", "region", "kind", "span", "accepted", "comment")


class GoldError(Exception):
    """A problem in an items file or in the text it points to: the message names the file and line."""


@dataclass
class Sentence:
    id: str
    file: str
    line: int
    start: int
    end: int
    text: str
    spans: dict[str, list[Span]] = field(default_factory=lambda: {region: [] for region in REGIONS})
    regions: tuple[str, ...] = REGIONS  # the regions it is scored in


REPOSITORY = Path(__file__).resolve().parent.parent


def source_path(file: str, shared: Path) -> Path:
    """Where an item's file is: the repository's own benchmark data, or the shared folder."""
    return REPOSITORY / file if file.startswith("benchmarks/") else shared / file


def read_source_lines(path: Path) -> list[str]:
    """A source file's lines as the items count them: UTF-8, else GB18030 (two dev pages are GBK), line
    breaks \\n with a trailing \\r dropped."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return [line.removesuffix("\r") for line in text.split("\n")]


def read_items(path: Path, shared: Path) -> list[Sentence]:
    """The sentences of one items file, each with its text and its annotations per region."""
    sentences: dict[str, Sentence] = {}
    sources: dict[str, list[str]] = {}
    try:
        rows = path.read_text(encoding="utf-8").split("\n")
    except OSError as error:
        raise GoldError(f"{path}: cannot read: {error.strerror}") from None
    header_seen = False
    for number, row in enumerate(rows, 1):
        if not row.strip() or row.startswith("#"):
            continue
        where = f"{path}:{number}"
        cells = row.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise GoldError(f"{where}: expected the header {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise GoldError(f"{where}: {len(cells)} columns, expected {len(COLUMNS)}")
        sentence_id, file, line, start, end, region, kind, span, accepted, _ = cells
        try:
            line, start, end = int(line), int(start), int(end)
        except ValueError:
            raise GoldError(f"{where}: line, start and end must be numbers") from None
        if file not in sources:
            try:
                sources[file] = read_source_lines(source_path(file, shared))
            except OSError as error:
                raise GoldError(f"{where}: cannot read {source_path(file, shared)}: {error.strerror}") from None
        lines = sources[file]
        if not 1 <= line <= len(lines) or not 0 <= start <= end <= len(lines[line - 1]):
            raise GoldError(f"{where}: {file} has no characters {start}-{end} on line {line}")
        text = lines[line - 1][start:end]
        if kind == "sentence":
            digest = "sha1=" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
            if span != digest:
                raise GoldError(f"{where}: {file} line {line} [{start}:{end}] is not the sentence annotated "
                                f"({digest}, expected {span})")
            if sentence_id in sentences:
                raise GoldError(f"{where}: sentence {sentence_id} declared twice")
            if region != "-" and region not in REGIONS:
                raise GoldError(f"{where}: a sentence's region must be - (both) or one of {', '.join(REGIONS)}")
            sentences[sentence_id] = Sentence(sentence_id, file, line, start, end, text,
                                              regions=REGIONS if region == "-" else (region,))
            continue
        sentence = sentences.get(sentence_id)
        if sentence is None:
            raise GoldError(f"{where}: annotation of {sentence_id} before its sentence row")
        if region not in sentence.regions or kind not in KINDS:
            raise GoldError(f"{where}: region must be one of {', '.join(sentence.regions)} (the sentence's) "
                            f"and kind one of {', '.join(KINDS)}")
        if (file, line) != (sentence.file, sentence.line) or not sentence.start <= start <= end <= sentence.end:
            raise GoldError(f"{where}: the span lies outside sentence {sentence_id}")
        if text != span:
            raise GoldError(f"{where}: {file} line {line} [{start}:{end}] reads {text!r}, not {span!r}")
        spans = sentence.spans[region]
        relative = Span(start - sentence.start, end - sentence.start, kind, tuple(accepted.split("|")))
        if spans and spans[-1].end > relative.start:
            raise GoldError(f"{where}: the span overlaps or precedes the one before it for {region}")
        spans.append(relative)
    if not header_seen:
        raise GoldError(f"{path}: no header row")
    return list(sentences.values())
