"""Atomic file writes: a reader sees the old file or the new one, never half of either."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

_UMASK = os.umask(0)
os.umask(_UMASK)


_NAME_IN_TEMPORARY = 200  # bytes of the file's name kept in its temporary one: `.NAME.XXXXXXXX.tmp` fits in 255


def _temporary_prefix(name: str) -> str:
    """A file name of up to 255 bytes must not fail for the 14 bytes its temporary name adds."""
    kept = os.fsencode(name)[:_NAME_IN_TEMPORARY]
    return f".{os.fsdecode(kept.decode('utf-8', 'ignore').encode('utf-8'))}."


def write_atomic(path: Path, text: str, durable: bool = True) -> None:
    """durable: on disk before this returns (fsync), for files whose loss would lose work; a file that can be
    made again may skip the wait."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(path.name), suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", path.parent) from error
    try:
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp creates 0600; outputs are ordinary files
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {error.strerror}", path) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
