"""Machine-translation engines by name: the one place an engine is registered.

Like sacrebleu's tokenizers, ENGINES maps a name to where its code lives, and the module is imported only
when the engine is used: `l10n --help` and runs with `--mt none` never load an engine's libraries. `--mt`
takes `auto` (the first engine, in this order, that has a model installed), an engine's name (its model is
required) or `none`. Adding an engine: a module with a class that follows base.Engine (and whose
translators follow base.Translator), and one line here; an engine with models to install (`l10n models`) names
its base.ModelStore on that line too.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..plumbing.errors import ModelError, UsageError
from .base import Engine, EngineOptions, ModelStore, Translator

AUTO, NONE = "auto", "none"


@dataclass(frozen=True)
class Registered:
    code: str  # "module:Class"; a module starting with a dot is in this package
    package: str  # what pip installs to provide its libraries: the hint when an import fails
    models: str | None = None  # its base.ModelStore, "module" or "module:Class", for `l10n models`; None: the
    # engine installs no models of its own

    def load(self, name: str) -> type[Engine]:
        return self._imported(self.code, name)

    def model_store(self, name: str) -> ModelStore | None:
        return self._imported(self.models, name) if self.models is not None else None

    def _imported(self, code: str, name: str):
        module, _, attribute = code.partition(":")
        try:
            loaded = importlib.import_module(module, __package__)
        except ImportError as error:
            raise ModelError(f"the {name} engine cannot be loaded ({error}); install it with "
                             f"`pip install {self.package}`") from error
        return getattr(loaded, attribute) if attribute else loaded


ENGINES: dict[str, Registered] = {
    "argos": Registered(".argos:ArgosTranslator", "argostranslate", models=".models"),
}


def choices() -> tuple[str, ...]:
    """What `--mt` and `[english] mt` accept."""
    return (AUTO, *ENGINES, NONE)


def model_stores(name: str | None = None) -> list[tuple[str, ModelStore]]:
    """The engines with models to install (`l10n models`) and their stores, in ENGINES' order; `name`: that
    engine's alone."""
    having = [engine for engine, registered in ENGINES.items() if registered.models is not None]
    if not having:
        raise UsageError("no registered engine has models to install")
    if name not in (None, *having):
        raise UsageError(f"unknown --engine {name!r}; engines with models to install: {', '.join(having)}")
    return [(engine, ENGINES[engine].model_store(engine)) for engine in having if name in (None, engine)]


def check(choice: str) -> None:
    if choice not in choices():
        raise UsageError(f"unknown --mt {choice!r}; choose one of {', '.join(choices())}")


def open_translator(choice: str, options: EngineOptions, notices: list[str]) -> Translator | None:
    """The engine `--mt` asks for with its installed model; None for `none`, and for `auto` when no engine has a
    model (a notice says how to get one). An engine asked for by name must have one: ModelError otherwise."""
    check(choice)
    if choice == NONE:
        return None
    if choice != AUTO:
        engine = ENGINES[choice].load(choice)
        translator = engine.installed(options, notices.append)
        if translator is None:
            raise engine.not_installed()
        return translator
    hints = []
    for name, registered in ENGINES.items():
        try:
            engine = registered.load(name)
        except ModelError as error:
            notices.append(f"English: {error}")
            continue
        translator = engine.installed(options, notices.append)
        if translator is not None:
            return translator
        hints.append(engine.install_hint)
    if hints:
        notices.append("English: no machine-translation model installed, so the en.po entries without a "
                       "translation-memory match are left for translators; "
                       f"to get drafts, {'; or '.join(hints)}.")
    return None
