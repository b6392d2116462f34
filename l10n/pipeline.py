"""The one place that composes the stages: ingest → segment → glossary → variant → MT → catalogs → files.

A run streams an archive a chunk of documents at a time, so only the chunks in flight are in memory:
1. prepare (on a worker): read, segment, find glossary terms, read the catalogs already in the folder;
2. look up (here): the translation cache and memory answer for the chunk's sentences, so only what is
   new is sent to be translated, and nothing on a worker needs to reach those files;
3. localize (on a worker): Traditional editions, English drafts (batched across the chunk's documents),
   QA, catalogs rendered to text;
4. write (here): backups, files, the manifest record, new drafts into the cache.
Workers are this process, worker processes or a Dask cluster (executors.py). A document that fails is
reported with its file and line while the others go on; everything is written by this process, once.
"""
from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__
from . import glossary as glossaries
from . import machine, merge, placeholders, po, structure
from .backup import back_up
from .claims import FolderClaims
from .entries import Catalog
from .errors import GlossaryError, InputError, L10nError, OutputError, UsageError
from .executors import open_executor
from .files import write_atomic
from .glossary import Glossary, term_notes
from .ingest import MAX_BYTES, Limits, read_article, read_input
from .readers.base import MAX_BLOCKS
from .inputs import HERE, Input, output_folder
from .lock import output_lock
from .manifest import Manifest, digest_files, input_key
from .model import Document, GlossaryEntry, Segment, Target
from .qa import check_catalog
from .qa.terms import NAME_STYLES
from .segment import segment_document
from .snapshots import KnownDrafts, KnownMatches
from .table import render_rows
from .translate import engines
from .translate.base import EngineOptions, Translator
from .translate.enforce import DraftReport, draft_documents, draft_keys
from . import editions as edition_table
from .layers import signature as layers_signature
from .variant import Phrases, glossary_phrases, respect_boundaries, traditional_variant

BUNDLED_SAMPLE = Path(__file__).parent / "samples" / "jiemian-openai-board.zh.txt"
DEFAULT_GLOSSARY = Path("glossary.csv")
ENGLISH = "en"


@dataclass(frozen=True)
class RunOptions:
    out_dir: Path = Path("output")
    editions: tuple[str, ...] = (edition_table.DEFAULT,)  # Traditional editions (editions.py), one catalog each
    glossary: tuple[Path, ...] | None = None  # None: ./glossary.csv when there is one
    mt: str = engines.AUTO  # auto: the first engine with a model; an engine's name: its model is required; none
    name_style: str = "full"  # news: later mentions may use a name's short form
    engine: EngineOptions = field(default_factory=EngineOptions)
    cache: Path | None = None  # None: the user's cache folder
    use_cache: bool = True
    input_format: str | None = None  # html, markdown, text; None: by extension, then by content
    memory: Path | None = None  # translation memory (`l10n import tmx`); None: the user's, when there is one
    reference: Path | None = None  # an existing English translation of the (one) input, aligned into en.po
    jobs: int = 1  # worker processes (with a local Dask cluster: its workers)
    cluster: str | None = None  # a Dask scheduler's address, or "local"
    force: bool = False  # redo documents the manifest says are unchanged
    wait: float = 0.0  # seconds to wait for another run that holds the output folder
    inputs: tuple[str, ...] = ()  # globs the command line takes when given no article (settings: inputs)
    max_bytes: int = MAX_BYTES  # read from one input at most
    follow_links: bool = False  # in folders, take symbolic links that lead out of the folder
    max_blocks: int = MAX_BLOCKS  # a document with more fails alone (readers/base.py)


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    segments: list[Segment]
    folder: Path
    files: tuple[Path, ...]
    backup: Path | None = None  # where the reviewed files this run replaced were copied


STAGES = ("read and segment", "Traditional", "English", "catalogs", "write")


@dataclass(frozen=True)
class Failure:
    """A document the run could not localize; the others went on."""

    path: Path
    error: L10nError  # its str() is the one-line `FILE:LINE: message`


@dataclass
class Summary:
    documents: int = 0  # written
    segments: int = 0
    skipped: int = 0  # unchanged since the manifest's record
    drafts: int = 0
    cache_hits: int = 0
    memory_matches: int = 0
    findings: int = 0  # QA findings written into the catalogs
    failures: list[Failure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))  # summed over workers
    elapsed: float = 0.0
    executor: str = "serial"
    workers: int = 1


