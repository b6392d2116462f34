"""Every setting × every command that reads it: obeyed from the settings file and from the command line.

Each command is stopped where it hands its options to the library (the function is replaced by a recorder),
so a row sees exactly what the command would have worked with. A row per (setting, command) pair that
options.COMMANDS declares; a pair without a row, or a row without a pair, fails the coverage test.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from typer.testing import CliRunner

from l10n.config import settings
from l10n.cli import app
from l10n.config.options import commands

runner = CliRunner()
GLOSSARY = "zh_Hans,en,kind\n乔布斯,Steve Jobs,person\n"
CATALOG = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


class Stop(Exception):
    """Raised by a recorder once it has seen what the command hands over."""


@dataclass
class Seen:
    args: tuple = ()
    glossaries: list = None  # every glossary file list the command loaded

    @property
    def options(self):
        return self.args[1]


# command → (its argv without the row's options, the library function it hands its options to)
PROBES: dict[str, tuple[list[str], str]] = {
    "run": (["run", "article.txt", "--mt", "none"], "l10n.pipeline.run"),
    "check": (["check"], "l10n.qa.catalogs.check_files"),
    "build": (["build"], "l10n.build.build"),
    "glossary check": (["glossary", "check"], "l10n.glossary.check_file"),
    "glossary suggest": (["glossary", "suggest", "article.txt"], "l10n.mining.suggest.read_articles"),
    "align": (["align", "article.txt", "english.txt"], "l10n.align.archive.align_pair"),
    "export tmx": (["export", "tmx"], "l10n.exchange.export_tmx"),
    "export xliff": (["export", "xliff"], "l10n.exchange.export_xliff"),
    "import tmx": (["import", "tmx", "memory.tmx"], "l10n.translate.memory.import_tmx"),
}


def _glossary_files(seen: Seen) -> tuple[Path, ...]:
    return tuple(Path(path) for path in seen.glossaries[-1])


def _run_inputs(seen: Seen) -> list[str]:
    return [str(item.path) for item in seen.args[0]]


@dataclass(frozen=True)
class Row:
    setting: str
    command: str
    in_file: str  # the line(s) of l10n.toml
    flag: list[str]  # the command-line form; replaces the probe's own arguments when `replaces` is set
    observe: Callable[[Seen], Any]
    from_file: Any  # what the command must see; a str is a path inside the desk
    from_flag: Any
    replaces: tuple[str, ...] = ()  # probe arguments the command-line form stands in for
    target: str | None = None  # where the command hands this setting over, when not at the probe's function
    argv: list[str] | None = None  # the command's arguments, when not the probe's (align's folders)


ROWS = [
    Row("out", "run", 'out = "from-file"', ["--out", "from-flag"], lambda s: s.options.out_dir,
        Path("from-file"), Path("from-flag")),
    Row("out", "check", 'out = "from-file"', ["from-flag"], lambda s: Path(s.args[0][0]).parent.parent,
        Path("from-file"), Path("from-flag")),
    Row("out", "build", 'out = "from-file"', ["from-flag"], lambda s: s.args[0] or s.options.folder,
        Path("from-file"), [Path("from-flag")]),
    Row("out", "export tmx", 'out = "from-file"', ["from-flag"], lambda s: s.args[0][0],
        Path("from-file"), Path("from-flag")),
    Row("out", "export xliff", 'out = "from-file"', ["from-flag"], lambda s: s.args[0][0],
        Path("from-file"), Path("from-flag")),
    Row("glossary", "run", 'glossary = "file.csv"', ["-g", "flag.csv"], lambda s: s.options.glossary,
        (Path("file.csv"),), (Path("flag.csv"),)),
    Row("glossary", "check", 'glossary = "file.csv"', ["-g", "flag.csv"], _glossary_files,
        (Path("file.csv"),), (Path("flag.csv"),)),
    Row("glossary", "glossary check", 'glossary = "file.csv"', ["flag.csv"], lambda s: s.args[0],
        Path("file.csv"), Path("flag.csv")),
    Row("glossary", "glossary suggest", 'glossary = "file.csv"', ["-g", "flag.csv"], _glossary_files,
        (Path("file.csv"),), (Path("flag.csv"),)),
    Row("glossary", "align", 'glossary = "file.csv"', ["-g", "flag.csv"], _glossary_files,
        (Path("file.csv"),), (Path("flag.csv"),)),
    Row("editions", "run", 'editions = ["s2t"]', ["--editions", "s2hk"], lambda s: s.options.editions,
        ("s2t",), ("s2hk",)),
    Row("inputs", "run", 'inputs = ["articles/*.txt"]', ["other.txt"], _run_inputs,
        ["articles/a.txt"], ["other.txt"], replaces=("article.txt",)),
    Row("max_bytes", "run", "max_bytes = 1000", ["--max-bytes", "2000"], lambda s: s.options.max_bytes, 1000, 2000),
    Row("max_blocks", "run", "max_blocks = 1000", ["--max-blocks", "2000"], lambda s: s.options.max_blocks, 1000,
        2000),
    Row("follow_links", "run", "follow_links = true", ["--no-follow-links"], lambda s: s.options.follow_links,
        True, False),
    Row("max_bytes", "glossary suggest", "max_bytes = 1000", ["--max-bytes", "2000"],
        lambda s: s.options.max_bytes, 1000, 2000),
    Row("max_blocks", "glossary suggest", "max_blocks = 1000", ["--max-blocks", "2000"],
        lambda s: s.options.max_blocks, 1000, 2000),
    Row("max_bytes", "align", "max_bytes = 1000", ["--max-bytes", "2000"], lambda s: s.args[5].max_bytes, 1000, 2000),
    Row("max_blocks", "align", "max_blocks = 1000", ["--max-blocks", "2000"], lambda s: s.args[5].max_blocks, 1000,
        2000),
    Row("follow_links", "glossary suggest", "follow_links = true", ["--no-follow-links"],
        lambda s: s.options.follow_links, True, False),
    Row("follow_links", "align", "follow_links = true", ["--no-follow-links"], lambda s: s.args[-1], True, False,
        target="l10n.align.archive.align_folders", argv=["align", "articles", "from-file"]),
    Row("mt", "run", '[english]\nmt = "argos"', ["--mt", "auto"], lambda s: s.options.mt, "argos", "auto",
        replaces=("--mt", "none")),
    Row("names", "run", '[english]\nnames = "news"', ["--en-names", "full"], lambda s: s.options.name_style,
        "news", "full"),
    Row("names", "check", '[english]\nnames = "news"', ["--en-names", "full"], lambda s: s.args[2], "news", "full"),
    Row("fail_on", "check", '[qa]\nfail_on = "warning"', ["--fail-on", "error"], lambda s: s.args[1], "warning",
        "error", target="l10n.qa.catalogs.fails"),
    Row("glossary", "build", 'glossary = "file.csv"', ["-g", "flag.csv"], lambda s: s.options.glossary,
        (Path("file.csv"),), (Path("flag.csv"),)),
    Row("names", "build", '[english]\nnames = "news"', ["--en-names", "full"], lambda s: s.options.name_style,
        "news", "full"),
    Row("threads", "run", '[english]\nthreads = 3', ["--threads", "5"], lambda s: s.options.engine.threads, 3, 5),
    Row("batch_size", "run", '[english]\nbatch_size = 7', ["--batch-size", "9"],
        lambda s: s.options.engine.batch_size, 7, 9),
    Row("beam_size", "run", '[english]\nbeam_size = 2', ["--beam-size", "6"],
        lambda s: s.options.engine.beam_size, 2, 6),
    Row("cache", "run", '[english]\ncache = "file.sqlite3"', ["--cache", "flag.sqlite3"],
        lambda s: s.options.cache, Path("file.sqlite3"), Path("flag.sqlite3")),
    Row("memory", "run", 'memory = "file.sqlite3"', ["--memory", "flag.sqlite3"], lambda s: s.options.memory,
        Path("file.sqlite3"), Path("flag.sqlite3")),
    Row("memory", "import tmx", 'memory = "file.sqlite3"', ["--memory", "flag.sqlite3"], lambda s: s.args[1],
        Path("file.sqlite3"), Path("flag.sqlite3")),
]


def _in_desk(value: Any, desk: Path) -> Any:
    """A path written relative to the desk, as the command sees it: from the file, absolute; from the
    command line, as typed (the test runs in the desk)."""
    if isinstance(value, Path):
        return desk / value
    if isinstance(value, list):
        return [_in_desk(item, desk) for item in value]
    if isinstance(value, tuple):
        return tuple(_in_desk(item, desk) for item in value)
    return value


def _desk(tmp_path: Path, settings_text: str) -> Path:
    files = {"l10n.toml": settings_text + "\n", "article.txt": "乔布斯回来了。\n", "other.txt": "乔布斯走了。\n",
             "articles/a.txt": "乔布斯说。\n", "english.txt": "Jobs is back.\n", "memory.tmx": "",
             "file.csv": GLOSSARY, "flag.csv": GLOSSARY}
    for folder in ("output", "from-file", "from-flag"):
        files[f"{folder}/doc/en.po"] = CATALOG
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _invoke(row: Row, desk: Path, monkeypatch, argv_extra: list[str]) -> Seen:
    import importlib

    from l10n import glossary

    argv, target = PROBES[row.command]
    argv, target = row.argv or argv, row.target or target
    argv = [arg for arg in argv if arg not in row.replaces] + argv_extra
    seen = Seen(glossaries=[])
    module_name, function = target.rsplit(".", 1)
    module = importlib.import_module(module_name)

    def record(*args, **kwargs):
        seen.args = args
        raise Stop

    original_load = glossary.load_many

    def load_many(paths):
        seen.glossaries.append(tuple(paths))
        return original_load(paths)

    monkeypatch.setattr(module, function, record)
    monkeypatch.setattr(glossary, "load_many", load_many)
    monkeypatch.chdir(desk)
    result = runner.invoke(app, argv)
    assert isinstance(result.exception, Stop), (argv, result.output, result.exception)
    return seen


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.setting}-{row.command}")
def test_the_file_is_obeyed(row, tmp_path, monkeypatch):
    desk = _desk(tmp_path, row.in_file)
    expected = _in_desk(row.from_file, desk)
    if row.setting == "inputs":
        expected = [str(desk / path) for path in row.from_file]
    assert row.observe(_invoke(row, desk, monkeypatch, [])) == expected


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.setting}-{row.command}")
def test_the_command_line_beats_the_file(row, tmp_path, monkeypatch):
    desk = _desk(tmp_path, row.in_file)
    assert row.observe(_invoke(row, desk, monkeypatch, row.flag)) == row.from_flag


# What `l10n config` shows for each key as the rows' settings file sets it ({desk}: the desk's folder).
SHOWN = {"out": "{desk}/from-file", "glossary": "{desk}/file.csv", "editions": "s2t", "inputs": "{desk}/articles/*.txt",
         "mt": "argos", "names": "news", "threads": "3", "batch_size": "7", "beam_size": "2",
         "cache": "{desk}/file.sqlite3", "memory": "{desk}/file.sqlite3", "fail_on": "warning", "max_bytes": "1000",
         "max_blocks": "1000", "follow_links": "true"}


@pytest.mark.parametrize("key", sorted(SHOWN))
def test_config_shows_the_value_used(key, tmp_path, monkeypatch):
    row = next(row for row in ROWS if row.setting == key)
    desk = _desk(tmp_path, row.in_file)
    monkeypatch.chdir(desk)
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    dotted = settings.registry()[key].dotted
    [line] = [line for line in result.stdout.splitlines() if line.split(" ", 1)[0] == dotted]
    assert line.split("=", 1)[1].split("#", 1)[0].strip() == SHOWN[key].format(desk=desk)
    assert line.endswith(f"# {desk / 'l10n.toml'}:{row.in_file.count(chr(10)) + 1}")


def test_every_setting_a_command_reads_has_a_row_and_every_row_a_binding():
    declared = {(name, command) for command, binding in commands().items() for name in binding.fields}
    assert {(row.setting, row.command) for row in ROWS} == declared
    assert set(PROBES) == set(commands())
    assert set(SHOWN) == {row.setting for row in ROWS}
