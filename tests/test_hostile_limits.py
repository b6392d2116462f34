"""Odd limits (issue 19, item 16): a full disk, file names near the file system's 255 bytes, HTML nested past the
parser's depth or a text node past its size, settings nested past Python's recursion limit."""
from __future__ import annotations

import errno
from pathlib import Path

import polib
from typer.testing import CliRunner

from l10n.batch import backup
from l10n.cli import app
from l10n.reading.readers import html

runner = CliRunner()
ARTICLE = "微软宣布新的人工智能计划的第一句话很长很长。\n\n第二段也有很多中文内容，用来测试。\n"
PARAGRAPHS = "<p>微软宣布新的人工智能计划的第一句话很长很长，这是第二个分句的内容。</p><p>第二段也有很多中文内容，用来测试网页的读取和清理。</p>"


def _run(*arguments: str):
    return runner.invoke(app, ["run", "-q", "--mt", "none", *arguments])


def test_a_full_disk_leaves_no_backup_folder_behind(tmp_path, monkeypatch):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(str(source), "--out", str(out)).exit_code == 0
    catalog = out / "a" / "en.po"
    reviewed = polib.pofile(str(catalog))
    for entry in reviewed:
        entry.msgstr, entry.flags = "Reviewed.", []
    reviewed.save(str(catalog))
    before = catalog.read_bytes()

    def disk_full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.shutil, "copy2", disk_full)
    for _ in range(3):
        result = _run(str(source), "--out", str(out), "--force")
        assert result.exit_code == 2
        assert "cannot keep a backup of the reviewed files: No space left on device" in result.stderr
    assert not (out / "a" / backup.FOLDER).exists()
    assert catalog.read_bytes() == before  # nothing replaced without its backup
    monkeypatch.undo()
    assert _run(str(source), "--out", str(out), "--force").exit_code == 0
    assert [folder.name for folder in (out / "a" / backup.FOLDER).iterdir()] == ["0001"]


def test_a_file_name_of_250_bytes_is_written(tmp_path):
    name = "新闻" * 41 + ".txt"  # 250 bytes in UTF-8: its .pot is 250, its temporary name would be 264
    assert len(name.encode()) == 250
    source = tmp_path / name
    source.write_text(ARTICLE, encoding="utf-8")
    result = _run(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / ("新闻" * 41) / f"{'新闻' * 41}.pot").is_file()


def test_html_nested_deeper_than_the_parser_reads_is_said_so(tmp_path):
    for depth in (253, 254, 3000):
        (tmp_path / f"deep{depth}.html").write_text(
            f"<html><body>{'<div>' * depth}{PARAGRAPHS}{'</div>' * depth}</body></html>", encoding="utf-8")
    result = _run(*(str(tmp_path / f"deep{depth}.html") for depth in (253, 254, 3000)), "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {tmp_path / f'deep{depth}.html'}:1: elements nested more than 256 deep; the page was "
                      "not read" for depth in (254, 3000)]
    assert (tmp_path / "o" / "deep253" / "en.po").is_file()


def test_html_with_a_text_node_over_libxml2s_ten_megabytes_is_read():
    # without huge_tree, libxml2 stops at a text node of 10,000,000 bytes, reported as a resource limit
    text = "微软宣布。" * 800_000  # 12 MB in UTF-8
    page = html.read(f"<html><body><p>{text}</p><p>后</p></body></html>", Path("a.html"))
    assert [block.text for block in page.blocks] == [text, "后"]


def test_settings_nested_past_the_recursion_limit_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "l10n.toml").write_text("inputs = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'l10n.toml'}: not valid TOML: arrays or tables nested too deeply\n"


def test_a_structure_file_nested_past_the_recursion_limit_fails_its_document_alone(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out)).exit_code == 0
    (out / "a" / "document.json").write_text("[" * 100_000, encoding="utf-8")
    result = runner.invoke(app, ["build", str(out), "--fallback", "source", "-l", "en"])
    assert result.exit_code == 2
    assert f"error: {out / 'a' / 'document.json'}: not a document structure file (nested too deeply)" in result.stderr
    assert (out / "b" / "article.en.txt").is_file()
