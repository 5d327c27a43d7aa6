"""The process a Dask worker runs its batches in.

A Dask worker is threaded by design (its event loop, its task threads), and a process
that has ever started a second thread extracts 12% slower (evextract/threads.py). So a
worker extracts nothing itself: it starts one helper process, spawned rather than
forked so that it begins with a single thread, which imports the worker's preloads
(code the workers were told to load, custom spaCy factories say), builds the pipeline
once and runs every batch the worker hands it. A helper that dies mid-batch ends its
worker too: Dask then sees a worker die and runs the batch again elsewhere, exactly as
if the worker had run the batch itself. A helper ends with its worker (PR_SET_PDEATHSIG).

A daemonic worker (Dask's default `distributed.worker.daemon: true`) may not start a
process: it runs its batches itself (`InWorker`), the slower way. `--cluster local:N`
starts its workers non-daemonic; the README says how for workers started by hand.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import multiprocessing
import os
import pickle
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

from ..batches import Item, Result, extract_batch
from .processes import end_with

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language

    from ..loading import PipelineSpec
    from ..records import PipelineInfo

T = TypeVar("T")
# The exit status of a worker whose helper died: what killed the helper (a segfault, the
# OOM killer) would have killed the worker.
HELPER_DIED = 70
Preload = tuple[str, str | None]  # a module's name, and its file when it was loaded from one

_state: tuple[Language, PipelineInfo] | Exception | None = None  # in the helper


class InWorker:
    """A daemonic worker's own pipeline: the batches run in the worker's task thread."""

    def __init__(self, spec: PipelineSpec) -> None:
        self._nlp, self.info = spec.load(), spec.info()
        gc.freeze()  # the pipeline lives as long as the worker: out of the collector's scans

    def extract(self, batch: list[Item]) -> bytes:
        return _pickled(extract_batch(batch, self._nlp, self.info))

    def close(self) -> None:
        """The pipeline stays in this process's cache (loading.load_pipeline)."""


def start(spec: PipelineSpec, preloads: list[Preload]) -> Helper | InWorker:
    """This worker's helper process, or the worker itself when it may not start one."""
    if multiprocessing.current_process().daemon:
        return InWorker(spec)
    return Helper(spec, preloads)


class Helper:
    """A worker's helper process, with the pipeline of `spec` built (or its error raised)."""

    def __init__(self, spec: PipelineSpec, preloads: list[Preload]) -> None:
        self._pool = ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(spec, preloads, os.getpid()),
        )
        self.info: PipelineInfo = self._call(_info)  # spawned and built now

    def extract(self, batch: list[Item]) -> bytes:
        return self._call(extract_in_helper, batch)

    def _call(self, function: Callable[..., T], *args: Any) -> T:
        try:
            return self._pool.submit(function, *args).result()
        except BrokenProcessPool:
            os._exit(HELPER_DIED)

    def close(self) -> None:
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


def preloads_of(worker: Any) -> list[Preload]:
    """The modules a Dask worker was told to preload (`--preload`, LocalCluster(preload=))."""
    return [
        (preload.module.__name__, getattr(preload.module, "__file__", None))
        for preload in getattr(worker, "preloads", ())
        if getattr(preload, "module", None) is not None
    ]


def _start(spec: PipelineSpec, preloads: list[Preload], parent: int) -> None:
    global _state
    # Ctrl-C and the worker's own shutdown are the worker's to answer.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    end_with(parent)
    try:
        for name, path in preloads:
            _import(name, path)
        _state = spec.load(), spec.info()
    except Exception as error:  # raised, in its own words, by the first call
        _state = error
    # The pipeline lives as long as the helper: kept out of the garbage collector's scans.
    gc.freeze()


def _import(name: str, path: str | None) -> None:
    if name in sys.modules:
        return
    if path is None:
        importlib.import_module(name)
        return
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import the worker's preload {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


def _pipeline() -> tuple[Language, PipelineInfo]:
    if isinstance(_state, Exception):
        raise _state
    assert _state is not None, "not in a helper process"
    return _state


def _info() -> PipelineInfo:
    return _pipeline()[1]


def extract_in_helper(batch: list[Item]) -> bytes:
    nlp, info = _pipeline()
    return _pickled(extract_batch(batch, nlp, info))


def _pickled(results: list[Result]) -> bytes:
    """A batch's results as the client will unpickle them: pickled once, where they are
    made, and passed through the worker as bytes (Dask sends bytes as they are)."""
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def results_of(pickled: bytes) -> list[Result]:
    """The results `_pickled` made, on the client."""
    # Only ever our own workers' bytes, from the connection Dask itself unpickles from.
    loaded: list[Result] = pickle.loads(pickled)
    return loaded
