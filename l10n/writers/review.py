"""The bilingual review page: one self-contained HTML file per document (inline CSS, no scripts, no
external assets) with the source and every target side by side per segment, placeholders shown as the
formatting they stand for (bold, italics, code, a link with its URL on hover), glossary terms highlighted
with their required renderings (in the source, and in each target where its rendering appears), QA
findings beside their entry, fuzzy and untranslated entries marked, and for a fuzzy text what a reviewer
needs to judge it: the sentence it was translated from (`#|`), translator comments, where a draft came
from (machine translation, memory, reference). A header gives the counts. Built as an lxml tree, so every
text from the article is escaped."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import builder as E

from .. import locales
from ..text import notes
from ..catalog.entries import Entry
from ..catalog.reviewed import DocumentCatalog
from ..plumbing.escapes import xml_text
from ..model import Document, Segment, Span
from .article import Node, PlaceholderError, add_text, parse, serialize

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#222}
header ul{list-style:none;padding:0;margin:.5rem 0 1rem}
table{width:100%;table-layout:fixed;border-collapse:collapse}
th{text-align:left;background:#f2f2f2;padding:.4rem;position:sticky;top:0}
td{vertical-align:top;padding:.4rem;border-top:1px solid #ddd}
tr.block-start td{border-top:2px solid #999}
.where{display:block;color:#777;font-size:12px}
mark.term{background:#cfe6ff;border-bottom:2px solid #3b82f6}
ul.terms,ul.qa{margin:.3rem 0 0;padding-left:1.1rem;font-size:13px}
ul.terms{color:#1e4e8c}
li.qa-error{color:#b00020;font-weight:600}li.qa-warning{color:#8a5a00}
td.fuzzy{background:#fff6d5}td.untranslated{background:#f6f6f6;color:#888}
.badge{display:inline-block;font-size:11px;padding:0 .35rem;border-radius:.6rem;margin-right:.3rem;
 background:#e0a800;color:#fff}.untranslated .badge{background:#999}
span.link{color:#1a56b0;text-decoration:underline;cursor:help}span.image{color:#777;font-size:12px}
code{font-size:13px;background:#f2f2f2;padding:0 .2rem}
span.unpaired{border-bottom:2px dotted #b00020}
ul.context{margin:.3rem 0 0;padding-left:1.1rem;font-size:13px;color:#555}.context .label{color:#888}
"""


@dataclass(frozen=True)
class Term:
    source: str
    rendering: str
    details: str


def _terms(glossary_notes: list[str]) -> list[Term]:
    found = []
    for note in map(xml_text, glossary_notes):
        parsed = notes.parse_glossary_term(note)
        if parsed is not None:
            found.append(Term(*parsed))
    return found


def _highlighted(text: str, needles: dict[str, str], ignore_case: bool = False) -> list:
    """Text with every occurrence of a needle wrapped in <mark>, longest needle first at each position."""
    if not needles:
        return [text]
    pattern = re.compile("|".join(re.escape(needle) for needle in sorted(needles, key=len, reverse=True)),
                         re.IGNORECASE if ignore_case else 0)
    lookup = {needle.lower() if ignore_case else needle: title for needle, title in needles.items()}
    pieces: list = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(text[position:match.start()])
        key = match.group(0).lower() if ignore_case else match.group(0)
        pieces.append(E.MARK(E.CLASS("term"), match.group(0), title=lookup[key]))
        position = match.end()
    pieces.append(text[position:])
    return [piece for piece in pieces if not isinstance(piece, str) or piece]


def _nodes(nodes: tuple[Node, ...], needles: dict[str, str], ignore_case: bool) -> list:
    out: list = []
    for node in nodes:
        if isinstance(node, str):
            out += _highlighted(xml_text(node), needles, ignore_case)
            continue
        children = _nodes(node.children, needles, ignore_case)
        if node.kind == "link":
            out.append(E.SPAN(E.CLASS("link"), *children, title=xml_text(node.target or "link")))
        elif node.kind == "image":
            out.append(E.SPAN(E.CLASS("image"), "[image]", title=xml_text(node.target or "image")))
        elif node.kind == "break":
            out.append(E.BR())
        else:
            out.append({"strong": E.STRONG, "emphasis": E.EM, "code": E.CODE}.get(node.kind, E.SPAN)(*children))
    return out


def _formatted(text: str, spans: tuple[Span, ...], needles: dict[str, str], ignore_case: bool = False) -> list:
    """The text with its placeholders as the formatting they stand for; placeholders that do not pair up (a
    mistyped translation) stay visible as they were typed."""
    try:
        return _nodes(parse(text, spans), needles, ignore_case)
    except PlaceholderError as error:
        return [E.SPAN(E.CLASS("unpaired"), *_highlighted(xml_text(text), needles, ignore_case),
                       title=xml_text(str(error)))]


