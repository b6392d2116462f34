"""Option values the command line takes without pydantic.

typer (0.2x) coerces each option's value through a pydantic TypeAdapter that it builds on the option's first use,
even for an option that was not given and so stays None: importing pydantic and building the adapters of `run`'s
two dozen options is about a sixth of what a run does once. Values that need nothing of pydantic are taken here
with the result typer's coercion gives them: an option not given, a text, a path that needs no check beyond being
readable, a whole number within its bounds, a list of those. Anything else (a choice, a fraction, a number out of
its bounds, a path that must exist) goes to typer's own coercion, with its messages.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, get_args, get_origin

_TYPER = object()  # not taken here: typer's own coercion decides
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def _leaf(annotation: Any, info: Any, value: Any) -> Any:
    if type(value) is not str or info.parser is not None:
        return _TYPER
    if annotation is str:
        return value
    if annotation is int:
        if info.clamp or not _WHOLE_NUMBER.fullmatch(value):
            return _TYPER
        number = int(value)
        within = (info.min is None or number >= info.min) and (info.max is None or number <= info.max)
        return number if within else _TYPER
    if annotation is Path:
        if (not value or "\0" in value or info.exists or info.resolve_path or info.writable or info.allow_dash
                or not (info.file_okay and info.dir_okay) or info.path_type not in (None, Path)):
            return _TYPER
        if info.readable and os.path.exists(value) and not os.access(value, os.R_OK):
            return _TYPER  # typer says so
        return Path(value)
    return _TYPER


def value(annotation: Any, info: Any, given: Any, multiple: bool) -> Any:
    """What typer's coercion makes of `given` for an option of this annotation and typer's parameter info, or
    _TYPER where that is left to typer."""
    if given is None:
        return () if multiple else None
    if get_origin(annotation) is list:
        if not isinstance(given, (list, tuple)):
            return _TYPER
        items = [_leaf(get_args(annotation)[0], info, item) for item in given]
        return _TYPER if any(item is _TYPER for item in items) else items
    return _leaf(annotation, info, given)


class _Coercion:
    """typer's RuntimeParam for one option, its own (and so pydantic) built only for a value not taken here."""

    def __init__(self, parameter: Any, build: Any):
        self._parameter = parameter
        self._build = build
        self._typer = None

    def coerce(self, given: Any, param: Any, ctx: Any) -> Any:
        descriptor = self._parameter.type_descriptor
        result = value(descriptor.annotation, descriptor.parameter_info, given, param.multiple or param.nargs == -1)
        if result is not _TYPER:
            return result
        if self._typer is None:
            self._typer = self._build(descriptor)
        return self._typer.coerce(given, param=param, ctx=ctx)


def install() -> None:
    """Route typer's coercion of option values through `value` first; a typer without that coercion (its
    parameters have no get_runtime_param) is left as it is."""
    try:
        from typer import _coercion, core
    except ImportError:
        return
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or not hasattr(parameter, "get_runtime_param") or getattr(parameter, "_l10n_values", False):
        return

    def get_runtime_param(self):
        if getattr(self, "_runtime_param", None) is None:
            self._runtime_param = _Coercion(self, _coercion.build_runtime_param)
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
    parameter._l10n_values = True
