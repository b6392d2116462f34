"""Exchange formats for CAT tools: reviewed translations out as TMX and XLIFF, from the document folders
that `run` wrote (their structure file and catalogs)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .text import notes
from .catalog import reviewed, structure
from .catalog.entries import Entry
from .catalog.reviewed import DocumentCatalog
from .config.exchange_options import TmxOptions, XliffOptions
from .plumbing.files import write_atomic
from .locales import SOURCE, exchange_tag
from .model import Document, Segment
from .text.placeholders import tags

TMX_NAME = "translations.tmx"  # --multilingual: every language in one file


def tmx_name(locale: str) -> str:
    """One language pair's file: translations.en.tmx (zh-CN → en), translations.zh_TW.tmx."""
    return f"translations.{locale}.tmx"


@dataclass(frozen=True)
class Exported:
    path: Path
    units: int  # TMX: translation units; XLIFF: segments
    counts: tuple[tuple[str, int], ...]  # TMX: reviewed segments per target language; XLIFF: segments per state


def _documents(paths: list[Path]) -> list[tuple[Document, list[Segment], list[DocumentCatalog]]]:
    """Every document and its catalogs, all read before anything is written."""
    loaded = []
    for folder in structure.document_folders(paths):
        document, segments = structure.read(folder / structure.FILE_NAME)
        catalogs = reviewed.read_folder(folder, segments)
        loaded.append((document, segments, catalogs))
    return loaded


def _spans(document: Document) -> dict[int, tuple]:
    return {paragraph.index: paragraph.spans for paragraph in document.paragraphs}


def export_tmx(paths: list[Path], out_dir: Path, options: TmxOptions) -> list[Exported]:
    """One TMX per language pair (Simplified → each target), or with `multilingual` every target in one
    file: one unit per distinct sentence with a reviewed (translated, not fuzzy) target.

    A pair per file because tools read a unit as one pair: OmegaT takes whichever of several targets its
    language matching meets last as the source, Translate Toolkit the second variant as the target."""
    from .writers.tmx import TmxUnit, render

    documents = _documents(paths)
    tags = options.tags
    source_tag = exchange_tag(None, tags)
    locales = sorted({catalog.locale for _, _, catalogs in documents for catalog in catalogs})
    groups = [(out_dir / TMX_NAME, locales)] if options.multilingual else [(out_dir / tmx_name(locale), [locale])
                                                                    for locale in locales]
    exported = []
    for path, wanted in groups:
        units: list[TmxUnit] = []
        seen: set[tuple] = set()
        counts: dict[str, int] = {}
        for document, segments, catalogs in documents:
            spans = _spans(document)
            for segment in segments:
                targets = []
                for catalog in catalogs:
                    translation = catalog.translations.get(segment.id)
                    if catalog.locale in wanted and translation is not None and translation.msgstr \
                            and not translation.fuzzy:
                        targets.append((exchange_tag(catalog.locale, tags), translation.msgstr))
                key = (segment.source, tuple(targets))
                if not targets or key in seen:
                    continue
                seen.add(key)
                for tag, _ in targets:
                    counts[tag] = counts.get(tag, 0) + 1
                units.append(TmxUnit(f"{document.name}:{segment.id}", (("x-document", document.name),
                                                                    ("x-segment", segment.id)),
                                  segment.source, spans[segment.paragraph], tuple(targets)))
        write_atomic(path, render(units, source_tag, "gettext PO", options.placeholders == "codes"))
        exported.append(Exported(path, len(units), tuple(sorted(counts.items()))))
    return exported


# XLIFF segment states from a catalog's review state. A fuzzy text is `initial` (Translate Toolkit and the spec
# read `translated` as done), with a subState saying whose text it is; a reviewed one is `translated` while
# the build would still refuse it (a QA error, placeholders unlike the source's), `reviewed` once it passes,
# and `final` when every segment of the document's catalog is reviewed: the article can be published as is.
MACHINE_TEXT = "l10n:machine"  # fuzzy, still exactly what the run wrote (OpenCC, MT, memory, reference)
FUZZY = "l10n:fuzzy"  # fuzzy, a reviewer's text or one carried over from a similar sentence


