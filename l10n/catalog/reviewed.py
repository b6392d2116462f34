"""A document's reviewed catalogs, read against its structure: the entry of each segment in each locale.

Entries are found by msgctxt (the segment id, in catalogs that carry one) and msgid together, or by msgid alone
(entries.Catalog.for_segments), so catalogs with and without the id context both work. QA findings are the
`QA error:` / `QA warning:` notes the last `run` or `check` wrote (notes.py). Whether a text is still the
machine's, and where it came from, is the folder's record (machine.py).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..text import notes
from ..plumbing.errors import InputError, UsageError
from ..model import Segment
from . import machine, po
from .entries import Catalog, Entry

@dataclass(frozen=True)
class DocumentCatalog:
    """One locale's catalog of a document, with the entry of each of its segments and the machine's record."""

    catalog: Catalog
    translations: dict[str, Entry]  # by segment id; a segment missing here has no entry at all
    drafts: machine.Drafts  # what the machine wrote into the catalog (the folder's record)

    @property
    def locale(self) -> str:
        return self.path.stem

    @property
    def path(self) -> Path:
        return self.catalog.path

    def machine_notes(self, entry: Entry) -> tuple[str, ...] | None:
        """While the entry's text is the machine's, the notes that said where it came from; else None."""
        draft = machine.draft_of(entry, self.drafts)
        return draft.notes if draft is not None else None

    def origin(self, entry: Entry) -> list[str]:
        """Where the text came from, while it is the machine's: `machine draft: …`, `translation memory: …`,
        `reference: …` (from the run's record, else from the notes)."""
        recorded = self.machine_notes(entry)
        if recorded is None:
            return []
        return notes.origins(recorded or entry.whole_notes())


def catalog_paths(inputs: Iterable[Path], locales: tuple[str, ...] = (), below: bool = True) -> list[Path]:
    """The catalogs (.po) of the inputs: files as given; in a folder, those in it and, with `below`, those in the
    folders below it but hidden ones (such as the backups `run` keeps). Templates (.pot) have no translations.
    With `locales`, only their catalogs, each of which must be there."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            inside = sorted(p for p in (path.rglob("*.po") if below else path.glob("*.po"))
                            if not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not inside:
                raise UsageError("no .po files in this folder", path)
            if locales:
                by_locale = {p.stem: p for p in inside}
                missing = [locale for locale in locales if locale not in by_locale]
                if missing:
                    raise UsageError(f"no {', '.join(f'{locale}.po' for locale in missing)} here", path)
                inside = [by_locale[locale] for locale in locales]
            found += inside
        elif path.is_file():
            if path.suffix != ".po":
                raise UsageError("not a .po file", path)
            found.append(path)
        else:
            raise InputError("no such file or folder", path)
    return list(dict.fromkeys(found))


def read(path: Path, segments: list[Segment], drafts: machine.Drafts | None = None) -> DocumentCatalog:
    """`drafts`: what the machine wrote into the catalog (the folder's record), to tell its texts apart."""
    catalog = po.read_catalog(path)
    return DocumentCatalog(catalog, catalog.for_segments(segments), drafts or {})


def read_folder(folder: Path, segments: list[Segment], locales: tuple[str, ...] = ()) -> list[DocumentCatalog]:
    """A document folder's catalogs (the ones asked for, or all), each with the run's record of machine text."""
    record = machine.read(folder) or {}
    return [read(path, segments, record.get(path.stem)) for path in catalog_paths([folder], locales, below=False)]


def template_notes(folder: Path, name: str, segments: list[Segment]) -> dict[str, Entry]:
    """The template's entries (glossary notes) by segment id; empty when the template is missing."""
    path = folder / f"{name}.pot"
    return read(path, segments).translations if path.is_file() else {}
