"""Batches in forked worker processes, for `--jobs N`.

Each worker turns whole batches of articles into records (spaCy, then
`convert`), so only texts go out and records come back: the parent process
reads files and writes records, nothing more. Workers are forked from the
parent after it has loaded the pipeline, so each has the pipeline without
loading it again and shares its memory pages. At most two batches per worker
are in flight, so memory stays flat however long the corpus, and results
come back in input order.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from ..batches import BATCH_SIZE, Item, Result, batches, extract_batch
from ..errors import WorkerError
from . import Executor

if TYPE_CHECKING:
    from spacy.language import Language

    from ..records import PipelineInfo

# Batches a worker gets: small enough that the last ones share out evenly.
WORKER_BATCH_SIZE = 16
_IN_FLIGHT_PER_WORKER = 2
_PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # prctl(2)

_pipeline: tuple[Language, PipelineInfo] | None = None  # set in each worker


def can_fork() -> bool:
    """Whether workers can inherit the loaded pipeline (Linux; not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


class ProcessExecutor(Executor):
    """`jobs` processes forked from this one once it has loaded the pipeline."""

    def __init__(self, nlp: Language, *, jobs: int, batch_size: int = BATCH_SIZE) -> None:
        from ..pipeline import pipeline_info

        self._nlp, self._jobs = nlp, jobs
        self._batch_size = min(batch_size, WORKER_BATCH_SIZE)
        self.info = pipeline_info(nlp)

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        return extract_in_processes(
            items, self._nlp, self.info, jobs=self._jobs, batch_size=self._batch_size
        )


def extract_in_processes(
    items: Iterable[Item],
    nlp: Language,
    info: PipelineInfo,
    *,
    jobs: int,
    batch_size: int = WORKER_BATCH_SIZE,
) -> Iterator[Result]:
    """Results in input order from `jobs` worker processes, which are started now."""
    executor = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(nlp, info, os.getpid()),  # inherited through fork, never pickled
    )
    # The first submission forks every worker: do it before the caller starts any
    # thread (a progress bar), since forking a threaded process can deadlock the child.
    # Frozen, the pipeline's objects are never visited by the workers' garbage
    # collector, so their memory pages stay shared with this process.
    gc.freeze()
    try:
        executor.submit(_ready).result()
    finally:
        gc.unfreeze()
    return _in_order(executor, items, jobs, min(batch_size, WORKER_BATCH_SIZE))


def _in_order(
    executor: ProcessPoolExecutor, items: Iterable[Item], jobs: int, batch_size: int
) -> Iterator[Result]:
    pending: deque[Future[list[Result]]] = deque()
    try:
        for batch in batches(items, batch_size):
            pending.append(executor.submit(_extract_batch, batch))
            if len(pending) >= jobs * _IN_FLIGHT_PER_WORKER:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
    except BaseException:  # Ctrl-C, a closed pipe, a dead worker: stop at once
        _terminate(executor)
        raise
    executor.shutdown(wait=True)


def _results(future: Future[list[Result]]) -> list[Result]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (killed, or out of memory?); the records written so far"
            " are kept, and a rerun with -o skips them"
        ) from None


def _terminate(executor: ProcessPoolExecutor) -> None:
    # End the workers now rather than after their batch. The executor has no public
    # way to do so before Python 3.14's terminate_workers(); shutdown forgets them.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _start_worker(nlp: Language, info: PipelineInfo, parent: int) -> None:
    global _pipeline
    _pipeline = nlp, info
    # Ctrl-C reaches the whole process group; the parent alone answers it, in one line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    end_with(parent)


def end_with(parent: int) -> None:
    """End this worker once its parent is gone (killed with SIGKILL, say): nothing would
    ever tell it, since it holds the task queue's write end itself.

    On Linux the kernel sends the worker SIGTERM then (PR_SET_PDEATHSIG), with no thread
    in the worker: a process that has ever started a second thread pays for every GIL
    hand-over inside spaCy's parser and entity recognizer (the locks lose glibc's
    single-thread fast path), 12% of an extraction. Elsewhere, a thread watches."""
    if _signal_on_parent_death(signal.SIGTERM):
        if os.getppid() != parent:  # gone before the signal was asked for
            os._exit(1)
        return
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _signal_on_parent_death(signum: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def _ready() -> None:
    """A first, empty task: submitting it starts the workers."""


def _extract_batch(batch: list[Item]) -> list[Result]:
    assert _pipeline is not None, "not in a worker process"
    nlp, info = _pipeline
    return extract_batch(batch, nlp, info)
