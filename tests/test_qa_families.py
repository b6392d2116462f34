"""Direct tests of the QA families qa/numbers.py and qa/punctuation.py: each check called on one segment, as
check_texts calls it, and the helpers the document-wide context is made from."""
from __future__ import annotations

import pytest

from l10n.model import Part, Segment, Severity
from l10n.qa import numbers, punctuation
from l10n.qa.registry import CHECKS, ENGLISH, TRADITIONAL, Context, target_family

ENGLISH_CONTEXT = Context(target_family=ENGLISH)


def _segment(source: str, id: str = "s1") -> Segment:
    return Segment(id, 1, 1, Part.BODY, 1, source)


def _messages(check, source: str, text: str, context: Context = ENGLISH_CONTEXT) -> list[str]:
    issues = check(_segment(source), text, context)
    assert {(issue.segment_id, issue.code) for issue in issues} <= {("s1", code) for code in CHECKS}
    return [issue.message for issue in issues]


@pytest.mark.parametrize(("text", "numbers_found", "currency_found"), [
    ("The company's revenue was 7.7 billion yuan last year.", [], []),
    ("The company's revenue was 77 billion yuan last year.", ["77亿元: expected 7.7 billion CNY in the English"], []),
    ("The company's revenue was 7.7 billion dollars last year.", [], ["77亿元 is in CNY, the English gives it in USD"]),
])
def test_numbers_and_currency_scale_and_currency(text, numbers_found, currency_found):
    source = "公司去年营收77亿元。"
    assert _messages(numbers.missing_numbers, source, text) == numbers_found
    assert _messages(numbers.wrong_currency, source, text) == currency_found


def test_a_dropped_figure_is_found_by_the_trace_it_leaves():
    assert _messages(numbers.missing_numbers, "增长了15%。", "It rose  percent.") == [
        "15%: expected 15% in the English", "a figure seems to be missing from the English at 'rose  percent'"]
    assert _messages(numbers.missing_numbers, "增长了15%。", "It rose 15 percent.") == []


def test_an_approximate_range_is_a_warning_not_an_error():
    source, text = "他们五六天后回来。", "They came back ten days later."
    assert _messages(numbers.missing_numbers, source, text) == []
    assert _messages(numbers.approximate_numbers, source, text) == ["五六天: expected 5 or 6 in the English"]
    assert CHECKS["numbers-approximate"].severity is Severity.WARNING
    assert CHECKS["numbers"].severity is Severity.ERROR


def test_a_date_written_the_english_way_is_the_same_date():
    assert _messages(numbers.missing_numbers, "2024年5月7日发布。", "Released on 7 May 2024.") == []
    assert _messages(numbers.missing_numbers, "2024年5月7日发布。", "Released on 8 May 2024.") != []


def test_numbers_checks_are_for_english_only():
    for code in ("numbers", "numbers-approximate", "currency", "fullwidth-punctuation"):
        assert CHECKS[code].applies_to(ENGLISH) and not CHECKS[code].applies_to("zh_TW")


def test_a_locale_gets_its_family_of_checks():
    """"Language" meant three things in QA; the family of checks a target gets is its own name now."""
    assert [target_family(locale) for locale in ("en", "en_GB", "zh_TW", "zh_HK", "zh_Hant", "ja")] == [
        ENGLISH, ENGLISH, TRADITIONAL, TRADITIONAL, TRADITIONAL, "ja"]
    assert CHECKS["simplified-leak"].target_families == {TRADITIONAL} and CHECKS["placeholders"].target_families is None


def test_fullwidth_punctuation_names_each_mark_once():
    assert _messages(punctuation.fullwidth_punctuation, "他说好，好。", "He said， good， good。") == [
        "Chinese punctuation in the English: ， 。"]
    assert _messages(punctuation.fullwidth_punctuation, "他说好。", "He said, good.") == []


def test_unbalanced_brackets_only_where_the_source_is_balanced():
    assert _messages(punctuation.unbalanced_brackets, "见（附件）。", "See (the annex.") == ["unbalanced parentheses (+1)"]
    assert _messages(punctuation.unbalanced_brackets, "见（附件）。", "See (the annex).") == []
    assert _messages(punctuation.unbalanced_brackets, "见（附件。", "See (the annex.") == []


