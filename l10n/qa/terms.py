"""Glossary adherence, and the one name-style rule that enforcement (translate/enforce.py) and QA share.

The rule: a term's first mention in the document needs its full rendering (Ilya Sutskever). In news style a
later mention may use the short form (Sutskever) instead, or still the full one. Mentions are counted in the
source, in document order, so a draft is judged the same way whether it is being made or being checked; a
short form standing where the full one belongs is reported at that first mention.

Matching: a required rendering must appear as a whole word with its own case ("jobs" is not "Jobs"), spaces
and line breaks between its words being any whitespace. A forbidden rendering is wrong in any case.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import GlossaryEntry, Segment, Severity
from .registry import ENGLISH, TRADITIONAL, Context, check


@dataclass(frozen=True)
class Requirement:
    entry: GlossaryEntry
    rendering: str  # the form to write: full at the first mention, short later in news style
    accepted: tuple[str, ...]  # every form that satisfies the requirement


def english(entry: GlossaryEntry) -> str:
    return entry.english


def requirements(segments: list[Segment], style: str = "full",
                 render: Callable[[GlossaryEntry], str] = english) -> dict[str, list[Requirement]]:
    """What each segment's target must contain, by segment id: one requirement per rendering per segment
    (伊利亚·苏茨克沃 and 伊利亚 in one sentence need Ilya Sutskever once)."""
    introduced: set[str] = set()
    required: dict[str, list[Requirement]] = {}
    for segment in segments:
        seen: set[str] = set()
        for hit in segment.terms:
            full = render(hit.entry)
            if not full or full in seen:
                continue
            seen.add(full)
            short = hit.entry.english_short if render is english and style == "news" else ""
            if short and full in introduced:
                requirement = Requirement(hit.entry, short, (full, short))
            else:
                requirement = Requirement(hit.entry, full, (full,))
            required.setdefault(segment.id, []).append(requirement)
        introduced |= seen
    return required


@lru_cache(maxsize=4096)
def _pattern(rendering: str, ignore_case: bool) -> re.Pattern:
    words = r"\s+".join(re.escape(word) for word in rendering.split())
    # An edge that is a Latin letter or digit must not run on into another (Jobs in Jobsworth); a Han edge
    # needs nothing, as Chinese puts words, and Latin names, side by side (微軟Copilot).
    before = r"(?<![A-Za-z0-9])" if rendering[:1].isascii() and rendering[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if rendering[-1:].isascii() and rendering[-1:].isalnum() else ""
    return re.compile(before + words + after, re.IGNORECASE if ignore_case else 0)


def find_rendering(text: str, rendering: str, ignore_case: bool = False) -> re.Match | None:
    return _pattern(rendering, ignore_case).search(text)


def satisfied(text: str, requirement: Requirement) -> bool:
    return any(find_rendering(text, form) for form in requirement.accepted)


def missing(text: str, needs: list[Requirement]) -> list[Requirement]:
    return [need for need in needs if not satisfied(text, need)]


def forbidden_present(text: str, entry: GlossaryEntry) -> list[str]:
    return [wrong for wrong in entry.forbidden if find_rendering(text, wrong, ignore_case=True)]


@check("glossary-missing", Severity.ERROR, "a glossary term is not rendered as the glossary says (whole word, same "
       "case; in news style a later mention may use the short form)", (ENGLISH, TRADITIONAL))
def glossary_missing(segment: Segment, text: str, context: Context) -> list[str]:
    return [f"{need.entry.source} must be rendered {' or '.join(map(repr, need.accepted))}"
            for need in missing(text, context.requirements.get(segment.id, []))]


@check("glossary-forbidden", Severity.ERROR, "a rendering the glossary forbids for a term of the source appears",
       (ENGLISH,))
def glossary_forbidden(segment: Segment, text: str, context: Context) -> list[str]:
    messages: list[str] = []
    for hit in segment.terms:
        for wrong in forbidden_present(text, hit.entry):
            message = f"{hit.entry.source} is rendered {wrong!r}, which the glossary forbids"
            if message not in messages:
                messages.append(message)
    return messages
