"""The engine registry (l10n/translate/engines.py): a second engine, registered from here, is chosen by `--mt`
without any change to the pipeline; engines load only when used."""
import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

import fake_engine
from l10n.cli import app
from l10n.translate import engines
from l10n.translate.engines import Registered

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "董事会的新闻\n\n今天董事会开会。会议持续了两个小时。\n"


@pytest.fixture
def fake(monkeypatch, argos_packages):
    """The fake engine registered after argos, whose packages folder is empty: auto falls through to it."""
    monkeypatch.setitem(engines.ENGINES, "fake", Registered("fake_engine:FakeEngine", "fake-engine"))
    return fake_engine.FakeEngine


def _run(tmp_path, *arguments):
    article = tmp_path / "news.zh.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "glossary.csv"
    empty.write_text("zh_Hans,en,kind\n", encoding="utf-8")
    return runner.invoke(app, ["run", str(article), "--out", str(tmp_path / "out"), "-g", str(empty), "-q",
                               "--no-cache", *arguments])


def _drafts(tmp_path) -> dict[str, str]:
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(tmp_path / "out" / "news" / "en.po"))}


@pytest.mark.parametrize("choice", ["fake", "auto"])
def test_a_registered_engine_drafts_english_by_name_and_as_auto(fake, tmp_path, choice):
    result = _run(tmp_path, "--mt", choice, "--beam-size", "6", "--threads", "1")
    assert result.exit_code == 0, result.output
    assert _drafts(tmp_path)["今天董事会开会。"] == "EN 今天董事会开会。"
    assert "English drafts (fake engine 2.0 beam 6 threads 1): 3 segments" in result.stdout
    notes = polib.pofile(str(tmp_path / "out" / "news" / "en.po")).find("今天董事会开会。").comment
    assert "machine draft: fake engine 2.0 beam 6 threads 1" in notes


def test_a_settings_file_may_name_a_registered_engine(fake, tmp_path):
    (tmp_path / "l10n.toml").write_text('[english]\nmt = "fake"\nbeam_size = 3\n', encoding="utf-8")
    result = _run(tmp_path, "--config", str(tmp_path / "l10n.toml"))
    assert result.exit_code == 0, result.output
    assert "English drafts (fake engine 2.0 beam 3 threads 2)" in result.stdout


def test_an_engine_asked_for_without_its_model_is_its_own_error(fake, monkeypatch, tmp_path):
    monkeypatch.setattr(fake, "model_installed", False)
    result = _run(tmp_path, "--mt", "fake")
    assert result.exit_code == 2
    assert result.stderr == "error: /fake/models: no fake model installed; install the fake model with `fake install`\n"


def test_auto_without_any_model_names_every_engine_s_way_to_one(fake, monkeypatch, tmp_path):
    monkeypatch.setattr(fake, "model_installed", False)
    result = _run(tmp_path, "--mt", "auto")
    assert result.exit_code == 0, result.output
    assert "no machine-translation model installed, so the en.po entries without a translation-memory match are " \
           "left for translators; to get drafts, install the Argos zh→en model with `l10n models install`" \
           in result.stderr
    assert "; or install the fake model with `fake install`." in result.stderr
    assert set(_drafts(tmp_path).values()) == {""}


def _memory(tmp_path, english: dict[str, str]) -> Path:
    units = "".join(f'<tu><tuv xml:lang="zh-CN"><seg>{source}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>{target}</seg></tuv></tu>' for source, target in english.items())
    tmx, memory = tmp_path / "memory.tmx", tmp_path / "memory.sqlite3"
    tmx.write_text(f'<tmx version="1.4"><body>{units}</body></tmx>', encoding="utf-8")
    assert runner.invoke(app, ["import", "tmx", str(tmx), "--memory", str(memory)]).exit_code == 0
    return memory


@pytest.mark.parametrize("english", [
    {"董事会的新闻": "Board news", "今天董事会开会。": "The board meets today.", "会议持续了两个小时。": "It lasted two hours."},
    {"天气很好。": "The weather is fine."},
], ids=["memory-fills-every-entry", "memory-fills-none"])
def test_without_a_model_the_notice_leaves_translators_what_the_memory_did_not_fill(fake, monkeypatch, tmp_path,
                                                                                    english):
    """Before, "so en.po is left for translators" was printed even when the memory had filled every entry."""
    monkeypatch.setattr(fake, "model_installed", False)
    result = _run(tmp_path, "--mt", "auto", "--memory", str(_memory(tmp_path, english)))
    assert result.exit_code == 0, result.output
    drafts = _drafts(tmp_path)
    assert {source: text for source, text in drafts.items() if text} == {
        source: text for source, text in english.items() if source in drafts}
    assert "so the en.po entries without a translation-memory match are left for translators" in result.stderr
    assert "en.po is left for translators" not in result.stderr


