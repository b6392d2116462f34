"""A module imported where it is first used rather than at start-up, for a costly module a common path never needs."""
from __future__ import annotations

import importlib
from typing import Any


class Deferred:
    """Stands for the module `name`: the first attribute read imports it (under Python's import lock, so threads
    are safe) and every read is passed on to the module itself, so whatever patches the module is seen here."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute == "_name":  # not set yet: copy and pickle make the object before its __dict__
            raise AttributeError(attribute)
        return getattr(importlib.import_module(self._name), attribute)
