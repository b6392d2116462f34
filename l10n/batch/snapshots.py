"""What a run looked up before sending a chunk of documents out to be worked on.

Workers may run on other machines, where the translation cache and memory files cannot be reached. So the
run looks up the chunk's sentences itself and sends the answers with the chunk; these objects give the
stages the same read interface as the cache and the memory, and collect the drafts a worker makes so they
flow back into the run's cache.
"""
from __future__ import annotations


class KnownDrafts:
    """The cache's answers for one chunk (TranslationCache's get_many/put_many)."""

    def __init__(self, found: dict[str, dict]):
        self._found = found
        self.fresh: dict[str, dict] = {}

    def get_many(self, keys: list[str]) -> dict[str, dict]:
        return {key: self._found[key] for key in keys if key in self._found}

    def put_many(self, items: dict[str, dict]) -> None:
        self.fresh.update(items)


class KnownMatches:
    """The translation memory's exact matches for one chunk, per locale (TranslationMemory's lookup)."""

    def __init__(self, found: dict[str, dict]):
        self._found = found

    def lookup(self, sources: list[str], locale: str) -> dict:
        known = self._found.get(locale, {})
        return {source: known[source] for source in sources if source in known}
