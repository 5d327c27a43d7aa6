"""The commands over a corpus: `render`, `export` and `stats`, registered on the app.

Each reads its PATHs through `inputs.py` (articles extracted now, or records
`extract` wrote), then calls one library function.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli import (
    EXIT_FAILURES,
    ClusterOption,
    JobsOption,
    ModelOption,
    NoKBOption,
    QuietOption,
    _error,
    _errors_as_exit_codes,
    _executor,
    app,
)
from .errors import ArticleError, UsageError
from .progress import progress, stderr_console

if TYPE_CHECKING:
    from rich.console import Console

    from .inputs import Entry, Inputs, Reading

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Articles (.txt files, folders, -) to extract, or records extract wrote"
        " (.jsonl, .json, an -o folder)."
    ),
]


@app.command()
def render(
    paths: InputsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the page here (a .html file), or one page per article and index.html"
            " into this folder (a folder, or a path not ending in .html). Default: stdout.",
        ),
    ] = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    no_kb: NoKBOption = False,
    jobs: JobsOption = 1,
) -> None:
    """Write a self-contained HTML review page: each article's entities and figures
    highlighted (hover one for what evextract made of it), with tables of its
    entities, figures, roles and partnerships, and an index at the top.

    Example: evextract render data/raw -o review.html

    Example: evextract extract news -o records && evextract render records -o review/
    """
    from . import streams
    from .render import render_page, write_page, write_site

    with _errors_as_exit_codes():
        streams.carries("the page")
        found = _inputs(paths)
        failures: list[str] = []
        entries = _entries(_reading(found, model, no_kb, jobs), stderr_console(quiet), failures)
        if output is not None and _is_site(output):
            write_site(entries, output)
        elif output is not None:
            write_page(entries, output)
        else:
            sys.stdout.write(render_page(entries))
    if failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


def _is_site(output: Path) -> bool:
    return output.is_dir() or output.suffix.lower() not in {".html", ".htm"}


@app.command()
def export(
    paths: InputsArgument,
    sqlite: Annotated[
        Path | None, typer.Option("--sqlite", help="Upsert into this SQLite database.")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Write one Parquet file per table here.")
    ] = None,
    csv_dir: Annotated[
        Path | None, typer.Option("--csv", help="Write one CSV file per table here.")
    ] = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    no_kb: NoKBOption = False,
    jobs: JobsOption = 1,
    cluster: ClusterOption = None,
) -> None:
    """Export tables of articles, entities, mentions, figures, roles and partnerships.

    --sqlite FILE builds a database that Datasette opens as it is, with full-text
    search over the articles' titles and texts; a rerun replaces each article's
    rows and keeps the others. --parquet DIR and --csv DIR write one file per
    table. Records extract wrote are read, not extracted again.

    Example: evextract export data/raw --sqlite corpus.db && datasette corpus.db

    Example: evextract extract news -o records && evextract export records --parquet tables
    """
    from . import export as exporting

    with _errors_as_exit_codes():
        if sqlite is None and parquet is None and csv_dir is None:
            raise UsageError("give --sqlite FILE, --parquet DIR or --csv DIR (or several)")
        found = _inputs(paths)
        sinks = exporting.open_sinks(sqlite, parquet, csv_dir)
        console = stderr_console(quiet)
        failures: list[str] = []
        reading = _reading(found, model, no_kb, jobs, cluster)
        exported = exporting.export(_entries(reading, console, failures), sinks)
        if console is not None:
            console.print(f"exported {exported} articles", highlight=False)
    if failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


@app.command()
def stats(
    paths: InputsArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    model: ModelOption = None,
    quiet: QuietOption = False,
    no_kb: NoKBOption = False,
    jobs: JobsOption = 1,
) -> None:
    """Summarize a corpus: articles, entities by type, the most-mentioned companies,
    people and places, figures by kind and currency, and the articles with warnings.

    Example: evextract stats data/out

    Example: evextract stats data/raw --json | jq '.most_mentioned.company[:3]'
    """
    import json

    from . import streams
    from .stats import corpus_stats, render_stats

    with _errors_as_exit_codes():
        streams.carries("the stats")
        found = _inputs(paths)
        failures: list[str] = []
        entries = _entries(_reading(found, model, no_kb, jobs), stderr_console(quiet), failures)
        summary = corpus_stats(entry.record for entry in entries)
        if as_json:
            sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        else:
            from rich.console import Console

            render_stats(summary, Console(highlight=False))
    if failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


def _inputs(paths: list[str]) -> Inputs:
    """The inputs of render, export and stats, with the problems found named."""
    from .inputs import find_inputs

    found = find_inputs(paths)
    for problem in found.problems:
        _error(problem)
    return found


def _reading(
    found: Inputs, model: str | None, no_kb: bool, jobs: int, cluster: str | None = None
) -> Reading:
    from . import api
    from .inputs import Reading

    if cluster is not None:  # the articles' texts go to the cluster: this process reads them
        return Reading(found, lambda: _executor(model, no_kb, jobs, cluster))
    return Reading(found, lambda: api.load_pipeline(model, knowledge_base=not no_kb), jobs=jobs)


def _entries(reading: Reading, console: Console | None, failures: list[str]) -> Iterator[Entry]:
    """The entries read, with a progress bar; each failed article named and counted."""
    with progress(console, reading.total) as advance:
        for entry in reading:
            if isinstance(entry, ArticleError):
                failures.append(str(entry))
                _error(str(entry))
            else:
                yield entry
            advance()
