"""Copies of reviewed catalogs, taken before a run replaces them: <document folder>/.backup/<run number>/.

Run numbers count up (0001, 0002 …) so names do not depend on the clock; only the last KEEP are kept.
"""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from ..plumbing.errors import OutputError

KEEP = 5
FOLDER = ".backup"


def back_up(folder: Path, paths: list[Path], keep: int = KEEP) -> Path | None:
    """Copy the files into a new numbered folder and prune the oldest; None when there is nothing to copy."""
    if not paths:
        return None
    root = folder / FOLDER
    numbers = sorted(int(child.name) for child in root.iterdir() if child.name.isdigit()) if root.is_dir() else []
    target = root / f"{(numbers[-1] if numbers else 0) + 1:04d}"
    new_root = not root.exists()
    try:
        target.mkdir(parents=True)
        for path in paths:
            shutil.copy2(path, target / path.name)
    except OSError as error:  # a full disk: no empty or partial backup is left behind, one more each time
        shutil.rmtree(target, ignore_errors=True)
        if new_root:
            with contextlib.suppress(OSError):
                root.rmdir()
        raise OutputError(f"cannot keep a backup of the reviewed files: {error.strerror}", target) from error
    for number in numbers[:max(0, len(numbers) + 1 - keep)]:
        shutil.rmtree(root / f"{number:04d}", ignore_errors=True)
    return target
