"""A desk's settings file, `l10n.toml`: found upward from the current folder, checked, overridable.

Precedence: command line, then the file, then the defaults below. Paths in the file are relative to the
file. Every effective value remembers where it came from, so `l10n config` can say.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError

FILE_NAME = "l10n.toml"
COMMAND_LINE = "command line"
DEFAULT = "default"


class SettingsError(UsageError):
    """A settings file that cannot be parsed, or holds an unknown key or a value of the wrong type."""


def _string(choices: tuple[str, ...] = ()) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("must be a string")
        if choices and value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return value
    return check


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("must be a whole number of at least 1")
    return value


def _string_list(choices: tuple[str, ...] = ()) -> Callable[[Any], tuple[str, ...]]:
    """One string or a list of them; the list form is what the starter file shows."""
    single = _string(choices)

    def check(value: Any) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            raise ValueError("must be a string or a non-empty list of strings")
        return tuple(single(item) for item in values)
    return check


@dataclass(frozen=True)
class Setting:
    name: str  # the name in RunOptions-like terms, and in `l10n config`
    section: str  # "" for the top of the file
    key: str
    check: Callable[[Any], Any]
    default: Any
    help: str
    is_path: bool = False


def _registry() -> dict[tuple[str, str], Setting]:
    from .pipeline import MT_CHOICES
    from .qa.terms import NAME_STYLES
    from .variant import DEFAULT_HANT, HANT_LOCALES

    settings = [
        Setting("glossary", "", "glossary", _string_list(), (), "glossary CSV file(s)", is_path=True),
        Setting("editions", "", "editions", _string_list(tuple(HANT_LOCALES)), (DEFAULT_HANT,),
                "OpenCC configurations, one Traditional edition each"),
        Setting("out", "", "out", _string(), "output", "output folder", is_path=True),
        Setting("inputs", "", "inputs", _string_list(), (), "globs of articles for `l10n run` without INPUT",
                is_path=True),
        Setting("mt", "english", "mt", _string(MT_CHOICES), "auto", "English drafts: auto, argos or none"),
        Setting("names", "english", "names", _string(NAME_STYLES), "full", "name style: full or news"),
        Setting("threads", "english", "threads", _positive_int, 2, "CPU threads for translation"),
        Setting("batch_size", "english", "batch_size", _positive_int, 32, "segments per translation batch"),
        Setting("beam_size", "english", "beam_size", _positive_int, 4, "beam size"),
        Setting("cache", "english", "cache", _string(), "", "translation cache file (empty: the user's cache)",
                is_path=True),
        Setting("memory", "", "memory", _string(), "",
                "translation memory from `l10n import tmx` (empty: the user's, when there is one)", is_path=True),
        Setting("fail_on", "qa", "fail_on", _string(("error", "warning")), "error",
                "QA findings that make `l10n check` exit 1"),
    ]
    return {(setting.section, setting.key): setting for setting in settings}


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    origins: dict[str, str]  # name → "default", "FILE:LINE" or "command line"
    path: Path | None  # the settings file, if one was used

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def with_overrides(self, overrides: dict[str, Any]) -> Settings:
        """Command-line values win; None means the option was not given."""
        given = {name: value for name, value in overrides.items() if value is not None}
        unknown = set(given) - set(self.values)
        if unknown:
            raise ValueError(f"not settings: {', '.join(sorted(unknown))}")
        return Settings({**self.values, **given}, {**self.origins, **dict.fromkeys(given, COMMAND_LINE)}, self.path)


def find(start: Path) -> Path | None:
    """The nearest l10n.toml in start or a folder above it, as git, ruff and pytest find theirs."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def defaults() -> Settings:
    registry = _registry()
    return Settings({s.name: s.default for s in registry.values()},
                    {s.name: DEFAULT for s in registry.values()}, None)


def load(path: Path | None = None, cwd: Path | None = None) -> Settings:
    """The given file, else the one found upward from cwd, else the defaults."""
    if path is None:
        path = find(cwd or Path.cwd())
        if path is None:
            return defaults()
    elif not path.is_file():
        raise SettingsError("no such settings file", path)
    return parse(path.read_bytes(), path)