@dataclass(frozen=True)
class RunResult:
    documents: list[DocumentResult]  # empty when the run handed each one to on_document instead
    drafts: DraftReport | None  # None when no English drafts were made
    notices: list[str]  # one-line messages for the user: no model installed, cache rebuilt
    glossary_files: tuple[Path, ...] = ()
    glossary_entries: int = 0
    summary: Summary = field(default_factory=Summary)

    @property
    def failures(self) -> list[Failure]:
        return self.summary.failures


@dataclass(frozen=True)
class RunProgress:
    done: int  # documents written
    skipped: int
    failed: int
    total: int | None  # None when the inputs were not counted (a list read from stdin)
    document: str  # the document just finished


ProgressCallback = Callable[[RunProgress], None]


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


Previous = dict[Path, Catalog]  # the catalogs already in a document's folder, by path


def read_previous(folder: Path, options: RunOptions) -> Previous:
    """A document's existing catalogs, read and validated before any MT work or write: a bad file stops
    that document with its file and line, and nothing of it has been replaced."""
    paths = [folder / f"{locale}.po" for locale in (*_edition_locales(options), ENGLISH)]
    return {path: po.read_catalog(path) for path in paths if path.exists()}


def _previous_drafts(folder: Path, previous: Previous) -> machine.Record:
    """The folder's record of machine text; for a folder from before the record, its fingerprint notes."""
    record = machine.read(folder)
    if record is None:
        record = {path.stem: machine.from_fingerprints(catalog) for path, catalog in previous.items()}
    return record


def _segment_rows(segments: list[Segment], targets: list[tuple[str, dict[str, str]]]):
    columns = ["id", "paragraph", "sentence", "part", "zh_Hans", *(locale for locale, _ in targets)]
    rows = [[segment.id, segment.paragraph, segment.sentence, segment.part.value, segment.source,
             *(texts.get(segment.id, "") for _, texts in targets)] for segment in segments]
    return columns, rows


def _removed_rows(document: Document):
    """One row per dropped block; a page cleaning fell back on opens with a row for the page as a whole (line 0)."""
    opening = [[0, "fallback", document.fallback]] if document.fallback else []
    return ["line", "reason", "text"], opening + [[removal.line, removal.reason, removal.text]
                                                  for removal in document.removed]


def _edition_locales(options: RunOptions) -> list[str]:
    return [edition_table.get(name).locale for name in options.editions]


def _check_options(options: RunOptions) -> None:
    if not options.editions:
        raise UsageError("no Traditional edition asked for; give at least one (tw, hk …)")
    locales: dict[str, str] = {}
    for name in options.editions:
        locale = edition_table.get(name).locale
        if locale in locales:
            raise UsageError(f"editions {locales[locale]} and {name} would both write {locale}.po; keep one")
        locales[locale] = name
    engines.check(options.mt)
    if options.name_style not in NAME_STYLES:
        raise UsageError(f"unknown name style {options.name_style!r}; choose one of {', '.join(NAME_STYLES)}")
    if options.reference is not None and not options.reference.is_file():
        raise UsageError("--reference: no such file", options.reference)


@dataclass
class _Job:
    """One document on its way through the run."""

    input: Input
    folder: Path
    document: Document | None = None
    segments: list[Segment] = field(default_factory=list)
    previous: Previous = field(default_factory=dict)
    drafts: machine.Record = field(default_factory=dict)  # what the machine wrote into `previous`
    error: L10nError | None = None


@dataclass
class _Chunk:
    """Documents sent out together, so MT batches span them."""

    jobs: list[_Job]
    draft_keys: list[str] = field(default_factory=list)  # filled by prepare
    drafts: dict[str, dict] = field(default_factory=dict)  # the cache's answers, filled by look-up
    matches: dict[str, dict] | None = None  # the memory's answers per locale; None: no memory
    seconds: dict[str, float] = field(default_factory=dict)

    def ready(self) -> list[_Job]:
        return [job for job in self.jobs if job.error is None]


@dataclass(frozen=True)
class _Localized:
    outputs: list[tuple[dict[Path, str], int] | L10nError | None]  # per job: files and QA findings, or why not
    drafts: DraftReport | None
    fresh: dict[str, dict]  # new drafts, for the cache
    memory_matches: int
    seconds: dict[str, float]


@dataclass(frozen=True)
class _Work:
    """What every worker needs, sent to each once."""

    options: RunOptions
    glossary: Glossary
    translator: Translator | None
    phrases: dict[str, Phrases]  # per edition's OpenCC configuration: the glossary's terms, for one converter


