"""The editions' own OpenCC dictionaries (the layers' rules, the probe's phrases) compiled into OpenCC's double-array
format (.ocd) with its own `opencc_dict` tool, kept in the user's cache folder.

OpenCC reads a text dictionary by parsing it, sorting it and building the double array it converts with, in every
process that builds a converter: for Taiwan's rules and the probe's 13,848 phrases about 130 M instructions of
each run. A compiled dictionary it reads as it is and converts with alike. A file is named by a digest of the
dictionary's text and OpenCC's version, so other rules or another OpenCC are another file and none is ever stale;
the newest few are kept. A dictionary that cannot be compiled or kept (no tool, a folder that cannot be written) is
read as text: it costs the time, nothing else."""
from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from ..plumbing.files import cache_folder

_FOLDER = "opencc-dictionaries"
_KEPT = 24  # compiled dictionaries kept: a run makes three per edition (its rules, their kept values, the probe)


def opencc_version() -> str:
    import opencc

    return opencc.__version__


def opencc_dict(source: Path, target: Path, source_format: str, target_format: str) -> None:
    """OpenCC's own tool: a dictionary in one of its formats (text, ocd, ocd2) written in another."""
    import opencc

    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    subprocess.run([str(tool), "-i", str(source), "-o", str(target), "-f", source_format, "-t", target_format],
                   check=True, capture_output=True)


def dictionary(pairs, work: Path) -> dict:
    """An OpenCC dictionary of (key, value) pairs, as a config's node: the compiled one kept in the cache folder,
    compiled now when missing, else the text written into `work`."""
    text = "".join(f"{key}\t{value}\n" for key, value in pairs)
    digest = hashlib.sha256(f"{opencc_version()}\0{text}".encode()).hexdigest()[:32]
    compiled = cache_folder() / _FOLDER / f"{digest}.ocd"
    if _used(compiled):
        return {"type": "ocd", "file": str(compiled)}
    source = work / f"{digest}.txt"
    source.write_text(text, encoding="utf-8")
    if _compile(source, compiled):
        return {"type": "ocd", "file": str(compiled)}
    return {"type": "text", "file": str(source)}


def _used(compiled: Path) -> bool:
    """Whether the dictionary is kept, made the newest: the pruning of another run's _compile spares it."""
    try:
        os.utime(compiled)
    except OSError:
        return False
    return True


def _compile(source: Path, compiled: Path) -> bool:
    """Whether `source` could be compiled to `compiled` (written whole or not at all)."""
    temporary = compiled.with_name(f".{compiled.name}.{os.getpid()}.tmp")
    try:
        compiled.parent.mkdir(parents=True, exist_ok=True)
        opencc_dict(source, temporary, "text", "ocd")
        os.replace(temporary, compiled)
    except (OSError, subprocess.SubprocessError):
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # no folder to hold it
            pass
        return False
    _prune(compiled.parent)
    return True


def _prune(folder: Path) -> None:
    """The newest _KEPT compiled dictionaries kept, the others removed."""
    try:
        found = sorted(folder.glob("*.ocd"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for path in found[_KEPT:]:
            path.unlink(missing_ok=True)
    except OSError:
        pass
