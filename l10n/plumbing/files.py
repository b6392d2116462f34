"""Atomic file writes: a reader sees the old file or the new one, never half of either."""
from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from .errors import OutputError

_NAME_IN_TEMPORARY = 200  # bytes of the file's name kept in its temporary one: `.NAME.XXXXXXXX.tmp` fits in 255
_ATTEMPTS = 100  # temporary names tried before giving up, as tempfile does
# Opened with the mode of an ordinary file: the kernel applies the process's umask as it creates it (mkstemp
# would create 0600, and reading the umask to widen that means changing it, for every thread of the process).
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_MODE = 0o666


def _temporary_prefix(name: str) -> str:
    """A file name of up to 255 bytes must not fail for the 14 bytes its temporary name adds."""
    if len(name) <= _NAME_IN_TEMPORARY // 4:  # no character takes more than four bytes in UTF-8
        return f".{name}."
    kept = os.fsencode(name)[:_NAME_IN_TEMPORARY]
    return f".{os.fsdecode(kept.decode('utf-8', 'ignore').encode('utf-8'))}."


def _open_temporary(folder: str, name: str) -> tuple[int, str]:
    """A new file in `folder`, beside `name`, under a name no other writer has, opened for writing. Paths as
    text: a run writes seven files per document."""
    prefix = os.path.join(folder, _temporary_prefix(name))
    for _ in range(_ATTEMPTS):
        temporary = f"{prefix}{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, _FLAGS, _MODE), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {name} after {_ATTEMPTS} attempts")


def _write_all(handle: int, data: bytes) -> None:
    """os.write may write less than it is given (a signal, a full pipe): the rest follows."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def write_atomic(path: Path, content: str | bytes, durable: bool = True) -> os.stat_result:
    """Text (UTF-8, `\\n` line ends) or bytes. durable: on disk before this returns (fsync), for files whose loss
    would lose work; a file that can be made again may skip the wait. Returns the written file's status, as
    os.stat(path) gives it afterwards (the rename changes neither its size nor its modification time)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder, name = os.path.split(os.fspath(path))
    try:
        try:
            handle, temporary = _open_temporary(folder, name)
        except FileNotFoundError:  # the folder is made when missing: a run writes most files into existing ones
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = _open_temporary(folder, name)
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror or error}", path.parent) from error
    try:
        try:
            _write_all(handle, data)
            if durable:
                os.fsync(handle)
            status = os.fstat(handle)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {error.strerror}", path) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return status


def cache_folder() -> Path:
    """The user's cache folder for l10n ($XDG_CACHE_HOME/l10n, by default ~/.cache/l10n): what can be made again."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "l10n"


def default_memory_path() -> Path:
    """The user's translation memory (translate/memory.py): $XDG_DATA_HOME/l10n, by default ~/.local/share/l10n.
    Here, not in translate/memory.py: every command's settings name it, and a run without a memory never opens one."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "l10n" / "memory.sqlite3"


def read_cached(path: Path, kind: str, key: object, field: str) -> object:
    """What a file of the cache folder (write_cached) holds in `field`, when it was written as `kind` under `key` (what
    its value was made from); None when it is missing, unreadable, of another kind or key, or damaged."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        return kept[field] if kept["format"] == kind and kept["key"] == key else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_cached(path: Path, kind: str, key: object, field: str, value: object) -> None:
    """A value for read_cached. A cache is never needed: a folder that cannot be written costs the time, nothing else,
    and two processes writing the file at once each replace it whole."""
    try:
        write_atomic(path, json.dumps({"format": kind, "key": key, field: value}, ensure_ascii=False), durable=False)
    except OutputError:
        pass
