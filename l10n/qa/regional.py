"""An edition's own text: a mainland form of the source left in a Taiwan or Hong Kong catalog's entry where the
edition has a regional rendering of it (a reviewer typed 特朗普 back into the zh_TW.po entry of a sentence about
特朗普, where Taiwan prints 川普), and numbers or Latin text that the Traditional text changed from the source with
nothing to account for it."""
from __future__ import annotations

from ..model import Segment, Severity
from .registry import TRADITIONAL, Context, Texts, check


@check("mainland-form", Severity.WARNING, "a mainland form (特朗普) where the edition prints its region's (川普)",
       (TRADITIONAL,), may_find=lambda texts: texts.context.edition is not None and not texts.all_expected)
def mainland_form(segment: Segment, text: str, context: Context) -> list[str]:
    if context.edition is None or text == context.expected.get(segment.id):
        return []  # the edition's own text: every regional form it knows is in it
    from ..editions import get
    from ..editions.variant import regional_forms

    terms = [hit.entry.source for hit in segment.terms]  # the desk's glossary decides its own terms
    left = [(mainland, rendering) for source, rendering, mainland in regional_forms(segment.source, context.edition)
            if mainland in text and rendering not in text and not any(source in term for term in terms)]
    name = get(context.edition).name
    return [f"mainland form {mainland} left; the {name} edition prints {rendering}" for mainland, rendering in left]


def _may_change_verbatim(texts: Texts) -> bool:
    """Whether any text may have changed the numbers or Latin text of its source: one reading of all texts and all
    sources, one a line. A line break inside a source could pair a text's line with another entry's source line; one
    inside a text alone is one line break more than the sources have."""
    if texts.context.edition is None:
        return False
    if texts.sources.count("\n") >= len(texts.segments):
        return True
    from ..editions.variant import verbatim_kept_by_line

    return not verbatim_kept_by_line(texts.sources, texts.joined)


@check("variant-changed", Severity.WARNING, "the Traditional text changed numbers or Latin text of the source that "
       "neither OpenCC's dictionaries nor the edition's rules account for", (TRADITIONAL,),
       may_find=_may_change_verbatim)
def variant_changed(segment: Segment, text: str, context: Context) -> list[str]:
    if context.edition is None:
        return []
    from ..editions.variant import changed_verbatim

    changed = changed_verbatim(segment, text, context.edition)
    if not changed:
        return []
    whose = "the conversion" if text == context.expected.get(segment.id) else "the text"
    return [f"{whose} changed numbers or Latin text ({' '.join(changed[:3])}); check this entry"]
