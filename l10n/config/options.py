"""Each command's options from the settings file and the command line: `resolve` is the one way in.

COMMANDS says which settings each command reads and into which field of its options dataclass each goes.
A value given on the command line wins, then the settings file, then the default, which lives in the
dataclass field that owns it (see settings.registry). Command-line options that are not settings (`--jobs`,
`--force` …) pass through under their field's name, so every option of a command reaches it the same way.
"""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import settings as settings_file
from .settings import Settings, field_default


@dataclass(frozen=True)
class Command:
    owner: str  # where the options dataclass the command hands to the library lives: "module.Class", in l10n
    fields: dict[str, str]  # setting name → field of the options ("engine.threads" for a nested one)

    @property
    def options(self) -> type:
        """The options dataclass, its module imported when first asked for: a command imports its own module
        alone, so `--help` and a re-run that finds nothing to do stay quick."""
        module, _, name = self.owner.rpartition(".")
        return getattr(importlib.import_module(f"..{module}", __package__), name)


def commands() -> dict[str, Command]:
    """Every command that reads settings, as the command line names it."""
    return {
        "run": Command("pipeline.RunOptions", {
            "out": "out_dir", "editions": "editions", "glossary": "glossary", "inputs": "inputs", "mt": "mt",
            "names": "name_style", "threads": "engine.threads", "batch_size": "engine.batch_size",
            "beam_size": "engine.beam_size", "cache": "cache", "memory": "memory", "max_bytes": "max_bytes",
            "max_blocks": "max_blocks", "follow_links": "follow_links"}),
        "check": Command("config.check_options.CheckOptions", {"out": "folder", "glossary": "glossary",
                                                        "names": "name_style", "fail_on": "fail_on"}),
        "build": Command("config.build_options.BuildOptions", {"out": "folder", "glossary": "glossary", "names": "name_style"}),
        "glossary check": Command("glossary.GlossaryOptions", {"glossary": "files"}),
        "glossary suggest": Command("glossary.ReadingOptions", {
            "glossary": "files", "max_bytes": "max_bytes", "max_blocks": "max_blocks", "follow_links": "follow_links"}),
        "align": Command("glossary.ReadingOptions", {
            "glossary": "files", "max_bytes": "max_bytes", "max_blocks": "max_blocks", "follow_links": "follow_links"}),
        "export tmx": Command("config.exchange_options.TmxOptions", {"out": "folder"}),
        "export xliff": Command("config.exchange_options.XliffOptions", {"out": "folder"}),
        "import tmx": Command("translate.memory.ImportOptions", {"memory": "memory"}),
    }


@dataclass(frozen=True)
class Resolved:
    options: Any  # the command's options dataclass
    settings: Settings  # every effective setting with its origin, for the "settings:" line and `l10n config`


def resolve(command: str, given: dict[str, Any] | None = None, config: Path | None = None,
            cwd: Path | None = None) -> Resolved:
    """The command's options: `given` holds its command-line values by setting name (or, for options that
    are not settings, by field name), None for an option not given; `config` is `--config`."""
    binding = commands()[command]
    known = settings_file.registry()
    given = {name: value for name, value in (given or {}).items() if value is not None}
    stray = [name for name in given if name in known and name not in binding.fields]
    if stray:
        raise ValueError(f"{command} does not read the settings {', '.join(stray)}")
    effective = settings_file.load(config, cwd).with_overrides(
        {name: value for name, value in given.items() if name in known})
    values = {field: known[name].as_option(effective[name], effective.origins[name])
              for name, field in binding.fields.items()}
    values.update({name: value for name, value in given.items() if name not in known})
    return Resolved(_build(binding.options, values), effective)


def _build(cls: type, values: dict[str, Any]):
    """A dataclass from field values; "engine.threads" sets a field of the nested dataclass's default."""
    nested: dict[str, dict[str, Any]] = {}
    flat: dict[str, Any] = {}
    for path, value in values.items():
        name, _, rest = path.partition(".")
        if rest:
            nested.setdefault(name, {})[rest] = value
        else:
            flat[name] = value
    for name, inner in nested.items():
        flat[name] = dataclasses.replace(field_default(cls, name), **inner)
    return cls(**flat)


def setting_help(name: str, more: str = "") -> str:
    """The --help of an option that overrides a setting: the setting's own help (and `more`, a sentence about
    the option itself), its default and its key."""
    setting = settings_file.registry()[name]
    default = _shown(setting.default)
    return f"{setting.help}.{f' {more}' if more else ''} [{f'default: {default}; ' if default else ''}" \
           f"l10n.toml: {setting.dotted}]"


def field_help(command: str, field: str, text: str) -> str:
    """The --help of an option that is not a setting, with the default its options dataclass gives it."""
    return f"{text}. [default: {_shown(field_default(commands()[command].options, field))}]"


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        return ",".join(map(str, value))
    return "" if value in ("", None) else str(value)
