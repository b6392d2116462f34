"""Plain text: one paragraph per block, blank lines between, markup dropped (link text kept)."""
from __future__ import annotations

from ..model import Part
from .article import FALLBACK, FUZZY, Article, Node

def _inline(nodes: tuple[Node, ...]) -> str:
    pieces = []
    for node in nodes:
        if isinstance(node, str):
            pieces.append(node)
        elif node.kind == FUZZY:
            pieces.append(f"[unreviewed: {_inline(node.children)}]")
        elif node.kind == FALLBACK:
            pieces.append(f"[untranslated: {_inline(node.children)}]")
        elif node.kind == "break":
            pieces.append("\n")
        else:
            pieces.append(_inline(node.children))
    return "".join(pieces)

def render(article: Article) -> str:
    paragraphs = []
    for block in article.blocks:
        text = _inline(block.nodes)
        if block.part is Part.LIST_ITEM:
            text = "  " * max(block.level - 1, 0) + "- " + text
        elif block.part is Part.QUOTE:
            text = "\n".join(f"> {line}" for line in text.split("\n"))
        # No line ends in spaces: an image or a break the text cannot show leaves the space before it.
        paragraphs.append("\n".join(line.rstrip() for line in text.split("\n")))
    return "\n\n".join(paragraphs) + "\n"
