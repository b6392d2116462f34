"""Hostile and odd reviewed catalogs (issue 19, items 11 and 12): catalogs in another charset, or whose
header lies about it, and control characters a reviewer pasted into a translation."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from l10n.catalog import po
from l10n.cli import app
from l10n.plumbing.errors import InputError

runner = CliRunner()
ARTICLE = "微软宣布新的人工智能计划的第一句话很长很长。\n\n第二段也有很多中文内容，用来测试。\n"
REVIEWED = "Reviewed translation"


def _reviewed_folder(tmp_path: Path, text: str = REVIEWED) -> Path:
    """out/a after a run, with every English entry reviewed (msgstr set, fuzzy cleared)."""
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["run", "-q", "--mt", "none", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / "a" / "en.po"
    catalog = polib.pofile(str(path))
    for number, entry in enumerate(catalog):
        entry.msgstr = f"{text} {number}."
        entry.flags = []
    catalog.save(str(path))
    return path.parent


def _rerun(tmp_path: Path, *more: str):
    return runner.invoke(app, ["run", "-q", "--mt", "none", "--force", str(tmp_path / "a.txt"), *more,
                               "--out", str(tmp_path / "out")])


def test_a_header_claiming_latin1_over_utf8_text_is_refused_and_the_file_left_alone(tmp_path):
    folder = _reviewed_folder(tmp_path)
    catalog = folder / "en.po"
    catalog.write_bytes(catalog.read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1"))
    before = catalog.read_bytes()
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    result = _rerun(tmp_path, str(tmp_path / "b.txt"))
    assert result.exit_code == 2
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    line = before[:before.index(b"charset=")].count(b"\n") + 1
    assert error == (f"error: {catalog}:{line}: the header says charset=ISO-8859-1, but the text is UTF-8: "
                     "correct the charset in the header (the file was left as it is)")
    assert catalog.read_bytes() == before and not (folder / ".backup").exists()
    assert (tmp_path / "out" / "b" / "en.po").is_file()
    checked = runner.invoke(app, ["check", str(catalog)])
    assert checked.exit_code == 2 and "the header says charset=ISO-8859-1" in checked.stderr
    assert catalog.read_bytes() == before


def test_a_gb18030_catalog_is_read_and_its_reviewed_work_kept(tmp_path, msgfmt_check):
    folder = _reviewed_folder(tmp_path)
    catalog = folder / "en.po"
    subprocess.run(["msgconv", "-t", "GB18030", str(catalog), "-o", str(catalog)], check=True, capture_output=True)
    original = catalog.read_bytes()
    assert b"charset=GB18030" in original
    result = _rerun(tmp_path)
    assert result.exit_code == 0, result.output
    rewritten = polib.pofile(str(catalog))
    assert sorted(entry.msgstr for entry in rewritten if entry.msgid) == [f"{REVIEWED} 0.", f"{REVIEWED} 1."]
    assert not any(entry.obsolete for entry in rewritten)
    assert rewritten.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    msgfmt_check(catalog)
    [kept] = list((folder / ".backup").rglob("en.po"))
    assert kept.read_bytes() == original


def test_check_reads_a_gb18030_catalog_and_writes_it_back_as_valid_utf8(tmp_path, msgfmt_check):
    folder = _reviewed_folder(tmp_path, "微软")  # Chinese left in the English: a finding to write
    catalog = folder / "en.po"
    subprocess.run(["msgconv", "-t", "GB18030", str(catalog), "-o", str(catalog)], check=True, capture_output=True)
    result = runner.invoke(app, ["check", str(catalog)])
    assert result.exit_code == 1 and "source-leak" in result.stdout
    msgfmt_check(catalog)
    assert "QA error: Chinese left in the English: 微软" in catalog.read_text(encoding="utf-8")


def test_a_catalog_in_its_declared_legacy_charset_reads_as_that_charset(tmp_path):
    path = tmp_path / "fr.po"
    path.write_bytes('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     'msgid "caf\\u00e9"\nmsgstr "café crème"\n'.encode("latin-1"))
    [entry] = list(po.read_catalog(path))
    assert entry.msgstr == "café crème"


@pytest.mark.parametrize("header, body, message, line", [
    ("UTF-8", b'msgid "a"\nmsgstr "\xff"\n', "not valid UTF-8 text (byte 0xff cannot be decoded)", 6),
    ("GB18030", b'msgid "a"\nmsgstr "\x81"\n', "not valid GB18030 text (byte 0x81 cannot be decoded)", 6),
    ("KLINGON-8", b'msgid "a"\nmsgstr "b"\n', "the header's charset=KLINGON-8 is not an encoding", 3),
])
def test_a_catalog_that_does_not_decode_is_refused_with_its_line(tmp_path, header, body, message, line):
    path = tmp_path / "en.po"
    path.write_bytes(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={header}\\n"\n\n'.encode() + body)
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        po.read_catalog(path)
    assert caught.value.line == line


def _with_control_characters(tmp_path: Path) -> Path:
    return _reviewed_folder(tmp_path, "Line one\vline two\x1c end")


@pytest.mark.parametrize("command, written", [(["export", "tmx"], "translations.en.tmx"),
                                              (["export", "xliff"], "translations.en.xlf"),
                                              (["build", "--review"], "a/review.html")])
def test_exports_and_the_review_page_show_a_pasted_control_character(tmp_path, command, written):
    _with_control_characters(tmp_path)
    result = runner.invoke(app, [*command, str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / written
    text = path.read_text(encoding="utf-8")
    assert "Line one\u240bline two\u241c end" in text  # ␋ and ␜: where the reviewer's paste went wrong
    parser = etree.HTMLParser() if path.suffix == ".html" else etree.XMLParser()
    etree.fromstring(text.encode("utf-8"), parser)


def test_build_refuses_to_publish_a_control_character(tmp_path):
    folder = _with_control_characters(tmp_path)
    result = runner.invoke(app, ["build", str(tmp_path / "out"), "-l", "en", "--verbose"])
    assert result.exit_code == 1
    assert "[control-character]: control character U+000B, U+001C in the text" in result.stderr
    assert not list(folder.glob("article.*"))
    checked = runner.invoke(app, ["check", str(folder / "en.po")])
    assert checked.exit_code == 1 and "control-character" in checked.stdout
