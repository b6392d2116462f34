import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2
    assert commands[0].endswith("l10n run")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _setup_commands()[1] in ci


def test_the_setup_says_how_to_call_l10n_from_the_venv():
    """After command 1 a newcomer types `l10n …`: the README says it lives in .venv/bin, or how to activate it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    assert "`.venv/bin/l10n`" in section and "`. .venv/bin/activate`" in section


# How the tests and the scripts they import start other programs: subprocess.run(["msgmerge", …]),
# shutil.which("omegat"), a fixed "/usr/bin/chromium".
_PROGRAM = re.compile(r'subprocess\.\w+\(\s*\[\s*"([\w.-]+)"|shutil\.which\("([\w.-]+)"\)|"(/usr/bin/[\w.-]+)"')


def _debian_package(path: str) -> str | None:
    found = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
    if found.returncode:
        found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    return found.stdout.split(":", 1)[0] if found.returncode == 0 else None


def _files_the_tests_use() -> dict[str, str]:
    """What each test needs from the system, by what it is: programs the tests start, the spelling check's
    Enchant provider, hunspell dictionaries and larger word lists."""
    sources = [path for path in [*(ROOT / "tests").glob("*.py"), *(ROOT / "scripts").glob("*.py")]
               if path.name != "test_readme.py"]  # dpkg, below, only for this test
    names = {name for source in sources for match in _PROGRAM.findall(source.read_text(encoding="utf-8"))
             for name in match if name}
    files = {name: path for name in names if (path := shutil.which(name) or (name if name.startswith("/") else None))}
    from l10n.qa import spelling

    for dictionary in spelling._dictionaries():
        files[f"Enchant's {dictionary.provider.name} provider"] = dictionary.provider.file
        files[f"the {dictionary.tag} dictionary"] = f"/usr/share/hunspell/{dictionary.tag}.dic"
    files.update({f"the word list {path}": path for path in spelling.WORD_LISTS if os.path.exists(path)})
    return files


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="not a Debian system")
def test_the_test_command_installs_every_debian_package_the_tests_use():
    """On a clean machine the README's test command is all CI runs: each program and dictionary the tests use
    must come from a package it installs (python3-venv for the venv itself)."""
    command = _setup_commands()[1]
    [listed] = re.findall(r"apt-get install ([^&]+)&&", command)
    installed = {word for word in listed.split() if not word.startswith("-")}
    files = _files_the_tests_use()
    assert {"msgmerge", "msgfmt", "omegat", "/usr/bin/chromium", "the en_US dictionary"} <= set(files), files
    packages = {what: _debian_package(path) for what, path in files.items()}
    missing = {what: package for what, package in packages.items() if package not in installed}
    assert not missing, f"the README's test command does not install these: {missing}"
    assert "python3-venv" in installed
