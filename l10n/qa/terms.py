"""Glossary adherence: every term in a segment's source appears in the target as the glossary renders it."""
from __future__ import annotations

from collections.abc import Callable

from ..model import GlossaryEntry, Issue, Segment, Severity


def _normalized(text: str) -> str:
    return " ".join(text.casefold().split())


def contains(text: str, rendering: str) -> bool:
    """Case- and whitespace-tolerant containment."""
    return _normalized(rendering) in _normalized(text)


def check_terms(segments: list[Segment], texts: dict[str, str], expected: Callable[[GlossaryEntry], str],
                short_after_first: bool = False) -> list[Issue]:
    """Check every translated segment, in document order.

    With short_after_first (news style), a term may appear in its short form (Sutskever) once its full
    rendering (Ilya Sutskever) has appeared earlier in the document. Forbidden renderings are errors wherever
    the source has the term. Empty targets are not checked: there is nothing to check yet.
    """
    issues: list[Issue] = []
    introduced: set[str] = set()
    for segment in segments:
        text = texts.get(segment.id, "")
        if not text:
            continue
        reported: set[str] = set()
        for hit in segment.terms:
            entry = hit.entry
            rendering = expected(entry)
            if not rendering or rendering in reported:
                continue
            reported.add(rendering)  # 伊利亚·苏茨克沃 and 伊利亚 in one sentence need Ilya Sutskever once
            if contains(text, rendering):
                introduced.add(rendering)
            elif not (short_after_first and entry.english_short and rendering == entry.english and rendering in introduced
                      and contains(text, entry.english_short)):
                issues.append(Issue(segment.id, Severity.ERROR, "glossary-missing",
                                    f"{entry.source} must be rendered {rendering!r}"))
            if rendering == entry.english:
                for wrong in entry.forbidden:
                    if contains(text, wrong):
                        issues.append(Issue(segment.id, Severity.ERROR, "glossary-forbidden",
                                            f"{entry.source} is rendered {wrong!r}, which the glossary forbids"))
    return issues
