"""Command line: parse options, call the pipeline, render the result. No business logic here."""

import contextlib
import sys
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .config import cli_values
from .align.formats import FORMATS as ALIGN_FORMATS
from .config.build_options import FALLBACKS
from .plumbing.errors import L10nError
from .plumbing.escapes import one_line
from .config.exchange_options import PLACEHOLDER_FORMS, UNIT_SHAPES
from .locales import TAG_SCHEMES
from .model import Severity
from .config.options import field_help, setting_help
from .glossary import NAME_STYLES
from .reading.readers import FORMATS as INPUT_FORMATS, TITLES as INPUT_TITLES
from .plumbing.table import FORMATS
from .translate import engines

cli_values.install()


def _typer(help: str) -> typer.Typer:
    """Plain click help (rich_markup_mode=None): a flag is shown without a type, as it takes no value."""
    return typer.Typer(help=help, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                       rich_markup_mode=None)


app = _typer("Localize Chinese news articles: segments, Traditional Chinese, English drafts, .po review files.")
models_app = _typer("Machine-translation models for English drafts, of each engine that installs its own.")
app.add_typer(models_app, name="models")
glossary_app = _typer("Check the glossary and mine articles for entries it lacks.")
app.add_typer(glossary_app, name="glossary")
export_app = _typer("Reviewed translations as TMX or XLIFF for CAT tools.")
app.add_typer(export_app, name="export")
import_app = _typer("Load a translation memory for `run`.")
app.add_typer(import_app, name="import")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"l10n {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", "-V", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    pass


GlossaryOption = Annotated[Optional[list[Path]], typer.Option(
    "--glossary", "-g", help=setting_help("glossary", "Repeat for several."), metavar="FILE", show_default=False)]
ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", "-c", help="Settings file. [default: the nearest l10n.toml here or in a folder above]",
    metavar="FILE", show_default=False)]
# How articles are read (and folders walked), alike in `run`, `glossary suggest` and `align`.
FollowLinksOption = Annotated[Optional[bool], typer.Option(
    "--follow-links/--no-follow-links", help=setting_help("follow_links"), show_default=False)]
MaxBytesOption = Annotated[Optional[int], typer.Option(min=1, help=setting_help("max_bytes"), metavar="N",
                                                       show_default=False)]
MaxBlocksOption = Annotated[Optional[int], typer.Option(min=1, help=setting_help("max_blocks"), metavar="N",
                                                        show_default=False)]


def _choices(name: str, values) -> type[Enum]:
    """An option's choices, taken from the module that owns them so the two lists cannot drift apart."""
    return Enum(name, {value: value for value in values}, type=str)


TableFormat = _choices("TableFormat", FORMATS)
NameStyle = _choices("NameStyle", NAME_STYLES)
NamesOption = Annotated[Optional[NameStyle], typer.Option(help=setting_help("names"), show_default=False)]
FailOn = _choices("FailOn", [severity.value for severity in Severity])
LanguageTags = _choices("LanguageTags", TAG_SCHEMES)
PlaceholderForm = _choices("PlaceholderForm", PLACEHOLDER_FORMS)
UnitShape = _choices("UnitShape", UNIT_SHAPES)
Fallback = _choices("Fallback", FALLBACKS)
InputFormat = _choices("InputFormat", INPUT_FORMATS)
FromOption = Annotated[Optional[InputFormat], typer.Option(
    "--from", help="Input format. Default: by file extension, then by content.", show_default=False)]
