"""An alignment written out: .po for review, TMX for translation memories, TSV, and index pairs.

Each writer takes an Alignment and returns the file's text; FORMATS maps the `--format` names to them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import __version__
from ..catalog import po_text
from ..catalog.entries import FUZZY, Catalog, Entry
from ..plumbing.table import render_rows

if TYPE_CHECKING:  # the command line reads FORMATS at start-up: the aligner itself is imported when it aligns
    from .dp import Link
    from .inputs import Side

TARGET_LANGUAGE = "en"


@dataclass(frozen=True)
class Alignment:
    zh: Side
    en: Side
    links: tuple[Link, ...]

    def texts(self, link: Link) -> tuple[str, str]:
        """The two sides of a link as text: Chinese sentences run together, English ones spaced."""
        return ("".join(self.zh.sentences[i].text for i in link.zh),
                " ".join(self.en.sentences[j].text for j in link.en))

    def note(self, link: Link) -> str:
        lines = sorted({self.en.sentences[j].line for j in link.en})
        where = f"{self.en.path.name} line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"
        return f"aligned {link.shape} from {where}, similarity {link.similarity:.2f}"


def render_po(alignment: Alignment) -> str:
    """One fuzzy entry per link with Chinese in it; the English waits for a reviewer to confirm it."""
    header = {
        "Project-Id-Version": alignment.zh.path.name,
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": TARGET_LANGUAGE,
        "Language": TARGET_LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Generator": f"l10n {__version__}",
        "X-L10n-Origin": f"l10n align {alignment.zh.path.name} {alignment.en.path.name}",
    }
    seen: dict[str, int] = {}
    entries = []
    for link in alignment.links:
        if not link.zh:
            continue
        source, target = alignment.texts(link)
        seen[source] = seen.get(source, 0) + 1
        entries.append(Entry(
            msgctxt=f"occurrence {seen[source]}" if seen[source] > 1 else None,  # a repeated sentence
            msgid=source, msgstr=target,
            occurrences=[(alignment.zh.path.name, str(alignment.zh.sentences[link.zh[0]].line))],
            notes=[alignment.note(link) if link.en else "no English counterpart found"],
            flags=[FUZZY] if target else []))
    return po_text.render(Catalog(header, entries))


def render_tmx(alignment: Alignment) -> str:
    """TMX 1.4b, as `export tmx` writes it (writers/tmx.py): one unit per link with both sides, the CAT tools'
    language codes, a tuid naming the Chinese file and the link's number, how it was aligned as a note."""
    from ..locales import exchange_tag
    from ..writers.tmx import TmxUnit, render

    units = []
    for number, link in enumerate(alignment.links, start=1):
        if link.zh and link.en:
            source, target = alignment.texts(link)
            units.append(TmxUnit(f"{alignment.zh.path.name}:{number}", (), source, (),
                              ((exchange_tag(TARGET_LANGUAGE, "cat"), target),), (alignment.note(link),)))
    return render(units, exchange_tag(None, "cat"), "l10n-align")


def render_tsv(alignment: Alignment) -> str:
    rows = []
    for link in alignment.links:
        source, target = alignment.texts(link)
        rows.append([" ".join(map(str, sorted({alignment.zh.sentences[i].line for i in link.zh}))),
                     " ".join(map(str, sorted({alignment.en.sentences[j].line for j in link.en}))),
                     link.shape, f"{link.similarity:.3f}", source, target])
    return render_rows(["zh_lines", "en_lines", "shape", "similarity", "zh_Hans", "en"], rows)


def render_pairs(alignment: Alignment) -> str:
    """`[0,1]:[0]` per link: zero-based sentence numbers (for a pre-split file without blank lines, its
    line numbers), `[]` for an empty side — the format sentence-alignment evaluation tools read."""
    def side(indices: tuple[int, ...]) -> str:
        return "[" + ",".join(map(str, indices)) + "]"

    return "".join(f"{side(link.zh)}:{side(link.en)}\n" for link in alignment.links)


FORMATS: dict[str, Callable[[Alignment], str]] = {
    "po": render_po, "tmx": render_tmx, "tsv": render_tsv, "pairs": render_pairs}
EXTENSIONS = {"po": "po", "tmx": "tmx", "tsv": "tsv", "pairs": "txt"}
