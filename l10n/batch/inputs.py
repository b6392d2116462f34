"""Which article files a run takes, and where each one's output folder goes.

Inputs are files, folders (walked, optionally filtered by a glob) and lists of paths read from a file or
stdin, so an archive of 100,000 articles never passes through the shell's argument list. Everything is
yielded lazily: the run starts on the first article while the rest of the tree is still being walked.

A folder's tree is mirrored under the output folder (DIR/2023/05/a.md → OUT/2023/05/a/), so equal names in
different folders do not collide; a file given by itself goes straight under OUT, as it always has.
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TextIO

from ..plumbing.errors import InputError, UsageError
from ..plumbing.escapes import has_line_breaking
from ..reading.ingest import document_name, not_taken
from ..reading.readers import EXTENSIONS

HERE = Path(".")
Skipped = Callable[[Path, str], None]  # a file or folder a walk left out, and why


@dataclass(frozen=True)
class Input:
    path: Path
    place: Path  # the output folder's parent, relative to --out: the file's folder within what was walked


class OutputFolders:
    """Each input's output folder, OUT/place/document-name, and never anywhere else: the folder is resolved (`..`,
    symbolic links) and must lie inside OUT. A path with a control character in it (a line break in a file name)
    is refused: it would break every line-based tool downstream, a `--from-list` of it first.

    The place (the folder above the document's) is resolved once for the inputs that follow from the same place,
    as a walk yields a folder's files together; each document's own folder is then only looked at itself (one
    lstat): a plain name that is no symbolic link resolves to itself under its resolved place. The run holds OUT's
    lock, so the folders it resolved stay where they are while it runs, as OUT itself does."""

    def __init__(self, out: Path):
        self.out = out
        self._root = out.resolve()
        self._place: Path | None = None
        self._place_inside: bool = False  # the last place resolved lies inside OUT (or is OUT)

    def of(self, item: Input) -> Path:
        name = document_name(item.path)
        relative = item.place / name
        control = has_line_breaking(str(item.place / item.path.name))
        if control is not None:
            raise InputError(f"file name holds the control character U+{ord(control):04X}; rename the file",
                             item.path)
        folder = self.out / relative
        if not self._inside(folder, item.place, name):
            raise UsageError(f"its output folder {relative} would not be inside the output folder {self.out}; "
                             "rename the file", item.path)
        return folder

    def _inside(self, folder: Path, place: Path, name: str) -> bool:
        if name in (".", "..") or os.path.islink(folder):
            return self._root in folder.resolve().parents
        if place != self._place:
            resolved = (self.out / place).resolve()
            self._place, self._place_inside = place, resolved == self._root or self._root in resolved.parents
        return self._place_inside


def matching(patterns: Iterable[str]) -> list[Path]:
    """The files a settings file's `inputs` globs name (already absolute: relative to the file), sorted."""
    import glob

    return sorted({Path(found) for pattern in patterns for found in glob.glob(pattern, recursive=True)
                   if Path(found).is_file()})


def matches(relative: PurePath, pattern: str | None) -> bool:
    """A pattern without a slash is matched against the file name, one with a slash against the path
    relative to the walked folder (`2023/*/*.md`); without a pattern, the formats the readers know."""
    if pattern is None:
        return relative.suffix.lower() in EXTENSIONS
    return fnmatch.fnmatch(relative.as_posix() if "/" in pattern else relative.name, pattern)


def walk(root: Path, pattern: str | None = None, skip: Path | None = None, follow_links: bool = False,
         on_skipped: Skipped | None = None) -> Iterator[Input]:
    """Regular files under root in sorted order (so runs are reproducible), without hidden files and folders
    and without `skip` (the run's own output folder when it sits inside the input tree). Symbolic links to
    folders are followed only with follow_links, each folder then walked once however many links lead to it;
    what is left out for being a link or not a regular file is handed to on_skipped with the reason."""
    skipped = skip.resolve() if skip is not None else None
    inside = root.resolve()
    walked: set[tuple[int, int]] = set()

    def failed(error: OSError) -> None:
        raise InputError(f"cannot read folder: {error.strerror}", error.filename) from error

    def leave_out(path: Path, reason: str) -> None:
        if on_skipped is not None:
            on_skipped(path, reason)

    for folder, folders, files in os.walk(root, onerror=failed, followlinks=follow_links):
        here = Path(folder)
        if follow_links:
            identity = os.stat(here)
            if (identity.st_dev, identity.st_ino) in walked:
                folders[:] = []
                continue
            walked.add((identity.st_dev, identity.st_ino))
        kept = []
        for name in sorted(folders):
            if name.startswith(".") or (here / name).resolve() == skipped:
                continue
            if not follow_links and (here / name).is_symlink():
                leave_out(here / name, "a symbolic link to a folder (--follow-links follows it)")
                continue
            kept.append(name)
        folders[:] = kept
        place = here.relative_to(root)
        for name in sorted(files):
            if name.startswith(".") or not matches(place / name, pattern):
                continue
            path = here / name
            reason = not_taken(path, inside, follow_links)
            if reason is not None:
                leave_out(path, reason)
                continue
            yield Input(path, place)


def listed(lines: Iterable[str]) -> Iterator[Input]:
    """One path per line (blank lines ignored). A relative path keeps its folders under --out; an absolute
    one, or one climbing out with `..`, goes straight under --out."""
    for line in lines:
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        path = Path(text)
        mirrored = not path.is_absolute() and ".." not in path.parts
        yield Input(path, path.parent if mirrored else HERE)


def collect(paths: Iterable[Path], pattern: str | None = None, from_list: TextIO | None = None,
            skip: Path | None = None, follow_links: bool = False,
            on_skipped: Skipped | None = None) -> Iterator[Input]:
    """Every input, lazily: each given path (a folder is walked), then the listed ones. Files named (given or
    listed) are taken as they are; reading one that is not a regular file fails with its reason."""
    for path in paths:
        if path.is_dir():
            yield from walk(path, pattern, skip, follow_links, on_skipped)
        else:
            yield Input(path, HERE)
    if from_list is not None:
        yield from listed(from_list)