AlignFormat = _choices("AlignFormat", ALIGN_FORMATS)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextlib.contextmanager
def _reported_errors() -> Iterator[None]:
    """Library errors become one line on stderr and their exit code; never a traceback."""
    try:
        yield
    except L10nError as error:
        raise _fail(str(error), error.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted", 130) from None


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator:
    """A spinner with the step in hand, on stderr; none when stderr is not a terminal (a log, a pipe), where
    the display would leave a blank line behind."""
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("starting", total=None)

        def on_step(document: str, step: str) -> None:
            progress.update(task, description=f"{document}: {step}")

        yield on_step


@contextlib.contextmanager
def _run_progress(quiet: bool) -> Iterator:
    """Documents done (of how many, when counted), rate and time left, on stderr when it is a terminal."""
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("starting", total=None, rate="")
        started = time.monotonic()

        def on_progress(state) -> None:
            finished = state.done + state.skipped + state.failed
            rate = state.done / max(time.monotonic() - started, 1e-6)
            progress.update(task, total=state.total, completed=finished, rate=f"{rate:.1f} docs/s",
                            description=f"{state.document} ({state.skipped} skipped, {state.failed} failed)")

        yield on_progress


def _editions(value: str | None) -> tuple[str, ...] | None:
    """`--editions tw,hk` (or its older name `--hant`): one Traditional edition each (editions/)."""
    from . import editions

    if value is None:
        return None
    names = tuple(part.strip() for part in value.split(",") if part.strip())
    for name in names:
        with _reported_errors():
            editions.get(name)
    return names


def _value(choice: Enum | None) -> str | None:
    return choice.value if choice is not None else None


def _resolve(command: str, given: dict, config: Path | None):
    """The command's options from its command-line values and the settings file (options.resolve)."""
    from .config.options import resolve

    with _reported_errors():
        return resolve(command, given, config)


def _announce_settings(resolved, err: bool = False) -> None:
    """Which settings file a command uses: printed first, before any work."""
    path = resolved.settings.path
    typer.echo(f"settings: {path or 'none (no l10n.toml here or above; defaults)'}", err=err)


def _announce_glossary(files: tuple[Path, ...], entries: int, err: bool = False) -> None:
    if files:
        typer.echo(f"glossary: {', '.join(map(str, files))} ({entries} entries)", err=err)
    else:
        typer.echo("glossary: none found, so names are not enforced; add one with `l10n init` or --glossary FILE",
                   err=True)


def _loaded_glossary(resolved, files: tuple[Path, ...], err: bool = False):
    """The command's glossary, announced (after the settings line) before any work."""
    from .glossary import load_many

    with _reported_errors():
        glossary = load_many(files)
    _announce_settings(resolved, err)
    _announce_glossary(files, len(glossary), err)
    return glossary


@app.command()
def run(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help=f"Article files or folders of them: {INPUT_TITLES}. Default: the settings file's `inputs`; "
             "outside a desk, the bundled sample article.", show_default=False)] = None,
    from_format: FromOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=setting_help("out"), metavar="DIR",
                                                show_default=False)] = None,
    editions: Annotated[Optional[str], typer.Option(
        "--editions", "--hant", help=setting_help("editions", "Several: comma-separated; --hant is its older name."),
        metavar="EDITION[,EDITION…]", show_default=False)] = None,
    glossary: GlossaryOption = None,
    mt: Annotated[Optional[str], typer.Option(help=setting_help("mt"), metavar=f"<{'|'.join(engines.choices())}>",
                                              show_default=False)] = None,
    en_names: NamesOption = None,
    threads: Annotated[Optional[int], typer.Option(min=1, help=setting_help("threads"), show_default=False)] = None,
    batch_size: Annotated[Optional[int], typer.Option(
        min=1, help=setting_help("batch_size"), show_default=False)] = None,
    beam_size: Annotated[Optional[int], typer.Option(
        min=1, help=setting_help("beam_size"), show_default=False)] = None,
    cache: Annotated[Optional[Path], typer.Option(help=setting_help("cache"), metavar="FILE", show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Translate everything again.")] = False,
    memory: Annotated[Optional[Path], typer.Option(help=setting_help("memory"), metavar="FILE", show_default=False)] = None,
    pattern: Annotated[Optional[str], typer.Option(
        "--glob", help="In folders, take the files matching this pattern (`*.md`; with a slash, matched against "
        f"the path inside the folder). Default: every {INPUT_TITLES} file.", show_default=False)] = None,
    from_list: Annotated[Optional[Path], typer.Option(
        "--from-list", help="Also take the paths listed in this file, one per line (`-`: stdin).",
        show_default=False, allow_dash=True)] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help=field_help("run", "jobs", "Worker processes (or local Dask workers)"),
        show_default=False)] = None,
    cluster: Annotated[Optional[str], typer.Option(
        help="Run on a Dask cluster: a scheduler address (tcp://host:8786), or `local` to start one here with "
             "--jobs workers.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo documents that are unchanged since the last run.")] = False,
    wait: Annotated[Optional[float], typer.Option(min=0, help=field_help(
        "run", "wait", "Seconds to wait for another run that holds the output folder, instead of stopping"),
        show_default=False)] = None,
    follow_links: FollowLinksOption = None,
    max_bytes: MaxBytesOption = None,
    max_blocks: MaxBlocksOption = None,
    config: ConfigOption = None,
    reference: Annotated[Optional[Path], typer.Option(
        help="An existing English translation of the article: confidently aligned sentences go into en.po "
        "instead of drafts.", show_default=False)] = None,
    show_removed: Annotated[bool, typer.Option("--show-removed", help="List the lines dropped as page chrome.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="With several documents, list every file written (one document: always).")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress display and no line per document; the summary and failures still print.")
    ] = False,
) -> None:
    """Localize articles or folders of them: write the template, the Traditional and English .po files and the
    segment table for each."""
    from .batch.inputs import matching
    from .pipeline import run as run_pipeline

    resolved = _resolve("run", {
        "out": out, "editions": _editions(editions), "glossary": tuple(glossary) if glossary else None, "mt": mt,
        "names": _value(en_names), "threads": threads, "batch_size": batch_size, "beam_size": beam_size,
        "cache": cache, "memory": memory, "use_cache": False if no_cache else None,
        "input_format": _value(from_format), "reference": reference, "jobs": jobs, "cluster": cluster,
        "force": force or None, "wait": wait, "follow_links": follow_links, "max_bytes": max_bytes,
        "max_blocks": max_blocks}, config)
    options, desk = resolved.options, resolved.settings.path
    paths = list(inputs or []) or ([] if from_list else matching(options.inputs))
    if not paths and not from_list:
        if options.inputs:
            raise _fail(f"{desk}: no article matches inputs {', '.join(options.inputs)}", 2)
        if desk is not None:
            raise _fail(f"{desk}: nothing to run: this desk sets no `inputs`. Give articles (`l10n run "
                        f"articles/` or `l10n run page.html`), or add `inputs = [\"articles/**/*.md\"]` to "
                        f"{desk.name}", 2)
    _announce_settings(resolved)
    with _reported_errors(), _listed(from_list) as listed, _run_progress(quiet) as on_progress:
        left_out: list[str] = []
        selected, total = _selected(paths, pattern, listed, options,
                                    lambda path, reason: left_out.append(_left_out(path, reason)), counted=not quiet)
        one_document = total == 1 or (total is None and listed is None)  # None, not listed: the bundled sample
        result = run_pipeline(selected, options, on_progress, total=total,
                              on_document=_document_reporter(quiet, verbose or one_document, show_removed),
                              on_glossary=_announce_glossary)
    for notice in [*result.notices, *left_out]:
        typer.echo(notice, err=True)
    drafts = result.drafts
    if drafts is not None:
        typer.echo(f"English drafts ({drafts.model_id}): {drafts.segments} segments, {drafts.from_cache} from cache; "
                   f"glossary adherence {drafts.adherence:.1%} ({drafts.present}/{drafts.required} terms)")
    _print_summary(result.summary)
    for failure in result.failures:
        typer.echo(f"error: {failure.error}", err=True)
    if result.failures:
        raise typer.Exit(max(failure.error.exit_code for failure in result.failures))