def _states(catalog: DocumentCatalog, segments: list[Segment]) -> dict[str, tuple[str, str | None]]:
    states = {}
    for segment in segments:
        translation = catalog.translations.get(segment.id)
        if translation is None or not translation.msgstr:
            states[segment.id] = ("initial", None)
        elif translation.fuzzy:
            states[segment.id] = ("initial", MACHINE_TEXT if catalog.machine_notes(translation) is not None else FUZZY)
        elif translation.qa_errors or sorted(tags(translation.msgstr)) != sorted(tags(segment.source)):
            states[segment.id] = ("translated", None)
        else:
            states[segment.id] = ("reviewed", None)
    if states and all(state == "reviewed" for state, _ in states.values()):
        states = dict.fromkeys(states, ("final", None))
    return states


def _notes(catalog: DocumentCatalog, translation: Entry | None) -> list[Note]:
    from .writers.xliff import Note

    if translation is None:
        return []
    found = [Note("glossary", "source", note) for note in translation.glossary_notes]
    found += [Note("origin", "target", note) for note in catalog.origin(translation)]
    found += [Note("qa", "target", notes.note(notes.QA_ERROR, text)) for text in translation.qa_errors]
    found += [Note("qa", "target", notes.note(notes.QA_WARNING, text)) for text in translation.qa_warnings]
    return found


def _units(document: Document, segments: list[Segment], catalog: DocumentCatalog, by_sentence: bool,
           counts: dict[str, int]) -> list:
    """A unit per block with a segment per sentence, or a group per block with a unit per sentence."""
    from .writers.xliff import Group, XliffSegment, XliffUnit

    states = _states(catalog, segments)
    by_paragraph: dict[int, list[Segment]] = {}
    for segment in segments:
        by_paragraph.setdefault(segment.paragraph, []).append(segment)
    items: list = []
    for paragraph in document.paragraphs:
        members = by_paragraph.get(paragraph.index, [])
        if not members:
            continue
        name = f"{paragraph.part.value} {paragraph.index}"
        sentences = []
        for segment in members:
            translation = catalog.translations.get(segment.id)
            state, sub_state = states[segment.id]
            counts[state] = counts.get(state, 0) + 1
            target = translation.msgstr if translation is not None and translation.msgstr else None
            sentences.append((XliffSegment(f"s{segment.id}", segment.source, target, state, sub_state),
                              _notes(catalog, translation)))
        if by_sentence:
            items.append(Group(f"b{paragraph.index}", name, tuple(
                XliffUnit(f"u{item.id[1:]}", f"{name}, sentence {number}", paragraph.spans, (item,), tuple(unit_notes))
                for number, (item, unit_notes) in enumerate(sentences, start=1))))
        else:
            unit_notes = []
            for _, sentence_notes in sentences:
                unit_notes += [note for note in sentence_notes if note not in unit_notes]
            items.append(XliffUnit(f"b{paragraph.index}", name, paragraph.spans,
                              tuple(item for item, _ in sentences), tuple(unit_notes)))
    return items


def export_xliff(paths: list[Path], out_dir: Path, options: XliffOptions) -> list[Exported]:
    """One XLIFF file per target language, every segment in it with its state."""
    from .writers.xliff import File, render

    documents = _documents(paths)
    locales = sorted({catalog.locale for _, _, catalogs in documents for catalog in catalogs})
    exported = []
    for locale in locales:
        files = []
        counts: dict[str, int] = {}
        for number, (document, segments, catalogs) in enumerate(documents, start=1):
            catalog = next((c for c in catalogs if c.locale == locale), None)
            if catalog is not None:
                items = _units(document, segments, catalog, options.units == "sentence", counts)
                files.append(File(f"f{number}", document.source_name, tuple(items)))
        path = out_dir / f"translations.{locale}.xlf"
        write_atomic(path, render(files, SOURCE.tag, exchange_tag(locale, "bcp47")))
        exported.append(Exported(path, sum(counts.values()), tuple(sorted(counts.items()))))
    return exported
