"""What `extract` shows on stderr: nothing with -q, a summary on one."""

from __future__ import annotations

import io
import threading

from rich.console import Console

from evextract.progress import Summary, print_summary, progress, stderr_console


def test_nothing_is_shown_with_quiet() -> None:
    assert stderr_console(quiet=True) is None
    with progress(None, 3) as advance:
        advance()
    print_summary(None, Summary())


def test_the_summary_counts_what_the_run_did() -> None:
    screen = io.StringIO()
    console = Console(file=screen, width=60, force_terminal=False)
    summary = Summary()
    summary.skipped, summary.failures = 2, 1
    print_summary(console, summary)
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in _rows(screen)}
    assert (rows["articles"], rows["skipped (record current)"], rows["failures"]) == ("0", "2", "1")


def _rows(screen: io.StringIO) -> list[str]:
    return [line for line in screen.getvalue().splitlines() if line.count("│") == 3]


def test_the_progress_bar_starts_no_thread() -> None:
    # a thread, once started, slows extraction for good (evextract/threads.py)
    console = Console(file=io.StringIO(), force_terminal=True, width=60)
    before = threading.active_count()
    with progress(console, 3) as advance:
        for _ in range(3):
            advance()
        assert threading.active_count() == before
    assert "extracting" in console.file.getvalue()
