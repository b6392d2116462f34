"""Where a run's work is done: in this process, in worker processes, or on a Dask cluster.

Every executor offers one thing: `map_unordered(function, shared, items, window)`, which calls a picklable
`function(shared, item)` for each item with at most `window` items in flight (so an archive is never held
in memory) and yields `(item, result)` pairs as they finish; when the function raised, the result is the
exception, so one bad item never stops the others. `shared` (the run's settings, glossary, translator) is
sent to each worker once, not with every item. Worker processes live for the whole run, so whatever a
function caches per process (the translation model) is loaded once per worker.

Dask rather than Ray: the work is plain Python functions over files, which Dask's futures API runs as
it is, with a scheduler and workers started by one command each and no object store or cluster runtime
to operate; Dask retries the tasks of a worker that dies. Ray would add a large native runtime and its
own serialization for no gain here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

from ..plumbing.errors import UsageError

Item = TypeVar("Item")
Outcome = Iterator[tuple[Any, Any]]  # (item, the function's result or the exception it raised)
_ATTEMPTS = 3  # times an item is tried when the process running it dies, before it is reported as failed


class Executor(Protocol):
    name: str
    workers: int

    def map_unordered(self, function: Callable[[Any, Item], Any], shared: Any, items: Iterable[Item],
                      window: int) -> Outcome:
        ...

    def close(self) -> None:
        ...


class SerialExecutor:
    """Everything in this process, one item after the other."""

    name = "serial"
    workers = 1

    def __init__(self, jobs: int = 1, cluster: str | None = None):
        pass

    def map_unordered(self, function, shared, items, window) -> Outcome:
        for item in items:
            try:
                result = function(shared, item)
            except Exception as error:  # reported with its item; the run goes on
                result = error
            yield item, result

    def close(self) -> None:
        pass


class ProcessExecutor:
    """`--jobs N`: N worker processes on this machine. A worker that dies takes its items with it; they
    are given to a fresh pool, so nothing is lost."""

    name = "processes"

    def __init__(self, jobs: int, cluster: str | None = None):
        self.workers = jobs
        self._pool: ProcessPoolExecutor | None = None
        self._shared: Any = None
        self._generation = 0  # counts pools, so two maps seeing one pool die replace it once

    def _pool_for(self, shared: Any) -> ProcessPoolExecutor:
        if self._pool is None or shared is not self._shared:
            self._replace_pool(shared)
        return self._pool

    def _replace_pool(self, shared: Any) -> None:
        import multiprocessing  # here, as Dask below: a serial run (the default) never imports them
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        # forkserver, not fork: the parent runs threads (progress display, CTranslate2), which fork would copy
        # in whatever state they are in.
        self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                         initializer=_keep_shared, initargs=(shared,))
        self._shared = shared
        self._generation += 1

    def map_unordered(self, function, shared, items, window) -> Outcome:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        source = iter(items)
        running: dict[Future, tuple[Any, int, int]] = {}  # future → item, attempt, pool generation
        retry: list[tuple[Any, int]] = []

        def submit(item, attempt: int) -> None:
            future = self._pool_for(shared).submit(_with_shared, function, item)
            running[future] = (item, attempt, self._generation)

        def refill() -> None:
            while len(running) < window:
                if retry:
                    submit(*retry.pop())
                    continue
                item = next(source, _END)
                if item is _END:
                    return
                submit(item, 1)

        refill()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                item, attempt, generation = running.pop(future)
                error = future.exception()
                if isinstance(error, BrokenProcessPool):
                    if generation == self._generation:
                        self._replace_pool(shared)
                    if attempt < _ATTEMPTS:
                        retry.append((item, attempt + 1))
                        continue
                yield item, error if error is not None else future.result()
            refill()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


_shared: Any = None  # in a worker process: what the run sent it once, at start


def _keep_shared(shared: Any) -> None:
    global _shared
    _shared = shared


def _with_shared(function, item):
    return function(_shared, item)


class DaskExecutor:
    """`--cluster ADDRESS`: a running Dask scheduler; `--cluster local`: a local cluster of `jobs` worker
    processes, started for the run. Dask reruns the tasks of a worker lost mid-run on another worker."""

    name = "dask"

    def __init__(self, jobs: int, cluster: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise UsageError("--cluster needs Dask: pip install 'l10n[cluster]'") from error
        self._cluster = None
        if cluster in (None, "local"):
            # No dashboard: nothing listens beyond what the workers need.
            self._cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(cluster, timeout="10s")
            except (OSError, TimeoutError) as error:
                raise UsageError(f"cannot reach the Dask scheduler at {cluster}: {error}") from error
        self.workers = max(1, len(self._client.scheduler_info()["workers"]))
        self._shared_value: tuple[Any, Any] | None = None

    def _shared_future(self, shared: Any):
        """Sent to the cluster once, as the result of a task rather than scattered data: the scheduler keeps
        the task, so when every worker holding the value is lost it makes it again, where scattered data
        would be lost for good and every task needing it cancelled. Workers fetch it from each other."""
        if self._shared_value is None or self._shared_value[0] is not shared:
            future = self._client.submit(_the_value, shared, pure=False)
            self._shared_value = (shared, future)
        return self._shared_value[1]

    def map_unordered(self, function, shared, items, window) -> Outcome:
        from distributed import as_completed

        source = iter(items)
        running: dict[str, Any] = {}
        finished = as_completed()
        shared_future = self._shared_future(shared)

        def submit_next() -> None:
            item = next(source, _END)
            if item is not _END:
                future = self._client.submit(function, shared_future, item, pure=False)
                running[future.key] = item
                finished.add(future)

        for _ in range(window):
            submit_next()
        for future in finished:
            item = running.pop(future.key)
            try:
                result = future.result()
            except Exception as error:  # the task's own error, or the engine giving up on it (KilledWorker)
                result = error
            future.release()
            yield item, result
            submit_next()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            # Every result is in by now. A worker that died and was restarted can be reported removed
            # twice, and Dask's worker-status watcher then raises KeyError while the cluster shuts down
            # (dask/distributed#5407): nothing is lost, so it must not fail the run.
            try:
                self._cluster.close()
            except KeyError:
                pass


def _the_value(value: Any) -> Any:
    return value


_END = object()

EXECUTORS: dict[str, Callable[[int, str | None], Executor]] = {
    "serial": SerialExecutor,
    "processes": ProcessExecutor,
    "dask": DaskExecutor,
}


def choose(jobs: int, cluster: str | None) -> str:
    """--cluster picks Dask; otherwise --jobs above 1 picks worker processes."""
    if cluster is not None:
        return "dask"
    return "processes" if jobs > 1 else "serial"


MOST_JOBS = 512  # more worker processes than a machine has cores; far past it, the OS's semaphores overflow


def open_executor(jobs: int = 1, cluster: str | None = None) -> Executor:
    if not 1 <= jobs <= MOST_JOBS:
        raise UsageError(f"--jobs must be from 1 to {MOST_JOBS}, not {jobs}")
    return EXECUTORS[choose(jobs, cluster)](jobs, cluster)
