"""The MT cache shared by two runs: a lock is not corruption."""
import sqlite3
import subprocess
import sys
import textwrap
import threading

from l10n.translate import cache as cache_module
from l10n.translate.cache import TranslationCache


def test_a_locked_cache_is_left_alone_not_moved_aside(tmp_path):
    path = tmp_path / "cache.sqlite3"
    first = TranslationCache(path, print)
    first.put_many({"k": {"text": "kept"}})
    first.close()
    other_run = sqlite3.connect(path)
    other_run.execute("PRAGMA journal_mode=DELETE")  # a rollback journal, so an exclusive lock shuts readers out
    other_run.execute("BEGIN EXCLUSIVE")
    warnings: list[str] = []
    cache = TranslationCache(path, warnings.append, busy_timeout=0.2)
    assert cache.get_many(["k"]) == {}
    cache.put_many({"j": {"text": "new"}})
    assert len(warnings) == 1 and "busy" in warnings[0] and "unreadable" not in warnings[0]
    assert not (tmp_path / "cache.sqlite3.corrupt").exists()
    other_run.rollback()
    other_run.close()
    assert TranslationCache(path, warnings.append).get_many(["k"]) == {"k": {"text": "kept"}}


def test_a_writer_holding_the_lock_briefly_is_waited_for(tmp_path):
    path = tmp_path / "cache.sqlite3"
    TranslationCache(path, print).close()
    other_run = sqlite3.connect(path, check_same_thread=False)
    other_run.execute("BEGIN IMMEDIATE")
    other_run.execute("INSERT INTO drafts VALUES ('k', '{\"text\": \"from the other run\"}')")
    warnings: list[str] = []
    cache = TranslationCache(path, warnings.append, busy_timeout=5)
    assert cache.get_many(["k"]) == {}  # WAL: a reader does not wait for a writer, nor sees its open transaction
    commit = threading.Timer(0.5, other_run.commit)
    commit.start()
    cache.put_many({"j": {"text": "mine"}})  # waits for the other run's commit instead of failing
    commit.join()
    assert cache.get_many(["k", "j"]) == {"k": {"text": "from the other run"}, "j": {"text": "mine"}}
    assert warnings == []


def test_a_cache_another_run_is_creating_is_opened_once_it_is_made(tmp_path, monkeypatch):
    # two runs creating the cache at once race to switch it to WAL: SQLite says "locked" at once, without waiting
    attempts = []

    def created_by_another_run(*args, **kwargs):
        attempts.append(args[0])
        if len(attempts) < 3:
            locked = sqlite3.OperationalError("database is locked")
            locked.sqlite_errorcode = sqlite3.SQLITE_BUSY
            raise locked
        return open_database(*args, **kwargs)

    open_database = cache_module.open_database
    monkeypatch.setattr(cache_module, "open_database", created_by_another_run)
    warnings: list[str] = []
    cache = TranslationCache(tmp_path / "cache.sqlite3", warnings.append, busy_timeout=5)
    cache.put_many({"k": {"text": "kept"}})
    assert cache.get_many(["k"]) == {"k": {"text": "kept"}}
    assert len(attempts) == 3 and warnings == []


def test_two_processes_writing_at_once_lose_nothing_and_break_nothing(tmp_path):
    path = tmp_path / "cache.sqlite3"
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from l10n.translate.cache import TranslationCache
        name = sys.argv[1]
        cache = TranslationCache(Path({str(path)!r}), lambda message: print("WARN", message))
        for round in range(60):
            cache.put_many({{f"{{name}}-{{round}}-{{i}}": {{"text": "x" * 200}} for i in range(20)}})
            cache.get_many([f"{{name}}-{{round}}-{{i}}" for i in range(20)])
        cache.close()
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script, name], stdout=subprocess.PIPE, text=True)
            for name in ("a", "b", "c")]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert "WARN" not in "".join(outputs)
    assert not list(tmp_path.glob("*.corrupt*"))
    keys = [f"{name}-{round}-{i}" for name in "abc" for round in range(60) for i in range(20)]
    assert len(TranslationCache(path, print).get_many(keys)) == 3 * 60 * 20
