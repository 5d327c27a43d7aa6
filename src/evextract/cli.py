"""The `evextract` command: a thin Typer layer over the library.

Each command parses options, calls the library, writes output and maps the
library's errors to exit codes: 0 all done, 1 some articles failed, 2 usage.
stdout carries only records; everything for people goes to stderr.
"""

from __future__ import annotations

import logging
import os
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
    from .executors import Executor
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


def cpus_for_jobs(jobs: int) -> int:
    """--jobs as given, or for 0 the CPUs this process may run on (its affinity, which
    a container or `taskset` may narrow below os.cpu_count())."""
    if jobs != 0:
        return jobs
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        callback=cpus_for_jobs,
        help="Worker processes (1: all in this process; 0: one per CPU).",
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Run on a Dask cluster: a scheduler's address (tcp://host:8786), or local[:N] to"
        " start N worker processes here (default: one per CPU). Needs the dask extra.",
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
    cluster: ClusterOption = None,
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

    Example: evextract extract s3://bucket/news/ -o records --cluster tcp://scheduler:8786
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
        summary = Summary()
        write = _writer(output, durable=not no_fsync)
        with _executor(model, no_kb, jobs, cluster) as runner:
            results = api.extract_corpus(sources, runner, output=output, force=force)
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
    cluster: ClusterOption = None,
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
        writer = FactWriter(sys.stdout, output_format)
        failures = 0
        with (
            _executor(model, no_kb, jobs, cluster) as runner,
            progress(console, len(found.sources)) as advance,
        ):
            for result in api.extract_corpus(found.sources, runner):
                if isinstance(result, ArticleError):
                    failures += 1
                    _error(str(result))
                elif not isinstance(result, api.Skipped):
                    writer.write(fact_rows(result))
                advance()
    if failures or found.problems:
        raise typer.Exit(EXIT_FAILURES)


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


def _executor(model: str | None, no_kb: bool, jobs: int, cluster: str | None) -> Executor:
    """Where the articles are extracted, as the options say."""
    from . import api

    if cluster is not None:
        if jobs > 1:
            raise UsageError("--jobs and --cluster do not go together: use --cluster local:N")
        # The cluster's own log lines (a worker restarted, a task retried) are not for this
        # terminal: every article that fails is named here, in one line.
        _silence_distributed()
    return api.executor(model, knowledge_base=not no_kb, jobs=jobs, cluster=cluster)


def _silence_distributed() -> None:
    """Dask's logging config gives some of its loggers their own level when distributed is
    imported ('distributed.client' warns of a rescheduled key), so each is set after it."""
    import distributed  # noqa: F401  (its import configures its loggers)

    for name in [*logging.root.manager.loggerDict, "distributed"]:
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)


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
    from .threads import one_blas_thread

    one_blas_thread()  # before anything imports numpy
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


# The commands over a corpus (render, export, stats) live beside this module; importing
# them registers them on `app`. Last, for they use the options and helpers above.
from . import cli_corpus  # noqa: E402, F401
