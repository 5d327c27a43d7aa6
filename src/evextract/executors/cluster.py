"""Batches on a Dask cluster: `--cluster tcp://host:8786`, or `--cluster local[:N]`.

The client (this process) sends batches of article paths; each worker's helper
process (executors/helper.py) reads the bytes itself and runs
`batches.extract_batch`, so texts never cross the network and records come back.
The helper builds the pipeline once, from a PipelineSpec (model and knowledge
base), when the `PipelinePlugin` is registered on its worker, and keeps it for
every later batch; the `nlp` object is never pickled. A worker that cannot build
it fails the run at once.

At most a few batches per worker are in flight, so the client's memory stays flat,
and results are taken in input order. A worker that dies has its batches run
again elsewhere by the scheduler (Dask's `distributed.scheduler.allowed-failures`);
a batch that still fails with KilledWorker is redone an article at a time, so the
article that kills every worker it reaches is reported as failed, alone.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin

from ..batches import Item, Result, Unread, batches, describe
from ..corpus import Article
from ..errors import ArticleError, EvextractError, UsageError, WorkerError
from ..loading import PipelineSpec
from . import Executor, local_workers
from .helper import Helper, InWorker, Preload, preloads_of, results_of, start

if TYPE_CHECKING:
    from distributed import Future

    from ..records import PipelineInfo

PLUGIN = "evextract-pipeline"
# Articles per task: some 0.6 s of work, against a few ms of Dask's own per task.
CLUSTER_BATCH_SIZE = 16
IN_FLIGHT_PER_WORKER = 3
CONNECT_SECONDS = 10
KILLED = "cannot process: its worker process died each time Dask ran it"
_LOST = "; the records written so far are kept, and a rerun with -o skips them"
# Dask starts its workers with glibc's MALLOC_TRIM_THRESHOLD_ at 64 KiB, to hand freed
# memory back to the system. Setting it also pins glibc's mmap threshold at 128 KiB, so
# every large array the model allocates is mapped and unmapped anew: extraction 12%
# slower, five times the system time. Our workers get glibc's adaptive defaults (a
# value the user exported still reaches them). Nor do they run Dask's sampling profiler
# (every thread's stack every 10 ms, for a dashboard no one opens): 2% of the run.
# Non-daemonic, they may start their helper processes (executors/helper.py). Dask's
# housekeeping, sized for long-lived shared clusters, wakes every process many times a
# second (the event-loop health check every 20 ms, host statistics every 0.5 s, memory
# thresholds every 0.1 s): 9% of a CPU when idle, all of it taken from extraction. Ours
# check the loop every second, sample the host every 5 s and memory twice a second.
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.daemon": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "500ms",
}

# A worker with several threads starts one helper among them; it keeps the helpers of
# the last few pipelines it was asked for (runs with another --model, say).
HELPERS_PER_WORKER = 2
_HELPER_LOCK = threading.Lock()
_helpers: dict[PipelineSpec, Helper | InWorker] = {}  # in each worker: its helper per pipeline


class PipelinePlugin(WorkerPlugin):
    """Starts each worker's helper process (executors/helper.py) as the worker joins, so
    that a worker without the model fails registration (the run) at once rather than
    every task later."""

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        # Dask calls this on the worker's main thread, which the helper's end is tied to.
        # Each run registers the plugin again: a helper already built for the spec stays.
        _helper(self.spec, preloads_of(worker))


def _helper(spec: PipelineSpec, preloads: list[Preload] | None = None) -> Helper | InWorker:
    with _HELPER_LOCK:
        if spec not in _helpers:
            if preloads is None:
                from distributed import get_worker

                preloads = preloads_of(get_worker())
            if len(_helpers) >= HELPERS_PER_WORKER:  # the longest unused goes
                _helpers.pop(next(iter(_helpers))).close()
            _helpers[spec] = start(spec, preloads)
        _helpers[spec] = _helpers.pop(spec)  # the most recently used last
        return _helpers[spec]


def _close_helpers() -> None:
    with _HELPER_LOCK:
        while _helpers:
            _helpers.popitem()[1].close()


def _extract(batch: list[Item], spec: PipelineSpec) -> bytes:
    """A task: one batch, run by this worker's helper process; its results pickled."""
    return _helper(spec).extract(batch)


def _worker_info(spec: PipelineSpec) -> str:
    return _helper(spec).info.model_dump_json()


