"""The session's guard (tree_guard.py): a module served from another checkout is named, this tree's are not."""
import sys
import types

from tree_guard import TREE, modules_from_elsewhere


def test_a_module_from_another_checkout_is_named_and_this_tree_s_are_not(monkeypatch, tmp_path):
    import l10n.pipeline

    assert modules_from_elsewhere() == []
    assert l10n.pipeline.__file__.startswith(str(TREE))
    stray = types.ModuleType("l10n.gone")
    stray.__file__ = str(tmp_path / "main" / "l10n" / "gone.py")
    monkeypatch.setitem(sys.modules, "l10n.gone", stray)
    namespace = types.ModuleType("l10n.data")  # a namespace package: no file of its own
    monkeypatch.setitem(sys.modules, "l10n.data", namespace)
    assert modules_from_elsewhere() == ["l10n.gone"]
