"""What fsync costs: `evextract extract -o` with and without `--no-fsync`, on one corpus.

Each record is fsynced before its rename and its folder after (two fsyncs an
article); `--no-fsync` leaves them out. Measured two ways, into fresh folders:

- writing only: the corpus's records (made once, by a blank pipeline) written by
  `evextract.output.write_record` in this process, with and without fsync, the
  median of three rounds: the cost of fsync itself, free of start-up noise;
- the real pipeline (not in --quick): `evextract extract -o` with and without
  `--no-fsync`, as processes timed from start to exit: what fsync costs a run.

The file system the corpus is written on is named, since fsync costs nothing
on tmpfs and most on a spinning disk.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from .corpus import write_corpus
from .measure import timed

RUNS = ("fsync", "--no-fsync")
ROUNDS = 3


def measure(size: int, evextract: str, *, real_pipeline: bool) -> dict[str, Any]:
    """Seconds of each run, per pipeline, and the file system written on."""
    with tempfile.TemporaryDirectory(prefix="evextract-bench-fsync-") as temporary:
        folder = Path(temporary)
        corpus = write_corpus(folder / "corpus", size)
        results: dict[str, Any] = {"articles": corpus.articles, "filesystem": filesystem(folder)}
        results["writing only"] = _writing(corpus.folder, folder / "writing")
        if real_pipeline:
            seconds = {}
            for run in RUNS:
                command = [evextract, "extract", str(corpus.folder), "-q", "-o"]
                command += [str(folder / f"out {run}")] + ([run] if run == "--no-fsync" else [])
                seconds[run] = timed(command).seconds
            results["evextract extract -o"] = seconds
    return results


def _writing(corpus: Path, out: Path) -> dict[str, float]:
    """Median seconds to write every record of the corpus, with fsync and without."""
    from evextract.api import extract_corpus, load_pipeline
    from evextract.corpus import discover
    from evextract.output import prepare, write_record
    from evextract.records import Record

    nlp = load_pipeline(_blank_pipeline(out.parent), knowledge_base=False)
    sources = discover([str(corpus)]).sources
    records = [r for r in extract_corpus(sources, nlp) if isinstance(r, Record)]
    times: dict[str, list[float]] = {run: [] for run in RUNS}
    for n in range(ROUNDS):
        for run in RUNS:
            folder = out / f"{run} {n}"
            planned = prepare(folder, sources)
            started = time.perf_counter()
            for record, source in zip(records, planned, strict=True):
                write_record(record, folder, source, durable=run == "fsync")
            times[run].append(time.perf_counter() - started)
    return {run: statistics.median(seconds) for run, seconds in times.items()}


def ratios(results: dict[str, Any]) -> dict[str, dict[str, float]]:
    """fsync's cost as a ratio of times, per pipeline."""
    label = f"{results['articles']:,} articles, {results['filesystem']}"
    return {
        f"fsync / no fsync time, {name}": {label: runs["fsync"] / runs["--no-fsync"]}
        for name, runs in results.items()
        if isinstance(runs, dict)
    }


def _blank_pipeline(folder: Path) -> str:
    import spacy

    path = folder / "blank"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


def filesystem(path: Path) -> str:
    """The type of the file system `path` is on (Linux's /proc/mounts), or "unknown"."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "unknown"
    best, kind = "", "unknown"
    resolved = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) > 2 and _under(resolved, fields[1]) and len(fields[1]) > len(best):
            best, kind = fields[1], fields[2]
    return kind


def _under(path: str, mount: str) -> bool:
    return path == mount or path.startswith(mount.rstrip("/") + "/")
