"""The glossary terms' own forms kept between runs (l10n/editions/term_forms.py)."""
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from l10n import editions
from l10n.editions import decided, layers, term_forms, variant
from l10n.glossary import parse

ROOT = Path(__file__).resolve().parent.parent
_GLOSSARY = "zh_Hans,en,en_short,zh_Hant,zh_TW,kind\n特朗普,Donald Trump,,,,person\n谷歌,Google,,,,org\n"


def _phrases(text=_GLOSSARY, edition="tw"):
    entries, problems = parse(text, Path("glossary.csv"))
    assert not problems
    return dict(variant.glossary_phrases(entries, edition))


def _counting_builds(monkeypatch) -> list[str]:
    import opencc

    built = []
    build = opencc.OpenCC
    monkeypatch.setattr(opencc, "OpenCC", lambda config: built.append(Path(config).stem) or build(config))
    return built


def test_a_run_with_its_terms_kept_builds_no_converter_for_them(cache_folder, new_process, monkeypatch):
    decided.renderings(editions.get("tw"))  # OpenCC's phrase renderings, kept apart (decided.py): made before counting
    built = _counting_builds(monkeypatch)
    first = _phrases()
    assert first == {"特朗普": "川普", "谷歌": "Google"}
    assert built == ["tw", "probe"]  # the edition's OpenCC without the glossary converted the terms
    assert (cache_folder / "glossary-forms-tw.json").is_file()
    new_process()
    built.clear()
    assert _phrases() == first
    assert built == []  # a new process: the kept forms, no OpenCC built for them
    assert variant._stack.cache_info().misses == 0
    assert variant._term_alone("特朗普", "tw") == ("川普", ("regional name: 特朗普 → 川普",))  # with the layers' notes


def test_a_term_not_kept_is_converted_and_added(cache_folder, new_process):
    _phrases()
    new_process()
    more = _GLOSSARY + "软件,software,,,,term\n"
    assert _phrases(more) == {"特朗普": "川普", "谷歌": "Google", "软件": "軟體"}
    new_process()
    assert set(term_forms.kept("tw").forms) == {"特朗普", "谷歌", "软件"}


@pytest.mark.parametrize("change", ["data", "code", "jieba"])
def test_kept_forms_are_made_again_when_what_they_are_made_from_changes(cache_folder, new_process, monkeypatch, change):
    _phrases()
    new_process()
    if change == "data":  # a new release of the regional data: Taiwan prints another form of 特朗普
        changed = tuple(replace(rule, rendering="特氏") if rule.source == "特朗普" else rule
                        for rule in layers.rewrites("tw"))
        monkeypatch.setattr(layers, "rewrites", lambda region: changed if region == "tw" else ())
        monkeypatch.setattr(layers, "signature", lambda: "changed")
    elif change == "code":
        monkeypatch.setattr(term_forms, "_code_digest", lambda: "another checkout")
    else:
        monkeypatch.setattr(term_forms.words, "dictionary_key", lambda: '["another jieba"]')
    assert term_forms.kept("tw").forms == {}
    assert _phrases()["特朗普"] == ("特氏" if change == "data" else "川普")


def test_without_a_usable_cache_folder_the_forms_are_converted_each_time(cache_folder, new_process, monkeypatch,
                                                                           tmp_path):
    expected = _phrases()
    path = cache_folder / "glossary-forms-tw.json"
    path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")  # damaged
    new_process()
    assert _phrases() == expected
    assert json.loads(path.read_text(encoding="utf-8"))["forms"]["谷歌"][0] == "Google"  # made again
    (tmp_path / "a file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a file"))  # a folder that cannot be made: read-only home
    new_process()
    assert _phrases() == expected


def test_two_kept_forms_saved_one_after_the_other_keep_both_terms(cache_folder):
    one, other = (term_forms.KeptForms(cache_folder / "glossary-forms-tw.json", "key") for _ in range(2))
    one.add("特朗普", ("川普", ()))
    other.add("谷歌", ("Google", ()))
    one.save()
    other.save()
    assert set(term_forms.KeptForms(cache_folder / "glossary-forms-tw.json", "key").forms) == {"特朗普", "谷歌"}


def test_two_runs_making_the_kept_forms_at_once_both_write_the_editions(tmp_path):
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(_GLOSSARY, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("特朗普说，谷歌在出租车上。\n", encoding="utf-8")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-m", "l10n", "run", str(article), "--out", str(tmp_path / f"out{n}"),
                              "--mt", "none", "--quiet", "--no-cache", "--glossary", str(glossary)],
                             env=environment, stderr=subprocess.PIPE, text=True) for n in range(2)]
    for process in runs:
        assert process.wait() == 0, process.stderr.read()
    texts = [[line for line in (tmp_path / f"out{n}" / "a" / "zh_TW.po").read_text(encoding="utf-8").splitlines()
              if line.startswith("msgstr")] for n in range(2)]
    assert 'msgstr "川普說，Google在計程車上。"' in texts[0] and texts[0] == texts[1]
    kept = json.loads((tmp_path / "cache" / "l10n" / "glossary-forms-tw.json").read_text(encoding="utf-8"))
    assert kept["forms"] == {"特朗普": ["川普", ["regional name: 特朗普 → 川普"]],
                             "谷歌": ["Google", ["regional name: 谷歌 → Google"]]}
