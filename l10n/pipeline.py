"""The one place that composes the stages: ingest → segment → glossary → variant → MT → catalogs → files.

A run streams an archive a chunk of documents at a time, so only the chunks in flight are in memory:
1. prepare (on a worker): read, segment, find glossary terms, read the catalogs already in the folder;
2. look up (here): the translation cache and memory answer for the chunk's sentences, so only what is
   new is sent to be translated, and nothing on a worker needs to reach those files;
3. localize (on a worker): Traditional editions, English drafts (batched across the chunk's documents),
   QA, catalogs rendered to text;
4. write (here): backups, files, the manifest record, new drafts into the cache.
Workers are this process, worker processes or a Dask cluster (batch/executors.py). A document that fails is
reported with its file and line while the others go on; everything is written by this process, once.
This module says what each step does; batch/schedule.py when and where it runs, what is skipped, and the writing.
"""
from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from . import glossary as glossaries
from . import locales
from .text import placeholders
from .batch.claims import FolderClaims
from .batch.executors import open_executor
from .batch.inputs import Input
from .batch.lock import output_lock
from .batch.manifest import Manifest, digest_files
from .catalog import machine, structure
from .plumbing.errors import InputError, L10nError, UsageError
from .glossary import NAME_STYLES, Glossary, term_notes
from .reading.ingest import MAX_BYTES, Limits, read_article
from .model import Document, Segment, Target
from .reading.readers.base import MAX_BLOCKS
from .batch.schedule import (Chunk, DocumentResult, Failure, Job, Ledger, Previous, ProgressCallback, Summary, opened,
                             timed, two_steps, unexpected)
from . import editions as edition_table
from .batch.snapshots import KnownDrafts, KnownMatches
from .editions.layers import signature as layers_signature
from .plumbing.table import render_rows
from .translate import engines
from .translate.base import EngineOptions, Translator

if TYPE_CHECKING:
    from .editions.variant import Phrases
    from .translate.enforce import DraftReport

# What a worker does with a document (segment, convert, draft, check, render) is imported where it is done: a
# re-run that finds every document unchanged loads none of it.

BUNDLED_SAMPLE = Path(__file__).parent / "samples" / "jiemian-openai-board.zh.txt"
ENGLISH = locales.ENGLISH.locale


@dataclass(frozen=True)
class RunOptions:
    out_dir: Path = Path("output")
    editions: tuple[str, ...] = (edition_table.DEFAULT,)  # Traditional editions (editions/), one catalog each
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
    max_blocks: int = MAX_BLOCKS  # a document with more fails alone (reading/readers/base.py)


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


def read_previous(folder: Path, options: RunOptions) -> Previous:
    """A document's existing catalogs, read and validated before any MT work or write: a bad file stops
    that document with its file and line, and nothing of it has been replaced."""
    from .catalog import po

    paths = [folder / f"{locale}.po" for locale in (*_edition_locales(options), ENGLISH)]
    return {path: po.read_catalog(path) for path in paths if path.exists()}


def _previous_drafts(folder: Path, previous: Previous) -> machine.Record:
    """The folder's record of machine text; for a folder from before the record, its fingerprint notes. Nothing
    when the folder holds no catalog (a document's first run): the record speaks only of its catalogs."""
    if not previous:
        return {}
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

    @cached_property
    def phrases(self) -> dict[str, Phrases]:
        """Per edition: the glossary's terms, for one converter. Made where the first document is converted, not
        before: a re-run that skips every document builds no converter, nor does the parent of worker processes."""
        from .editions.variant import glossary_phrases

        return {edition: glossary_phrases(self.glossary.entries.values(), edition)
                for edition in self.options.editions}


