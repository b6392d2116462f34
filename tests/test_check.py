"""`l10n check` through the CLI: findings written into the files, a summary table, --json, exit codes."""
import json

import polib
from typer.testing import CliRunner

from l10n.cli import app

runner = CliRunner()

GLOSSARY = "zh_Hans,en,en_short,kind,en_forbidden\n奥特曼,Sam Altman,Altman,person,Ultraman\n"
ARTICLE = "董事会风波\n\n该公司估值达到860亿美元。奥特曼回来了。员工们联名要求董事会辞职。"
MISTAKES = {  # what MT and reviewers get wrong
    "董事会风波": "Board turmoil",
    "该公司估值达到860亿美元。": "The company is valued at $860 billion.",
    "奥特曼回来了。": "Ultraman is back.",
    "员工们联名要求董事会辞职。": "Staff signed a letter，demanding that the board resign.",
}


def _seeded(tmp_path, texts=MISTAKES):
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out), "--mt", "none", "-q",
                                 "--glossary", str(tmp_path / "g.csv")])
    assert result.exit_code == 0, result.output
    en = out / "a" / "en.po"
    catalog = polib.pofile(str(en))
    for entry in catalog:
        entry.msgstr = texts.get(entry.msgid, "")
        entry.flags = []  # as a reviewer who accepted every entry
    catalog.save(str(en))
    return out, en


def _check(*args):
    return runner.invoke(app, ["check", *map(str, args)])


def test_check_writes_findings_prints_a_table_and_fails_on_errors(tmp_path, msgfmt_check):
    out, en = _seeded(tmp_path)
    result = _check(out, "--glossary", tmp_path / "g.csv")
    assert result.exit_code == 1, result.output
    entries = {entry.msgid: entry for entry in polib.pofile(str(en))}
    valued = entries["该公司估值达到860亿美元。"]
    assert "QA error: 860亿美元: expected 86 billion USD in the English [numbers]" in valued.comment.splitlines()
    assert valued.fuzzy
    back = entries["奥特曼回来了。"].comment.splitlines()
    assert "QA error: 奥特曼 must be rendered 'Sam Altman' [glossary-missing]" in back
    assert "QA error: 奥特曼 is rendered 'Ultraman', which the glossary forbids [glossary-forbidden]" in back
    assert any(line.endswith("[fullwidth-punctuation]") for line in entries["员工们联名要求董事会辞职。"].comment.splitlines())
    assert not entries["董事会风波"].fuzzy and "QA" not in entries["董事会风波"].comment
    lines = result.stdout.splitlines()
    assert f"{en}:{valued.linenum}: error: 860亿美元: expected 86 billion USD in the English [numbers]" in lines
    assert ["file", "language", "checked", "errors", "warnings"] in map(str.split, lines)
    table = [line.split() for line in lines if line.startswith(str(out))]
    assert [str(en), "en", "4", "4", "0"] in table
    assert any(row[:3] == ["numbers", "error", "1"] for row in map(str.split, lines))
    assert lines[-1] == "4 errors, 0 warnings in 2 files; findings written into 1 of them"
    msgfmt_check(en)


def test_a_second_check_replaces_findings_instead_of_piling_them_up(tmp_path):
    out, en = _seeded(tmp_path)
    _check(out, "--glossary", tmp_path / "g.csv")
    first = en.read_bytes()
    again = _check(out, "--glossary", tmp_path / "g.csv")
    assert again.exit_code == 1 and en.read_bytes() == first
    assert again.stdout.splitlines()[-1].endswith("findings written into 0 of them")
    catalog = polib.pofile(str(en))
    entry = catalog.find("该公司估值达到860亿美元。")
    entry.msgstr = "The company is valued at $86 billion."
    catalog.save(str(en))
    fixed = _check(out, "--glossary", tmp_path / "g.csv")
    assert "QA" not in polib.pofile(str(en)).find("该公司估值达到860亿美元。").comment
    assert fixed.stdout.splitlines()[-1].startswith("3 errors")


def test_fail_on_warning_and_json(tmp_path):
    texts = {**dict.fromkeys(MISTAKES, ""), "员工们联名要求董事会辞职。": "Staff staff signed a letter asking the board to resign."}
    out, en = _seeded(tmp_path, texts)
    assert _check(en).exit_code == 0  # a warning only: doubled word
    assert _check(en, "--fail-on", "warning").exit_code == 1
    report = json.loads(_check(en, "--json").stdout)
    assert (report["errors"], report["warnings"]) == (0, 1)
    [finding] = report["files"][0]["findings"]
    assert finding["check"] == "doubled-word" and finding["severity"] == "warning"
    assert finding["msgid"] == "员工们联名要求董事会辞职。"
    assert finding["line"] == polib.pofile(str(en)).find("员工们联名要求董事会辞职。").linenum


