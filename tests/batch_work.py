"""Picklable helpers for the batch tests: worker processes import them by name."""
from __future__ import annotations

import os
import signal
from pathlib import Path

from fake_engine import FakeTranslator
from l10n.plumbing.errors import InputError


def power(exponent: int, number: int) -> tuple[int, int]:
    if number < 0:
        raise InputError("negative", f"item-{number}")
    return number ** exponent, os.getpid()


def die_once(marker: str, number: int) -> int:
    """Kills the process running it the first time it sees item 0 (the marker file remembers)."""
    if number == 0 and not Path(marker).exists():
        Path(marker).write_text("killed")
        os.kill(os.getpid(), signal.SIGKILL)
    return number


class EchoTranslator(FakeTranslator):
    """Every sentence comes back tagged, one hypothesis."""

    def __init__(self):
        super().__init__(model_id="echo 1")


class DyingTranslator(EchoTranslator):
    """Kills the worker process that first asks it for a translation (the marker file remembers)."""

    def __init__(self, marker: str):
        super().__init__()
        self.marker = marker

    def translate_batch(self, sources, n_best=1, on_progress=None):
        if not Path(self.marker).exists():
            Path(self.marker).write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return super().translate_batch(sources, n_best, on_progress)


def article(number: int) -> str:
    """A small article of its own: a title and three paragraphs whose sentences differ from any other's."""
    return (f"第{number}号新闻标题\n\n"
            f"记者今天在第{number}个城市报道，当地的新工厂开始生产电池。工厂雇用了{number * 7}名工人。\n\n"
            f"市长说，这个项目将在{number + 3}年内完成，并带来更多的投资。居民对此表示欢迎。\n\n"
            f"专家认为，第{number}项计划的成本约为{number * 11}亿元，需要进一步评估。\n")


class RecordingTranslator(EchoTranslator):
    """Writes, for every batch, the worker process and which copy of the engine translated it."""

    def __init__(self, log: str):
        super().__init__()
        self.log = log

    def translate_batch(self, sources, n_best=1, on_progress=None):
        with open(self.log, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {id(self)}\n")
        return super().translate_batch(sources, n_best, on_progress)
