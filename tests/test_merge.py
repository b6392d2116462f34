"""Reviewers' work survives every re-run, with GNU msgmerge's rules (l10n/catalog/merge.py through the pipeline)."""
import hashlib
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from l10n.cli import app
from l10n.plumbing.errors import InputError
from l10n.pipeline import RunOptions, run
from fake_engine import FakeTranslator

LEGACY = Path(__file__).parent / "data" / "legacy"


def EchoTranslator(version: int = 1) -> FakeTranslator:
    """A stand-in engine whose output we can predict, and change by bumping its version."""
    return FakeTranslator(draft=f"MT{version}: {{source}}", model_id=f"echo {version}")


def _options(tmp_path: Path, **changes) -> RunOptions:
    """No glossary unless a test gives one, so drafts are exactly what the engine says."""
    if "glossary" not in changes:
        empty = tmp_path / "empty-glossary.csv"
        empty.write_text("zh_Hans,en,kind\n", encoding="utf-8")
        changes["glossary"] = (empty,)
    return RunOptions(out_dir=tmp_path / "out", use_cache=False, **changes)


def _article(path: Path, *paragraphs: str) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _catalog(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


def _review(path: Path, texts: dict[str, str], fuzzy: bool = False) -> None:
    """What a reviewer does in Poedit: type the text and (unless fuzzy) clear the fuzzy flag."""
    catalog = _catalog(path)
    for entry in catalog:
        if entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
            entry.flags = ["fuzzy"] if fuzzy else []
    catalog.save(str(path))


def _live(path: Path) -> dict[str, polib.POEntry]:
    return {entry.msgid: entry for entry in _catalog(path) if not entry.obsolete}


def _obsolete(path: Path) -> dict[str, polib.POEntry]:
    return {entry.msgid: entry for entry in _catalog(path) if entry.obsolete}


TITLE = "董事会风波"
FIRED = "OpenAI的董事会解雇了山姆·奥特曼。"
REPLY = "微软迅速作出回应。"
STAFF = "员工们联名要求董事会辞职。"
BACK = "最终奥特曼回到了公司。"


# --- the failures listed at the top of issue 8 -------------------------------------------------------------

def test_a_deleted_then_restored_sentence_comes_back_with_its_translation(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path, mt="none")).documents
    en = result.folder / "en.po"
    _review(en, {REPLY: "Microsoft responded quickly."})
    _article(article, TITLE, FIRED)
    run([article], _options(tmp_path, mt="none"))
    assert _obsolete(en)[REPLY].msgstr == "Microsoft responded quickly."
    _article(article, TITLE, f"{FIRED}{REPLY}")
    run([article], _options(tmp_path, mt="none"))
    revived = _live(en)[REPLY]
    assert (revived.msgstr, revived.fuzzy) == ("Microsoft responded quickly.", False)
    assert REPLY not in _obsolete(en)


def test_a_one_character_edit_offers_the_old_translation_as_fuzzy_with_the_previous_msgid(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path), translator=EchoTranslator()).documents
    en = result.folder / "en.po"
    _review(en, {REPLY: "Microsoft responded quickly."})
    edited = REPLY.replace("作", "做")
    _article(article, TITLE, f"{FIRED}{edited}")
    run([article], _options(tmp_path), translator=EchoTranslator())
    entry = _live(en)[edited]
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == ("Microsoft responded quickly.", True, REPLY)
    assert f"new machine text, for comparison: MT1: {edited}" in entry.comment.splitlines()
    assert REPLY not in _obsolete(en)  # its translation lives on in the fuzzy entry, as msgmerge does it


def test_a_reviewers_fuzzy_edit_is_never_replaced_by_a_new_draft_and_nothing_piles_up(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path), translator=EchoTranslator(1)).documents
    en = result.folder / "en.po"
    _review(en, {REPLY: "Microsoft replied fast (to check)."}, fuzzy=True)
    for version in (2, 3, 3):
        run([article], _options(tmp_path), translator=EchoTranslator(version))
    entry = _live(en)[REPLY]
    assert (entry.msgstr, entry.fuzzy) == ("Microsoft replied fast (to check).", True)
    comparison = [line for line in entry.comment.splitlines() if "machine text" in line]
    assert comparison == [f"new machine text, for comparison: MT3: {REPLY}"]
    assert entry.tcomment == ""
    untouched = _live(en)[FIRED]  # a draft nobody touched does follow the engine
    assert untouched.msgstr == f"MT3: {FIRED}" and untouched.fuzzy


