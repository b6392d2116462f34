"""A document's reviewed catalogs, read against its structure: one translation per segment and locale.

Entries are found by msgctxt (the segment id, in catalogs that carry one) and msgid together, or by
msgid alone, so catalogs with and without the id context both work. QA findings are the `QA error:` /
`QA warning:` comment lines the last `run` wrote.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from . import po
from .errors import UsageError
from .model import Segment

SOURCE_LANGUAGE = "zh-Hans"
_LANGUAGE_TAGS = {"en": "en", "zh_TW": "zh-Hant-TW", "zh_HK": "zh-Hant-HK", "zh_Hant": "zh-Hant"}
_QA_ERROR = "QA error: "
_QA_WARNING = "QA warning: "
_GLOSSARY = "glossary: "


def language_tag(locale: str) -> str:
    """BCP 47 tag of a gettext locale, with the script: XLIFF, HTML, and TMX when asked for (bcp47)."""
    return _LANGUAGE_TAGS.get(locale, locale.replace("_", "-"))


# How exchange files name languages. "cat": the region codes CAT tools match on (zh-CN, zh-TW, zh-HK, en):
# OmegaT compares a TMX language's first two letters and the two after the hyphen with its project's language
# and country, so zh-Hant-TW is "zh" from country "Ha" to it. "bcp47": with the script (zh-Hans, zh-Hant-TW).
TAG_SCHEMES = ("cat", "bcp47")
CAT_SOURCE_LANGUAGE = "zh-CN"


def exchange_tag(locale: str | None, scheme: str) -> str:
    """The tag an exchange file gives a catalog's locale, or the Simplified source (None)."""
    if scheme == "cat":
        return CAT_SOURCE_LANGUAGE if locale is None else locale.replace("_", "-")
    return SOURCE_LANGUAGE if locale is None else language_tag(locale)


def spacing(locale: str) -> str:
    """What joins the sentences of one paragraph: nothing in Chinese, a space elsewhere."""
    return "" if locale.split("_")[0] in ("zh", "ja") else " "


@dataclass(frozen=True)
class Translation:
    text: str
    fuzzy: bool
    line: int | None  # of the entry in its catalog
    comments: tuple[str, ...]  # the extracted comment lines (#.)

    def _lines(self, prefix: str) -> list[str]:
        return [line[len(prefix):] for line in self.comments if line.startswith(prefix)]

    @property
    def qa_errors(self) -> list[str]:
        return self._lines(_QA_ERROR)

    @property
    def qa_warnings(self) -> list[str]:
        return self._lines(_QA_WARNING)

    @property
    def glossary_notes(self) -> list[str]:
        return self._lines(_GLOSSARY)


@dataclass(frozen=True)
class Catalog:
    locale: str
    path: Path
    translations: dict[str, Translation]  # by segment id; a segment missing here has no entry at all


def catalog_paths(folder: Path, locales: tuple[str, ...] = ()) -> dict[str, Path]:
    """The catalogs of a document's folder by locale: the ones asked for, or every one there is."""
    found = {path.stem: path for path in sorted(folder.glob("*.po"))}
    if not locales:
        return found
    missing = [locale for locale in locales if locale not in found]
    if missing:
        raise UsageError(f"no {', '.join(f'{locale}.po' for locale in missing)} here", folder)
    return {locale: found[locale] for locale in locales}


def _translation(entry: polib.POEntry) -> Translation:
    return Translation(entry.msgstr, entry.fuzzy, entry.linenum, tuple(entry.comment.splitlines()))


def read(path: Path, segments: list[Segment]) -> Catalog:
    entries = [entry for entry in po.read_catalog(path) if not entry.obsolete]
    by_key = {(entry.msgctxt, entry.msgid): entry for entry in entries}
    translations: dict[str, Translation] = {}
    for segment in segments:
        entry = by_key.get((segment.id, segment.source)) or by_key.get((None, segment.source))
        if entry is not None:
            translations[segment.id] = _translation(entry)
    return Catalog(path.stem, path, translations)


def template_notes(folder: Path, name: str, segments: list[Segment]) -> dict[str, Translation]:
    """The template's entries (glossary notes) by segment id; empty when the template is missing."""
    path = folder / f"{name}.pot"
    return read(path, segments).translations if path.is_file() else {}
