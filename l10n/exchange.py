"""Exchange formats for CAT tools: reviewed translations out as TMX and XLIFF, from the document folders
that `run` wrote (their structure file and catalogs)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import reviewed, structure
from .files import write_atomic
from .model import Document, Segment
from .reviewed import SOURCE_LANGUAGE, Catalog, language_tag

TMX_NAME = "translations.tmx"


@dataclass(frozen=True)
class ExportOptions:
    folder: Path  # exported when no folder is given: where `run` writes (settings: out)


@dataclass(frozen=True)
class Exported:
    path: Path
    units: int  # TMX: translation units; XLIFF: segments
    counts: tuple[tuple[str, int], ...]  # TMX: reviewed segments per target language; XLIFF: segments per state


def _documents(paths: list[Path]) -> list[tuple[Document, list[Segment], list[Catalog]]]:
    """Every document and its catalogs, all read before anything is written."""
    loaded = []
    for folder in structure.document_folders(paths):
        document, segments = structure.read(folder / structure.FILE_NAME)
        catalogs = [reviewed.read(path, segments) for path in reviewed.catalog_paths(folder).values()]
        loaded.append((document, segments, catalogs))
    return loaded


def _spans(document: Document) -> dict[int, tuple]:
    return {paragraph.index: paragraph.spans for paragraph in document.paragraphs}


def export_tmx(paths: list[Path], out: Path) -> Exported:
    """One unit per distinct sentence with at least one reviewed (translated, not fuzzy) target."""
    from .writers.tmx import Unit, render

    units: list[Unit] = []
    seen: set[tuple] = set()
    for document, segments, catalogs in _documents(paths):
        spans = _spans(document)
        for segment in segments:
            targets = []
            for catalog in catalogs:
                translation = catalog.translations.get(segment.id)
                if translation is not None and translation.text and not translation.fuzzy:
                    targets.append((language_tag(catalog.locale), translation.text))
            key = (segment.source, tuple(targets))
            if not targets or key in seen:
                continue
            seen.add(key)
            units.append(Unit(f"{document.name}:{segment.id}", (("x-document", document.name),
                                                                ("x-segment", segment.id)),
                              segment.source, spans[segment.paragraph], tuple(targets)))
    counts: dict[str, int] = {}
    for unit in units:
        for language, _ in unit.targets:
            counts[language] = counts.get(language, 0) + 1
    write_atomic(out, render(units, SOURCE_LANGUAGE))
    return Exported(out, len(units), tuple(sorted(counts.items())))


def _state(translation: reviewed.Translation | None) -> str:
    if translation is None or not translation.text:
        return "initial"
    return "translated" if translation.fuzzy else "reviewed"


def _notes(translation: reviewed.Translation | None) -> list[tuple[str, str, str]]:
    if translation is None:
        return []
    notes = [("glossary", "source", note) for note in translation.glossary_notes]
    notes += [("qa", "target", f"QA error: {text}") for text in translation.qa_errors]
    notes += [("qa", "target", f"QA warning: {text}") for text in translation.qa_warnings]
    return notes


def export_xliff(paths: list[Path], out_dir: Path) -> list[Exported]:
    """One XLIFF file per target language, every segment in it with its state."""
    from .writers.xliff import File, Segment as XliffSegment, Unit, render

    documents = _documents(paths)
    locales = sorted({catalog.locale for _, _, catalogs in documents for catalog in catalogs})
    exported = []
    for locale in locales:
        files = []
        states: dict[str, int] = {}
        for number, (document, segments, catalogs) in enumerate(documents, start=1):
            catalog = next((c for c in catalogs if c.locale == locale), None)
            if catalog is None:
                continue
            by_paragraph: dict[int, list[Segment]] = {}
            for segment in segments:
                by_paragraph.setdefault(segment.paragraph, []).append(segment)
            units = []
            for paragraph in document.paragraphs:
                members = by_paragraph.get(paragraph.index, [])
                items, notes = [], []
                for segment in members:
                    translation = catalog.translations.get(segment.id)
                    state = _state(translation)
                    states[state] = states.get(state, 0) + 1
                    items.append(XliffSegment(f"s{segment.id}", segment.source,
                                              translation.text if state != "initial" else None, state))
                    notes += [note for note in _notes(translation) if note not in notes]
                if items:
                    units.append(Unit(f"b{paragraph.index}", f"{paragraph.part.value} {paragraph.index}",
                                      paragraph.spans, tuple(items), tuple(notes)))
            files.append(File(f"f{number}", document.source_name, tuple(units)))
        path = out_dir / f"translations.{locale}.xlf"
        write_atomic(path, render(files, SOURCE_LANGUAGE, language_tag(locale)))
        exported.append(Exported(path, sum(states.values()), tuple(sorted(states.items()))))
    return exported
