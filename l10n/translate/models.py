"""Argos Translate packages: list, locate, install from a file (checked first) or from Argos's index.

Argos's own settings decide where packages live (ARGOS_PACKAGES_DIR or its settings.json), so
existing installs are found. Only `argostranslate.package` is imported here: it is light, while
`argostranslate.translate` loads torch and stanza.
"""
from __future__ import annotations

import json
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path, PurePosixPath

from ..plumbing.errors import ModelError
from .base import ModelInfo, Warn


MAX_UNPACKED_BYTES = 4 * 1024**3  # real zh→en packages unpack to a few hundred MB
MAX_COMPRESSION_RATIO = 100  # model weights barely compress; a higher ratio is a zip bomb
MAX_METADATA_BYTES = 1024 * 1024  # Argos's metadata.json files are a few hundred bytes
INDEX_TIMEOUT_SECONDS = 30
TITLE = "Argos packages"  # this module is the argos engine's ModelStore (base.py)
OFFLINE_HINT = ("on a machine with internet run `l10n models install`, or copy a .argosmodel file here "
                "and run `l10n models install --file PATH`")


def _argos():
    import argostranslate.package
    import argostranslate.settings

    return argostranslate.package, argostranslate.settings


def packages_dir() -> Path:
    return Path(_argos()[1].package_data_dir)


def _info(package) -> ModelInfo:
    name = _argos()[0].argospm_package_name(package)
    return ModelInfo(name, package.from_code, package.to_code, package.package_version, Path(package.package_path))


def _metadata(data: bytes) -> dict:
    """A package's metadata.json as an object, or ValueError saying what is wrong with it."""
    if len(data) > MAX_METADATA_BYTES:
        raise ValueError(f"metadata.json is larger than {MAX_METADATA_BYTES:,} bytes")
    try:
        metadata = json.loads(data)
    except RecursionError:
        raise ValueError("metadata.json is nested too deeply") from None
    except ValueError as error:
        raise ValueError(f"metadata.json is not JSON ({error})") from None
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise ValueError("metadata.json lacks from_code/to_code")
    return metadata


def installed_packages(warn: Warn | None = None) -> list:
    """Argos Package objects for every installed package folder. A folder without metadata.json is no package;
    one whose metadata or files cannot be read is skipped, with one warning, so one broken package never
    stops the others from being listed or used."""
    argos_package, settings = _argos()
    found = []
    for directory in settings.package_dirs:
        directory = Path(directory)
        if not directory.is_dir():
            continue
        for folder in sorted(directory.iterdir()):
            metadata = folder / "metadata.json"
            if not metadata.is_file():
                continue
            try:
                with metadata.open("rb") as stream:
                    _metadata(stream.read(MAX_METADATA_BYTES + 1))
                package = argos_package.Package(folder)
                if getattr(package, "type", "translate") == "translate":
                    _check_translation_files(package, folder)
                found.append(package)
            except (OSError, ValueError, TypeError, AttributeError, KeyError, RuntimeError) as error:
                if warn is not None:  # Argos's own reading fails in many ways on a damaged folder
                    warn(f"warning: {folder}: broken Argos package skipped ({error})")
    return found


def _check_translation_files(package, folder: Path) -> None:
    if getattr(package, "tokenizer", None) is None:
        raise ValueError("it has neither sentencepiece.model nor bpe.model")
    if not (folder / "model").is_dir():
        raise ValueError("it has no model/ folder")


def list_packages(warn: Warn | None = None) -> list[ModelInfo]:
    return [_info(package) for package in installed_packages(warn)]


def _version_key(version: str):
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def find_package(from_code: str = "zh", to_code: str = "en", warn: Warn | None = None):
    """The newest installed package for the pair, or None."""
    candidates = [p for p in installed_packages(warn) if p.from_code == from_code and p.to_code == to_code
                  and getattr(p, "type", "translate") == "translate"]
    return max(candidates, key=lambda p: _version_key(p.package_version), default=None)


