from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# No test reads or writes the user's Argos packages, settings or caches: Argos reads these at import.
_SANDBOX = Path(tempfile.mkdtemp(prefix="l10n-tests-"))
for _variable, _folder in [("ARGOS_PACKAGES_DIR", "argos-packages"), ("XDG_DATA_HOME", "data"),
                           ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")]:
    os.environ[_variable] = str(_SANDBOX / _folder)

from l10n.pipeline import BUNDLED_SAMPLE  # noqa: E402
from tree_guard import modules_from_elsewhere  # noqa: E402


def pytest_sessionfinish(session):
    """Fail the session when a test imported an l10n module from outside this tree (tree_guard.py says how)."""
    elsewhere = modules_from_elsewhere()
    if elsewhere:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.ensure_newline()
        reporter.write_line(f"error: l10n modules imported from outside {Path(__file__).parent.parent}: "
                            + ", ".join(f"{name} ({sys.modules[name].__file__})" for name in elsewhere))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    """A user's cache folder of the test's own, nothing kept in it yet (the glossary terms' forms: term_forms.py)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from l10n.editions.variant import forget_built

    forget_built()
    yield tmp_path / "cache" / "l10n"
    forget_built()


@pytest.fixture
def new_process():
    """Call it to forget what a new process would not have of the editions (with cache_folder)."""
    from l10n.editions.variant import forget_built

    return forget_built


@pytest.fixture
def sample_path() -> Path:
    return BUNDLED_SAMPLE


def _msgfmt_check(path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt not found: install gettext (apt-get install gettext)")
    result = subprocess.run([msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower(), result.stderr


@pytest.fixture
def msgfmt_check():
    """Fail unless gettext's own compiler accepts the catalog with format and header checks."""
    return _msgfmt_check


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory) -> Path:
    """A real .argosmodel built offline (SentencePiece + a one-layer CTranslate2 Transformer)."""
    from tiny_argos import build_package

    return build_package(tmp_path_factory.mktemp("tiny-argos"))


@pytest.fixture
def argos_packages(tmp_path, monkeypatch) -> Path:
    """An empty Argos packages folder of this test's own, used by Argos's own settings."""
    import argostranslate.settings

    folder = tmp_path / "argos-packages"
    folder.mkdir()
    monkeypatch.setattr(argostranslate.settings, "package_data_dir", folder)
    monkeypatch.setattr(argostranslate.settings, "package_dirs", [folder])
    return folder


@pytest.fixture
def installed_tiny(argos_packages, tiny_package):
    from l10n.translate.models import install_file

    return install_file(tiny_package)
