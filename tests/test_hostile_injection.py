"""Hostile input, injection and escape (issue 19, items 1–3): values from outside never add lines to a
catalog, and a document's folder is always inside --out."""
from __future__ import annotations

import subprocess

import polib
from typer.testing import CliRunner

from l10n.catalog import po_text
from l10n.catalog.entries import Catalog, Entry
from l10n.cli import app

runner = CliRunner()
SENTENCE = "微软宣布新的人工智能计划的第一句话很长很长。\n"
INJECTED = 'msgid "Hello"\nmsgstr "Hacked"\n'


def _run(*arguments: str):
    return runner.invoke(app, ["run", "-q", "--mt", "none", *arguments])


def _compiled_messages(path) -> str:
    """What msgfmt makes of the catalog, decompiled: the entries a program using it would see."""
    compiled = path.with_suffix(".mo")
    subprocess.run(["msgfmt", "-o", str(compiled), str(path)], check=True, capture_output=True)
    return subprocess.run(["msgunfmt", str(compiled)], check=True, capture_output=True, text=True).stdout


def test_a_file_name_with_a_line_break_is_refused_alone_and_injects_nothing(tmp_path):
    hostile = tmp_path / f't\n{INJECTED}#. .txt'
    hostile.write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    result = _run(str(hostile), str(tmp_path / "good.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "control character U+000A" in errors[0] and "Hello" in errors[0]
    assert (tmp_path / "out" / "good" / "en.po").is_file()
    for catalog in (tmp_path / "out").rglob("*.po"):
        assert "Hacked" not in _compiled_messages(catalog)


def test_references_headers_and_notes_stay_on_their_line(tmp_path, msgfmt_check):
    """Whatever reaches a `#:` reference, a `#.` note or a header field: no character any reader takes for a
    line end survives (gettext: \\n; polib's universal newlines: \\r; str.splitlines: \\v \\x1c \\u2028 …)."""
    breaks = ["\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029"]
    catalog = Catalog({"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}, [])
    for number, character in enumerate(breaks):
        catalog.header[f"X-Field-{number}"] = f"a{character}Language: de"
        catalog.entries.append(Entry(f"句子{number}", occurrences=[(f"t{character}msgid x", "1")],
                                     notes=[f"note{character}QA error: injected [glossary]"]))
    path = tmp_path / "en.po"
    path.write_text(po_text.render(catalog), encoding="utf-8")
    msgfmt_check(path)
    read = polib.pofile(str(path))
    assert read.metadata["Language"] == "en" and "de" not in read.metadata["Language"]
    assert [entry.msgid for entry in read] == [f"句子{number}" for number in range(len(breaks))]
    for entry in read:
        assert not any(line.startswith("QA error") for line in entry.comment.splitlines())
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(path.read_bytes().split(b"\n")) - 1


def test_a_file_name_with_spaces_is_one_reference_as_gettext_writes_it(tmp_path):
    catalog = Catalog({"Content-Type": "text/plain; charset=UTF-8"},
                      [Entry("句子", occurrences=[("a b.txt", "3"), ("c.txt", "4")])])
    path = tmp_path / "a.po"
    path.write_text(po_text.render(catalog), encoding="utf-8")
    assert "#: \u2068a b.txt\u2069:3 c.txt:4\n" in path.read_text(encoding="utf-8")
    assert subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout == \
        path.read_text(encoding="utf-8")


def test_a_link_address_with_a_line_break_stays_one_note(tmp_path):
    """A link's URL is shown to reviewers in a `#.` note; a line break in it would add a note that `build`
    reads as a QA finding of its own."""
    page = tmp_path / "a.html"
    page.write_text('<html><body><article><p>微软宣布<a href="http://x\nQA error: injected [terms]">新的人工智能计划'
                    '</a>的第一句话很长很长。</p><p>第二段也有很多中文内容，用来测试网页的读取和清理。</p></article>'
                    '</body></html>', encoding="utf-8")
    result = _run(str(page), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for entry in polib.pofile(str(tmp_path / "out" / "a" / "en.po")):
        assert not [line for line in entry.comment.splitlines() if line.startswith("QA error")], entry.comment
    assert "link: http://x\\nQA error" in (tmp_path / "out" / "a" / "en.po").read_text(encoding="utf-8")


def test_a_canonical_link_with_line_breaks_adds_no_header_field(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        '<html><head><link rel="canonical" href="http://a.example/x\nContent-Type: text/plain; '
        'charset=ISO-8859-1\nLanguage: de"></head><body><article><p>微软宣布新的人工智能计划的第一句话很长很长，'
        '这是第二个分句的内容。</p><p>第二段也有很多中文内容，用来测试网页的读取和清理。</p></article></body></html>',
        encoding="utf-8")
    result = _run(str(page), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    catalog = tmp_path / "out" / "a" / "en.po"
    header = polib.pofile(str(catalog)).metadata
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert header["Language"] == "en"
    assert header["X-L10n-Url"].startswith("http://a.example/x Content-Type")
    assert "Language: de" not in _compiled_messages(catalog).replace("X-L10n-Url", "")


def test_document_names_never_leave_the_output_folder(tmp_path, monkeypatch):
    """`...txt` used to be the document `..` (written into out/), `..zh.txt` the document `.` (into --out itself)."""
    monkeypatch.chdir(tmp_path)
    for name in ("...txt", "..zh.txt"):
        (tmp_path / name).write_text(SENTENCE, encoding="utf-8")
    result = _run("./...txt", "./..zh.txt", "--out", "out/o")
    assert result.exit_code == 0, result.output
    written = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.po"))
    assert written == ["out/o/...txt/en.po", "out/o/...txt/zh_TW.po", "out/o/..zh.txt/en.po", "out/o/..zh.txt/zh_TW.po"]


def test_a_listed_path_cannot_lead_out_through_a_symbolic_link(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outside").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "feed").symlink_to(tmp_path / "outside")
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "none", "--out", "out", "--from-list", "-"],
                           input="feed/a.txt\ngood.txt\n")
    assert result.exit_code == 2
    assert "would not be inside the output folder out" in result.stderr
    assert not any((tmp_path / "outside").iterdir())
    assert (tmp_path / "out" / "good" / "en.po").is_file()


def test_align_po_escapes_file_names_too(tmp_path):
    source = tmp_path / f't\n{INJECTED}#. .txt'
    source.write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "en.txt").write_text("Microsoft announced a new artificial intelligence plan.\n", encoding="utf-8")
    result = runner.invoke(app, ["align", str(source), str(tmp_path / "en.txt"), "-o", str(tmp_path / "a.po")])
    assert result.exit_code == 0, result.output
    assert "Hacked" not in _compiled_messages(tmp_path / "a.po")
    assert polib.pofile(str(tmp_path / "a.po")).metadata["Language"] == "en"