def test_traditional_catalog_is_checked_for_simplified_characters(tmp_path):
    out, _ = _seeded(tmp_path)
    tw = out / "a" / "zh_TW.po"
    catalog = polib.pofile(str(tw))
    catalog.find("员工们联名要求董事会辞职。").msgstr = "員工們联名要求董事會辭職。"
    catalog.save(str(tw))
    result = _check(tw)
    assert result.exit_code == 1
    assert "Simplified characters in the Traditional text: 联 (→ 聯) [simplified-leak]" in result.stdout


def test_an_unreadable_catalog_stops_the_check_before_anything_is_written(tmp_path):
    out, en = _seeded(tmp_path)
    broken = out / "b" / "en.po"
    broken.parent.mkdir()
    broken.write_text('msgid "a"\nmsgstr "unterminated\n', encoding="utf-8")
    before = en.read_bytes()
    result = _check(out)
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken}:2: unterminated string\n"
    assert en.read_bytes() == before


def test_nothing_to_check_is_a_usage_error(tmp_path):
    result = _check(tmp_path)
    assert result.exit_code == 2 and result.stderr == f"error: {tmp_path}: no .po files in this folder\n"
    assert _check(tmp_path / "missing").exit_code == 2


def test_a_term_that_only_seems_to_stand_is_not_required_as_run_decides(tmp_path):
    (tmp_path / "g.csv").write_text("zh_Hans,en,kind\n布洛克曼,Greg Brockman,person\n", encoding="utf-8")
    catalog = polib.POFile()
    catalog.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    catalog.append(polib.POEntry(msgid="天空乌云密布洛克曼站在雨中。", msgstr="Dark clouds gathered; Rockman stood in the rain."))
    catalog.append(polib.POEntry(msgid="布洛克曼回来了。", msgstr="Brockman is back."))
    path = tmp_path / "en.po"
    catalog.save(str(path))
    report = json.loads(_check(path, "--json", "--glossary", tmp_path / "g.csv").stdout)
    assert [f["msgid"] for f in report["files"][0]["findings"]] == ["布洛克曼回来了。"]


def test_fail_on_comes_from_the_settings_file_and_the_command_line_wins(tmp_path, monkeypatch):
    texts = {**dict.fromkeys(MISTAKES, ""), "员工们联名要求董事会辞职。": "Staff staff signed a letter asking the board to resign."}
    out, en = _seeded(tmp_path, texts)
    settings = tmp_path / "desk" / "l10n.toml"
    settings.parent.mkdir()
    settings.write_text('[qa]\nfail_on = "warning"\n', encoding="utf-8")
    assert _check(en, "--config", settings).exit_code == 1  # a warning, and the file says warnings fail
    assert _check(en, "--config", settings, "--fail-on", "error").exit_code == 0
    monkeypatch.chdir(settings.parent)  # found upward from the current folder, as `run` finds it
    assert _check(en).exit_code == 1


def test_a_file_whose_findings_did_not_change_keeps_its_bytes(tmp_path):
    out, en = _seeded(tmp_path)
    _check(out, "--glossary", tmp_path / "g.csv")
    # a reviewer re-wraps a long line by hand, as editors do; the findings stay the same
    text = en.read_text(encoding="utf-8").replace('msgid "该公司估值达到860亿美元。"', 'msgid ""\n"该公司估值达到860亿美元。"')
    en.write_text(text, encoding="utf-8")
    before = en.read_bytes()
    result = _check(out, "--glossary", tmp_path / "g.csv")
    assert en.read_bytes() == before
    assert result.stdout.splitlines()[-1].endswith("findings written into 0 of them")



def test_a_catalog_without_glossary_terms_is_segmented_without_converting_it(tmp_path, monkeypatch):
    """segments_of skips the edition's conversion (respect_boundaries, which only drops glossary hits) when no
    glossary term is found in any entry."""
    from l10n import editions
    from l10n.catalog.entries import Catalog, Entry
    from l10n.glossary import load
    from l10n.qa import catalogs

    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    glossary = load(tmp_path / "g.csv")
    sentences = [msgid for msgid in MISTAKES if "奥特曼" not in msgid]
    catalog = Catalog({"Language": "en"}, [Entry(msgid, MISTAKES[msgid]) for msgid in sentences])
    converted = []
    monkeypatch.setattr(catalogs, "respect_boundaries", lambda *arguments: converted.append(arguments) or arguments[0])
    without_terms = catalogs.segments_of(catalog, glossary, editions.DEFAULT)
    assert converted == [] and [(s.source, s.terms) for s in without_terms] == [(msgid, ()) for msgid in sentences]
    catalog.entries.append(Entry("奥特曼回来了。", "Altman is back."))
    with_term = catalogs.segments_of(catalog, glossary, editions.DEFAULT)
    assert len(converted) == 1 and [hit.entry.source for hit in with_term[-1].terms] == ["奥特曼"]