def test_a_quotation_carried_over_from_a_neighbour_is_not_unbalanced():
    segments = [_segment("他说：“是。", "a"), _segment("没有引号。", "b"), _segment("不。”", "c")]
    texts = {"a": "He said: “Yes.", "b": "It was late.", "c": "No.”"}
    carried = punctuation.carried_over(segments, texts)
    assert carried == {"a": frozenset({("quotes", 1)}), "c": frozenset({("quotes", -1)})}
    assert _messages(punctuation.unbalanced_brackets, "他说：“是。", texts["a"], Context(ENGLISH, carried_over=carried)) == []


@pytest.mark.parametrize(("texts", "why"), [
    ({"a": "He called it “a sham.", "c": "No.”"}, "opened inside a clause"),
    ({"a": "He said: “Yes, “indeed.", "c": "No.”"}, "two left open"),
    ({"a": "He said: “Yes.", "b": "It was “late.", "c": "No.”"}, "a mark of the family between"),
    ({"a": "He said: “Yes.", "c": "No.” He said: “Go.”"}, "fine: the quotation closes, another opens and closes"),
])
def test_a_neighbour_explains_only_a_quotation_that_runs_on(texts, why):
    segments = [_segment("他说：“是。", "a"), _segment("没有引号。", "b"), _segment("不。”", "c")]
    carried = punctuation.carried_over(segments, {"b": "It was late.", **texts})
    assert (("quotes", 1) in carried.get("a", ())) is why.startswith("fine")


def test_a_closing_mark_whose_source_opens_its_own_quotation_explains_no_earlier_one():
    # the next sentence lost its opening mark: its source quotes after 他说, so its closing mark is its own
    segments = [_segment("德扬表示：“我希望公投。”", "a"), _segment("他说：“我会参加。”", "b")]
    texts = {"a": '"I want a referendum, said Deyan.', "b": 'I will take part," he said.'}
    assert punctuation.carried_over(segments, texts) == {}
    texts["b"] = 'I will take part."'
    segments[1] = _segment("我会参加。”", "b")
    assert punctuation.carried_over(segments, texts) == {"a": frozenset({("quotes", 1)}),
                                                          "b": frozenset({("quotes", -1)})}


def test_a_curly_quote_is_not_closed_by_a_straight_one():
    assert punctuation.unmatched('the “flood bank is solid."') == {"parentheses": (0, 0), "square brackets": (0, 0),
                                                                   "quotes": (1, 1)}
    assert punctuation.unmatched('the "flood bank" is “solid”.')["quotes"] == (0, 0)


def test_unmatched_counts_opened_and_closed_marks_per_family():
    assert punctuation.unmatched("a (b [c] “d") == {"parentheses": (1, 0), "square brackets": (0, 0), "quotes": (1, 0)}
    assert punctuation.unmatched("the text) more") == {"parentheses": (0, 1), "square brackets": (0, 0),
                                                       "quotes": (0, 0)}
    assert punctuation.unmatched("a) b") == {"parentheses": (0, 0), "square brackets": (0, 0), "quotes": (0, 0)}


def test_run_on_quotes_tells_where_a_quotation_may_continue():
    assert punctuation.run_on_quotes("“这是开头。") == (True, False)
    assert punctuation.run_on_quotes("他说：“结束。”") == (False, True)
    assert punctuation.run_on_quotes("没有引号。") == (False, False)


@pytest.mark.parametrize(("text", "found"), [
    ("<a1>Microsoft</a1> announced.", []),
    ("Microsoft announced.", ["placeholders missing: </a1> <a1>"]),
    ("</a1>Microsoft<a1> announced.", ["placeholder </a1> closes out of order"]),
    ("<a1>Microsoft announced.</a1><b2>", ["placeholders not in the source: <b2>"]),
])
def test_placeholders_missing_added_or_out_of_order(text, found):
    assert _messages(punctuation.placeholders, "<a1>微软</a1>宣布。", text) == found


def test_a_control_character_is_named_by_its_code_point():
    assert _messages(punctuation.control_character, "好。", "Good\x0b.") == [
        "control character U+000B in the text; delete it (a line break pasted from Word is U+000B)"]
    assert _messages(punctuation.control_character, "好。", "Good.") == []