def test_earlier_draft_lines_written_by_l10n_0_1_are_dropped_not_piled_up(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, REPLY)
    [result] = run([article], _options(tmp_path, mt="none")).documents
    en = result.folder / "en.po"
    catalog = _catalog(en)
    entry = catalog.find(REPLY)
    entry.msgstr, entry.flags = "Microsoft replied.", ["fuzzy"]
    entry.tcomment = "earlier draft: MT0 one\nearlier draft: MT0 two\nthe desk asked for a shorter title"
    catalog.save(str(en))
    run([article], _options(tmp_path), translator=EchoTranslator())
    entry = _live(en)[REPLY]
    assert entry.msgstr == "Microsoft replied."
    assert entry.tcomment == "the desk asked for a shorter title"


def test_every_catalog_is_read_before_any_translation_or_write(tmp_path):
    """A document whose catalog cannot be read stops before translation or writing, with its file and line;
    the other documents of the run go on (an archive is never sunk by one bad file)."""
    first = _article(tmp_path / "first.txt", TITLE, FIRED)
    second = _article(tmp_path / "second.txt", "另一篇文章", REPLY)
    results = run([first, second], _options(tmp_path, mt="none")).documents
    _review(results[1].folder / "en.po", {REPLY: "Microsoft responded."})
    broken = results[1].folder / "zh_TW.po"
    broken.write_text(broken.read_text(encoding="utf-8") + "\nmsgid \"x\"\nstray words\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in results[1].files}
    translator = EchoTranslator()
    rerun = run([first, second], _options(tmp_path), translator=translator)
    [failure] = rerun.failures
    assert isinstance(failure.error, InputError)
    assert failure.error.path == broken and failure.error.line is not None
    assert len(translator.calls) == 1 and [done.document.name for done in rerun.documents] == ["first"]
    assert {path: path.read_bytes() for path in before} == before
    assert not (results[1].folder / ".backup").exists()


# --- review files through the tools desks run on them (issue 21) ----------------------------------------------

def _msgmerge_update(folder: Path) -> None:
    """What Weblate and many desks do: every catalog updated against the template; `#.` lines become the pot's."""
    for po in sorted(folder.glob("*.po")):
        subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", str(po), str(next(folder.glob("*.pot")))],
                       check=True)


def _pomerge(template: Path, reviewed: Path) -> None:
    """Translate Toolkit's pomerge: the reviewer's translations merged into the catalog, in place."""
    subprocess.run([sys.executable, "-m", "translate.tools.pomerge", "-t", str(template), "-i", str(reviewed),
                    "-o", str(template)], check=True, capture_output=True)


def test_after_msgmerge_update_machine_text_is_still_the_machines(tmp_path):
    """msgmerge -U replaces our `#.` lines; whether an entry is machine text comes from the run's record, so
    the next run follows the new engine, restores the notes and backs nothing up."""
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path), translator=EchoTranslator(1)).documents
    _msgmerge_update(result.folder)
    assert "machine draft" not in (result.folder / "en.po").read_text(encoding="utf-8")
    [again] = run([article], _options(tmp_path), translator=EchoTranslator(2)).documents
    assert again.backup is None and not (result.folder / ".backup").exists()
    en = _live(result.folder / "en.po")
    assert (en[REPLY].msgstr, en[REPLY].fuzzy) == (f"MT2: {REPLY}", True)
    assert "machine draft: echo 2" in en[REPLY].comment.splitlines()
    assert _live(result.folder / "zh_TW.po")[REPLY].msgstr == "微軟迅速作出回應。"


def test_after_msgmerge_update_a_reviewers_work_is_kept_and_drafts_still_follow_the_engine(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path), translator=EchoTranslator(1)).documents
    en = result.folder / "en.po"
    _review(en, {REPLY: "Microsoft responded quickly."})
    _msgmerge_update(result.folder)
    [again] = run([article], _options(tmp_path), translator=EchoTranslator(2)).documents
    live = _live(en)
    assert (live[REPLY].msgstr, live[REPLY].fuzzy) == ("Microsoft responded quickly.", False)
    assert (live[FIRED].msgstr, live[FIRED].fuzzy) == (f"MT2: {FIRED}", True)
    assert sorted(path.name for path in again.backup.iterdir()) == ["en.po"]  # zh_TW.po holds no reviewer's work


