"""evextract's extraction processes run one thread each.

spaCy 3.8's parser and entity recognizer hand the GIL back and forth at every
transition (Cython's exception checks inside their `nogil` loops). In a process that
has never started a second thread, glibc takes those locks by its single-thread fast
path; once any thread has started, for good, they cost more: 12-16% of an extraction
(`benchmarks/run.py`, and plain `nlp.pipe` alike). Parallel work is done by processes
(`--jobs`, `--cluster`), so nothing in an extraction process needs a second thread:
the progress bar is redrawn by the loop that writes records, forked workers have
the kernel watch their parent, and the BLAS libraries numpy loads are told, before
they load, to start no thread pool.
"""

from __future__ import annotations

import os

# read by OpenBLAS, MKL and OpenMP when numpy loads them, never after
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Have the BLAS libraries start no thread pool, unless the user set their own count.
    Call before numpy is imported (the CLI does, first thing)."""
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
