import random
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import po_text
from l10n.catalog.entries import Catalog, Entry
from l10n.plumbing.errors import InputError
from l10n.reading.ingest import read_article
from l10n.pipeline import RunOptions, run
from l10n.reading.segment import segment_document


@pytest.fixture
def outputs(tmp_path, sample_path):
    [result] = run([sample_path], RunOptions(out_dir=tmp_path)).documents
    return result


def test_every_catalog_passes_msgfmt(outputs, msgfmt_check):
    catalogs = [p for p in outputs.files if p.suffix in (".po", ".pot")]
    assert sorted(p.name for p in catalogs) == ["en.po", "jiemian-openai-board.pot", "zh_TW.po"]
    for path in catalogs:
        msgfmt_check(path)


def test_template_has_one_entry_per_segment(outputs, sample_path):
    template = polib.pofile(str(outputs.folder / "jiemian-openai-board.pot"))
    segments = segment_document(read_article(sample_path))
    assert [e.msgid for e in template] == list(dict.fromkeys(s.source for s in segments))
    assert all(e.msgctxt is None for e in template)
    first = template[0]
    assert first.occurrences == [("jiemian-openai-board.zh.txt", "7")]
    assert first.comment.splitlines()[0] == "title, paragraph 1, sentence 1"
    assert all(e.msgstr == "" for e in template)


def test_traditional_catalog_is_filled_and_fuzzy(outputs):
    catalog = polib.pofile(str(outputs.folder / "zh_TW.po"))
    assert catalog.metadata["Language"] == "zh_TW"
    assert catalog.metadata["X-L10n-Origin"].startswith("l10n edition tw: OpenCC ")
    assert all(e.msgstr and e.fuzzy for e in catalog)
    assert catalog[0].msgstr == "OpenAI宮鬥劇完結,誰是最大贏家?"


def test_english_catalog_waits_for_translators(outputs):
    catalog = polib.pofile(str(outputs.folder / "en.po"))
    assert catalog.metadata["Language"] == "en"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert all(e.msgstr == "" and not e.fuzzy for e in catalog)