_CHUNK_DOCUMENTS = 8
_CHUNK_BYTES = 256 * 1024  # of input: a few dozen articles at most, a few hundred sentences per MT batch


def _timed(seconds: dict[str, float], stage: str, since: float) -> float:
    now = time.perf_counter()
    seconds[stage] = seconds.get(stage, 0.0) + now - since
    return now


def _prepare(work: _Work, chunk: _Chunk) -> _Chunk:
    """Worker, step 1: read and segment each document, read the catalogs it already has."""
    options = work.options
    start = time.perf_counter()
    for job in chunk.jobs:
        try:
            job.document = read_article(job.input.path, options.input_format, options.max_bytes, options.max_blocks)
            job.segments = respect_boundaries(work.glossary.annotate(segment_document(job.document)),
                                              options.editions[0], work.phrases[options.editions[0]])
            job.previous = read_previous(job.folder, options)
            job.drafts = _previous_drafts(job.folder, job.previous)
        except L10nError as error:
            job.error = error
        except Exception as error:  # a fault of ours on this document's input: it fails alone, in one line
            job.error = _unexpected(error, job.input.path)
    if work.translator is not None:
        chunk.draft_keys = draft_keys([job.segments for job in chunk.ready()], work.translator, options.name_style)
    _timed(chunk.seconds, "read and segment", start)
    return chunk


def _english_targets(jobs: list[_Job], translator: Translator | None, options: RunOptions,
                     known: dict[str, dict]) -> tuple[list[Target], DraftReport | None, dict[str, dict]]:
    if translator is None:
        return [Target(ENGLISH, {}, "none") for _ in jobs], None, {}
    cache = KnownDrafts(known)
    drafts, report = draft_documents([job.segments for job in jobs], translator, options.name_style, cache)
    targets = [Target(ENGLISH, {i: d.text for i, d in per_document.items() if d.text}, translator.model_id,
                      {i: d.notes for i, d in per_document.items()}) for per_document in drafts]
    return targets, report, cache.fresh


def _from_memory(jobs: list[_Job], targets: list[list[Target]],
                 matches: dict[str, dict] | None) -> tuple[list[list[Target]], int]:
    """Exact translation-memory matches take the place of OpenCC's and the engine's drafts."""
    from .memory import apply_memory

    if matches is None:
        return targets, 0
    memory = KnownMatches(matches)
    matched: list[list[Target]] = []
    used = 0
    for job, per_document in zip(jobs, targets, strict=True):
        matched.append([])
        for target in per_document:
            target, count = apply_memory(memory, job.segments, target)
            matched[-1].append(target)
            used += count
    return matched, used


def _reference_target(jobs: list[_Job], work: _Work) -> Target | None:
    """--reference: the (one) article's existing English translation, aligned with its segments."""
    if work.options.reference is None or not jobs:
        return None
    from .align.reference import reference_target

    options = work.options
    return reference_target(jobs[0].segments, options.reference, work.glossary.entries.values(),
                            Limits(options.max_bytes, options.max_blocks))


def _localize(work: _Work, chunk: _Chunk) -> _Localized:
    """Worker, step 2: Traditional editions, English drafts for what the cache lacked, catalogs rendered. When
    that fails for the chunk, each document is done again alone, so only the one at fault fails."""
    try:
        return _localize_together(work, chunk)
    except Exception:
        if len(chunk.ready()) <= 1:
            raise
    outputs: dict[int, tuple[dict[Path, str], int] | L10nError] = {}
    drafts: DraftReport | None = None
    fresh: dict[str, dict] = {}
    memory_matches = 0
    seconds: dict[str, float] = {}
    for job in chunk.ready():
        alone = replace(chunk, jobs=[job])
        try:
            localized = _localize_together(work, alone)
        except Exception as error:
            outputs[id(job)] = error if isinstance(error, L10nError) else _unexpected(error, job.input.path)
            continue
        outputs[id(job)] = localized.outputs[0]
        drafts = _add_reports(drafts, localized.drafts)
        fresh.update(localized.fresh)
        memory_matches += localized.memory_matches
        for stage, value in localized.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + value
    return _Localized([outputs.get(id(job)) for job in chunk.jobs], drafts, fresh, memory_matches, seconds)


