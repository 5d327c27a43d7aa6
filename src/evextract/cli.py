"""The `evextract` command: a thin Typer layer over the library.

Each command parses options, calls the library, writes output and maps the
library's errors to exit codes: 0 all done, 1 some articles failed, 2 usage.
stdout carries only records; everything for people goes to stderr.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .errors import ArticleError, EvextractError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from .records import Record

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="evextract",
    help="Turn English EV-industry news articles into validated JSON records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOption = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline name or path (default: en_core_web_sm)."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary on stderr.")
]
NoKBOption = Annotated[
    bool, typer.Option("--no-kb", help="Switch the industry knowledge base off.")
]


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Article .txt files, folders (searched recursively), or -.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write one pretty <stem>.json per article here."),
    ] = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    no_kb: NoKBOption = False,
) -> None:
    """Extract one record per article: JSON Lines on stdout, or files with -o.

    Example: evextract extract data/raw | jq -r '.entities[].name'
    """
    from . import api, corpus

    with _errors_as_exit_codes():
        console = _stderr(quiet)
        found = corpus.discover(paths)
        for problem in found.problems:
            _error(problem)
        if output is not None:
            corpus.check_output_dir(output)
        nlp = api.load_pipeline(model, knowledge_base=not no_kb)
        summary = _Summary()
        sources = {source.source: source for source in found.sources}
        results = api.extract_articles(api.read_sources(found.sources), nlp)
        with _progress(console, len(found.sources)) as advance:
            for result in results:
                if isinstance(result, ArticleError):
                    summary.failures += 1
                    _error(str(result))
                else:
                    summary.add(result)
                    _show_warnings(console, result)
                    _write(result, output, sources[result.source])
                advance()
        _print_summary(console, summary)
    if summary.failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records.

    Example: evextract schema | jq '.properties | keys'
    """
    import json

    from .records import record_schema

    typer.echo(json.dumps(record_schema(), indent=2))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold records, JSON Lines (see GUIDELINES).")],
    records: Annotated[Path, typer.Argument(help="evextract records: a .jsonl file or a folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details", help="List misses and false positives per article.")
    ] = False,
) -> None:
    """Score records against gold annotations: P/R/F1 per entity type, figures, relations.

    Example: evextract evaluate ../shared/seeds/gold.jsonl seeds.jsonl --details
    """
    import json

    from . import evaluate as scoring
    from .report import render_report

    with _errors_as_exit_codes():
        for path in (gold, records):
            if not path.exists():
                raise UsageError(f"{path}: no such file or folder")
        report = scoring.score(scoring.load_gold(gold), scoring.load_records(records))
    if as_json:
        typer.echo(json.dumps(scoring.report_as_dict(report), indent=2))
    else:
        render_report(report, details=details)


class _Summary:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.articles = 0
        self.failures = 0
        self.entities: Counter[str] = Counter()
        self.figures: Counter[str] = Counter()

    def add(self, record: Record) -> None:
        self.articles += 1
        self.entities.update(entity.type for entity in record.entities)
        self.figures.update(figure.kind for figure in record.figures)


def _stderr(quiet: bool) -> Console | None:
    """A Rich console on stderr, or None when it should stay silent."""
    from rich.console import Console

    console = Console(stderr=True)
    return None if quiet or not console.is_terminal else console


def _error(message: str) -> None:
    typer.echo(f"evextract: {message}", err=True)


@contextmanager
def _errors_as_exit_codes() -> Iterator[None]:
    """The library's errors as one line on stderr and exit code 2."""
    try:
        yield
    except EvextractError as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(EXIT_OK) from None


def _quiet_broken_pipe() -> None:
    """The reader went away (`| head`): stop quietly, as Unix tools do."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _write(record: Record, output: Path | None, source: Any) -> None:
    import orjson

    from . import corpus

    data = record.model_dump(mode="json")
    if output is None:
        sys.stdout.buffer.write(orjson.dumps(data) + b"\n")
        sys.stdout.buffer.flush()
        return
    corpus.write_atomically(
        corpus.output_path(output, source), orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
    )


def _show_warnings(console: Console | None, record: Record) -> None:
    if console is not None:
        for warning in record.warnings:
            console.print(f"[yellow]warning[/]: {record.source}: {warning}", highlight=False)


class _progress:
    """A Rich progress bar on stderr, or nothing."""

    def __init__(self, console: Console | None, total: int) -> None:
        self.console, self.total = console, total
        self._bar: Any = None

    def __enter__(self) -> Any:
        if self.console is None:
            return lambda: None
        from rich.progress import Progress

        self._bar = Progress(console=self.console, transient=True)
        self._bar.start()
        task = self._bar.add_task("extracting", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _print_summary(console: Console | None, summary: _Summary) -> None:
    if console is None:
        return
    from rich.table import Table

    table = Table(title="evextract summary", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(summary.articles))
    for kind, count in sorted(summary.entities.items()):
        table.add_row(f"entities: {kind}", str(count))
    for kind, count in sorted(summary.figures.items()):
        table.add_row(f"figures: {kind}", str(count))
    table.add_row("failures", str(summary.failures))
    table.add_row("time", f"{time.perf_counter() - summary.started:.1f} s")
    console.print(table)


def main() -> None:
    """Entry point: the app, with no traceback reaching a user."""
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:
        _error("interrupted")
        code = 130
    except Exception as error:  # the last line of defence
        import click

        if isinstance(error, click.ClickException):
            error.show()
            code = error.exit_code
        elif isinstance(error, click.exceptions.Abort):
            _error("interrupted")
            code = 130
        else:
            _error(f"internal error: {type(error).__name__}: {error}")
            code = EXIT_FAILURES
    sys.exit(code if isinstance(code, int) else EXIT_OK)
