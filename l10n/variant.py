"""Simplified → Traditional Chinese with OpenCC, glossary terms layered into OpenCC's own conversion.

Glossary terms go into OpenCC as a user phrase dictionary, beside its own phrase dictionaries, in a
configuration derived from the shipped one. OpenCC segments left to right by longest match, so a term
wins where it is the longest phrase starting at its position. Where one of OpenCC's phrases runs across
its edge, a word segmenter (jieba) decides: 生死轮回归于 stays 輪迴歸於 although the glossary writes 回归
as 回歸 (轮回 is a word), and in 乌云密布洛克曼 the idiom 乌云密布 keeps its 布 from the name 布洛克曼; but
in 2014年谷歌 OpenCC's 年谷 (年穀, harvest) is no word, so 谷歌 stays. A term that stands comes out exactly
as its override (or, without one, as OpenCC converts the term on its own), and later steps of the chain
(Taiwan phrases, variants) leave it alone.
"""
from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .errors import UsageError
from .model import GlossaryEntry, Segment, Target, TermHit
from .words import dictionary_words

# OpenCC config → gettext locale of the variant it produces.
HANT_LOCALES = {"s2t": "zh_Hant", "s2tw": "zh_TW", "s2twp": "zh_TW", "s2hk": "zh_HK"}
DEFAULT_HANT = "s2twp"

_KEPT_VERBATIM = re.compile(r"[0-9A-Za-z]+(?:[.,%][0-9A-Za-z]+)*%?")
# OpenCC's text dictionaries separate key and value by a tab and alternatives by spaces.
_DICTIONARY_UNSAFE = re.compile(r"\s")

Phrases = tuple[tuple[str, str], ...]  # (Simplified term, its Traditional form), sorted


def hant_locale(config: str) -> str:
    try:
        return HANT_LOCALES[config]
    except KeyError:
        choices = ", ".join(HANT_LOCALES)
        raise UsageError(f"unknown OpenCC config {config!r}; choose one of {choices}") from None


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def opencc_version() -> str:
    import opencc

    return opencc.__version__


def convert(text: str, config: str) -> str:
    """OpenCC's conversion, with nothing of the glossary."""
    hant_locale(config)
    return _converter(config).convert(text) if text else text


def _shipped_config(config: str) -> tuple[dict, Path]:
    import opencc

    folder = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    return json.loads((folder / f"{config}.json").read_text(encoding="utf-8")), folder


def _anchor_files(node, folder: Path) -> None:
    """Dictionary file names in the shipped config are relative to its folder; ours lives elsewhere."""
    if isinstance(node, dict):
        if "file" in node:
            node["file"] = str(folder / node["file"])
        for value in node.values():
            _anchor_files(value, folder)
    elif isinstance(node, list):
        for value in node:
            _anchor_files(value, folder)


def _first_in(user: dict, dictionary: dict) -> dict:
    # "union" takes the longest match of either dictionary and, on a tie, the first one: the glossary.
    return {"type": "group", "match_policy": "union", "dicts": [user, dictionary]}


def _write_dictionary(path: Path, pairs) -> dict:
    path.write_text("".join(f"{key}\t{value}\n" for key, value in pairs), encoding="utf-8")
    return {"type": "text", "file": str(path)}


@lru_cache(maxsize=32)
def _layered_converter(config: str, phrases: Phrases):
    """OpenCC with the glossary's phrases in its segmentation and in every step of its conversion chain."""
    if not phrases:
        return _converter(config)
    import opencc

    settings, folder = _shipped_config(config)
    _anchor_files(settings, folder)
    with tempfile.TemporaryDirectory(prefix="l10n-opencc-") as work:  # OpenCC reads everything when built
        user = _write_dictionary(Path(work) / "glossary.txt", phrases)
        kept = _write_dictionary(Path(work) / "glossary-kept.txt", sorted({(hant, hant) for _, hant in phrases}))
        first, *later = settings["conversion_chain"]
        first["dict"] = _first_in(user, first["dict"])
        if "segmentation" in settings:
            settings["segmentation"]["dict"] = _first_in(user, settings["segmentation"]["dict"])
        else:  # s2t segments with its conversion dictionary
            settings["segmentation"] = {"type": "mmseg", "dict": first["dict"]}
        for step in later:
            step["dict"] = _first_in(kept, step["dict"])
        path = Path(work) / f"{config}-glossary.json"
        path.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(path))


