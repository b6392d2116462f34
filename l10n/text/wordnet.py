"""English nouns WordNet relates, read from Debian's WordNet database (`apt-get install wordnet-base`: its index and
data files under /usr/share/wordnet). Without it every lookup finds nothing.

The index is sorted, so a lemma is found by a binary search in the file's bytes, and a synset is read at its byte
offset in the data file: nothing is parsed up front (the noun index alone has 117,000 lemmas)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDER = Path("/usr/share/wordnet")


@lru_cache(maxsize=1)
def _index() -> bytes:
    try:
        return (FOLDER / "index.noun").read_bytes()
    except OSError:
        return b""


@lru_cache(maxsize=4096)
def noun_senses(lemma: str) -> tuple[int, ...]:
    """The offsets of a noun's synsets, most frequent sense first; words of a compound joined by "_"."""
    data, key = _index(), lemma.lower().replace(" ", "_").encode("latin-1", "replace")
    low, high = 0, len(data) if key else 0
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        fields = data[start:end].split()
        word = fields[0] if fields and not data.startswith(b"  ", start) else b""  # the licence opens the file
        if word == key:
            count = int(fields[2])
            return tuple(int(offset) for offset in fields[-count:])
        if word < key:
            low = end + 1
        else:
            high = start
    return ()


@lru_cache(maxsize=4096)
def synset(offset: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A noun synset's lemmas (lower case, "_" between a compound's words) and the offsets of its hyponyms, the
    kinds of it (contest: game, match, race, …); not its instances, which are names (city: Aachen, Aberdeen, …)."""
    with open(FOLDER / "data.noun", "rb") as data:
        data.seek(offset)
        fields = data.readline().decode("latin-1").split("|")[0].split()
    count = int(fields[3], 16)
    lemmas = tuple(fields[4 + 2 * index].lower() for index in range(count))
    pointers = 5 + 2 * count  # each pointer: its symbol, the synset's offset, its part of speech, source/target
    kinds = tuple(int(fields[pointers + 4 * index + 1]) for index in range(int(fields[pointers - 1]))
                  if fields[pointers + 4 * index] == "~" and fields[pointers + 4 * index + 2] == "n")
    return lemmas, kinds
