"""Where the article is, after the body-text extraction idea of Finn, Kushmerick and Smyth (2001): every block
scores its prose (characters outside links, in blocks with sentence punctuation) minus its markup and a cost
per block, chrome counting against; the article is the run of blocks (flat formats) or the element (HTML)
with the highest total. Flat text widens the gaps that hold chrome and crosses lists inside the article;
HTML widens to the element that holds most of the page's paragraphs, so no page loses most of its prose.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Part
from .readers.base import PageBlock

_MIN_PROSE_CHARS = 10
_SENTENCE_MIN_CHARS = 4
_BLOCK_COST = 8
_MARKUP_WEIGHT = 0.25
_CHROME_COST = 40
_CHROME_CHARS_COUNTED = 100  # chrome costs its length up to the longest notice
_CLOSING_GAP = 3 * _BLOCK_COST  # what a closing heading and paragraph may cost beyond their prose
_PARAGRAPH_MIN_CHARS = 20
NEUTRAL = {"image", "no text (punctuation or markup only)", "code block",  # these stand in articles too
           "date line"}  # and news sites print it inside the article's own container
_SENTENCE_PUNCTUATION = re.compile(r"[，。；！？、：,;!?]")
_PARAGRAPH_END = re.compile(r"[。！？!?”」』]$")
_WORD_CHAR = re.compile(r"[\w\u3400-\u9fff]")


def prose(block: PageBlock) -> int:
    """Characters of the block's own prose: outside links, in a block with sentence punctuation."""
    own = len(block.plain.replace(" ", "")) - block.link_chars
    return own if own >= _MIN_PROSE_CHARS and _SENTENCE_PUNCTUATION.search(block.plain) else 0


def reads_as_sentence(block: PageBlock) -> bool:
    return bool(prose(block)) or bool(_PARAGRAPH_END.search(block.plain)) \
        and len(_WORD_CHAR.findall(block.plain)) >= _SENTENCE_MIN_CHARS


def _is_paragraph(block: PageBlock) -> bool:
    """A block that reads as a paragraph: long enough, sentences in it, and it ends like one (links count
    as text: an encyclopedia's paragraph full of links is still one)."""
    return len(block.plain) >= _PARAGRAPH_MIN_CHARS and bool(_PARAGRAPH_END.search(block.plain)) \
        and bool(_SENTENCE_PUNCTUATION.search(block.plain[:-1]))


def score(block: PageBlock, reason: str | None) -> float:
    """Prose characters minus markup and a cost per block; chrome counts against."""
    length = len(block.plain.replace(" ", ""))
    if reason == "code block":  # a listing stands in the article's text, however long it is
        return -_BLOCK_COST
    if reason in NEUTRAL:
        return -_BLOCK_COST - _MARKUP_WEIGHT * block.markup_chars
    if reason is not None:
        return -(_CHROME_COST + min(length, _CHROME_CHARS_COUNTED))
    return prose(block) - _BLOCK_COST - _MARKUP_WEIGHT * block.markup_chars


def members(blocks: list[PageBlock]) -> dict[int, list[int]]:
    """Each element's blocks, in order."""
    members: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        for element in block.container:
            members.setdefault(element, []).append(index)
    return members


def article_region(blocks: list[PageBlock], removed: dict[int, str], flat: bool,
                   ends_text: Callable[[PageBlock], bool]) -> set[int]:
    """The article's blocks: those of the best run (flat formats) or element (HTML) that nothing rules out;
    ends_text says which lines close a text (a credit), past which flat text's run does not reach."""
    scores = [score(block, removed.get(index)) for index, block in enumerate(blocks)]
    if any(block.container for block in blocks):
        region = _holding_most_prose(blocks, removed, _best_element(blocks, scores))
        _restore_linked_headings(blocks, removed, region)
    else:
        if flat:
            closing = [-_CHROME_COST if ends_text(block) else value  # 责任编辑 ends a text
                       for block, value in zip(blocks, _gaps_widen(scores, removed))]
            region = _across_lists(_best_run(closing), blocks, removed)
        else:
            region = _with_closing_prose(_best_run(scores), scores, removed)
    if not region:  # nothing reads as prose (a short note): every block not ruled out is the article
        return {index for index in range(len(blocks)) if index not in removed}
    return {index for index in region if index not in removed}


