"""Human-readable summaries of what a run did, for the terminal."""
from __future__ import annotations

from ..model import Document, Removal


def _group(removals: tuple[Removal, ...]) -> list[list[Removal]]:
    groups: list[list[Removal]] = []
    for removal in removals:
        if groups and groups[-1][-1].reason == removal.reason:
            groups[-1].append(removal)
        else:
            groups.append([removal])
    return groups


def removal_report(document: Document) -> list[str]:
    """One line per run of removed lines that share a reason, quoting the first of them."""
    lines = []
    for group in _group(document.removed):
        first, last = group[0], group[-1]
        where = f"line {first.line}" if first is last else f"lines {first.line}-{last.line} ({len(group)} lines)"
        quote = first.text if len(first.text) <= 40 else first.text[:39] + "…"
        lines.append(f"  {where}: {first.reason}: {quote}")
    return lines
