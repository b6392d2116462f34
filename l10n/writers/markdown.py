"""CommonMark: headings with their level, list items, quotes, links, emphasis, code and images
restored from the placeholders. Text is escaped so that a translation can never turn into markup."""
from __future__ import annotations

import re

from ..locales import SOURCE
from ..model import Part
from .article import FALLBACK, FUZZY, Article, Block, Node, safe_url

_REFERENCE_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _url(url: str) -> str:
    """A link destination that means the URL as written: `<`, `>` percent-encoded, `\\` escaped, and `&`
    where it starts a character reference (a Markdown renderer would read `&#58;` as `:` and so turn an inert
    address into a `javascript:` one); `?a=1&b=2` stays as it is."""
    url = url.replace("<", "%3C").replace(">", "%3E").replace("\\", "\\\\")
    url = _REFERENCE_START.sub(r"\\&", url)
    return f"<{url}>" if re.search(r"[\s()]", url) else url


def _code(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _inline(nodes: tuple[Node, ...]) -> str:
    pieces = []
    for node in nodes:
        if isinstance(node, str):
            pieces.append(_escape(node))
        elif node.kind == "link" and node.target and safe_url(node.target):
            pieces.append(f"[{_inline(node.children)}]({_url(node.target)})")
        elif node.kind == "strong":
            pieces.append(f"**{_inline(node.children)}**")
        elif node.kind == "emphasis":
            pieces.append(f"*{_inline(node.children)}*")
        elif node.kind == "code":
            pieces.append(_code("".join(child for child in node.children if isinstance(child, str))))
        elif node.kind == "image":
            if node.target and safe_url(node.target):
                pieces.append(f"![]({_url(node.target)})")
        elif node.kind == "break":
            pieces.append("<br>")
        elif node.kind == FUZZY:
            pieces.append(f'<mark title="unreviewed">{_inline(node.children)}</mark>')
        elif node.kind == FALLBACK:
            pieces.append(f'<mark title="untranslated" lang="{SOURCE.tag}">{_inline(node.children)}</mark>')
        else:
            pieces.append(_inline(node.children))
    return "".join(pieces)


def _block(block: Block) -> str:
    text = _BLOCK_START.sub(r"\1\\\2", _inline(block.nodes), count=1)
    if block.part is Part.TITLE:
        return f"# {text}"
    if block.part is Part.HEADING:
        return f"{'#' * min(max(block.level, 1), 6) if block.level else '##'} {text}"
    if block.part is Part.LIST_ITEM:
        return f"{'  ' * max(block.level - 1, 0)}- {text}"
    if block.part is Part.QUOTE:
        return f"> {text}"
    return text


def render(article: Article) -> str:
    out: list[str] = []
    previous: Part | None = None
    for block in article.blocks:
        if out:
            tight = block.part is previous and block.part is Part.LIST_ITEM
            joined = block.part is previous and block.part is Part.QUOTE
            out.append("\n" if tight else "\n>\n" if joined else "\n\n")
        out.append(_block(block))
        previous = block.part
    return "".join(out) + "\n"