class ClusterExecutor(Executor):
    """A connection to a Dask scheduler (or a LocalCluster started now) whose workers
    have built the pipeline."""

    reads_paths = True

    def __init__(
        self, address: str, spec: PipelineSpec, *, batch_size: int = CLUSTER_BATCH_SIZE
    ) -> None:
        self._spec, self._batch_size = spec, batch_size
        self._cluster: LocalWorkers | None = None
        self._client = self._connect(address)
        try:
            self.info = self._start_pipelines()
        except BaseException:
            self.close()
            raise

    def _connect(self, address: str) -> Client:
        workers = local_workers(address)
        try:
            if workers is None:
                return Client(address, timeout=CONNECT_SECONDS)
            self._cluster = LocalWorkers(workers)
            return Client(self._cluster.cluster)
        except (OSError, TimeoutError) as error:
            self.close()
            raise UsageError(f"--cluster {address}: cannot reach the scheduler: {error}") from None

    def _start_pipelines(self) -> PipelineInfo:
        from ..records import PipelineInfo

        try:
            self._client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except TimeoutError:
            raise UsageError(f"no Dask worker joined within {CONNECT_SECONDS} s") from None
        try:
            self._client.register_plugin(PipelinePlugin(self._spec), name=PLUGIN)
            infos = set(self._client.run(_worker_info, self._spec).values())
        except EvextractError as error:
            raise type(error)(f"on a Dask worker: {error}") from None
        if len(infos) > 1:
            raise UsageError(
                "the Dask workers build different pipelines (install the same evextract and"
                f" model on each): {' / '.join(sorted(infos))}"
            )
        return PipelineInfo.model_validate_json(infos.pop())

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        return self._in_order(items)

    def _in_order(self, items: Iterable[Item]) -> Iterator[Result]:
        workers = max(1, len(self._client.scheduler_info()["workers"]))
        pending: deque[tuple[list[Item], Future[bytes]]] = deque()
        try:
            for batch in batches(items, self._batch_size):
                pending.append((batch, self._submit(batch)))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from self._results(*pending.popleft())
            while pending:
                yield from self._results(*pending.popleft())
        finally:  # Ctrl-C, a closed pipe: the cluster need not finish the rest
            self._client.cancel([future for _, future in pending])

    def _submit(self, batch: list[Item]) -> Future[bytes]:
        key = f"evextract-batch-{uuid.uuid4().hex}"
        return self._client.submit(_extract, batch, self._spec, key=key, pure=False)

    def _results(self, batch: list[Item], future: Future[bytes]) -> list[Result]:
        try:
            return results_of(future.result())
        except KilledWorker:
            return self._one_by_one(batch)
        except EvextractError:
            raise
        except Exception as error:  # the scheduler gone, a task's own failure
            raise WorkerError(f"the Dask cluster failed: {describe(error)}{_LOST}") from None
        finally:
            future.release()

    def _one_by_one(self, batch: Sequence[Item]) -> list[Result]:
        """A batch whose workers kept dying, redone an article at a time: only the
        article that kills its worker fails. An article that died beside it (a worker runs
        several tasks at once) is run once more alone, after the others have finished."""
        if len(batch) == 1:
            return [_killed(batch[0])]
        singles = [(item, self._submit([item])) for item in batch]
        outcomes = [(item, self._single(future)) for item, future in singles]
        return [result if result is not None else self._alone(item) for item, result in outcomes]

    def _single(self, future: Future[bytes]) -> Result | None:
        """The single article's result, or None when its worker died."""
        try:
            return results_of(future.result())[0]
        except KilledWorker:
            return None
        except EvextractError:
            raise
        except Exception as error:
            raise WorkerError(f"the Dask cluster failed: {describe(error)}{_LOST}") from None
        finally:
            future.release()

    def _alone(self, item: Item) -> Result:
        result = self._single(self._submit([item]))
        return result if result is not None else _killed(item)

    def close(self) -> None:
        client, cluster = getattr(self, "_client", None), self._cluster
        if client is not None and cluster is not None:
            # A worker waits at exit for a helper still running, until Dask's close times
            # out (4 s); a remote cluster's helpers stay for the next run.
            with contextlib.suppress(Exception):
                client.run(_close_helpers)
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


class LocalWorkers:
    """`--cluster local:N`: N worker processes on loopback, one thread each, with
    LOCAL_WORKER_CONFIG for as long as the cluster is open: Dask reads it again whenever
    it starts a worker anew (after one was killed)."""

    def __init__(self, workers: int) -> None:
        self._settings = dask.config.set(LOCAL_WORKER_CONFIG)
        try:
            self.cluster = _local_cluster(workers)
        except BaseException:
            self._settings.__exit__(None, None, None)
            raise

    def close(self) -> None:
        try:
            self.cluster.close()
        finally:
            self._settings.__exit__(None, None, None)

    def __enter__(self) -> LocalWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _local_cluster(workers: int) -> LocalCluster:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "port in use, took another": not for users
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # spaCy holds the GIL: a process per CPU
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",  # any free port: another cluster may hold 8787
            silence_logs=logging.CRITICAL,
        )


def _killed(item: Item) -> Result:
    if isinstance(item, Article | Unread):
        return ArticleError(item.source.source, KILLED)
    return item  # an error or a skipped article kills nothing
