"""What every translation engine offers the pipeline, and the options a desk may set for any engine."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
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


@dataclass(frozen=True)
class ModelInfo:
    """One installed model, as `l10n models` lists it."""

    name: str
    from_code: str
    to_code: str
    version: str
    path: Path


class ModelStore(Protocol):
    """An engine's models on this machine, which `l10n models` lists and installs; the registry (engines.py) says
    which engines have one. A module may be one: translate/models.py is Argos's."""

    TITLE: str  # what its models are called, completing "no … installed in FOLDER": "Argos packages"

    def packages_dir(self) -> Path:
        """Where its models are installed."""
        ...

    def list_packages(self, warn: Warn | None = None) -> list[ModelInfo]:
        ...

    def install_file(self, path: Path) -> ModelInfo:
        """Install a model file (offline), checked first; ModelError when it is refused."""
        ...

    def install_from_index(self, from_code: str, to_code: str) -> ModelInfo:
        """Install the newest model for a language pair from the engine's index (needs internet)."""
        ...
