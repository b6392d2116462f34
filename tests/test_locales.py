"""The language table (locales.py): what each format calls each language the project writes."""
import pytest

from l10n import locales


@pytest.mark.parametrize(("locale", "tag", "cat", "name"), [
    ("en", "en", "en", "English"),
    ("zh_TW", "zh-Hant-TW", "zh-TW", "Traditional (Taiwan)"),
    ("zh_HK", "zh-Hant-HK", "zh-HK", "Traditional (Hong Kong)"),
    ("zh_Hant", "zh-Hant", "zh-Hant", "Traditional"),
    ("zh_MO", "zh-MO", "zh-MO", "zh_MO"),  # a catalog of a locale no row has keeps its own name
])
def test_each_format_names_a_language_from_one_row(locale, tag, cat, name):
    assert (locales.of(locale).tag, locales.of(locale).name) == (tag, name)
    assert locales.exchange_tag(locale, "bcp47") == tag
    assert locales.exchange_tag(locale, "cat") == cat


def test_the_source_is_simplified_chinese():
    assert (locales.exchange_tag(None, "bcp47"), locales.exchange_tag(None, "cat")) == ("zh-Hans", "zh-CN")


def test_plural_forms_english_two_chinese_one():
    assert locales.of("en").plural_forms == locales.of("en_GB").plural_forms == "nplurals=2; plural=(n != 1);"
    assert locales.of("zh_TW").plural_forms == locales.of("zh_MO").plural_forms == "nplurals=1; plural=0;"


@pytest.mark.parametrize(("tag", "locale"), [
    ("en", "en"), ("en-US", "en"), ("zh-Hant-TW", "zh_TW"), ("zh-tw", "zh_TW"), ("zh_HK", "zh_HK"), ("fr", None),
])
def test_a_tag_read_from_a_file_finds_its_catalog(tag, locale):
    assert locales.locale_of(tag) == locale


def test_sentences_join_without_a_space_only_in_chinese():
    assert locales.sentence_joiner("zh_TW") == ""
    assert locales.sentence_joiner("en") == " "
