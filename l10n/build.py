"""Reviewed catalogs + the document's structure → the finished article per target language.

A language is built only when every segment has a usable translation in its catalog; otherwise nothing is
written for that language and the build says why (each gap: catalog, line, segment, reason). The QA checks
run here on the catalogs as they are about to be used, not trusted from the comments of the last `run` or
`check`: an entry with a QA error is a gap, reviewed or fuzzy. The document's other languages, and other
documents, are built regardless: a finished Traditional edition does not wait for the English one.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import locales
from .catalog import reviewed, structure
from .plumbing.errors import InputError, L10nError, UsageError
from .config.build_options import FALLBACKS, BuildOptions
from .plumbing.files import write_atomic
from .glossary import Glossary
from .model import Document, Issue, Segment
from .text.placeholders import tags
from .writers import PLAIN, WRITERS
from .writers.article import (FALLBACK_CLOSE, FALLBACK_OPEN, FUZZY_CLOSE, FUZZY_OPEN, Article, Block,
                              PlaceholderError, parse)

REVIEW_PAGE = "review.html"
GAP_EXIT_CODE = 1  # like a QA failure: the files are fine, the translations are not finished

ProgressCallback = Callable[[str, str], None]


# Why a segment has no usable translation: its kind, and how a summary counts it.
MISSING, UNTRANSLATED, FUZZY, QA_ERROR, PLACEHOLDERS = "missing", "untranslated", "fuzzy", "qa", "placeholders"
_COUNTED = {MISSING: "not in the catalog", UNTRANSLATED: "untranslated", FUZZY: "unreviewed",
            QA_ERROR: "with a QA error", PLACEHOLDERS: "with placeholders that differ from the source"}


@dataclass(frozen=True)
class Gap:
    """A segment that keeps a language of a document from being built."""

    path: Path
    line: int | None
    segment: Segment
    reason: str
    kind: str = UNTRANSLATED

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.segment.id} ({self.segment.part.value} {self.segment.location}): {self.reason}"


@dataclass(frozen=True)
class LocaleBuild:
    locale: str
    fuzzy: int  # unreviewed translations used (--allow-fuzzy)
    from_source: int  # segments left in the source language (--fallback source)
    gaps: tuple[Gap, ...] = ()  # what keeps it from being built; empty: built

    @property
    def built(self) -> bool:
        return not self.gaps

    def why_not(self) -> str:
        """`80 untranslated, 3 unreviewed; first at en.po:34`: the gaps counted by kind."""
        counts = {kind: sum(1 for gap in self.gaps if gap.kind == kind) for kind in _COUNTED}
        first = self.gaps[0]
        where = f"{first.path}:{first.line}" if first.line is not None else str(first.path)
        return ", ".join(f"{count} {_COUNTED[kind]}" for kind, count in counts.items() if count) + \
            f"; first at {where}"


@dataclass(frozen=True)
class DocumentBuild:
    folder: Path
    segments: int = 0
    locales: tuple[LocaleBuild, ...] = ()
    files: tuple[Path, ...] = ()
    error: L10nError | None = None

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(gap for locale in self.locales for gap in locale.gaps)


@dataclass(frozen=True)
class BuildResult:
    documents: list[DocumentBuild]

    @property
    def exit_code(self) -> int:
        codes = [document.error.exit_code for document in self.documents if document.error is not None]
        codes += [GAP_EXIT_CODE for document in self.documents if document.gaps]
        return max(codes, default=0)


def _choose(catalog: reviewed.DocumentCatalog, segments: list[Segment], options: BuildOptions,
            qa_errors: dict[str, list[Issue]]):
    """The text each segment gets in this language, and the gaps. `qa_errors` are the QA checks' errors on the
    catalog as it is now, by sentence: an entry with one is never built, reviewed or fuzzy."""
    texts: dict[str, str] = {}
    gaps: list[Gap] = []
    fuzzy = from_source = 0
    for segment in segments:
        translation = catalog.translations.get(segment.id)
        line = translation.line if translation is not None else None
        if translation is None:
            problem = MISSING, "no entry in the catalog; run `l10n run` again"
        elif not translation.msgstr:
            problem = UNTRANSLATED, "untranslated"
        elif translation.fuzzy and not options.allow_fuzzy:
            problem = FUZZY, "fuzzy: not reviewed yet (--allow-fuzzy builds with it)"
        else:
            problem = None
        if problem is not None:
            if options.fallback == "source":
                texts[segment.id] = f"{FALLBACK_OPEN}{segment.source}{FALLBACK_CLOSE}"
                from_source += 1
            else:
                gaps.append(Gap(catalog.path, line, segment, problem[1], problem[0]))
            continue
        if errors := qa_errors.get(segment.source):
            gaps += [Gap(catalog.path, line, segment, f"QA error [{error.code}]: {error.message}", QA_ERROR)
                     for error in errors]
            continue
        if sorted(tags(translation.msgstr)) != sorted(tags(segment.source)):
            gaps.append(Gap(catalog.path, line, segment, f"placeholders differ from the source: expected "
                            f"{' '.join(tags(segment.source)) or 'none'}, found {' '.join(tags(translation.msgstr)) or 'none'}",
                            PLACEHOLDERS))
            continue
        if translation.fuzzy:
            fuzzy += 1
            texts[segment.id] = f"{FUZZY_OPEN}{translation.msgstr}{FUZZY_CLOSE}"
        else:
            texts[segment.id] = translation.msgstr
    return texts, gaps, fuzzy, from_source


def _article(folder: Path, document: Document, segments: list[Segment], catalog: reviewed.DocumentCatalog, texts: dict[str, str],
             gaps: list[Gap]) -> Article:
    by_paragraph: dict[int, list[Segment]] = {}
    for segment in segments:
        by_paragraph.setdefault(segment.paragraph, []).append(segment)
    joiner = locales.sentence_joiner(catalog.locale)
    blocks = []
    for paragraph in document.paragraphs:
        members = by_paragraph.get(paragraph.index, [])
        text = joiner.join(texts[segment.id] for segment in members) if members else paragraph.text
        try:
            blocks.append(Block(paragraph.part, paragraph.level, parse(text, paragraph.spans)))
        except PlaceholderError as error:
            first = members[0] if members else None
            if first is None:
                raise InputError(f"paragraph {paragraph.index}: {error}", folder / structure.FILE_NAME) from error
            line = catalog.translations[first.id].line if first.id in catalog.translations else None
            gaps.append(Gap(catalog.path, line, first, f"placeholders of paragraph {paragraph.index} "
                                                       f"do not pair up: {error}", PLACEHOLDERS))
    return Article(document.name, catalog.locale, locales.of(catalog.locale).tag, tuple(blocks))


def article_files(folder: Path, document: Document, article: Article) -> dict[Path, str | bytes]:
    if document.format not in WRITERS:
        raise InputError(f"no writer for format {document.format!r}; known: {', '.join(WRITERS)}",
                         folder / structure.FILE_NAME)
    files = {}
    for name in (document.format, PLAIN):
        writer = WRITERS[name]
        files[folder / f"article.{article.locale}.{writer.extension}"] = writer.render(article)
    return files


def _build_document(folder: Path, options: BuildOptions, glossary: Glossary, step: Callable[[str], None]) -> DocumentBuild:
    document, segments = structure.read(folder / structure.FILE_NAME)
    catalogs = reviewed.read_folder(folder, segments, options.locales)
    if options.review:
        from .writers.review import render as render_review

        step("writing the review page")
        notes = reviewed.template_notes(folder, document.name, segments)
        outputs = {folder / REVIEW_PAGE: render_review(document, segments, catalogs, notes)}
        locales: list[LocaleBuild] = []
    else:
        from .qa.catalogs import errors_by_sentence  # here: the command line imports this module at start-up

        outputs, locales = {}, []
        for catalog in catalogs:
            step(f"building {catalog.locale}")
            errors = errors_by_sentence(catalog.catalog, glossary, options.name_style)
            texts, gaps, fuzzy, from_source = _choose(catalog, segments, options, errors)
            if not gaps:
                article = _article(folder, document, segments, catalog, texts, gaps)
                if not gaps:
                    outputs.update(article_files(folder, document, article))
            locales.append(LocaleBuild(catalog.locale, fuzzy, from_source, tuple(gaps)))
    for path, text in outputs.items():
        write_atomic(path, text)
    return DocumentBuild(folder, len(segments), tuple(locales), tuple(outputs))


def build(paths: list[Path], options: BuildOptions, on_step: ProgressCallback | None = None) -> BuildResult:
    """Build every document folder found under the paths (none given: under options.folder). One document's
    problems never stop the others: they are reported in its DocumentBuild."""
    if options.fallback is not None and options.fallback not in FALLBACKS:
        raise UsageError(f"unknown --fallback {options.fallback!r}; choose one of {', '.join(FALLBACKS)}")
    if not paths and options.folder is None:
        raise UsageError("no document folder given")
    from .glossary import load_many

    glossary = load_many(options.glossary)  # the same checks as `l10n check`, with the same glossary
    results = []
    for folder in structure.document_folders(paths or [options.folder]):
        def step(what: str, name: str = folder.name) -> None:
            if on_step is not None:
                on_step(name, what)

        try:
            results.append(_build_document(folder, options, glossary, step))
        except L10nError as error:
            results.append(DocumentBuild(folder, error=error))
    return BuildResult(results)
