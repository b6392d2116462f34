import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from batch_work import DyingTranslator, EchoTranslator, RecordingTranslator, article
from typer.testing import CliRunner

from l10n.cli import app
from l10n.batch.manifest import MANIFEST_NAME
from l10n.pipeline import RunOptions, run

runner = CliRunner()


def _articles(root: Path, names: list[str], start: int = 0) -> list[Path]:
    paths = []
    for number, name in enumerate(names, start=start):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(number), encoding="utf-8")
        paths.append(path)
    return paths


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every output file by relative path; the lock and the manifest say when, not what, so they are left out."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in (".l10n.lock", MANIFEST_NAME)}


def _summary(stdout: str) -> dict[str, str]:
    """The run's summary lines (`  documents written  3`) by name."""
    lines = stdout.split("summary:\n", 1)[1].splitlines()
    return dict(re.match(r"  (.+?)\s{2,}(.+)$", line).groups() for line in lines)


def test_a_program_calling_run_gets_its_collector_threshold_back(tmp_path):
    import gc

    from l10n import pipeline

    pipeline._keep_what_lasts.cache_clear()  # a run earlier in this process would have set the threshold already
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        run(_articles(tmp_path, ["a.txt"]), RunOptions(out_dir=tmp_path / "out", mt="none", glossary=()))
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def _run(*arguments: str, **kwargs):
    return runner.invoke(app, ["run", "-q", "--mt", "none", *arguments], **kwargs)


