"""What the machine wrote into a document's catalogs, recorded beside them where no PO tool rewrites it.

Whether a `msgstr` is a reviewer's work decides what a run may replace and what it must back up. It cannot
rest on the catalog's own comments: `msgmerge -U` replaces every `#.` line with the template's, and
Translate Toolkit's `pomerge` rewrites them too. So each run records, per catalog, the text it wrote into each
entry that carries machine text (OpenCC, a machine draft, a memory match, an aligned reference) with the
notes that said where it came from. An entry is still the machine's while it is fuzzy and its `msgstr` is
exactly the recorded text; anything else is a reviewer's.

A folder written before this record existed is read from the `machine text, fingerprint …` notes those
versions wrote; a record that cannot be read counts as empty, so its drafts are kept like a reviewer's work
(never lost, at worst backed up once).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..plumbing.escapes import json_string
from ..text.notes import LEGACY_FINGERPRINT
from .entries import Catalog, Entry

FILE_NAME = "machine.json"
_VERSION = 1


@dataclass(frozen=True)
class Draft:
    text: str
    notes: tuple[str, ...]  # where the text came from: `machine draft: …`, `translation memory: …`


Drafts = dict[str, Draft]  # one catalog's, by entry key
Record = dict[str, Drafts]  # a folder's, by locale


def draft_of(entry: Entry, drafts: Drafts, entry_key: str | None = None) -> Draft | None:
    """What the machine wrote into the entry, while it is still there: the entry is fuzzy and its msgstr is
    exactly that text. `entry_key` when the entry is to be looked up otherwise than by its own key."""
    if not entry.fuzzy or not entry.msgstr:
        return None
    draft = drafts.get(entry_key if entry_key is not None else entry.key)
    return draft if draft is not None and draft.text == entry.msgstr else None


def is_machine_text(entry: Entry, drafts: Drafts, entry_key: str | None = None) -> bool:
    return draft_of(entry, drafts, entry_key) is not None


def read(folder: Path) -> Record | None:
    """The folder's record; None when there is none or it cannot be read."""
    try:
        data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        return {locale: {entry_key: Draft(text, tuple(notes)) for entry_key, (text, notes) in drafts.items()}
                for locale, drafts in data["catalogs"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def from_fingerprints(catalog: Catalog) -> Drafts:
    """The record of a catalog written before the record existed: its fingerprint notes."""
    drafts: Drafts = {}
    for entry in catalog:
        if entry.obsolete or not entry.fuzzy or not entry.msgstr:
            continue
        digest = hashlib.sha1(entry.msgstr.encode("utf-8")).hexdigest()[:8]
        if any((match := LEGACY_FINGERPRINT.match(line)) and match.group(1) == digest for line in entry.notes):
            drafts[entry.key] = Draft(entry.msgstr, ())
    return drafts


def _draft_json(draft: Draft) -> str:
    """[text, [notes]] as json_text writes the list, its strings encoded one by one."""
    return f"[{json_string(draft.text)}, [{', '.join(map(json_string, draft.notes))}]]"


def render(record: Record) -> str:
    """One catalog per line group, one entry per line: small diffs, stable bytes."""
    catalogs = []
    for locale in sorted(record):
        lines = [f"  {json_string(entry_key)}: {_draft_json(draft)}" for entry_key, draft in record[locale].items()]
        body = "{\n" + ",\n".join(lines) + "\n }" if lines else "{}"
        catalogs.append(f" {json.dumps(locale)}: {body}")
    return f'{{"l10n_machine_text": {_VERSION},\n"catalogs": {{\n' + ",\n".join(catalogs) + "\n}}\n"
