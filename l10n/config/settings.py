"""A desk's settings file, `l10n.toml`: found upward from the current folder, checked, overridable.

Precedence: command line, then the file, then the default. Each default lives in the options dataclass
that owns it (a Setting points at the field), so the file's keys, `--help`, the starter file and
`l10n config` cannot disagree. Paths in the file are relative to the file. Every effective value remembers
where it came from, so `l10n config` can say; defaults that are found rather than fixed (the glossary in
the desk, the user's cache and memory) are shown as the paths actually used.
"""
from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..plumbing.errors import Limit, UsageError

FILE_NAME = "l10n.toml"
COMMAND_LINE = "command line"
DEFAULT = "default"


class SettingsError(UsageError):
    """A settings file that cannot be parsed, or holds an unknown key or a value of the wrong type."""


def field_default(owner: type, path: str) -> Any:
    """The default of a dataclass field; "engine.threads" reads a field of a nested dataclass."""
    name, _, rest = path.partition(".")
    field = next((f for f in dataclasses.fields(owner) if f.name == name), None)
    if field is None:
        raise AttributeError(f"{owner.__name__} has no field {name!r}")
    if field.default is not dataclasses.MISSING:
        value = field.default
    elif field.default_factory is not dataclasses.MISSING:
        value = field.default_factory()
    else:
        raise AttributeError(f"{owner.__name__}.{name} has no default")
    if not rest:
        return value
    return field_default(type(value), rest)


@dataclass(frozen=True)
class Setting:
    name: str  # the key of Settings.values and of `resolve`'s command-line values
    section: str  # "" for the top of the file
    key: str
    owner: tuple[type, str]  # the options dataclass and field that hold the default
    help: str  # one line: --help, the starter file and the docs show it
    kind: type = str  # str, int, bool or list (one string or a list of them)
    choices: tuple[str, ...] = ()
    is_path: bool = False  # relative to the settings file
    example: str = ""  # the starter file shows this commented out instead of the default
    is_limit: bool = False  # a size limit: the option remembers where it was set (errors.Limit) for its errors

    @property
    def dotted(self) -> str:
        return f"{self.section}.{self.key}" if self.section else self.key

    @property
    def default(self) -> Any:
        """The owner's default as the file would spell it: paths as strings, None as empty."""
        value = field_default(*self.owner)
        if self.kind is list:
            return tuple(str(item) for item in value or ())
        return "" if value is None else (str(value) if isinstance(value, Path) else value)

    def check(self, value: Any) -> Any:
        if self.kind is list:
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not values:
                raise ValueError("must be a string or a non-empty list of strings")
            return tuple(self._one(item) for item in values)
        return self._one(value)

    def _one(self, value: Any) -> Any:
        if self.kind is bool:
            if not isinstance(value, bool):
                raise ValueError("must be true or false")
            return value
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError("must be a whole number of at least 1")
            return value
        if not isinstance(value, str):
            raise ValueError("must be a string")
        if self.choices and value not in self.choices:
            raise ValueError(f"must be one of {', '.join(self.choices)}")
        return value

    def as_option(self, value: Any, origin: str = COMMAND_LINE) -> Any:
        """The value as the options dataclass takes it: paths as Path, an empty path as None, a limit with
        where it was set (`origin` as Settings.origins gives it)."""
        if self.is_limit:
            flag = "--" + self.name.replace("_", "-")  # --max-bytes, --max-blocks
            if origin == COMMAND_LINE:
                return Limit(value, flag)
            if origin.startswith(DEFAULT):
                return Limit(value, f"the default; {flag} or {self.dotted} in l10n.toml raises it")
            return Limit(value, f"{self.dotted} in {origin}")
        if not self.is_path or self.name == "inputs":  # globs stay strings
            return value
        if self.kind is list:
            return tuple(Path(item) for item in value)
        return Path(value) if value else None


