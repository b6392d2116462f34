"""Atomic writes (l10n/plumbing/files.py): ordinary permissions without touching the process's umask."""
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.plumbing.errors import OutputError
from l10n.plumbing.files import read_cached, write_atomic, write_cached

ROOT = Path(__file__).resolve().parent.parent


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_written_file_has_the_mode_the_umask_gives_an_ordinary_file(tmp_path, umask):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.po", "msgid \"\"\n")
        (tmp_path / "old.po").write_text("before")
        os.chmod(tmp_path / "old.po", 0o600)
        write_atomic(tmp_path / "old.po", b"after", durable=False)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.po") == 0o666 & ~umask
    assert _mode(tmp_path / "old.po") == 0o666 & ~umask  # a new file replaced it, as mkstemp + chmod did
    assert (tmp_path / "old.po").read_bytes() == b"after"


def test_importing_the_module_leaves_the_umask_alone():
    probe = ("import os\n"
             "def refuse(*args): raise SystemExit('os.umask called')\n"
             "os.umask = refuse\n"
             "import l10n.plumbing.files, l10n.pipeline, l10n.build\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def test_text_is_utf8_with_its_line_ends_kept_and_no_temporary_is_left(tmp_path):
    write_atomic(tmp_path / "a.txt", "第一行\r\n第二行\n")
    assert (tmp_path / "a.txt").read_bytes() == "第一行\r\n第二行\n".encode("utf-8")
    assert [path.name for path in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "en.po"
    target.write_text("reviewed")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, "new")
    assert target.read_text() == "reviewed"
    assert [path.name for path in tmp_path.iterdir()] == ["en.po"]


def test_missing_folders_are_made_and_a_file_in_the_way_is_a_one_line_error(tmp_path):
    write_atomic(tmp_path / "a" / "b" / "c.txt", "deep")
    assert (tmp_path / "a" / "b" / "c.txt").read_text() == "deep"
    (tmp_path / "plain").write_text("a file, not a folder")
    with pytest.raises(OutputError, match="cannot write here"):
        write_atomic(tmp_path / "plain" / "c.txt", "x")
    with pytest.raises(OutputError, match="cannot write here"):
        write_atomic(tmp_path / "plain" / "sub" / "c.txt", "x")


def test_the_status_returned_is_the_written_files_as_a_later_stat_sees_it(tmp_path):
    """The manifest records it as the file's stamp: a stat of its own would find the same size and time."""
    status = write_atomic(tmp_path / "a.po", "msgid \"\"\n" * 1000, durable=False)
    later = (tmp_path / "a.po").stat()
    assert (status.st_size, status.st_mtime_ns) == (later.st_size, later.st_mtime_ns) == (9000, later.st_mtime_ns)


def test_a_short_write_is_followed_by_the_rest(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda handle, data: real_write(handle, bytes(data[:3])))
    write_atomic(tmp_path / "a.txt", "第一行\n第二行\n")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "第一行\n第二行\n"


def test_a_cached_value_is_read_back_only_as_the_kind_and_key_it_was_written_under(tmp_path):
    path = tmp_path / "cache" / "forms-tw.json"
    write_cached(path, "l10n forms 1", ["tw", "1.1.9"], "forms", {"谷歌": ["Google", []]})
    assert path.read_text(encoding="utf-8") == \
        '{"format": "l10n forms 1", "key": ["tw", "1.1.9"], "forms": {"谷歌": ["Google", []]}}'
    assert read_cached(path, "l10n forms 1", ["tw", "1.1.9"], "forms") == {"谷歌": ["Google", []]}
    assert read_cached(path, "l10n forms 2", ["tw", "1.1.9"], "forms") is None  # another kind of file
    assert read_cached(path, "l10n forms 1", ["tw", "1.2.0"], "forms") is None  # made from something else
    assert read_cached(path, "l10n forms 1", ["tw", "1.1.9"], "characters") is None
    assert read_cached(tmp_path / "missing.json", "l10n forms 1", ["tw", "1.1.9"], "forms") is None


@pytest.mark.parametrize("text", ['{"format": "l10n forms 1", "key": [', "[1, 2]", '"forms"', "\xff"])
def test_a_damaged_cache_file_reads_as_nothing(tmp_path, text):
    path = tmp_path / "forms-tw.json"
    path.write_text(text, encoding="latin-1")
    assert read_cached(path, "l10n forms 1", "key", "forms") is None


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_the_file(tmp_path):
    (tmp_path / "a file").write_text("")
    write_cached(tmp_path / "a file" / "forms-tw.json", "l10n forms 1", "key", "forms", {})
    assert read_cached(tmp_path / "a file" / "forms-tw.json", "l10n forms 1", "key", "forms") is None
