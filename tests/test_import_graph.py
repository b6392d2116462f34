"""The package's import graph (grimp): no cycle, and no import from a lower layer to a higher one.

The layers are the architecture (docs/architecture.md), highest first: what a layer's modules import lies in
their own layer or below. Every module of the package sits in exactly one layer, so a new module has to be
placed here; a layer named here that no longer exists fails too (grimp would skip it silently).
"""
from __future__ import annotations

import copy

import grimp
import pytest

PACKAGE = "l10n"
# Highest first. A tuple is a layer of modules that may import each other; a frozenset one whose modules
# must not (independent siblings).
LAYERS: list[tuple[str, ...] | frozenset[str]] = [
    frozenset({"__main__", "reference"}),  # `python -m l10n`; the generated docs
    ("cli",),  # parses options, renders what the library returns
    frozenset({"build", "exchange"}),  # the commands that start from catalogs
    ("config",),  # the settings file and the command line, into the commands' options dataclasses
    ("pipeline",),  # the conductor of a run
    ("translate",),  # English drafts: engines, glossary enforcement, the cache, the memory
    ("qa",),  # checks; `check` and the checks `build` runs
    ("mining",),  # glossary suggestions, and the word boundaries QA shares
    ("batch",),  # batch runs: scheduling, inputs, executors, the manifest, the lock, claims, snapshots, backups
    ("align",),  # sentence alignment, references, archives
    ("writers",),  # articles, the review page, TMX, XLIFF
    ("catalog",),  # the entry model, reading, writing and merging catalogs, document.json
    ("glossary", "locales"),  # the desk's glossary; every language's names (locale, tags, plurals)
    ("editions",),  # the Traditional editions: their table, OpenCC with regional layers
    ("reading",),  # an article file to a Document: readers, cleaning, the article's region, sentences
    ("text",),  # text facts every stage shares: quantities, words, dictionaries, placeholders, notes
    ("plumbing",),  # errors, atomic files, SQLite, escaping, columns, the segment table, deferred imports
    ("model",),  # the data that flows between stages
]


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=True)


def _layer_modules() -> list[str]:
    return [name for layer in LAYERS for name in layer]


def test_every_module_sits_in_one_layer(graph):
    top_level = {module.removeprefix(f"{PACKAGE}.").split(".")[0] for module in graph.modules} - {PACKAGE}
    named = _layer_modules()
    assert sorted(top_level - set(named)) == [], "modules in no layer: add them to LAYERS"
    assert sorted(set(named) - top_level) == [], "layers naming modules that are gone"
    assert len(named) == len(set(named)), "a module in two layers"


def _upward_chains(graph: grimp.ImportGraph) -> list[str]:
    layers = [grimp.Layer(*sorted(layer), independent=isinstance(layer, frozenset)) for layer in LAYERS]
    illegal = graph.find_illegal_dependencies_for_layers(layers=layers, containers={PACKAGE})
    return sorted(f"{dependency.importer} → {dependency.imported}: {' | '.join(sorted(route.heads))} → "
                  f"{' → '.join(route.middle)}{' → ' if route.middle else ''}{' | '.join(sorted(route.tails))}"
                  for dependency in illegal for route in dependency.routes)


def test_no_import_goes_up_a_layer(graph):
    assert _upward_chains(graph) == []


def test_an_import_up_a_layer_is_found(graph):
    graph = copy.deepcopy(graph)
    graph.add_import(importer=f"{PACKAGE}.model", imported=f"{PACKAGE}.cli")
    graph.add_import(importer=f"{PACKAGE}.build", imported=f"{PACKAGE}.exchange")  # independent siblings
    assert [chain.split(":")[0] for chain in _upward_chains(graph)] == [
        "l10n.build → l10n.exchange", "l10n.model → l10n.cli"]


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            following = next(imported, None)
            if following is not None:
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(sorted(graph.find_modules_directly_imported_by(following)))))
                elif following in on_stack:
                    low[module] = min(low[module], index[following])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_itself_through_others(graph):
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for importer, imported in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")]:
        graph.add_import(importer=importer, imported=imported)
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]