def test_an_untranslated_entry_never_borrows_a_similar_sentences_translation(tmp_path):
    """The sample's 三是微软的野望。 stays untranslated beside a reviewed 微软的AI野望。: msgmerge keeps an exact
    match that was left empty, and so do we (before, a re-run copied "Microsoft's AI ambitions." onto it)."""
    article = _article(tmp_path / "a.txt", TITLE, "微软的AI野望。", "三是微软的野望。")
    [result] = run([article], _options(tmp_path, mt="none")).documents
    en = result.folder / "en.po"
    _review(en, {"微软的AI野望。": "Microsoft's AI ambitions."})
    run([article], _options(tmp_path, mt="none"))
    _msgmerge_update(result.folder)
    run([article], _options(tmp_path, mt="none"))
    entry = _live(en)["三是微软的野望。"]
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == ("", False, None)


def test_the_pofilter_pomerge_cycle_keeps_reviewers_work_and_machine_text_apart(tmp_path):
    """Translate Toolkit's review cycle on a catalog the desk updated with msgmerge -U: pofilter puts the units
    that fail its checks (every fuzzy one) in a snippet file, a reviewer fixes one there, pomerge brings the
    snippet back; the next run keeps the fix and still knows the untouched drafts for the machine's."""
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path), translator=EchoTranslator(1)).documents
    en = result.folder / "en.po"
    _msgmerge_update(result.folder)
    snippet = tmp_path / "snippet.po"
    subprocess.run([sys.executable, "-m", "translate.filters.pofilter", "--progress=none", str(en), str(snippet)],
                   check=True, capture_output=True)
    assert {entry.msgid for entry in _catalog(snippet)} == {TITLE, FIRED, REPLY}
    _review(snippet, {REPLY: "Microsoft responded quickly."})
    _pomerge(en, snippet)
    assert _live(en)[REPLY].msgstr == "Microsoft responded quickly."
    [again] = run([article], _options(tmp_path), translator=EchoTranslator(2)).documents
    live = _live(en)
    assert (live[REPLY].msgstr, live[REPLY].fuzzy) == ("Microsoft responded quickly.", False)
    assert (live[TITLE].msgstr, live[FIRED].msgstr) == (f"MT2: {TITLE}", f"MT2: {FIRED}")
    assert "machine draft: echo 2" in live[FIRED].comment.splitlines()
    assert sorted(path.name for path in again.backup.iterdir()) == ["en.po"]


def test_a_folder_from_before_the_record_is_read_from_its_fingerprint_notes(tmp_path):
    """Catalogs written before machine.json existed marked machine text with a fingerprint note."""
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    [result] = run([article], _options(tmp_path), translator=EchoTranslator(1)).documents
    (result.folder / "machine.json").unlink()
    for po in result.folder.glob("*.po"):
        catalog = _catalog(po)
        for entry in catalog:
            if entry.fuzzy:
                digest = hashlib.sha1(entry.msgstr.encode("utf-8")).hexdigest()[:8]
                entry.comment += f"\nmachine text, fingerprint {digest}"
        catalog.save(str(po))
    [again] = run([article], _options(tmp_path), translator=EchoTranslator(2)).documents
    assert again.backup is None
    assert _live(result.folder / "en.po")[REPLY].msgstr == f"MT2: {REPLY}"
    assert "fingerprint" not in (result.folder / "en.po").read_text(encoding="utf-8")


# --- what a reviewer sees -----------------------------------------------------------------------------------

