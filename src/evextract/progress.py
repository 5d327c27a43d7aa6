"""What a run of `extract` shows people on stderr: a progress bar, warnings, a summary.

Rich is imported only when there is a terminal to draw on, so that a piped run
and `evextract --help` do not pay for it.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from .records import Record


class Summary:
    """What a run did, counted as it goes."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.articles = 0
        self.skipped = 0
        self.failures = 0
        self.entities: Counter[str] = Counter()
        self.figures: Counter[str] = Counter()

    def add(self, record: Record) -> None:
        self.articles += 1
        self.entities.update(entity.type for entity in record.entities)
        self.figures.update(figure.kind for figure in record.figures)


def stderr_console(quiet: bool) -> Console | None:
    """A Rich console on stderr, or None when it should stay silent."""
    from rich.console import Console

    console = Console(stderr=True)
    return None if quiet or not console.is_terminal else console


def show_warnings(console: Console | None, record: Record) -> None:
    if console is not None:
        for warning in record.warnings:
            console.print(f"[yellow]warning[/]: {record.source}: {warning}", highlight=False)


class progress:
    """A Rich progress bar on stderr, or nothing; `with progress(...) as advance:`.

    The bar is redrawn as articles finish, not by Rich's refresh thread: a process that
    has ever started a second thread extracts 12% slower (see executors/processes.py)."""

    def __init__(self, console: Console | None, total: int) -> None:
        self.console, self.total = console, total
        self._bar: Any = None
        self._drawn = 0.0

    def __enter__(self) -> Any:
        if self.console is None:
            return lambda: None
        from rich.progress import Progress

        self._bar = Progress(console=self.console, transient=True, auto_refresh=False)
        self._bar.start()
        task = self._bar.add_task("extracting", total=self.total)
        self._bar.refresh()
        return lambda: self._advance(task)

    def _advance(self, task: Any) -> None:
        self._bar.advance(task)
        now = time.monotonic()
        if now - self._drawn >= _REDRAW_SECONDS:
            self._drawn = now
            self._bar.refresh()

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


_REDRAW_SECONDS = 0.1


def print_summary(console: Console | None, summary: Summary) -> None:
    if console is None:
        return
    from rich.table import Table

    table = Table(title="evextract summary", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(summary.articles))
    table.add_row("skipped (record current)", str(summary.skipped))
    for kind, count in sorted(summary.entities.items()):
        table.add_row(f"entities: {kind}", str(count))
    for kind, count in sorted(summary.figures.items()):
        table.add_row(f"figures: {kind}", str(count))
    table.add_row("failures", str(summary.failures))
    table.add_row("time", f"{time.perf_counter() - summary.started:.1f} s")
    console.print(table)
