"""The QA checks, registered in one place. Each has an id, a severity, a one-line explanation and one
signature: `(segment, target_text, context) -> list[Issue]`. A family module registers its checks with
`@check(...)` when it is imported; `l10n.qa` imports every family."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .. import editions, locales
from ..model import Issue, Segment, Severity

ENGLISH = locales.ENGLISH.locale
TRADITIONAL = editions.TRADITIONAL.locale  # the family of every Traditional locale (zh_TW, zh_HK, zh_Hant), named
# after the generic edition's


def target_family(locale: str) -> str:
    """The family of checks a catalog's locale (zh_TW, en) gets: ENGLISH, TRADITIONAL (every Traditional locale), or
    the locale itself, which only the checks for every target apply to."""
    if locale.split("_")[0].split("-")[0] == ENGLISH:
        return ENGLISH
    if editions.is_traditional(locale):
        return TRADITIONAL
    return locale


@dataclass(frozen=True)
class Context:
    """What a check may know beyond one segment: the target's family of checks and facts about the whole
    document."""

    target_family: str  # target_family(locale): ENGLISH, TRADITIONAL or another locale
    requirements: dict[str, list] = field(default_factory=dict)  # segment id → terms.Requirement
    expected: dict[str, str] = field(default_factory=dict)  # Traditional: the edition's conversion of each segment
    usual_ratio: float | None = None  # the document's median target/source length ratio
    carried_over: dict[str, frozenset[tuple[str, int]]] = field(default_factory=dict)  # (bracket family, +1 open /
    # -1 closing) marks a neighbour continues
    recurring_words: frozenset[str] = frozenset()  # unknown English words two entries or more use
    edition: str | None = None  # Traditional: the edition (editions/) the catalog is checked as
    glossary_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Traditional: segment id → the
    # glossary's forms of its terms in the edition (its override column, 范劍磊), from the glossary or the run's notes
    length_ratios: dict[str, float] = field(default_factory=dict)  # segment id → its target/source length ratio,
    # for sources long enough to judge by it (repetition.SHORTEST_SOURCE)


CheckFunction = Callable[[Segment, str, Context], list[Issue]]


class Texts:
    """A catalog's target texts (the segments that have one) as one text, for the questions a check asks of the
    whole document before it is run on each segment (Check.may_find)."""

    def __init__(self, segments: list[Segment], texts: dict[str, str], context: Context):
        self.segments = [segment for segment in segments if texts.get(segment.id)]
        self.texts = texts
        self.context = context

    @cached_property
    def joined(self) -> str:
        """Every text, one a line: what a pattern finds in one text, it finds here (each is whole on its line)."""
        return "\n".join(self.texts[segment.id] for segment in self.segments)

    @cached_property
    def sources(self) -> str:
        """Their sources, one a line."""
        return "\n".join(segment.source for segment in self.segments)

    @cached_property
    def all_expected(self) -> bool:
        """Whether each text is the edition's conversion of its source (a fresh machine draft): the Traditional
        checks that look only where a text departs from it find nothing."""
        expected = self.context.expected
        return all(self.texts[segment.id] == expected.get(segment.id) for segment in self.segments)


MayFind = Callable[[Texts], bool]  # False only where no segment can give the check a finding


@dataclass(frozen=True)
class Check:
    id: str
    severity: Severity
    explanation: str
    function: CheckFunction
    target_families: frozenset[str] | None  # None: every target
    may_find: MayFind | None = None  # asked once per catalog; None: the check runs on every segment

    def applies_to(self, target_family: str) -> bool:
        return self.target_families is None or target_family in self.target_families

    def issue(self, segment: Segment, message: str) -> Issue:
        return Issue(segment.id, self.severity, self.id, message)


CHECKS: dict[str, Check] = {}


def check(id: str, severity: Severity, explanation: str, target_families: tuple[str, ...] | None = None,
          may_find: MayFind | None = None):
    """Register a check under an id. The decorated function returns its findings' messages; the registered
    function turns them into Issues carrying the check's id and severity, so the two cannot disagree.
    `may_find`: a cheap question about the whole catalog (one search of all its texts) that is False only where no
    segment can have a finding, so that a catalog without one skips the check's call on each segment."""
    def register(function: Callable[..., list[Issue]]) -> CheckFunction:
        def run(segment: Segment, text: str, context: Context) -> list[Issue]:
            messages = function(segment, text, context)  # most often none: then no list is built from them
            return [CHECKS[id].issue(segment, message) for message in messages] if messages else []

        run.__doc__, run.__name__ = function.__doc__, function.__name__
        CHECKS[id] = Check(id, severity, explanation, run, frozenset(target_families) if target_families else None,
                           may_find)
        return run
    return register