def test_a_repeated_sentence_is_one_entry_with_a_reference_per_occurrence(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{STAFF}", f"{REPLY}{STAFF}")
    [result] = run([article], _options(tmp_path, mt="none")).documents
    entries = [entry for entry in _catalog(result.folder / "en.po") if entry.msgid == STAFF]
    assert len(entries) == 1 and entries[0].msgctxt is None
    assert entries[0].occurrences == [("a.txt", "3"), ("a.txt", "5")]
    assert entries[0].comment.splitlines()[0] == "subtitle, paragraph 2, sentence 2; body, paragraph 3, sentence 2"
    _review(result.folder / "en.po", {STAFF: "Staff demanded the board resign."})
    run([article], _options(tmp_path, mt="none"))
    rows = (result.folder / "segments.tsv").read_text(encoding="utf-8").splitlines()
    assert sum(row.endswith("\tStaff demanded the board resign.") for row in rows) == 2


def test_a_repeated_sentence_reviewed_once_is_built_at_every_occurrence(tmp_path):
    from l10n.build import BuildOptions, build

    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{STAFF}", f"{REPLY}{STAFF}")
    [result] = run([article], _options(tmp_path, mt="none")).documents
    english = {TITLE: "Board turmoil", FIRED: "The board fired Altman.", REPLY: "Microsoft replied.",
               STAFF: "Staff asked the board to resign."}
    _review(result.folder / "en.po", english)
    build([result.folder], BuildOptions(locales=("en",)))
    assert (result.folder / "article.en.txt").read_text(encoding="utf-8").split("\n\n") == [
        "Board turmoil", "The board fired Altman. Staff asked the board to resign.",
        "Microsoft replied. Staff asked the board to resign.\n"]


def test_notes_describe_the_entry_as_it_is_now_and_only_for_its_language(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("zh_Hans,en,zh_Hant,kind\n奥特曼,Sam Altman,,person\n回到,,返回,term\n", encoding="utf-8")
    article = _article(tmp_path / "a.txt", TITLE, BACK)
    options = _options(tmp_path, glossary=(glossary,))
    [result] = run([article], options, translator=EchoTranslator()).documents
    en, tw = result.folder / "en.po", result.folder / "zh_TW.po"
    draft = _live(en)[BACK].comment.splitlines()
    assert "machine draft: echo 1" in draft
    assert any(line.startswith("MT glossary: 奥特曼 → Sam Altman: ") for line in draft)
    notes = [line for line in draft if not line.startswith("QA ")]  # QA may quote Chinese the echo left in
    assert not any("回到" in line for line in notes)  # a Traditional-only override is not the English reviewer's
    assert "glossary: 回到 → 返回 (term)" in _live(tw)[BACK].comment.splitlines()
    assert not any("Sam Altman" in line for line in _live(tw)[BACK].comment.splitlines())
    _review(en, {BACK: "In the end Sam Altman came back."})
    run([article], options, translator=EchoTranslator())
    reviewed = _live(en)[BACK].comment
    assert "machine" not in reviewed and "MT glossary" not in reviewed
    assert "glossary: 奥特曼 → Sam Altman (person)" in reviewed.splitlines()


def test_a_catalog_written_by_l10n_0_1_merges_without_loss(tmp_path):
    """tests/data/legacy/ holds en.po and zh_TW.po as l10n 0.1 wrote them for story.txt (hash msgctxt, one
    entry per occurrence), then reviewed: a repeated sentence translated on its second occurrence only,
    a fuzzy reviewer text, a translator comment."""
    folder = tmp_path / "out" / "story"
    folder.mkdir(parents=True)
    for name in ("en.po", "zh_TW.po"):
        shutil.copy(LEGACY / name, folder / name)
    article = shutil.copy(LEGACY / "story.txt", tmp_path / "story.txt")
    [result] = run([Path(article)], _options(tmp_path), translator=EchoTranslator()).documents
    en = _catalog(result.folder / "en.po")
    assert all(entry.msgctxt is None and entry.previous_msgctxt is None for entry in en)
    live = {entry.msgid: entry for entry in en if not entry.obsolete}
    assert len(live) == len(en) == 5
    assert (live["董事会风波"].msgstr, live["董事会风波"].tcomment) == ("Board turmoil", "checked by the desk")
    assert live[STAFF].msgstr == "Staff signed a letter demanding that the board resign."
    assert not live[STAFF].fuzzy and live[STAFF].occurrences == [("story.txt", "3"), ("story.txt", "5")]
    assert (live["最终奥特曼回归了公司。"].msgstr, live["最终奥特曼回归了公司。"].fuzzy) == (
        "In the end Altman returned to the company.", True)
    assert result.backup is not None and (result.backup / "en.po").read_bytes() == (LEGACY / "en.po").read_bytes()
    header = en.metadata
    assert "YEAR" not in header["PO-Revision-Date"] and "FULL NAME" not in header["Last-Translator"]


OLD_SEGMENTATION = Path(__file__).parent / "data" / "old-segmentation"


def test_a_catalog_segmented_at_semicolons_keeps_every_reviewed_text(tmp_path):
    """tests/data/old-segmentation/ holds what l10n wrote for story.txt while it still split sentences at ；
    (en.po, zh_TW.po, machine.json, segments.tsv), then reviewed: translations, a fuzzy reviewer text, translator
    comments, an entry left empty, two zh_TW entries edited. Sentences without ；are unchanged: same ids, their
    entries exactly as the reviewer left them; a sentence that was two entries starts from both halves."""
    folder = tmp_path / "out" / "story"
    folder.mkdir(parents=True)
    for name in ("en.po", "zh_TW.po", "machine.json", "segments.tsv"):
        shutil.copy(OLD_SEGMENTATION / name, folder / name)
    article = shutil.copy(OLD_SEGMENTATION / "story.txt", tmp_path / "story.txt")
    old_en = _live(OLD_SEGMENTATION / "en.po")
    old_tw = _live(OLD_SEGMENTATION / "zh_TW.po")
    [result] = run([Path(article)], _options(tmp_path, mt="none")).documents

    def ids(path: Path) -> dict[str, str]:
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        return {row[4]: row[0] for row in rows}

    new_ids, old_ids = ids(result.folder / "segments.tsv"), ids(OLD_SEGMENTATION / "segments.tsv")
    unchanged = ["董事会风波", "员工联名要求董事会辞职。", "最终他回到了公司。"]
    assert {source: new_ids[source] for source in unchanged} == {source: old_ids[source] for source in unchanged}
    joined = ["周五，董事会宣布开除首席执行官；微软随即表示欢迎他加入。", "有的投资人表示支持，但很快改口；慢一步，就可能增加市场风险。"]
    assert set(new_ids) == {*unchanged, *joined}

    en, tw = _catalog(result.folder / "en.po"), _catalog(result.folder / "zh_TW.po")
    live = {entry.msgid: entry for entry in en if not entry.obsolete}
    assert not [entry for entry in en if entry.obsolete]  # every half's work is in the entry it joined
    for source in unchanged:
        before, after = old_en[source], live[source]
        assert (after.msgstr, after.flags, after.tcomment, after.previous_msgid) == (
            before.msgstr, before.flags, before.tcomment, before.previous_msgid)
    first = live[joined[0]]
    assert first.msgstr == "On Friday the board fired its chief executive; Microsoft at once said it would welcome him."
    assert first.fuzzy and first.tcomment == "checked against the wire copy"
    assert first.previous_msgid == "周五，董事会宣布开除首席执行官；\n微软随即表示欢迎他加入。"
    second = live[joined[1]]
    assert second.msgstr == ("Some investors voiced support but soon changed their minds; "
                             "one step behind, and market risk could grow.")
    assert second.fuzzy and second.previous_msgid == "有的投资人表示支持，但很快改口；\n慢一步，就可能增加市场风险。"
    reviewed = [entry.msgstr for entry in old_en.values() if entry.msgstr]
    assert all(any(text in entry.msgstr for entry in live.values()) for text in reviewed)

    tw_live = {entry.msgid: entry for entry in tw if not entry.obsolete}
    staff = tw_live["员工联名要求董事会辞职。"]
    assert (staff.msgstr, staff.fuzzy) == (old_tw["员工联名要求董事会辞职。"].msgstr, False)
    # a reviewed half and a machine half: the reviewer's text and the old machine text, to check again
    assert (tw_live[joined[0]].msgstr, tw_live[joined[0]].fuzzy) == ("週五，董事會宣布開除執行長；微軟隨即表示歡迎他加入。", True)
    # two machine halves: nothing a reviewer did, so this run's conversion
    rows = [line.split("\t") for line in (result.folder / "segments.tsv").read_text(encoding="utf-8").splitlines()]
    converted = {row[4]: row[5] for row in rows[1:]}
    assert tw_live[joined[1]].msgstr == converted[joined[1]] and "；慢一步" in converted[joined[1]]


def test_backups_before_replacing_reviewed_files_one_per_run_pruned(tmp_path):
    article = _article(tmp_path / "a.txt", TITLE, f"{FIRED}{REPLY}")
    options = _options(tmp_path, mt="none")
    [result] = run([article], options).documents
    assert result.backup is None  # nothing reviewed yet
    en = result.folder / "en.po"
    for number in range(1, 8):
        _review(en, {REPLY: f"Microsoft responded, take {number}."})
        reviewed = en.read_bytes()
        _article(article, TITLE, f"{FIRED}{REPLY}", f"新的一段，第{number}次。")
        backup = run([article], options).documents[0].backup
        assert backup == result.folder / ".backup" / f"{number:04d}"
        assert (backup / "en.po").read_bytes() == reviewed
        assert not (backup / "zh_TW.po").exists()  # nothing reviewed in it
    assert sorted(p.name for p in (result.folder / ".backup").iterdir()) == ["0003", "0004", "0005", "0006", "0007"]
    # forced (unforced, the unchanged article is skipped): an unchanged file is not replaced, so not backed up
    assert run([article], replace(options, force=True)).documents[0].backup is None
    _review(en, {REPLY: "Microsoft responded, take 8."})
    shown = CliRunner().invoke(app, ["run", str(article), "--out", str(options.out_dir), "--mt", "none",
                                     "--glossary", str(options.glossary[0])])
    assert shown.exit_code == 0, shown.output
    assert f"kept a copy of the reviewed files it replaced in {result.folder / '.backup' / '0008'}" in shown.stdout


def test_generated_catalogs_pass_msgfmt_check_without_a_warning(tmp_path, sample_path):
    """The .po files; a template has no Language by definition (xgettext leaves it empty too), which is all
    msgfmt -c says of the .pot."""
    [result] = run([sample_path], _options(tmp_path), translator=EchoTranslator()).documents
    for path in result.files:
        if path.suffix == ".po":
            done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
            assert done.returncode == 0 and done.stderr == "", done.stderr


# --- GNU msgmerge as the reference ---------------------------------------------------------------------------

def _outcome(catalog: polib.POFile):
    """What happened to the translations: kept as reviewed, offered as fuzzy (with the old source), obsolete."""
    live = [entry for entry in catalog if not entry.obsolete and entry.msgstr]
    return ({(e.msgid, e.msgstr) for e in live if not e.fuzzy},
            {(e.msgid, e.msgstr, e.previous_msgid) for e in live if e.fuzzy},
            {(e.msgid, e.msgstr) for e in catalog if e.obsolete})


PARAGRAPHS = [TITLE, f"{FIRED}{STAFF}", f"{REPLY}{BACK}", "这场风波持续了五天。董事会随后宣布了新的人选。"]
EDITS = {  # each applied to the article as the previous step left it
    "edit one character": lambda p: [p[0], p[1], p[2].replace("作出", "做出"), p[3]],
    "delete a sentence": lambda p: [p[0], p[1], p[2], "这场风波持续了五天。"],
    "add sentences": lambda p: [p[0], p[1] + "投资者对此感到担忧。", p[2], p[3] + "这场风波持续了六天。"],
    "move a sentence": lambda p: [p[0], FIRED, p[2] + STAFF, p[3]],
    "restore a deleted sentence": lambda p: [p[0], p[1], p[2], p[3] + "董事会随后宣布了新的人选。"],
    "rewrite a sentence": lambda p: [p[0], p[1], p[2].replace(BACK, "奥特曼回到公司后的第一件事是发内部信。"), p[3]],
}


def test_scripted_edits_keep_fuzzy_and_obsolete_the_same_translations_as_msgmerge(tmp_path):
    article = _article(tmp_path / "a.txt", *PARAGRAPHS)
    options = _options(tmp_path, mt="none")
    [result] = run([article], options).documents
    en, pot = result.folder / "en.po", result.folder / "a.pot"
    texts = {entry.msgid: f"EN {number}" for number, entry in enumerate(_catalog(en), start=1)}
    # reviewed texts that pass QA: a QA error sends an entry back to fuzzy, which msgmerge never does
    texts["这场风波持续了五天。"] += ": the turmoil lasted five days."
    _review(en, texts)
    paragraphs = PARAGRAPHS
    for name, edit in EDITS.items():
        old = tmp_path / f"old-{len(name)}.po"
        shutil.copy(en, old)
        paragraphs = edit(paragraphs)
        _article(article, *paragraphs)
        run([article], options)
        reference = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(old), str(pot)],
                                   capture_output=True, text=True, check=True).stdout
        assert _outcome(_catalog(en)) == _outcome(polib.pofile(reference)), name