def _localize_together(work: _Work, chunk: _Chunk) -> _Localized:
    options = work.options
    jobs = chunk.ready()
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    hant = [[traditional_variant(job.segments, config, work.phrases[config]) for config in options.editions]
            for job in jobs]
    start = _timed(seconds, "Traditional", start)
    referenced = _reference_target(jobs, work)
    for_mt = jobs if referenced is None else [
        replace(job, segments=[s for s in job.segments if s.id not in referenced.texts]) for job in jobs]
    english, report, fresh = _english_targets(for_mt, work.translator, options, chunk.drafts)
    targets, used = _from_memory(jobs, [[*h, en] for h, en in zip(hant, english, strict=True)], chunk.matches)
    if referenced is not None:  # the article's own translation wins over drafts and the memory
        en = targets[0][-1]
        origin = referenced.origin if en.origin == "none" else f"{en.origin}; {referenced.origin}"
        targets[0][-1] = Target(ENGLISH, {**en.texts, **referenced.texts}, origin, {**en.notes, **referenced.notes})
    start = _timed(seconds, "English", start)
    rendered: dict[int, tuple[dict[Path, str], int] | L10nError] = {}
    for job, per_document, conversions in zip(jobs, targets, hant, strict=True):
        try:
            converted = {target.locale: target.texts for target in conversions}
            rendered[id(job)] = _render_document(job, per_document, options, converted)
        except L10nError as error:
            rendered[id(job)] = error
    _timed(seconds, "catalogs", start)
    return _Localized([rendered.get(id(job)) for job in chunk.jobs], report, fresh, used, seconds)


def _render_document(job: _Job, targets: list[Target], options: RunOptions,
                     converted: dict[str, dict[str, str]]) -> tuple[dict[Path, str], int]:
    """Every file of one document as text, and how many QA findings went into its catalogs. `converted` holds
    each Traditional locale's OpenCC conversion, which its QA compares against."""
    document, segments, folder, previous = job.document, job.segments, job.folder, job.previous
    spans = {paragraph.index: paragraph.spans for paragraph in document.paragraphs}
    markup = {segment.id: placeholders.describe(segment.source, spans[segment.paragraph]) for segment in segments}

    def notes_for(language: str | None) -> dict[str, tuple[str, ...]]:
        return {segment.id: (*term_notes(segment, language), *markup[segment.id]) for segment in segments}

    notes = notes_for(None)
    editions = {edition_table.get(name).locale: name for name in options.editions}
    outputs: dict[Path, str] = {folder / f"{document.name}.pot": po.render(po.template(document, segments, notes))}
    reviewed: list[tuple[str, dict[str, str]]] = []
    written: machine.Record = {}
    findings = 0
    for target in targets:
        path = folder / f"{target.locale}.po"
        catalog, written[target.locale] = po.target_catalog(document, segments, target, notes_for(target.locale),
                                                            previous.get(path), job.drafts.get(target.locale))
        entries = catalog.for_segments(segments)
        texts = {segment.id: entries[segment.id].msgstr if segment.id in entries else "" for segment in segments}
        findings += len(check_catalog(catalog, segments, target.locale, options.name_style,
                                      editions.get(target.locale), converted.get(target.locale)))
        outputs[path] = po.render(catalog)
        reviewed.append((target.locale, texts))
    outputs[folder / "segments.tsv"] = render_rows(*_segment_rows(segments, reviewed))
    outputs[folder / "removed.tsv"] = render_rows(*_removed_rows(document))
    outputs[folder / structure.FILE_NAME] = structure.render(document, segments)
    outputs[folder / machine.FILE_NAME] = machine.render(written)
    return outputs, findings


def _write_document(job: _Job, outputs: dict[Path, str]) -> DocumentResult:
    reviewed = {path for path, catalog in job.previous.items()
                if merge.has_reviewer_work(catalog, job.drafts.get(path.stem, {}))}
    replaced = [path for path in reviewed if path.read_bytes() != outputs[path].encode("utf-8")]
    backup = back_up(job.folder, replaced)
    for path, text in outputs.items():
        # Only reviewers' work must be on disk before the run goes on: a file of this run lost to a crash or a
        # power cut no longer matches its manifest record, so the next run makes it again.
        write_atomic(path, text, durable=path in reviewed)
    return DocumentResult(job.document, job.segments, job.folder, tuple(outputs), backup)


def _memory_path(options: RunOptions) -> Path | None:
    from .memory import default_memory_path

    path = options.memory or default_memory_path()
    if not path.is_file():
        if options.memory is not None:
            raise InputError("no translation memory here; create one with `l10n import tmx FILE`", path)
        return None
    return path


