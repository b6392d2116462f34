import io
from pathlib import Path

import pytest

from l10n.batch.inputs import HERE, Input, OutputFolders, collect, listed, walk
from l10n.plumbing.errors import UsageError


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("文章", encoding="utf-8")


def test_walk_takes_readable_formats_in_sorted_order_and_mirrors_folders(tmp_path):
    _tree(tmp_path, ["b/x.md", "a/x.md", "a/deep/y.html", "top.txt", "notes.csv", ".hidden/z.txt", "a/.z.txt",
                     "c/page.HTM"])
    found = [(i.path.relative_to(tmp_path).as_posix(), i.place.as_posix()) for i in walk(tmp_path)]
    assert found == [("top.txt", "."), ("a/x.md", "a"), ("a/deep/y.html", "a/deep"), ("b/x.md", "b"),
                     ("c/page.HTM", "c")]


def test_glob_filters_by_name_or_by_relative_path(tmp_path):
    _tree(tmp_path, ["2023/05/a.md", "2023/05/b.txt", "2024/01/c.md", "d.md"])
    by_name = [i.path.name for i in walk(tmp_path, "*.md")]
    assert by_name == ["d.md", "a.md", "c.md"]
    by_path = [i.path.name for i in walk(tmp_path, "2023/*")]
    assert by_path == ["a.md", "b.txt"]


def test_walk_skips_the_output_folder_inside_the_tree(tmp_path):
    _tree(tmp_path, ["a.txt", "out/a/a.txt"])
    assert [i.path.name for i in walk(tmp_path, skip=tmp_path / "out")] == ["a.txt"]


def test_list_input_keeps_relative_folders_and_puts_others_at_the_top():
    text = "2023/a.md\n\n/abs/b.md\n../up/c.md\r\nd.md\n"
    found = [(i.path.as_posix(), i.place.as_posix()) for i in listed(io.StringIO(text))]
    assert found == [("2023/a.md", "2023"), ("/abs/b.md", "."), ("../up/c.md", "."), ("d.md", ".")]


def test_collect_files_folders_and_list_lazily(tmp_path):
    _tree(tmp_path, ["dir/x/a.txt", "single.txt"])
    found = collect([tmp_path / "single.txt", tmp_path / "dir"], from_list=io.StringIO("z.txt\n"))
    first = next(found)
    assert first.path == tmp_path / "single.txt" and first.place == HERE
    assert [(i.path.name, i.place.as_posix()) for i in found] == [("a.txt", "x"), ("z.txt", ".")]


def test_a_hundred_thousand_listed_paths_stream(tmp_path):
    lines = (f"feed/{n // 1000}/{n}.txt\n" for n in range(100_000))
    count = sum(1 for _ in listed(lines))
    assert count == 100_000


def test_output_folders_refuse_a_document_folder_linked_out_of_out_after_its_place_was_resolved(tmp_path):
    """The place is resolved once for the documents that follow from it: each document's own folder is still
    looked at, so a link out of OUT where one document's folder would be is refused after a sibling passed."""
    out, outside = tmp_path / "out", tmp_path / "outside"
    (out / "feed").mkdir(parents=True)
    outside.mkdir()
    (out / "feed" / "b").symlink_to(outside)
    folders = OutputFolders(out)
    assert folders.of(Input(tmp_path / "feed" / "a.txt", Path("feed"))) == out / "feed" / "a"
    with pytest.raises(UsageError, match="would not be inside the output folder"):
        folders.of(Input(tmp_path / "feed" / "b.txt", Path("feed")))
    with pytest.raises(UsageError):
        folders.of(Input(Path("feed/.."), HERE))  # a listed path naming a parent: the document `..`
    (out / "linked").symlink_to(outside)
    with pytest.raises(UsageError):  # a new place is resolved again
        folders.of(Input(tmp_path / "linked" / "c.txt", Path("linked")))
