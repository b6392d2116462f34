"""Phrases that one of OpenCC's phrases ran into: OpenCC segments by the longest phrase from the left, so a phrase
that runs across a word's edge takes the start of the word after it and keeps that word's own phrase out, even
where it changes no character (在出 before 出租车, 新发 before 发动机, 总统制 before 制造, 来复 before 复苏).

A second converter, the probe, holds only the phrases that change something (the layers' rules and OpenCC's
phrases that decide a character) and finds where each would stand on its own; where the edition's conversion
wrote something else there, variant.py looks at the sentence's words (the word segmenter decides, as for the other
checks) and converts the sentence again cut before the phrase. The probe is one OpenCC call per document."""
from __future__ import annotations

import json
import tempfile
from bisect import bisect_right
from pathlib import Path

from . import compiled, layers
from .stacks import MARKS, Convert, mark, strip_marks


# OpenCC 1.1's longest phrase is 14 characters (TWPhrases; opencc_dict's text dump of its .ocd2 files); room for more.
_LONGEST_OPENCC_PHRASE = 32


class Probe:
    """The phrases that change something, each marked: converting a text with it tells where each stands."""

    def __init__(self, rules: list[str]):
        self.keys = sorted({*rules, *layers.deciding_phrases()})
        self.key_of = {mark(index): key for index, key in enumerate(self.keys)}  # a phrase by its mark
        self._converter = None

    @property
    def converter(self):
        if self._converter is None:
            self._converter = _build(self.keys)
        return self._converter

    def convert(self, text: str) -> str:
        return self.converter.convert(text) if text else text


def _build(keys: list[str]):
    import opencc

    with tempfile.TemporaryDirectory(prefix="l10n-probe-") as work:  # OpenCC reads everything when built
        dictionary = compiled.dictionary(((key, mark(index) + key) for index, key in enumerate(keys)), Path(work))
        settings = {"name": "probe", "segmentation": {"type": "mmseg", "dict": dictionary},
                    "conversion_chain": [{"dict": dictionary}]}
        config = Path(work) / "probe.json"
        config.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(config))


def blocked(probe: Probe, source: str, probed: str, marked: str, runs: list[tuple[int, int, int]],
            alone: Convert, convert_text: Convert, longest_rule: int) -> list[tuple[int, int]]:
    """The phrases the probe found (`probed`: its conversion of `source`) that the edition's conversion (`marked`,
    read into `runs`) did not write as the phrase alone (`alone`: the edition's conversion of a phrase by itself,
    marks removed), in OpenCC's own text (a rule beside or across another rule is the rules' longest match, not
    this), and that converting OpenCC's text from the phrase on would write so: not where a longer phrase begins
    with it (比特币 for 比特). OpenCC matches from the left, so a phrase's text is decided by the characters no
    further than its end plus the longest key of the converter's dictionaries (`longest_rule`: the table's)."""
    if not MARKS.search(probed):
        return []
    run_starts = [run[0] for run in runs]
    key_of = probe.key_of
    spans = []
    for count, found in enumerate(MARKS.finditer(probed)):  # most phrases are written as alone: that test first
        start, key = found.start() - count, key_of[found.group()]  # in the source: the marks before it are not
        end = start + len(key)
        at = bisect_right(run_starts, start) - 1
        if at < 0:
            continue
        source_start, output_start, output_end = runs[at]
        shift = output_start - source_start
        if end > output_end - shift or marked[start + shift:end + shift] == alone(key):
            continue  # a rule stands in it or beside it, or the phrase is written as alone
        reach = min(output_end - shift, end + max(_LONGEST_OPENCC_PHRASE, longest_rule))  # what decides its text
        if strip_marks(convert_text(source[start:reach])).startswith(alone(key)):
            spans.append((start, end))
    return spans


def alone_in(convert_text: Convert) -> Convert:
    """A phrase's conversion on its own, its marks removed, kept per phrase."""
    cache: dict[str, str] = {}

    def alone(key: str) -> str:
        if key not in cache:
            cache[key] = strip_marks(convert_text(key))
        return cache[key]
    return alone