def _recipe(options: RunOptions, glossary_paths: tuple[Path, ...], translator: Translator | None,
            memory: Path | None) -> dict:
    """What every document of this run is made from, beside its own input: a change redoes them all."""
    return {"l10n": __version__, "glossary": digest_files(glossary_paths),
            "memory": digest_files([memory]) if memory is not None else None,
            "reference": digest_files([options.reference]) if options.reference is not None else None,
            "model": translator.signature if translator is not None else None,
            "editions": {"rows": [edition_table.get(name).key for name in options.editions],
                         "layers": layers_signature()},
            "options": {"names": options.name_style,
                        "format": options.input_format}}


def _as_input(item: Path | Input) -> Input:
    return item if isinstance(item, Input) else Input(Path(item), HERE)


class _Run:
    """The state of one run on this side: what was skipped, written, failed; the cache and memory."""

    def __init__(self, options: RunOptions, manifest: Manifest, claims: FolderClaims, recipe: dict,
                 total: int | None, on_progress: ProgressCallback | None):
        self.options = options
        self.manifest = manifest
        self.claims = claims  # output folder → the input that has it, on disk: archives of any size
        self.recipe = recipe
        self.total = total
        self.on_progress = on_progress
        self.summary = Summary()

    def progress(self, name: str) -> None:
        if self.on_progress is not None:
            summary = self.summary
            self.on_progress(RunProgress(summary.documents, summary.skipped, len(summary.failures), self.total,
                                         name))

    def fail(self, path: Path, error: BaseException) -> None:
        if not isinstance(error, L10nError):  # a worker lost for good, or a fault in a stage: still one line
            error = _unexpected(error, path)
        self.summary.failures.append(Failure(path, error))
        self.progress(path.name)

    def made_with(self, item: Input) -> dict:
        return {**self.recipe, "place": item.place.as_posix()}

    def unchanged(self, item: Input) -> bool:
        if self.options.force:
            return False
        try:
            sha256 = hashlib.sha256(read_input(item.path, self.options.max_bytes)).hexdigest()
        except InputError:
            return False  # reading it again will say what is wrong
        return self.manifest.unchanged(input_key(item.path), sha256, self.made_with(item))

    def chunks(self, items: Iterable[Path | Input]) -> Iterator[_Chunk]:
        """Documents to do, a chunk at a time: unchanged ones are skipped, clashing names refused."""
        jobs: list[_Job] = []
        size = 0
        for item in map(_as_input, items):
            try:
                folder = output_folder(self.options.out_dir, item)
            except L10nError as error:
                self.fail(item.path, error)
                continue
            holder = self.claims.claim(folder, item.path)
            if holder is not None:
                self.fail(item.path, UsageError(f"same output folder {folder} as {holder}; rename one of them",
                                                item.path))
                continue
            if folder.exists() and not folder.is_dir():
                self.fail(item.path, OutputError("exists and is not a folder", folder))
                continue
            if self.unchanged(item):
                self.summary.skipped += 1
                self.progress(folder.name)
                continue
            jobs.append(_Job(item, folder))
            with contextlib.suppress(OSError):
                size += item.path.stat().st_size
            if len(jobs) >= _CHUNK_DOCUMENTS or size >= _CHUNK_BYTES:
                yield _Chunk(jobs)
                jobs, size = [], 0
        if jobs:
            yield _Chunk(jobs)

    def add_seconds(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.summary.seconds[stage] += value

    def done(self, job: _Job, outcome: tuple[dict[Path, str], int] | L10nError | None) -> DocumentResult | None:
        if job.error is not None or not isinstance(outcome, tuple):
            self.fail(job.input.path, job.error or outcome or L10nError("not localized", job.input.path))
            return None
        outputs, findings = outcome
        start = time.perf_counter()
        try:
            result = _write_document(job, outputs)
        except L10nError as error:
            self.fail(job.input.path, error)
            return None
        self.manifest.record(input_key(job.input.path), job.document.source_sha256, self.made_with(job.input),
                             result.files)
        _timed(self.summary.seconds, "write", start)
        self.summary.documents += 1
        self.summary.segments += len(job.segments)
        self.summary.findings += findings
        self.progress(job.document.name)
        return result


def _unexpected(error: BaseException, path: Path) -> L10nError:
    """An error no stage expected, as the one line a failed document gets."""
    return L10nError(f"failed: {type(error).__name__}: {error}", path)


def _add_reports(first: DraftReport | None, second: DraftReport | None) -> DraftReport | None:
    if first is None or second is None:
        return first or second
    return replace(first, segments=first.segments + second.segments,
                   from_cache=first.from_cache + second.from_cache,
                   required=first.required + second.required, present=first.present + second.present)


@contextlib.contextmanager
def _opened(factory):
    """A resource with a close(), or None when there is none to open."""
    resource = factory()
    try:
        yield resource
    finally:
        if resource is not None:
            resource.close()


def run(paths: Iterable[Path | Input], options: RunOptions, on_progress: ProgressCallback | None = None,
        translator: Translator | None = None, on_document: Callable[[DocumentResult], None] | None = None,
        total: int | None = None,
        on_glossary: Callable[[tuple[Path, ...], int], None] | None = None) -> RunResult:
    """Localize every article (none given: the bundled sample). A given translator replaces the engine --mt
    would open. With `on_document`, each result is handed over as it is written and
    not kept, so an archive's results are never all held at once; `on_glossary` hears which glossary files
    (and how many entries) the run uses before any document. Failures are collected, not raised."""
    started = time.perf_counter()
    _check_options(options)
    used_glossaries = glossary_files(options.glossary)
    glossary = load_glossary(used_glossaries)
    if on_glossary is not None:
        on_glossary(used_glossaries, len(glossary))
    notices: list[str] = []
    if options.mt == engines.NONE:
        translator = None
    elif translator is None:
        translator = engines.open_translator(options.mt, options.engine, notices)
    memory_path = _memory_path(options)
    paths = paths or [BUNDLED_SAMPLE]
    if options.reference is not None:
        paths = list(paths)
        if len(paths) != 1:
            raise UsageError(f"--reference translates one article; {len(paths)} were given")
    kept: list[DocumentResult] = []
    report: DraftReport | None = None
    with output_lock(options.out_dir, options.wait), Manifest(options.out_dir, notices.append) as manifest, \
            _opened(FolderClaims) as claims, \
            _opened(lambda: _open_cache(options, translator, notices)) as cache, \
            _opened(lambda: _open_memory(memory_path)) as memory, \
            _opened(lambda: open_executor(options.jobs, options.cluster)) as executor:
        state = _Run(options, manifest, claims, _recipe(options, used_glossaries, translator, memory_path), total,
                     on_progress)
        state.summary.executor, state.summary.workers = executor.name, executor.workers
        work = _Work(options, glossary, translator,
                     {config: glossary_phrases(glossary.entries.values(), config) for config in options.editions})
        window = 2 * executor.workers

        def looked_up() -> Iterator[_Chunk]:
            for sent, prepared in executor.map_unordered(_prepare, work, state.chunks(paths), window):
                if isinstance(prepared, BaseException):
                    for job in sent.jobs:
                        state.fail(job.input.path, prepared)
                    continue
                state.add_seconds(prepared.seconds)
                if cache is not None:
                    prepared.drafts = cache.get_many(prepared.draft_keys)
                if memory is not None:
                    sources = sorted({segment.source for job in prepared.ready() for segment in job.segments})
                    prepared.matches = {locale: memory.lookup(sources, locale) for locale in
                                        (*_edition_locales(options), ENGLISH)}
                yield prepared

        for chunk, localized in executor.map_unordered(_localize, work, looked_up(), window):
            if isinstance(localized, BaseException):
                for job in chunk.jobs:
                    state.fail(job.input.path, job.error or localized)
                continue
            state.add_seconds(localized.seconds)
            if cache is not None:
                cache.put_many(localized.fresh)
            report = _add_reports(report, localized.drafts)
            state.summary.memory_matches += localized.memory_matches
            for job, outcome in zip(chunk.jobs, localized.outputs, strict=True):
                result = state.done(job, outcome)
                if result is not None:
                    (on_document or kept.append)(result)
    if memory_path is not None:
        notices.append(f"translation memory {memory_path}: {state.summary.memory_matches} drafts from exact matches")
    summary = state.summary
    if report is not None:
        summary.drafts, summary.cache_hits = report.segments, report.from_cache
    summary.elapsed = time.perf_counter() - started
    return RunResult(kept, report, notices, used_glossaries, len(glossary), summary)


def _open_cache(options: RunOptions, translator: Translator | None, notices: list[str]):
    if translator is None or not options.use_cache:
        return None
    from .translate.cache import TranslationCache, default_cache_path

    return TranslationCache(options.cache or default_cache_path(), notices.append)


def _open_memory(path: Path | None):
    if path is None:
        return None
    from .memory import TranslationMemory

    return TranslationMemory(path)
