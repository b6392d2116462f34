"""The one place that composes the stages: ingest → segment → variant → catalogs → files."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib

from . import glossary as glossaries
from . import po
from .errors import OutputError, UsageError
from .files import write_atomic
from .glossary import Glossary, term_notes
from .ingest import read_article
from .model import Document, GlossaryEntry, Segment, Target
from .qa.terms import check_terms
from .segment import segment_document
from .table import render_rows
from .variant import DEFAULT_HANT, convert, hant_locale, traditional_variant

BUNDLED_SAMPLE = Path(__file__).parent / "samples" / "jiemian-openai-board.zh.txt"
DEFAULT_GLOSSARY = Path("glossary.csv")
ENGLISH = "en"


@dataclass(frozen=True)
class RunOptions:
    out_dir: Path = Path("output")
    hant: str = DEFAULT_HANT
    glossary: Path | None = None  # None: ./glossary.csv when there is one


def load_glossary(path: Path | None) -> Glossary:
    if path is None:
        path = DEFAULT_GLOSSARY if DEFAULT_GLOSSARY.is_file() else None
    return glossaries.load(path) if path is not None else Glossary([])


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    segments: list[Segment]
    folder: Path
    files: tuple[Path, ...]


ProgressCallback = Callable[[str, str], None]  # (document name, step being started)


def load_documents(paths: list[Path]) -> list[Document]:
    """Read every input before anything is written, so one bad file stops the run cleanly."""
    documents = [read_article(path) for path in paths]
    seen: dict[str, Path] = {}
    for path, document in zip(paths, documents, strict=True):
        if document.name in seen:
            raise UsageError(f"same document name {document.name!r} as {seen[document.name]}; "
                             "rename one of them", path)
        seen[document.name] = path
    return documents


def _keep_reviewed_work(fresh: polib.POFile, path: Path) -> polib.POFile:
    """A regenerated catalog keeps whatever a reviewer already wrote in the file it replaces."""
    return po.merge_previous(fresh, po.read_catalog(path)) if path.exists() else fresh


def _segment_rows(segments: list[Segment], targets: list[tuple[str, dict[str, str]]]):
    columns = ["id", "paragraph", "sentence", "part", "zh_Hans", *(locale for locale, _ in targets)]
    rows = [[segment.id, segment.paragraph, segment.sentence, segment.part.value, segment.source,
             *(texts.get(segment.id, "") for _, texts in targets)] for segment in segments]
    return columns, rows


def _removed_rows(document: Document):
    return ["line", "reason", "text"], [[removal.line, removal.reason, removal.text] for removal in document.removed]


def _expected_renderings(config: str, locale: str):
    def english(entry: GlossaryEntry) -> str:
        return entry.english

    def traditional(entry: GlossaryEntry) -> str:
        return entry.traditional_for(locale) or convert(entry.source, config)

    return {ENGLISH: english, locale: traditional}


def localize(document: Document, options: RunOptions, glossary: Glossary,
             on_step: ProgressCallback | None = None) -> DocumentResult:
    def step(name: str) -> None:
        if on_step is not None:
            on_step(document.name, name)

    folder = options.out_dir / document.name
    if folder.exists() and not folder.is_dir():
        raise OutputError("exists and is not a folder", folder)
    step("segmenting")
    segments = glossary.annotate(segment_document(document))
    step("converting to Traditional Chinese")
    hant = traditional_variant(segments, options.hant)
    english = Target(ENGLISH, {}, "none")
    notes = {segment.id: term_notes(segment) for segment in segments if segment.terms}
    expected = _expected_renderings(options.hant, hant.locale)

    step("writing catalogs")
    outputs: dict[Path, str] = {folder / f"{document.name}.pot": po.render(po.template(document, segments, notes))}
    reviewed: list[tuple[str, dict[str, str]]] = []
    for target in (hant, english):
        path = folder / f"{target.locale}.po"
        catalog = _keep_reviewed_work(po.target_catalog(document, segments, target, notes), path)
        texts = {entry.msgctxt: entry.msgstr for entry in catalog if not entry.obsolete}
        po.add_issues(catalog, check_terms(segments, texts, expected[target.locale]))
        outputs[path] = po.render(catalog)
        reviewed.append((target.locale, texts))
    outputs[folder / "segments.tsv"] = render_rows(*_segment_rows(segments, reviewed))
    outputs[folder / "removed.tsv"] = render_rows(*_removed_rows(document))
    for path, text in outputs.items():
        write_atomic(path, text)
    return DocumentResult(document, segments, folder, tuple(outputs))


def run(paths: list[Path], options: RunOptions, on_step: ProgressCallback | None = None) -> list[DocumentResult]:
    hant_locale(options.hant)
    glossary = load_glossary(options.glossary)
    documents = load_documents(paths or [BUNDLED_SAMPLE])
    return [localize(document, options, glossary, on_step) for document in documents]
