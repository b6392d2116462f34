import sys
from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from l10n.catalog import structure
from l10n.cli import app
from l10n.plumbing.files import default_memory_path, write_atomic
from l10n.model import Document, Paragraph, Part, Span
from l10n.reading.segment import segment_document

_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(_ROOT / "scripts"))
import omegat_project  # noqa: E402

runner = CliRunner()
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLIFF = "{urn:oasis:names:tc:xliff:document:2.0}"

# A link, a strong pair, an image, and a sentence that occurs twice.
_BLOCKS = [
    (Part.TITLE, "董事会风波", ()),
    (Part.BODY, "<a1>奥特曼</a1>回归。董事会<b2>改组</b2>。配图<x3/>。",
     (Span(1, "link", "https://example.com/a"), Span(2, "strong"), Span(3, "image", "https://example.com/i.png"))),
    (Part.BODY, "董事会风波", ()),
]
_ENGLISH = {"董事会风波": "Board turmoil", "<a1>奥特曼</a1>回归。": "<a1>Altman</a1> is back.",
            "董事会<b2>改组</b2>。": "The board is <b2>reshaped</b2>.", "配图<x3/>。": "Picture <x3/>."}
_TRADITIONAL = {"董事会风波": "董事會風波", "<a1>奥特曼</a1>回归。": "<a1>奧特曼</a1>回歸。",
                "董事会<b2>改组</b2>。": "董事會<b2>改組</b2>。", "配图<x3/>。": "配圖<x3/>。"}


@pytest.fixture
def folder(tmp_path):
    document = Document("board", "board.md", "utf-8", "0" * 64,
                        tuple(Paragraph(index, part, text, index, 0, spans)
                              for index, (part, text, spans) in enumerate(_BLOCKS, start=1)), format="markdown")
    segments = segment_document(document)
    folder = tmp_path / "board"
    write_atomic(folder / structure.FILE_NAME, structure.render(document, segments))
    for locale, texts in (("en", _ENGLISH), ("zh_TW", _TRADITIONAL)):
        catalog = polib.POFile()
        catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": locale}
        for segment in segments:
            fuzzy = locale == "zh_TW" and segment.source.startswith("配图")
            catalog.append(polib.POEntry(msgctxt=segment.id, msgid=segment.source, msgstr=texts[segment.source],
                                         flags=["fuzzy"] if fuzzy else [],
                                         comment="body\nQA warning: odd [x]" if fuzzy else "body"))
        catalog.save(str(folder / f"{locale}.po"))
    return folder


def _seg_text(tuv) -> str:
    return "".join(tuv.find("seg").itertext())


def _units(path) -> dict[str, dict[str, str]]:
    """A TMX file's units: the source text → the other languages' texts, keyed by the source's language."""
    root = etree.parse(str(path)).getroot()
    source = root.find("header").get("srclang")
    units = {}
    for tu in root.iter("tu"):
        texts = {tuv.get(XML_LANG): _seg_text(tuv) for tuv in tu.iter("tuv")}
        units[texts.pop(source)] = texts
    return units