def glossary_phrases(entries: Iterable[GlossaryEntry], config: str) -> Phrases:
    """Each Chinese glossary term with its Traditional form: the override for the config's locale, or
    OpenCC's conversion of the term on its own.

    A run layers its whole glossary into one converter, built once: OpenCC takes about 60 ms to build, as
    long as the rest of a document's work. A term absent from a sentence cannot match in it, and one whose
    hit is dropped (it does not win OpenCC's segmentation there) converts the same with or without it."""
    locale = hant_locale(config)
    phrases: dict[str, str] = {}
    for entry in entries:
        source = entry.source
        if source in phrases or _DICTIONARY_UNSAFE.search(source) or not re.search(r"[^\x00-\x7f]", source):
            continue
        traditional = entry.traditional_for(locale) or convert(source, config)
        if not _DICTIONARY_UNSAFE.search(traditional):
            phrases[source] = traditional
    return tuple(sorted(phrases.items()))


def _phrases_of(segments: list[Segment], config: str, phrases: Phrases | None) -> Phrases:
    """The phrases given, or those of the terms the segments hold."""
    if phrases is not None:
        return phrases
    return glossary_phrases({hit.entry.source: hit.entry for s in segments for hit in s.terms}.values(), config)


def _crosses_a_word(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word (jieba's, without guessing new words) runs across an edge of text[start:end]."""
    for _, word_start, word_end in dictionary_words(text):
        if word_start < start < word_end or word_start < end < word_end:
            return True
    return False


def _convert_many(convert_text, texts: list[str]) -> list[str]:
    """Many texts in one OpenCC call, joined by a line break: a call costs about as much as converting a
    sentence, and no OpenCC phrase holds a line break, so no conversion runs across one."""
    if not texts or any("\n" in text for text in texts):
        return [convert_text(text) for text in texts]
    return convert_text("\n".join(texts)).split("\n")


def _standing_terms(segments: list[Segment], convert_text,
                    renderings: dict[str, str]) -> list[list[tuple[TermHit, bool]]]:
    """For each segment, the hits that are the term in its sentence, each with whether OpenCC must be
    overruled to keep it.

    OpenCC converts left to right taking the longest phrase, so a term was a phrase of its own exactly when
    the whole conversion equals the text before it, the term's rendering and the text after it, converted
    apart (a document's pieces go through OpenCC in one call). Where an OpenCC phrase runs across a term,
    the word segmenter decides: 轮回 in 生死轮回归于 and 乌云密布 in 乌云密布洛克曼 are words, so 回归 and 布洛克曼
    are not there; 年谷 in 2014年谷歌 is not a word there, so 谷歌 is.
    """
    pieces: list[str] = []
    for segment in segments:
        rendered = [hit for hit in segment.terms if hit.entry.source in renderings]
        if rendered:
            pieces.append(segment.source)
            for hit in rendered:
                pieces += [segment.source[:hit.start], segment.source[hit.end:]]
    converted = iter(_convert_many(convert_text, pieces))
    per_segment = []
    for segment in segments:
        standing: list[tuple[TermHit, bool]] = []
        whole = next(converted) if any(hit.entry.source in renderings for hit in segment.terms) else None
        for hit in segment.terms:
            rendering = renderings.get(hit.entry.source)
            if rendering is None:
                standing.append((hit, False))
                continue
            before, after = next(converted), next(converted)
            if whole == before + rendering + after:
                standing.append((hit, False))
            elif not _crosses_a_word(segment.source, hit.start, hit.end):
                standing.append((hit, True))
        per_segment.append(standing)
    return per_segment


def _converting(config: str, phrases: Phrases):
    converter = _layered_converter(config, phrases)
    return lambda text: converter.convert(text) if text else text


def respect_boundaries(segments: list[Segment], config: str = DEFAULT_HANT,
                       phrases: Phrases | None = None) -> list[Segment]:
    """Drop the glossary hits that are not the term in their sentence (回归 in 生死轮回归于, 布洛克曼 in
    乌云密布洛克曼), so the Traditional variant, English drafts and QA agree on where the terms are.
    `phrases`: the glossary's (glossary_phrases); None: those of the terms the segments hold."""
    phrases = _phrases_of(segments, config, phrases)
    convert_text = _converting(config, phrases)
    kept_segments = []
    for segment, standing in zip(segments, _standing_terms(segments, convert_text, dict(phrases)), strict=True):
        terms = tuple(hit for hit, _ in standing)
        kept_segments.append(dataclasses.replace(segment, terms=terms) if terms != segment.terms else segment)
    return kept_segments


def _convert_segment(segment: Segment, convert_text, renderings: dict[str, str],
                     standing: list[tuple[TermHit, bool]]) -> str:
    """OpenCC with the glossary layered in; the text is cut around a term only where OpenCC must be overruled."""
    pieces: list[str] = []
    position = 0
    for hit, overruled in standing:
        if overruled:
            pieces += [convert_text(segment.source[position:hit.start]), renderings[hit.entry.source]]
            position = hit.end
    pieces.append(convert_text(segment.source[position:]))
    return "".join(pieces)


def unexplained_changes(source: str, converted: str, plain: str, phrases: Phrases) -> list[str]:
    """Numbers and Latin text the conversion lost or added that neither OpenCC's own dictionaries (its plain
    conversion makes the same change: 乙肝 → B肝, B超 → 超音波) nor a glossary rendering explain."""
    tokens = Counter(_KEPT_VERBATIM.findall(source))
    found = Counter(_KEPT_VERBATIM.findall(converted))
    by_opencc = Counter(_KEPT_VERBATIM.findall(plain))
    by_glossary = Counter(token for pair in phrases for text in pair for token in _KEPT_VERBATIM.findall(text))
    lost = tokens - found - (tokens - by_opencc) - by_glossary
    added = found - tokens - (by_opencc - tokens) - by_glossary
    return list(lost.elements()) + [f"+{token}" for token in added.elements()]


def traditional_variant(segments: list[Segment], config: str = DEFAULT_HANT,
                        phrases: Phrases | None = None) -> Target:
    """Every segment converted. A conversion that changes numbers or Latin text in a way OpenCC's own
    dictionaries and the glossary do not account for keeps its text and gets a QA warning for the reviewer.
    `phrases` as for respect_boundaries."""
    locale = hant_locale(config)
    phrases = _phrases_of(segments, config, phrases)
    convert_text = _converting(config, phrases)
    renderings = dict(phrases)
    overruling = {segment.id: standing for segment, standing in
                  zip(segments, _standing_terms(segments, convert_text, renderings), strict=True)
                  if any(overruled for _, overruled in standing)}
    plain_segments = [segment for segment in segments if segment.id not in overruling]
    texts = dict(zip((segment.id for segment in plain_segments),
                     _convert_many(convert_text, [segment.source for segment in plain_segments]), strict=True))
    notes: dict[str, tuple[str, ...]] = {}
    for segment in segments:
        if segment.id in overruling:
            texts[segment.id] = _convert_segment(segment, convert_text, renderings, overruling[segment.id])
        converted = texts[segment.id]
        if _KEPT_VERBATIM.findall(segment.source) == _KEPT_VERBATIM.findall(converted):
            continue  # nothing to explain; the plain conversion is not needed
        changed = unexplained_changes(segment.source, converted, convert(segment.source, config), phrases)
        if changed:
            notes[segment.id] = (f"QA warning: the conversion changed numbers or Latin text "
                                 f"({' '.join(changed[:3])}); check this entry [variant-changed]",)
    return Target(locale, {segment.id: texts[segment.id] for segment in segments},
                  f"OpenCC {opencc_version()} {config}", notes)
