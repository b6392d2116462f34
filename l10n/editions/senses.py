"""Words of two senses whose neighbours decide which one a sentence has, where the region has a word of its own for
one of them (<region>-senses.tsv): in Taiwan 应用 is an app, 應用程式, right after a determiner (该应用), the classifier
of products (一款应用) or a device (手机应用), unless 于, 到 or 在 after it make it the verb 'apply' (该技术应用于);
elsewhere it is the application of a technique, 應用. A word with no words before it to look for has its regional
sense unless a word after it says the other: 跟踪 is tracking, 追蹤, but following a person in 跟踪骚扰 (跟蹤).

A decision is a rule of the edition's table (stacks.Stack.senses) that OpenCC's dictionary does not hold: it is put
in OpenCC's own text where the word stands there, with its mark, so it is read back and noted like any rule."""
from __future__ import annotations

from .stacks import Stack, mark


def concerns(stack: Stack, source: str) -> bool:
    return any(sense.source in source for sense, _ in stack.senses)


def decide(stack: Stack, source: str, marked: str, runs: list[tuple[int, int, int]]) -> str:
    """`marked` (the conversion, read into `runs` of OpenCC's own text) with each word its neighbours decide."""
    replacements = []  # (start, end) in the conversion, and what goes there
    for sense, index in stack.senses:
        start = source.find(sense.source)
        while start >= 0:
            end = start + len(sense.source)
            if (not sense.before or any(source.endswith(cue, 0, start) for cue in sense.before)) \
                    and not any(source.startswith(word, end) for word in sense.not_after):
                run = next((run for run in runs if run[0] <= start and end <= run[0] + run[2] - run[1]), None)
                if run is not None:
                    replacements.append((run[1] + start - run[0], run[1] + end - run[0], mark(index) + sense.rendering))
            start = source.find(sense.source, start + 1)
    pieces, cursor = [], 0
    for start, end, text in sorted(replacements):
        pieces += [marked[cursor:start], text]
        cursor = end
    return "".join(pieces) + marked[cursor:]
