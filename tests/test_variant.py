import re

import pytest

from l10n import variant
from l10n.errors import UsageError, VariantError
from l10n.ingest import read_article
from l10n.segment import segment_document
from l10n.variant import check_preserved, convert, hant_locale, traditional_variant


@pytest.mark.parametrize("config, locale", [("s2t", "zh_Hant"), ("s2tw", "zh_TW"), ("s2twp", "zh_TW"), ("s2hk", "zh_HK")])
def test_locale_follows_config(config, locale):
    assert hant_locale(config) == locale


def test_unknown_config_is_a_usage_error():
    with pytest.raises(UsageError, match="s2twp"):
        hant_locale("t2s")


def test_regional_phrases_only_with_s2twp():
    assert convert("软件和鼠标", "s2twp") == "軟體和滑鼠"
    assert convert("软件和鼠标", "s2tw") == "軟件和鼠標"


def test_sample_variant_keeps_segment_count_numbers_and_latin(sample_path):
    segments = segment_document(read_article(sample_path))
    target = traditional_variant(segments, "s2twp")
    assert target.locale == "zh_TW"
    assert set(target.texts) == {s.id for s in segments}
    token = re.compile(r"[0-9A-Za-z.%]+")
    for segment in segments:
        assert token.findall(target.texts[segment.id]) == token.findall(segment.source)
    title = target.texts[segments[0].id]
    assert title == "OpenAI宮鬥劇完結,誰是最大贏家?"
    assert target.origin.startswith("OpenCC ") and target.origin.endswith(" s2twp")


def test_check_preserved_catches_a_conversion_that_drops_text():
    check_preserved("微软股价涨2.05%", "微軟股價漲2.05%", "x")
    with pytest.raises(VariantError, match="2.05%"):
        check_preserved("微软股价涨2.05%", "微軟股價漲", "x")
    with pytest.raises(VariantError):
        check_preserved("OpenAI的董事会", "OpenAl的董事會", "x")


def test_a_broken_converter_stops_the_variant(monkeypatch, sample_path):
    segments = segment_document(read_article(sample_path))
    monkeypatch.setattr(variant, "convert", lambda text, config: text.replace("OpenAI", ""))
    with pytest.raises(VariantError):
        traditional_variant(segments, "s2t")
