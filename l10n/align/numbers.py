"""Numbers as values, so 1.2亿 in the source meets 120 million in the translation.

A minimal reader for alignment evidence only; the QA numbers check owns the full one (l10n/numbers.py
once it lands) and this should then be replaced by it.
"""
from __future__ import annotations

import re

_CHINESE_SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 100}
_ENGLISH_SCALES = {"trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3,
                   "bn": 10**9, "m": 10**6, "k": 10**3}
_CHINESE_NUMBER = re.compile(r"(\d+(?:[,，]\d{3})*(?:\.\d+)?)\s*(万亿|亿|万|千)?")
_ENGLISH_NUMBER = re.compile(r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(trillion|billion|million|thousand|bn|m|k)\b)?",
                             re.IGNORECASE)


def _value(digits: str, scale: int) -> str:
    value = float(digits.replace(",", "").replace("，", "")) * scale
    return f"{value:.6g}"


def chinese_numbers(text: str) -> list[str]:
    """Values of the Arabic numerals in Chinese text, scaled by a following 万, 亿 …"""
    return [_value(digits, _CHINESE_SCALES.get(unit or "", 1)) for digits, unit in _CHINESE_NUMBER.findall(text)]


def english_numbers(text: str) -> list[str]:
    """Values of the numerals in English text, scaled by a following million, billion …"""
    return [_value(digits, _ENGLISH_SCALES.get(unit.lower(), 1) if unit else 1)
            for digits, unit in _ENGLISH_NUMBER.findall(text)]
