"""Aligning one pair of files, or a whole archive: two folders whose files pair by name."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..plumbing.errors import L10nError, UsageError
from ..plumbing.escapes import one_line
from ..plumbing.files import write_atomic
from ..reading.ingest import Limits
from ..model import GlossaryEntry
from . import align_files
from .formats import EXTENSIONS, FORMATS, Alignment
from .inputs import pair_folders, pairing_key


def summary(alignment: Alignment) -> str:
    shapes = Counter(link.shape for link in alignment.links)
    counts = ", ".join(f"{count} {shape}" for shape, count in sorted(shapes.items(), key=lambda item: -item[1]))
    return (f"{alignment.zh.path.name} ↔ {alignment.en.path.name}: {len(alignment.zh.sentences)} + "
            f"{len(alignment.en.sentences)} sentences in {len(alignment.links)} links ({counts})")


def align_pair(zh_path: Path, en_path: Path, format: str, presplit: bool = False,
               glossary: list[GlossaryEntry] | tuple = (), limits: Limits = Limits()) -> tuple[str, str]:
    """The rendered alignment of two files and a one-line summary of it."""
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    for path in (zh_path, en_path):
        if path.is_dir():
            raise UsageError("is a folder: give two files or two folders", path)
    alignment = align_files(zh_path, en_path, presplit, glossary, limits)
    return FORMATS[format](alignment), summary(alignment)


@dataclass
class ArchiveReport:
    pairs: list[tuple[Path, Path]]
    unpaired: list[Path]
    written: list[tuple[Path, str]] = field(default_factory=list)  # output file, summary
    failed: list[L10nError] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # files left out, and why

    def lines(self) -> list[str]:
        return ([one_line(f"warning: {path}: {reason}, left out") for path, reason in self.skipped]
                + [f"wrote {path}: {text}" for path, text in self.written]
                + [f"error: {error}" for error in self.failed]
                + [f"unpaired: {path}" for path in self.unpaired])


def align_folders(zh_folder: Path, en_folder: Path, out: Path, format: str, presplit: bool = False,
                  glossary: list[GlossaryEntry] | tuple = (), limits: Limits = Limits(),
                  on_step: Callable[[str, str], None] | None = None, follow_links: bool = False) -> ArchiveReport:
    """Align every pair of files; a pair that fails is reported and the others go on. Symbolic links out of a
    folder are taken only with follow_links, as `run` takes them."""
    for folder in (zh_folder, en_folder):
        if not folder.is_dir():
            raise UsageError("is not a folder: give two files or two folders", folder)
    skipped: list[tuple[Path, str]] = []
    pairs, unpaired = pair_folders(zh_folder, en_folder, follow_links,
                                   lambda path, reason: skipped.append((path, reason)))
    if not pairs:
        raise UsageError(f"no file pairs by name with {en_folder}", zh_folder)
    report = ArchiveReport(pairs, unpaired, skipped=skipped)
    for number, (zh_path, en_path) in enumerate(pairs, start=1):
        key = pairing_key(zh_path)
        if on_step is not None:
            on_step(key, f"aligning ({number}/{len(pairs)})")
        try:
            text, line = align_pair(zh_path, en_path, format, presplit, glossary, limits)
            path = out / f"{key}.{EXTENSIONS[format]}"
            write_atomic(path, text)
        except L10nError as error:
            report.failed.append(error)
            continue
        report.written.append((path, line))
    return report