def registry() -> dict[str, Setting]:
    """Every setting, by name. Imports lazily: the owners live in the modules that use them."""
    from ..model import Severity
    from ..pipeline import RunOptions
    from .check_options import CheckOptions
    from ..glossary import NAME_STYLES
    from .. import editions
    from ..translate import engines

    settings = [
        Setting("glossary", "", "glossary", (RunOptions, "glossary"),
                "Glossary CSV file(s), read as one (default: glossary.csv in the desk, when there is one)", kind=list, is_path=True, example='["glossary.csv"]'),
        Setting("editions", "", "editions", (RunOptions, "editions"),
                "Traditional editions, one catalog each: "
                f"{', '.join(f'{edition.key} ({edition.locale})' for edition in editions.NEWSROOM)}; s2twp and s2hk "
                "mean tw and hk; plain-s2twp, plain-s2hk … are OpenCC alone (docs/editions.md)",
                kind=list, choices=editions.names()),
        Setting("out", "", "out", (RunOptions, "out_dir"), "Output folder: where `run` writes and the other "
                "commands look", is_path=True),
        Setting("inputs", "", "inputs", (RunOptions, "inputs"),
                "Articles `l10n run` takes when given none: globs, relative to the settings file", kind=list,
                is_path=True, example='["articles/**/*.md"]'),
        Setting("memory", "", "memory", (RunOptions, "memory"),
                "Translation memory filled by `l10n import tmx`; exact matches become the drafts "
                "(default: ~/.local/share/l10n/memory.sqlite3, when there is one)", is_path=True,
                example='"~/.local/share/l10n/memory.sqlite3"'),
        Setting("max_bytes", "", "max_bytes", (RunOptions, "max_bytes"),
                "Bytes read from one input at most; a larger file fails alone", kind=int, is_limit=True),
        Setting("max_blocks", "", "max_blocks", (RunOptions, "max_blocks"),
                "Blocks (paragraphs, list items, cells) one document may have, Markdown and text counted by "
                "their lines; a larger document fails alone", kind=int, is_limit=True),
        Setting("follow_links", "", "follow_links", (RunOptions, "follow_links"),
                "In folders, also take symbolic links that lead out of the folder", kind=bool),
        Setting("mt", "english", "mt", (RunOptions, "mt"), "English drafts: auto (the first engine with an "
                f"installed model), an engine ({', '.join(engines.ENGINES)}: its model is required) or none",
                choices=engines.choices()),
        Setting("names", "english", "names", (RunOptions, "name_style"), "Name style: full (every mention gets "
                "the full rendering) or news (later mentions may use the short form)", choices=NAME_STYLES),
        Setting("threads", "english", "threads", (RunOptions, "engine.threads"), "CPU threads for translation",
                kind=int),
        Setting("batch_size", "english", "batch_size", (RunOptions, "engine.batch_size"),
                "Segments per translation batch", kind=int),
        Setting("beam_size", "english", "beam_size", (RunOptions, "engine.beam_size"), "Beam size", kind=int),
        Setting("cache", "english", "cache", (RunOptions, "cache"),
                "Translation cache file (default: ~/.cache/l10n/translations.sqlite3)", is_path=True,
                example='"~/.cache/l10n/translations.sqlite3"'),
        Setting("fail_on", "qa", "fail_on", (CheckOptions, "fail_on"),
                "QA findings that make `l10n check` fail: error or warning",
                choices=tuple(severity.value for severity in Severity)),
    ]
    return {setting.name: setting for setting in settings}


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    origins: dict[str, str]  # name → "default", "default (…)", "FILE:LINE" or "command line"
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
    """The owners' defaults, before anything is looked for on disk."""
    settings = registry().values()
    return Settings({s.name: s.default for s in settings}, {s.name: DEFAULT for s in settings}, None)


def load(path: Path | None = None, cwd: Path | None = None) -> Settings:
    """The given file, else the one found upward from cwd, else the defaults; defaults that are found
    rather than fixed are looked for in the desk (the file's folder, else cwd) and the user's folders."""
    if path is None:
        path = find(cwd or Path.cwd())
    elif not path.is_file():
        raise SettingsError("no such settings file", path)
    loaded = defaults() if path is None else parse(path.read_bytes(), path)
    return _found_defaults(loaded, cwd)


def _found_defaults(loaded: Settings, cwd: Path | None) -> Settings:
    """The glossary of the desk, the user's cache and memory, as the paths a command will actually use."""
    from ..plumbing.files import default_memory_path
    from ..translate.cache import default_cache_path

    values, origins = dict(loaded.values), dict(loaded.origins)
    if origins["glossary"] == DEFAULT:
        if loaded.path is not None:
            beside = loaded.path.parent / "glossary.csv"
            if beside.is_file():
                values["glossary"], origins["glossary"] = (str(beside),), f"{DEFAULT} (beside {loaded.path.name})"
        elif ((cwd or Path.cwd()) / "glossary.csv").is_file():
            here = "glossary.csv" if cwd is None else str(cwd / "glossary.csv")
            values["glossary"], origins["glossary"] = (here,), f"{DEFAULT} (in the current folder)"
    if origins["cache"] == DEFAULT:
        values["cache"], origins["cache"] = str(default_cache_path()), f"{DEFAULT} (the user's cache)"
    if origins["memory"] == DEFAULT:
        memory = default_memory_path()
        if memory.is_file():
            values["memory"], origins["memory"] = str(memory), f"{DEFAULT} (the user's memory)"
        else:
            origins["memory"] = f"{DEFAULT} (none yet: `l10n import tmx` creates {memory})"
    return Settings(values, origins, loaded.path)


