"""Simplified → Traditional Chinese with OpenCC, checked so that nothing but the script changes."""
from __future__ import annotations

import re
from functools import lru_cache

from .errors import UsageError, VariantError
from .model import Segment, Target

# OpenCC config → gettext locale of the variant it produces.
HANT_LOCALES = {"s2t": "zh_Hant", "s2tw": "zh_TW", "s2twp": "zh_TW", "s2hk": "zh_HK"}
DEFAULT_HANT = "s2twp"

_KEPT_VERBATIM = re.compile(r"[0-9A-Za-z]+(?:[.,%][0-9A-Za-z]+)*%?")


def hant_locale(config: str) -> str:
    try:
        return HANT_LOCALES[config]
    except KeyError:
        choices = ", ".join(HANT_LOCALES)
        raise UsageError(f"unknown OpenCC config {config!r}; choose one of {choices}") from None


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def opencc_version() -> str:
    import opencc

    return opencc.__version__


def convert(text: str, config: str) -> str:
    hant_locale(config)
    return _converter(config).convert(text) if text else text


def check_preserved(source: str, converted: str, segment_id: str) -> None:
    """Numbers and Latin text must come through a script conversion untouched."""
    expected = _KEPT_VERBATIM.findall(source)
    found = _KEPT_VERBATIM.findall(converted)
    if expected != found:
        missing = [token for token in expected if token not in found] or expected
        raise VariantError(f"segment {segment_id}: conversion changed numbers or Latin text "
                           f"({' '.join(missing[:3])} …)")


def convert_segment(segment: Segment, config: str, locale: str) -> str:
    """Glossary terms are converted on their own (or replaced by their override), so OpenCC's phrase
    conversion can never split a name or merge it with its neighbours; the text between is converted as usual."""
    pieces: list[str] = []
    position = 0
    for hit in segment.terms:
        pieces.append(convert(segment.source[position:hit.start], config))
        term = segment.source[hit.start:hit.end]
        pieces.append(hit.entry.traditional_for(locale) or convert(term, config))
        position = hit.end
    pieces.append(convert(segment.source[position:], config))
    return "".join(pieces)


def traditional_variant(segments: list[Segment], config: str = DEFAULT_HANT) -> Target:
    locale = hant_locale(config)
    texts: dict[str, str] = {}
    for segment in segments:
        converted = convert_segment(segment, config, locale)
        check_preserved(segment.source, converted, segment.id)
        texts[segment.id] = converted
    return Target(locale, texts, f"OpenCC {opencc_version()} {config}")
