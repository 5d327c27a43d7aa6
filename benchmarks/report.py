"""The benchmark's results as Rich tables on stdout."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from .run import TARGETS


def render(results: dict[str, Any], console: Console | None = None) -> None:
    # Piped to a file, Rich would wrap the tables at 80 columns.
    console = console or (Console() if sys.stdout.isatty() else Console(width=120))
    machine = results["machine"]
    console.print(
        f"{results.get('date', '')}: {machine['cpus']} CPUs, Python {machine['python']},"
        f" {machine['model']}, {machine['platform']}",
        highlight=False,
    )
    if results["sizes"]:
        console.print(_throughput(results["sizes"]))
    if "startup" in results:
        console.print(_startup(results["startup"]))
    if "fsync" in results:
        console.print(_fsync(results["fsync"]))
    if "cluster" in results:
        console.print(_cluster(results["cluster"]))
    console.print(_ratios(results["ratios"]))
    quality = results.get("quality", False)
    if quality:
        console.print(_quality(quality))
    elif quality is None:
        console.print("figures quality: skipped, no ../shared/eval/dev beside the clone")


def _throughput(sizes: list[dict[str, Any]]) -> Table:
    table = Table(
        title="Throughput and memory (each run a separate process, start to exit;"
        " median of the rounds, spread = slowest / fastest, largest peak RSS)"
    )
    columns = ("corpus", "run", "rounds", "seconds", "spread", "articles/s", "words/s")
    for column in (*columns, "× spaCy", "peak RSS"):
        table.add_column(column, justify="left" if column in {"corpus", "run"} else "right")
    for size in sizes:
        corpus = f"{size['articles']:,} articles, {size['words']:,} words"
        baseline = size["runs"]["spaCy nlp.pipe"]["articles_per_s"]
        for name, run in size["runs"].items():
            table.add_row(
                corpus,
                name,
                str(len(run.get("all_seconds", [run["seconds"]]))),
                f"{run['seconds']:.1f}",
                f"{run.get('spread', 1.0):.2f}",
                f"{run['articles_per_s']:.1f}",
                f"{run['words_per_s']:,.0f}",
                f"{run['articles_per_s'] / baseline:.2f}",
                f"{run['peak_rss_mb']:.0f} MB",
            )
            corpus = ""
    return table


def _startup(startup: dict[str, float]) -> Table:
    table = Table(title="Start-up (median wall time)")
    table.add_column("command")
    table.add_column("seconds", justify="right")
    table.add_column("× import spacy", justify="right")
    for command, seconds in startup.items():
        ratio = seconds / startup["import spacy"]
        table.add_row(command, f"{seconds:.3f}", f"{ratio:.2f}")
    return table


def _fsync(fsync: dict[str, Any]) -> Table:
    articles = fsync["articles"]
    title = f"fsync: extract -o of {articles:,} articles, on {fsync['filesystem']}"
    table = Table(title=title)
    for column in ("pipeline", "run", "seconds", "articles/s", "fsync's cost per article"):
        table.add_column(column, justify="left" if column in {"pipeline", "run"} else "right")
    for name, runs in fsync.items():
        if not isinstance(runs, dict):
            continue
        cost = (runs["fsync"] - runs["--no-fsync"]) / articles * 1000
        for run, seconds in runs.items():
            extra = f"{cost:.2f} ms" if run == "fsync" else ""
            table.add_row(name, run, f"{seconds:.2f}", f"{articles / seconds:,.0f}", extra)
            name = ""
    return table


def _cluster(cluster: dict[str, Any]) -> Table:
    articles, rounds = cluster["articles"], cluster.get("rounds", {})
    table = Table(
        title=f"Dask: extract -o of {articles:,} articles (start to exit; median of the"
        " rounds, spread = slowest / fastest)"
    )
    for column in ("run", "rounds", "seconds", "spread", "articles/s"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for run, seconds in cluster["seconds"].items():
        times = rounds.get(run, [seconds])
        spread = f"{max(times) / min(times):.2f}"
        table.add_row(run, str(len(times)), f"{seconds:.1f}", spread, f"{articles / seconds:.1f}")
    table.add_row(
        "Dask round trip per batch (no extraction)", "", f"{cluster['per_batch_ms']:.1f} ms", "", ""
    )
    return table


def _ratios(ratios: dict[str, dict[str, float]]) -> Table:
    table = Table(title="Targets")
    for column in ("ratio", "where", "measured", "target", "met"):
        table.add_column(column, justify="right" if column in {"measured", "target"} else "left")
    for name, values in ratios.items():
        bound, sense = TARGETS.get(name, (None, ""))
        for where, value in values.items():
            met = "" if bound is None else _met(value, bound, sense)
            target = "" if bound is None else f"{sense} {bound}"
            table.add_row(name, where, f"{value:.2f}", target, met)
    return table


def _met(value: float, bound: float, sense: str) -> str:
    ok = value >= bound if sense == "at least" else value <= bound
    return "yes" if ok else "[red]no[/]"


def _quality(quality: dict[str, dict[str, float | None]]) -> Table:
    table = Table(title="Figures on the dev set (evextract evaluate's scorer)")
    columns = ("precision", "recall", "f1", "unit_accuracy", "qualifier_accuracy")
    table.add_column("extractor")
    for column in columns:
        table.add_column(column.replace("_", " "), justify="right")
    for name, scores in quality.items():
        table.add_row(name, *(_score(scores[column]) for column in columns))
    return table


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