@cache
def _keep_what_lasts() -> None:
    """Once a process has prepared its first chunk, what it loaded for it lives as long as the process: modules, the
    editions' converters and word lists, jieba's dictionary. Frozen (gc.freeze), they are no longer walked by every
    full pass of the cyclic garbage collector, which a run of many documents makes again and again. A document's
    work makes few reference cycles but many short-lived containers: at CPython's default threshold (700) the young
    generation was collected about 1.5 times per document, each pass walking what the document still held.

    They outlive the interpreter's teardown too: what every module of this package holds is referenced from a list
    that refers to itself, frozen with the rest, so neither the clearing of the modules at exit nor the last
    collection (which leaves the frozen generation alone) frees it, and the system takes the memory back at once.
    Freeing the editions' OpenCC converters alone cost about 184 M instructions per process, a fifteenth of a
    one-article run. Nothing that has to happen at exit is skipped: atexit handlers, flushing the standard streams.
    Only this package's modules: a program calling `run` may hold a file it never closed, which its teardown
    flushes."""
    lasting: list = [list(vars(module).values()) for name, module in list(sys.modules.items())
                     if name.partition(".")[0] == __package__]
    lasting.append(lasting)
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@contextmanager
def _collector_threshold_kept() -> Iterator[None]:
    """A program calling `run` gets its collector's threshold back: `_keep_what_lasts` is for the run's documents."""
    threshold = gc.get_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _prepare(work: _Work, chunk: Chunk) -> Chunk:
    """Worker, step 1: read and segment each document, read the catalogs it already has."""
    from .editions.variant import respect_boundaries
    from .reading.segment import segment_document
    from .translate.enforce import draft_keys

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
            job.error = unexpected(error, job.input.path)
    if work.translator is not None:
        chunk.draft_keys = draft_keys([job.segments for job in chunk.ready()], work.translator, options.name_style)
    timed(chunk.seconds, "read and segment", start)
    _keep_what_lasts()
    return chunk


def _english_targets(jobs: list[Job], translator: Translator | None, options: RunOptions,
                     known: dict[str, dict]) -> tuple[list[Target], DraftReport | None, dict[str, dict]]:
    from .translate.enforce import draft_documents

    if translator is None:
        return [Target(ENGLISH, {}, "none") for _ in jobs], None, {}
    cache = KnownDrafts(known)
    drafts, report = draft_documents([job.segments for job in jobs], translator, options.name_style, cache)
    targets = [Target(ENGLISH, {i: d.text for i, d in per_document.items() if d.text}, translator.model_id,
                      {i: d.notes for i, d in per_document.items()}) for per_document in drafts]
    return targets, report, cache.fresh


def _from_memory(jobs: list[Job], targets: list[list[Target]],
                 matches: dict[str, dict] | None) -> tuple[list[list[Target]], int]:
    """Exact translation-memory matches take the place of OpenCC's and the engine's drafts."""
    if matches is None:
        return targets, 0
    from .translate.memory import apply_memory

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


def _reference_target(jobs: list[Job], work: _Work) -> Target | None:
    """--reference: the (one) article's existing English translation, aligned with its segments."""
    if work.options.reference is None or not jobs:
        return None
    from .align.reference import reference_target

    options = work.options
    return reference_target(jobs[0].segments, options.reference, work.glossary.entries.values(),
                            Limits(options.max_bytes, options.max_blocks))


def _localize(work: _Work, chunk: Chunk) -> _Localized:
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
            outputs[id(job)] = error if isinstance(error, L10nError) else unexpected(error, job.input.path)
            continue
        outputs[id(job)] = localized.outputs[0]
        drafts = _add_reports(drafts, localized.drafts)
        fresh.update(localized.fresh)
        memory_matches += localized.memory_matches
        for stage, value in localized.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + value
    return _Localized([outputs.get(id(job)) for job in chunk.jobs], drafts, fresh, memory_matches, seconds)


def _localize_together(work: _Work, chunk: Chunk) -> _Localized:
    from .editions.variant import traditional_variant

    options = work.options
    jobs = chunk.ready()
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    traditional = [[traditional_variant(job.segments, edition, work.phrases[edition]) for edition in options.editions]
                   for job in jobs]
    start = timed(seconds, "Traditional", start)
    referenced = _reference_target(jobs, work)
    for_mt = jobs if referenced is None else [
        replace(job, segments=[s for s in job.segments if s.id not in referenced.texts]) for job in jobs]
    english, report, fresh = _english_targets(for_mt, work.translator, options, chunk.drafts)
    targets, used = _from_memory(
        jobs, [[*conversions, en] for conversions, en in zip(traditional, english, strict=True)], chunk.matches)
    if referenced is not None:  # the article's own translation wins over drafts and the memory
        en = targets[0][-1]
        origin = referenced.origin if en.origin == "none" else f"{en.origin}; {referenced.origin}"
        targets[0][-1] = Target(ENGLISH, {**en.texts, **referenced.texts}, origin, {**en.notes, **referenced.notes})
    start = timed(seconds, "English", start)
    rendered: dict[int, tuple[dict[Path, str], int] | L10nError] = {}
    for job, per_document, conversions in zip(jobs, targets, traditional, strict=True):
        try:
            converted = {target.locale: target.texts for target in conversions}
            rendered[id(job)] = _render_document(job, per_document, options, converted)
        except L10nError as error:
            rendered[id(job)] = error
    timed(seconds, "catalogs", start)
    return _Localized([rendered.get(id(job)) for job in chunk.jobs], report, fresh, used, seconds)


