"""Whether the tests ran this tree's code. A virtualenv's editable install of another checkout (its finder maps
`l10n` to that checkout's folder) serves any `l10n.X` this tree lacks from there, so a branch that moved or deleted
a module could pass while something still imports the old name. In a clean clone installed with `pip install -e`,
the tree and the install are one folder and nothing is reported."""
from __future__ import annotations

import sys
from pathlib import Path

TREE = Path(__file__).resolve().parent.parent / "l10n"


def modules_from_elsewhere(tree: Path = TREE) -> list[str]:
    """The imported l10n modules whose file lies outside `tree` (namespace packages have none)."""
    return sorted(name for name, module in list(sys.modules.items())
                  if (name == "l10n" or name.startswith("l10n.")) and getattr(module, "__file__", None)
                  and not Path(module.__file__).resolve().is_relative_to(tree))
