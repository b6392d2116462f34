from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import settings
from l10n.plumbing.errors import UsageError
from l10n.config.settings import SettingsError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_in_the_current_folder(tmp_path):
    write(tmp_path / "l10n.toml", 'out = "published"\n')
    loaded = settings.load(cwd=tmp_path)
    assert loaded.path == tmp_path / "l10n.toml"
    assert loaded["out"] == str(tmp_path / "published")


def test_found_in_a_parent_folder(tmp_path):
    write(tmp_path / "l10n.toml", '[english]\nnames = "news"\n')
    deep = tmp_path / "desk" / "2026" / "11"
    deep.mkdir(parents=True)
    loaded = settings.load(cwd=deep)
    assert loaded.path == tmp_path / "l10n.toml"
    assert loaded["names"] == "news"
    assert loaded.origins["names"] == f"{tmp_path / 'l10n.toml'}:2"


def test_nearest_file_wins(tmp_path):
    write(tmp_path / "l10n.toml", '[english]\nnames = "news"\n')
    write(tmp_path / "inner" / "l10n.toml", '[english]\nnames = "full"\n')
    assert settings.load(cwd=tmp_path / "inner")["names"] == "full"


def test_no_file_gives_defaults(tmp_path):
    loaded = settings.load(cwd=tmp_path)
    assert loaded.path is None
    assert loaded["editions"] == ("tw",)
    assert all(origin.startswith(settings.DEFAULT) for origin in loaded.origins.values())


def test_found_defaults_are_the_paths_actually_used(tmp_path, monkeypatch):
    from l10n.plumbing.files import default_memory_path
    from l10n.translate.cache import default_cache_path

    loaded = settings.load(cwd=tmp_path)
    assert loaded["cache"] == str(default_cache_path()) and loaded.origins["cache"] == "default (the user's cache)"
    assert loaded["memory"] == "" and str(default_memory_path()) in loaded.origins["memory"]
    assert loaded["glossary"] == ()
    write(tmp_path / "glossary.csv", "zh_Hans,en,kind\n")
    write(default_memory_path(), "")
    try:
        loaded = settings.load(cwd=tmp_path)
    finally:
        default_memory_path().unlink()
    assert loaded["glossary"] == (str(tmp_path / "glossary.csv"),)
    assert loaded["memory"] == str(default_memory_path())


def test_every_default_is_its_owner_fields_default():
    from l10n.pipeline import RunOptions
    from l10n.config.check_options import CheckOptions

    defaults = settings.defaults()
    assert defaults["out"] == str(RunOptions().out_dir) and defaults["threads"] == RunOptions().engine.threads
    assert defaults["batch_size"] == RunOptions().engine.batch_size
    assert defaults["fail_on"] == CheckOptions.__dataclass_fields__["fail_on"].default


def test_the_starter_file_is_made_from_the_registry_and_reads_back_as_the_defaults(tmp_path):
    text = settings.starter()
    comments = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    for setting in settings.registry().values():
        assert f"{setting.help}." in comments
    loaded = settings.parse(text.encode(), tmp_path / "l10n.toml")
    assert {name: value for name, value in loaded.values.items() if name != "glossary"} == \
        {name: value for name, value in settings.parse(b"", tmp_path / "l10n.toml").values.items()
         if name != "glossary"}


def test_named_file_is_used_instead_of_discovery(tmp_path):
    write(tmp_path / "l10n.toml", 'out = "found"\n')
    named = write(tmp_path / "elsewhere" / "hk.toml", 'editions = ["s2hk"]\n')
    loaded = settings.load(named, cwd=tmp_path)
    assert loaded.path == named
    assert loaded["editions"] == ("s2hk",)
    assert loaded["out"] == str(named.parent / "output")  # the discovered file is not read at all


def test_a_settings_file_roots_default_paths_and_finds_the_glossary_beside_it(tmp_path):
    path = write(tmp_path / "desk" / "l10n.toml", "[english]\nthreads = 1\n")
    assert settings.load(path)["glossary"] == ()
    write(tmp_path / "desk" / "glossary.csv", "zh_Hans,en,kind\n")
    loaded = settings.load(path)
    assert loaded["out"] == str(tmp_path / "desk" / "output")
    assert loaded["glossary"] == (str(tmp_path / "desk" / "glossary.csv"),)
    assert loaded.origins["glossary"] == "default (beside l10n.toml)"


def test_named_file_that_does_not_exist(tmp_path):
    with pytest.raises(SettingsError, match="no such settings file"):
        settings.load(tmp_path / "missing.toml")


