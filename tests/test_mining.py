"""Direct tests of mining/: the pieces `l10n glossary suggest` is made of (tests/test_suggest.py runs it whole)."""
from __future__ import annotations

import pytest

from l10n.mining import boundaries, codes, kinds, names, patterns
from l10n.model import Kind


@pytest.mark.parametrize(("english", "person"), [
    ("Tim Cook", True), ("Katheryn A. Wilson", True), ("Mohamed El-Erian", True),
    ("the company", False), ("OpenAI", False),
])
def test_person_names_by_shape(english, person):
    assert boundaries.is_person_name(english) is person


def test_pinyin_syllables_only_for_names_all_in_pinyin():
    assert boundaries.pinyin_syllables("Zhang Yiming") == 3
    assert boundaries.pinyin_syllables("Simon Zhu") == 0


def test_english_size_counts_an_acronyms_letters_or_the_content_words():
    assert boundaries.english_size("CISA") == 4
    assert boundaries.english_size("Department of Justice") == 2


def test_where_a_term_begins_before_its_parenthesis():
    assert boundaries.quoted_term("他提出了《人工智能风险管理框架》") == "人工智能风险管理框架"
    assert boundaries.quoted_term("他提出了一个框架") is None
    assert boundaries.transliterated_name("苹果公司首席执行官蒂姆·库克") == "蒂姆·库克"
    assert boundaries.person_name("英伟达首席执行官黄仁勋", "Jensen Huang") == "黄仁勋"


@pytest.mark.parametrize(("text", "following", "code"), [
    ("CVE-2024-3400", "", True), ("KB5034441", "", True), ("NASDAQ: NVDA", "", True), ("0700.HK", "", True),
    ("BABA", "股价下跌", True), ("BABA", "", False), ("GPT-4", "", False), ("Windows 11", "", False),
    ("OpenAI", "", False),
])
def test_codes_are_records_versions_and_listings_not_names(text, following, code):
    assert codes.is_code(text, following) is code


@pytest.mark.parametrize(("source", "english", "quoted", "kind"), [
    ("萨姆·奥特曼", "Sam Altman", False, Kind.PERSON),
    ("人工智能风险管理框架", "AI Risk Management Framework", False, Kind.WORK),
    ("超对准", "Superalignment", True, Kind.WORK),
    ("世界人工智能大会", "World Artificial Intelligence Conference", False, Kind.WORK),
    ("大模型", "large language model", False, Kind.PRODUCT),
    ("网络安全", "cybersecurity", False, Kind.TERM),
])
def test_a_first_guess_at_the_kind(source, english, quoted, kind):
    assert kinds.guess_kind(source, english, quoted) is kind


def test_surnames_and_their_pinyin():
    assert names.surname_of("欧阳娜娜") == "欧阳"  # compound surnames first
    assert names.surname_of("范剑磊") == "范"
    assert names.surname_of("微软") is None
    assert names.pinyin_name("范剑磊") == ("Fan Jianlei", "Fan")
    assert names.pinyin_name("欧阳娜娜") == ("Ouyang Nana", "Ouyang")


def test_introductions_in_running_text():
    found = patterns.introductions("美国网络安全和基础设施安全局（CISA）周二发布警告。苹果公司首席执行官蒂姆·库克（Tim Cook）表示。")
    assert [(item.source, item.english, item.pattern) for item in found] == [
        ("美国网络安全和基础设施安全局", "CISA", "中文（English）"),
        ("蒂姆·库克", "Tim Cook", "中文（English）"),
        ("蒂姆·库克", "", "transliterated name"),
    ]
    assert patterns.introductions("今天没有新闻。") == []