def test_a_short_sentence_edit_msgmerge_misses_is_offered_on_purpose(tmp_path):
    """Documented difference: msgmerge only compares entries sharing four characters in a row."""
    article = _article(tmp_path / "a.txt", TITLE, "一是人心所向。")
    options = _options(tmp_path, mt="none")
    [result] = run([article], options).documents
    en, pot = result.folder / "en.po", result.folder / "a.pot"
    _review(en, {"一是人心所向。": "First, the people's hearts."})
    old = shutil.copy(en, tmp_path / "old.po")
    _article(article, TITLE, "一是人分所向。")
    run([article], options)
    reference = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(old), str(pot)],
                               capture_output=True, text=True, check=True).stdout
    assert polib.pofile(reference).find("一是人分所向。").msgstr == ""
    ours = _live(en)["一是人分所向。"]
    assert (ours.msgstr, ours.fuzzy, ours.previous_msgid) == ("First, the people's hearts.", True, "一是人心所向。")


# --- the invariant ---------------------------------------------------------------------------------------------

POOL = [FIRED, STAFF, REPLY, BACK, "这场风波持续了五天。", "董事会随后宣布了新的人选。", "投资者对此感到担忧。"]
article_edits = st.tuples(st.just("article"), st.lists(st.tuples(st.sampled_from(POOL), st.integers(0, 3)),
                                                       min_size=1, max_size=6))