def parse(data: bytes, path: Path) -> Settings:
    import tomllib  # here: a desk without a settings file never parses one (its regular expressions cost at import)

    try:
        text = data.decode("utf-8-sig")
        document = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise SettingsError("not UTF-8 text", path) from error
    except RecursionError:
        raise SettingsError("not valid TOML: arrays or tables nested too deeply", path) from None
    except tomllib.TOMLDecodeError as error:
        # Python 3.14's error holds its line and bare message (lineno, msg); 3.11–3.13's only the message, which
        # ends in "(at line N, column M)".
        line, message = getattr(error, "lineno", None), getattr(error, "msg", None)
        if line is None:
            match = re.search(r"\(at line (\d+), column \d+\)", str(error))
            line = int(match.group(1)) if match else None
        if message is None:
            message = re.sub(r"\s*\(at line.*\)$", "", str(error))
        raise SettingsError(f"not valid TOML: {message}", path, line) from error
    by_key = {(setting.section, setting.key): setting for setting in registry().values()}
    sections = {section for section, _ in by_key}
    base = defaults()
    values, origins = dict(base.values), dict(base.origins)
    for name, setting in registry().items():  # default paths are taken from the desk's root too
        if setting.is_path and setting.kind is str and values[name]:
            values[name] = _resolve(values[name], path.parent)
    for section, table in _tables(document):
        if section not in sections:
            raise SettingsError(f"unknown section [{section}]; known: "
                                f"{', '.join(f'[{s}]' for s in sorted(sections) if s)}", path,
                                _line_of(text, section, None))
        for key, value in table.items():
            line = _line_of(text, section, key)
            setting = by_key.get((section, key))
            if setting is None:
                known = ", ".join(k for s, k in by_key if s == section)
                raise SettingsError(f"unknown setting {_dotted(section, key)!r}; known here: {known}", path, line)
            try:
                checked = setting.check(value)
            except ValueError as error:
                raise SettingsError(f"{setting.dotted} {error}", path, line) from None
            if setting.is_path:
                checked = _resolve(checked, path.parent)
            values[setting.name] = checked
            origins[setting.name] = f"{path}:{line}" if line else str(path)
    return Settings(values, origins, path)


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


def toml_value(value: Any) -> str:
    """A value as the settings file spells it."""
    if isinstance(value, tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


_STARTER_SET = {"glossary"}  # written as set, not commented: `init` writes the glossary beside the file


def starter() -> str:
    """The commented file `l10n init` writes: every setting with its help, and its default or an example."""
    lines = ["# l10n settings for this desk. Paths are relative to this file; command-line options override these.",
             "# `l10n config` prints the effective settings and where each came from."]
    section = None
    for setting in registry().values():
        if setting.section != section:
            section = setting.section
            if section:
                lines += ["", f"[{section}]"]
        lines += ["", *textwrap.wrap(f"{setting.help}.", 100, initial_indent="# ", subsequent_indent="# ")]
        if setting.name in _STARTER_SET:
            lines.append(f"{setting.key} = {setting.example}")
        elif setting.example:
            lines.append(f"# {setting.key} = {setting.example}")
        else:
            lines.append(f"{setting.key} = {toml_value(setting.default)}")
    return "\n".join(lines) + "\n"


def init(folder: Path, sample: bool = False) -> list[Path]:
    """Write a commented starter file and an empty glossary (and, with `sample`, the bundled sample article
    in articles/, to try the desk on); never overwrite any of them."""
    from ..plumbing.files import write_atomic
    from ..glossary import COLUMNS
    from ..pipeline import BUNDLED_SAMPLE

    files = {folder / FILE_NAME: starter(), folder / "glossary.csv": ",".join(COLUMNS) + "\n"}
    if sample:
        files[folder / "articles" / BUNDLED_SAMPLE.name] = BUNDLED_SAMPLE.read_text(encoding="utf-8")
    for path in files:
        if path.exists():
            raise UsageError("already exists; not overwritten", path)
    for path, text in files.items():
        write_atomic(path, text)
    return list(files)


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    """(setting, value, origin) rows for `l10n config`."""
    rows = []
    for setting in registry().values():
        value = settings.values[setting.name]
        shown = ", ".join(map(str, value)) if isinstance(value, tuple) else toml_value(value) if isinstance(value, bool) \
            else str(value)
        rows.append((setting.dotted, shown, settings.origins[setting.name]))
    return rows
