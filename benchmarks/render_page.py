"""How long a browser takes to open the review page of a large corpus.

    flock /tmp/bench.lock .venv/bin/python -m benchmarks.render_page --articles 1000

Writes the benchmark's synthetic corpus, extracts it once (`extract -o`, two jobs),
renders one page from the records (`render`, which extracts nothing), then opens
the page in headless Chromium (Debian's chromium and chromium-driver) a few
times, each with a fresh profile, and reports the page's size and the time from
navigation start to the load event, and to the first paint. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .corpus import write_corpus

EVEXTRACT = [sys.executable, "-m", "evextract"]
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
TIMING = """
const nav = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
return {load: nav.loadEventEnd, dom: nav.domContentLoadedEventEnd,
        paint: paint ? paint.startTime : null,
        marks: document.querySelectorAll('mark.ev').length};
"""


def measure(articles: int, opens: int = 3) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="evextract-render-") as folder:
        root = Path(folder)
        write_corpus(root / "corpus", articles)
        started = time.perf_counter()
        subprocess.run(
            [*EVEXTRACT, "extract", str(root / "corpus"), "-o", str(root / "records"), "-q",
             "-j", "2", "--no-fsync"],
            check=True,
        )  # fmt: skip
        extracted = time.perf_counter() - started
        page = root / "review.html"
        started = time.perf_counter()
        subprocess.run([*EVEXTRACT, "render", str(root / "records"), "-o", str(page)], check=True)
        rendered = time.perf_counter() - started
        timings = [_open(page) for _ in range(opens)]
    return {
        "articles": articles,
        "page_mb": round(page_size(timings), 1),
        "extract_seconds": round(extracted, 1),
        "render_seconds": round(rendered, 2),
        "opens": timings,
        "load_seconds_median": sorted(t["load_seconds"] for t in timings)[len(timings) // 2],
    }


def page_size(timings: list[dict[str, Any]]) -> float:
    return float(timings[0]["bytes"]) / 1e6


def _open(page: Path) -> dict[str, Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="evextract-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(120)
        started = time.perf_counter()
        driver.get(page.as_uri())  # returns once the load event has fired
        wall = time.perf_counter() - started
        timing = driver.execute_script(TIMING)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return {
        "bytes": page.stat().st_size,
        "load_seconds": round(timing["load"] / 1000, 2),
        "dom_content_loaded_seconds": round(timing["dom"] / 1000, 2),
        "first_paint_seconds": _seconds(timing["paint"]),
        "get_wall_seconds": round(wall, 2),
        "highlights": timing["marks"],
    }


def _seconds(milliseconds: float | None) -> float | None:
    return None if milliseconds is None else round(milliseconds / 1000, 2)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--opens", type=int, default=3)
    options = parser.parse_args(argv)
    print(json.dumps(measure(options.articles, options.opens), indent=2))


if __name__ == "__main__":
    main()
