"""What OpenCC's phrases write for a character written otherwise alone (l10n/editions/decided.py): the rare-phrase
check looks only where a conversion holds one of them, and finds what looking at every character finds."""
import json

import pytest

from l10n import editions
from l10n.editions import decided, variant

_RENDERINGS = decided.renderings  # the function itself, whatever a test puts in its place
SENTENCES = ["2024年谷歌发布了新模型，并为客户提供服务。",
             "他牵头发起了这项计划，头发都白了。",
             "公司里约有300人，12只水瓶在桌上。",
             "硅谷的工厂生产单晶硅。"]  # 硅: a rule of one character (矽) in Taiwan


@pytest.fixture
def fresh_renderings():
    """What a new process would have of the renderings (with cache_folder: nothing kept on disk)."""
    _RENDERINGS.cache_clear()
    variant.forget_built()
    yield
    _RENDERINGS.cache_clear()
    variant.forget_built()


def _spans(edition: str) -> list:
    stack = variant._stack(edition, ())
    found = []
    for source, marked in zip(SENTENCES, [stack.converter.convert(text) for text in SENTENCES], strict=True):
        runs = variant.read_marks(stack, source, marked)[1]
        found.append(variant._opencc_phrases(stack, source, marked, runs))
    return found


def test_the_renderings_are_what_a_phrase_writes_otherwise(cache_folder, fresh_renderings):
    rendered = decided.renderings(editions.get("tw"))
    assert {"髮", "穀", "併"} <= rendered  # 头发 頭髮 (发 alone 發), 年谷 年穀, 并为 併為
    assert not {"發", "谷", "我", "們"} & rendered  # what characters alone are written as


@pytest.mark.parametrize("edition", ["tw", "hk", "hant"])
def test_looking_where_a_rendering_stands_finds_what_looking_at_every_character_finds(cache_folder, fresh_renderings,
                                                                                      monkeypatch, edition):
    texts, spans = [variant.convert_text(text, edition) for text in SENTENCES], _spans(edition)
    assert variant._deciding(variant._stack(edition, ())) is not None
    assert any(spans)  # the check still fires: 年谷 in 2024年谷歌, 头发 in 牵头发起
    monkeypatch.setattr(decided, "renderings", lambda edition: None)
    variant.forget_built()
    assert variant._deciding(variant._stack(edition, ())) is None
    assert _spans(edition) == spans
    assert [variant.convert_text(text, edition) for text in SENTENCES] == texts


def test_the_renderings_are_kept_for_the_next_process(cache_folder, fresh_renderings, monkeypatch):
    hong_kong = editions.get("hk")
    made = decided.renderings(hong_kong)
    kept = json.loads((cache_folder / "phrase-renderings-hk.json").read_text(encoding="utf-8"))
    assert set(kept["characters"]) == made
    decided.renderings.cache_clear()
    monkeypatch.setattr(decided, "_keys", lambda dictionary: pytest.fail("read OpenCC's dictionaries again"))
    assert decided.renderings(hong_kong) == made
    decided.renderings.cache_clear()
    monkeypatch.setattr(decided, "opencc_version", lambda: "another OpenCC")
    monkeypatch.setattr(decided, "_keys", lambda dictionary: [])  # another OpenCC's: made again, not read
    assert decided.renderings(hong_kong) == frozenset()


def test_without_opencc_s_dictionary_tool_every_character_is_looked_at(cache_folder, fresh_renderings, monkeypatch):
    expected = [variant.convert_text(text, "tw") for text in SENTENCES]
    (cache_folder / "phrase-renderings-tw.json").unlink()
    decided.renderings.cache_clear()
    variant.forget_built()

    def missing(dictionary):
        raise FileNotFoundError("opencc_dict")

    monkeypatch.setattr(decided, "_keys", missing)
    assert decided.renderings(editions.get("tw")) is None
    assert not (cache_folder / "phrase-renderings-tw.json").exists()
    assert [variant.convert_text(text, "tw") for text in SENTENCES] == expected
