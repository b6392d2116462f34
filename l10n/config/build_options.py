"""What `l10n build` takes: its options and --fallback's choices, apart from build.py, which imports the writers
and the catalogs: the command line reads these at start-up, and a run (which may only skip documents) never builds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FALLBACKS = ("source",)


@dataclass(frozen=True)
class BuildOptions:
    locales: tuple[str, ...] = ()  # empty: every catalog in the document's folder
    allow_fuzzy: bool = False  # use unreviewed entries, marked as such in the article
    fallback: str | None = None  # "source": untranslated segments keep the Simplified text, marked as such
    review: bool = False  # write the bilingual review page instead of the articles
    folder: Path | None = None  # built when no folder is given: where `run` wrote (settings: out)
    glossary: tuple[Path, ...] = ()  # the QA checks' glossary files (settings: glossary)
    name_style: str = "full"  # news: later mentions of a name may use its short form
