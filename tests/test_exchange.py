import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from l10n import structure
from l10n.cli import app
from l10n.files import write_atomic
from l10n.memory import default_memory_path
from l10n.model import Document, Paragraph, Part, Span
from l10n.segment import segment_document

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


def test_tmx_holds_every_reviewed_segment_once_and_reads_back(folder):
    result = runner.invoke(app, ["export", "tmx", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"wrote {folder / 'translations.tmx'}: 4 translation units "
                             "(en 4, zh-Hant-TW 3)\n")
    tree = etree.parse(str(folder / "translations.tmx"))
    assert tree.docinfo.doctype == '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    root = tree.getroot()
    assert (root.tag, root.get("version")) == ("tmx", "1.4")
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    units = {}
    for tu in root.iter("tu"):
        texts = {tuv.get(XML_LANG): _seg_text(tuv) for tuv in tu.iter("tuv")}
        units[texts.pop("zh-Hans")] = texts
    assert units == {source: {"en": _ENGLISH[source], **({"zh-Hant-TW": _TRADITIONAL[source]}
                                                         if not source.startswith("配图") else {})}
                     for source in _ENGLISH}  # the repeated title is one unit; the fuzzy Traditional is left out
    codes = [[(code.tag, code.get("type"), code.text) for code in seg]
             for seg in root.xpath("//tuv[@xml:lang='en']/seg[*]")]
    assert codes == [[("bpt", "link", "<a1>"), ("ept", None, "</a1>")],
                     [("bpt", "bold", "<b2>"), ("ept", None, "</b2>")], [("ph", "image", "<x3/>")]]


def test_codes_whose_partner_is_missing_or_crossed_stay_well_formed():
    """A translation with a lost or crossed placeholder still exports as valid TMX and XLIFF."""
    from l10n.writers import tmx, xliff

    spans = (Span(1, "link", "u"), Span(2, "strong"))
    text = "<a1>x<b2>y</a1>z</b2> w<i3>"
    seg = etree.fromstring(tmx.render([tmx.Unit("t", (), text, spans, ())], "zh-Hans").encode()).find(".//seg")
    assert [(code.tag, code.get("pos") or code.get("i")) for code in seg] == [
        ("bpt", "1"), ("bpt", "2"), ("ept", "1"), ("ept", "2"), ("it", "begin")]
    assert "".join(seg.itertext()) == text
    unit = xliff.Unit("b1", "body 1", spans, (xliff.Segment("s1", text, None, "initial"),))
    source = etree.fromstring(xliff.render([xliff.File("f1", "a.md", (unit,))], "zh-Hans", "en").encode()).find(
        f".//{XLIFF}source")
    assert [(etree.QName(code).localname, code.get("id"), code.get("isolated")) for code in source] == [
        ("sc", "1", None), ("pc", "2", None), ("sc", "3", "yes")]
    assert [(etree.QName(code).localname, code.get("startRef")) for code in source[1]] == [("ec", "1")]


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
        f"wrote {tmp_path / 'x' / 'translations.en.xlf'}: 5 segments (5 reviewed)",
        f"wrote {tmp_path / 'x' / 'translations.zh_TW.xlf'}: 5 segments (4 reviewed, 1 translated)"]
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
    assert [segment.get("state") for segment in body.iter(f"{XLIFF}segment")] == ["reviewed", "reviewed",
                                                                                  "translated"]
    assert [note.text for note in body.iter(f"{XLIFF}note")] == ["QA warning: odd [x]"]
    ids = [segment.get("id") for segment in root.iter(f"{XLIFF}segment")]
    assert len(ids) == len(set(ids)) and all(not i[0].isdigit() for i in ids)


def test_an_imported_tmx_gives_exact_matches_as_fuzzy_drafts(folder, tmp_path, sample_path):
    runner.invoke(app, ["export", "tmx", str(folder)])
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
    assert "translation memory: aligned.tmx (line " in english["奥特曼回到了公司。"].comment


def test_the_settings_file_names_the_memory(folder, tmp_path):
    runner.invoke(app, ["export", "tmx", str(folder)])
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
