import os
import subprocess
import sys
import textwrap

import polib
import pytest
from typer.testing import CliRunner

from l10n.cli import app
from l10n.plumbing.errors import ModelError
from l10n.pipeline import RunOptions, run
from l10n.translate.argos import ArgosTranslator
from l10n.translate.base import EngineOptions
from l10n.translate.cache import TranslationCache

runner = CliRunner()


def _options(tmp_path, **changes):
    return RunOptions(out_dir=tmp_path / "out", mt="argos", cache=tmp_path / "cache.sqlite3", **changes)


def test_tiny_real_package_drafts_a_whole_run_then_the_cache_answers(installed_tiny, tmp_path, sample_path,
                                                                    msgfmt_check):
    first = run([sample_path], _options(tmp_path))
    assert first.drafts.model_id == "argos translate-zh_en 0.0.1"
    assert (first.drafts.segments, first.drafts.from_cache) == (83, 0)
    en = first.documents[0].folder / "en.po"
    catalog = polib.pofile(str(en))
    assert catalog.metadata["X-L10n-Origin"] == "argos translate-zh_en 0.0.1"
    drafted = [entry for entry in catalog if entry.msgstr]
    assert len(drafted) >= 80
    assert all(entry.fuzzy and "machine draft: argos translate-zh_en 0.0.1" in entry.comment for entry in drafted)
    msgfmt_check(en)
    written = en.read_bytes()
    second = run([sample_path], _options(tmp_path, force=True))  # unforced, the unchanged article is skipped
    assert (second.drafts.segments, second.drafts.from_cache) == (83, 83)
    assert en.read_bytes() == written


def test_no_cache_translates_again(installed_tiny, tmp_path, sample_path):
    run([sample_path], _options(tmp_path))
    again = run([sample_path], _options(tmp_path, use_cache=False, force=True))
    assert again.drafts.from_cache == 0
    assert not again.notices


def test_changed_glossary_entry_retranslates_only_its_segments(installed_tiny, tmp_path, sample_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("zh_Hans,en,kind\n辛顿,Geoffrey Hinton,person\n", encoding="utf-8")
    run([sample_path], _options(tmp_path, glossary=(glossary,)))
    glossary.write_text("zh_Hans,en,kind\n辛顿,Geoffrey E. Hinton,person\n", encoding="utf-8")
    again = run([sample_path], _options(tmp_path, glossary=(glossary,)))
    mentions = sum("辛顿" in segment.source for segment in again.documents[0].segments)
    assert again.drafts.from_cache == 83 - mentions and mentions == 4


def test_argos_translator_matches_raw_ctranslate2_with_argos_options(installed_tiny):
    import ctranslate2

    translator = ArgosTranslator.installed(EngineOptions())
    sources = ["微软的AI野望。", "伊利亚离开了董事会。", "当然可能。"]
    ours = translator.translate_batch(sources, n_best=2)
    raw = ctranslate2.Translator(str(translator.model_path), device="cpu").translate_batch(
        translator.tokenize(sources), replace_unknowns=True, beam_size=4, num_hypotheses=2, length_penalty=0.2)
    assert ours == [[translator.decode(tokens) for tokens in result.hypotheses] for result in raw]
    assert all(len(hypotheses) == 2 for hypotheses in ours)


def test_corrupt_cache_is_reported_rebuilt_and_loses_no_review(installed_tiny, tmp_path, sample_path):
    options = _options(tmp_path)
    [result] = run([sample_path], options).documents
    en = result.folder / "en.po"
    catalog = polib.pofile(str(en))
    catalog[0].msgstr, catalog[0].flags = "OpenAI's palace drama ends: who is the biggest winner?", []
    catalog.save(str(en))
    options.cache.write_bytes(b"this is not a database" * 100)
    rerun = run([sample_path], options)
    assert len(rerun.notices) == 1 and "translation cache unreadable" in rerun.notices[0]
    assert (tmp_path / "cache.sqlite3.corrupt").exists()
    assert rerun.drafts.from_cache == 0
    assert polib.pofile(str(en))[0].msgstr == "OpenAI's palace drama ends: who is the biggest winner?"
    assert run([sample_path], _options(tmp_path, force=True)).drafts.from_cache == 83


def test_cache_that_cannot_be_created_only_warns(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warnings = []
    cache = TranslationCache(blocker / "cache.sqlite3", warnings.append)
    assert cache.get_many(["k"]) == {}
    cache.put_many({"k": {"text": "x"}})
    assert len(warnings) == 1 and "unusable" in warnings[0]


def test_drafting_never_imports_argostranslate_translate(installed_tiny, argos_packages, tmp_path, sample_path):
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from l10n.pipeline import RunOptions, run
        result = run([Path({str(sample_path)!r})], RunOptions(out_dir=Path({str(tmp_path / 'out')!r}), mt="argos",
                     use_cache=False))
        print(result.drafts.segments, "argostranslate.translate" in sys.modules, "torch" in sys.modules)
    """)
    environment = {**os.environ, "ARGOS_PACKAGES_DIR": str(argos_packages)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["83", "False", "False"]


def test_auto_without_a_model_completes_and_says_how_to_install(argos_packages, tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0
    assert "no machine-translation model installed" in result.stderr
    assert "l10n models install" in result.stderr
    catalog = polib.pofile(str(tmp_path / "jiemian-openai-board" / "en.po"))
    assert all(entry.msgstr == "" for entry in catalog)
    assert any("glossary: 伊利亚 → Ilya Sutskever" in entry.comment for entry in catalog)


def test_mt_argos_without_a_model_is_exit_2(argos_packages, tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path / "out"), "-q", "--mt", "argos"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {argos_packages}: no Argos zh→en package installed")
    assert not (tmp_path / "out").exists()


def test_mt_none_skips_translation_silently(installed_tiny, tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path), "-q", "--mt", "none"])
    assert result.exit_code == 0 and result.stderr == ""
    assert "English drafts" not in result.stdout


def test_cli_run_reports_adherence(installed_tiny, tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path / "out"), "-q", "--cache", str(tmp_path / "c.db"),
                                 "--threads", "1", "--batch-size", "8"])
    assert result.exit_code == 0, result.output
    assert "English drafts (argos translate-zh_en 0.0.1): 83 segments, 0 from cache; glossary adherence" in result.stdout


def test_a_broken_model_folder_is_a_model_error(installed_tiny):
    (installed_tiny.path / "model" / "model.bin").write_bytes(b"garbage")
    translator = ArgosTranslator.installed(EngineOptions())
    with pytest.raises(ModelError, match="cannot load the CTranslate2 model"):
        translator.translate_batch(["你好。"])
