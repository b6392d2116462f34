import os
import subprocess
import sys
import time

import pytest

from l10n.plumbing.errors import OutputError
from l10n.batch.lock import LOCK_NAME, output_lock

HOLD = """
import sys, time
from pathlib import Path
from l10n.batch.lock import output_lock
with output_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(folder, seconds):
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(seconds)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout.readline() == "held\n"
    return process


def test_a_second_run_is_refused_naming_the_holder(tmp_path):
    process = _holder(tmp_path, 30)
    try:
        with pytest.raises(OutputError) as refused:
            with output_lock(tmp_path):
                pass
        message = str(refused.value)
        assert message.startswith(f"{tmp_path}: in use by another run (pid {process.pid} on ")
        assert "started 20" in message and "--wait SECONDS" in message
    finally:
        process.kill()
        process.wait()


def test_a_second_run_waits_for_the_first(tmp_path):
    process = _holder(tmp_path, 1)
    start = time.monotonic()
    with output_lock(tmp_path, wait=20):
        waited = time.monotonic() - start
    assert 0.8 < waited < 15  # in only once the holder's second was over
    process.wait()


def test_a_killed_holder_releases_the_lock(tmp_path):
    process = _holder(tmp_path, 60)
    process.kill()
    process.wait()
    with output_lock(tmp_path) as path:
        assert path == tmp_path / LOCK_NAME
        assert f"pid {os.getpid()} " in path.read_text()


def test_an_unwritable_folder_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write here"):
        with output_lock(blocker / "out"):
            pass
