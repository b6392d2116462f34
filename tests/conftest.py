from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.pipeline import BUNDLED_SAMPLE


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
