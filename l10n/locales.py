"""Every language l10n reads or writes, one row each, with what each format calls it: the Simplified source,
English, and the Traditional editions (their rows come from editions/, which holds the rest of what an edition
is). A new target language is a row here; a new Traditional edition is a row in editions/.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import editions


@dataclass(frozen=True)
class Language:
    locale: str  # gettext's, the catalog's name: en.po, zh_TW.po
    tag: str  # BCP 47 with the script: XLIFF, HTML, the review page, TMX with --tags bcp47
    name: str  # for people: the review page's columns
    plural_forms: str = "nplurals=1; plural=0;"  # the catalog header's Plural-Forms

    @property
    def cat_tag(self) -> str:
        """The region code CAT tools match on (zh-TW, en): OmegaT compares a TMX language's first two letters and
        the two after the hyphen with its project's language and country, so zh-Hant-TW is "zh" from country
        "Ha" to it."""
        return self.locale.replace("_", "-")


SOURCE = Language("zh_CN", "zh-Hans", "Simplified (source)")
ENGLISH = Language("en", "en", "English", "nplurals=2; plural=(n != 1);")
TARGETS = {ENGLISH.locale: ENGLISH,
           **{edition.locale: Language(edition.locale, edition.tag, edition.name) for edition in editions.NEWSROOM}}
# How exchange files name languages: "cat", the region codes CAT tools match on (zh-CN, zh-TW, zh-HK, en);
# "bcp47", with the script (zh-Hans, zh-Hant-TW).
TAG_SCHEMES = ("cat", "bcp47")


def of(locale: str) -> Language:
    """A catalog locale's row; a locale no row has (en_GB, zh_MO) keeps its own name, and English's plurals."""
    found = TARGETS.get(locale)
    if found is not None:
        return found
    plurals = ENGLISH.plural_forms if locale.split("_")[0] == "en" else Language.plural_forms
    return Language(locale, locale.replace("_", "-"), locale, plurals)


def exchange_tag(locale: str | None, scheme: str) -> str:
    """The tag an exchange file gives a catalog's locale, or the Simplified source (None)."""
    language = SOURCE if locale is None else of(locale)
    return language.cat_tag if scheme == "cat" else language.tag


def locale_of(tag: str) -> str | None:
    """The catalog locale of a language tag (en-US, zh-Hant-TW, zh-tw …), for the targets this project writes."""
    tag = tag.lower().replace("_", "-")
    if tag == "en" or tag.startswith("en-"):
        return ENGLISH.locale
    edition = editions.by_tag(tag)
    return edition.locale if edition is not None else None


def sentence_joiner(locale: str) -> str:
    """What joins the sentences of one paragraph: nothing in Chinese, a space elsewhere."""
    return "" if locale.split("_")[0] in ("zh", "ja") else " "
