"""An edition's regional forms: a mainland form left in a Taiwan or Hong Kong catalog where the edition has a
regional rendering of it (a reviewer typed 特朗普 into zh_TW.po, where Taiwan prints 川普)."""
from __future__ import annotations

from ..model import Segment, Severity
from .registry import TRADITIONAL, Context, check


@check("mainland-form", Severity.WARNING, "a mainland form (特朗普) where the edition prints its region's (川普)",
       (TRADITIONAL,))
def mainland_form(segment: Segment, text: str, context: Context) -> list[str]:
    if context.edition is None or text == context.expected.get(segment.id):
        return []  # the edition's own text: every regional form it knows is in it
    from ..editions import get
    from ..variant import regional_forms

    terms = [hit.entry.source for hit in segment.terms]  # the desk's glossary decides its own terms
    left = [(mainland, rendering) for source, rendering, mainland in regional_forms(segment.source, context.edition)
            if mainland in text and rendering not in text and not any(source in term for term in terms)]
    name = get(context.edition).name
    return [f"mainland form {mainland} left; the {name} edition prints {rendering}" for mainland, rendering in left]
