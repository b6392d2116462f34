"""Property tests: what l10n writes, it reads back as it was. A catalog rendered as gettext writes it
(catalog/po_text.py) and read again (catalog/po.py), and document.json rendered and read again
(catalog/structure.py)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalog import po, structure
from l10n.catalog.entries import Catalog, Entry
from l10n.model import Document, Paragraph, Part, Segment, Span

# Text as articles and reviewers give it: Chinese, Latin, the characters a .po file escapes (quotes, backslashes,
# tabs, line breaks), placeholders, wide punctuation, an emoji.
_ALPHABET = st.sampled_from(list("微软宣布收购。，“”「」《》abc XYZ019%\"\\\t\n<>/a1{}#~|:😀"))
_TEXT = st.text(_ALPHABET, max_size=120)
_LINE = st.text(st.sampled_from(list("注释 note:，。abc\"\\<a1>→")), max_size=60)  # a comment: one line
# A comment of one empty line (`#` alone) reads back as no comment (polib cannot tell them apart): not generated.
_COMMENTS = st.lists(_LINE, max_size=4).filter(lambda lines: lines != [""])
_FILE = st.from_regex(r"[a-z][a-z0-9_./-]{0,30}", fullmatch=True)


@st.composite
def _entries(draw, obsolete: bool) -> Entry:
    fuzzy = draw(st.booleans())
    return Entry(
        msgid=draw(_TEXT.filter(bool)),
        msgstr=draw(_TEXT),
        msgctxt=draw(st.none() | _TEXT),
        occurrences=[] if obsolete else draw(st.lists(st.tuples(_FILE, st.sampled_from(["", "1", "42", "9999"])),
                                                      max_size=8)),
        flags=["fuzzy"] if fuzzy else [],
        notes=draw(_COMMENTS),
        translator_comments=draw(_COMMENTS),
        previous_msgid=draw(st.none() | _TEXT.filter(bool)) if fuzzy else None,
        obsolete=obsolete,
    )


@st.composite
def _catalogs(draw) -> Catalog:
    live = draw(st.lists(_entries(obsolete=False), max_size=8, unique_by=lambda entry: entry.key))
    keys = {entry.key for entry in live}
    gone = draw(st.lists(_entries(obsolete=True), max_size=3, unique_by=lambda entry: entry.key))
    header = {"Project-Id-Version": "l10n", "Language": draw(st.sampled_from(["en", "zh_TW", "zh_HK"])),
              "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
              "Content-Transfer-Encoding": "8bit", "X-Generator": draw(_LINE.map(str.strip))}
    return Catalog(header, live + [entry for entry in gone if entry.key not in keys])


def _fields(entry: Entry) -> tuple:
    return (entry.msgid, entry.msgstr, entry.msgctxt, entry.occurrences, entry.flags, entry.notes,
            entry.translator_comments, entry.previous_msgid, entry.obsolete, entry.line)


@settings(max_examples=150, deadline=None)
@given(_catalogs())
def test_a_rendered_catalog_reads_back_as_it_was(catalog):
    text = po.render(catalog)  # sets each entry's line
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "en.po"
        path.write_text(text, encoding="utf-8")
        read = po.read_catalog(path)
    assert read.header == catalog.header
    assert [_fields(entry) for entry in read.entries] == [_fields(entry) for entry in catalog.entries]
    assert po.render(read) == text


_PARTS = st.sampled_from(list(Part))
_SPAN = st.builds(Span, st.integers(1, 9), st.sampled_from(["link", "strong", "emphasis", "code", "image"]),
                  st.text(max_size=30))


@st.composite
def _documents(draw) -> tuple[Document, list[Segment]]:
    paragraphs, segments = [], []
    for index in range(1, draw(st.integers(0, 6)) + 1):
        part, line = draw(_PARTS), draw(st.integers(1, 10_000))
        paragraphs.append(Paragraph(index, part, draw(st.text(max_size=80)), line, line + draw(st.integers(0, 5)),
                                    tuple(draw(st.lists(_SPAN, max_size=3))), draw(st.integers(0, 6))))
        for sentence in range(1, draw(st.integers(0, 3)) + 1):
            segments.append(Segment(draw(st.from_regex(r"[0-9a-f]{10}(-[2-9])?", fullmatch=True)), index, sentence,
                                    part, line, draw(st.text(min_size=1, max_size=40))))
    document = Document(draw(st.text(min_size=1, max_size=20)), draw(st.text(min_size=1, max_size=20)),
                        draw(st.sampled_from(["utf-8", "gb18030", "big5"])),
                        draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)), tuple(paragraphs), (),
                        draw(st.sampled_from(["text", "markdown", "html"])),
                        tuple(draw(st.lists(st.tuples(st.sampled_from(["title", "url", "date"]), st.text(max_size=30)),
                                            max_size=3))))
    return document, segments


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_document_json_reads_back_as_it_was(written):
    document, segments = written
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / structure.FILE_NAME
        path.write_text(structure.render(document, segments), encoding="utf-8")
        assert structure.read(path) == (document, segments)
