"""Rewrite the parts of docs/ made from the program: docs/commands.md, the settings table of docs/settings.md and
the table of QA checks in docs/qa.md.

Run: python scripts/command_reference.py [--check]   (--check: change nothing, exit 1 when either is stale)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.reference import GENERATED  # noqa: E402


def main(check: bool) -> int:
    stale = []
    for path, make in GENERATED.items():
        target = ROOT / path
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        new = make(old)
        if new != old:
            stale.append(path)
            if not check:
                target.write_text(new, encoding="utf-8")
    for path in stale:
        print(f"{path}: {'stale; run python scripts/command_reference.py' if check else 'rewritten'}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
