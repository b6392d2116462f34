"""Every quantity of the source appears in the English, correctly scaled (77亿 is 7.7 billion, not 77 billion),
as the same date and in the same currency, one English mention for each source mention; a count the English
may leave unsaid is reported only on evidence (a spare figure in its place, or the trace a dropped figure
leaves). Parsing and matching are in l10n/numbers.py."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import numbers
from ..model import Segment, Severity
from .registry import ENGLISH, Context, check


@lru_cache(maxsize=1024)
def _unrendered(source: str, text: str, term_spans: tuple[tuple[int, int], ...]):
    """(source quantities the English lacks, (quantity, other currency) pairs). Numbers inside glossary terms
    (Azure Maia 100, Ignite 2023) belong to names, which the glossary check covers."""
    targets = numbers.english_quantities(text)
    checked = [quantity for quantity in numbers.quantities(source)
               if not any(start < quantity.end and quantity.start < end for start, end in term_spans)]
    absent = numbers.unrendered(checked, targets, text, source)
    conflicts = [(quantity, other) for quantity in checked if quantity not in absent
                 if (other := numbers.currency_conflict(quantity, targets))]
    return tuple(absent), tuple(conflicts)


def _findings(segment: Segment, text: str):
    return _unrendered(segment.source, text, tuple((hit.start, hit.end) for hit in segment.terms))


def _uncertain(quantity: numbers.Quantity) -> bool:
    """Approximate ranges (五六天) and a bare day of the month (20日, often rendered as a weekday)."""
    return quantity.approximate or (quantity.kind == numbers.DATE and not quantity.month)


_NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]")


@check("numbers", Severity.ERROR, "a number, percentage or date of the source is missing from the English or "
       "wrongly scaled (77亿 is 7.7 billion), or the English shows where a figure was dropped (rose  percent)",
       (ENGLISH,))
def missing_numbers(segment: Segment, text: str, context: Context) -> list[str]:
    absent, _ = _findings(segment, text)
    messages = [f"{q.text}: expected {numbers.describe(q)} in the English" for q in absent if not _uncertain(q)]
    if _NUMERAL.search(segment.source) and (trace := numbers.dropped_figure_trace(text)):
        messages.append(f"a figure seems to be missing from the English at {trace!r}")
    return messages


@check("numbers-approximate", Severity.WARNING, "an approximate quantity (五六天) or a bare day of the month "
       "(20日) of the source has another figure in its place in the English", (ENGLISH,))
def approximate_numbers(segment: Segment, text: str, context: Context) -> list[str]:
    absent, _ = _findings(segment, text)
    return [f"{q.text}: expected {numbers.describe(q)} in the English" for q in absent if _uncertain(q)]


@check("currency", Severity.ERROR, "an amount of the source appears in the English in another currency",
       (ENGLISH,))
def wrong_currency(segment: Segment, text: str, context: Context) -> list[str]:
    _, conflicts = _findings(segment, text)
    return [f"{q.text} is in {q.currency}, the English gives it in {other}" for q, other in conflicts]
