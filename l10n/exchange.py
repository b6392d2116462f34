"""Exchange formats for CAT tools: reviewed translations out as TMX and XLIFF, from the document folders
that `run` wrote (their structure file and catalogs)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import reviewed, structure
from .files import write_atomic
from .model import Document, Segment
from .reviewed import SOURCE_LANGUAGE, Catalog, exchange_tag, language_tag

TMX_NAME = "translations.tmx"  # --multilingual: every language in one file


def tmx_name(locale: str) -> str:
    """One language pair's file: translations.en.tmx (zh-CN → en), translations.zh_TW.tmx."""
    return f"translations.{locale}.tmx"


PLACEHOLDER_FORMS = ("codes", "text")


@dataclass(frozen=True)
class ExportOptions:
    folder: Path  # exported when no folder is given: where `run` writes (settings: out)


@dataclass(frozen=True)
class TmxOptions(ExportOptions):
    tags: str = "cat"  # reviewed.TAG_SCHEMES
    multilingual: bool = False  # every language in one file instead of one file per pair
    placeholders: str = "codes"  # PLACEHOLDER_FORMS: inline codes, or the text the catalogs hold (writers/tmx.py)


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


def export_tmx(paths: list[Path], out_dir: Path, options: TmxOptions) -> list[Exported]:
    """One TMX per language pair (Simplified → each target), or with `multilingual` every target in one
    file: one unit per distinct sentence with a reviewed (translated, not fuzzy) target.

    A pair per file because tools read a unit as one pair: OmegaT takes whichever of several targets its
    language matching meets last as the source, Translate Toolkit the second variant as the target."""
    from .writers.tmx import Unit, render

    documents = _documents(paths)
    tags = options.tags
    source_language = exchange_tag(None, tags)
    locales = sorted({catalog.locale for _, _, catalogs in documents for catalog in catalogs})
    groups = [(out_dir / TMX_NAME, locales)] if options.multilingual else [(out_dir / tmx_name(locale), [locale])
                                                                    for locale in locales]
    exported = []
    for path, wanted in groups:
        units: list[Unit] = []
        seen: set[tuple] = set()
        counts: dict[str, int] = {}
        for document, segments, catalogs in documents:
            spans = _spans(document)
            for segment in segments:
                targets = []
                for catalog in catalogs:
                    translation = catalog.translations.get(segment.id)
                    if catalog.locale in wanted and translation is not None and translation.text \
                            and not translation.fuzzy:
                        targets.append((exchange_tag(catalog.locale, tags), translation.text))
                key = (segment.source, tuple(targets))
                if not targets or key in seen:
                    continue
                seen.add(key)
                for language, _ in targets:
                    counts[language] = counts.get(language, 0) + 1
                units.append(Unit(f"{document.name}:{segment.id}", (("x-document", document.name),
                                                                    ("x-segment", segment.id)),
                                  segment.source, spans[segment.paragraph], tuple(targets)))
        write_atomic(path, render(units, source_language, "gettext PO", options.placeholders == "codes"))
        exported.append(Exported(path, len(units), tuple(sorted(counts.items()))))
    return exported


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
