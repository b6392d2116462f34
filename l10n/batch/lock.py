"""One run at a time per output folder.

The lock is an flock on `OUT/.l10n.lock`: the kernel releases it when the holding process ends, however it
ends, so a crashed run never leaves a stale lock behind. The file itself stays; it says who holds the lock
(pid, host, start time) so a refused run can name the holder.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from ..plumbing.errors import OutputError

LOCK_NAME = ".l10n.lock"
_POLL_SECONDS = 0.1


def _holder(handle: int) -> str:
    os.lseek(handle, 0, os.SEEK_SET)
    text = os.read(handle, 512).decode("utf-8", "replace").strip()
    return text or "a run that has not yet said who it is"


@contextlib.contextmanager
def output_lock(folder: Path, wait: float = 0.0) -> Iterator[Path]:
    """Hold the folder's lock for the block; wait up to `wait` seconds for another run to release it."""
    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", folder) from error
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    waited = f" after waiting {wait:g} s" if wait else ""
                    raise OutputError(f"in use by another run ({_holder(handle)}){waited}; "
                                      "let it finish or give --wait SECONDS", folder) from None
                time.sleep(_POLL_SECONDS)
        started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        os.ftruncate(handle, 0)
        # uname's node name is what gethostname() returns (POSIX, as flock is); socket would be imported for it alone
        os.pwrite(handle, f"pid {os.getpid()} on {os.uname().nodename}, started {started}\n".encode(), 0)
        yield path
    finally:
        os.close(handle)  # closing releases the flock