def test_tmx_is_one_file_per_language_pair_with_the_codes_cat_tools_match(folder):
    """OmegaT took the Traditional text for the source of a three-language unit (zh-Hans is no zh-CN to it)."""
    result = runner.invoke(app, ["export", "tmx", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote {folder / 'translations.en.tmx'}: 4 translation units (en 4)",
        f"wrote {folder / 'translations.zh_TW.tmx'}: 3 translation units (zh-TW 3)"]
    tree = etree.parse(str(folder / "translations.en.tmx"))
    assert tree.docinfo.doctype == '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    root = tree.getroot()
    assert (root.tag, root.get("version")) == ("tmx", "1.4")
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    assert header.get("srclang") == "zh-CN"
    assert {tuple(tuv.get(XML_LANG) for tuv in tu.iter("tuv")) for tu in root.iter("tu")} == {("zh-CN", "en")}
    assert all(tu.get("tuid") for tu in root.iter("tu"))
    assert _units(folder / "translations.en.tmx") == {source: {"en": text} for source, text in _ENGLISH.items()}
    assert _units(folder / "translations.zh_TW.tmx") == {  # the repeated title is one unit; the fuzzy one is left out
        source: {"zh-TW": text} for source, text in _TRADITIONAL.items() if not source.startswith("配图")}
    codes = [[(code.tag, code.get("type"), code.text) for code in seg]
             for seg in root.xpath("//tuv[@xml:lang='en']/seg[*]")]
    assert codes == [[("bpt", "link", "<a1>"), ("ept", None, "</a1>")],
                     [("bpt", "bold", "<b2>"), ("ept", None, "</b2>")], [("ph", "image", "<x3/>")]]


def test_tmx_with_script_tags_or_every_language_in_one_file(folder, tmp_path):
    result = runner.invoke(app, ["export", "tmx", str(folder), "--tags", "bcp47", "--multilingual",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {tmp_path / 'translations.tmx'}: 4 translation units (en 4, zh-Hant-TW 3)\n"
    assert etree.parse(str(tmp_path / "translations.tmx")).getroot().find("header").get("srclang") == "zh-Hans"
    assert _units(tmp_path / "translations.tmx")["董事会风波"] == {"en": "Board turmoil", "zh-Hant-TW": "董事會風波"}


def test_codes_whose_partner_is_missing_or_crossed_stay_well_formed():
    """A translation with a lost or crossed placeholder still exports as valid TMX and XLIFF."""
    from l10n.writers import tmx, xliff

    spans = (Span(1, "link", "u"), Span(2, "strong"))
    text = "<a1>x<b2>y</a1>z</b2> w<i3>"
    seg = etree.fromstring(tmx.render([tmx.TmxUnit("t", (), text, spans, ())], "zh-CN", "gettext PO").encode()
                           ).find(".//seg")
    assert [(code.tag, code.get("pos") or code.get("i")) for code in seg] == [
        ("bpt", "1"), ("bpt", "2"), ("ept", "1"), ("ept", "2"), ("it", "begin")]
    assert "".join(seg.itertext()) == text
    unit = xliff.XliffUnit("b1", "body 1", spans, (xliff.XliffSegment("s1", "<a1>x</a1>", text, "translated"),))
    root = etree.fromstring(xliff.render([xliff.File("f1", "a.md", (unit,))], "zh-Hans", "en").encode())
    target = root.find(f".//{XLIFF}target")
    assert [(etree.QName(code).localname, code.get("id"), code.get("isolated")) for code in target] == [
        ("sc", "1", None), ("pc", "2", None)]
    assert [(etree.QName(code).localname, code.get("startRef")) for code in target[1]] == [("ec", "1")]
    assert "".join(target.itertext()) == "xyz w"
    [note] = root.iter(f"{XLIFF}note")
    assert (note.get("appliesTo"), note.text) == (
        "target", "<i3> without its partner in the target: left out here, since XLIFF has no half codes")


def test_a_pair_a_translation_split_over_two_sentences_is_one_code_across_segments():
    """Before, each half was written isolated="yes", which says the partner is in another unit."""
    from l10n.writers import xliff

    spans = (Span(1, "link", "u"),)
    unit = xliff.XliffUnit("b1", "body 1", spans, (
        xliff.XliffSegment("s1", "<a1>奥特曼</a1>回归。", "<a1>Altman", "reviewed"),
        xliff.XliffSegment("s2", "董事会改组。", "is back</a1>.", "reviewed")))
    root = etree.fromstring(xliff.render([xliff.File("f1", "a.md", (unit,))], "zh-Hans", "en").encode())
    targets = list(root.iter(f"{XLIFF}target"))
    assert [(etree.QName(code).localname, dict(code.attrib)) for target in targets for code in target] == [
        ("sc", {"id": "1", "type": "link"}), ("ec", {"startRef": "1"})]
    assert not list(root.iter(f"{XLIFF}note"))


def _placeholders(element, letters) -> str:
    """XLIFF inline codes back to our placeholders."""
    out = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        if name in ("pc", "sc", "ph"):
            letter = {"link": "a", "image": "x"}.get(child.get("type")) or {
                "xlf:b": "b", "xlf:i": "i", "xlf:lb": "x"}.get(child.get("subType"), "c")
            letters[child.get("id")] = letter
        if name == "pc":
            out.append(f"<{letter}{child.get('id')}>{_placeholders(child, letters)}</{letter}{child.get('id')}>")
        elif name == "ph":
            out.append(f"<{letter}{child.get('id')}/>")
        elif name == "sc":
            out.append(f"<{letter}{child.get('id')}>")
        elif name == "ec":
            out.append(f"</{letters[child.get('startRef')]}{child.get('startRef')}>")
        out.append(child.tail or "")
    return "".join(out)


def test_xliff_21_per_language_with_inline_codes_and_states(folder, tmp_path):
    result = runner.invoke(app, ["export", "xliff", str(folder), "--out", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote {tmp_path / 'x' / 'translations.en.xlf'}: 5 segments (5 final)",
        f"wrote {tmp_path / 'x' / 'translations.zh_TW.xlf'}: 5 segments (1 initial, 4 reviewed)"]
    root = etree.parse(str(tmp_path / "x" / "translations.zh_TW.xlf")).getroot()
    assert root.tag == f"{XLIFF}xliff"
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "zh-Hans", "zh-Hant-TW")
    units = root.findall(f"{XLIFF}file/{XLIFF}unit")
    assert [unit.get("id") for unit in units] == ["b1", "b2", "b3"]
    body = units[1]
    letters: dict[str, str] = {}
    sources = [_placeholders(segment.find(f"{XLIFF}source"), letters) for segment in body.iter(f"{XLIFF}segment")]
    targets = [_placeholders(segment.find(f"{XLIFF}target"), letters) for segment in body.iter(f"{XLIFF}segment")]
    assert sources == ["<a1>奥特曼</a1>回归。", "董事会<b2>改组</b2>。", "配图<x3/>。"]
    assert targets == [_TRADITIONAL[source] for source in sources]
    namespaces = {"x": XLIFF[1:-1]}
    assert body.xpath("x:segment[1]/x:target/x:pc[@type='link']/text()", namespaces=namespaces) == ["奧特曼"]
    assert body.xpath("x:segment[2]/x:source/x:pc/@subType", namespaces=namespaces) == ["xlf:b"]
    assert body.xpath("x:segment[3]/x:source/x:ph/@type", namespaces=namespaces) == ["image"]
    # fuzzy is `initial` (before: `translated`, which readers take for done), with whose text it is
    assert [(segment.get("state"), segment.get("subState")) for segment in body.iter(f"{XLIFF}segment")] == [
        ("reviewed", None), ("reviewed", None), ("initial", "l10n:fuzzy")]
    assert [(note.get("id"), note.text) for note in body.iter(f"{XLIFF}note")] == [("n1", "QA warning: odd [x]")]
    ids = [segment.get("id") for segment in root.iter(f"{XLIFF}segment")]
    assert len(ids) == len(set(ids)) and all(not i[0].isdigit() for i in ids)


def _reviewed_run(tmp_path, english: dict[str, str]) -> Path:
    """The bundled sample's first paragraphs, run without MT: OpenCC drafts in zh_TW.po, `english` reviewed."""
    article = tmp_path / "a.txt"
    article.write_text("董事会风波\n\n微软的AI野望。三是微软的野望。\n\n这一天大家都很高兴。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(article), "--mt", "none", "--out", str(out), "-q"]).exit_code == 0
    catalog = polib.pofile(str(out / "a" / "en.po"))
    for entry in catalog:
        if entry.msgid in english:
            entry.msgstr, entry.flags = english[entry.msgid], []
    catalog.save(str(out / "a" / "en.po"))
    return out / "a"


def test_xliff_states_follow_the_review_state(tmp_path):
    folder = _reviewed_run(tmp_path, {"董事会风波": "Board turmoil", "微软的AI野望。": "Microsoft's AI ambitions."})
    catalog = polib.pofile(str(folder / "en.po"))
    catalog.find("这一天大家都很高兴。").msgstr = "Everyone was happy."
    catalog.find("这一天大家都很高兴。").flags = ["fuzzy"]
    catalog.save(str(folder / "en.po"))
    assert runner.invoke(app, ["export", "xliff", str(folder)]).exit_code == 0
    english = etree.parse(str(folder / "translations.en.xlf")).getroot()
    states = {segment.findtext(f"{XLIFF}source"): (segment.get("state"), segment.get("subState"),
                                                    segment.find(f"{XLIFF}target") is not None)
              for segment in english.iter(f"{XLIFF}segment")}
    assert states == {"董事会风波": ("reviewed", None, True), "微软的AI野望。": ("reviewed", None, True),
                      "三是微软的野望。": ("initial", None, False), "这一天大家都很高兴。": ("initial", "l10n:fuzzy", True)}
    traditional = etree.parse(str(folder / "translations.zh_TW.xlf")).getroot()
    assert {(segment.get("state"), segment.get("subState")) for segment in traditional.iter(f"{XLIFF}segment")} == {
        ("initial", "l10n:machine")}  # OpenCC's text, untouched: the run's record says so
    catalog = polib.pofile(str(folder / "en.po"))
    for entry in catalog:
        entry.msgstr, entry.flags = entry.msgstr or "Third, Microsoft's ambitions.", []
    catalog.save(str(folder / "en.po"))
    assert runner.invoke(app, ["export", "xliff", str(folder)]).exit_code == 0
    english = etree.parse(str(folder / "translations.en.xlf")).getroot()
    assert {segment.get("state") for segment in english.iter(f"{XLIFF}segment")} == {"final"}


def test_xliff_one_unit_per_sentence_for_readers_that_keep_one_segment(folder, tmp_path):
    result = runner.invoke(app, ["export", "xliff", str(folder), "--units", "sentence", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "translations.en.xlf")).getroot()
    groups = root.findall(f"{XLIFF}file/{XLIFF}group")
    assert [group.get("id") for group in groups] == ["b1", "b2", "b3"]
    assert [len(unit.findall(f"{XLIFF}segment")) for unit in root.iter(f"{XLIFF}unit")] == [1] * 5
    assert [[unit.findtext(f"{XLIFF}segment/{XLIFF}source") for unit in group.iter(f"{XLIFF}unit")]
            for group in groups][0] == ["董事会风波"]
    assert len(groups[1].findall(f"{XLIFF}unit")) == 3


def test_a_glossary_note_a_tool_rewrapped_is_exported_whole(folder, tmp_path):
    """polib wraps `#.` lines at 78 columns; the note's second line used to be lost (63 of 151 English notes)."""
    note = ("glossary: 奥特曼 → Sam Altman (person; later mentions: Altman) — short form of 山姆·奥特曼 "
            "(奥特曼 is also the Chinese name of Ultraman)")
    catalog = polib.pofile(str(folder / "en.po"))
    next(entry for entry in catalog if entry.msgid == "<a1>奥特曼</a1>回归。").comment = f"body\n{note}"
    catalog.save(str(folder / "en.po"))
    wrapped = "\n#. 山姆·奥特曼 (奥特曼 is also the Chinese name of Ultraman)\n"
    assert wrapped in (folder / "en.po").read_text(encoding="utf-8")
    assert runner.invoke(app, ["export", "xliff", str(folder), "--out", str(tmp_path)]).exit_code == 0
    root = etree.parse(str(tmp_path / "translations.en.xlf")).getroot()
    assert [note.text for note in root.iter(f"{XLIFF}note")] == [note.removeprefix("glossary: ")]


def test_an_imported_tmx_gives_exact_matches_as_fuzzy_drafts(folder, tmp_path, sample_path):
    runner.invoke(app, ["export", "tmx", str(folder), "--multilingual"])
    memory = tmp_path / "memory.sqlite3"
    result = runner.invoke(app, ["import", "tmx", str(folder / "translations.tmx"), "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"{folder / 'translations.tmx'}: 7 translations imported into {memory} "
                             "(en 4, zh_TW 3); 0 units without a Simplified source or a known target skipped\n")
    article = tmp_path / "board.txt"
    article.write_text("董事会风波\n\n配图。\n\n董事会风波后，奥特曼回到了公司，这一天大家都很高兴。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(article), "--out", str(out), "--mt", "none", "-q", "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert f"translation memory {memory}: 2 drafts from exact matches" in result.stderr
    english = {entry.msgid: entry for entry in polib.pofile(str(out / "board" / "en.po"))}
    title = english["董事会风波"]
    assert (title.msgstr, title.fuzzy) == ("Board turmoil", True)
    assert "translation memory: translations.tmx (tu board:" in title.comment
    assert english["配图。"].msgstr == ""  # not an exact match of 配图<x3/>。
    traditional = {entry.msgid: entry for entry in polib.pofile(str(out / "board" / "zh_TW.po"))}
    assert traditional["董事会风波"].msgstr == "董事會風波" and "translation memory" in traditional["董事会风波"].comment


@pytest.mark.parametrize("content, message", [
    ("<tmx version='1.4'><body><tu>", "not well-formed XML"),
    ("<xliff/>", "not a TMX file (root element <xliff>)"),
    ("", "not well-formed XML"),  # lxml says line 0 for an empty file
])
def test_a_broken_tmx_is_one_line_and_imports_nothing(tmp_path, content, message):
    bad = tmp_path / "bad.tmx"
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["import", "tmx", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}:1: {message}") and len(result.stderr.splitlines()) == 1
    assert not default_memory_path().exists()


def test_a_missing_memory_named_on_the_command_line_is_an_error(tmp_path):
    result = runner.invoke(app, ["run", "--out", str(tmp_path), "--mt", "none", "-q",
                                 "--memory", str(tmp_path / "none.sqlite3")])
    assert result.exit_code == 2
    assert "no translation memory here; create one with `l10n import tmx FILE`" in result.stderr


def test_an_aligned_corpus_feeds_the_memory(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("董事会风波结束了。\n\n奥特曼回到了公司。\n\n微软获得了一个观察员席位。\n", encoding="utf-8")
    en.write_text("The board turmoil is over.\n\nAltman returned to the company.\n\nMicrosoft got an observer seat.\n",
                  encoding="utf-8")
    aligned, memory = tmp_path / "aligned.tmx", tmp_path / "memory.sqlite3"
    assert runner.invoke(app, ["align", str(zh), str(en), "--format", "tmx", "--out", str(aligned), "-q"]).exit_code == 0
    result = runner.invoke(app, ["import", "tmx", str(aligned), "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert "3 translations imported" in result.stdout
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(zh), "--out", str(out), "--mt", "none", "-q", "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    english = {entry.msgid: entry for entry in polib.pofile(str(out / "zh" / "en.po"))}
    assert english["奥特曼回到了公司。"].msgstr == "Altman returned to the company."
    assert "translation memory: aligned.tmx (tu zh.txt:2)" in english["奥特曼回到了公司。"].comment


def test_align_and_export_write_the_same_kind_of_tmx(folder, tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("董事会风波结束了。\n\n奥特曼回到了公司。\n", encoding="utf-8")
    en.write_text("The board turmoil is over.\n\nAltman returned to the company.\n", encoding="utf-8")
    aligned = tmp_path / "aligned.tmx"
    assert runner.invoke(app, ["align", str(zh), str(en), "-f", "tmx", "--out", str(aligned), "-q"]).exit_code == 0
    runner.invoke(app, ["export", "tmx", str(folder)])
    trees = [etree.parse(str(path)) for path in (aligned, folder / "translations.en.tmx")]
    assert {tree.docinfo.doctype for tree in trees} == {'<!DOCTYPE tmx SYSTEM "tmx14.dtd">'}
    headers = [dict(tree.getroot().find("header").attrib) for tree in trees]
    assert [sorted(header) for header in headers] == [sorted(headers[1])] * 2
    assert {header["srclang"] for header in headers} == {"zh-CN"}
    tuids = [tu.get("tuid") for tu in trees[0].getroot().iter("tu")]
    assert tuids == ["zh.txt:1", "zh.txt:2"]
    assert [tu.findtext("note") for tu in trees[0].getroot().iter("tu")][0].startswith("aligned 1-1 from en.txt")


# A unit as CAT tools write HTML: the original markup inside the codes, an empty <ph/>, a <span> our readers
# do not keep, and another tool's pair numbering (i="7", no x).
_NATIVE_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SomeCAT" creationtoolversion="1" segtype="sentence" o-tmf="html"
 adminlang="en" srclang="zh-CN" datatype="html"/><body>
<tu><tuv xml:lang="zh-CN"><seg><bpt i="7">&lt;a href="https://example.com/a"&gt;</bpt>奥特曼<ept i="7">&lt;/a&gt;</ept>回归。</seg></tuv>
<tuv xml:lang="en"><seg><bpt i="7">&lt;a href="https://example.com/a"&gt;</bpt>Altman<ept i="7">&lt;/a&gt;</ept> is back.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>董事会<bpt i="1">&lt;strong&gt;</bpt>改组<ept i="1">&lt;/strong&gt;</ept>。</seg></tuv>
<tuv xml:lang="en"><seg>The board is <bpt i="1">&lt;strong&gt;</bpt>reshaped<ept i="1">&lt;/strong&gt;</ept>.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>配图<ph/>。</seg></tuv><tuv xml:lang="en"><seg>Picture <ph/>.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;span class="k"&gt;</bpt>董事会<ept i="1">&lt;/span&gt;</ept>风波</seg></tuv>
<tuv xml:lang="en"><seg><bpt i="1">&lt;span class="k"&gt;</bpt>Board<ept i="1">&lt;/span&gt;</ept> turmoil</seg></tuv></tu>
</body></tmx>
"""


def test_native_inline_codes_import_as_our_placeholders_and_match_wherever_the_sentence_sits(folder, tmp_path):
    """Before, <a href=…> was stored as text and never matched, and an empty <ph/> was dropped."""
    from l10n.translate.memory import TranslationMemory, read_tmx

    tmx = tmp_path / "cat.tmx"
    tmx.write_text(_NATIVE_TMX, encoding="utf-8")
    assert [(entry.source, entry.target) for entry in read_tmx(tmx)] == [
        ("<a1>奥特曼</a1>回归。", "<a1>Altman</a1> is back."),
        ("董事会<b1>改组</b1>。", "The board is <b1>reshaped</b1>."),
        ("配图<x1/>。", "Picture <x1/>."), ("董事会风波", "Board turmoil")]
    memory = tmp_path / "memory.sqlite3"
    assert runner.invoke(app, ["import", "tmx", str(tmx), "--memory", str(memory)]).exit_code == 0
    store = TranslationMemory(memory)
    try:  # our sentences number placeholders within their block: <b2> and <x3/> in the fixture's paragraph
        found = store.lookup(["<a1>奥特曼</a1>回归。", "董事会<b2>改组</b2>。", "配图<x3/>。", "董事会风波"], "en")
    finally:
        store.close()
    assert {source: entry.target for source, entry in found.items()} == {
        "<a1>奥特曼</a1>回归。": "<a1>Altman</a1> is back.", "董事会<b2>改组</b2>。": "The board is <b2>reshaped</b2>.",
        "配图<x3/>。": "Picture <x3/>.", "董事会风波": "Board turmoil"}


def test_our_own_tmx_reads_back_with_placeholders_numbered_from_one(folder):
    from l10n.translate.memory import read_tmx

    runner.invoke(app, ["export", "tmx", str(folder)])
    pairs = {entry.source: entry.target for entry in read_tmx(folder / "translations.en.tmx")}
    assert pairs["董事会<b1>改组</b1>。"] == "The board is <b1>reshaped</b1>."
    assert pairs["配图<x1/>。"] == "Picture <x1/>."


def test_the_settings_file_names_the_memory(folder, tmp_path):
    runner.invoke(app, ["export", "tmx", str(folder), "--multilingual"])
    desk = tmp_path / "desk"
    desk.mkdir()
    assert runner.invoke(app, ["import", "tmx", str(folder / "translations.tmx"),
                               "--memory", str(desk / "tm.sqlite3")]).exit_code == 0
    (desk / "l10n.toml").write_text('memory = "tm.sqlite3"\n', encoding="utf-8")
    article = tmp_path / "board.txt"
    article.write_text("董事会风波\n\n奥特曼回到了公司，这一天大家都很高兴。\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(article), "--out", str(tmp_path / "out"), "--mt", "none", "-q",
                                 "--config", str(desk / "l10n.toml")])
    assert result.exit_code == 0, result.output
    assert f"translation memory {desk / 'tm.sqlite3'}: 2 drafts from exact matches" in result.stderr


# --- the files in the tools themselves ------------------------------------------------------------------------

SCHEMAS = next((folder for folder in (_ROOT.parent / "shared" / "schemas", _ROOT.parent.parent / "shared" / "schemas")
                if folder.is_dir()), None)
needs_schemas = pytest.mark.skipif(SCHEMAS is None, reason="no ../shared/schemas beside the repository")


def _exports(folder, out):
    """Every kind of exchange file we write, for the same reviewed folder."""
    for arguments in (["tmx"], ["tmx", "--tags", "bcp47", "--multilingual"], ["tmx", "--placeholders", "text"],
                      ["xliff"], ["xliff", "--units", "sentence"]):
        result = runner.invoke(app, ["export", *arguments, str(folder), "--out", str(out / "-".join(arguments))])
        assert result.exit_code == 0, result.output
    return sorted(out.rglob("*.tmx")), sorted(out.rglob("*.xlf"))


@needs_schemas
def test_every_export_is_valid_against_the_official_schemas(folder, tmp_path):
    tmx_files, xliff_files = _exports(folder, tmp_path)
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("董事会风波结束了。\n\n奥特曼回到了公司。\n", encoding="utf-8")
    en.write_text("The board turmoil is over.\n\nAltman returned to the company.\n", encoding="utf-8")
    assert runner.invoke(app, ["align", str(zh), str(en), "-f", "tmx", "--out", str(tmp_path / "a.tmx")]).exit_code == 0
    dtd = etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd"))
    for path in [*tmx_files, tmp_path / "a.tmx"]:
        assert dtd.validate(etree.parse(str(path))), (path, dtd.error_log)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff2.1" / "xliff_core_2.0.xsd")))
    assert len(xliff_files) == 4
    for path in xliff_files:
        schema.assertValid(etree.parse(str(path)))


def test_translate_toolkit_reads_each_tmx_as_its_language_pair(folder):
    """Before, one file held three languages and Translate Toolkit's target was English in some units and
    zh-Hant-TW in others, the third language out of sight."""
    from translate.storage.tmx import tmxfile

    runner.invoke(app, ["export", "tmx", str(folder)])
    for locale, tag, texts in (("en", "en", _ENGLISH), ("zh_TW", "zh-TW", _TRADITIONAL)):
        store = tmxfile.parsefile(str(folder / f"translations.{locale}.tmx"))
        assert store.getsourcelanguage() == "zh-CN"
        assert store.units and all([node.get(XML_LANG) for node in unit.getlanguageNodes()] == ["zh-CN", tag]
                                   for unit in store.units)
        assert all(unit.target == texts[unit.source] for unit in store.units)


def test_translate_toolkit_reads_our_xliff_states(tmp_path):
    """Before, a fuzzy machine draft was state="translated", which Translate Toolkit's Xliff2File reads as done.
    (Translate Toolkit 3.20 looks for notes inside <segment>, where XLIFF 2 allows none; ours are in <unit>.)"""
    from translate.storage.xliff2 import Xliff2File

    folder = _reviewed_run(tmp_path, {"董事会风波": "Board turmoil", "微软的AI野望。": "Microsoft's AI ambitions."})
    for units in ("block", "sentence"):
        assert runner.invoke(app, ["export", "xliff", str(folder), "--units", units]).exit_code == 0
        english = Xliff2File.parsefile(str(folder / "translations.en.xlf"))
        assert (english.getsourcelanguage(), english.gettargetlanguage()) == ("zh-Hans", "en")
        read = {unit.source: (unit.target, unit.istranslated(), unit.isfuzzy(), unit.isapproved())
                for unit in english.units}
        assert read == {"董事会风波": ("Board turmoil", True, False, True),
                        "微软的AI野望。": ("Microsoft's AI ambitions.", True, False, True),
                        "三是微软的野望。": (None, False, False, False), "这一天大家都很高兴。": (None, False, False, False)}
        traditional = Xliff2File.parsefile(str(folder / "translations.zh_TW.xlf"))
        assert traditional.gettargetlanguage() == "zh-Hant-TW"
        assert [(unit.isfuzzy(), unit.istranslated()) for unit in traditional.units] == [(True, False)] * 4
        assert len({unit.getid() for unit in english.units}) == 4


def test_translate_toolkit_s_xliff2po_refuses_xliff_2(tmp_path):
    """docs/exchange.md sends a reader who wants a .po to the run's catalogs: Translate Toolkit's command-line
    xliff2po reads XLIFF 1.x only (3.20 refuses our 2.1 with a warning and writes an empty .po)."""
    from translate.convert.xliff2po import xliff2po

    folder = _reviewed_run(tmp_path, {"董事会风波": "Board turmoil"})
    assert runner.invoke(app, ["export", "xliff", str(folder)]).exit_code == 0
    with (folder / "translations.en.xlf").open("rb") as exported, \
            pytest.raises(ValueError, match=r"XLIFF 2\.x \(version='2\.1'\)\. Please use .*xliff2\.Xliff2File"):
        xliff2po().convertstore(exported)


@pytest.mark.skipif(omegat_project.OMEGAT is None, reason="OmegaT is not installed (Debian: apt-get install omegat)")
def test_omegat_fills_every_exact_segment_from_our_tmx(tmp_path):
    """A zh-CN → en OmegaT project translating our catalog template, our TMX in tm/auto. OmegaT reads a TMX from
    another tool without the content of its inline codes, so the sentences with markup match only with the
    placeholders written as text (--placeholders text); the default codes fill the sentences without markup."""
    article = tmp_path / "a.md"
    article.write_text("# 董事会风波\n\n[奥特曼](https://example.com/a)回归。董事会**改组**。这一天大家都很高兴。\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(article), "--mt", "none", "--out", str(out), "-q"]).exit_code == 0
    english = {"董事会风波": "Board turmoil", "<a1>奥特曼</a1>回归。": "<a1>Altman</a1> is back.",
               "董事会<b2>改组</b2>。": "The board is <b2>reshaped</b2>.",
               "这一天大家都很高兴。": "Everyone was happy that day."}
    catalog = polib.pofile(str(out / "a" / "en.po"))
    for entry in catalog:
        entry.msgstr, entry.flags = english[entry.msgid], []
    catalog.save(str(out / "a" / "en.po"))
    for form, expected in (("text", english), ("codes", {source: english[source] if "<" not in source else ""
                                                          for source in english})):
        tmx = tmp_path / form
        assert runner.invoke(app, ["export", "tmx", str(out / "a"), "--out", str(tmx), "--placeholders", form]
                             ).exit_code == 0
        filled = omegat_project.fill(tmp_path / f"omegat-{form}", out / "a" / "a.pot", tmx / "translations.en.tmx",
                                     "en")
        assert "different from the project source language" not in filled.output
        assert filled.translations == expected, form


def test_notes_are_told_apart_from_the_lines_a_tool_wrapped_them_into():
    from l10n.text.notes import whole

    comment = ("QA warning: odd [x]\nlist item, paragraph 3, sentence 1; body, paragraph 5,\nsentence 2\n"
               "glossary: 微软 → Microsoft (org) — the company\nwhose name\n<a1> link: https://example.com")
    assert whole(comment.split("\n")) == (
        "QA warning: odd [x]", "list item, paragraph 3, sentence 1; body, paragraph 5, sentence 2",
        "glossary: 微软 → Microsoft (org) — the company whose name", "<a1> link: https://example.com")


def test_every_note_a_run_writes_begins_like_a_note(tmp_path):
    """notes.NOTE_STARTS must know every kind of `#.` note, or a catalog a tool re-wrapped reads two notes as
    one: here glossary terms, a link, machine drafts with their glossary checks, the editions' layers, QA."""
    from l10n.pipeline import RunOptions, run
    from l10n.text.notes import NOTE_STARTS
    from fake_engine import FakeTranslator

    article = tmp_path / "a.md"
    article.write_text("# 伊利亚离开了董事会\n\n微软发布了新[软件](https://example.com/s)，奥巴马表示关注。\n",
                       encoding="utf-8")
    options = RunOptions(out_dir=tmp_path / "out", use_cache=False, glossary=(_ROOT / "glossary.csv",),
                         editions=("tw", "hk"))
    [result] = run([article], options, translator=FakeTranslator(draft="Echo {source}")).documents
    lines = [line for path in result.folder.glob("*.po*") for entry in polib.pofile(str(path))
             for line in entry.comment.splitlines()]
    assert {line.split(":")[0] for line in lines} >= {"glossary", "machine draft", "MT glossary", "regional name",
                                                      "regional vocabulary", "<a1> link"}
    assert [line for line in lines if not NOTE_STARTS.match(line)] == []