def _render_document(job: Job, targets: list[Target], options: RunOptions,
                     converted: dict[str, dict[str, str]]) -> tuple[dict[Path, str], int]:
    """Every file of one document as text, and how many QA findings went into its catalogs. `converted` holds
    each Traditional locale's OpenCC conversion, which its QA compares against."""
    from .catalog import po
    from .qa import check_catalog

    document, segments, folder, previous = job.document, job.segments, job.folder, job.previous
    spans = {paragraph.index: paragraph.spans for paragraph in document.paragraphs}
    markup = {segment.id: placeholders.describe(segment.source, spans[segment.paragraph]) for segment in segments}

    def notes_for(locale: str | None) -> dict[str, tuple[str, ...]]:
        return {segment.id: (*term_notes(segment, locale), *markup[segment.id]) for segment in segments}

    notes = notes_for(None)
    editions = {edition_table.get(name).locale: name for name in options.editions}
    sources = po.source_entries(document, segments)
    outputs: dict[Path, str] = {folder / f"{document.name}.pot": po.render(po.template(document, sources, notes))}
    reviewed: list[tuple[str, dict[str, str]]] = []
    written: machine.Record = {}
    findings = 0
    for target in targets:
        path = folder / f"{target.locale}.po"
        catalog, written[target.locale] = po.target_catalog(document, sources, target, notes_for(target.locale),
                                                            previous.get(path), job.drafts.get(target.locale))
        entries = catalog.for_segments(segments)
        texts = {segment.id: entries[segment.id].msgstr if segment.id in entries else "" for segment in segments}
        findings += len(check_catalog(entries, segments, target.locale, options.name_style,
                                      editions.get(target.locale), converted.get(target.locale)))
        outputs[path] = po.render(catalog)
        reviewed.append((target.locale, texts))
    outputs[folder / "segments.tsv"] = render_rows(*_segment_rows(segments, reviewed))
    outputs[folder / "removed.tsv"] = render_rows(*_removed_rows(document))
    outputs[folder / structure.FILE_NAME] = structure.render(document, segments)
    outputs[folder / machine.FILE_NAME] = machine.render(written)
    return outputs, findings


def _memory_path(options: RunOptions) -> Path | None:
    from .plumbing.files import default_memory_path

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


def _add_reports(first: DraftReport | None, second: DraftReport | None) -> DraftReport | None:
    if first is None or second is None:
        return first or second
    return replace(first, segments=first.segments + second.segments,
                   from_cache=first.from_cache + second.from_cache,
                   required=first.required + second.required, present=first.present + second.present)


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
    used_glossaries = glossaries.chosen_files(options.glossary)
    glossary = glossaries.load_many(used_glossaries)
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
    with _collector_threshold_kept(), output_lock(options.out_dir, options.wait), \
            Manifest(options.out_dir, notices.append) as manifest, \
            opened(FolderClaims) as claims, \
            opened(lambda: _open_cache(options, translator, notices)) as cache, \
            opened(lambda: _open_memory(memory_path)) as memory, \
            opened(lambda: open_executor(options.jobs, options.cluster)) as executor:
        state = Ledger(options.out_dir, options.force, options.max_bytes, manifest, claims,
                       _recipe(options, used_glossaries, translator, memory_path), total, on_progress)
        state.summary.executor, state.summary.workers = executor.name, executor.workers
        work = _Work(options, glossary, translator)

        def look_up(prepared: Chunk) -> None:
            if cache is not None:
                prepared.drafts = cache.get_many(prepared.draft_keys)
            if memory is not None:
                sources = sorted({segment.source for job in prepared.ready() for segment in job.segments})
                prepared.matches = {locale: memory.lookup(sources, locale) for locale in
                                    (*_edition_locales(options), ENGLISH)}

        for chunk, localized in two_steps(executor, _prepare, _localize, work, state.chunks(paths), look_up, state):
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
    from .translate.memory import TranslationMemory

    return TranslationMemory(path)
