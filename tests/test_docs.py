"""The README stays an entry page, the generated parts of docs/ match the program, every link leads somewhere,
and the README's desk tour runs as written."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from l10n.reference import GENERATED

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)  # links shown as examples, not followed


def test_the_readme_is_an_entry_page():
    assert len(README.read_text(encoding="utf-8").splitlines()) < 150


@pytest.mark.parametrize("path", sorted(GENERATED), ids=str)
def test_the_generated_docs_are_current(path):
    """Stale after a change to the command line, the settings or the checks: run scripts/command_reference.py."""
    current = (ROOT / path).read_text(encoding="utf-8")
    assert GENERATED[path](current) == current, f"{path} is stale: run python scripts/command_reference.py"


def test_the_regeneration_script_says_when_the_docs_are_stale(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "command_reference.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def _pages() -> list[Path]:
    return [README, *sorted((ROOT / "docs").glob("*.md"))]


def test_every_link_leads_to_a_file_and_every_page_is_reachable_from_the_readme():
    reachable, queue = {README}, [README]
    while queue:
        page = queue.pop()
        for target in LINK.findall(CODE.sub("", page.read_text(encoding="utf-8"))):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            path = (page.parent / target).resolve()
            assert path.exists(), f"{page.relative_to(ROOT)} links to {target}, which does not exist"
            if path.suffix == ".md" and path not in reachable:
                reachable.add(path)
                queue.append(path)
    assert not set(_pages()) - reachable, "docs pages no link leads to"


def _tour() -> list[str]:
    readme = README.read_text(encoding="utf-8")
    section = readme.split("## A desk in ten lines", 1)[1].split("\n## ", 1)[0]
    [block] = re.findall(r"```sh\n(.+?)\n```", section, re.S)
    return block.splitlines()


def test_the_desk_tour_runs_as_the_readme_says(tmp_path):
    """Every line of the tour, in a fresh folder; the review in Poedit is played by msgattrib --clear-fuzzy."""
    lines = _tour()
    assert len(lines) <= 10
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    cwd, results = tmp_path, []
    for line in lines:
        for command in line.split("#", 1)[0].split("&&"):
            words = shlex.split(command)
            if words[0] == "cd":
                cwd = cwd / words[1]
                continue
            if words[0] == "poedit":
                words = ["msgattrib", "--clear-fuzzy", "-o", words[1], words[1]]
            elif words[0] == "l10n":
                words = [sys.executable, "-m", "l10n", *words[1:]]
            results.append(subprocess.run(words, cwd=cwd, env=environment, capture_output=True, text=True))
    init, first_run, review, check, build, edit, second_run = results[1:]
    assert [r.returncode for r in (init, first_run, review, check, edit, second_run)] == [0] * 6, \
        [r.stderr for r in results]
    assert first_run.stdout.startswith(f"settings: {cwd / 'l10n.toml'}\nglossary: ")
    folder = cwd / "output" / "jiemian-openai-board"
    assert build.returncode == 1  # no English model here: en.po is empty, and build says so
    segments = len([entry for entry in polib.pofile(str(folder / "en.po")) if not entry.obsolete])
    assert f"{segments} segments; built zh_TW; not built: en ({segments} untranslated;" in build.stdout
    assert (folder / "article.zh_TW.txt").exists()
    entry = next(entry for entry in polib.pofile(str(folder / "zh_TW.po")) if "不到八天" in entry.msgid)
    assert entry.fuzzy and "不到7天" in entry.previous_msgid and "不到7天" in entry.msgstr
    assert "kept a copy of the reviewed files it replaced" in second_run.stdout


def test_the_full_settings_example_sets_every_key_and_reads_back(tmp_path):
    from l10n.config import settings

    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```toml\n(.+?)```", text, re.S)
    loaded = settings.parse(example.encode(), tmp_path / "l10n.toml")
    assert {name for name, origin in loaded.origins.items() if origin.startswith(str(tmp_path))} == \
        set(settings.registry())