def test_an_engine_whose_libraries_are_missing_says_what_to_install(fake, monkeypatch, tmp_path):
    gone = Registered("no_such_engine_module:Engine", "gone-mt")
    monkeypatch.setattr(engines, "ENGINES", {"argos": engines.ENGINES["argos"], "gone": gone,
                                             "fake": engines.ENGINES["fake"]})
    result = _run(tmp_path, "--mt", "gone")
    assert result.exit_code == 2
    assert "the gone engine cannot be loaded (No module named 'no_such_engine_module'); " \
           "install it with `pip install gone-mt`" in result.stderr
    again = _run(tmp_path, "--mt", "auto", "--force")  # auto goes on to the next engine, and says why
    assert again.exit_code == 0, again.output
    assert "English: the gone engine cannot be loaded" in again.stderr
    assert "English drafts (fake engine" in again.stdout


def test_an_unknown_engine_lists_the_registered_ones(fake, tmp_path):
    result = _run(tmp_path, "--mt", "deepl")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown --mt 'deepl'; choose one of auto, argos, fake, none\n"
    assert not (tmp_path / "out").exists()


def test_models_lists_and_installs_the_models_of_every_engine_the_registry_says_has_them(fake, monkeypatch,
                                                                                        argos_packages, tmp_path):
    """`l10n models` asks the registry: an engine registered with a model store shows up beside Argos's without any
    change to the command line; one without (the `fake` fixture's) does not."""
    assert runner.invoke(app, ["models", "list"]).stdout == f"no Argos packages installed in {argos_packages}\n"
    monkeypatch.setitem(engines.ENGINES, "fake", Registered("fake_engine:FakeEngine", "fake-engine",
                                                            models="fake_engine:FakeModels"))
    monkeypatch.setattr(fake_engine.FakeModels, "installed", [])
    listed = runner.invoke(app, ["models", "list"])
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.splitlines() == [f"no Argos packages installed in {argos_packages}",
                                          "no fake models installed in /fake/models"]
    model = tmp_path / "tiny.fakemodel"
    model.write_text("weights", encoding="utf-8")
    installed = runner.invoke(app, ["models", "install", "--engine", "fake", "--file", str(model)])
    assert installed.exit_code == 0, installed.output
    assert installed.stdout == "installed zh→en 2.0 (tiny) in /fake/models/tiny\n"
    assert runner.invoke(app, ["models", "list", "--engine", "fake"]).stdout == (
        "fake  zh→en  2.0  tiny  /fake/models/tiny\n")
    assert list(argos_packages.iterdir()) == []  # nothing went to Argos
    offline = runner.invoke(app, ["models", "install", "--engine", "fake", "--from", "ja"])
    assert (offline.exit_code, offline.stderr) == (2, "error: /fake/models: the fake index is offline (ja→en)\n")
    unknown = runner.invoke(app, ["models", "list", "--engine", "deepl"])
    assert unknown.exit_code == 2
    assert unknown.stderr == "error: unknown --engine 'deepl'; engines with models to install: argos, fake\n"


def test_the_pipeline_names_no_engine():
    """Engines are chosen in engines.py only: the pipeline, the settings and the command line know them through
    the registry."""
    for module in ("pipeline.py", "cli.py", "config/settings.py", "config/options.py", "translate/enforce.py",
                   "translate/markup.py"):
        assert "argos" not in (ROOT / "l10n" / module).read_text(encoding="utf-8").lower(), module


def _imported(code: str) -> set[str]:
    """Top-level packages a fresh interpreter imports to run `code`, from -X importtime."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}


def test_help_and_a_run_without_mt_never_load_an_engine_or_a_format_they_do_not_read(tmp_path):
    heavy = {"argostranslate", "ctranslate2", "sentencepiece", "torch", "stanza", "docx"}
    assert not heavy & _imported("import sys; sys.argv = ['l10n', '--help']\n"
                                 "from l10n.cli import main\ntry: main()\nexcept SystemExit: pass")
    article = tmp_path / "news.zh.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run = (f"import sys; sys.argv = ['l10n', 'run', {str(article)!r}, '--out', {str(tmp_path / 'out')!r}, "
           "'--mt', 'none', '-q']\nfrom l10n.cli import main\ntry: main()\nexcept SystemExit as e: assert not e.code")
    assert not heavy & _imported(run)
    assert (tmp_path / "out" / "news" / "en.po").is_file()
