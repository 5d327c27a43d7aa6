"""The `evextract` command: a thin Typer layer over the library.

Each command parses options, calls the library, writes output and maps the
library's errors to exit codes: 0 all done, 1 some articles failed, 2 usage.
stdout carries only records; everything for people goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .errors import ArticleError, EvextractError, StreamError, UsageError, WorkerError
from .layout import LAYOUTS, MERGED
from .progress import Summary, print_summary, progress, show_warnings, stderr_console

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from .api import Result
    from .corpus import Source
    from .inputs import Entry, Inputs, Reading
    from .records import Record

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what `cat` or `grep` exit with under `| head`

app = typer.Typer(
    name="evextract",
    help="Turn English EV-industry news articles into validated JSON records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: Rich-formatted help imports Markdown and syntax highlighting, which
    # would double the time `evextract --help` takes.
    rich_markup_mode=None,
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
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Worker processes (1: all in this process).")
]

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Articles (.txt files, folders, -) to extract, or records extract wrote"
        " (.jsonl, .json, an -o folder)."
    ),
]


def _print_version(asked: bool) -> None:
    if asked:
        from . import streams
        from .versions import version_text

        streams.carries("the version")
        sys.stdout.write(version_text())
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the versions of evextract, spaCy and the base model, then exit.",
        ),
    ] = False,
) -> None:
    """Turn English EV-industry news articles into validated JSON records."""


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
    jobs: JobsOption = 1,
    force: Annotated[
        bool, typer.Option("--force", help="With -o, redo articles whose record is current.")
    ] = False,
    layout: Annotated[
        str,
        typer.Option(
            "--layout",
            help="With -o: merged (each PATH's files straight under DIR) or mirror (each PATH"
            " kept as given: in/a.txt -> DIR/in/a.json).",
        ),
    ] = MERGED,
    no_fsync: Annotated[
        bool,
        typer.Option(
            "--no-fsync",
            envvar="EVEXTRACT_NO_FSYNC",
            show_envvar=True,
            help="With -o, do not fsync each record: faster, but a power cut may lose records"
            " reported written.",
        ),
    ] = False,
) -> None:
    """Extract one record per article: JSON Lines on stdout, or files with -o.

    With -o, a rerun skips each article whose record there is current (same
    file contents, same pipeline version); --force redoes them. Two inputs that
    would share a record path are a usage error; --layout mirror keeps several
    PATHs apart.

    Example: evextract extract data/raw | jq -r '.entities[].name'

    Example: evextract extract in/a.txt in2/a.txt -o out --layout mirror  (out/in/a.json,
    out/in2/a.json)
    """
    from . import api, corpus, streams
    from . import output as out_dir

    with _errors_as_exit_codes():
        streams.carries("records")
        if layout not in LAYOUTS:
            raise UsageError(f"--layout must be one of {', '.join(LAYOUTS)}")
        console = stderr_console(quiet)
        found = corpus.discover(paths)
        sources = found.sources
        if output is not None:
            sources = out_dir.prepare(output, sources, layout, durable=not no_fsync)
        for problem in found.problems:
            _error(problem)
        nlp = api.load_pipeline(model, knowledge_base=not no_kb)
        summary = Summary()
        write = _writer(output, durable=not no_fsync)
        results = api.extract_corpus(sources, nlp, output=output, force=force, jobs=jobs)
        with progress(console, len(sources)) as advance:
            for source, result in zip(sources, results, strict=True):
                _handle(result, source, write, summary, console)
                advance()
        print_summary(console, summary)
    if summary.failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


@app.command()
def facts(
    paths: Annotated[
        list[str], typer.Argument(help="Article .txt files, folders (searched recursively), or -.")
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, or csv with a header row.")
    ] = "jsonl",
    model: ModelOption = None,
    quiet: QuietOption = False,
    no_kb: NoKBOption = False,
    jobs: JobsOption = 1,
) -> None:
    """One table of every figure with its subject, metric and period: a row per figure.

    Columns: id (<article id>#<figure id>), subject, metric, period, place, value,
    value_max, unit (the currency for money, % for percentages), qualifier,
    equivalent_of (the row a conversion converts), text and sentence.

    Example: evextract facts data/raw --format csv > facts.csv
    """
    from . import api, corpus, streams
    from .facts import FactWriter, fact_rows

    with _errors_as_exit_codes():
        streams.carries("rows")
        if output_format not in FactWriter.FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FactWriter.FORMATS)}")
        console = stderr_console(quiet)
        found = corpus.discover(paths)
        for problem in found.problems:
            _error(problem)
        nlp = api.load_pipeline(model, knowledge_base=not no_kb)
        writer = FactWriter(sys.stdout, output_format)
        failures = 0
        with progress(console, len(found.sources)) as advance:
            for result in api.extract_corpus(found.sources, nlp, jobs=jobs):
                if isinstance(result, ArticleError):
                    failures += 1
                    _error(str(result))
                elif not isinstance(result, api.Skipped):
                    writer.write(fact_rows(result))
                advance()
    if failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


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
    from .render import render_page, write_site

    with _errors_as_exit_codes():
        streams.carries("the page")
        found = _inputs(paths)
        failures: list[str] = []
        entries = _entries(_reading(found, model, no_kb, jobs), stderr_console(quiet), failures)
        if output is not None and _is_site(output):
            write_site(entries, output)
        else:
            page = render_page(entries)
            if output is None:
                sys.stdout.write(page)
            else:
                _write_file(output, page)
    if failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


def _is_site(output: Path) -> bool:
    return output.is_dir() or output.suffix.lower() not in {".html", ".htm"}


def _write_file(path: Path, text: str) -> None:
    """Write `text` whole or not at all: a temporary file beside `path`, then a rename."""
    import os

    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None


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
        reading = _reading(found, model, no_kb, jobs)
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


def _reading(found: Inputs, model: str | None, no_kb: bool, jobs: int) -> Reading:
    from . import api
    from .inputs import Reading

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


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records.

    Example: evextract schema | jq '.properties | keys'
    """
    from . import streams
    from .datafiles import RECORD_SCHEMA, read_text

    streams.carries("the schema")
    sys.stdout.write(read_text(RECORD_SCHEMA))


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
    from . import streams
    from .report import render_report

    streams.carries("the scores")
    with _errors_as_exit_codes():
        for path in (gold, records):
            if not path.exists():
                raise UsageError(f"{path}: no such file or folder")
        report = scoring.score(scoring.load_gold(gold), scoring.load_records(records))
    if as_json:
        typer.echo(json.dumps(scoring.report_as_dict(report), indent=2))
    else:
        render_report(report, details=details)


def _handle(
    result: Result,
    source: Source,
    write: Callable[[Record, Source], None],
    summary: Summary,
    console: Console | None,
) -> None:
    """Write one article's record, or say why there is none."""
    from .api import Skipped

    if isinstance(result, Skipped):
        summary.skipped += 1
        return
    try:
        if isinstance(result, ArticleError):
            raise result
        write(result, source)
    except ArticleError as error:
        summary.failures += 1
        _error(str(error))
        return
    summary.add(result)
    show_warnings(console, result)


def _error(message: str) -> None:
    typer.echo(f"evextract: {message}", err=True)


@contextmanager
def _errors_as_exit_codes() -> Iterator[None]:
    """The library's errors as one line on stderr (one per problem) and an exit code."""
    try:
        yield
    except StreamError as error:
        raise typer.Exit(_stream_failed(error)) from None
    except WorkerError as error:  # not a usage error: the run stopped part way
        _error(str(error))
        raise typer.Exit(EXIT_FAILURES) from None
    except EvextractError as error:
        for line in str(error).splitlines():
            _error(line)
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:  # Typer would exit with 130 without a word
        _error("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _stream_failed(error: StreamError) -> int:
    """stdout failed: quiet when its reader went away (`| head`), as Unix tools are."""
    if error.broken_pipe:
        return EXIT_BROKEN_PIPE
    _error(str(error))
    return EXIT_FAILURES


def _writer(output: Path | None, *, durable: bool) -> Callable[[Record, Source], None]:
    """Where records go: files under `output`, or JSON Lines on stdout."""
    import orjson

    from . import output as out_dir

    def to_file(record: Record, source: Source) -> None:
        assert output is not None
        out_dir.write_record(record, output, source, durable=durable)

    def to_stdout(record: Record, source: Source) -> None:
        sys.stdout.buffer.write(orjson.dumps(record.model_dump(mode="json")) + b"\n")
        sys.stdout.buffer.flush()

    return to_stdout if output is None else to_file


def main() -> None:
    """Entry point: the app, with no traceback reaching a user."""
    import signal

    from . import streams

    streams.guard()
    # `kill` or a timeout: unwind as for Ctrl-C, so a record being written is cleaned up.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        code = app(standalone_mode=False)
        streams.flush()  # here, where a failure can still be reported, not at exit
    except StreamError as error:  # help text to a full disk, say
        code = _stream_failed(error)
    except KeyboardInterrupt:
        _error("interrupted")
        code = EXIT_INTERRUPTED
    except typer.Abort:
        _error("interrupted")
        code = EXIT_INTERRUPTED
    except typer.TyperException as error:  # a usage error found by Typer
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            _error(error.format_message())
        code = error.exit_code
    except OSError as error:  # the environment failed (a disk, a descriptor), not evextract
        _error(_os_failure(error))
        code = EXIT_FAILURES
    except Exception as error:  # the last line of defence
        _error(f"internal error: {type(error).__name__}: {error}")
        code = EXIT_FAILURES
    code = code if isinstance(code, int) else EXIT_OK
    if code == EXIT_OK and streams.stderr_failure() is not None:
        code = EXIT_FAILURES  # messages were lost: nowhere to say so but the exit code
    sys.exit(code)


def _os_failure(error: OSError) -> str:
    """An OSError in one line: the file, then the cause, as `cp` or `cat` put it."""
    from .errors import shown

    reason = error.strerror or str(error)
    return f"{shown(str(error.filename))}: {reason}" if error.filename else reason


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
