"""Where batches run: in this process, in forked worker processes, or on a Dask cluster.

Every executor takes items (`batches.Item`) and gives one result per item, in
input order, each batch run by `batches.extract_batch`; `choose` is the one place
that picks an executor. An executor holds what it started (worker processes, a
cluster connection) until `close`, and is a context manager for that.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING

from ..batches import BATCH_SIZE, Item, Result
from ..errors import UsageError
from ..loading import PipelineSpec

if TYPE_CHECKING:
    from spacy.language import Language

    from ..records import PipelineInfo


class Executor(ABC):
    """Runs batches of items; `info` is the pipeline the records will name."""

    info: PipelineInfo
    # Whether its workers read the articles themselves: it is sent `Unread` paths (a
    # cluster's workers), rather than texts this process read.
    reads_paths: bool = False

    @abstractmethod
    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """One result per item, in input order; workers are started before this returns."""

    def close(self) -> None:  # noqa: B027  (nothing to let go of, in this process)
        """Let go of what the executor started."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


LOCAL_CLUSTER = "local"
_INSTALL_DASK = "--cluster needs dask: pip install 'evextract[dask]'"


def local_workers(cluster: str) -> int | None:
    """The worker processes `--cluster local[:N]` asks for (one per CPU by default), or
    None for a scheduler's address; raises UsageError for anything else.

    >>> local_workers("local:3"), local_workers("tcp://10.0.0.5:8786")
    (3, None)
    """
    if cluster == LOCAL_CLUSTER:
        return os.cpu_count() or 1
    name, colon, count = cluster.partition(":")
    if name == LOCAL_CLUSTER and colon:
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"--cluster {cluster}: N in local:N is a number of workers, 1 or more")
        return int(count)
    if "://" not in cluster:
        raise UsageError(f"--cluster {cluster}: give a scheduler (tcp://host:8786) or local[:N]")
    return None


def choose(
    pipeline: PipelineSpec | Language,
    *,
    jobs: int = 1,
    cluster: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Executor:
    """The executor for these options: a Dask cluster (`tcp://host:port`, `local[:N]`),
    `jobs` forked processes, or this process.

    A cluster's workers build the pipeline from its spec themselves, so a cluster
    needs a PipelineSpec; the local executors use the pipeline given, or load it.
    """
    if cluster is not None:
        local_workers(cluster)  # a bad address is a usage error before dask is imported
        try:
            from .cluster import ClusterExecutor
        except ImportError:
            raise UsageError(_INSTALL_DASK) from None
        if not isinstance(pipeline, PipelineSpec):
            raise TypeError("a cluster builds its pipeline from a PipelineSpec, not an nlp object")
        return ClusterExecutor(cluster, pipeline)
    from .local import InProcess
    from .processes import ProcessExecutor, can_fork

    nlp = pipeline.load() if isinstance(pipeline, PipelineSpec) else pipeline
    if jobs > 1 and can_fork():
        return ProcessExecutor(nlp, jobs=jobs, batch_size=batch_size)
    return InProcess(nlp, batch_size=batch_size)
