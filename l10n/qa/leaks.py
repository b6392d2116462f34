"""Source text that leaked into the target: Chinese left in the English, Simplified characters left in the
Traditional variant."""
from __future__ import annotations

import difflib
import re

from ..model import Segment, Severity
from ..placeholders import strip
from .registry import ENGLISH, TRADITIONAL, Context, check

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@check("source-leak", Severity.ERROR, "the English holds Chinese characters or is the source itself", (ENGLISH,))
def source_leak(segment: Segment, text: str, context: Context) -> list[str]:
    if strip(text).strip() == strip(segment.source).strip():
        return ["the English is the Chinese source, untranslated"]
    han = _HAN.findall(text)
    return [f"Chinese left in the English: {' '.join(dict.fromkeys(han))}"] if han else []


def simplified_left(text: str, expected: str) -> list[tuple[str, str]]:
    """(character, expected character) for each character of a Traditional text that stands where OpenCC's
    conversion has another one and that OpenCC converts: 发 for 發 or 髮 is a leak; 回 where OpenCC writes
    迴, or a reviewer's rewording, is not."""
    from ..variant import convert

    if text == expected:
        return []  # the common case, and SequenceMatcher is quadratic on a long sentence
    found: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, text, expected, autojunk=False)
    for operation, start, end, other_start, other_end in matcher.get_opcodes():
        if operation != "replace" or end - start != other_end - other_start:
            continue
        for pair in zip(text[start:end], expected[other_start:other_end]):
            if pair[0] != pair[1] and convert(pair[0], "s2t") != pair[0] and pair not in found:
                found.append(pair)
    return found


@check("simplified-leak", Severity.ERROR, "the Traditional text keeps Simplified characters that OpenCC converts",
       (TRADITIONAL,))
def simplified_leak(segment: Segment, text: str, context: Context) -> list[str]:
    expected = context.expected.get(segment.id)
    pairs = simplified_left(text, expected) if expected else []
    if not pairs:
        return []
    return ["Simplified characters in the Traditional text: " + ", ".join(f"{char} (→ {wanted})"
                                                                          for char, wanted in pairs)]