reviewer_edits = st.tuples(st.just("review"), st.lists(st.tuples(st.integers(0, 20), st.text("abc xyz", min_size=1,
                                                                                             max_size=8),
                                                                 st.booleans()), min_size=1, max_size=3))


def _mutated(sentence: str, changes: int) -> str:
    """The sentence with `changes` characters replaced, as an editor's touch-ups would."""
    characters = list(sentence)
    for index in range(changes):
        characters[index * 3 % (len(characters) - 1)] = "改"
    return "".join(characters)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(article_edits, reviewer_edits), min_size=1, max_size=6),
       engine_versions=st.lists(st.integers(1, 3), min_size=6, max_size=6))
def test_no_reviewed_translation_ever_disappears(tmp_path_factory, steps, engine_versions):
    folder = tmp_path_factory.mktemp("property")
    article = _article(folder / "a.txt", TITLE, "".join(POOL[:3]))
    options = _options(folder)
    [result] = run([article], options, translator=EchoTranslator()).documents
    en = result.folder / "en.po"
    reviewed: set[str] = set()
    for (kind, change), version in zip(steps, engine_versions):
        if kind == "article":
            _article(article, TITLE, "".join(_mutated(sentence, changes) for sentence, changes in change))
        else:
            catalog = _catalog(en)
            for index, text, fuzzy in change:
                entry = catalog[index % len(catalog)]
                reviewed.discard(entry.msgstr)  # the reviewer replaces their own text: not a loss
                entry.msgstr, entry.flags = f"reviewed {text}", ["fuzzy"] if fuzzy else []
            catalog.save(str(en))
            reviewed = {entry.msgstr for entry in _catalog(en) if entry.msgstr.startswith("reviewed ")}
        run([article], options, translator=EchoTranslator(version))
        texts = {entry.msgstr for entry in _catalog(en)}
        texts |= {line.split(": ", 1)[1] for entry in _catalog(en) for line in entry.tcomment.splitlines()}
        assert reviewed <= texts


