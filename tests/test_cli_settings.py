"""The settings file and several Traditional editions, as a desk uses them from the command line."""
from __future__ import annotations

import polib
from typer.testing import CliRunner

from l10n.cli import app

runner = CliRunner()

ARTICLE = "乔布斯回来了。\n\n乔布斯在会上说，苹果会回归。\n"
GLOSSARY = ("zh_Hans,en,en_short,zh_Hant,zh_TW,zh_HK,kind,en_forbidden,note\n"
            "乔布斯,Steve Jobs,Jobs,,賈伯斯,,person,,\n"
            "回归,,,回歸,,,term,,\n")


def _desk(tmp_path, settings: str):
    (tmp_path / "l10n.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "names.csv").write_text(GLOSSARY, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "jobs.zh.txt").write_text(ARTICLE, encoding="utf-8")
    return articles / "jobs.zh.txt"


def _msgstrs(path):
    return [entry.msgstr for entry in polib.pofile(str(path)) if not entry.obsolete]


def test_run_from_a_subfolder_uses_the_settings_and_glossary_above(tmp_path, monkeypatch):
    article = _desk(tmp_path, 'glossary = "names.csv"\nout = "published"\n[english]\nmt = "none"\n')
    monkeypatch.chdir(tmp_path / "articles")
    result = runner.invoke(app, ["run", article.name, "-q"])
    assert result.exit_code == 0, result.output
    assert f"settings: {tmp_path / 'l10n.toml'}" in result.stdout
    assert f"glossary: {tmp_path / 'names.csv'} (2 entries)" in result.stdout
    assert _msgstrs(tmp_path / "published" / "jobs" / "zh_TW.po")[0] == "賈伯斯回來了。"


def test_two_editions_in_one_run_with_a_region_override_in_one(tmp_path, monkeypatch):
    article = _desk(tmp_path, 'glossary = "names.csv"\neditions = ["s2twp", "s2hk"]\n[english]\nmt = "none"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", str(article), "-q"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "output" / "jobs"
    taiwan, hong_kong = _msgstrs(folder / "zh_TW.po"), _msgstrs(folder / "zh_HK.po")
    assert taiwan[0].startswith("賈伯斯") and hong_kong[0].startswith("喬布斯")
    assert "回歸" in taiwan[1] and "回歸" in hong_kong[1]  # the zh_Hant override reaches every edition
    header = (folder / "segments.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[-3:] == ["zh_TW", "zh_HK", "en"]


def test_command_line_overrides_the_file(tmp_path, monkeypatch):
    article = _desk(tmp_path, 'editions = ["s2hk"]\n[english]\nmt = "none"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", str(article), "-q", "--hant", "s2t", "--out", "elsewhere"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "elsewhere" / "jobs").glob("*.po")) == ["en.po", "zh_Hant.po"]


def test_inputs_globs_from_the_settings_file(tmp_path, monkeypatch):
    _desk(tmp_path, 'inputs = ["articles/*.txt"]\n[english]\nmt = "none"\n')
    monkeypatch.chdir(tmp_path / "articles")
    result = runner.invoke(app, ["run", "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "jobs" / "zh_TW.po").exists()  # out is relative to the file, not the cwd


def test_no_glossary_is_said_in_one_line(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", str(article), "-q", "--mt", "none"])
    assert result.exit_code == 0
    assert "glossary: none found, so names are not enforced; add one with `l10n init` or --glossary FILE" \
        in result.stderr.splitlines()


def test_bad_settings_stop_before_anything_is_written(tmp_path, monkeypatch):
    article = _desk(tmp_path, '[english]\nbeam = 3\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", str(article), "-q"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'l10n.toml'}:2: unknown setting 'english.beam'")
    assert not (tmp_path / "output").exists()


def test_two_editions_for_one_locale_are_refused(tmp_path):
    result = runner.invoke(app, ["run", "-q", "--hant", "s2tw,s2twp", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "editions s2tw and s2twp would both write zh_TW.po" in result.stderr


def test_unknown_edition_is_refused(tmp_path):
    result = runner.invoke(app, ["run", "-q", "--hant", "s2twp,s2jp", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "unknown edition 's2jp'; choose tw, hk, hant" in result.stderr


def test_config_prints_effective_settings_and_origins(tmp_path, monkeypatch):
    (tmp_path / "l10n.toml").write_text('[english]\nnames = "news"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"# settings file: {tmp_path / 'l10n.toml'}"
    names = next(line for line in lines if line.startswith("english.names"))
    assert "= news" in names and names.endswith(f"# {tmp_path / 'l10n.toml'}:2")
    assert any(line.startswith("editions") and line.endswith("# default") for line in lines)


def test_init_then_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(app, ["init"])
    assert first.exit_code == 0 and first.stdout == "wrote l10n.toml\nwrote glossary.csv\n"
    before = (tmp_path / "l10n.toml").read_bytes()
    second = runner.invoke(app, ["init"])
    assert second.exit_code == 2
    assert second.stderr == f"error: {tmp_path / 'l10n.toml'}: already exists; not overwritten\n"
    assert (tmp_path / "l10n.toml").read_bytes() == before


def _help_texts():
    """Every command's --help, sub-commands included."""
    import click
    from typer.main import get_command

    def walk(command: click.Command, path: list[str]):
        yield path, runner.invoke(app, [*path, "--help"]).stdout
        for name, child in getattr(command, "commands", {}).items():
            yield from walk(child, [*path, name])
    yield from walk(get_command(app), [])


def test_help_shows_no_value_for_a_flag():
    seen = 0
    for path, text in _help_texts():
        assert "<bool>" not in text, path
        seen += 1
    assert seen > 15
    run_help = runner.invoke(app, ["run", "--help"]).stdout
    assert any(line.split()[:2] == ["--force", "Redo"] for line in run_help.splitlines())


def test_help_takes_each_default_from_its_options_dataclass():
    from l10n.pipeline import RunOptions

    text = " ".join(runner.invoke(app, ["run", "--help"]).stdout.split())
    assert f"[default: {RunOptions().engine.beam_size}; l10n.toml: english.beam_size]" in text
    assert f"[default: {RunOptions().jobs}]" in text


def test_version():
    from l10n import __version__

    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0 and result.stdout == f"l10n {__version__}\n"


def test_run_in_a_desk_without_inputs_says_there_is_nothing_to_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init"]).exit_code == 0
    result = runner.invoke(app, ["run", "-q"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'l10n.toml'}: nothing to run: this desk sets no `inputs`.")
    assert "l10n run articles/" in result.stderr and "inputs = " in result.stderr
    assert not (tmp_path / "output").exists()


def test_run_outside_a_desk_localizes_the_bundled_sample(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "-q", "--mt", "none"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "jiemian-openai-board" / "zh_TW.po").exists()


def test_settings_and_glossary_lines_come_first(tmp_path, monkeypatch):
    article = _desk(tmp_path, 'glossary = "names.csv"\n[english]\nmt = "none"\n')
    (tmp_path / "articles" / "second.zh.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", str(article.parent)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"settings: {tmp_path / 'l10n.toml'}"
    assert lines[1] == f"glossary: {tmp_path / 'names.csv'} (2 entries)"
    assert sum(line.startswith(("settings: ", "glossary: ")) for line in lines) == 2
    assert lines[2].startswith(("jobs: ", "second: "))


def test_build_and_check_look_in_the_desks_out_folder(tmp_path, monkeypatch):
    article = _desk(tmp_path, 'glossary = "names.csv"\nout = "published"\n[english]\nmt = "none"\n')
    monkeypatch.chdir(tmp_path / "articles")
    assert runner.invoke(app, ["run", article.name, "-q"]).exit_code == 0
    checked = runner.invoke(app, ["check"])
    assert f"{tmp_path / 'published' / 'jobs' / 'zh_TW.po'}" in checked.stdout, checked.output
    built = runner.invoke(app, ["build", "--allow-fuzzy", "--fallback", "source"])
    assert "no such folder" not in built.output
    assert (tmp_path / "published" / "jobs" / "article.zh_TW.txt").exists(), built.output


def test_glossary_commands_use_the_desks_glossary(tmp_path, monkeypatch):
    article = _desk(tmp_path, 'glossary = "names.csv"\n')
    monkeypatch.chdir(tmp_path / "articles")
    checked = runner.invoke(app, ["glossary", "check"])
    assert checked.exit_code == 0, checked.output
    assert f"{tmp_path / 'names.csv'}: 2 entries, no problems" in checked.stdout
    suggested = runner.invoke(app, ["glossary", "suggest", article.name])
    assert suggested.exit_code == 0, suggested.output
    assert "乔布斯" not in suggested.stdout  # the desk's glossary has it
    assert f"glossary: {tmp_path / 'names.csv'} (2 entries)" in suggested.stderr


def test_config_shows_the_cache_actually_used(tmp_path, monkeypatch):
    from l10n.translate.cache import default_cache_path

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["config"])
    [line] = [line for line in result.stdout.splitlines() if line.startswith("english.cache")]
    assert f"= {default_cache_path()}" in line and line.endswith("# default (the user's cache)")


def test_init_with_the_sample_gives_a_desk_to_try(tmp_path, monkeypatch):
    from l10n.pipeline import BUNDLED_SAMPLE

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "--sample"])
    assert result.stdout == f"wrote l10n.toml\nwrote glossary.csv\nwrote articles/{BUNDLED_SAMPLE.name}\n"
    assert (tmp_path / "articles" / BUNDLED_SAMPLE.name).read_bytes() == BUNDLED_SAMPLE.read_bytes()
    run = runner.invoke(app, ["run", "articles/", "-q", "--mt", "none"])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "output" / "jiemian-openai-board" / "zh_TW.po").exists()


def test_no_blank_line_from_the_progress_display_when_stderr_is_not_a_terminal(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "l10n", "run", "--mt", "none", "--out", str(tmp_path)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr
    assert not result.stderr.startswith("\n") and "\n\n" not in result.stderr


def test_glossary_suggest_reads_articles_within_the_desks_limits_and_one_too_large_sinks_only_itself(
        tmp_path, monkeypatch):
    article = _desk(tmp_path, 'glossary = "names.csv"\nmax_bytes = 400\n')
    sentence = "微软首席执行官萨提亚·纳德拉（Satya Nadella）说。\n"
    (article.parent / "long.zh.txt").write_text(sentence * 20, encoding="utf-8")
    (article.parent / "short.zh.txt").write_text(sentence, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["glossary", "suggest", "articles"])
    assert result.exit_code == 2
    assert "error: articles/long.zh.txt: larger than the limit of 400 bytes" in result.stderr
    assert "Satya Nadella" in result.stdout and "1 article: short" in result.stdout  # the others still count
    assert runner.invoke(app, ["glossary", "suggest", "articles", "--max-bytes", "4000"]).exit_code == 0


def test_align_and_a_runs_reference_are_read_within_the_desks_limits(tmp_path, monkeypatch):
    article = _desk(tmp_path, "max_bytes = 100\n[english]\nmt = \"none\"\n")
    english = tmp_path / "jobs.en.txt"
    english.write_text("Jobs is back. At the meeting, Jobs said Apple would return. " * 2, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    aligned = runner.invoke(app, ["align", str(article), str(english)])
    assert aligned.exit_code == 2
    assert aligned.stderr.endswith(f"error: {english}: larger than the limit of 100 bytes "
                                   f"(max_bytes in {tmp_path / 'l10n.toml'}:1)\n")
    assert runner.invoke(app, ["align", str(article), str(english), "--max-bytes", "1000"]).exit_code == 0
    ran = runner.invoke(app, ["run", str(article), "--reference", str(english), "-q"])
    assert ran.exit_code == 2 and f"{english}: larger than the limit of 100 bytes" in ran.stderr
    assert runner.invoke(app, ["run", str(article), "--reference", str(english), "-q", "--max-bytes", "1000"]
                         ).exit_code == 0
