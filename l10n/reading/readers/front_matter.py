"""YAML front matter of a Markdown file → the page's metadata (title, url, date, author, site).

Front matter comes from clippers and archivers, so it is read as untrusted: PyYAML's safe loader, without
aliases (a few hundred bytes of `*a` references can expand to gigabytes), at most _MAX_DEPTH levels of
nesting (deeper input would exhaust the recursion of the composer) and _MAX_CHARS characters. A date that
is no date (`2024-02-30`) stays the text it is. Whatever cannot be read raises InputError at its line; the
Markdown reader then reads the block as text and warns.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.composer import ComposerError

from ...plumbing.errors import InputError
from .base import tidy

MAX_CHARS = 64 * 1024
MAX_DEPTH = 32
_METADATA_KEYS = {"title": "title", "url": "url", "link": "url", "source_url": "url", "date": "date",
                  "published": "date", "author": "author", "source": "site", "site": "site"}


class _BoundedLoader(yaml.SafeLoader):
    """The safe loader (pure Python, so the limits below apply) without aliases and with a depth limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise ComposerError(None, None, "aliases (*name) are not allowed", self.peek_event().start_mark)
        if self._depth >= MAX_DEPTH:
            raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2024-02-30: looks like a date, is none
            return self.construct_scalar(node)


_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp)


def read_front_matter(content: str, path: Path, first_line: int) -> dict[str, str]:
    """The metadata the front matter gives; `first_line` is the line of the file its content starts on."""
    if len(content) > MAX_CHARS:
        raise InputError(f"front matter is longer than {MAX_CHARS // 1024} KB", path, first_line)
    try:
        data = yaml.load(content, Loader=_BoundedLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        raise InputError(f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}",
                         path, line) from error
    except (ValueError, TypeError, OverflowError) as error:  # a tagged scalar that is not what its tag says
        raise InputError(f"front matter holds a value YAML cannot read: {error}", path, first_line) from error
    if not isinstance(data, dict):
        return {}
    metadata: dict[str, str] = {}
    for key, value in data.items():
        name = _METADATA_KEYS.get(str(key).lower())
        if name and name not in metadata and value not in (None, ""):
            metadata[name] = tidy(str(value))
    return metadata
