"""Rebuild the widened HTML dev set (tests/data/extraction/web/) in a folder outside the repository.

Run: python benchmarks/fetch_web_pages.py DEST [--sdist FILE]

The pages are test pages of GeneralNewsExtractor (GNE, GPL-3.0), listed in
tests/data/extraction/web/sources.tsv with the repository, the commit, the path, the SHA-256 and the git blob
id of each. They are fetched from the repository at that commit; where that fails, from GNE's source
distribution 0.4.3 (pip download, or a copy given with --sdist), which ships the same files. Every page is
written as DEST/<id>.html only when its SHA-256 is the one annotated, so a changed page is never scored.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "extraction" / "web" / "sources.tsv"
SDIST = "gne==0.4.3"
SDIST_FOLDER = "gne-0.4.3"


def read_sources() -> list[dict[str, str]]:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def from_repository(source: dict[str, str]) -> bytes | None:
    url = f"https://raw.githubusercontent.com/{source['repository']}/{source['commit']}/{source['path']}"
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except OSError:
        return None


def sdist_members(sdist: Path | None) -> dict[str, bytes]:
    """The files of GNE's source distribution, by path inside it (tests/…)."""
    with tempfile.TemporaryDirectory() as folder:
        if sdist is None:
            result = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                                     "--quiet", "-d", folder, SDIST], capture_output=True, text=True)
            found = sorted(Path(folder).glob("*.tar.gz"))
            if result.returncode or not found:
                return {}
            sdist = found[0]
        with tarfile.open(sdist) as archive:
            return {member.name.removeprefix(SDIST_FOLDER + "/"): archive.extractfile(member).read()
                    for member in archive.getmembers() if member.isfile() and member.name.endswith(".html")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="folder to write the pages to (outside the repository)")
    parser.add_argument("--sdist", type=Path, help="a local copy of GNE's source distribution (gne-0.4.3.tar.gz)")
    options = parser.parse_args()
    options.dest.mkdir(parents=True, exist_ok=True)
    members: dict[str, bytes] | None = None
    failed = 0
    for source in read_sources():
        data = None if options.sdist else from_repository(source)
        if data is None or hashlib.sha256(data).hexdigest() != source["sha256"]:
            if members is None:
                members = sdist_members(options.sdist)
            data = members.get(source["path"])
        if data is None or hashlib.sha256(data).hexdigest() != source["sha256"]:
            print(f"error: {source['id']}: no copy of {source['path']} with the annotated SHA-256", file=sys.stderr)
            failed += 1
            continue
        (options.dest / f"{source['id']}.html").write_bytes(data)
        print(f"{source['id']}: {source['path']} ({len(data)} bytes)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
