"""Document → sentences with stable ids.

Sentences end at Chinese terminal punctuation (。！？……) together with the closing quotes and
brackets that follow it. A semicolon or a colon (；：) does not end one: on human translations the English
starts a new sentence at a Chinese ；only about one time in four, and the CAT tools' rules for Chinese and
Unicode's sentence boundaries (UAX #29) do not break there either (docs/segmentation.md). Nothing inside a matched pair of quotes, book-title marks or parentheses is
ever split unless the terminator closes that pair too. Scraped text mixes in half-width ?! and
"......": they end a sentence only where they stand in Chinese text. Inline-markup placeholders
(`<a1>…</a1>`) are never split apart: a sentence end inside a link or emphasis waits for its closing tag.
No segment is only punctuation, markup or invisible characters: such a piece joins the sentence before it.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata

from ..text import placeholders
from ..model import Document, Segment

_FULL_WIDTH_ENDS = frozenset("。！？")
_HALF_WIDTH_ENDS = frozenset("?!")
_ELLIPSIS = "…⋯"
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "（": "）", "(": ")",
          "【": "】", "〔": "〕", "［": "］", "[": "]", "{": "}"}
_CLOSERS = frozenset(_PAIRS.values()) | {'"'}
_BRACKET = re.compile("[" + re.escape("".join(sorted({*_PAIRS, *_CLOSERS}))) + "]")
_MAY_END = re.compile("[" + re.escape("".join(sorted({*_FULL_WIDTH_ENDS, *_HALF_WIDTH_ENDS, *_ELLIPSIS, "."})))
                      + "]")  # every character _is_terminator may accept
_SOFT_FOLLOWERS = frozenset("，,、：:")  # an ellipsis before these trails off mid-sentence
_ID_LENGTH = 10
_WORD = re.compile(r"[\w\u3400-\u9fff]")
_VISIBLE = re.compile(r"\S")
_DOTS = re.compile(r"\.{3,}")


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0003134f"


def _is_chinese_context(char: str) -> bool:
    """Han characters and full-width punctuation mark Chinese running text."""
    return is_han(char) or unicodedata.east_asian_width(char) in ("F", "W")


def _nesting_depths(text: str) -> list[int]:
    """Depth of bracket nesting after each character, counting only pairs that are closed in the text.

    An unmatched opener (a scraping accident) must not swallow the rest of the paragraph.
    """
    steps = [0] * len(text)  # +1 at an opener that is closed, -1 at its closer
    stack: list[tuple[str, int]] = []
    waiting: dict[str, list[int]] = {}  # closer → depths in the stack of the openers it would close
    open_straight_quote: int | None = None
    for match in _BRACKET.finditer(text):
        index, char = match.start(), match[0]
        if char == '"':
            if open_straight_quote is None:
                open_straight_quote = index
            else:
                steps[open_straight_quote], steps[index] = 1, -1
                open_straight_quote = None
        elif char in _PAIRS:
            waiting.setdefault(_PAIRS[char], []).append(len(stack))
            stack.append((char, index))
        elif waiting.get(char):
            depth = waiting[char][-1]
            steps[stack[depth][1]], steps[index] = 1, -1
            for opener, _ in stack[depth:]:  # each is the innermost of its kind: the last of its list
                waiting[_PAIRS[opener]].pop()
            del stack[depth:]
    return list(itertools.accumulate(steps))


def _open_placeholders(text: str) -> list[int]:
    """How many paired placeholders are open after each character (a tag counts as read)."""
    depths = [0] * len(text)
    depth = 0
    position = 0
    for match in placeholders.TAG.finditer(text):
        depths[position:match.start()] = [depth] * (match.start() - position)
        closing, self_closing = match.group(1), match.group(4)
        if not self_closing:
            depth = max(0, depth - 1) if closing else depth + 1
        depths[match.start():match.end()] = [depth] * (match.end() - match.start())
        position = match.end()
    depths[position:] = [depth] * (len(text) - position)
    return depths


def _closing_tag_at(text: str, index: int) -> int:
    """The end of a closing placeholder starting at index, or index when there is none."""
    match = placeholders.TAG.match(text, index)
    return match.end() if match and match.group(1) else index


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; joining them (ignoring spaces between) gives the paragraph back."""
    depths = _nesting_depths(text)
    markup = _open_placeholders(text)
    dots = _ellipsis_dots(text)
    sentences: list[str] = []
    start = 0
    index = 0
    length = len(text)
    while index < length:
        candidate = _MAY_END.search(text, index)
        if candidate is None:
            break
        index = candidate.start()
        if not _is_terminator(text, index, dots):
            index += 1
            continue
        end = index + 1
        while end < length:
            if _is_terminator(text, end, dots) or text[end] in _CLOSERS:
                end += 1
            elif _closing_tag_at(text, end) > end:
                end = _closing_tag_at(text, end)
            else:
                break
        following = _VISIBLE.search(text, end)
        if depths[end - 1] == 0 and markup[end - 1] == 0 and \
                _may_break_before(text, index, following[0] if following else ""):
            sentence = text[start:end].strip()
            if sentence:
                sentences.append(sentence)
            start = end
        index = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _is_terminator(text: str, index: int, dots: bytearray) -> bool:
    char = text[index]
    if char in _FULL_WIDTH_ENDS or char in _ELLIPSIS:
        return True
    if char == ".":
        return bool(dots) and bool(dots[index])
    if char in _HALF_WIDTH_ENDS:
        before = text[index - 1] if index else ""
        return bool(before) and (_is_chinese_context(before) or before in _CLOSERS or before in _HALF_WIDTH_ENDS)
    return False


