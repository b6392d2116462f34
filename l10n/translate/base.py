"""What every translation engine offers the pipeline, and the options a desk may set for any engine."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..plumbing.errors import ModelError

BatchProgress = Callable[[int, int], None]  # (segments done, segments in all)
Warn = Callable[[str], None]


@dataclass(frozen=True)
class EngineOptions:
    """The desk's settings for machine translation ([english] in l10n.toml); each engine takes what applies to
    it, and its own settings (Argos's length penalty …) live in its module."""

    threads: int = 2  # for a 2-core machine
    batch_size: int = 32  # segments per batch
    beam_size: int = 4


class Translator(Protocol):
    """An engine with its model loaded: translates many sentences at once."""

    model_id: str  # engine, model and version, e.g. "argos translate-zh_en 1.9": every draft's note names it
    signature: str  # the model id and every option that changes what is translated: drafts are cached by it

    def translate_batch(self, sources: list[str], n_best: int = 1,
                        on_progress: BatchProgress | None = None) -> list[list[str]]:
        """Per source, its hypotheses best first: at least one, at most n_best (an engine without n-best
        lists gives one)."""
        ...


class Engine(Protocol):
    """What the registry (engines.py) loads by name: how to find the engine's installed model."""

    install_hint: str  # how to get a model, completing "to get drafts, …"

    @classmethod
    def installed(cls, options: EngineOptions, warn: Warn) -> Translator | None:
        """The engine with its installed model, or None when it has none."""
        ...

    @classmethod
    def not_installed(cls) -> ModelError:
        """The error for a run that asked for this engine by name when it has no model: what is missing, where
        it was looked for, how to install it."""
        ...
