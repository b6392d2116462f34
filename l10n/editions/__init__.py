"""The Traditional editions, one row each: what every module needs to know about an edition lives here.

An edition is a stack of layers over OpenCC (variant.py builds it): characters and regional variant characters
(the row's OpenCC base configuration), regional vocabulary, regional names and places, punctuation, and the
desk's glossary. Adding an edition is one row here plus its data files under `data/editions/` (layers.py reads
them). The `plain-…` rows are OpenCC alone, for comparison.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..plumbing.errors import UsageError


@dataclass(frozen=True)
class QuoteStyle:
    """The marks quotations get: the outer pair, and the pair for a quotation inside a quotation."""

    outer: tuple[str, str]
    inner: tuple[str, str]


CORNER_BRACKETS = QuoteStyle(("「", "」"), ("『", "』"))


@dataclass(frozen=True)
class Edition:
    key: str  # the name --editions and the settings key `editions` take: tw, hk, hant, plain-s2twp …
    name: str  # for people: the review page's column, messages
    opencc: str  # OpenCC's configuration for the characters layer (plain rows: all that is done)
    locale: str  # gettext locale of its catalog: zh_TW.po
    tag: str  # BCP 47 language tag: XLIFF, HTML, TMX
    glossary_column: str  # the glossary.csv column holding the desk's overrides for it
    quotes: QuoteStyle | None = None  # None: quotation marks as OpenCC leaves them (“”)
    region: str | None = None  # the regional data it reads (data/editions/<region>-*.tsv); None: none
    metre: str | None = None  # what 米 after a number (the metre) is written as, with a note (公尺); None: 米
    aliases: tuple[str, ...] = ()  # other names for the same edition (the OpenCC configurations it replaced)

    @property
    def plain(self) -> bool:
        """OpenCC's conversion and nothing else."""
        return self.region is None and self.quotes is None and self.metre is None


TAIWAN = Edition("tw", "Traditional (Taiwan)", "s2tw", "zh_TW", "zh-Hant-TW", "zh_TW", CORNER_BRACKETS, "tw",
                 metre="公尺", aliases=("s2twp", "s2tw"))
HONG_KONG = Edition("hk", "Traditional (Hong Kong)", "s2hk", "zh_HK", "zh-Hant-HK", "zh_HK", CORNER_BRACKETS, "hk",
                    aliases=("s2hk",))
TRADITIONAL = Edition("hant", "Traditional", "s2t", "zh_Hant", "zh-Hant", "zh_Hant", CORNER_BRACKETS, "hant",
                      aliases=("s2t",))
NEWSROOM = (TAIWAN, HONG_KONG, TRADITIONAL)


def _plain(config: str, like: Edition) -> Edition:
    """OpenCC's configuration alone, writing the catalog of the newsroom edition `like`."""
    return dataclasses.replace(like, key=f"plain-{config}", name=f"{like.name}, plain OpenCC {config}", opencc=config,
                               quotes=None, region=None, metre=None, aliases=())


PLAIN = (_plain("s2t", TRADITIONAL), _plain("s2tw", TAIWAN), _plain("s2twp", TAIWAN), _plain("s2hk", HONG_KONG),
         _plain("s2hkp", HONG_KONG))
EDITIONS: dict[str, Edition] = {edition.key: edition for edition in (*NEWSROOM, *PLAIN)}
_BY_NAME = {**{alias: edition for edition in NEWSROOM for alias in edition.aliases}, **EDITIONS}
DEFAULT = TAIWAN.key
# A catalog's locale → the edition that usually makes it, for catalogs that do not say (l10n check).
BY_LOCALE = {edition.locale: edition for edition in NEWSROOM}
# The overrides of every edition, the Traditional one first: the column every edition falls back on.
GLOSSARY_COLUMNS = tuple(dict.fromkeys(edition.glossary_column for edition in (TRADITIONAL, *NEWSROOM)))


def names() -> tuple[str, ...]:
    """Every spelling an edition may be given by: keys, then the OpenCC names they replaced."""
    return tuple(_BY_NAME)


def get(name: str) -> Edition:
    try:
        return _BY_NAME[name]
    except KeyError:
        choices = ", ".join(edition.key for edition in NEWSROOM)
        plain = ", ".join(edition.key for edition in PLAIN)
        raise UsageError(f"unknown edition {name!r}; choose {choices} (the newsroom editions; s2twp and s2hk "
                         f"mean tw and hk) or, for OpenCC alone, {plain}") from None


def by_tag(tag: str) -> Edition | None:
    """The edition of a BCP 47 tag (zh-Hant-TW, zh-TW, zh-hk …), case-insensitive."""
    tag = tag.lower().replace("_", "-")
    for edition in NEWSROOM:
        if tag in (edition.tag.lower(), edition.locale.lower().replace("_", "-")):
            return edition
    return None


# Chinese regions whose locale means the Traditional script without naming it, beyond the regions the rows write
# (their tags say it: zh-Hant-TW): CLDR's likely subtags give zh-MO → zh-Hant-MO.
_TRADITIONAL_BY_CLDR = ("mo",)


def is_traditional(locale: str) -> bool:
    """Whether a catalog locale or language tag (zh_TW, zh_Hant, zh-Hant-MO, zh_MO) is Chinese in the Traditional
    script: its script subtag says so, or it names a region whose Chinese is written so."""
    language, *rest = locale.lower().replace("-", "_").split("_")
    if language != "zh" or not rest:
        return False
    hant = TRADITIONAL.tag.lower()  # zh-hant
    if len(rest[0]) == 4:  # a script subtag (Hant, Hans)
        return f"zh-{rest[0]}" == hant
    regions = {edition.tag.lower().split("-")[-1] for edition in NEWSROOM if edition.tag.lower().startswith(f"{hant}-")}
    return rest[-1] in regions or rest[-1] in _TRADITIONAL_BY_CLDR