def _source_cell(segment: Segment, spans: tuple[Span, ...], terms: list[Term]):
    cell = E.TD(E.SPAN(E.CLASS("where"), f"{segment.part.value} {segment.location} · {segment.id}"),
                *_formatted(segment.source, spans, {term.source: f"→ {term.rendering}" for term in terms}),
                lang=locales.SOURCE.tag)
    if terms:
        cell.append(E.UL(E.CLASS("terms"), *(E.LI(f"{term.source} → {term.rendering} ({term.details})")
                                              for term in terms)))
    return cell


def _context(catalog: DocumentCatalog, translation: Entry, spans: tuple[Span, ...]) -> list:
    """What a reviewer needs to judge a fuzzy text: what it was translated from and where it came from."""
    lines = []
    if translation.previous_msgid is not None:
        lines.append(E.LI(E.SPAN(E.CLASS("label"), "translated from: "),
                          *_formatted(translation.previous_msgid, spans, {})))
    lines += [E.LI(E.SPAN(E.CLASS("label"), "translator: "), xml_text(comment))
              for comment in translation.translator_comments]
    lines += [E.LI(E.SPAN(E.CLASS("label"), "draft from "), xml_text(origin)) for origin in catalog.origin(translation)]
    return [E.UL(E.CLASS("context"), *lines)] if lines else []


def _target_cell(catalog: DocumentCatalog, translation: Entry | None, spans: tuple[Span, ...]):
    locale = catalog.locale
    cell = E.TD(lang=locales.of(locale).tag)
    if translation is None or not translation.msgstr:
        cell.set("class", "untranslated")
        cell.append(E.SPAN(E.CLASS("badge"), "untranslated"))
        return cell
    if translation.fuzzy:
        cell.set("class", "fuzzy")
        cell.append(E.SPAN(E.CLASS("badge"), "fuzzy"))
    # each catalog's notes give the rendering required in its own language (English, or an override)
    renderings = {term.rendering: notes.note(notes.GLOSSARY, term.source) for term in _terms(translation.glossary_notes)}
    for piece in _formatted(translation.msgstr, spans, renderings, ignore_case=True):
        if isinstance(piece, str):
            add_text(cell, piece)
        else:
            cell.append(piece)
    findings = [E.LI(E.CLASS("qa-error"), xml_text(notes.note(notes.QA_ERROR, message)))
                for message in translation.qa_errors]
    findings += [E.LI(E.CLASS("qa-warning"), xml_text(notes.note(notes.QA_WARNING, message)))
                 for message in translation.qa_warnings]
    if findings:
        cell.append(E.UL(E.CLASS("qa"), *findings))
    for element in _context(catalog, translation, spans) if translation.fuzzy else []:
        cell.append(element)
    return cell


def _counts(catalog: DocumentCatalog, segments: list[Segment]) -> str:
    translations = [catalog.translations.get(segment.id) for segment in segments]
    done = [t for t in translations if t is not None and t.msgstr]
    reviewed = sum(1 for t in done if not t.fuzzy)
    errors = sum(len(t.qa_errors) for t in done)
    warnings = sum(len(t.qa_warnings) for t in done)
    return (f"{reviewed} reviewed, {len(done) - reviewed} fuzzy, {len(segments) - len(done)} untranslated, "
            f"{errors} QA errors, {warnings} QA warnings")


def _ordered(catalogs: list[DocumentCatalog]) -> list[DocumentCatalog]:
    """Traditional variants first, then English, then any other language."""
    return sorted(catalogs, key=lambda c: (not c.locale.startswith("zh"), c.locale != locales.ENGLISH.locale, c.locale))


def render(document: Document, segments: list[Segment], catalogs: list[DocumentCatalog],
           template: dict[str, Entry]) -> str:
    """`template`: the template's entry of each segment, whose glossary notes show every rendering."""
    catalogs = _ordered(catalogs)
    counts = [E.LI(E.STRONG(f"{locales.of(c.locale).name}: "), _counts(c, segments)) for c in catalogs]
    header = E.HEADER(E.H1(xml_text(f"Review: {document.name}")),
                      E.P(xml_text(f"Source: {document.source_name} · {len(segments)} segments")), E.UL(*counts))
    heads = [E.TH(locales.SOURCE.name)] + [E.TH(locales.of(c.locale).name) for c in catalogs]
    rows = []
    previous_paragraph = None
    spans = {paragraph.index: paragraph.spans for paragraph in document.paragraphs}
    for segment in segments:
        entry_notes = template.get(segment.id)
        comments = entry_notes.glossary_notes if entry_notes is not None else next(
            (c.translations[segment.id].glossary_notes for c in catalogs if segment.id in c.translations), [])
        terms = _terms(comments)
        row = E.TR(_source_cell(segment, spans[segment.paragraph], terms),
                   *(_target_cell(c, c.translations.get(segment.id), spans[segment.paragraph])
                     for c in catalogs))
        if segment.paragraph != previous_paragraph:
            row.set("class", "block-start")
        previous_paragraph = segment.paragraph
        rows.append(row)
    table = E.TABLE(E.THEAD(E.TR(*heads)), E.TBODY(*rows))
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(xml_text(f"Review: {document.name}")), E.STYLE(_STYLE)),
                  E.BODY(header, table), lang="en")
    return serialize(page)
