"""Every quantity of the source appears in the English, correctly scaled (77亿 is 7.7 billion, not 77 billion),
as the same date and in the same currency, one English mention for each source mention. Parsing and
matching are in l10n/numbers.py."""
from __future__ import annotations

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
    absent = numbers.unrendered(checked, targets, text)
    conflicts = [(quantity, other) for quantity in checked if quantity not in absent
                 if (other := numbers.currency_conflict(quantity, targets))]
    return tuple(absent), tuple(conflicts)


def _findings(segment: Segment, text: str):
    return _unrendered(segment.source, text, tuple((hit.start, hit.end) for hit in segment.terms))


def _uncertain(quantity: numbers.Quantity) -> bool:
    """Approximate ranges (五六天) and a bare day of the month (20日, often rendered as a weekday)."""
    return quantity.approximate or (quantity.kind == numbers.DATE and not quantity.month)


@check("numbers", Severity.ERROR, "a number, percentage or date of the source is missing from the English or "
       "wrongly scaled (77亿 is 7.7 billion)", (ENGLISH,))
def missing_numbers(segment: Segment, text: str, context: Context) -> list[str]:
    absent, _ = _findings(segment, text)
    return [f"{q.text}: expected {numbers.describe(q)} in the English" for q in absent if not _uncertain(q)]


@check("numbers-approximate", Severity.WARNING, "an approximate quantity (五六天) or a bare day of the month "
       "(20日) of the source is not found in the English", (ENGLISH,))
def approximate_numbers(segment: Segment, text: str, context: Context) -> list[str]:
    absent, _ = _findings(segment, text)
    return [f"{q.text}: expected {numbers.describe(q)} in the English" for q in absent if _uncertain(q)]


@check("currency", Severity.ERROR, "an amount of the source appears in the English in another currency",
       (ENGLISH,))
def wrong_currency(segment: Segment, text: str, context: Context) -> list[str]:
    _, conflicts = _findings(segment, text)
    return [f"{q.text} is in {q.currency}, the English gives it in {other}" for q, other in conflicts]
