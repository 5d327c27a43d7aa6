"""Test-only: a memory:// corpus in every process that imports this file.

memory:// lives in each process, as a bucket does not: the client lists it, and the
process that reads an article is a worker's helper (evextract/executors/helper.py).
tests/test_cluster.py imports this file, and its LocalCluster's workers import it as
a preload, which their helpers import again: all of them hold the same corpus.
"""

from __future__ import annotations

import fsspec

FOLDER = "/corpus"
COMPANIES = ("Volvo Cars", "Polestar", "Scania", "Northvolt")
TEXTS = {
    f"{'sub/' if n % 3 == 0 else ''}m{n:02}.txt": (
        f"{COMPANIES[n % 4]} reports\n\n{COMPANIES[n % 4]} sold {n + 2},500 electric cars in"
        f" Gothenburg in the quarter, {n + 3}% more than a year earlier.\n"
    )
    for n in range(6)
}

_memory = fsspec.filesystem("memory")
for _name, _text in TEXTS.items():
    _memory.pipe_file(f"{FOLDER}/{_name}", _text.encode())
