import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from l10n.cli import app
from l10n.pipeline import RunOptions, run

runner = CliRunner()


def _files(folder):
    """The outputs; the run's lock and manifest (dot files) say who and when, not what."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_run_defaults_to_the_bundled_sample(tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "jiemian-openai-board: 83 segments in 42 paragraphs, 55 lines removed" in result.stdout
    folder = tmp_path / "jiemian-openai-board"
    assert sorted(p.name for p in folder.iterdir()) == [
        "document.json", "en.po", "jiemian-openai-board.pot", "machine.json", "removed.tsv", "segments.tsv",
        "zh_TW.po"]


def test_show_removed_lists_what_was_dropped(tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path), "--show-removed"])
    assert result.exit_code == 0
    assert "lines 108-190 (42 lines): repeated copy of lines 7-89" in result.stdout
    assert "line 100: empty-comment notice: 暂无评论哦,快来评价一下吧!" in result.stdout
    removed = (tmp_path / "jiemian-openai-board" / "removed.tsv").read_text(encoding="utf-8").splitlines()
    assert removed[0] == "line\treason\ttext" and len(removed) == 1 + 55


def test_two_runs_give_identical_bytes(tmp_path, sample_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert runner.invoke(app, ["run", str(sample_path), "--out", str(out), "-q"]).exit_code == 0
    assert _files(first) == _files(second)
    assert runner.invoke(app, ["run", str(sample_path), "--out", str(first), "-q"]).exit_code == 0
    assert _files(first) == _files(second)


@pytest.mark.parametrize("option", ["--editions", "--hant"])  # --hant: the option's older name, still typed
@pytest.mark.parametrize("edition, names", [("s2hk", ["zh_HK.po"]), ("hant", ["zh_Hant.po"]),
                                            ("tw,hk", ["zh_HK.po", "zh_TW.po"])])
def test_the_editions_option_names_the_catalogs(tmp_path, option, edition, names):
    result = runner.invoke(app, ["run", "--out", str(tmp_path), "-q", option, edition])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "jiemian-openai-board").glob("zh_*.po")) == names


def test_bad_input_is_one_line_exit_2_and_writes_nothing_of_it(tmp_path, sample_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xe6\x96\x87\n\x00\x01binary")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(sample_path), str(bad), "--out", str(out), "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"error: {bad}:2: binary data, not a text article (NUL byte)"
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["jiemian-openai-board"]


def test_missing_file_is_exit_2(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope.txt"), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"error: {tmp_path / 'nope.txt'}: no such file"


def test_bad_option_value_is_exit_2(tmp_path):
    result = runner.invoke(app, ["run", "--hant", "t2s", "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_output_path_that_is_a_file_is_exit_2(tmp_path):
    blocker = tmp_path / "jiemian-openai-board"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["run", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 2
    assert "exists and is not a folder" in result.stderr


def test_segment_prints_tsv_and_jsonl(sample_path):
    tsv = runner.invoke(app, ["segment", str(sample_path)])
    assert tsv.exit_code == 0
    lines = tsv.stdout.splitlines()
    assert lines[0] == "id\tlocation\tpart\tline\ttext"
    assert len(lines) == 84
    assert lines[1].split("\t")[1:] == ["1.1", "title", "7", "OpenAI宫斗剧完结,谁是最大赢家?"]
    jsonl = runner.invoke(app, ["segment", str(sample_path), "--format", "jsonl"])
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(rows) == 83
    assert rows[22] == {"id": rows[22]["id"], "location": "13.2", "part": "body", "line": 31, "text": "可能吗?"}


def test_progress_reports_each_document(tmp_path, sample_path):
    seen = []
    missing = tmp_path / "nope.txt"
    run([sample_path, missing], RunOptions(out_dir=tmp_path), seen.append, total=2)
    assert [(p.done, p.skipped, p.failed, p.total, p.document) for p in seen] == [
        (1, 0, 0, 2, "jiemian-openai-board"), (1, 0, 1, 2, "nope.txt")]
    seen.clear()
    run([sample_path], RunOptions(out_dir=tmp_path), seen.append)
    assert [(p.done, p.skipped, p.failed, p.total) for p in seen] == [(0, 1, 0, None)]


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "l10n", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "segment" in result.stdout and "run" in result.stdout


def test_from_overrides_the_extension_and_links_become_placeholders_with_their_url(tmp_path):
    page = tmp_path / "clip.txt"
    page.write_text("---\ntitle: 小米发布新手机\nurl: https://example.com/1\n---\n\n# 小米发布新手机\n\n"
                    "小米公司今天发布了新手机，[OpenAI](https://openai.com)也表示关注。\n", encoding="utf-8")
    segmented = runner.invoke(app, ["segment", str(page), "--from", "markdown"])
    assert segmented.exit_code == 0, segmented.output
    assert "小米公司今天发布了新手机，<a1>OpenAI</a1>也表示关注。" in segmented.stdout
    result = runner.invoke(app, ["run", str(page), "--from", "markdown", "--out", str(tmp_path / "out"), "-q",
                                 "--mt", "none"])
    assert result.exit_code == 0, result.output
    template = (tmp_path / "out" / "clip" / "clip.pot").read_text(encoding="utf-8")
    assert '"X-L10n-Url: https://example.com/1\\n"' in template
    assert "#. <a1> link: https://openai.com\n" in template
    assert "title:" not in template and "](" not in template
    as_text = runner.invoke(app, ["segment", str(page), "--from", "text"])
    assert "](https://openai.com)" in as_text.stdout
    sniffed = runner.invoke(app, ["segment", str(page)])  # without --from, its front matter says Markdown
    assert sniffed.stdout == segmented.stdout


def test_unknown_input_format_is_exit_2(tmp_path, sample_path):
    result = runner.invoke(app, ["segment", str(sample_path), "--from", "pdf"])
    assert result.exit_code == 2


def test_the_fallback_path_is_named_in_the_run_line_and_removed_tsv(tmp_path):
    from test_clean import _ALL_CHROME_BY_RULES

    page = tmp_path / "page.html"
    page.write_text(_ALL_CHROME_BY_RULES, encoding="utf-8")
    result = runner.invoke(app, ["run", str(page), "--out", str(tmp_path / "out"), "--mt", "none"])
    assert result.exit_code == 0, result.output
    assert "cleaning fell back to density only" in result.stdout
    rows = (tmp_path / "out" / "page" / "removed.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("0\tfallback\tdensity only")
    assert all("\toutside the densest prose\t" in row for row in rows[2:])
