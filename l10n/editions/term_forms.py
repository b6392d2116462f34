"""The glossary terms' own forms in an edition (a term converted on its own, without the glossary, and the layers'
notes on it: variant._term_alone), kept in the user's cache folder between runs.

A run layers its glossary's terms into the edition's OpenCC with their forms (variant.glossary_phrases), so the
forms come first, from a second build of the edition's OpenCC without the glossary: about 0.1 s of CPU in every
process of every run, for a few dozen short texts. Kept, a run whose terms are all in the file builds only the
converter it converts the documents with. The file is made again when anything the forms are made from changes
(OpenCC's version, the regional data, jieba's dictionary, the package's code); a term not in it is converted and
added. It is never needed: a cache folder that cannot be read or written costs the time, nothing else, and two
runs writing it at once each replace it whole (files.write_atomic)."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ..text import words
from ..plumbing.files import cache_folder, read_cached, write_cached
from . import layers
from .compiled import opencc_version

Form = tuple[str, tuple[str, ...]]  # the term's text in the edition, the layers' notes on it

_FORMAT = "l10n glossary term forms 1"
_PACKAGE = Path(__file__).parent.parent


class KeptForms:
    """One edition's kept forms: those read from the file, and those added since (written by save)."""

    def __init__(self, path: Path, key: str | None):
        self.path, self.key = path, key  # key None: nothing is kept (what the forms depend on is unknown)
        self.forms: dict[str, Form] = _read(path, key)
        self.added = False

    def get(self, term: str) -> Form | None:
        return self.forms.get(term)

    def add(self, term: str, form: Form) -> None:
        self.forms[term] = form
        self.added = True

    def save(self) -> None:
        """The file, with the forms added since it was read (and those another run added meanwhile)."""
        if not self.added or self.key is None:
            return
        write_cached(self.path, _FORMAT, self.key, "forms", {**_read(self.path, self.key), **self.forms})
        self.added = False


def _read(path: Path, key: str | None) -> dict[str, Form]:
    """The forms kept at `path` when they were made under `key`; none when the file is missing, unreadable, made
    from anything else or damaged."""
    forms = None if key is None else read_cached(path, _FORMAT, key, "forms")
    try:
        if forms is None or not all(isinstance(text, str) and isinstance(notes, list)
                                    and all(isinstance(note, str) for note in notes) for text, notes in forms.values()):
            return {}
    except (ValueError, TypeError, AttributeError):
        return {}
    return {term: (text, tuple(notes)) for term, (text, notes) in forms.items()}


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the package's code: a change to any of it may change a term's form."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _key(edition: str) -> str | None:
    """What an edition's forms are made from; None when it is not known (jieba's dictionary is no file)."""
    try:
        code = _code_digest()
    except OSError:
        return None
    jieba_dictionary = words.dictionary_key()
    return None if jieba_dictionary is None else json.dumps(
        [edition, opencc_version(), layers.signature(), jieba_dictionary, code])


@lru_cache(maxsize=None)
def kept(edition: str) -> KeptForms:
    """An edition's kept forms (`edition`: its key), read once per process."""
    return KeptForms(cache_folder() / f"glossary-forms-{edition}.json", _key(edition))
