from l10n.manifest import MANIFEST_NAME, Manifest, digest_files, input_key

RECIPE = {"l10n": "0.1.0", "glossary": "abc", "options": {"editions": ["s2twp"]}, "model": "none"}


def _outputs(folder):
    files = [folder / "doc" / "zh_TW.po", folder / "doc" / "doc.pot"]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return files


def test_unchanged_document_is_found_after_reopening(tmp_path):
    files = _outputs(tmp_path)
    with Manifest(tmp_path) as manifest:
        manifest.record("/in/doc.txt", "sha", RECIPE, files)
    reopened = Manifest(tmp_path)
    assert len(reopened) == 1
    assert reopened.unchanged("/in/doc.txt", "sha", RECIPE) is not None
    assert reopened.unchanged("/in/doc.txt", "other-sha", RECIPE) is None
    assert reopened.unchanged("/in/doc.txt", "sha", {**RECIPE, "model": "argos 1.9"}) is None
    assert reopened.unchanged("/in/other.txt", "sha", RECIPE) is None


def test_an_edited_or_missing_output_file_means_redo(tmp_path):
    files = _outputs(tmp_path)
    with Manifest(tmp_path) as manifest:
        manifest.record("k", "sha", RECIPE, files)
    files[0].write_text("a reviewer's work")
    assert Manifest(tmp_path).unchanged("k", "sha", RECIPE) is None
    with Manifest(tmp_path) as manifest:
        manifest.record("k", "sha", RECIPE, files)
    files[1].unlink()
    assert Manifest(tmp_path).unchanged("k", "sha", RECIPE) is None


def test_records_survive_a_crash_and_a_cut_line_is_ignored(tmp_path):
    files = _outputs(tmp_path)
    manifest = Manifest(tmp_path)
    manifest.record("a", "sha", RECIPE, files)
    manifest.record("b", "sha", RECIPE, files)  # never closed: as after a crash
    with (tmp_path / MANIFEST_NAME).open("a") as stream:
        stream.write('{"format": 1, "inp')
    reopened = Manifest(tmp_path)
    assert len(reopened) == 2 and reopened.unchanged("b", "sha", RECIPE) is not None
    reopened.record("a", "sha2", RECIPE, files)
    reopened.close()
    lines = (tmp_path / MANIFEST_NAME).read_text().splitlines()
    assert len(lines) == 2  # compacted: one line per document, the latest
    assert Manifest(tmp_path).unchanged("a", "sha2", RECIPE) is not None


def test_digest_and_key(tmp_path, monkeypatch):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("x")
    second.write_text("y")
    assert digest_files([first, second]) != digest_files([second, first])
    assert digest_files([first]) == digest_files([first])
    monkeypatch.chdir(tmp_path)
    assert input_key(first.relative_to(tmp_path)) == str(first)
