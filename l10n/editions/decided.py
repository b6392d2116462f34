"""What one of OpenCC's phrases may write for a character that the character alone is not written as, in an
edition: variant._opencc_phrases looks for a phrase that decided a character only where the conversion holds one.

OpenCC cuts a text into segments (its longest phrases, else single characters) and converts each segment on its
own through every step of its chain. A single character's segment is written as the character alone is, so a
character is written otherwise only inside one of OpenCC's phrases, as that phrase alone writes it: 頭髮 for 头发
(发 alone is 發), 年穀 for 年谷. Those renderings (髮, 穀, 併, 瞭 …) are few, and most sentences hold none. They are
read once from OpenCC's dictionaries with its own `opencc_dict` tool and the edition's OpenCC without the layers'
rules (a rule's segment is its mark: stacks.py), about a second of CPU, and kept in the user's cache folder, made
again for another OpenCC version or other regional characters."""
from __future__ import annotations

import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from ..plumbing.files import cache_folder, read_cached, write_cached
from . import Edition
from . import layers
from .compiled import opencc_dict, opencc_version
from .stacks import _build, _shipped_config, convert_many

_FORMAT = "l10n OpenCC phrase renderings 1"


@lru_cache(maxsize=None)
def renderings(edition: Edition) -> frozenset[str] | None:
    """The characters the edition's OpenCC writes inside one of its phrases where the phrase's character alone is
    written otherwise; None when they cannot be told (OpenCC's dictionaries unreadable): then every character of
    the conversion is looked at."""
    path = cache_folder() / f"phrase-renderings-{edition.key}.json"
    key = [edition.opencc, opencc_version(), [list(pair) for pair in layers.characters(edition.region)]]
    kept = read_cached(path, _FORMAT, key, "characters")
    if isinstance(kept, str):
        return frozenset(kept)
    found = _derived(edition)
    if found is not None:
        write_cached(path, _FORMAT, key, "characters", "".join(sorted(found)))
    return found


def _derived(edition: Edition) -> frozenset[str] | None:
    settings, folder = _shipped_config(edition.opencc)
    try:
        phrases = [key for name in _files(settings.get("segmentation", settings["conversion_chain"][0]))
                   for key in _keys(folder / name) if len(key) > 1]
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    converter = _build(edition, [], {})  # the edition's characters, no rule
    source = "\n".join(phrases)  # no phrase holds a line break
    written = converter.convert(source) if source else source
    own = sorted(set(source) - {"\n"})
    alone = source.translate(dict(zip(map(ord, own), convert_many(converter.convert, own), strict=True)))
    if not len(source) == len(written) == len(alone):  # a phrase of another length: no position can be trusted
        return None
    return frozenset(phrase_wrote for phrase_wrote, alone_wrote in zip(written, alone) if phrase_wrote != alone_wrote)


def _files(node) -> list[str]:
    """The dictionary files of a config's node."""
    if isinstance(node, dict):
        return ([node["file"]] if "file" in node else []) + [name for value in node.values() for name in _files(value)]
    if isinstance(node, list):
        return [name for value in node for name in _files(value)]
    return []


def _keys(dictionary: Path) -> list[str]:
    """A dictionary's keys, read with OpenCC's own tool."""
    if dictionary.suffix != ".ocd2":
        raise ValueError(f"not a compiled dictionary: {dictionary}")
    with tempfile.TemporaryDirectory(prefix="l10n-opencc-") as work:
        text = Path(work) / "dictionary.txt"
        opencc_dict(dictionary, text, "ocd2", "text")
        return [line.split("\t", 1)[0] for line in text.read_text(encoding="utf-8").splitlines() if line]