def parse(data: bytes, path: Path) -> Settings:
    try:
        text = data.decode("utf-8-sig")
        document = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise SettingsError("not UTF-8 text", path) from error
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line.*\)$", "", str(error))
        raise SettingsError(f"not valid TOML: {message}", path, int(match.group(1)) if match else None) from error
    registry = _registry()
    sections = {setting.section for setting in registry.values()}
    values, origins = _defaults_beside(path)
    for section, table in _tables(document):
        if section not in sections:
            raise SettingsError(f"unknown section [{section}]; known: "
                                f"{', '.join(f'[{s}]' for s in sorted(sections) if s)}", path,
                                _line_of(text, section, None))
        for key, value in table.items():
            line = _line_of(text, section, key)
            setting = registry.get((section, key))
            if setting is None:
                known = ", ".join(s.key for s in registry.values() if s.section == section)
                raise SettingsError(f"unknown setting {_dotted(section, key)!r}; known here: {known}", path, line)
            try:
                checked = setting.check(value)
            except ValueError as error:
                raise SettingsError(f"{_dotted(section, key)} {error}", path, line) from None
            if setting.is_path:
                checked = _resolve(checked, path.parent)
            values[setting.name] = checked
            origins[setting.name] = f"{path}:{line}" if line else str(path)
    return Settings(values, origins, path)


def _defaults_beside(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """With a settings file, the file's folder is the desk's root: default paths are taken from there too,
    and a glossary.csv beside the file is used without being named."""
    base = defaults()
    values, origins = dict(base.values), dict(base.origins)
    folder = path.parent
    for setting in _registry().values():
        if setting.is_path and isinstance(setting.default, str) and setting.default:
            values[setting.name] = _resolve(setting.default, folder)
    if (folder / "glossary.csv").is_file():
        values["glossary"] = (str(folder / "glossary.csv"),)
        origins["glossary"] = f"{DEFAULT} (beside {path.name})"
    return values, origins


def _tables(document: dict[str, Any]):
    """(section, table) pairs: the top level's plain keys, then each [section]."""
    top = {key: value for key, value in document.items() if not isinstance(value, dict)}
    yield "", top
    for key, value in document.items():
        if isinstance(value, dict):
            yield key, value


def _dotted(section: str, key: str) -> str:
    return f"{section}.{key}" if section else key


def _resolve(value: str | tuple[str, ...], folder: Path):
    def one(item: str) -> str:
        if not item:
            return item
        candidate = Path(item).expanduser()
        return str(candidate if candidate.is_absolute() else folder / candidate)
    return tuple(one(item) for item in value) if isinstance(value, tuple) else one(value)


def _line_of(text: str, section: str, key: str | None) -> int | None:
    """tomllib gives no positions; find the line that sets the key (or opens the section) by reading the text."""
    current = ""
    key_pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""") if key else None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\s*([^\]\s]+)\s*\]", line)
        if header:
            current = header.group(1).strip("\"'")
            if key is None and current == section:
                return number
            continue
        if key_pattern is not None and current == section and key_pattern.match(line):
            return number
    return None


STARTER = """\
# l10n settings for this desk. Paths are relative to this file; command-line options override these.
# `l10n config` prints the effective settings and where each came from.

# Glossary CSV file(s): one file or a list.
glossary = ["glossary.csv"]

# Traditional editions, one catalog each: s2t (zh_Hant), s2tw and s2twp (zh_TW), s2hk (zh_HK).
editions = ["s2twp"]

# Where `l10n run` writes its output.
out = "output"

# Articles `l10n run` takes when given no INPUT (globs, relative to this file).
# inputs = ["articles/**/*.md"]

# Translation memory filled by `l10n import tmx`; exact matches become the drafts.
# memory = "~/.local/share/l10n/memory.sqlite3"

[english]
# auto: drafts when an Argos zh→en model is installed; argos: a model is required; none: no drafts.
mt = "auto"
# full: every mention gets the full rendering; news: later mentions may use the short form.
names = "full"
threads = 2
batch_size = 32
beam_size = 4
# cache = "~/.cache/l10n/translations.sqlite3"

[qa]
# Findings that make `l10n check` fail: error or warning.
fail_on = "error"
"""


def init(folder: Path) -> list[Path]:
    """Write a commented starter file and an empty glossary; never overwrite either."""
    from .files import write_atomic
    from .glossary import COLUMNS

    files = {folder / FILE_NAME: STARTER, folder / "glossary.csv": ",".join(COLUMNS) + "\n"}
    for path in files:
        if path.exists():
            raise UsageError("already exists; not overwritten", path)
    for path, text in files.items():
        write_atomic(path, text)
    return list(files)


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    """(setting, value, origin) rows for `l10n config`."""
    rows = []
    for setting in _registry().values():
        value = settings.values[setting.name]
        shown = ", ".join(value) if isinstance(value, tuple) else str(value)
        rows.append((_dotted(setting.section, setting.key), shown, settings.origins[setting.name]))
    return rows
