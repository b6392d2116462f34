"""Command line: parse options, call the pipeline, render the result. No business logic here."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import L10nError

app = typer.Typer(
    help="Localize Chinese news articles: segments, Traditional Chinese, English drafts, .po review files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


glossary_app = typer.Typer(help="Check the glossary and mine articles for entries it lacks.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")

GlossaryOption = Annotated[Optional[Path], typer.Option(
    "--glossary", "-g", help="Glossary CSV. Default: ./glossary.csv when present.", show_default=False)]


class HantConfig(str, Enum):
    s2t = "s2t"
    s2tw = "s2tw"
    s2twp = "s2twp"
    s2hk = "s2hk"


class TableFormat(str, Enum):
    tsv = "tsv"
    jsonl = "jsonl"


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
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("starting", total=None)

        def on_step(document: str, step: str) -> None:
            progress.update(task, description=f"{document}: {step}")

        yield on_step


@app.command()
def run(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Article files (UTF-8 or GB18030). Default: the bundled sample article.",
        show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    hant: Annotated[HantConfig, typer.Option(help="OpenCC config for the Traditional variant.")] = HantConfig.s2twp,
    glossary: GlossaryOption = None,
    show_removed: Annotated[bool, typer.Option("--show-removed", help="List the lines dropped as page chrome.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Localize articles: write the template, the Traditional and English .po files and the segment table."""
    from .pipeline import RunOptions, run as run_pipeline
    from .report import removal_report

    with _reported_errors(), _progress(quiet) as on_step:
        results = run_pipeline(list(inputs or []), RunOptions(out_dir=out, hant=hant.value, glossary=glossary), on_step)
    for result in results:
        document = result.document
        typer.echo(f"{document.name}: {len(result.segments)} segments in {len(document.paragraphs)} paragraphs, "
                   f"{len(document.removed)} lines removed ({document.source_name}, {document.encoding})")
        if show_removed:
            for line in removal_report(document) or ["  nothing removed"]:
                typer.echo(line)
        for path in result.files:
            typer.echo(f"  wrote {path}")
    if results:
        typer.echo("English: en.po is left for translators; machine drafts from Argos Translate's zh→en model "
                   "are not wired in yet (README: Adding the English machine-translation model).")


@app.command()
def segment(
    input: Annotated[Path, typer.Argument(help="Article file.", show_default=False)],
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.tsv,
) -> None:
    """Print the segments of an article: id, location, part and text."""
    from .ingest import read_article
    from .segment import segment_document
    from .table import render_rows

    with _reported_errors():
        segments = segment_document(read_article(input))
    rows = [[s.id, s.location, s.part.value, s.line, s.source] for s in segments]
    sys.stdout.write(render_rows(["id", "location", "part", "line", "text"], rows, format.value))


@glossary_app.command("check")
def glossary_check(
    file: Annotated[Path, typer.Argument(help="Glossary CSV.")] = Path("glossary.csv"),
) -> None:
    """Validate a glossary: columns, empty terms, duplicates, one rendering per source term."""
    from .glossary import check_file

    with _reported_errors():
        entries, problems = check_file(file)
    for problem in problems:
        typer.echo(f"{file}:{problem.line}: {problem.message}", err=True)
    if problems:
        raise _fail(f"{file}: {len(problems)} problem(s)", 2)
    typer.echo(f"{file}: {len(entries)} entries, no problems")


@glossary_app.command("suggest")
def glossary_suggest(
    input: Annotated[Path, typer.Argument(help="Article file.", show_default=False)],
    glossary: GlossaryOption = None,
) -> None:
    """Print CSV rows, ready to review, for names and terms of the article that the glossary lacks."""
    import csv

    from .glossary import COLUMNS
    from .ingest import read_article
    from .pipeline import load_glossary
    from .suggest import suggest

    with _reported_errors():
        suggestions = suggest(read_article(input), load_glossary(glossary))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(suggestion.row() for suggestion in suggestions)


def main() -> None:
    app(prog_name="l10n")
