import json
import os
import stat
import subprocess
import sys
import zipfile

import pytest
from typer.testing import CliRunner

from l10n.cli import app
from l10n.plumbing.errors import ModelError
from l10n.translate import models
from l10n.translate.models import install_file, list_packages

runner = CliRunner()


def test_install_from_file_then_list(argos_packages, tiny_package):
    info = install_file(tiny_package)
    assert (info.from_code, info.to_code, info.version) == ("zh", "en", "0.0.1")
    assert info.path == argos_packages / "translate-zh_en-0_0_1"
    assert [p.path for p in list_packages()] == [info.path]
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0
    assert result.stdout.split() == ["argos", "zh→en", "0.0.1", "translate-zh_en", str(info.path)]


def test_cli_install_from_file(argos_packages, tiny_package):
    result = runner.invoke(app, ["models", "install", "--file", str(tiny_package)])
    assert result.exit_code == 0, result.output
    assert "installed zh→en 0.0.1" in result.stdout
    assert (argos_packages / "translate-zh_en-0_0_1" / "model" / "model.bin").is_file()


def test_reinstall_replaces_the_package(argos_packages, tiny_package):
    install_file(tiny_package)
    (argos_packages / "translate-zh_en-0_0_1" / "stale.txt").write_text("old")
    install_file(tiny_package)
    assert len(list_packages()) == 1
    assert not (argos_packages / "translate-zh_en-0_0_1" / "stale.txt").exists()  # a clean replacement
    assert sorted(p.name for p in argos_packages.iterdir()) == ["translate-zh_en-0_0_1"]


def test_models_list_when_nothing_is_installed(argos_packages):
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"no Argos packages installed in {argos_packages}"


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def _symlink(name):
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


METADATA = json.dumps({"from_code": "zh", "to_code": "en", "package_version": "1.0"})
GOOD = [("pkg/metadata.json", METADATA), ("pkg/model/model.bin", "x")]

MALICIOUS = {
    "traversal": ([*GOOD, ("pkg/../../evil.txt", "owned")], "outside the packages folder"),
    "absolute": ([*GOOD, ("/tmp/l10n-evil.txt", "owned")], "outside the packages folder"),
    "symlink": ([*GOOD, (_symlink("pkg/link"), "/etc/passwd")], "symbolic link"),
    "two folders": ([*GOOD, ("other/file.txt", "x")], "has 2 at its top"),
    "no metadata": ([("pkg/model/model.bin", "x")], "metadata.json missing"),
    "no model": ([("pkg/metadata.json", METADATA)], "model/ missing"),
    "bomb": ([*GOOD, ("pkg/zeros.bin", b"\0" * 5_000_000)], "refused as absurd"),
}


@pytest.mark.parametrize("members, message", MALICIOUS.values(), ids=MALICIOUS.keys())
def test_malicious_archives_are_refused_and_nothing_is_installed(argos_packages, tmp_path, members, message):
    archive = _zip(tmp_path / "bad.argosmodel", members)
    with pytest.raises(ModelError) as raised:
        install_file(archive)
    assert message in str(raised.value)
    assert list(argos_packages.iterdir()) == []
    assert not (tmp_path / "evil.txt").exists() and not os.path.exists("/tmp/l10n-evil.txt")


def test_not_a_zip_is_refused(argos_packages, tmp_path):
    path = tmp_path / "model.argosmodel"
    path.write_text("this is not a zip")
    result = runner.invoke(app, ["models", "install", "--file", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: not an Argos package: not a zip archive\n"


def test_absurd_size_is_refused_even_when_it_barely_compresses(argos_packages, tmp_path, monkeypatch):
    monkeypatch.setattr(models, "MAX_UNPACKED_BYTES", 1_000_000)
    archive = _zip(tmp_path / "big.argosmodel", [*GOOD, ("pkg/model/weights.bin", os.urandom(1_200_000))])
    with pytest.raises(ModelError, match="refused as absurd"):
        install_file(archive)
    assert list(argos_packages.iterdir()) == []


def test_failed_extraction_leaves_nothing_half_installed(argos_packages, tiny_package, monkeypatch):
    import argostranslate.package

    install_file(tiny_package)
    before = sorted(p.relative_to(argos_packages) for p in argos_packages.rglob("*"))

    def broken_install(path):
        with zipfile.ZipFile(path) as archive:
            archive.extract(archive.infolist()[0], argos_packages)
        raise OSError("disk full")

    monkeypatch.setattr(argostranslate.package, "install_from_path", broken_install)
    with pytest.raises(ModelError, match="nothing installed: disk full"):
        install_file(tiny_package)
    assert sorted(p.relative_to(argos_packages) for p in argos_packages.rglob("*")) == before


def test_install_from_index_offline_is_one_clear_line(argos_packages, monkeypatch, tmp_path):
    import argostranslate.settings

    monkeypatch.setattr(argostranslate.settings, "remote_package_index", (tmp_path / "no-index.json").as_uri())
    result = runner.invoke(app, ["models", "install"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: cannot fetch the Argos package index")
    assert "l10n models install --file PATH" in lines[0]


def test_argos_packages_dir_setting_is_honoured(installed_tiny, argos_packages):
    environment = {**os.environ, "ARGOS_PACKAGES_DIR": str(argos_packages)}
    result = subprocess.run([sys.executable, "-m", "l10n", "models", "list"], capture_output=True, text=True,
                            env=environment)
    assert result.returncode == 0, result.stderr
    assert str(installed_tiny.path) in result.stdout
