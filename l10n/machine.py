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
import re
from dataclasses import dataclass
from pathlib import Path

import polib

FILE_NAME = "machine.json"
_VERSION = 1
_FINGERPRINT = re.compile(r"^machine text, fingerprint ([0-9a-f]{8})$")
_CONTEXT_SEPARATOR = "\x04"  # between msgctxt and msgid, as in a compiled .mo file


@dataclass(frozen=True)
class Draft:
    text: str
    notes: tuple[str, ...]  # where the text came from: `machine draft: …`, `translation memory: …`


Drafts = dict[str, Draft]  # one catalog's, by entry key
Record = dict[str, Drafts]  # a folder's, by locale


def key(msgctxt: str | None, msgid: str) -> str:
    return msgid if msgctxt is None else f"{msgctxt}{_CONTEXT_SEPARATOR}{msgid}"


def is_machine_text(entry: polib.POEntry, drafts: Drafts, entry_key: str | None = None) -> bool:
    """Fuzzy, and its msgstr is still exactly what the machine wrote there."""
    if not entry.fuzzy or not entry.msgstr:
        return False
    draft = drafts.get(entry_key if entry_key is not None else key(entry.msgctxt, entry.msgid))
    return draft is not None and draft.text == entry.msgstr


def read(folder: Path) -> Record | None:
    """The folder's record; None when there is none or it cannot be read."""
    try:
        data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        return {locale: {entry_key: Draft(text, tuple(notes)) for entry_key, (text, notes) in drafts.items()}
                for locale, drafts in data["catalogs"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def from_fingerprints(catalog: polib.POFile) -> Drafts:
    """The record of a catalog written before the record existed: its fingerprint notes."""
    drafts: Drafts = {}
    for entry in catalog:
        if entry.obsolete or not entry.fuzzy or not entry.msgstr:
            continue
        digest = hashlib.sha1(entry.msgstr.encode("utf-8")).hexdigest()[:8]
        if any((match := _FINGERPRINT.match(line)) and match.group(1) == digest
               for line in entry.comment.splitlines()):
            drafts[key(entry.msgctxt, entry.msgid)] = Draft(entry.msgstr, ())
    return drafts


def render(record: Record) -> str:
    """One catalog per line group, one entry per line: small diffs, stable bytes."""
    catalogs = []
    for locale in sorted(record):
        lines = [f"  {json.dumps(entry_key, ensure_ascii=False)}: "
                 f"{json.dumps([draft.text, list(draft.notes)], ensure_ascii=False)}"
                 for entry_key, draft in record[locale].items()]
        body = "{\n" + ",\n".join(lines) + "\n }" if lines else "{}"
        catalogs.append(f" {json.dumps(locale)}: {body}")
    return f'{{"l10n_machine_text": {_VERSION},\n"catalogs": {{\n' + ",\n".join(catalogs) + "\n}}\n"