def test_folders_are_walked_and_mirrored_so_equal_names_do_not_collide(tmp_path):
    _articles(tmp_path / "in", ["2023/a.txt", "2024/a.txt", "2024/deep/b.md", "notes.csv"])
    result = _run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    folders = sorted(p.parent.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.pot"))
    assert folders == ["2023/a", "2024/a", "2024/deep/b"]
    assert _summary(result.stdout)["documents written"] == "3"


def test_glob_filters_a_walk(tmp_path):
    _articles(tmp_path / "in", ["a.txt", "b.md", "c/d.md"])
    result = _run(str(tmp_path / "in"), "--glob", "*.md", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.pot")) == ["b.pot", "d.pot"]


def test_paths_listed_in_a_file_or_on_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _articles(tmp_path, ["feed/1/a.txt", "feed/2/a.txt", "other.txt"])
    Path("list.txt").write_text("feed/1/a.txt\n\nfeed/2/a.txt\n", encoding="utf-8")
    from_file = _run("--from-list", "list.txt", "--out", "from-file")
    assert from_file.exit_code == 0, from_file.output
    assert sorted(p.as_posix() for p in Path("from-file").rglob("*.pot")) == [
        "from-file/feed/1/a/a.pot", "from-file/feed/2/a/a.pot"]
    from_stdin = _run("--from-list", "-", "--out", "from-stdin", input="other.txt\nfeed/1/a.txt\n")
    assert from_stdin.exit_code == 0, from_stdin.output
    assert sorted(p.as_posix() for p in Path("from-stdin").rglob("*.pot")) == [
        "from-stdin/feed/1/a/a.pot", "from-stdin/other/other.pot"]


def test_a_failing_document_is_reported_and_the_others_are_written(tmp_path):
    good = _articles(tmp_path / "in", ["a.txt", "c.txt"])
    bad = tmp_path / "in" / "b.txt"
    bad.write_bytes(b"\xe6\x96\x87\n\x00\x01binary")
    result = _run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"error: {bad}:2: binary data, not a text article (NUL byte)" in result.stderr.splitlines()
    assert "Traceback" not in result.output
    summary = _summary(result.stdout)
    assert (summary["failed"], summary["documents written"]) == ("1", "2")
    assert sorted(p.parent.name for p in (tmp_path / "out").rglob("*.pot")) == [p.stem for p in good]
    assert not (tmp_path / "out" / "b").exists()


def test_unchanged_documents_are_skipped_and_force_redoes_them(tmp_path):
    paths = _articles(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    out = tmp_path / "out"
    first = run(paths, RunOptions(out_dir=out, mt="none"))
    assert first.summary.documents == 3
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.po")}
    again = run(paths, RunOptions(out_dir=out, mt="none"))
    assert (again.summary.documents, again.summary.skipped) == (0, 3)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.po")} == before
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\n新增的一段文字，说明情况有了变化。\n", encoding="utf-8")
    (out / "c" / "zh_TW.po").write_text((out / "c" / "zh_TW.po").read_text(encoding="utf-8") + "\n",
                                        encoding="utf-8")  # a reviewer touched it
    changed = run(paths, RunOptions(out_dir=out, mt="none"))
    assert sorted(d.document.name for d in changed.documents) == ["b", "c"] and changed.summary.skipped == 1
    forced = run(paths, RunOptions(out_dir=out, mt="none", force=True))
    assert (forced.summary.documents, forced.summary.skipped) == (3, 0)
    with sqlite3.connect(out / MANIFEST_NAME) as manifest:
        inputs = [Path(key).name for (key,) in manifest.execute("SELECT input FROM documents ORDER BY input")]
    assert inputs == ["a.txt", "b.txt", "c.txt"]


def test_an_unchanged_re_run_builds_no_converter(tmp_path, monkeypatch):
    paths = _articles(tmp_path / "in", ["a.txt", "b.txt"])
    run(paths, RunOptions(out_dir=tmp_path / "out", mt="none"))

    def no_conversion(*_):
        raise AssertionError("a converter was built for a run with nothing to convert")

    monkeypatch.setattr("l10n.editions.variant.glossary_phrases", no_conversion)
    again = run(paths, RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert (again.summary.documents, again.summary.skipped, again.failures) == (0, 2, [])


def test_a_new_input_is_read_once_and_a_recorded_one_is_hashed_to_be_skipped(tmp_path, monkeypatch):
    import l10n.batch.schedule as schedule

    paths = _articles(tmp_path / "in", ["a.txt", "b.txt"])
    checked = []
    read_input = schedule.read_input
    monkeypatch.setattr(schedule, "read_input",
                        lambda path, *rest: checked.append(path.name) or read_input(path, *rest))
    first = run(paths, RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert (first.summary.documents, checked) == (2, [])
    again = run(paths, RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert (again.summary.skipped, checked) == (2, ["a.txt", "b.txt"])


def test_a_changed_option_redoes_everything(tmp_path):
    paths = _articles(tmp_path, ["a.txt"])
    run(paths, RunOptions(out_dir=tmp_path / "out", mt="none"))
    other = run(paths, RunOptions(out_dir=tmp_path / "out", mt="none", editions=("s2hk",)))
    assert (other.summary.documents, other.summary.skipped) == (1, 0)


def _document_lines(stdout: str) -> list[str]:
    """What the run printed per document: everything after its settings and glossary lines, before the summary."""
    lines = stdout.split("summary:", 1)[0].splitlines()
    assert lines[0].startswith("settings: ")
    return [line for line in lines[1:] if not line.startswith("glossary: ")]


def test_one_document_lists_its_files_several_get_one_line_each(tmp_path):
    paths = _articles(tmp_path / "in", ["a.txt", "x/b.txt", "y/c.md"])
    one = runner.invoke(app, ["run", "--mt", "none", str(paths[0]), "--out", str(tmp_path / "one")])
    assert one.exit_code == 0, one.output
    lines = _document_lines(one.stdout)
    assert len(lines) == 1 + 7 and lines[0].startswith("a: ") and lines[0].endswith(
        "(a.txt, utf-8; text, from its extension .txt (no Markdown signs))")
    assert lines[1:] == [f"  wrote {tmp_path / 'one' / 'a' / name}" for name in
                         ("a.pot", "zh_TW.po", "en.po", "segments.tsv", "removed.tsv", "document.json",
                          "machine.json")]
    out = tmp_path / "out"
    several = runner.invoke(app, ["run", "--mt", "none", str(tmp_path / "in"), "--out", str(out)])
    assert several.exit_code == 0, several.output
    lines = _document_lines(several.stdout)
    assert len(lines) == 3
    assert [line.split(" -> ")[1] for line in lines] == [str(out / "a"), str(out / "x" / "b"), str(out / "y" / "c")]
    assert re.fullmatch(r"b: \d+ segments in \d+ paragraphs, 0 lines removed; text, from its extension \.txt "
                        r"\(no Markdown signs\) -> .+", lines[1])
    assert "; markdown, from its extension .md -> " in lines[2]


def test_verbose_lists_every_file_of_every_document(tmp_path):
    _articles(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    result = runner.invoke(app, ["run", "--mt", "none", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-v"])
    assert result.exit_code == 0, result.output
    lines = _document_lines(result.stdout)
    assert len(lines) == 3 * 8 and sum(line.startswith("  wrote ") for line in lines) == 3 * 7


def test_show_removed_follows_each_line_of_an_archive(tmp_path):
    paths = _articles(tmp_path / "in", ["a.txt", "b.txt"])
    paths[1].write_text("首页 > 新闻\n\n" + paths[1].read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["run", "--mt", "none", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                 "--show-removed"])
    assert result.exit_code == 0, result.output
    lines = _document_lines(result.stdout)
    assert lines[0].startswith("a: ") and lines[1] == "  nothing removed"
    assert lines[2].startswith("b: ") and ", 1 lines removed; " in lines[2] and lines[3].startswith("  line 1: ")
    assert len(lines) == 4


def test_quiet_prints_no_document_lines_but_the_summary_and_failures(tmp_path):
    _articles(tmp_path / "in", ["a.txt", "b.txt"])
    (tmp_path / "in" / "c.txt").write_bytes(b"\x00binary")
    for single in ([str(tmp_path / "in" / "a.txt")], [str(tmp_path / "in")]):
        result = runner.invoke(app, ["run", "--mt", "none", *single, "--out", str(tmp_path / "out"), "-q",
                                     "--show-removed", "--force"])
        assert _document_lines(result.stdout) == []
        assert "documents written" in _summary(result.stdout)
    assert result.exit_code == 2 and _summary(result.stdout)["documents written"] == "2"
    assert result.stderr.splitlines()[-1].startswith(f"error: {tmp_path / 'in' / 'c.txt'}:")


@pytest.mark.parametrize("flags", [["-q"], [], ["-v"]])
def test_the_cli_never_has_the_pipeline_hold_every_result(tmp_path, monkeypatch, flags):
    import l10n.pipeline

    held = []

    def counting_run(*arguments, **options):
        result = run(*arguments, **options)
        held.append(len(result.documents))
        return result

    monkeypatch.setattr(l10n.pipeline, "run", counting_run)
    _articles(tmp_path / "in", ["a.txt", "b.txt"])
    result = runner.invoke(app, ["run", "--mt", "none", str(tmp_path / "in"), "--out", str(tmp_path / "out"), *flags])
    assert result.exit_code == 0, result.output
    assert held == [0] and _summary(result.stdout)["documents written"] == "2"


def test_an_archive_line_says_where_replaced_reviewed_files_were_kept(tmp_path):
    import polib

    paths = _articles(tmp_path / "in", ["a.txt", "b.txt"])
    out = tmp_path / "out"
    assert _run(str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    reviewed = polib.pofile(str(out / "b" / "zh_TW.po"))
    reviewed[0].msgstr, reviewed[0].flags = "審校過的標題", []
    reviewed.save()
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\n新增的一段文字。\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--mt", "none", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    [line] = _document_lines(result.stdout)  # a was skipped
    assert line.endswith(f" -> {out / 'b'}; reviewed files it replaced kept in {out / 'b' / '.backup' / '0001'}")


HOLD = "import sys, time\nfrom pathlib import Path\nfrom l10n.batch.lock import output_lock\n" \
       "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(60)\n"


def test_a_second_run_on_a_locked_folder_is_refused_before_writing(tmp_path):
    paths = _articles(tmp_path, ["a.txt"])
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "out")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        result = _run(str(paths[0]), "--out", str(tmp_path / "out"))
        assert result.exit_code == 2
        assert f"in use by another run (pid {holder.pid} on " in result.stderr
        assert not (tmp_path / "out" / "a").exists()
    finally:
        holder.kill()
        holder.wait()
    assert _run(str(paths[0]), "--out", str(tmp_path / "out")).exit_code == 0  # released when the holder died


def test_an_unwritable_output_folder_stops_the_run_before_anything(tmp_path):
    paths = _articles(tmp_path, ["a.txt"])
    (tmp_path / "blocker").write_text("a file, not a folder")
    result = _run(str(paths[0]), "--out", str(tmp_path / "blocker" / "out"))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("cannot write here: Not a directory")


def test_two_runs_share_one_translation_cache_at_once(tmp_path):
    """Concurrent writers and readers of the cache: neither run takes the other's lock for corruption."""
    script = ("import sys\nfrom pathlib import Path\nsys.path.insert(0, sys.argv[3])\n"
              "from batch_work import EchoTranslator\nfrom l10n.pipeline import RunOptions, run\n"
              "paths = sorted(Path(sys.argv[1]).glob('*.txt'))\n"
              "result = run(paths, RunOptions(out_dir=Path(sys.argv[2]), cache=Path(sys.argv[4])), "
              "translator=EchoTranslator())\n"
              "print(result.drafts.segments, result.drafts.from_cache, result.notices)\n")
    cache = tmp_path / "cache.sqlite3"
    for side in ("left", "right"):
        _articles(tmp_path / side, [f"{n}.txt" for n in range(30)], start=0 if side == "left" else 30)
    tests = str(Path(__file__).parent)
    runs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path / side), str(tmp_path / f"out-{side}"),
                              tests, str(cache)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for side in ("left", "right")]
    for process in runs:
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        segments, from_cache, notices = stdout.split(" ", 2)
        assert int(segments) > 0 and notices.strip() == "[]"
    assert not list(tmp_path.glob("cache.sqlite3.corrupt*"))
    both = _articles(tmp_path / "both", [f"{n}.txt" for n in range(60)])
    again = run(both, RunOptions(out_dir=tmp_path / "out-both", cache=cache), translator=EchoTranslator())
    assert again.drafts.from_cache == again.drafts.segments  # every draft either run made is there


def test_worker_processes_write_the_same_bytes_as_one_process(tmp_path):
    paths = _articles(tmp_path / "in", [f"{n}.txt" for n in range(12)])
    serial = run(paths, RunOptions(out_dir=tmp_path / "serial"), translator=EchoTranslator())
    parallel = run(paths, RunOptions(out_dir=tmp_path / "jobs", jobs=2), translator=EchoTranslator())
    assert (parallel.summary.executor, parallel.summary.workers) == ("processes", 2)
    assert parallel.summary.documents == serial.summary.documents == 12
    assert _outputs(tmp_path / "jobs") == _outputs(tmp_path / "serial")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    paths = _articles(root / "in", [f"{n:02d}.txt" for n in range(16)])
    run(paths, RunOptions(out_dir=root / "serial", cache=root / "serial.sqlite3"), translator=EchoTranslator())
    return root, paths


def test_a_local_cluster_writes_the_same_bytes_as_one_process(corpus, tmp_path):
    root, paths = corpus
    result = run(paths, RunOptions(out_dir=tmp_path / "out", jobs=2, cluster="local", cache=tmp_path / "c.sqlite3"),
                 translator=EchoTranslator())
    assert (result.summary.executor, result.summary.workers) == ("dask", 2)
    assert result.failures == [] and result.drafts.from_cache == 0
    assert _outputs(tmp_path / "out") == _outputs(root / "serial")


def test_a_worker_killed_mid_run_has_its_documents_redone_once(corpus, tmp_path):
    root, paths = corpus
    marker = tmp_path / "killed"
    written = []
    result = run(paths, RunOptions(out_dir=tmp_path / "out", jobs=2, cluster="local", use_cache=False),
                 translator=DyingTranslator(str(marker)), on_document=written.append)
    assert marker.exists()  # a worker did die
    assert result.failures == []
    assert sorted(done.document.name for done in written) == [p.stem for p in paths]  # each once
    assert _outputs(tmp_path / "out") == _outputs(root / "serial")


def test_each_worker_process_keeps_one_engine_for_all_its_batches(tmp_path):
    """The engine (and so its model) goes to each worker once, not with every batch of documents."""
    paths = _articles(tmp_path / "in", [f"{n:02d}.txt" for n in range(40)])  # five batches for two workers
    log = tmp_path / "batches.log"
    run(paths, RunOptions(out_dir=tmp_path / "out", jobs=2, use_cache=False), translator=RecordingTranslator(str(log)))
    batches = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    engines = {pid: {engine for p, engine in batches if p == pid} for pid, _ in batches}
    assert len(batches) > len(engines)  # some worker translated several batches
    assert all(len(copies) == 1 for copies in engines.values())


def test_only_catalogs_holding_reviewed_work_are_synced_to_disk(tmp_path, monkeypatch):
    import polib

    from l10n.plumbing import files

    synced: list[str] = []
    real_fsync = files.os.fsync
    monkeypatch.setattr(files.os, "fsync", lambda descriptor: (synced.append(descriptor), real_fsync(descriptor)))
    [path] = _articles(tmp_path / "in", ["a.txt"])
    run([path], RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert synced == []  # everything a first run writes can be made again
    english = tmp_path / "out" / "a" / "en.po"
    catalog = polib.pofile(str(english))
    catalog[0].msgstr = "Headline number 0"
    catalog.save()
    path.write_text(path.read_text(encoding="utf-8") + "\n新加的一句话。\n", encoding="utf-8")
    run([path], RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert len(synced) == 1  # the reviewed en.po, rewritten with the new sentence


_EXIT_PROBE = """\
import os, sys
import l10n.model
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)
class Probe:  # says when it is freed; what it needs is bound now, as modules are cleared at exit
    def __del__(self, write=os.write, fd=fd):
        write(fd, b"freed")
l10n.model.PROBE = Probe()  # held by a module, as the editions' converters are
from l10n.cli import main
sys.argv = ["l10n", "run", "--mt", "none", *sys.argv[2:]]
main()
"""


_CALLER_WITH_AN_OPEN_FILE = """\
import sys
from l10n.cli import main
log = open(sys.argv[1], "w", encoding="utf-8")  # never closed: the interpreter's teardown flushes it
log.write("written before the run")
sys.argv = ["l10n", "run", "--mt", "none", *sys.argv[2:]]
main()
"""


def test_a_file_the_calling_program_never_closed_is_still_flushed_at_exit(tmp_path):
    """Only l10n's own modules outlive the teardown: what the calling program holds is freed, and flushed, as usual."""
    _articles(tmp_path, ["in/a.txt"])
    (tmp_path / "none.csv").write_text("zh_Hans,en,kind\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _CALLER_WITH_AN_OPEN_FILE, str(tmp_path / "log.txt"),
                           str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--glossary",
                           str(tmp_path / "none.csv")],
                          capture_output=True, text=True, cwd=tmp_path,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert done.returncode == 0, done.stderr
    assert _summary(done.stdout)["documents written"] == "1"
    assert (tmp_path / "log.txt").read_text(encoding="utf-8") == "written before the run"


def test_what_a_run_loaded_is_not_freed_at_exit_and_everything_it_wrote_is_there(tmp_path):
    """The process ends without freeing what its modules hold (pipeline._keep_what_lasts): freeing OpenCC's
    converters cost a fifteenth of a one-article run. Its files, its manifest row and what it printed are all
    there: exit handlers and the standard streams are not skipped."""
    _articles(tmp_path, ["in/a.txt"])
    (tmp_path / "none.csv").write_text("zh_Hans,en,kind\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _EXIT_PROBE, str(tmp_path / "freed"), str(tmp_path / "in"),
                           "--out", str(tmp_path / "out"), "--glossary", str(tmp_path / "none.csv")],
                          capture_output=True, text=True, cwd=tmp_path,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "freed").read_bytes() == b""  # kept to the end, never freed
    assert _summary(done.stdout)["documents written"] == "1"
    assert sorted(path.name for path in (tmp_path / "out" / "a").iterdir()) == [
        "a.pot", "document.json", "en.po", "machine.json", "removed.tsv", "segments.tsv", "zh_TW.po"]
    with sqlite3.connect(tmp_path / "out" / MANIFEST_NAME) as manifest:
        assert manifest.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_a_quiet_run_walks_its_folders_once_and_a_shown_one_counts_them_first(tmp_path, monkeypatch):
    """Counting the inputs walks every folder again; only the progress display and a lone document's report
    use the count, and --quiet shows neither."""
    import l10n.batch.inputs as inputs

    _articles(tmp_path / "in", ["a.txt", "b.txt"])
    looked_at = []
    monkeypatch.setattr(inputs, "not_taken", lambda path, *rest: looked_at.append(path.name))
    for flag, walks in (["-q"], 1), ([], 2):
        looked_at.clear()
        result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--mt", "none",
                                     *flag])
        assert result.exit_code == 0, result.output
        assert sorted(looked_at) == sorted(["a.txt", "b.txt"] * walks)
