"""The `#.` notes a run writes for reviewers: every kind, how it is written and how it is read back, in one place.

A note is one unbroken line: `LABEL: text` for most kinds, with a few that begin otherwise (where the sentence
sits, what a placeholder stands for, QA findings `QA error: message [check-id]`). Reading a catalog back, a line
that does not begin like a note continues the note above it (NOTE_STARTS): tools such as polib re-wrap long
comments at 78 columns. A new kind of note gets its label here (tests/test_exchange.py runs the pipeline and
fails on a note that does not begin like one).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..plumbing.escapes import one_line

GLOSSARY = "glossary"  # a glossary term of the sentence and its renderings (glossary.py)
MACHINE_DRAFT = "machine draft"  # the engine that drafted the text (translate/enforce.py)
MT_GLOSSARY = "MT glossary"  # whether a draft kept a term's rendering (translate/enforce.py)
MEMORY = "translation memory"  # an exact match in the memory (memory.py)
REFERENCE = "reference"  # a sentence of an aligned reference translation (align/reference.py)
NEW_MACHINE_TEXT = "new machine text, for comparison"  # beside a reviewer's text (catalog/merge.py)
VOCABULARY = "regional vocabulary"  # what an edition's layers rewrote (editions/layers.py, editions/stacks.py)
SOFTWARE = "software vocabulary"
NAME = "regional name"
WORD_BOUNDARY = "word boundary"  # a phrase taken back where it is no word of its sentence (editions/variant.py)
PUNCTUATION = "punctuation"  # quotation marks an edition changed (editions/variant.py)
QA_PREFIX = "QA "  # QA findings: `QA error: …` and `QA warning: …` (qa/findings.py)
QA_ERROR = "QA error"
QA_WARNING = "QA warning"
LABELS = (GLOSSARY, QA_ERROR, QA_WARNING, MACHINE_DRAFT, MT_GLOSSARY, MEMORY, REFERENCE, NEW_MACHINE_TEXT, VOCABULARY,
          SOFTWARE, NAME, WORD_BOUNDARY, PUNCTUATION)
# Where a draft came from, while the text is the machine's.
ORIGINS = (MACHINE_DRAFT, MEMORY, REFERENCE)
# Catalogs made before machine.json marked machine text with this note (catalog/machine.py reads it).
LEGACY_FINGERPRINT = re.compile(r"^machine text, fingerprint ([0-9a-f]{8})$")
_LOCATION = r"[\w ]+, paragraph \d+, sentence \d+"
NOTE_STARTS = re.compile(f"(?:{'|'.join(map(re.escape, LABELS))}): "
                         rf"|<[a-z]\d+/?> |machine text, fingerprint |{_LOCATION}")


def note(label: str, text: str) -> str:
    """A note of one of the LABELS kinds."""
    return f"{label}: {text}"


def location(places: Iterable[tuple[str, int, int]]) -> str:
    """Where the sentence sits, each place (part, paragraph, sentence) of a repeated one."""
    return "; ".join(f"{part}, paragraph {paragraph}, sentence {sentence}" for part, paragraph, sentence in places)


def placeholder(tag: str, kind: str, target: str) -> str:
    """What a placeholder of the sentence stands for: `<a1> link: https://…`."""
    return f"{tag} {kind}: {target}"


def glossary_term(source: str, rendering: str, details: Iterable[str], remark: str = "") -> str:
    """A glossary term of the sentence: `glossary: 伊利亚 → Ilya Sutskever (person; later mentions: Sutskever)`,
    with the glossary's own note after a dash."""
    return note(GLOSSARY, f"{source} → {rendering} ({'; '.join(details)}){f' — {remark}' if remark else ''}")


_GLOSSARY_TERM = re.compile(r"^(?P<source>.+?) → (?P<rendering>.+?) \((?P<details>[^)]*)\)")


def parse_glossary_term(text: str) -> tuple[str, str, str] | None:
    """(source, rendering, details) of a glossary note's text (after its label)."""
    found = _GLOSSARY_TERM.match(text)
    return (found["source"], found["rendering"], found["details"]) if found else None


def finding(severity: str, message: str, code: str) -> str:
    """A QA finding: `QA error: message [check-id]`, on one line whatever the message holds."""
    return f"{QA_PREFIX}{severity}: {one_line(message)} [{code}]"


def parse_finding(line: str) -> tuple[str, str, str] | None:
    """(severity, message, check id) of a QA finding's line; None for any other note."""
    if not line.startswith(QA_PREFIX) or not line.endswith("]"):
        return None
    severity, colon, rest = line[len(QA_PREFIX):].partition(": ")
    message, bracket, code = rest.rpartition("[")
    return (severity, message.removesuffix(" "), code[:-1]) if colon and bracket else None


def labelled(notes: Iterable[str], label: str) -> list[str]:
    """The text of each note of one kind."""
    prefix = f"{label}: "
    return [line[len(prefix):] for line in notes if line.startswith(prefix)]


def origins(notes: Iterable[str]) -> list[str]:
    """The notes that say where a machine text came from."""
    starts = tuple(f"{label}: " for label in ORIGINS)
    return [line for line in notes if line.startswith(starts)]


def lines(notes: Iterable[str]) -> list[str]:
    """Notes as the catalog's `#.` lines: a URL or a glossary note with a line break in it cannot add a line
    that a later stage reads as a note of its own (a QA finding)."""
    return [one_line(text) for text in notes]


def whole(comment_lines: Iterable[str]) -> tuple[str, ...]:
    """The notes of an entry, each whole: a line that does not begin a note continues the one above."""
    found: list[str] = []
    for line in comment_lines:
        if found and not NOTE_STARTS.match(line):
            found[-1] = f"{found[-1]} {line}"
        else:
            found.append(line)
    return tuple(found)
