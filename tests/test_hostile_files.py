"""Hostile input folders (issue 19, item 4): symbolic links, FIFOs and devices, and files of any size.

The runs are separate processes with a timeout and an address-space cap: before the fix a FIFO hung the run
forever and a link to /dev/zero read until memory ran out."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from l10n.cli import app

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "微软宣布新的人工智能计划的第一句话很长很长。\n"
SECRET = "机密文件的内容很长很长，不该出现在任何目录里。\n"
runner = CliRunner()


def _l10n(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 * 1024**3, 4 * 1024**3))

    return subprocess.run([sys.executable, "-m", "l10n", *arguments], cwd=cwd, capture_output=True, text=True,
                          timeout=120, preexec_fn=capped, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (folder / "secret.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "same.txt").symlink_to(folder / "a.txt")  # a link that stays inside the folder is an ordinary input
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop").symlink_to(folder)
    return folder


def _catalog_text(out: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in out.rglob("*.po"))


def test_a_walk_reads_only_regular_files_inside_the_folder(tmp_path):
    _hostile_folder(tmp_path)
    result = _l10n("run", "in", "--mt", "none", "-q", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir() if not path.name.startswith(".")) == \
        ["a", "same"]
    assert "机密" not in _catalog_text(tmp_path / "out")
    warnings = sorted(line for line in result.stderr.splitlines() if line.startswith("warning:"))
    assert warnings == [
        "warning: in/fifo.txt: a FIFO (named pipe), not an article file, left out",
        "warning: in/loop: a symbolic link to a folder (--follow-links follows it), left out",
        "warning: in/secret.txt: a symbolic link to a file outside the folder (--follow-links takes it), left out",
        "warning: in/zero.txt: a character device, not an article file, left out"]


def test_follow_links_takes_links_out_of_the_folder_but_never_a_device_and_ends_on_a_loop(tmp_path):
    _hostile_folder(tmp_path)
    result = _l10n("run", "in", "--mt", "none", "-q", "--out", "out", "--follow-links", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "机密" in _catalog_text(tmp_path / "out" / "secret")
    assert "fifo.txt: a FIFO" in result.stderr and "zero.txt: a character device" in result.stderr


def test_a_named_fifo_or_device_fails_alone_without_blocking(tmp_path):
    _hostile_folder(tmp_path)
    result = _l10n("run", "in/fifo.txt", "in/zero.txt", "in/a.txt", "--mt", "none", "-q", "--out", "out",
                   cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: in/fifo.txt: is a FIFO (named pipe), not an article file",
                      "error: in/zero.txt: is a character device, not an article file"]
    assert (tmp_path / "out" / "a" / "en.po").is_file()


def test_a_file_over_max_bytes_fails_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("big.txt").write_text(SENTENCE * 10, encoding="utf-8")
    Path("small.txt").write_text(SENTENCE, encoding="utf-8")
    limit = len(SENTENCE.encode()) * 2
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "big.txt", "small.txt", "--max-bytes", str(limit)])
    assert result.exit_code == 2
    assert f"error: big.txt: larger than the limit of {limit:,} bytes (--max-bytes)" in result.stderr
    assert Path("output/small/en.po").is_file() and not Path("output/big").exists()


def test_max_bytes_and_follow_links_come_from_the_settings_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _hostile_folder(tmp_path)
    Path("l10n.toml").write_text("max_bytes = 10\nfollow_links = true\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "in/a.txt"])
    assert result.exit_code == 2
    # the error names where the limit was set: the settings file's line, not a flag nobody gave
    assert f"larger than the limit of 10 bytes (max_bytes in {tmp_path / 'l10n.toml'}:1)" in result.stderr
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "--jobs", "2", "in/a.txt", "in/same.txt"])
    assert result.stderr.count(f"(max_bytes in {tmp_path / 'l10n.toml'}:1)") == 2, result.stderr
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "in", "--max-bytes", "1000", "--glob", "secret.txt"])
    assert result.exit_code == 0, result.output
    assert Path("output/secret/en.po").is_file()


def test_a_limit_error_names_where_the_limit_was_set(tmp_path, monkeypatch):
    import pickle

    from l10n.plumbing.errors import Limit
    from l10n.config.settings import registry

    monkeypatch.chdir(tmp_path)
    Path("long.md").write_text("第一段。\n" * 30, encoding="utf-8")
    Path("l10n.toml").write_text("# limits\nmax_blocks = 20\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "long.md"])
    assert f"more than the 20 blocks a document may have (max_blocks in {tmp_path / 'l10n.toml'}:2)" in result.stderr
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "long.md", "--max-blocks", "10"])
    assert "more than the 10 blocks a document may have (--max-blocks)" in result.stderr
    default = registry()["max_bytes"].as_option(33554432, "default")
    assert default == 33554432 and default.where == "the default; --max-bytes or max_bytes in l10n.toml raises it"
    assert pickle.loads(pickle.dumps(Limit(5, "max_bytes in l10n.toml:1"))).where == "max_bytes in l10n.toml:1"
