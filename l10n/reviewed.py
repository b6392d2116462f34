"""A document's reviewed catalogs, read against its structure: one translation per segment and locale.

Entries are found by msgctxt (the segment id, in catalogs that carry one) and msgid together, or by
msgid alone, so catalogs with and without the id context both work. QA findings are the `QA error:` /
`QA warning:` comment lines the last `run` wrote. A `#.` line that does not begin like one of our notes
(NOTE_STARTS) is the rest of the note above it: tools such as polib re-wrap long comments at 78 columns.
Whether a text is still the machine's, and where it came from, is the folder's record (machine.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from . import editions, layers, machine, po
from .errors import UsageError
from .model import Segment

SOURCE_LANGUAGE = "zh-Hans"
_LANGUAGE_TAGS = {"en": "en", **{edition.locale: edition.tag for edition in editions.NEWSROOM}}
_QA_ERROR = "QA error: "
_QA_WARNING = "QA warning: "
_GLOSSARY = "glossary: "
_ORIGINS = ("machine draft: ", "translation memory: ", "reference: ")
# How each `#.` note a run writes begins: where the sentence sits (po.py), glossary terms (glossary.py), what a
# placeholder stands for (placeholders.describe), how a draft was made (translate/enforce.py, memory.py,
# align/reference.py), what an edition's layers changed (variant.py, layers.py), the new machine text beside a
# reviewer's (merge.py), QA findings (qa/findings.py, variant.py). A new kind of note must be added here, or a
# re-wrapped catalog glues it to the note above (tests/test_exchange.py checks every note a run writes).
_NOTE_LABELS = ("glossary", "QA error", "QA warning", "machine draft", "MT glossary", "translation memory", "reference",
                "new machine text, for comparison", layers.VOCABULARY, layers.SOFTWARE, layers.NAME, "word boundary",
                "punctuation")
NOTE_STARTS = re.compile(f"(?:{'|'.join(map(re.escape, _NOTE_LABELS))}): "
                         r"|<[a-z]\d+/?> |machine text, fingerprint |[\w ]+, paragraph \d+, sentence \d+")


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
    comments: tuple[str, ...]  # the extracted comments (#.), one note each, however a tool wrapped them
    translator_comments: tuple[str, ...] = ()  # `#` lines: the reviewer's own
    previous_source: str | None = None  # `#| msgid`: the sentence a fuzzy text was translated from
    machine_notes: tuple[str, ...] | None = None  # while the text is the machine's: where it came from

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

    @property
    def is_machine_text(self) -> bool:
        return self.machine_notes is not None

    @property
    def origin(self) -> list[str]:
        """Where the text came from, while it is the machine's: `machine draft: …`, `translation memory: …`,
        `reference: …` (from the run's record, else from the notes)."""
        if self.machine_notes is None:
            return []
        notes = self.machine_notes or self.comments
        return [line for line in notes if line.startswith(_ORIGINS)]


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


def whole_notes(comment: str) -> tuple[str, ...]:
    """The `#.` notes of an entry, each whole: a line that does not begin a note continues the one above."""
    notes: list[str] = []
    for line in comment.splitlines():
        if notes and not NOTE_STARTS.match(line):
            notes[-1] = f"{notes[-1]} {line}"
        else:
            notes.append(line)
    return tuple(notes)


def _translation(entry: polib.POEntry, drafts: machine.Drafts) -> Translation:
    draft = drafts.get(machine.key(entry.msgctxt, entry.msgid)) if machine.is_machine_text(entry, drafts) else None
    return Translation(entry.msgstr, entry.fuzzy, entry.linenum, whole_notes(entry.comment),
                       tuple(entry.tcomment.splitlines()), entry.previous_msgid,
                       draft.notes if draft is not None else None)


def read(path: Path, segments: list[Segment], drafts: machine.Drafts | None = None) -> Catalog:
    """`drafts`: what the machine wrote into the catalog (the folder's record), to tell its texts apart."""
    entries = [entry for entry in po.read_catalog(path) if not entry.obsolete]
    by_key = {(entry.msgctxt, entry.msgid): entry for entry in entries}
    translations: dict[str, Translation] = {}
    for segment in segments:
        entry = by_key.get((segment.id, segment.source)) or by_key.get((None, segment.source))
        if entry is not None:
            translations[segment.id] = _translation(entry, drafts or {})
    return Catalog(path.stem, path, translations)


def read_folder(folder: Path, segments: list[Segment], locales: tuple[str, ...] = ()) -> list[Catalog]:
    """A document folder's catalogs (the ones asked for, or all), each with the run's record of machine text."""
    record = machine.read(folder) or {}
    return [read(path, segments, record.get(locale)) for locale, path in catalog_paths(folder, locales).items()]


def template_notes(folder: Path, name: str, segments: list[Segment]) -> dict[str, Translation]:
    """The template's entries (glossary notes) by segment id; empty when the template is missing."""
    path = folder / f"{name}.pot"
    return read(path, segments).translations if path.is_file() else {}