# --- files as gettext writes them ------------------------------------------------------------------------------

def _msgcat_keeps_every_byte(path: Path) -> None:
    done = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
    assert done.stdout == path.read_bytes(), path


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>董事会风波：OpenAI的五天</title>
<meta property="og:url" content="https://www.example.com/news/2023/11/22/openai-board-crisis-five-days-timeline.shtml?from=home&amp;utm_source=feed">
<meta name="author" content="记者 张三">
</head><body><article><h1>董事会风波：OpenAI的五天</h1>
<p>据<a href="https://www.example.com/tech/openai">《华尔街日报》</a>报道，OpenAI的董事会于11月17日解雇了首席执行官山姆·奥特曼（Sam Altman），理由是他“在与董事会的沟通中不够坦诚”。</p>
<p>微软迅速作出回应，宣布聘请奥特曼领导一个新的高级人工智能研究团队，随后超过700名员工联名要求董事会辞职。</p>
<p>这场风波持续了五天。董事会随后宣布了新的人选。“这是不是ChatGPT写的剧本？”一位网友这样评论道。</p>
</article></body></html>
"""


@pytest.mark.parametrize("name", ["jiemian-openai-board.zh.txt", "crisis.html"])
def test_msgcat_rewrites_a_generated_file_to_the_same_bytes(tmp_path, sample_path, name):
    """Drafts, a reviewed entry, a fuzzy one offered from an edited sentence with its #| msgid, an obsolete one;
    the HTML page brings a long URL and the page's title into the header."""
    article = tmp_path / name
    if name.endswith(".html"):
        article.write_text(HTML_PAGE, encoding="utf-8")
    else:
        article.write_bytes(sample_path.read_bytes())
    options = _options(tmp_path)
    [result] = run([article], options, translator=EchoTranslator()).documents
    en = result.folder / "en.po"
    text = article.read_text(encoding="utf-8")
    edited, removed = [entry.msgid for entry in _catalog(en) if entry.msgid in text][1:3]
    _review(en, {edited: "A reviewed translation, with \"quotes\" and a backslash \\ in it.",
                 removed: "Another reviewed translation that will lose its sentence."})
    article.write_text(text.replace(edited, edited[:-1] + "了" + edited[-1]).replace(removed, ""), encoding="utf-8")
    run([article], options, translator=EchoTranslator(2))
    catalog = _catalog(en)
    assert any(entry.previous_msgid for entry in catalog) and any(entry.obsolete for entry in catalog)
    for path in result.folder.glob("*.po*"):
        _msgcat_keeps_every_byte(path)