def test_segment_table_aligns_all_variants(outputs):
    lines = (outputs.folder / "segments.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "paragraph", "sentence", "part", "zh_Hans", "zh_TW", "en"]
    assert len(lines) == 1 + len(outputs.segments)
    first = lines[1].split("\t")
    assert first[:6] == [outputs.segments[0].id, "1", "1", "title", "OpenAI宫斗剧完结,谁是最大赢家?",
                         "OpenAI宮鬥劇完結,誰是最大贏家?"]


def _review(path: Path, index: int, text: str) -> polib.POEntry:
    catalog = polib.pofile(str(path))
    entry = [e for e in catalog if not e.obsolete][index]
    entry.msgstr = text
    entry.flags = []
    entry.tcomment = "checked by the desk"
    catalog.metadata["Last-Translator"] = "Reviewer <desk@example.org>"
    catalog.save(str(path))
    return entry


def test_rerun_keeps_reviewed_work(outputs, tmp_path, sample_path):
    english = _review(outputs.folder / "en.po", 0, "OpenAI's palace drama ends: who is the biggest winner?")
    hant = _review(outputs.folder / "zh_TW.po", 1, "微軟的AI野心。")
    run([sample_path], RunOptions(out_dir=tmp_path))
    en_after = {e.msgid: e for e in polib.pofile(str(outputs.folder / "en.po"))}
    tw_after = {e.msgid: e for e in polib.pofile(str(outputs.folder / "zh_TW.po"))}
    assert en_after[english.msgid].msgstr == english.msgstr
    assert not en_after[english.msgid].fuzzy
    assert en_after[english.msgid].tcomment == "checked by the desk"
    assert tw_after[hant.msgid].msgstr == "微軟的AI野心。"
    assert polib.pofile(str(outputs.folder / "en.po")).metadata["Last-Translator"] == "Reviewer <desk@example.org>"
    table = (outputs.folder / "segments.tsv").read_text(encoding="utf-8")
    assert english.msgstr in table and "微軟的AI野心。" in table


def test_removed_sentence_keeps_its_translation_as_obsolete(tmp_path, msgfmt_check):
    article = tmp_path / "story.txt"
    article.write_text("标题\n\n第一句话。另外一件事情发生了。", encoding="utf-8")
    [result] = run([article], RunOptions(out_dir=tmp_path / "out")).documents
    _review(result.folder / "en.po", 1, "The first sentence.")
    article.write_text("标题\n\n另外一件事情发生了。", encoding="utf-8")
    run([article], RunOptions(out_dir=tmp_path / "out"))
    catalog = polib.pofile(str(result.folder / "en.po"))
    obsolete = [e for e in catalog if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [("第一句话。", "The first sentence.")]
    msgfmt_check(result.folder / "en.po")


def test_broken_reviewed_file_stops_the_run_before_writing(outputs, tmp_path, sample_path):
    en = outputs.folder / "en.po"
    pot = outputs.folder / "jiemian-openai-board.pot"
    text = en.read_text(encoding="utf-8").replace('msgstr ""\n\n#. subtitle', 'msgstr ""\nstray words\n\n#. subtitle', 1)
    en.write_text(text, encoding="utf-8")
    pot_before = pot.stat().st_mtime_ns
    [failure] = run([sample_path], RunOptions(out_dir=tmp_path)).failures
    assert isinstance(failure.error, InputError)
    assert failure.error.path == en and failure.error.line is not None
    assert en.read_text(encoding="utf-8") == text
    assert pot.stat().st_mtime_ns == pot_before


def test_an_unterminated_string_is_refused_not_cut(outputs, tmp_path, sample_path):
    en = outputs.folder / "en.po"
    text = en.read_text(encoding="utf-8").replace('msgstr ""\n\n#. subtitle', 'msgstr "Half a translation\n\n#. subtitle', 1)
    en.write_text(text, encoding="utf-8")
    line = text.splitlines().index('msgstr "Half a translation') + 1
    [failure] = run([sample_path], RunOptions(out_dir=tmp_path)).failures
    assert (failure.error.path, failure.error.line, failure.error.message) == (en, line, "unterminated string")
    assert en.read_text(encoding="utf-8") == text


def test_escaped_quotes_and_obsolete_entries_read_back(tmp_path):
    from l10n.catalog.po import read_catalog

    path = tmp_path / "x.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgctxt "a"\nmsgid "他说\\"好\\""\nmsgstr ""\n"He said \\"OK\\" \\\\"\n\n'
                    '#~ msgctxt "b"\n#~ msgid "旧"\n#~ msgstr "old"\n', encoding="utf-8")
    catalog = read_catalog(path)
    assert [(entry.msgstr, entry.obsolete) for entry in catalog] == [('He said "OK" \\', False), ("old", True)]


_PIECES = ["董事会", "宣布", "，", "。", "“", "”", "《华尔街日报》", "（", "）", "OpenAI", "Sam Altman", " ", "-", "/",
           "2.05%", "77亿美元", "https://www.example.com/news/2023/11/22/a_long-path.shtml?from=home", '"', "\\",
           "\t", "a", "board", "ＡＩ", "한국", "é", "e\u0301", "—", "…", "·", ":", ",", ".", "x" * 75]


def test_msgcat_rewrites_random_strings_to_the_same_bytes(tmp_path):
    """Wrapping matches gettext's byte for byte: CJK and Latin runs, escapes, URLs, full-width and combining
    characters, strings of every length around the 79-column page, in msgid and msgstr and in #| previous."""
    rng = random.Random(7)
    # ASCII whose escapes take it from fitting to one column over the page, in an entry and in the header; ASCII
    # wrapped as written, never between the two characters of an escape (line breaks may fall between backslashes)
    fitting, over = "a " * 35 + '"', "a " * 35 + '""'
    catalog = Catalog({"Content-Type": "text/plain; charset=UTF-8", "X-Fits": "b " * 35 + "\t", "X-Over": "b " * 36},
                      [Entry(fitting, over), Entry(over, fitting[:-1] + "\n"),
                       Entry("C:\\dir\\" * 12, "\\\t" * 40), Entry("a\\" * 30 + "b", "\\" * 90)])
    for number in range(600):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 60)))
        entry = Entry(text, text[::-1] if number % 3 else "", str(number))
        if number % 5 == 0 and entry.msgstr:  # msgcat drops the fuzzy flag of an untranslated entry
            entry.flags.append("fuzzy")
            entry.previous_msgid = text[1:] or "x"
        catalog.entries.append(entry)
    # No break opportunity: on the keyword's line however long; fits below the keyword but not beside it.
    catalog.entries += [Entry("x" * 100, "y" * 71), Entry("董" * 36 + "ab", "x" * 69 + " a")]
    path = tmp_path / "random.po"
    path.write_text(po_text.render(catalog), encoding="utf-8")
    rewritten = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    assert rewritten == path.read_bytes()
