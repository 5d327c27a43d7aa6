"""Timing a command as a child process: wall time, peak memory, and a median of runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass


class BenchmarkError(Exception):
    """A measured command failed: the numbers would mean nothing."""


@dataclass(frozen=True)
class Run:
    """One run of a command."""

    seconds: float  # wall time, from start to exit
    peak_rss_mb: float  # the largest resident set of the process and its children


def timed(command: list[str]) -> Run:
    """Run `command` to its end; its output is thrown away, its errors kept for a failure."""
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        # wait4 gives this child's own resource usage (its children's included), where
        # getrusage(RUSAGE_CHILDREN) would mix in every earlier run.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            stderr.seek(0)
            message = stderr.read().decode(errors="replace").strip().splitlines()[-3:]
            raise BenchmarkError(f"{' '.join(command)} exited {process.returncode}: {message}")
    return Run(seconds, usage.ru_maxrss / 1024)  # Linux counts ru_maxrss in KiB


def median_seconds(command: list[str], repeats: int) -> float:
    """The median wall time of `repeats` runs, after one run to warm the file cache."""
    timed(command)
    return statistics.median(timed(command).seconds for _ in range(repeats))