def test_a_sentence_that_was_several_entries_starts_from_all_of_them():
    """msgmerge would start 好； 他说，明天再谈这件事。 from the longer half alone (the short one scores under 0.6)
    and keep 好； obsolete; the reviewer gets both halves, in order, and the old pieces in #| msgid."""
    from l10n.catalog.entries import Catalog, Entry, key
    from l10n.catalog.machine import Draft
    from l10n.catalog.merge import Fresh, merge

    previous = Catalog({}, [Entry("好；", "Fine;"), Entry("他说，明天再谈这件事。", "he said they would talk about it tomorrow."),
                            Entry("机器的半句；", "machine half;", flags=["fuzzy"]),
                            Entry("也是机器的。", "machine too.", flags=["fuzzy"])])
    drafts = {key(None, "机器的半句；"): Draft("machine half;", ()), key(None, "也是机器的。"): Draft("machine too.", ())}
    merged = merge([Fresh("好； 他说，明天再谈这件事。", (), ()), Fresh("机器的半句；也是机器的。", (), (), machine_text="new")],
                   previous, drafts)
    joined, machine = merged.entries
    assert (joined.msgstr, joined.fuzzy) == ("Fine; he said they would talk about it tomorrow.", True)
    assert joined.previous_msgid == "好；\n他说，明天再谈这件事。"
    assert machine.msgstr == "new"  # no reviewer worked on either half
    assert len(merged.entries) == 2  # nothing obsolete: the reviewed halves live on in the joined entry


def test_with_no_previous_catalog_every_entry_is_new_as_against_an_empty_one():
    """merge takes a short way when there is no previous catalog (a template, a first run): what it returns is
    what the whole way makes of a catalog without entries, repeated sentences and machine notes included."""
    from l10n.catalog.entries import Catalog
    from l10n.catalog.merge import Fresh, merge

    fresh = [Fresh("甲。", (("a.txt", "1"),), ("body, paragraph 1, sentence 1",), machine_text="甲。",
                   machine_notes=("regional vocabulary: 甲 → 甲",)),
             Fresh("乙。", (("a.txt", "1"), ("a.txt", "3")), ("body",)),
             Fresh("甲。", (("a.txt", "5"),), ("line\nbreak",), msgctxt="ctx", machine_text="甲!"),
             Fresh("甲。", (("a.txt", "7"),), (), machine_text="甲?")]
    short, whole = merge(iter(fresh), None), merge(fresh, Catalog({}, []))
    assert short.drafts == whole.drafts and len(short.drafts) == 2
    assert [repr(entry) for entry in short.entries] == [repr(entry) for entry in whole.entries]
    assert short.entries[2].notes == ["line\\nbreak"] and short.entries[1].flags == []


def test_the_machine_record_is_read_on_a_rerun_beside_catalogs_and_never_on_a_first_run(tmp_path, monkeypatch):
    from l10n.catalog import machine

    reads = []
    read = machine.read
    monkeypatch.setattr(machine, "read", lambda folder: reads.append(folder) or read(folder))
    article = _article(tmp_path / "a.txt", TITLE, FIRED + REPLY)
    first = run([article], _options(tmp_path), translator=EchoTranslator()).documents[0]
    assert reads == []
    run([article], _options(tmp_path, force=True), translator=EchoTranslator())
    assert reads == [first.folder]


def test_a_record_left_without_its_catalogs_is_not_read_and_the_catalogs_come_out_as_in_a_first_run(tmp_path):
    """The machine record is read only beside catalogs: with them deleted, what it says of them is moot, and a
    rerun writes what a first run writes."""
    article = _article(tmp_path / "a.txt", TITLE, FIRED + REPLY)
    first = run([article], _options(tmp_path), translator=EchoTranslator()).documents[0]
    written = {path.name: path.read_bytes() for path in first.folder.iterdir()}
    (first.folder / "machine.json").write_text('{"l10n_machine_text": 1, "catalogs": {"en": {"%s": ["reviewed?", []]}}}'
                                               % FIRED, encoding="utf-8")
    for name in ("en.po", "zh_TW.po"):
        (first.folder / name).unlink()
    again = run([article], _options(tmp_path, force=True), translator=EchoTranslator()).documents[0]
    assert {path.name: path.read_bytes() for path in again.folder.iterdir()} == written and again.backup is None
