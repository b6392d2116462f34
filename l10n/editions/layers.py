"""An edition's regional data, read from `data/editions/` (derived by scripts/derive_edition_data.py; sources and
licences in data/editions/README.md): what each layer rewrites, and in which context.

Files per region: <region>-vocabulary.tsv (layer 2), <region>-names.tsv (layer 3), <region>-characters.tsv
(regional variant characters of layer 1). phrase-checks.txt: OpenCC phrases checked against the sentence's words.
deciding-phrases.txt: OpenCC's phrases that decide a character (blocked.py; variant.py: the common ones' cut).
neighbours.tsv: what neighbours.py reads.
<region>-senses.tsv: words of two senses whose neighbours decide the regional one (senses.py).
A missing file is an empty layer: an edition with no data is OpenCC's characters and the punctuation layer.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.notes import NAME, SOFTWARE, VOCABULARY

DATA = Path(__file__).parent.parent / "data" / "editions"


@dataclass(frozen=True)
class Rewrite:
    """One rule of a layer: where the Simplified `source` stands as a word, the edition prints `rendering`."""

    layer: str  # VOCABULARY, SOFTWARE or NAME: what the reviewer's note calls it
    source: str
    rendering: str
    context: str = "general"  # software: only where the text is about software
    changes: bool = True  # False: it writes what OpenCC writes, and stands only to be the longer phrase there
    plain: str = ""  # OpenCC's conversion of the source (vocabulary)
    technical: bool = False  # a computing term (OpenCC's TWPhrases but its names): a sign a text is about software
    opencc_phrase: bool = False  # one of OpenCC's longer phrases, with a rule's rendering inside (克罗地亚语)


INSIDE_PHRASE = "inside OpenCC's phrase"  # how the data marks those (derive_edition_data.inside_phrases)


def _rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line]


@lru_cache(maxsize=None)
def rewrites(region: str | None) -> tuple[Rewrite, ...]:
    """The region's vocabulary and names; a source in both is a name."""
    if region is None:
        return ()
    found: dict[str, Rewrite] = {}
    regional = str.maketrans(dict(characters(region)))  # OpenCC's text of a phrase, as the region prints it
    for source, rendering, context, origin, plain, computing in _rows(DATA / f"{region}-vocabulary.tsv"):
        plain = plain.translate(regional)
        layer = SOFTWARE if context == "software" else NAME if computing == "name" else VOCABULARY
        found[source] = Rewrite(layer, source, rendering, context, rendering != plain, plain,
                                computing == "yes" and context == "general", origin.endswith(INSIDE_PHRASE))
    for source, rendering, group in _rows(DATA / f"{region}-names.tsv"):
        found[source] = Rewrite(NAME, source, rendering, opencc_phrase=group.endswith(INSIDE_PHRASE))
    return tuple(found.values())


@dataclass(frozen=True)
class Sense:
    """A word of two senses, `rendering` in the one that `before` (right before it; none: anywhere) picks where the
    next word has one of `next_tags`' parts of speech (jieba's; none: any) and is one of `after` (none: any word),
    unless `not_after` (right after it) says the other."""

    source: str
    rendering: str
    before: tuple[str, ...]
    not_after: tuple[str, ...]
    next_tags: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def senses(region: str | None) -> tuple[Sense, ...]:
    if region is None:
        return ()
    return tuple(Sense(source, rendering, tuple(before.split()), tuple(not_after.split()), tuple(next_tags.split()),
                       tuple(after.split()))
                 for source, rendering, before, after, not_after, next_tags, _ in _rows(DATA / f"{region}-senses.tsv"))


@lru_cache(maxsize=None)
def characters(region: str | None) -> tuple[tuple[str, str], ...]:
    """(OpenCC's character, the region's) pairs, applied to OpenCC's Traditional text."""
    if region is None:
        return ()
    return tuple((written, printed) for written, printed, _ in _rows(DATA / f"{region}-characters.tsv"))


def _lines(name: str) -> tuple[str, ...]:
    path = DATA / name
    return tuple(path.read_text(encoding="utf-8").split()) if path.is_file() else ()


@lru_cache(maxsize=1)
def phrase_checks() -> tuple[str, ...]:
    """OpenCC's character-deciding phrases that are no common word: checked against the words around them."""
    return _lines("phrase-checks.txt")


@lru_cache(maxsize=1)
def deciding_phrases() -> tuple[str, ...]:
    """OpenCC's phrases that write a character otherwise than on its own (制造 製造)."""
    return _lines("deciding-phrases.txt")


@lru_cache(maxsize=1)
def longer_names() -> frozenset[str]:
    """Names in jieba's dictionary that hold one of the rules' phrases (格拉斯哥 holds 格拉斯)."""
    return frozenset(_lines("longer-names.txt"))


@lru_cache(maxsize=1)
def neighbours() -> dict[tuple[str, str], frozenset[str]]:
    """(what, character) → its items, for neighbours.py: ("ends", "里") → the common words ending with 里 …"""
    return {(what, char): frozenset(items.split()) for what, char, items in _rows(DATA / "neighbours.tsv")}


@lru_cache(maxsize=1)
def known_names() -> tuple[str, ...]:
    """Mainland names of people, places and brands, with a regional form or not: where one of OpenCC's phrases
    runs into one (年谷 into 谷歌), the name stands."""
    return _lines("known-names.txt")


@lru_cache(maxsize=1)
def signature() -> str:
    """A digest of all the regional data: a run's record changes when the data does, so its drafts are redone."""
    digest = hashlib.sha256()
    for path in sorted(DATA.glob("*")):
        if path.suffix in (".tsv", ".txt"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
