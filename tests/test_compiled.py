"""The editions' OpenCC dictionaries compiled once and kept in the cache folder (l10n/editions/compiled.py): a
converter built from the compiled one converts as one built from the text, other rules or another OpenCC are
another file, and without the tool or a usable folder the text is read."""
import json
import os
from pathlib import Path

import pytest

from l10n.editions import compiled, variant

PAIRS = [("头发", "\U000f0001頭髮"), ("发展", "\U000f0002發展"), ("硅谷", "\U000f0003矽谷")]
TEXT = "他的头发白了，硅谷发展很快。"


def _converter(node: dict, work):
    import opencc

    settings = {"name": "test", "segmentation": {"type": "mmseg", "dict": node}, "conversion_chain": [{"dict": node}]}
    path = work / "test.json"
    path.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
    return opencc.OpenCC(str(path))


def test_a_compiled_dictionary_is_kept_and_converts_as_its_text(cache_folder, tmp_path, monkeypatch):
    node = compiled.dictionary(PAIRS, tmp_path)
    assert node["type"] == "ocd" and node["file"].startswith(str(cache_folder))
    monkeypatch.setattr(compiled, "opencc_dict", lambda *arguments: pytest.fail("compiled again"))
    assert compiled.dictionary(PAIRS, tmp_path) == node  # kept: the next process reads it as it is
    text = {"type": "text", "file": str(next(tmp_path.glob("*.txt")))}  # written to be compiled
    assert _converter(node, tmp_path).convert(TEXT) == _converter(text, tmp_path).convert(TEXT) \
        == "他的\U000f0001頭髮白了，\U000f0003矽谷\U000f0002發展很快。"


def test_other_rules_or_another_opencc_are_another_file(cache_folder, tmp_path, monkeypatch):
    kept = compiled.dictionary(PAIRS, tmp_path)["file"]
    changed = compiled.dictionary([*PAIRS[:2], ("硅谷", "\U000f0003硅谷")], tmp_path)["file"]
    monkeypatch.setattr(compiled, "opencc_version", lambda: "another OpenCC")
    other_opencc = compiled.dictionary(PAIRS, tmp_path)["file"]
    assert len({kept, changed, other_opencc}) == 3 and all(map(os.path.isfile, (kept, changed, other_opencc)))


def test_without_the_tool_or_a_usable_folder_the_text_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a file"))
    (tmp_path / "a file").write_text("")  # a folder that cannot be made: read-only home
    node = compiled.dictionary(PAIRS, tmp_path)
    assert node == {"type": "text", "file": node["file"]}
    assert _converter(node, tmp_path).convert("头发") == "\U000f0001頭髮"


def test_only_the_newest_are_kept(cache_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "_KEPT", 2)
    oldest, older = (compiled.dictionary([("头发", f"\U000f0001{number}")], tmp_path)["file"] for number in range(2))
    for age, path in enumerate((oldest, older)):
        os.utime(path, ns=(age, age))
    newest = compiled.dictionary([("头发", "\U000f0001新")], tmp_path)["file"]
    assert sorted((cache_folder / "opencc-dictionaries").glob("*.ocd")) == sorted(map(Path, (older, newest)))


def test_a_run_s_editions_read_their_compiled_dictionaries(cache_folder):
    variant.forget_built()
    assert variant.convert_text("他牵头发起了这项计划。", "tw") == "他牽頭發起了這項計劃。"
    assert len(list((cache_folder / "opencc-dictionaries").glob("*.ocd"))) >= 3  # rules, kept, probe
    variant.forget_built()
