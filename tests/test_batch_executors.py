import pytest
from batch_work import die_once, power

from l10n.plumbing.errors import InputError, UsageError
from l10n.batch.executors import EXECUTORS, choose, open_executor


def test_choice_follows_jobs_and_cluster():
    assert choose(1, None) == "serial"
    assert choose(3, None) == "processes"
    assert choose(1, "local") == "dask"
    assert set(EXECUTORS) == {"serial", "processes", "dask"}
    with pytest.raises(UsageError):
        open_executor(0)


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_item_once_and_errors_come_back_with_their_item(jobs):
    executor = open_executor(jobs)
    try:
        outcomes = dict(executor.map_unordered(power, 2, iter([3, -1, 4, 5, 6]), window=2))
    finally:
        executor.close()
    assert sorted(outcomes) == [-1, 3, 4, 5, 6]
    assert isinstance(outcomes[-1], InputError)
    assert {item: result[0] for item, result in outcomes.items() if item >= 0} == {3: 9, 4: 16, 5: 25, 6: 36}


def test_window_bounds_what_is_taken_from_the_source():
    taken = []

    def source():
        for number in range(100):
            taken.append(number)
            yield number

    executor = open_executor(2)
    try:
        outcomes = executor.map_unordered(power, 2, source(), window=3)
        next(outcomes)
        assert len(taken) <= 4
        assert len(list(outcomes)) == 99
    finally:
        executor.close()


def test_processes_redo_the_items_of_a_worker_that_died(tmp_path):
    executor = open_executor(2)
    try:
        outcomes = list(executor.map_unordered(die_once, str(tmp_path / "marker"), range(6), 4))
    finally:
        executor.close()
    assert (tmp_path / "marker").exists()
    assert sorted(result for _, result in outcomes) == list(range(6))


@pytest.fixture(scope="module")
def local_cluster():
    executor = open_executor(2, "local")
    yield executor
    executor.close()


def test_local_cluster_runs_on_two_worker_processes(local_cluster):
    assert local_cluster.workers == 2
    outcomes = dict(local_cluster.map_unordered(power, 2, range(-1, 20), window=6))
    assert isinstance(outcomes.pop(-1), InputError)
    assert {item: result[0] for item, result in outcomes.items()} == {n: n * n for n in range(20)}
    assert len({pid for _, pid in outcomes.values()}) == 2


def test_local_cluster_redoes_the_work_of_a_killed_worker(local_cluster, tmp_path):
    outcomes = list(local_cluster.map_unordered(die_once, str(tmp_path / "marker"), range(8), window=4))
    assert (tmp_path / "marker").exists()
    assert sorted(result for _, result in outcomes) == list(range(8))


def test_local_cluster_keeps_the_shared_data_when_every_worker_holding_it_dies():
    """What every task shares is a task result the scheduler can make again, not scattered data that is lost
    for good with the last worker holding it ("lost scattered data")."""
    import contextlib
    import os

    executor = open_executor(2, "local")
    try:
        assert {item: result[0] for item, result in executor.map_unordered(power, 3, range(4), 4)} == \
            {n: n ** 3 for n in range(4)}
        with contextlib.suppress(Exception):  # the workers die before they can answer
            executor._client.run(os._exit, 1)
        executor._client.wait_for_workers(2, timeout=60)
        outcomes = dict(executor.map_unordered(power, 3, range(4), 4))
    finally:
        executor.close()
    assert {item: result[0] for item, result in outcomes.items()} == {n: n ** 3 for n in range(4)}


def test_closing_survives_dasks_worker_bookkeeping_error():
    """Dask's cluster can raise KeyError on close when a restarted worker is reported removed twice
    (dask/distributed#5407); every result is already in, so closing the executor must not fail the run."""
    from l10n.batch.executors import DaskExecutor

    closed = []

    class Client:
        def close(self):
            closed.append("client")

    class Cluster:
        def close(self):
            closed.append("cluster")
            raise KeyError("tcp://127.0.0.1:1")

    executor = object.__new__(DaskExecutor)
    executor._client, executor._cluster = Client(), Cluster()
    executor.close()
    assert closed == ["client", "cluster"]
