"""cli_values takes an option's value exactly as typer's own coercion would, or leaves it to typer."""
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Optional

import pytest
import typer
from typer import _coercion
from typer.main import get_command
from typer.testing import CliRunner

from l10n.config import cli_values
from l10n.cli import app

_probe = typer.Typer()


@_probe.command()
def _options(
    text: Annotated[Optional[str], typer.Option()] = None,
    count: Annotated[Optional[int], typer.Option(min=1)] = None,
    bounded: Annotated[Optional[int], typer.Option(min=0, max=9)] = None,
    fraction: Annotated[Optional[float], typer.Option(min=0)] = None,
    path: Annotated[Optional[Path], typer.Option()] = None,
    existing: Annotated[Optional[Path], typer.Option(exists=True)] = None,
    dash: Annotated[Optional[Path], typer.Option(allow_dash=True)] = None,
    paths: Annotated[Optional[list[Path]], typer.Option()] = None,
    counts: Annotated[Optional[list[int]], typer.Option(min=1)] = None,
) -> None:
    pass


_VALUES = [None, "", "abc", "-", "1", "0", "007", "10", "-1", "+1", " 2", "1.5", "1_000", "\u0661", "9" * 30,
           "a/b", "a\0b", (), ("1", "2"), ("a", "0"), ("x", "y/z")]


def _typer_result(parameter, context, given):
    try:
        return "value", _coercion.build_runtime_param(parameter.type_descriptor).coerce(given, parameter, context)
    except Exception as error:  # noqa: BLE001 (typer's own answer, whatever it is)
        return "error", type(error)


@pytest.mark.parametrize("given", _VALUES, ids=repr)
def test_a_value_taken_is_what_typer_makes_of_it(given, tmp_path):
    command = get_command(_probe)
    context = command.make_context("probe", [])
    readable = tmp_path / "readable.txt"
    readable.write_text("x")
    for parameter in command.params:
        if parameter.name == "help":
            continue
        for value in (given, str(readable), str(tmp_path / "missing")):
            descriptor = parameter.type_descriptor
            ours = cli_values.value(descriptor.annotation, descriptor.parameter_info, value,
                                    parameter.multiple or parameter.nargs == -1)
            if ours is cli_values._TYPER:
                continue
            kind, theirs = _typer_result(parameter, context, value)
            assert kind == "value", (parameter.name, value)
            assert ours == theirs and type(ours) is type(theirs), (parameter.name, value)


def test_what_is_not_taken_still_gets_typers_message():
    result = CliRunner().invoke(app, ["run", "x.txt", "--jobs", "0", "--mt", "none"])
    assert result.exit_code == 2
    assert "greater than or equal to 1" in result.output


def test_more_jobs_than_any_machine_is_a_usage_error_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text("测试。", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--mt", "none",
                                      "--jobs", "99999999999999999999"])
    assert result.exit_code != 0 and not isinstance(result.exception, OverflowError)
    assert "--jobs must be from 1 to 512" in result.output


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_an_unreadable_path_is_left_to_typer(tmp_path):
    locked = tmp_path / "locked"
    locked.write_text("")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as a user who reads every file")
    descriptor = get_command(_probe).params[4].type_descriptor
    assert cli_values.value(descriptor.annotation, descriptor.parameter_info, str(locked), False) is cli_values._TYPER


def test_a_run_does_not_import_pydantic(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n北京是中国的首都。\n", encoding="utf-8")
    script = ("import sys; from l10n.cli import app\n"
              "try:\n"
              f"    app(['run', {str(article)!r}, '--out', {str(tmp_path / 'out')!r}, '--mt', 'none', '--quiet',"
              f" '--jobs', '1', '--cache', {str(tmp_path / 'c.sqlite3')!r}])\n"
              "except SystemExit as end:\n"
              "    assert not end.code, end.code\n"
              "print('pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"
