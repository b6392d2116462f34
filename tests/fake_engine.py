"""The tests' stand-in engine, behind the same protocols as a real one (l10n/translate/base.py).

FakeTranslator answers from a table (source → hypotheses, best first), else with `draft` made from the
source; it records every batch it was asked. It is picklable, so worker processes get their own copy.
FakeEngine is the same fake as the engine registry loads it by name: tests register it with
`monkeypatch.setitem(engines.ENGINES, "fake", Registered("fake_engine:FakeEngine", "fake-engine"))`;
FakeModels is its model store for `l10n models` (Registered(..., models="fake_engine:FakeModels")).
"""
from __future__ import annotations

from pathlib import Path

from l10n.plumbing.errors import ModelError
from l10n.translate.base import ModelInfo


class FakeTranslator:
    def __init__(self, answers: dict[str, list[str]] | None = None, draft: str = "EN {source}",
                 model_id: str = "fake 1.0"):
        self.answers = answers or {}
        self.draft = draft
        self.model_id = model_id
        self.signature = model_id
        self.calls: list[list[str]] = []

    def translate_batch(self, sources, n_best=1, on_progress=None):
        self.calls.append(list(sources))
        return [list(self.answers.get(source, [self.draft.format(source=source)]))[:n_best] for source in sources]


class FakeEngine:
    install_hint = "install the fake model with `fake install`"
    model_installed = True  # a test sets it to False for an engine without a model

    @classmethod
    def installed(cls, options, warn):
        if not cls.model_installed:
            return None
        return FakeTranslator(model_id=f"fake engine 2.0 beam {options.beam_size} threads {options.threads}")

    @classmethod
    def not_installed(cls):
        return ModelError(f"no fake model installed; {cls.install_hint}", "/fake/models")


class FakeModels:
    """The fake engine's models: install_file records one per file (its stem its name), the index is offline. A
    test gives it an empty `installed` list of its own."""

    TITLE = "fake models"
    folder = Path("/fake/models")
    installed: list[ModelInfo] = []

    @classmethod
    def packages_dir(cls):
        return cls.folder

    @classmethod
    def list_packages(cls, warn=None):
        return list(cls.installed)

    @classmethod
    def install_file(cls, path):
        model = ModelInfo(path.stem, "zh", "en", "2.0", cls.folder / path.stem)
        cls.installed.append(model)
        return model

    @classmethod
    def install_from_index(cls, from_code, to_code):
        raise ModelError(f"the fake index is offline ({from_code}→{to_code})", cls.folder)
