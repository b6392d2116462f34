"""How many columns text takes on a terminal or in a .po file: East Asian wide and full-width characters take
two, combining marks none (the rule gettext and libunistring's uc_width follow)."""
from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=65536)
def character_columns(character: str) -> int:
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def columns(text: str) -> int:
    return sum(map(character_columns, text))
