"""The bundled sample's exchange files in the tools themselves, and its catalogs through msgmerge -U.

Run: python scripts/cat_tools_demo.py [OUT]   (default: a new temporary folder; needs gettext, and OmegaT for
its part: apt-get install omegat)

1. `run --mt none` on the bundled sample, then a hand-filled review: the English of scripts/deliverables_demo.py
   where it has one, a labelled stand-in elsewhere ("[English of body, paragraph 19, sentence 1]"), every entry
   (and OpenCC's Traditional) accepted.
2. `export tmx` (one file per pair) and `export xliff`; OmegaT 3.6 in console mode translates the sample's
   template in a zh-CN → en and a zh-CN → zh-TW project from them: how many entries it fills.
3. Translate Toolkit reads the TMX pairs (languages) and the XLIFF (languages, states).
4. The msgmerge cycle: a second folder whose drafts are all machine text (exact matches from a memory made of
   step 2's TMX files); msgmerge -U on both catalogs; `run` again: what it backed up, which texts changed,
   whether any entry borrowed another sentence's translation, whether the drafts' origin notes came back.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import polib
from typer.testing import CliRunner

from l10n.cli import app

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from deliverables_demo import ENGLISH  # noqa: E402
import omegat_project  # noqa: E402

NAME = "jiemian-openai-board"
runner = CliRunner()


def _l10n(*arguments: str) -> str:
    result = runner.invoke(app, list(arguments))
    if result.exit_code != 0:
        raise SystemExit(f"l10n {' '.join(arguments)} failed ({result.exit_code}): {result.output}")
    return result.stdout


def _run(out: Path, *extra: str) -> Path:
    _l10n("run", "--mt", "none", "--out", str(out), "--glossary", str(ROOT / "glossary.csv"), "-q", *extra)
    return out / NAME


def _review(folder: Path) -> int:
    """Every entry reviewed: our English where we have it, a labelled stand-in elsewhere; OpenCC accepted."""
    english = polib.pofile(str(folder / "en.po"))
    ours = 0
    for entry in english:
        ours += entry.msgid in ENGLISH
        entry.msgstr = ENGLISH.get(entry.msgid) or f"[English of {entry.comment.splitlines()[0]}]"
        entry.flags = []
    english.save(str(folder / "en.po"))
    traditional = polib.pofile(str(folder / "zh_TW.po"))
    for entry in traditional:
        entry.flags = []
    traditional.save(str(folder / "zh_TW.po"))
    return ours


def _omegat(folder: Path, work: Path) -> None:
    if omegat_project.OMEGAT is None:
        print("OmegaT: not installed (apt-get install omegat), not run")
        return
    for locale, target in (("en", "en"), ("zh_TW", "zh-TW")):
        filled = omegat_project.fill(work / f"omegat-{locale}", folder / f"{NAME}.pot",
                                     folder / f"translations.{locale}.tmx", target)
        exact = {entry.msgid: entry.msgstr for entry in polib.pofile(str(folder / f"{locale}.po")) if entry.msgid}
        right = sum(filled.translations.get(msgid) == text for msgid, text in exact.items())
        print(f"$ {' '.join(filled.command)}")
        for line in filled.output.splitlines():
            if "TMX" in line or "Warning" in line or "rror" in line:
                print(f"  {line}")
        print(f"OmegaT zh-CN → {target}: {sum(bool(text) for text in filled.translations.values())} of "
              f"{len(filled.translations)} entries filled, {right} with the reviewed translation")


def _translate_toolkit(folder: Path, tmx: bool = True) -> None:
    from lxml import etree
    from translate.storage.tmx import tmxfile
    from translate.storage.xliff2 import Xliff2File

    for locale in ("en", "zh_TW"):
        if tmx:
            store = tmxfile.parsefile(str(folder / f"translations.{locale}.tmx"))
            languages = Counter(tuple(node.get("{http://www.w3.org/XML/1998/namespace}lang")
                                      for node in unit.getlanguageNodes()) for unit in store.units)
            print(f"Translate Toolkit tmxfile translations.{locale}.tmx: source {store.getsourcelanguage()}, "
                  f"{len(store.units)} units, languages per unit {dict(languages)}")
        path = folder / f"translations.{locale}.xlf"
        xliff = Xliff2File.parsefile(str(path))
        states = Counter("fuzzy" if unit.isfuzzy() else "approved" if unit.isapproved()
                         else "translated" if unit.istranslated() else "untranslated" for unit in xliff.units)
        segments = etree.parse(str(path)).iter("{urn:oasis:names:tc:xliff:document:2.0}segment")
        written = Counter(" ".join(filter(None, (segment.get("state"), segment.get("subState")))) for segment in segments)
        print(f"Translate Toolkit Xliff2File {path.name}: {xliff.getsourcelanguage()} → {xliff.gettargetlanguage()}, "
              f"{len(xliff.units)} units: {dict(sorted(states.items()))}; written as {dict(sorted(written.items()))}")


def _entries(folder: Path, locale: str) -> dict[str, polib.POEntry]:
    return {entry.msgid: entry for entry in polib.pofile(str(folder / f"{locale}.po")) if not entry.obsolete}


def _cycle(folder: Path, work: Path) -> None:
    memory = work / "memory.sqlite3"
    for locale in ("en", "zh_TW"):
        _l10n("import", "tmx", str(folder / f"translations.{locale}.tmx"), "--memory", str(memory))
    drafts = _run(work / "cycle", "--memory", str(memory))
    before = {locale: _entries(drafts, locale) for locale in ("en", "zh_TW")}
    for locale in ("en", "zh_TW"):
        command = ["msgmerge", "--quiet", "--update", "--backup=none", str(drafts / f"{locale}.po"),
                   str(drafts / f"{NAME}.pot")]
        subprocess.run(command, check=True)
        origins = sum("translation memory: " in entry.comment for entry in _entries(drafts, locale).values())
        print(f"$ {' '.join(command)}  → entries with a `translation memory:` note now: {origins}")
    _run(work / "cycle", "--memory", str(memory))
    backups = sorted(path.name for path in (drafts / ".backup").glob("*/*")) if (drafts / ".backup").exists() else []
    print(f"re-run after msgmerge -U: backups {backups or 'none'}")
    print(_l10n("export", "xliff", str(drafts)), end="")
    _translate_toolkit(drafts, tmx=False)
    for locale, entries in before.items():
        after = _entries(drafts, locale)
        changed = sum(after[msgid].msgstr != entry.msgstr for msgid, entry in entries.items())
        borrowed = sum(entry.previous_msgid is not None for entry in after.values())
        machine = sum(entry.fuzzy and bool(entry.msgstr) for entry in after.values())
        origins = sum("translation memory: " in entry.comment for entry in after.values())
        print(f"  {locale}.po: {len(after)} entries, {machine} fuzzy machine drafts, {changed} texts changed, "
              f"{borrowed} borrowed from another sentence (#|), {origins} with their `translation memory:` note")


def main(out: Path) -> int:
    reviewed = _run(out / "reviewed")
    print(f"reviewed {reviewed}: our English for {_review(reviewed)} sentences, stand-ins for the rest")
    print(_l10n("export", "tmx", str(reviewed)), end="")
    print(_l10n("export", "xliff", str(reviewed)), end="")
    _omegat(reviewed, out)
    _translate_toolkit(reviewed)
    _cycle(reviewed, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="l10n-cat-tools-"))))
