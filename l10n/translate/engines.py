"""Machine-translation engines by name: the one place an engine is registered.

Like sacrebleu's tokenizers, ENGINES maps a name to where its code lives, and the module is imported only
when the engine is used: `l10n --help` and runs with `--mt none` never load an engine's libraries. `--mt`
takes `auto` (the first engine, in this order, that has a model installed), an engine's name (its model is
required) or `none`. Adding an engine: a module with a class that follows base.Engine (and whose
translators follow base.Translator), and one line here.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..plumbing.errors import ModelError, UsageError
from .base import Engine, EngineOptions, Translator

AUTO, NONE = "auto", "none"


@dataclass(frozen=True)
class Registered:
    code: str  # "module:Class"; a module starting with a dot is in this package
    package: str  # what pip installs to provide its libraries: the hint when an import fails

    def load(self, name: str) -> type[Engine]:
        module, _, attribute = self.code.partition(":")
        try:
            return getattr(importlib.import_module(module, __package__), attribute)
        except ImportError as error:
            raise ModelError(f"the {name} engine cannot be loaded ({error}); install it with "
                             f"`pip install {self.package}`") from error


ENGINES: dict[str, Registered] = {
    "argos": Registered(".argos:ArgosTranslator", "argostranslate"),
}


def choices() -> tuple[str, ...]:
    """What `--mt` and `[english] mt` accept."""
    return (AUTO, *ENGINES, NONE)


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
        notices.append("English: no machine-translation model installed, so en.po is left for translators; "
                       f"to get drafts, {'; or '.join(hints)}.")
    return None
