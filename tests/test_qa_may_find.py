"""Check.may_find: the question a check asks of a whole catalog before it is run on each segment never hides a
finding, and a check it rules out is not run."""
from __future__ import annotations

import dataclasses

import pytest

from l10n.model import Part, Segment
from l10n.qa import CHECKS, build_context, check_texts
from l10n.qa.registry import check

_CLEAN = [("公司去年营收增长了百分之十五，高于市场的预期。", "Revenue rose 15 percent last year, above expectations.",
           "公司去年營收增長了百分之十五，高於市場的預期。")] * 6
# (source, English, Traditional): each finds something in one of the checks that have a may_find
_FOUND = [
    ("他说：“好的。”", "He said: (fine fine fine fine.", "他說：（好的好的好的。」"),  # repetition, brackets
    ("萨姆·奥尔特曼说。", "Sam Sam Altman said so.", "萨姆·奧爾特曼說。"),  # doubled word; a Simplified character left
    ("他说了话。", "He\x0bsaid it.", "他\x0b說了話。"),  # control character
    ("点击<a1>这里</a1>。", "Click here.", "點擊這里。"),  # placeholders
    ("特朗普说，公司去年营收增长了百分之十五，高于市场的预期，这令人意外。", "Trump said so.",
     "特朗普說。"),  # length ratio; mainland form
    ("股价涨了2.05%。", "Shares rose 2.05%.", "股價漲了2.5%。"),  # a number the Traditional text changed
]


def _issues(rows, column, locale, edition=None):
    segments = [Segment(f"s{number}", number, 1, Part.BODY, number, row[0]) for number, row in enumerate(rows)]
    texts = {segment.id: row[column] for segment, row in zip(segments, rows)}
    return check_texts(segments, texts, build_context(segments, texts, locale, edition=edition))


@pytest.mark.parametrize(("column", "locale", "edition"), [(1, "en", None), (2, "zh_TW", "tw")])
def test_asking_first_finds_what_every_check_on_every_segment_finds(monkeypatch, column, locale, edition):
    asked = _issues(_CLEAN + _FOUND, column, locale, edition)
    family = build_context([], {}, locale, edition=edition).target_family
    assert {issue.code for issue in asked} >= {code for code, c in CHECKS.items() if c.may_find and c.applies_to(family)
                                               and (code != "doubled-word" or locale == "en")}
    for code, registered in list(CHECKS.items()):
        monkeypatch.setitem(CHECKS, code, dataclasses.replace(registered, may_find=None))
    assert _issues(_CLEAN + _FOUND, column, locale, edition) == asked


def test_a_check_that_can_find_nothing_in_the_catalog_is_not_run(monkeypatch):
    called = []

    @check("test-never", CHECKS["repetition"].severity, "a test's", may_find=lambda texts: "never" in texts.joined)
    def never(segment, text, context):
        called.append(text)
        return ["found"] if text == "never" else []

    try:
        assert not [issue for issue in _issues(_CLEAN, 1, "en") if issue.code == "test-never"]
        assert not called
        found = _issues([*_CLEAN, ("从不。", "never", "從不。")], 1, "en")
        assert [issue.code for issue in found if issue.code == "test-never"] == ["test-never"]
        assert len(called) == len(_CLEAN) + 1
    finally:
        del CHECKS["test-never"]



@pytest.mark.parametrize(("sources", "texts"), [
    (("OpenAI宣布了。", "他说。"), ("宣布了。", "OpenAI說。")),  # Latin text moved to another entry: the same in all
    (("OpenAI\nGPT宣布了。", "他说。"), ("OpenAI宣布了。", "GPT\n他說。")),  # and so with as many line breaks
])
def test_variant_changed_is_asked_of_each_entry_where_lines_may_not_pair(sources, texts):
    rows = [(source, "", text) for source, text in zip(sources, texts)] + [(s, "", t) for s, _, t in _CLEAN]
    changed = [issue.segment_id for issue in _issues(rows, 2, "zh_TW", "tw") if issue.code == "variant-changed"]
    assert changed == ["s0", "s1"]


def test_unbalanced_brackets_still_found_among_paired_marks():
    quoted = [("他说：“增长了百分之十五。”", "He said: “It rose 15 percent.”", "他說：「增長了百分之十五。」")] * 5
    assert not [issue for issue in _issues(quoted, 1, "en") if issue.code == "unbalanced-brackets"]
    dropped = ("微软（一家公司）增长了。", "Microsoft (a company grew.", "微軟（一家公司增長了。")
    for column, locale, edition in ((1, "en", None), (2, "zh_TW", "tw")):
        found = _issues([*quoted, dropped], column, locale, edition)
        assert [(issue.segment_id, issue.code) for issue in found if issue.code == "unbalanced-brackets"] \
            == [("s5", "unbalanced-brackets")]
