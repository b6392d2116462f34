"""What a common path never needs, made where it is first used rather than at start-up: a costly module
(Deferred), a regular expression that is costly to compile (DeferredPattern)."""
from __future__ import annotations

import importlib
import re
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


class DeferredPattern:
    """Stands for re.compile(pattern, flags), compiled at the first attribute read (search, match …). re builds a
    class's table one code point at a time: a class over the Han block (U+3400–U+9FFF) costs about 12 million
    instructions to compile, in every process, used or not. For a pattern that a common run never uses (an
    English-only check, the reader of legacy charsets). Each attribute read is kept on the object, so later reads
    cost what they cost on the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern, self._flags = pattern, flags

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):  # _pattern before __init__ (copy, pickle), dunder probes
            raise AttributeError(attribute)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self._pattern, self._flags)
        value = getattr(compiled, attribute)
        setattr(self, attribute, value)
        return value
