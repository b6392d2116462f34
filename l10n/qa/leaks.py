"""Source text that leaked into the target: Chinese left in the English, Simplified characters left in the
Traditional variant."""
from __future__ import annotations

import difflib

from ..plumbing.deferred import DeferredPattern
from ..model import Segment, Severity
from ..text.placeholders import strip
from .registry import ENGLISH, TRADITIONAL, Context, check

_HAN = DeferredPattern(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@check("source-leak", Severity.ERROR, "the English holds Chinese characters or is the source itself", (ENGLISH,))
def source_leak(segment: Segment, text: str, context: Context) -> list[str]:
    if strip(text).strip() == strip(segment.source).strip():
        return ["the English is the Chinese source, untranslated"]
    han = _HAN.findall(text)
    return [f"Chinese left in the English: {' '.join(dict.fromkeys(han))}"] if han else []


def simplified_left(text: str, expected: str, kept: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(character, expected character) for each character of a Traditional text that stands where OpenCC's
    conversion has another one and that OpenCC converts: 发 for 發 or 髮 is a leak; 回 where OpenCC writes
    迴, or a reviewer's rewording, is not; nor is a character of a form the glossary keeps (范劍磊, `kept`)."""
    from ..editions.variant import convert

    if text == expected:
        return []  # the common case, and SequenceMatcher is quadratic on a long sentence
    glossary_forms = _covered(text, kept)
    found: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, text, expected, autojunk=False)
    for operation, start, end, other_start, other_end in matcher.get_opcodes():
        if operation != "replace" or end - start != other_end - other_start:
            continue
        for position, pair in enumerate(zip(text[start:end], expected[other_start:other_end]), start):
            if pair[0] != pair[1] and position not in glossary_forms and convert(pair[0], "s2t") != pair[0] \
                    and pair not in found:
                found.append(pair)
    return found


def _covered(text: str, forms: tuple[str, ...]) -> set[int]:
    """The positions of the text inside an occurrence of one of the forms."""
    covered: set[int] = set()
    for form in filter(None, forms):
        start = text.find(form)
        while start != -1:
            covered.update(range(start, start + len(form)))
            start = text.find(form, start + 1)
    return covered


@check("simplified-leak", Severity.ERROR, "the Traditional text keeps Simplified characters that OpenCC converts",
       (TRADITIONAL,), may_find=lambda texts: not texts.all_expected)
def simplified_leak(segment: Segment, text: str, context: Context) -> list[str]:
    expected = context.expected.get(segment.id)
    pairs = simplified_left(text, expected, context.glossary_forms.get(segment.id, ())) if expected else []
    if not pairs:
        return []
    return ["Simplified characters in the Traditional text: " + ", ".join(f"{char} (→ {wanted})"
                                                                          for char, wanted in pairs)]
