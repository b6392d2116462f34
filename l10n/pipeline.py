"""The one place that composes the stages: ingest → segment → glossary → variant → MT → catalogs → files."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from . import glossary as glossaries
from . import merge, placeholders, po, structure
from .backup import back_up
from .errors import GlossaryError, InputError, ModelError, OutputError, UsageError
from .files import write_atomic
from .glossary import Glossary, term_notes
from .ingest import read_article
from .model import Document, GlossaryEntry, Segment, Target
from .qa import check_catalog
from .qa.terms import NAME_STYLES
from .segment import segment_document
from .table import render_rows
from .translate.base import DecodingOptions, Translator
from .translate.enforce import DraftReport, draft_documents
from .variant import DEFAULT_HANT, hant_locale, respect_boundaries, traditional_variant

BUNDLED_SAMPLE = Path(__file__).parent / "samples" / "jiemian-openai-board.zh.txt"
DEFAULT_GLOSSARY = Path("glossary.csv")
ENGLISH = "en"
MT_CHOICES = ("auto", "argos", "none")
INSTALL_HINT = ("install the Argos zh→en model with `l10n models install` (needs internet) or "
                "`l10n models install --file PATH.argosmodel`")


@dataclass(frozen=True)
class RunOptions:
    out_dir: Path = Path("output")
    editions: tuple[str, ...] = (DEFAULT_HANT,)  # OpenCC configurations, one Traditional catalog each
    glossary: tuple[Path, ...] | None = None  # None: ./glossary.csv when there is one
    mt: str = "auto"  # auto: drafts when a model is installed; argos: a model is required; none: no drafts
    name_style: str = "full"  # news: later mentions may use a name's short form
    decoding: DecodingOptions = field(default_factory=DecodingOptions)
    cache: Path | None = None  # None: the user's cache folder
    use_cache: bool = True
    input_format: str | None = None  # html, markdown, text; None: by extension, then by content
    memory: Path | None = None  # translation memory (`l10n import tmx`); None: the user's, when there is one
    reference: Path | None = None  # an existing English translation of the (one) input, aligned into en.po


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    segments: list[Segment]
    folder: Path
    files: tuple[Path, ...]
    backup: Path | None = None  # where the reviewed files this run replaced were copied


@dataclass(frozen=True)
class RunResult:
    documents: list[DocumentResult]
    drafts: DraftReport | None  # None when no English drafts were made
    notices: list[str]  # one-line messages for the user: no model installed, cache rebuilt
    glossary_files: tuple[Path, ...] = ()
    glossary_entries: int = 0


ProgressCallback = Callable[[str, str], None]  # (document name, step being started)


def glossary_files(paths: Sequence[Path] | None) -> tuple[Path, ...]:
    """The files asked for, or ./glossary.csv when none were and there is one."""
    if paths is None:
        return (DEFAULT_GLOSSARY,) if DEFAULT_GLOSSARY.is_file() else ()
    return tuple(paths)


def load_glossary(paths: Sequence[Path]) -> Glossary:
    """One glossary from several files; a term may be defined in only one of them."""
    entries: dict[str, tuple[GlossaryEntry, Path]] = {}
    for path in paths:
        for entry in glossaries.load(path).entries.values():
            if entry.source in entries:
                first, where = entries[entry.source]
                raise GlossaryError(f"{entry.source} is already defined in {where}:{first.line}", path, entry.line)
            entries[entry.source] = (entry, path)
    return Glossary([entry for entry, _ in entries.values()], paths[0] if len(paths) == 1 else None)


def load_documents(paths: list[Path], input_format: str | None = None) -> list[Document]:
    """Read every input before anything is written, so one bad file stops the run cleanly."""
    documents = [read_article(path, input_format) for path in paths]
    seen: dict[str, Path] = {}
    for path, document in zip(paths, documents, strict=True):
        if document.name in seen:
            raise UsageError(f"same document name {document.name!r} as {seen[document.name]}; "
                             "rename one of them", path)
        seen[document.name] = path
    return documents


Previous = dict[Path, polib.POFile]  # the catalogs already in a document's folder, by path


def _catalog_paths(options: RunOptions, document: Document) -> list[Path]:
    folder = options.out_dir / document.name
    return [folder / f"{locale}.po" for locale in (*(hant_locale(config) for config in options.editions), ENGLISH)]


def read_previous(documents: list[Document], options: RunOptions) -> list[Previous]:
    """Every existing catalog of every document, read and validated before any MT work or write:
    one bad file stops the run with its file and line, and nothing has been replaced."""
    return [{path: po.read_catalog(path) for path in _catalog_paths(options, document) if path.exists()}
            for document in documents]


def _segment_rows(segments: list[Segment], targets: list[tuple[str, dict[str, str]]]):
    columns = ["id", "paragraph", "sentence", "part", "zh_Hans", *(locale for locale, _ in targets)]
    rows = [[segment.id, segment.paragraph, segment.sentence, segment.part.value, segment.source,
             *(texts.get(segment.id, "") for _, texts in targets)] for segment in segments]
    return columns, rows


def _removed_rows(document: Document):
    return ["line", "reason", "text"], [[removal.line, removal.reason, removal.text] for removal in document.removed]


def _check_options(options: RunOptions) -> None:
    if not options.editions:
        raise UsageError("no Traditional edition asked for; give at least one OpenCC configuration")
    locales: dict[str, str] = {}
    for config in options.editions:
        locale = hant_locale(config)
        if locale in locales:
            raise UsageError(f"editions {locales[locale]} and {config} would both write {locale}.po; keep one")
        locales[locale] = config
    if options.mt not in MT_CHOICES:
        raise UsageError(f"unknown --mt {options.mt!r}; choose one of {', '.join(MT_CHOICES)}")
    if options.name_style not in NAME_STYLES:
        raise UsageError(f"unknown name style {options.name_style!r}; choose one of {', '.join(NAME_STYLES)}")
    if options.reference is not None and not options.reference.is_file():
        raise UsageError("--reference: no such file", options.reference)


def _installed_translator(options: RunOptions, notices: list[str]) -> Translator | None:
    from .translate.argos import ArgosTranslator
    from .translate.models import packages_dir

    translator = ArgosTranslator.installed(options.decoding)
    if translator is None:
        if options.mt == "argos":
            raise ModelError(f"no Argos zh→en package installed; {INSTALL_HINT}", packages_dir())
        notices.append(f"English: no machine-translation model installed, so en.po is left for translators; "
                       f"to get drafts, {INSTALL_HINT}.")
    return translator


def _english_targets(prepared: list[tuple[Document, list[Segment]]], translator: Translator | None,
                     options: RunOptions, notices: list[str],
                     on_step: ProgressCallback | None) -> tuple[list[Target], DraftReport | None]:
    if translator is None:
        return [Target(ENGLISH, {}, "none") for _ in prepared], None
    from .translate.cache import TranslationCache, default_cache_path

    cache = TranslationCache(options.cache or default_cache_path(), notices.append) if options.use_cache else None
    try:
        drafts, report = draft_documents([segments for _, segments in prepared], translator, options.name_style,
                                         cache, (lambda step: on_step("all documents", step)) if on_step else None)
    finally:
        if cache is not None:
            cache.close()
    targets = [Target(ENGLISH, {i: d.text for i, d in per_document.items() if d.text}, translator.model_id,
                      {i: d.notes for i, d in per_document.items()}) for per_document in drafts]
    return targets, report


def _from_memory(prepared: list[tuple[Document, list[Segment]]], targets: list[list[Target]],
                 options: RunOptions, notices: list[str]) -> list[list[Target]]:
    """Exact translation-memory matches take the place of OpenCC's and the engine's drafts."""
    from .memory import TranslationMemory, apply_memory, default_memory_path

    path = options.memory or default_memory_path()
    if not path.is_file():
        if options.memory is not None:
            raise InputError("no translation memory here; create one with `l10n import tmx FILE`", path)
        return targets
    memory = TranslationMemory(path)
    matched: list[list[Target]] = []
    used = 0
    try:
        for (_, segments), per_document in zip(prepared, targets, strict=True):
            matched.append([])
            for target in per_document:
                target, count = apply_memory(memory, segments, target)
                matched[-1].append(target)
                used += count
    finally:
        memory.close()
    notices.append(f"translation memory {path}: {used} drafts from exact matches")
    return matched


def _write_document(document: Document, segments: list[Segment], targets: list[Target],
                    options: RunOptions, previous: Previous) -> DocumentResult:
    folder = options.out_dir / document.name
    spans = {paragraph.index: paragraph.spans for paragraph in document.paragraphs}

    def notes_for(language: str | None) -> dict[str, tuple[str, ...]]:
        return {segment.id: (*term_notes(segment, language),
                             *placeholders.describe(segment.source, spans[segment.paragraph])) for segment in segments}

    notes = notes_for(None)
    editions = {hant_locale(config): config for config in options.editions}
    outputs: dict[Path, str] = {folder / f"{document.name}.pot": po.render(po.template(document, segments, notes))}
    reviewed: list[tuple[str, dict[str, str]]] = []
    for target in targets:
        path = folder / f"{target.locale}.po"
        catalog = po.target_catalog(document, segments, target, notes_for(target.locale), previous.get(path))
        texts = po.texts_by_segment(catalog, segments)
        check_catalog(catalog, segments, target.locale, options.name_style, editions.get(target.locale))
        outputs[path] = po.render(catalog)
        reviewed.append((target.locale, texts))
    outputs[folder / "segments.tsv"] = render_rows(*_segment_rows(segments, reviewed))
    outputs[folder / "removed.tsv"] = render_rows(*_removed_rows(document))
    outputs[folder / structure.FILE_NAME] = structure.render(document, segments)
    replaced = [path for path, catalog in previous.items()
                if merge.has_reviewer_work(catalog) and path.read_text(encoding="utf-8") != outputs[path]]
    backup = back_up(folder, replaced)
    for path, text in outputs.items():
        write_atomic(path, text)
    return DocumentResult(document, segments, folder, tuple(outputs), backup)


def run(paths: list[Path], options: RunOptions, on_step: ProgressCallback | None = None,
        translator: Translator | None = None) -> RunResult:
    """Localize every article. A given translator replaces the installed Argos model (tests, other engines)."""
    def step(name: str, what: str) -> None:
        if on_step is not None:
            on_step(name, what)

    _check_options(options)
    used_glossaries = glossary_files(options.glossary)
    glossary = load_glossary(used_glossaries)
    documents = load_documents(paths or [BUNDLED_SAMPLE], options.input_format)
    if options.reference is not None and len(documents) != 1:
        raise UsageError(f"--reference translates one article; {len(documents)} were given")
    for document in documents:
        folder = options.out_dir / document.name
        if folder.exists() and not folder.is_dir():
            raise OutputError("exists and is not a folder", folder)
    previous = read_previous(documents, options)
    prepared: list[tuple[Document, list[Segment]]] = []
    hant_targets: list[list[Target]] = []
    for document in documents:
        step(document.name, "segmenting")
        segments = respect_boundaries(glossary.annotate(segment_document(document)), options.editions[0])
        step(document.name, "converting to Traditional Chinese")
        hant_targets.append([traditional_variant(segments, config) for config in options.editions])
        prepared.append((document, segments))
    notices: list[str] = []
    if options.mt == "none":
        translator = None
    elif translator is None:
        translator = _installed_translator(options, notices)
    referenced = None
    if options.reference is not None:
        from .align.reference import reference_target

        step(documents[0].name, f"aligning with {options.reference.name}")
        referenced = reference_target(prepared[0][1], options.reference, glossary.entries.values())
        prepared_for_mt = [(document, [s for s in segments if s.id not in referenced.texts])
                           for document, segments in prepared]
    english, report = _english_targets(prepared_for_mt if referenced else prepared, translator, options,
                                       notices, on_step)
    targets = _from_memory(prepared, [[*hant, en] for hant, en in zip(hant_targets, english, strict=True)],
                           options, notices)
    if referenced is not None:  # the article's own translation wins over drafts and the memory
        en = targets[0][-1]
        origin = referenced.origin if en.origin == "none" else f"{en.origin}; {referenced.origin}"
        targets[0][-1] = Target(ENGLISH, {**en.texts, **referenced.texts}, origin, {**en.notes, **referenced.notes})
    results = []
    for (document, segments), per_document, catalogs in zip(prepared, targets, previous, strict=True):
        step(document.name, "writing catalogs")
        results.append(_write_document(document, segments, per_document, options, catalogs))
    return RunResult(results, report, notices, used_glossaries, len(glossary))
