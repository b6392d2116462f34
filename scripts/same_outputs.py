"""Do two checkouts of l10n write the same bytes? For restructurings that must not change any output.

Each checkout runs with its own code (PYTHONPATH) and its own glossary.csv, into a folder of its own:
1. `run --mt none` over the inputs (plain/), then `build --allow-fuzzy --fallback source` (every article
   writer) and `build --review` there;
2. a copy of those folders whose catalogs this script fills the way a reviewer would, deterministically
   (filled/: per entry in turn left as it is, translated and reviewed, translated but still fuzzy, an
   English text that keeps the source's placeholders, figures and Latin words and, mostly, the glossary's names), written with polib, not with the code
   under test; then `run --mt none --force` over it (merging a reviewer's work, backups), `check --json`
   (QA findings written into the catalogs), `build` (strict), `build --allow-fuzzy --fallback source`,
   `build --review`, and `export tmx` / `export xliff` in their shapes (exports/).
An entry with a QA error is not built, so build may exit 1. Every file written is compared (not the manifest or the lock, which hold timings), and so is what build,
check and export print and their exit codes (commands/, the output folder's path replaced by OUT).
User folders (cache, memory, Argos packages) point into the temporary folder, so nothing of the user's is read.

    python scripts/same_outputs.py --base /work/main --tree . /work/shared/samples/dev \
        l10n/samples/jiemian-openai-board.zh.txt

Prints one line per differing file and a last line `identical: N files` or `DIFFERENT: N of M files`;
exits 1 when anything differs. `--keep DIR` keeps both trees' outputs (DIR/base, DIR/tree) for `diff -r`.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

_KEPT = re.compile(r"</?[a-z]\d+/?>|\d+(?:[.,]\d+)*%?|[A-Za-z][\w&.-]*")
_GLOSSARY_NOTE = re.compile(r"^glossary: .+? → (.+?)(?: \(|$)")


def _english(entry: polib.POEntry, number: int) -> str:
    """A reviewer's English for a sentence: its placeholders (pairs stay pairs), figures and Latin words kept in
    order, and but for every sixth entry (left for QA to find) the glossary's names."""
    kept = [match[0] for match in _KEPT.finditer(entry.msgid)]
    if number % 6 != 5:
        kept += [found[1] for line in entry.comment.splitlines() if (found := _GLOSSARY_NOTE.match(line))]
    return " ".join([f"Sentence {number}", *kept]) + "."


def _fill(folder: Path) -> None:
    """Each catalog's entries in turn: left as the run wrote it, reviewed, given a text but left fuzzy;
    every seventh one's source a little different, as if the article had changed since."""
    for path in sorted(folder.rglob("*.po")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        catalog = polib.pofile(str(path), wrapwidth=79)
        english = path.stem == "en"
        for number, entry in enumerate((entry for entry in catalog if not entry.obsolete), start=1):
            if number % 3 == 0:
                continue
            if english or not entry.msgstr:
                entry.msgstr = _english(entry, number) if english else entry.msgid
            if number % 3 == 1 and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            if number % 3 == 2:
                entry.tcomment = f"reviewer {number}: left fuzzy on purpose"
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
            if number % 7 == 3 and len(entry.msgid) > 4:  # as if the source had changed since: a fuzzy match now
                entry.msgid = entry.msgid[:-1]
        catalog.metadata["Last-Translator"] = "A Reviewer <reviewer@example.org>"
        catalog.metadata["PO-Revision-Date"] = "2024-05-01 12:00+0800"
        catalog.save(str(path))


def _outputs(tree: Path, inputs: list[Path], out: Path, home: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config"),
           "ARGOS_PACKAGES_DIR": str(home / "argos")}
    plain, filled, exports, printed = out / "plain", out / "filled", out / "exports", out / "commands"
    printed.mkdir(parents=True)

    def l10n(name: str, *command: str, codes: tuple[int, ...] = (0,)) -> None:
        done = subprocess.run([sys.executable, "-m", "l10n", *command], cwd=tree, env=env, capture_output=True,
                              text=True)
        if done.returncode not in codes:
            raise SystemExit(f"{tree}: l10n {' '.join(command[:2])} exited {done.returncode}: {done.stderr[-2000:]}")
        if name:
            text = f"exit {done.returncode}\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}"
            (printed / f"{name}.txt").write_text(text.replace(str(out), "OUT"), encoding="utf-8")

    articles = list(map(str, inputs))
    l10n("", "run", "--mt", "none", "--quiet", "--out", str(plain), *articles)
    shutil.copytree(plain, filled)
    l10n("plain-build", "build", "--quiet", "--allow-fuzzy", "--fallback", "source", str(plain), codes=(0, 1))
    l10n("plain-review", "build", "--quiet", "--review", str(plain))
    _fill(filled)
    l10n("", "run", "--mt", "none", "--quiet", "--force", "--out", str(filled), *articles)
    l10n("filled-check", "check", "--json", str(filled), codes=(0, 1))
    l10n("filled-build-strict", "build", "--quiet", "--verbose", str(filled), codes=(0, 1))
    l10n("filled-build", "build", "--quiet", "--allow-fuzzy", "--fallback", "source", str(filled), codes=(0, 1))
    l10n("filled-review", "build", "--quiet", "--review", str(filled))
    l10n("tmx", "export", "tmx", str(filled), "--out", str(exports / "tmx"))
    l10n("tmx-text", "export", "tmx", str(filled), "--out", str(exports / "tmx-text"), "--multilingual", "--tags",
         "bcp47", "--placeholders", "text")
    l10n("xliff", "export", "xliff", str(filled), "--out", str(exports / "xliff"))
    l10n("xliff-sentence", "export", "xliff", str(filled), "--out", str(exports / "xliff-sentence"), "--units",
         "sentence")
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and not path.name.startswith(".l10n")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare against (main)")
    parser.add_argument("--tree", type=Path, default=Path.cwd(), help="the checkout with the change")
    parser.add_argument("--keep", type=Path, help="keep both outputs here (DIR/base, DIR/tree), for diff -r")
    parser.add_argument("inputs", type=Path, nargs="+", help="articles or folders of them")
    args = parser.parse_args()
    inputs = [path.resolve() for path in args.inputs]
    with tempfile.TemporaryDirectory(prefix="l10n-same-") as folder:
        folder = Path(folder)
        base = _outputs(args.base.resolve(), inputs, folder / "base", folder / "home-base")
        tree = _outputs(args.tree.resolve(), inputs, folder / "tree", folder / "home-tree")
        if args.keep is not None:
            for side in ("base", "tree"):
                shutil.rmtree(args.keep / side, ignore_errors=True)
                shutil.copytree(folder / side, args.keep / side)
    differing = sorted(name for name in base.keys() | tree.keys() if base.get(name) != tree.get(name))
    for name in differing:
        where = "only in base" if name not in tree else "only in tree" if name not in base else "differs"
        print(f"{where}: {name}")
    total = len(base.keys() | tree.keys())
    print(f"DIFFERENT: {len(differing)} of {total} files" if differing else f"identical: {total} files")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
