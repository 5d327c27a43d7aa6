"""`--cluster local:2` against `--jobs 2` on one corpus, and Dask's cost per batch.

- throughput: `evextract extract DIR -o OUT -q --jobs 2` and `--cluster local:2`, each
  into a fresh folder, as processes timed from start to exit (so the cluster's start-up,
  its workers' pipeline loading and its scheduler are all counted), in alternating
  rounds: the ratio is of the medians;
- per batch: a LocalCluster of 2 workers (a blank pipeline) sent batches that need no
  extraction (articles already skipped): what a batch costs in Dask's round trip alone,
  the wall time over the batches, with the executor's own bound on batches in flight.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path, PurePosixPath
from typing import Any

from .corpus import write_corpus
from .measure import timed

JOBS, CLUSTER = "--jobs 2", "--cluster local:2"
EMPTY_BATCHES = 300
ROUNDS = 3


def measure(size: int, evextract: str, rounds: int = ROUNDS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="evextract-bench-cluster-") as temporary:
        folder = Path(temporary)
        corpus = write_corpus(folder / "corpus", size)
        extract = [evextract, "extract", str(corpus.folder), "-q", "-o"]
        options = {JOBS: ["--jobs", "2"], CLUSTER: ["--cluster", "local:2"]}
        times: dict[str, list[float]] = {run: [] for run in options}
        for n in range(rounds):
            # Each first in turn: neither always meets a page cache the other warmed.
            for run in sorted(options, reverse=n % 2 == 1):
                out = folder / f"out {n} {run}"
                times[run].append(timed([*extract, str(out), *options[run]]).seconds)
        per_batch = _per_batch(folder)
    return {
        "articles": corpus.articles,
        "seconds": {run: statistics.median(seconds) for run, seconds in times.items()},
        "rounds": times,
        "per_batch_ms": per_batch * 1000,
    }


def _per_batch(folder: Path) -> float:
    import spacy

    from evextract.batches import Skipped
    from evextract.corpus import Source
    from evextract.executors.cluster import CLUSTER_BATCH_SIZE, ClusterExecutor
    from evextract.loading import PipelineSpec

    blank = folder / "blank"
    nlp = spacy.blank("en")
    nlp.to_disk(blank)
    spec = PipelineSpec(str(blank), knowledge_base=False)
    items = [
        Skipped(Source(f"s{n}", None, PurePosixPath(f"s{n}"))) for n in range(CLUSTER_BATCH_SIZE)
    ]
    with ClusterExecutor("local:2", spec) as executor:
        list(executor.run(items * 10))  # warm: the workers' first tasks
        started = time.perf_counter()
        results = sum(1 for _ in executor.run(items * EMPTY_BATCHES))
        elapsed = time.perf_counter() - started
    assert results == len(items) * EMPTY_BATCHES
    return elapsed / EMPTY_BATCHES


def ratios(results: dict[str, Any]) -> dict[str, dict[str, float]]:
    seconds, label = results["seconds"], f"{results['articles']:,} articles"
    return {f"{CLUSTER} / {JOBS} throughput": {label: seconds[JOBS] / seconds[CLUSTER]}}
