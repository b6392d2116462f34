"""Atomic file writes: a reader sees the old file or the new one, never half of either."""
from __future__ import annotations

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
    kept = os.fsencode(name)[:_NAME_IN_TEMPORARY]
    return f".{os.fsdecode(kept.decode('utf-8', 'ignore').encode('utf-8'))}."


def _open_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside `path`, under a name no other writer has, opened for writing."""
    prefix = _temporary_prefix(path.name)
    for _ in range(_ATTEMPTS):
        temporary = path.parent / f"{prefix}{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, _FLAGS, _MODE), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {path.name} after {_ATTEMPTS} attempts")


def write_atomic(path: Path, content: str | bytes, durable: bool = True) -> None:
    """Text (UTF-8, `\\n` line ends) or bytes. durable: on disk before this returns (fsync), for files whose loss
    would lose work; a file that can be made again may skip the wait."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        try:
            handle, temporary = _open_temporary(path)
        except FileNotFoundError:  # the folder is made when missing: a run writes most files into existing ones
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = _open_temporary(path)
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror or error}", path.parent) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {error.strerror}", path) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def cache_folder() -> Path:
    """The user's cache folder for l10n ($XDG_CACHE_HOME/l10n, by default ~/.cache/l10n): what can be made again."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "l10n"