def check_archive(path: Path) -> str:
    """Refuse what Argos would extract blindly; return the package's top-level folder name."""
    if not zipfile.is_zipfile(path):
        raise ModelError("not an Argos package: not a zip archive", path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members)
            tops: set[str] = set()
            by_name: dict[str, zipfile.ZipInfo] = {}  # as extracted: `./pkg/x` is `pkg/x`
            for member in members:
                name = PurePosixPath(member.filename.replace("\\", "/"))
                if not name.parts:
                    continue  # `./`, the archive's own folder
                by_name[name.as_posix()] = member
                if name.is_absolute() or ".." in name.parts or ":" in member.filename:
                    raise ModelError(f"archive member {member.filename!r} would land outside the packages folder",
                                     path)
                if stat.S_ISLNK(member.external_attr >> 16):
                    raise ModelError(f"archive member {member.filename!r} is a symbolic link", path)
                tops.add(name.parts[0])
            if unpacked > MAX_UNPACKED_BYTES or unpacked > max(packed, 1) * MAX_COMPRESSION_RATIO:
                raise ModelError(f"archive would unpack to {unpacked:,} bytes from {packed:,}: refused as "
                                 "absurd", path)
            if len(tops) != 1:
                raise ModelError(f"an Argos package holds one folder; this archive has {len(tops)} at its top",
                                 path)
            top = tops.pop()
            metadata = by_name.get(f"{top}/metadata.json")
            if metadata is None:
                raise ModelError(f"{top}/metadata.json missing: not an Argos package", path)
            try:
                _metadata(archive.read(metadata))
            except ValueError as error:
                raise ModelError(f"{top}/{error}", path) from None
            if not any(name.startswith(f"{top}/model/") for name in by_name):
                raise ModelError(f"{top}/model/ missing: not a CTranslate2 Argos package", path)
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ModelError(f"unreadable archive: {error}", path) from error
    return top


def install_file(path: Path) -> ModelInfo:
    """Check the archive, then let Argos install it; on failure the packages folder is as it was."""
    if not path.is_file():
        raise ModelError("no such package file", path)
    top = check_archive(path)
    argos_package, _ = _argos()
    target_root = packages_dir()
    target_root.mkdir(parents=True, exist_ok=True)
    target = target_root / top
    backup_root = Path(tempfile.mkdtemp(prefix=".l10n-replaced-", dir=target_root))
    backup = backup_root / top
    try:
        if target.exists():
            target.replace(backup)
        try:
            argos_package.install_from_path(path)
            installed = argos_package.Package(target)
        except Exception as error:
            shutil.rmtree(target, ignore_errors=True)
            if backup.exists():
                backup.replace(target)
            raise ModelError(f"installation failed, nothing installed: {error}", path) from error
    finally:
        shutil.rmtree(backup_root, ignore_errors=True)
    return _info(installed)


def install_from_index(from_code: str = "zh", to_code: str = "en") -> ModelInfo:
    """Refresh Argos's package index, download the pair's package and install it (network needed)."""
    argos_package, settings = _argos()
    try:
        with urllib.request.urlopen(settings.remote_package_index, timeout=INDEX_TIMEOUT_SECONDS) as response:
            index = response.read()
        json.loads(index)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise ModelError(f"cannot fetch the Argos package index ({reason}); {OFFLINE_HINT}") from error
    Path(settings.local_package_index).parent.mkdir(parents=True, exist_ok=True)
    Path(settings.local_package_index).write_bytes(index)
    available = [p for p in argos_package.get_available_packages()
                 if p.from_code == from_code and p.to_code == to_code]
    if not available:
        raise ModelError(f"the Argos package index has no {from_code}→{to_code} package")
    newest = max(available, key=lambda p: _version_key(p.package_version))
    try:
        downloaded = newest.download()
    except Exception as error:
        raise ModelError(f"download failed ({error}); {OFFLINE_HINT}") from error
    if not downloaded or not Path(downloaded).is_file():
        raise ModelError(f"download failed; {OFFLINE_HINT}")
    return install_file(Path(downloaded))
