import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.batch.claims import FolderClaims
from l10n.plumbing.errors import OutputError
from l10n.batch.manifest import JSONL_NAME, MANIFEST_NAME, Manifest, digest_files, input_key

RECIPE = {"l10n": "0.1.0", "glossary": "abc", "options": {"editions": ["s2twp"]}, "model": "none"}


@pytest.fixture(autouse=True)
def every_manifest_is_closed(monkeypatch):
    """A manifest left open keeps its exclusive lock, and the next open waits out SQLite's busy timeout."""
    opened = []
    real_init, real_close = Manifest.__init__, Manifest.close

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        opened.append(self)

    def close(self):
        opened.remove(self)
        real_close(self)

    monkeypatch.setattr(Manifest, "__init__", init)
    monkeypatch.setattr(Manifest, "close", close)
    yield
    assert not opened, f"{len(opened)} manifest(s) left open"


def _outputs(folder):
    files = [folder / "doc" / "zh_TW.po", folder / "doc" / "doc.pot"]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return files


def test_unchanged_document_is_found_after_reopening(tmp_path):
    files = _outputs(tmp_path)
    with Manifest(tmp_path) as manifest:
        manifest.record("/in/doc.txt", "sha", RECIPE, files)
    with Manifest(tmp_path) as reopened:
        assert len(reopened) == 1
        assert reopened.unchanged("/in/doc.txt", "sha", dict(reversed(RECIPE.items())))  # key order does not matter
        assert not reopened.unchanged("/in/doc.txt", "other-sha", RECIPE)
        assert not reopened.unchanged("/in/doc.txt", "sha", {**RECIPE, "model": "argos 1.9"})
        assert not reopened.unchanged("/in/other.txt", "sha", RECIPE)
        assert reopened.knows("/in/doc.txt") and not reopened.knows("/in/other.txt")


def test_an_edited_or_missing_output_file_means_redo(tmp_path):
    files = _outputs(tmp_path)
    with Manifest(tmp_path) as manifest:
        manifest.record("k", "sha", RECIPE, files)
    files[0].write_text("a reviewer's work")
    with Manifest(tmp_path) as manifest:
        assert not manifest.unchanged("k", "sha", RECIPE)
        manifest.record("k", "sha", RECIPE, files)
    files[1].unlink()
    with Manifest(tmp_path) as manifest:
        assert not manifest.unchanged("k", "sha", RECIPE)


CRASH = ("import os, signal, sys\nfrom pathlib import Path\nfrom l10n.batch.manifest import Manifest\n"
         "folder = Path(sys.argv[1])\nmanifest = Manifest(folder)\nfiles = [folder / 'doc' / 'zh_TW.po']\n"
         "manifest.record('a', 'sha', {}, files)\nmanifest.record('b', 'sha', {}, files)\n"
         "os.kill(os.getpid(), signal.SIGKILL)\n")


def test_each_record_survives_a_crash_and_a_later_one_replaces_it(tmp_path):
    files = _outputs(tmp_path)
    killed = subprocess.run([sys.executable, "-c", CRASH, str(tmp_path)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Manifest(tmp_path) as reopened:
        assert len(reopened) == 2 and reopened.unchanged("b", "sha", {})
        reopened.record("a", "sha2", {}, files)
    with Manifest(tmp_path) as again:
        assert len(again) == 2 and again.unchanged("a", "sha2", {}) and not again.unchanged("a", "sha", {})


def test_an_earlier_jsonl_manifest_is_honoured_once_and_removed(tmp_path):
    files = _outputs(tmp_path)
    stamps = {path.relative_to(tmp_path).as_posix(): [path.stat().st_size, path.stat().st_mtime_ns]
              for path in files}
    record = {"format": 1, "input": "a", "sha256": "sha", "made_with": RECIPE, "files": stamps}
    lines = [json.dumps({**record, "sha256": "old"}), json.dumps(record), json.dumps({**record, "input": "b"}),
             '{"format": 1, "inp']  # a later line wins; a line cut short by a crash is ignored
    (tmp_path / JSONL_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Manifest(tmp_path) as manifest:
        assert len(manifest) == 2
        assert manifest.unchanged("a", "sha", RECIPE) and manifest.unchanged("b", "sha", RECIPE)
    assert not (tmp_path / JSONL_NAME).exists()
    with Manifest(tmp_path) as manifest:
        assert manifest.unchanged("a", "sha", RECIPE)


def test_an_unreadable_manifest_is_set_aside_and_everything_redone(tmp_path):
    files = _outputs(tmp_path)
    (tmp_path / MANIFEST_NAME).write_bytes(b"not a database, " * 100)
    warnings = []
    with Manifest(tmp_path, warnings.append) as manifest:
        assert len(manifest) == 0
        manifest.record("a", "sha", RECIPE, files)
    assert len(warnings) == 1 and "manifest unreadable" in warnings[0] and "every document is redone" in warnings[0]
    assert (tmp_path / (MANIFEST_NAME + ".corrupt")).read_bytes() == b"not a database, " * 100
    with Manifest(tmp_path) as manifest:
        assert manifest.unchanged("a", "sha", RECIPE)


def test_a_manifest_that_cannot_be_made_is_one_output_error(tmp_path):
    (tmp_path / "file").write_text("a file where the output folder should be")
    with pytest.raises(OutputError, match="cannot keep a manifest here"):
        Manifest(tmp_path / "file")
    (tmp_path / JSONL_NAME).mkdir()
    with pytest.raises(OutputError, match="cannot read the earlier manifest"):
        Manifest(tmp_path)


def test_rows_are_on_disk_in_the_documented_table(tmp_path):
    files = _outputs(tmp_path)
    with Manifest(tmp_path) as manifest:
        manifest.record("a", "sha", RECIPE, files)
    with sqlite3.connect(tmp_path / MANIFEST_NAME) as connection:
        [(key, sha256, made_with)] = connection.execute("SELECT input, sha256, made_with FROM documents")
    assert (key, sha256, json.loads(made_with)) == ("a", "sha", RECIPE)


def test_a_folder_is_claimed_by_its_first_input_only(tmp_path):
    claims = FolderClaims()
    assert claims.claim(tmp_path / "out" / "a", tmp_path / "2023" / "a.txt") is None
    assert claims.claim(tmp_path / "out" / "b", tmp_path / "b.txt") is None
    assert claims.claim(tmp_path / "out" / "a", tmp_path / "2024" / "a.md") == tmp_path / "2023" / "a.txt"
    assert claims.claim(tmp_path / "out" / "a", tmp_path / "x" / "a.md") == tmp_path / "2023" / "a.txt"
    claims.close()


def test_digest_and_key(tmp_path, monkeypatch):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("x")
    second.write_text("y")
    assert digest_files([first, second]) != digest_files([second, first])
    assert digest_files([first]) == digest_files([first])
    monkeypatch.chdir(tmp_path)
    assert input_key(first.relative_to(tmp_path)) == str(first)
