"""Do two checkouts of l10n write the same bytes? For restructurings that must not change any output.

Runs, with each checkout's code (PYTHONPATH) and its own glossary.csv, `l10n run --mt none` over the inputs,
then `l10n build --allow-fuzzy --fallback source` (every article writer) and `l10n build --review` into a
folder of its own, and compares every file written (not the manifest or the lock, which hold timings).
User folders (cache, memory, Argos packages) point into the temporary folder, so nothing of the user's is read.

    python scripts/same_outputs.py --base /work/main --tree . /work/shared/samples/dev \
        l10n/samples/jiemian-openai-board.zh.txt

Prints one line per differing file and a last line `identical: N files` or `DIFFERENT: N of M files`;
exits 1 when anything differs.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def _outputs(tree: Path, inputs: list[Path], out: Path, home: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config"),
           "ARGOS_PACKAGES_DIR": str(home / "argos")}
    commands = [["run", "--mt", "none", "--quiet", "--out", str(out), *map(str, inputs)],
                ["build", "--quiet", "--allow-fuzzy", "--fallback", "source", str(out)],
                ["build", "--quiet", "--review", str(out)]]
    for command in commands:
        done = subprocess.run([sys.executable, "-m", "l10n", *command], cwd=tree, env=env, capture_output=True,
                              text=True)
        if done.returncode != 0:
            raise SystemExit(f"{tree}: l10n {' '.join(command[:1])} exited {done.returncode}: {done.stderr[-2000:]}")
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and not path.name.startswith(".l10n")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare against (main)")
    parser.add_argument("--tree", type=Path, default=Path.cwd(), help="the checkout with the change")
    parser.add_argument("inputs", type=Path, nargs="+", help="articles or folders of them")
    args = parser.parse_args()
    inputs = [path.resolve() for path in args.inputs]
    with tempfile.TemporaryDirectory(prefix="l10n-same-") as folder:
        folder = Path(folder)
        base = _outputs(args.base.resolve(), inputs, folder / "base", folder / "home-base")
        tree = _outputs(args.tree.resolve(), inputs, folder / "tree", folder / "home-tree")
    differing = sorted(name for name in base.keys() | tree.keys() if base.get(name) != tree.get(name))
    for name in differing:
        where = "only in base" if name not in tree else "only in tree" if name not in base else "differs"
        print(f"{where}: {name}")
    total = len(base.keys() | tree.keys())
    print(f"DIFFERENT: {len(differing)} of {total} files" if differing else f"identical: {total} files")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