def _ellipsis_dots(text: str) -> bytearray:
    """1 at each dot of a run of three or more that follows Chinese text ("尔虞我诈......似乎"); empty when
    the text has no such run."""
    dots = bytearray()
    for run in _DOTS.finditer(text):
        if run.start() > 0 and _is_chinese_context(text[run.start() - 1]):
            dots = dots or bytearray(len(text))
            dots[run.start():run.end()] = b"\x01" * (run.end() - run.start())
    return dots


def _may_break_before(text: str, index: int, next_char: str) -> bool:
    """Whether a sentence may end at the terminator at index, given the first visible character after it."""
    if not next_char:
        return True
    if text[index] in _ELLIPSIS or text[index] == ".":
        return next_char not in _SOFT_FOLLOWERS
    if text[index] in _HALF_WIDTH_ENDS:
        # "Yahoo!公司" already failed the before-test; here "可能吗?当然" passes, "吗?OK" does not
        return _is_chinese_context(next_char) or next_char in _PAIRS or next_char == '"'
    return True


def _with_words(sentences: list[str]) -> list[str]:
    """Pieces with no word in them (a lone ）, a stray tag) join the sentence before, or else after."""
    merged: list[list[str]] = []
    pending: list[str] = []
    for sentence in sentences:
        if not _WORD.search(placeholders.strip(sentence)):
            (merged[-1] if merged else pending).append(sentence)
            continue
        merged.append([*pending, sentence])
        pending = []
    return ["".join(pieces) for pieces in merged]


def segment_id(source: str) -> str:
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:_ID_LENGTH]


def segment_document(document: Document) -> list[Segment]:
    """Every sentence of every paragraph, in order, with an id that depends only on its own text.

    A sentence that occurs more than once gets a suffix by occurrence (…-2), so ids stay unique.
    """
    segments: list[Segment] = []
    seen: dict[str, int] = {}
    for paragraph in document.paragraphs:
        for number, sentence in enumerate(_with_words(split_sentences(paragraph.text)), start=1):
            base = segment_id(sentence)
            seen[base] = seen.get(base, 0) + 1
            identifier = base if seen[base] == 1 else f"{base}-{seen[base]}"
            segments.append(Segment(identifier, paragraph.index, number, paragraph.part, paragraph.line, sentence))
    return segments
