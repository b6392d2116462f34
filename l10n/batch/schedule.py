"""A batch run's scheduling and bookkeeping, apart from what each step does (pipeline.py).

Documents go out a chunk at a time (Chunk: a few, so MT batches span documents, and only the chunks in flight are
in memory); a document whose input and recipe the manifest has seen is skipped, two that would write one folder
are refused. The Ledger counts what is written, skipped and failed as it happens (Summary, RunProgress), and
writes each document's files here, once: backups of reviewers' work first, then the files, then the manifest.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import machine, merge
from ..catalog.entries import Catalog
from ..plumbing.errors import InputError, L10nError, OutputError, UsageError
from ..plumbing.files import write_atomic
from ..reading.ingest import read_input
from ..model import Document, Segment
from .backup import back_up
from .claims import FolderClaims
from .inputs import HERE, Input, OutputFolders
from .manifest import Manifest, input_key

@dataclass(frozen=True)
class DocumentResult:
    document: Document
    segments: list[Segment]
    folder: Path
    files: tuple[Path, ...]
    backup: Path | None = None  # where the reviewed files this run replaced were copied
    written: dict[Path, os.stat_result] = field(default_factory=dict)  # each file's status as it was written


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
class RunProgress:
    done: int  # documents written
    skipped: int
    failed: int
    total: int | None  # None when the inputs were not counted (a list read from stdin)
    document: str  # the document just finished


ProgressCallback = Callable[[RunProgress], None]


Previous = dict[Path, Catalog]  # the catalogs already in a document's folder, by path


@dataclass
class Job:
    """One document on its way through the run."""

    input: Input
    folder: Path
    document: Document | None = None
    segments: list[Segment] = field(default_factory=list)
    previous: Previous = field(default_factory=dict)
    drafts: machine.Record = field(default_factory=dict)  # what the machine wrote into `previous`
    error: L10nError | None = None


@dataclass
class Chunk:
    """Documents sent out together, so MT batches span them."""

    jobs: list[Job]
    draft_keys: list[str] = field(default_factory=list)  # filled by prepare
    drafts: dict[str, dict] = field(default_factory=dict)  # the cache's answers, filled by look-up
    matches: dict[str, dict] | None = None  # the memory's answers per locale; None: no memory
    seconds: dict[str, float] = field(default_factory=dict)

    def ready(self) -> list[Job]:
        return [job for job in self.jobs if job.error is None]


CHUNK_DOCUMENTS = 8
CHUNK_BYTES = 256 * 1024  # of input: a few dozen articles at most, a few hundred sentences per MT batch


def timed(seconds: dict[str, float], stage: str, since: float) -> float:
    """Adds the time since `since` to the stage's; returns now, the next stage's start."""
    now = time.perf_counter()
    seconds[stage] = seconds.get(stage, 0.0) + now - since
    return now


def write_document(job: Job, outputs: dict[Path, str]) -> DocumentResult:
    reviewed = {path for path, catalog in job.previous.items()
                if merge.has_reviewer_work(catalog, job.drafts.get(path.stem, {}))}
    replaced = [path for path in reviewed if path.read_bytes() != outputs[path].encode("utf-8")]
    backup = back_up(job.folder, replaced)
    # Only reviewers' work must be on disk before the run goes on: a file of this run lost to a crash or a
    # power cut no longer matches its manifest record, so the next run makes it again.
    written = {path: write_atomic(path, text, durable=path in reviewed) for path, text in outputs.items()}
    return DocumentResult(job.document, job.segments, job.folder, tuple(outputs), backup, written)


def as_input(item: Path | Input) -> Input:
    return item if isinstance(item, Input) else Input(Path(item), HERE)


class Ledger:
    """The state of one run on this side: what was skipped, written, failed."""

    def __init__(self, out_dir: Path, force: bool, max_bytes: int, manifest: Manifest, claims: FolderClaims,
                 recipe: dict, total: int | None, on_progress: ProgressCallback | None):
        self._folders = OutputFolders(out_dir)
        self.force = force  # redo documents the manifest says are unchanged
        self.max_bytes = max_bytes
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
            error = unexpected(error, path)
        self.summary.failures.append(Failure(path, error))
        self.progress(path.name)

    def made_with(self, item: Input) -> dict:
        return {**self.recipe, "place": item.place.as_posix()}

    def unchanged(self, item: Input) -> bool:
        key = input_key(item.path)
        if self.force or not self.manifest.knows(key):  # a new input is read once, by the run
            return False
        try:
            sha256 = hashlib.sha256(read_input(item.path, self.max_bytes)).hexdigest()
        except InputError:
            return False  # reading it again will say what is wrong
        return self.manifest.unchanged(key, sha256, self.made_with(item))

    def chunks(self, items: Iterable[Path | Input]) -> Iterator[Chunk]:
        """Documents to do, a chunk at a time: unchanged ones are skipped, clashing names refused."""
        jobs: list[Job] = []
        size = 0
        for item in map(as_input, items):
            try:
                folder = self._folders.of(item)
            except L10nError as error:
                self.fail(item.path, error)
                continue
            holder = self.claims.claim(folder, item.path)
            if holder is not None:
                self.fail(item.path, UsageError(f"same output folder {folder} as {holder}; rename one of them",
                                                item.path))
                continue
            if not folder.is_dir() and folder.exists():  # one stat for a folder made before
                self.fail(item.path, OutputError("exists and is not a folder", folder))
                continue
            if self.unchanged(item):
                self.summary.skipped += 1
                self.progress(folder.name)
                continue
            jobs.append(Job(item, folder))
            with contextlib.suppress(OSError):
                size += item.path.stat().st_size
            if len(jobs) >= CHUNK_DOCUMENTS or size >= CHUNK_BYTES:
                yield Chunk(jobs)
                jobs, size = [], 0
        if jobs:
            yield Chunk(jobs)

    def add_seconds(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.summary.seconds[stage] += value

    def done(self, job: Job, outcome: tuple[dict[Path, str], int] | L10nError | None) -> DocumentResult | None:
        if job.error is not None or not isinstance(outcome, tuple):
            self.fail(job.input.path, job.error or outcome or L10nError("not localized", job.input.path))
            return None
        outputs, findings = outcome
        start = time.perf_counter()
        try:
            result = write_document(job, outputs)
        except L10nError as error:
            self.fail(job.input.path, error)
            return None
        self.manifest.record(input_key(job.input.path), job.document.source_sha256, self.made_with(job.input),
                             result.files, result.written)
        timed(self.summary.seconds, "write", start)
        self.summary.documents += 1
        self.summary.segments += len(job.segments)
        self.summary.findings += findings
        self.progress(job.document.name)
        return result


def unexpected(error: BaseException, path: Path) -> L10nError:
    """An error no stage expected, as the one line a failed document gets."""
    return L10nError(f"failed: {type(error).__name__}: {error}", path)


@contextlib.contextmanager
def opened(factory):
    """A resource with a close(), or None when there is none to open."""
    resource = factory()
    try:
        yield resource
    finally:
        if resource is not None:
            resource.close()


def two_steps(executor, first: Callable, second: Callable, work, chunks: Iterator[Chunk],
              between: Callable[[Chunk], None], ledger: Ledger) -> Iterator[tuple[Chunk, object]]:
    """Each chunk through `first` on a worker, `between` here (what only this process may read), then `second` on
    a worker, with up to two chunks per worker in flight; a chunk lost on the way fails its documents in the
    ledger. Yields each chunk with what `second` made of it, in the order they finish."""
    window = 2 * executor.workers

    def prepared_chunks() -> Iterator[Chunk]:
        for sent, prepared in executor.map_unordered(first, work, chunks, window):
            if isinstance(prepared, BaseException):
                for job in sent.jobs:
                    ledger.fail(job.input.path, prepared)
                continue
            ledger.add_seconds(prepared.seconds)
            between(prepared)
            yield prepared

    for chunk, result in executor.map_unordered(second, work, prepared_chunks(), window):
        if isinstance(result, BaseException):
            for job in chunk.jobs:
                ledger.fail(job.input.path, job.error or result)
            continue
        yield chunk, result
