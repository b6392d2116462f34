"""Columns as gettext and a terminal count them, whichever way a text is measured."""
import unicodedata

from hypothesis import given, strategies as st

from l10n.plumbing.columns import character_columns, columns


def _by_definition(character: str) -> int:
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def test_wide_characters_take_two_columns_and_combining_marks_none():
    assert columns("OpenAI董事会") == 6 + 3 * 2
    assert columns("e\u0301") == 1
    assert columns("") == 0
    assert columns("\t\x00 ~") == 4  # ASCII, control characters too, one column each


@given(st.text())
def test_a_text_takes_the_columns_of_its_characters(text):
    assert columns(text) == sum(map(_by_definition, text))
    assert all(character_columns(character) == _by_definition(character) for character in text)


def test_a_measure_keeps_only_the_first_characters_it_is_asked_for():
    from l10n.plumbing.columns import CharacterMeasures

    measures = CharacterMeasures(ord)
    measures.KEPT = 3
    assert list(map(measures.__getitem__, "abcde")) == [97, 98, 99, 100, 101]
    assert list(measures) == ["a", "b", "c"]
