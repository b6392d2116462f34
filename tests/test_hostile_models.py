"""Hostile model packages and cache rows (issue 19, items 13 and 14): a damaged Argos package is skipped with
one warning, never a traceback; a translation-cache row of another shape is a miss and is replaced."""
from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest
from batch_work import EchoTranslator, article
from typer.testing import CliRunner

from l10n.cli import app
from l10n.plumbing.errors import ModelError
from l10n.pipeline import RunOptions, run
from l10n.translate.models import install_file

runner = CliRunner()
METADATA = json.dumps({"from_code": "zh", "to_code": "en", "package_version": "1.0"})


def _zip(path, members):
    """Stored, not deflated: nested brackets compress a thousandfold and would be refused as a zip bomb first."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def test_an_archive_with_a_dot_member_installs(argos_packages, tmp_path):
    archive = _zip(tmp_path / "dot.argosmodel", [("./", ""), ("./pkg/metadata.json", METADATA),
                                                 ("./pkg/model/model.bin", "x")])
    installed = install_file(archive)
    assert installed.path == argos_packages / "pkg" and (argos_packages / "pkg" / "metadata.json").is_file()


@pytest.mark.parametrize("metadata, message", [("[" * 100_000 + "]" * 100_000, "is nested too deeply"),
                                               ('{"from_code": ', "is not JSON"),
                                               ("[1, 2]", "lacks from_code/to_code")])
def test_an_archive_with_unreadable_metadata_is_refused_in_one_line(argos_packages, tmp_path, metadata, message):
    archive = _zip(tmp_path / "bad.argosmodel", [("pkg/metadata.json", metadata), ("pkg/model/model.bin", "x")])
    result = runner.invoke(app, ["models", "install", "--file", str(archive)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {archive}: pkg/metadata.json {message}")
    assert len(result.stderr.splitlines()) == 1
    with pytest.raises(ModelError):
        install_file(archive)
    assert list(argos_packages.iterdir()) == []


@pytest.mark.parametrize("metadata", ['{"from_code": ', "[" * 100_000, '["not", "an", "object"]',
                                      '{"from_code": "zh", "to_code": "en", "languages": 5}'])
def test_a_broken_installed_package_is_skipped_with_one_warning(installed_tiny, argos_packages, metadata):
    broken = argos_packages / "broken"
    broken.mkdir()
    (broken / "metadata.json").write_text(metadata, encoding="utf-8")
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("argos  zh→en")  # the good package is still listed
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"warning: {broken}: broken Argos package skipped (")


def test_a_run_uses_the_good_package_beside_a_broken_one(installed_tiny, argos_packages, tmp_path):
    broken = argos_packages / "broken"
    broken.mkdir()
    (broken / "metadata.json").write_text("[" * 100_000, encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(article(1), encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "argos", "--no-cache", str(source), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert f"warning: {broken}: broken Argos package skipped (metadata.json is nested too deeply)" in result.stderr
    assert "English drafts (argos translate-zh_en" in result.stdout


@pytest.mark.parametrize("row", ['{"x": 1}', '["text"]', '{"text": 5, "notes": [], "required": 0, "present": 0}',
                                 "not json", "[" * 100_000])
def test_cache_rows_of_another_shape_are_misses_and_are_replaced(tmp_path, row):
    paths = []
    for number in range(3):
        path = tmp_path / f"a{number}.txt"
        path.write_text(article(number), encoding="utf-8")
        paths.append(path)
    cache = tmp_path / "cache.sqlite3"
    options = RunOptions(out_dir=tmp_path / "out", cache=cache, force=True)
    assert not run(paths, options, translator=EchoTranslator()).failures
    with sqlite3.connect(cache) as database:
        database.execute("UPDATE drafts SET value = ?", (row,))
    again = run(paths, options, translator=EchoTranslator())
    assert not again.failures and again.summary.documents == 3
    assert again.summary.cache_hits == 0
    with sqlite3.connect(cache) as database:
        values = [json.loads(value) for (value,) in database.execute("SELECT value FROM drafts")]
    assert values and all(value["text"].startswith("EN ") for value in values)
    third = run(paths, options, translator=EchoTranslator())
    assert third.summary.cache_hits == third.summary.drafts > 0
