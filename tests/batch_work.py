"""Module-level work functions for the executor tests: worker processes import them by name."""
from __future__ import annotations

import os
import signal
from pathlib import Path

from l10n.errors import InputError


def square(number: int) -> tuple[int, int]:
    if number < 0:
        raise InputError("negative", f"item-{number}")
    return number * number, os.getpid()


def die_once(item: tuple[int, str]) -> int:
    """Kills the process running it the first time it sees item 0 (a marker file remembers)."""
    number, marker = item
    if number == 0 and not Path(marker).exists():
        Path(marker).write_text("killed")
        os.kill(os.getpid(), signal.SIGKILL)
    return number
