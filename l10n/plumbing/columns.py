"""How many columns text takes on a terminal or in a .po file: East Asian wide and full-width characters take
two, combining marks none (the rule gettext and libunistring's uc_width follow)."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable


def _measured(character: str) -> int:
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


class CharacterMeasures(dict):
    """A measure of characters kept by character: a text is measured a character at a time, and a dict's own
    look-up (map(measures.__getitem__, text)) is the cheapest there is. Keeps the first KEPT characters it is asked
    for: a hostile text may hold any."""

    KEPT = 65536

    def __init__(self, measure: Callable[[str], int]):
        super().__init__()
        self.measure = measure

    def __missing__(self, character: str) -> int:
        measured = self.measure(character)
        if len(self) < self.KEPT:
            self[character] = measured
        return measured


_COLUMNS = CharacterMeasures(_measured)
character_columns = _COLUMNS.__getitem__


def columns(text: str) -> int:
    if text.isascii():  # every ASCII character takes one column
        return len(text)
    return sum(map(character_columns, text))