def _gaps_widen(scores: list[float], removed: dict[int, str]) -> list[float]:
    """Flat text has no markup to say where the article ends, only its gaps: an article's paragraphs follow
    one another, a heading, a caption or a list between them, while the page around it is long stretches of
    short lines (menus, widgets, counters) with now and then a teaser's sentence. So in a stretch without
    prose that holds chrome, the k-th block costs k times a block's cost (a stretch of n costs about n²/2
    blocks), and the densest run no longer reaches across a page's widgets to the teasers and comments
    beyond them; a stretch of short lines with no chrome in it (a list inside the article) costs what it
    did. A listing costs what one block costs, as a fenced block does in Markdown, and neither widens a gap
    nor closes one: a tutorial's code is part of its text."""
    listing = {index for index, reason in removed.items() if reason == "code block"}
    widened = list(scores)
    stretch: list[int] = []
    for index in [*range(len(scores)), len(scores)]:
        if index in listing:
            widened[index] = 0.0 if index - 1 in listing else scores[index]
            continue
        if index < len(scores) and scores[index] <= 0:
            stretch.append(index)
            continue
        if any(member in removed for member in stretch):
            for k, member in enumerate(stretch):
                widened[member] -= _BLOCK_COST * k
        stretch = []
    return widened


def _best_run(scores: list[float]) -> range:
    """The run of consecutive blocks with the highest total score (Kadane)."""
    best, best_range = 0.0, range(0)
    total, start = 0.0, 0
    for index, value in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += value
        if total > best:
            best, best_range = total, range(start, index + 1)
    return best_range


def _with_closing_prose(run: range, scores: list[float], removed: dict[int, str]) -> range:
    """The run, extended over a short closing section (a heading and a paragraph under it) that costs a
    little less than it adds: the densest run stops before it, yet nothing ruled out stands between."""
    end, total = run.stop, 0.0
    for index in range(run.stop, len(scores)):
        if index in removed and removed[index] not in NEUTRAL:
            break
        total += scores[index]
        if total < -_CLOSING_GAP:
            break
        if scores[index] > 0:
            end = index + 1
    return range(run.start, end) if run else run


def _across_lists(run: range, blocks: list[PageBlock], removed: dict[int, str]) -> range:
    """Flat text: the run, extended each way to the last paragraph that nothing ruled out separates from it.
    A list of short lines inside an article (a travel piece's attractions, a list of winners) costs more than
    the paragraphs after it add, yet it is no chrome: the article goes on past it. Chrome (a share bar, a
    related list's heading, a counter) stops the extension, and only paragraphs extend it, not headlines."""
    if not run:
        return run
    start, stop = run.start, run.stop
    for step, bound in ((1, len(blocks)), (-1, -1)):
        index = stop if step == 1 else start - 1
        while index != bound and not (index in removed and removed[index] not in NEUTRAL):
            if _is_paragraph(blocks[index]):
                start, stop = (start, index + 1) if step == 1 else (index, stop)
            index += step
    return range(start, stop)


def _best_element(blocks: list[PageBlock], scores: list[float]) -> set[int]:
    """The element whose blocks have the highest total score: the article's container."""
    totals: dict[int, float] = {}
    blocks_of = members(blocks)
    for index, block in enumerate(blocks):
        for element in block.container:
            totals[element] = totals.get(element, 0.0) + scores[index]
    if not totals or max(totals.values()) <= 0:
        return set()
    # the innermost of equally good elements: its parent adds nothing
    best = max(totals, key=lambda element: (totals[element], -len(blocks_of[element])))
    return set(blocks_of[best])


def _holding_most_prose(blocks: list[PageBlock], removed: dict[int, str], region: set[int]) -> set[int]:
    """No page loses most of its prose. When the best element holds less than half of the page's paragraphs
    (blocks that end like sentences, links counted as text, nothing ruled out as chrome), and so the rest of
    the page reads as prose rather than as lists or comments, the article is the nearest element around it
    that holds more than half: an encyclopedia entry whose references outweigh each section, a travel piece
    whose attractions each carry a rating bar."""
    paragraphs = {index: len(block.plain) for index, block in enumerate(blocks)
                  if index not in removed and _is_paragraph(block)}
    total = sum(paragraphs.values())
    if not region or 2 * sum(paragraphs.get(index, 0) for index in region) > total:
        return region
    blocks_of = members(blocks)
    shared = [element for element in blocks[min(region)].container if set(blocks_of[element]) >= region]
    for element in reversed(shared):
        if 2 * sum(paragraphs.get(index, 0) for index in blocks_of[element]) > total:
            return set(blocks_of[element])
    return region



def _restore_linked_headings(blocks: list[PageBlock], removed: dict[int, str], region: set[int]) -> None:
    """A heading inside the article that links somewhere (a travel piece's <h3><a>故宫</a></h3>) over the
    paragraph it heads is the article's section heading, not a link to another article."""
    for index in sorted(region):
        if removed.get(index) == "list of links" and blocks[index].part is Part.HEADING \
                and index + 1 in region and index + 1 not in removed and reads_as_sentence(blocks[index + 1]):
            del removed[index]
