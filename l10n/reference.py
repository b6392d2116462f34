"""The parts of docs/ made from the program itself, so they cannot drift from it: the command reference
(docs/commands.md, every command's --help), the settings table of docs/settings.md (the settings registry,
which commands read each key, and the option that overrides it) and the table of QA checks in docs/qa.md
(the checks' registry). `python scripts/command_reference.py` rewrites them; tests/test_docs.py fails when
they are stale."""
from __future__ import annotations

from pathlib import Path

WIDTH = 100  # columns of the --help text in the reference, whatever the terminal that made it
COMMANDS_FILE = Path("docs") / "commands.md"
SETTINGS_FILE = Path("docs") / "settings.md"
QA_FILE = Path("docs") / "qa.md"
TABLE_START = "<!-- settings table: made by scripts/command_reference.py from l10n/config/settings.py; do not edit -->"
TABLE_END = "<!-- end of settings table -->"
CHECKS_START = "<!-- checks table: made by scripts/command_reference.py from l10n/qa/registry.py; do not edit -->"
CHECKS_END = "<!-- end of checks table -->"


def _root():
    from typer.main import get_command

    from .cli import app

    return get_command(app)


def _commands(command, path: tuple[str, ...] = ()):
    """(path, command) for every command below this one, depth first, in the order --help lists them."""
    for name, child in getattr(command, "commands", {}).items():
        if not child.hidden:
            yield (*path, name), child
            yield from _commands(child, (*path, name))


def _help(path: tuple[str, ...]) -> str:
    from typer.testing import CliRunner

    from .cli import app

    return CliRunner().invoke(app, [*path, "--help"], prog_name="l10n", terminal_width=WIDTH).stdout.rstrip()


def command_reference() -> str:
    found = list(_commands(_root()))
    lines = ["# Command reference", "",
             "Every command's `--help`, as the program prints it (made by `python scripts/command_reference.py`;",
             "tests/test_docs.py fails when this page is stale). Options not given come from the desk's `l10n.toml`",
             "([settings.md](settings.md)), then from the defaults shown. `l10n COMMAND --help` prints the same;",
             "`python -m l10n` works like `l10n`.", ""]
    lines += [f"- [`l10n {' '.join(path)}`](#{_anchor(path)}): {command.get_short_help_str(90)}"
              for path, command in found]
    for path in [(), *(path for path, _ in found)]:
        lines += ["", f"## `{' '.join(('l10n', *path))}`", "", "```text", _help(path), "```"]
    return "\n".join(lines) + "\n"


def _anchor(path: tuple[str, ...]) -> str:
    return "-".join(("l10n", *path))


def settings_table() -> str:
    """One row per key of l10n.toml: its default, what it does, the commands that read it and with which option
    each overrides it (the option whose help names the key)."""
    from .config.options import commands
    from .config.settings import registry, toml_value

    flags: dict[str, dict[str, str]] = {}
    for path, command in _commands(_root()):
        for parameter in command.params:
            for setting in registry().values():
                if f"l10n.toml: {setting.dotted}]" in (getattr(parameter, "help", None) or ""):
                    flags.setdefault(setting.name, {})[" ".join(path)] = max(parameter.opts, key=len)
    rows = ["| key | default | what it sets | read by (command-line option) |", "|---|---|---|---|"]
    for setting in registry().values():
        shown = toml_value(setting.default) if setting.default not in ("", ()) else ""
        readers = [f"{command} (`{flags.get(setting.name, {}).get(command, 'its arguments')}`)"
                   for command, binding in commands().items() if setting.name in binding.fields]
        rows.append(f"| `{setting.dotted}` | {f'`{shown}`' if shown else '—'} | {setting.help} | "
                    f"{'; '.join(readers)} |")
    return "\n".join(rows)


def checks_table() -> str:
    """One row per QA check of the registry: id, severity, the targets it applies to, what it catches."""
    from .qa import CHECKS, TRADITIONAL

    rows = ["| id | severity | on | what it catches |", "|---|---|---|---|"]
    for check in CHECKS.values():
        targets = ", ".join(sorted("Traditional" if family == TRADITIONAL else family
                                   for family in check.target_families)) if check.target_families else "all"
        rows.append(f"| `{check.id}` | {check.severity.value} | {targets} | {check.explanation.replace('<', '&lt;')} |")
    return "\n".join(rows)


def _replaced(text: str, start: str, end: str, table: str) -> str:
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n{table}\n{end}{after}"


def with_settings_table(text: str) -> str:
    """docs/settings.md with its generated table replaced by the current one."""
    return _replaced(text, TABLE_START, TABLE_END, settings_table())


def with_checks_table(text: str) -> str:
    """docs/qa.md with its generated table of checks replaced by the current one."""
    return _replaced(text, CHECKS_START, CHECKS_END, checks_table())


GENERATED = {COMMANDS_FILE: lambda old: command_reference(), SETTINGS_FILE: with_settings_table,
             QA_FILE: with_checks_table}