def test_paths_are_relative_to_the_file(tmp_path):
    path = write(tmp_path / "desk" / "l10n.toml", 'glossary = ["names.csv", "/abs/terms.csv"]\nout = "../out"\n')
    loaded = settings.load(path)
    assert loaded["glossary"] == (str(tmp_path / "desk" / "names.csv"), "/abs/terms.csv")
    assert loaded["out"] == str(tmp_path / "desk" / "../out")


def test_single_string_is_accepted_where_a_list_is(tmp_path):
    loaded = settings.load(write(tmp_path / "l10n.toml", 'editions = "s2hk"\n'))
    assert loaded["editions"] == ("s2hk",)


def test_command_line_beats_file_beats_default(tmp_path):
    path = write(tmp_path / "l10n.toml", '[english]\nbeam_size = 2\nthreads = 1\n')
    effective = settings.load(path).with_overrides({"threads": 4, "beam_size": None})
    assert effective["threads"] == 4 and effective.origins["threads"] == settings.COMMAND_LINE
    assert effective["beam_size"] == 2 and effective.origins["beam_size"] == f"{path}:2"
    assert effective["batch_size"] == 32 and effective.origins["batch_size"] == settings.DEFAULT


@pytest.mark.parametrize(("text", "line", "message"), [
    ('out = "x"\n\n[english]\nmt = "google"\n', 4, "english.mt must be one of auto, argos, none"),
    ('[english]\nthreads = "two"\n', 2, "english.threads must be a whole number"),
    ('[english]\nthreads = 0\n', 2, "english.threads must be a whole number"),
    ('editions = ["s2twp", "s2jp"]\n', 1, "editions must be one of"),
    ('glossary = []\n', 1, "glossary must be a string or a non-empty list"),
    ('# comment\noutput = "x"\n', 2, "unknown setting 'output'"),
    ('[english]\n"beam" = 3\n', 2, "unknown setting 'english.beam'"),
    ('[qa]\nfail_on = "error"\n[engish]\nmt = "none"\n', 3, r"unknown section \[engish\]"),
    ('out = "x"\nout = "y"\n', 2, "not valid TOML"),
    ('[english\n', 1, "not valid TOML"),
])
def test_errors_name_the_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path / "l10n.toml", text)
    with pytest.raises(SettingsError, match=message) as caught:
        settings.load(path)
    assert caught.value.path == path
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")



def test_a_toml_error_s_own_position_is_used_where_tomllib_gives_one(tmp_path, monkeypatch):
    """Python 3.14's TOMLDecodeError holds lineno and msg; the message's "(at line N, …)" is read only without."""
    import tomllib

    class Positioned(tomllib.TOMLDecodeError):
        msg, lineno = "Invalid statement", 3

    def loads(text):
        raise Positioned("Invalid statement (at line 1, column 1)")

    monkeypatch.setattr(tomllib, "loads", loads)
    path = write(tmp_path / "l10n.toml", 'out = "x"\n')
    with pytest.raises(SettingsError) as caught:
        settings.load(path)
    assert (caught.value.line, str(caught.value)) == (3, f"{path}:3: not valid TOML: Invalid statement")

def test_init_writes_a_starter_that_loads_and_an_empty_glossary(tmp_path):
    from l10n import glossary

    written = settings.init(tmp_path)
    assert sorted(path.name for path in written) == ["glossary.csv", "l10n.toml"]
    loaded = settings.load(cwd=tmp_path)
    assert loaded["glossary"] == (str(tmp_path / "glossary.csv"),)
    assert len(glossary.load(tmp_path / "glossary.csv")) == 0


@pytest.mark.parametrize("existing", ["l10n.toml", "glossary.csv"])
def test_init_refuses_to_overwrite(tmp_path, existing):
    write(tmp_path / existing, "keep me\n")
    with pytest.raises(UsageError, match="already exists"):
        settings.init(tmp_path)
    assert (tmp_path / existing).read_text() == "keep me\n"
    assert len(list(tmp_path.iterdir())) == 1


def test_describe_lists_every_setting_with_its_origin(tmp_path):
    path = write(tmp_path / "l10n.toml", '[qa]\nfail_on = "warning"\n')
    rows = {name: (value, origin) for name, value, origin in settings.describe(settings.load(path))}
    assert rows["qa.fail_on"] == ("warning", f"{path}:2")
    assert rows["editions"] == ("tw", settings.DEFAULT)
    assert len(rows) == len(settings.defaults().values)
