"""What the command line and a run import: modules a common path never uses are imported where they are first
used (l10n/plumbing/deferred.py, function-level imports), so start-up and an unchanged re-run stay cheap."""
import copy
import os
import pickle
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from l10n.plumbing.deferred import Deferred, DeferredPattern

ROOT = Path(__file__).resolve().parent.parent
# Costly to import and unused by `--help`, by an unchanged re-run, or (l10n.text.numbers, the English QA's number
# parsing; the aligner; worker processes; `build` and `export`, whose options the command line reads from
# build_options.py and exchange_options.py; the translation memory, when the user has none; tomllib, for a desk
# without l10n.toml) by a serial run without MT.
NOT_AT_START = ["l10n.text.numbers", "l10n.reading.clean", "l10n.align.dp", "l10n.align.lexicon", "l10n.align.inputs",
                "multiprocessing", "concurrent.futures", "l10n.build", "l10n.exchange", "l10n.writers",
                "l10n.translate.memory", "tomllib"]


def _imported(script: str) -> dict[str, bool]:
    probe = script + f"\nimport sys\nprint(' '.join(str(name in sys.modules) for name in {NOT_AT_START!r}))\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return dict(zip(NOT_AT_START, (word == "True" for word in done.stdout.split()[-len(NOT_AT_START):])))


def test_the_command_line_starts_without_the_modules_only_some_commands_need():
    assert _imported("import l10n.cli") == {name: False for name in NOT_AT_START}


def test_a_serial_run_without_mt_reads_and_cleans_but_never_parses_numbers(tmp_path):
    (tmp_path / "a.txt").write_text("伊利亚周二宣布，公司今年收入增长了三成。\n\n他说，新产品将在下个月上市。\n", encoding="utf-8")
    imported = _imported(textwrap.dedent(f"""
        from pathlib import Path
        from l10n.pipeline import RunOptions, run
        result = run([Path({str(tmp_path / 'a.txt')!r})], RunOptions(out_dir=Path({str(tmp_path / 'out')!r}), mt="none"))
        assert not result.failures and result.summary.documents == 1, result.failures
    """))
    assert imported == {**{name: False for name in NOT_AT_START}, "l10n.reading.clean": True}


def test_an_unchanged_re_run_loads_no_check_no_converter_and_no_segmenter(tmp_path):
    """What a worker does with a document is imported where it is done; the settings' defaults need none of it."""
    (tmp_path / "a.txt").write_text("伊利亚周二宣布，公司今年收入增长了三成。\n", encoding="utf-8")
    run = textwrap.dedent(f"""
        from pathlib import Path
        from l10n.pipeline import RunOptions, run
        result = run([Path({str(tmp_path / 'a.txt')!r})], RunOptions(out_dir=Path({str(tmp_path / 'out')!r}), mt="none"))
        assert not result.failures, result.failures
        print(result.summary.skipped)
    """)
    probe = "import l10n.cli, l10n.config.settings\nl10n.config.settings.defaults()\n" + run + textwrap.dedent("""
        import sys
        print(' '.join(sorted(name for name in ("l10n.qa", "l10n.editions.variant", "l10n.reading.segment") if name in sys.modules)))
    """)
    for expected in (["0", "l10n.editions.variant l10n.qa l10n.reading.segment"], ["1", ""]):
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stderr
        assert done.stdout.split("\n")[-3:-1] == expected


def test_a_deferred_module_is_imported_at_its_first_use_and_its_patches_are_seen(tmp_path, monkeypatch):
    (tmp_path / "deferred_probe.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = Deferred("deferred_probe")
    assert "deferred_probe" not in sys.modules
    assert probe.VALUE == 1
    module = sys.modules["deferred_probe"]
    monkeypatch.setattr(module, "VALUE", 2)
    assert probe.VALUE == 2
    monkeypatch.delitem(sys.modules, "deferred_probe")


def test_a_deferred_module_survives_copy_and_pickle():
    """Both make the object before they restore its name: the look-up of the missing name must not recurse."""
    probe = Deferred("json")
    assert copy.deepcopy(probe).dumps([1]) == "[1]"
    assert pickle.loads(pickle.dumps(probe)).dumps([1]) == "[1]"


def test_a_deferred_pattern_is_compiled_at_its_first_use_and_then_is_the_compiled_patterns(monkeypatch):
    import l10n.plumbing.deferred as deferred

    compiled = []
    real_compile = deferred.re.compile
    monkeypatch.setattr(deferred.re, "compile", lambda *args: compiled.append(args) or real_compile(*args))
    pattern = DeferredPattern("[一-龥]+", re.IGNORECASE)
    assert compiled == []
    assert pattern.findall("ab中文c字") == ["中文", "字"]
    assert pattern.search("x中").span() == (1, 2)
    assert compiled == [("[一-龥]+", re.IGNORECASE)]
    assert pattern.search == pattern.__dict__["search"]  # kept: a later read is the compiled pattern's own method


def test_a_deferred_pattern_survives_copy_and_pickle():
    assert copy.deepcopy(DeferredPattern("a+")).fullmatch("aa")
    assert pickle.loads(pickle.dumps(DeferredPattern("b+"))).fullmatch("bb")