@contextlib.contextmanager
def _listed(from_list: Path | None) -> Iterator:
    """The --from-list file (or stdin), open for the run."""
    if from_list is None:
        yield None
    elif str(from_list) == "-":
        yield sys.stdin
    else:
        from .plumbing.errors import InputError

        try:
            stream = from_list.open(encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot read the list: {error.strerror}", from_list) from error
        with stream:
            yield stream


def _selected(paths: list[Path], pattern: str | None, listed, options, on_skipped, counted: bool):
    """The run's inputs, streamed, and how many there are when they are shown (`counted`: the progress display
    and a lone document's report, which --quiet has neither of) and can be counted without being held
    (everything but a list on stdin): counting walks every folder once more. Nothing given: the pipeline's
    default. What a walk leaves out goes to on_skipped, once."""
    from .batch.inputs import collect

    def inputs(report=None):
        return collect(paths, pattern, listed, options.out_dir, options.follow_links, report)

    if not paths and listed is None:
        return [], None
    if listed is sys.stdin or not counted:
        return inputs(on_skipped), None
    total = sum(1 for _ in inputs())
    if listed is not None:
        listed.seek(0)
    return inputs(on_skipped), total


def _left_out(path: Path, reason: str) -> str:
    """The warning for a file or folder a walk did not take (a link out of the folder, a FIFO …)."""
    return one_line(f"warning: {path}: {reason}, left out")


def _document_reporter(quiet: bool, every_file: bool, show_removed: bool):
    """What is printed as each document is written: its warnings only (--quiet), or also it with every file it
    wrote, or a line for it. Always a callable: a run without one keeps every document's result, and an
    archive's would fill memory."""
    if quiet:
        return _warn_document
    report = _report_document if every_file else _report_document_line

    def reported(done) -> None:
        report(done, show_removed)
        _warn_document(done)

    return reported


def _warn_document(done) -> None:
    """What a document was read despite (front matter read as text), even with --quiet: it changes the output."""
    for warning in done.document.warnings:
        typer.echo(f"warning: {warning}", err=True)


def _counts(done) -> str:
    document = done.document
    return (f"{document.name}: {len(done.segments)} segments in {len(document.paragraphs)} paragraphs, "
            f"{len(document.removed)} lines removed")


def _read_as(document) -> str:
    """`markdown, from its front matter`: the format read and why, since a .txt may hold Markdown."""
    return f"{document.format}, from {document.format_reason}" if document.format_reason else document.format


def _fallback(done) -> str:
    """Which path cleaning took, where it was not the usual one."""
    return f"; cleaning fell back to {done.document.fallback}" if done.document.fallback else ""


def _echo_removed(done) -> None:
    from .plumbing.report import removal_report

    for line in removal_report(done.document) or ["  nothing removed"]:
        typer.echo(line)


def _report_document(done, show_removed: bool) -> None:
    """A document with every file it wrote: a single article, or any with --verbose."""
    document = done.document
    read = ", ".join(filter(None, (document.source_name, document.encoding)))  # a binary format has no encoding
    typer.echo(f"{_counts(done)} ({read}; {_read_as(document)}){_fallback(done)}")
    if show_removed:
        _echo_removed(done)
    for path in done.files:
        typer.echo(f"  wrote {path}")
    if done.backup is not None:
        typer.echo(f"  kept a copy of the reviewed files it replaced in {done.backup}")


def _report_document_line(done, show_removed: bool) -> None:
    """One line per document of an archive: an archive of 10,000 gives 10,000 lines, not 70,000."""
    backup = f"; reviewed files it replaced kept in {done.backup}" if done.backup is not None else ""
    typer.echo(f"{_counts(done)}; {_read_as(done.document)} -> {done.folder}{backup}{_fallback(done)}")
    if show_removed:
        _echo_removed(done)


def _print_summary(summary) -> None:
    rows = [("documents written", f"{summary.documents}"), ("segments", f"{summary.segments}"),
            ("skipped (unchanged)", f"{summary.skipped}"), ("MT drafts", f"{summary.drafts}"),
            ("MT drafts from cache", f"{summary.cache_hits}"), ("QA findings", f"{summary.findings}"),
            ("failed", f"{len(summary.failures)}"),
            *((f"time: {stage}", f"{seconds:.2f} s") for stage, seconds in summary.seconds.items()),
            ("time in all", f"{summary.elapsed:.2f} s ({summary.executor}, {summary.workers} worker(s))")]
    width = max(len(name) for name, _ in rows)
    typer.echo("summary:")
    for name, value in rows:
        typer.echo(f"  {name:<{width}}  {value}")


def _build_line(document) -> str:
    """`jobs: 5 segments; built zh_TW (1 unreviewed); not built: en (5 untranslated; first at …/en.po:20)`."""
    if not document.locales:
        return f"{document.folder.name}: {document.segments} segments; wrote {', '.join(p.name for p in document.files)}"
    built = []
    for locale in (locale for locale in document.locales if locale.built):
        used = [f"{count} {what}" for count, what in [(locale.fuzzy, "unreviewed"),
                                                      (locale.from_source, "left in the source")] if count]
        built.append(locale.locale + (f" ({', '.join(used)})" if used else ""))
    missing = [f"{locale.locale} ({locale.why_not()})" for locale in document.locales if not locale.built]
    return (f"{document.folder.name}: {document.segments} segments; built {', '.join(built) or 'nothing'}"
            + (f"; not built: {'; '.join(missing)}" if missing else ""))


@app.command()
def build(
    folders: Annotated[Optional[list[Path]], typer.Argument(
        help="Document folders written by `run`, or folders of them. Default: the settings' `out` (output).",
        show_default=False)] = None,
    locale: Annotated[Optional[list[str]], typer.Option(
        "--locale", "-l", help="Target to build (en, zh_TW …); repeat for several. Default: every .po there.",
        show_default=False)] = None,
    allow_fuzzy: Annotated[bool, typer.Option(
        "--allow-fuzzy", help="Use unreviewed (fuzzy) entries, marked as such in the article.")] = False,
    fallback: Annotated[Optional[Fallback], typer.Option(
        help="source: segments without a usable translation keep the Simplified text, marked as such in the "
             "article.", show_default=False)] = None,
    review: Annotated[bool, typer.Option(
        "--review", help="Write the bilingual review page (review.html) instead of the articles.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List every file written and every entry that keeps a language from being "
        "built.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    glossary: GlossaryOption = None,
    en_names: NamesOption = None,
    config: ConfigOption = None,
) -> None:
    """Build the finished articles (or the review page) from the reviewed .po files: each language whose
    catalog is ready, with one line per document saying which are not and why. The QA checks run on every
    entry first: an entry with a QA error is never built."""
    from .build import build as build_articles

    resolved = _resolve("build", {"locales": tuple(locale) if locale else None, "allow_fuzzy": allow_fuzzy or None,
                                  "fallback": _value(fallback), "review": review or None,
                                  "glossary": tuple(glossary) if glossary else None, "names": _value(en_names)},
                        config)
    with _reported_errors(), _progress(quiet) as on_step:
        result = build_articles(list(folders or []), resolved.options, on_step)
    for document in result.documents:
        if document.error is not None:
            typer.echo(f"error: {document.error}", err=True)
            continue
        typer.echo(_build_line(document))
        if verbose:
            for gap in document.gaps:
                typer.echo(str(gap), err=True)
            for path in document.files:
                typer.echo(f"  wrote {path}")
    unfinished = sum(1 for document in result.documents if document.gaps)
    if unfinished:
        typer.echo(f"error: {unfinished} of {len(result.documents)} document(s) have languages not built; "
                   f"{'' if verbose else '--verbose lists every entry, '}--allow-fuzzy uses unreviewed entries, "
                   "--fallback source keeps the source text", err=True)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


@import_app.command("tmx")
def import_tmx(
    file: Annotated[Path, typer.Argument(help="TMX file (1.4b) with Simplified-Chinese sources.")],
    memory: Annotated[Optional[Path], typer.Option(
        help=setting_help("memory", "The one to add to."), metavar="FILE", show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Load a translation memory: at `run`, exact matches become the drafts instead of machine drafts."""
    from .plumbing.files import default_memory_path
    from .translate.memory import import_tmx as load

    resolved = _resolve("import tmx", {"memory": memory}, config)
    store = resolved.options.memory or default_memory_path()
    with _reported_errors():
        imported = load(file, store)
    per_locale = ", ".join(f"{locale} {count}" for locale, count in imported.per_locale) or "none"
    typer.echo(f"{file}: {imported.entries} translations imported into {store} ({per_locale}); "
               f"{imported.skipped} units without a Simplified source or a known target skipped")


ExportFolder = Annotated[Optional[Path], typer.Argument(
    help="A document folder written by `run`, or a folder of them. Default: the settings' `out` (output).",
    show_default=False)]


@export_app.command("tmx")
def export_tmx(
    folder: ExportFolder = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Folder for the TMX files. Default: FOLDER.", show_default=False)] = None,
    tags: Annotated[Optional[LanguageTags], typer.Option(
        "--tags", help=field_help("export tmx", "tags", "Language codes: cat (zh-CN, zh-TW, zh-HK, en, as CAT tools "
                                  "match them) or bcp47 (zh-Hans, zh-Hant-TW …)"), show_default=False)] = None,
    multilingual: Annotated[bool, typer.Option(
        "--multilingual", help="One translations.tmx with every language instead of one file per pair.")] = False,
    placeholders: Annotated[Optional[PlaceholderForm], typer.Option(
        "--placeholders", help=field_help("export tmx", "placeholders", "codes: TMX inline codes (for tools "
                                          "translating the original page); text: as the .po files write them (for "
                                          "tools translating our catalogs, such as OmegaT)"), show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Write TMX 1.4b memories of every reviewed (non-fuzzy) segment: one file per language pair."""
    from .exchange import export_tmx as export

    resolved = _resolve("export tmx", {"out": folder, "tags": tags and tags.value, "multilingual": multilingual or None,
                                       "placeholders": placeholders and placeholders.value}, config)
    folder = resolved.options.folder
    with _reported_errors():
        exported = export([folder], out or folder, resolved.options)
    for item in exported:
        per_tag = ", ".join(f"{tag} {count}" for tag, count in item.counts) or "no reviewed segments"
        typer.echo(f"wrote {item.path}: {item.units} translation units ({per_tag})")


@export_app.command("xliff")
def export_xliff(
    folder: ExportFolder = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Folder for the XLIFF files. Default: FOLDER.", show_default=False)] = None,
    units: Annotated[Optional[UnitShape], typer.Option(
        "--units", help=field_help("export xliff", "units", "block: a unit per block, a segment per sentence; "
                                   "sentence: a group per block, a unit per sentence, for readers that keep one "
                                   "segment per unit"), show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Write XLIFF 2.1, one file per target language, every segment with its review state."""
    from .exchange import export_xliff as export

    resolved = _resolve("export xliff", {"out": folder, "units": units and units.value}, config)
    folder = resolved.options.folder
    with _reported_errors():
        exported = export([folder], out or folder, resolved.options)
    for item in exported:
        states = ", ".join(f"{count} {state}" for state, count in item.counts)
        typer.echo(f"wrote {item.path}: {item.units} segments ({states})")


def _print_table(header: list[str], rows: list[list]) -> None:
    """Columns padded to their widest cell; numbers right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    for row in [header, *rows]:
        cells = [str(cell).rjust(width) if isinstance(cell, int) else str(cell).ljust(width)
                 for cell, width in zip(row, widths)]
        typer.echo("  ".join(cells).rstrip())


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@app.command()
def check(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Output folders (searched for .po files) or .po files. Default: the settings' `out` (output).",
        show_default=False)] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(
        help=setting_help("fail_on", "Exit 1 when a finding of this severity (or worse) is found."),
        show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable report instead.")] = False,
    glossary: GlossaryOption = None,
    en_names: NamesOption = None,
    config: ConfigOption = None,
) -> None:
    """Run the QA checks on .po files, write the findings into their entries and print a summary."""
    import json

    from .catalog.reviewed import catalog_paths
    from .qa.catalogs import check_files, fails, report_data
    from .qa.registry import CHECKS
    from .qa.spelling import available as spelling_available

    resolved = _resolve("check", {"glossary": tuple(glossary) if glossary else None, "names": _value(en_names),
                                  "fail_on": _value(fail_on)}, config)
    options = resolved.options
    with _reported_errors():
        paths = catalog_paths(list(inputs or [options.folder]))
    loaded = _loaded_glossary(resolved, options.glossary, err=as_json)
    with _reported_errors():
        reports = check_files(paths, loaded, options.name_style)
    errors = sum(report.count(Severity.ERROR) for report in reports)
    warnings = sum(report.count(Severity.WARNING) for report in reports)
    if as_json:
        typer.echo(json.dumps(report_data(reports), ensure_ascii=False, indent=2))
    else:
        for report in reports:
            for finding in report.findings:
                issue = finding.issue
                typer.echo(f"{report.path}:{finding.line}: {issue.severity.value}: {issue.message} [{issue.code}]")
        _print_table(["file", "language", "checked", "errors", "warnings"],
                     [[str(r.path), r.locale or "?", r.checked, r.count(Severity.ERROR), r.count(Severity.WARNING)]
                      for r in reports])
        found = [finding.issue.code for report in reports for finding in report.findings]
        if found:
            typer.echo("")
            _print_table(["check", "severity", "found"], [[code, CHECKS[code].severity.value, found.count(code)]
                                                           for code in CHECKS if code in found])
        rewritten = sum(1 for report in reports if report.rewritten)
        typer.echo(f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {_count(len(reports), 'file')}; "
                   f"findings written into {rewritten} of them")
    if not spelling_available():
        typer.echo("note: no English hunspell dictionary found; the spelling check was skipped "
                   "(apt-get install hunspell-en-us libenchant-2-2)", err=True)
    if fails(reports, options.fail_on):
        raise typer.Exit(1)


@app.command()
def segment(
    input: Annotated[Path, typer.Argument(help="Article file.", show_default=False)],
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat["tsv"],
    from_format: FromOption = None,
) -> None:
    """Print the segments of an article: id, location, part and text."""
    from .reading.ingest import read_article
    from .reading.segment import segment_document
    from .plumbing.table import render_rows

    with _reported_errors():
        segments = segment_document(read_article(input, from_format.value if from_format else None))
    rows = [[s.id, s.location, s.part.value, s.line, s.source] for s in segments]
    sys.stdout.write(render_rows(["id", "location", "part", "line", "text"], rows, format.value))


@app.command()
def align(
    source: Annotated[Path, typer.Argument(help="Chinese article, or a folder of them.", show_default=False)],
    target: Annotated[Path, typer.Argument(help="Its English translation, or a folder of them.", show_default=False)],
    format: Annotated[AlignFormat, typer.Option("--format", "-f", help="Output format.")] = AlignFormat["po"],
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Output file (default: standard output); for folders, the output folder "
        "(default: aligned).", show_default=False)] = None,
    presplit: Annotated[bool, typer.Option("--presplit", help="Inputs hold one sentence per line.")] = False,
    glossary: GlossaryOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    max_bytes: MaxBytesOption = None,
    max_blocks: MaxBlocksOption = None,
    follow_links: FollowLinksOption = None,
    config: ConfigOption = None,
) -> None:
    """Align a Chinese text with its English translation, sentence by sentence (or two folders, by file name)."""
    from .align import archive
    from .glossary import load_many
    from .reading.ingest import Limits

    options = _resolve("align", {"glossary": tuple(glossary) if glossary else None, "max_bytes": max_bytes,
                                 "max_blocks": max_blocks, "follow_links": follow_links}, config).options
    limits = Limits(options.max_bytes, options.max_blocks)
    with _reported_errors():
        entries = list(load_many(options.files).entries.values())
        if source.is_dir() or target.is_dir():
            with _progress(quiet) as on_step:
                report = archive.align_folders(source, target, out or Path("aligned"), format.value, presplit,
                                               entries, limits, on_step, options.follow_links)
            for line in report.lines():
                typer.echo(line, err=True)
            if report.failed:
                raise _fail(f"{len(report.failed)} of {len(report.pairs)} pairs failed", 2)
            return
        text, summary = archive.align_pair(source, target, format.value, presplit, entries, limits)
        if out is None:
            sys.stdout.write(text)
        else:
            from .plumbing.files import write_atomic

            write_atomic(out, text)
    typer.echo(summary, err=True)


@glossary_app.command("check")
def glossary_check(
    files: Annotated[Optional[list[Path]], typer.Argument(
        help=setting_help("glossary"), metavar="[FILE]...", show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Validate a glossary: columns, empty terms, duplicates, one rendering per source term."""
    from .glossary import check_file

    resolved = _resolve("glossary check", {"glossary": tuple(files) if files else None}, config)
    if not resolved.options.files:
        raise _fail("no glossary to check: the settings name none and there is no glossary.csv here; "
                    "give FILE", 2)
    failed = 0
    for file in resolved.options.files:
        with _reported_errors():
            entries, problems = check_file(file)
        for problem in problems:
            typer.echo(f"{file}:{problem.line}: {problem.message}", err=True)
        if problems:
            typer.echo(f"error: {file}: {len(problems)} problem(s)", err=True)
            failed += 1
        else:
            typer.echo(f"{file}: {len(entries)} entries, no problems")
    if failed:
        raise typer.Exit(2)


SUGGEST_FORMATS = ("csv", "table")
SuggestFormat = _choices("SuggestFormat", SUGGEST_FORMATS)


@glossary_app.command("suggest")
def glossary_suggest(
    inputs: Annotated[list[Path], typer.Argument(
        help=f"Article files or folders of them: {INPUT_TITLES}.", show_default=False)],
    glossary: GlossaryOption = None,
    format: Annotated[SuggestFormat, typer.Option(
        "--format", "-f", help="csv: rows ready for glossary.csv; table: aligned for reading.")] = SuggestFormat["csv"],
    follow_links: FollowLinksOption = None,
    max_bytes: MaxBytesOption = None,
    max_blocks: MaxBlocksOption = None,
    config: ConfigOption = None,
) -> None:
    """Rows, ready to review, for names and terms of the articles that the glossary lacks: one per term, with
    the articles that use it and any conflicting renderings."""
    import csv

    from .glossary import COLUMNS
    from .plumbing.escapes import spreadsheet_cell
    from .mining.suggest import read_articles, suggest_many

    resolved = _resolve("glossary suggest", {
        "glossary": tuple(glossary) if glossary else None, "follow_links": follow_links, "max_bytes": max_bytes,
        "max_blocks": max_blocks}, config)
    known = _loaded_glossary(resolved, resolved.options.files, err=True)
    failed: list[str] = []
    with _reported_errors():
        documents = read_articles(inputs, resolved.options,
                                  lambda where, reason: typer.echo(_left_out(where, reason), err=True),
                                  lambda error: failed.append(f"error: {error}"))
        proposals = suggest_many(documents, known)
    rows = [proposal.row() for proposal in proposals]
    if format.value == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    else:
        _print_suggestion_table(rows, len(documents), sum(proposal.conflicting for proposal in proposals))
    for line in failed:  # an article that could not be read sinks only itself
        typer.echo(line, err=True)
    if failed:
        raise typer.Exit(2)


def _print_suggestion_table(rows: list[list[str]], articles: int, conflicting: int) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .glossary import COLUMNS

    shown = [index for index, name in enumerate(COLUMNS) if name == "zh_Hans" or any(row[index] for row in rows)]
    table = Table(*(COLUMNS[index] for index in shown))
    for row in rows:  # cells as Text: an article's `[/x]` is text, not rich markup
        table.add_row(*(Text(row[index]) for index in shown),
                      style="bold" if "conflicting renderings" in row[-1] else None)
    Console(width=160).print(table)
    typer.echo(f"{len(rows)} suggestions from {articles} article(s); {conflicting} with conflicting renderings")


@app.command()
def init(
    sample: Annotated[bool, typer.Option(
        "--sample", help="Also put the bundled sample article in articles/, to try the desk on.")] = False,
) -> None:
    """Start a desk here: a commented l10n.toml and an empty glossary.csv (never overwrites)."""
    from .config.settings import init as write_starter

    with _reported_errors():
        written = write_starter(Path.cwd(), sample)
    for path in written:
        typer.echo(f"wrote {path.relative_to(Path.cwd())}")


@app.command("config")
def show_config(config: ConfigOption = None) -> None:
    """Print the effective settings and where each came from."""
    from .config.settings import describe, load

    with _reported_errors():
        effective = load(config)
    typer.echo(f"# settings file: {effective.path or 'none (defaults)'}")
    rows = [(name, value or "(none)", origin) for name, value, origin in describe(effective)]
    width, value_width = (max(len(row[column]) for row in rows) for column in (0, 1))
    for name, value, origin in rows:
        typer.echo(f"{name:<{width}} = {value:<{value_width}}  # {origin}")


EngineOption = Annotated[Optional[str], typer.Option(
    "--engine", help="This engine's models only. Default: every engine that has models to install (list), the first "
    "of them (install).", metavar="ENGINE", show_default=False)]


@models_app.command("list")
def models_list(engine: EngineOption = None) -> None:
    """Installed models, one line each: engine, languages, version, name and folder."""
    from .translate.engines import model_stores

    with _reported_errors():
        listed = [(name, store, store.list_packages(warn=lambda warning: typer.echo(one_line(warning), err=True)),
                   store.packages_dir()) for name, store in model_stores(engine)]
    for name, store, models, folder in listed:
        if not models:
            typer.echo(f"no {store.TITLE} installed in {folder}")
        for model in models:
            typer.echo(f"{name}  {model.from_code}→{model.to_code}  {model.version or '-'}  {model.name}  {model.path}")


@models_app.command("install")
def models_install(
    file: Annotated[Optional[Path], typer.Option(
        "--file", "-f", help="Install this model file (offline).", show_default=False)] = None,
    from_code: Annotated[str, typer.Option("--from", help="Source language.")] = "zh",
    to_code: Annotated[str, typer.Option("--to", help="Target language.")] = "en",
    engine: EngineOption = None,
) -> None:
    """Install a model: from the engine's package index (needs internet), or from a file with --file."""
    from .translate.engines import model_stores

    with _reported_errors():
        _, store = model_stores(engine)[0]
        package = store.install_file(file) if file is not None else store.install_from_index(from_code, to_code)
    typer.echo(f"installed {package.from_code}→{package.to_code} {package.version} ({package.name}) in {package.path}")


def main() -> None:
    app(prog_name="l10n")
