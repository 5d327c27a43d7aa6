"""One thread per extraction process (threads.py): the BLAS pools numpy would start,
the progress bar's refresh thread and the forked workers' parent watch all stay out."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evextract.threads import BLAS_THREAD_VARIABLES, one_blas_thread

from .conftest import ROOT

# Runs the CLI as the console script does, then says how many threads the process has
# as it exits: OpenBLAS's pool, once started, lives until then. A Python thread just
# joined (the process pool's manager) may still be leaving the kernel's list: a second
# is given up to a second to go, where a pool's threads would stay.
THREADS_AT_EXIT = """
import atexit, sys, time
def count():
    status = open("/proc/self/status").read()
    return next(l for l in status.splitlines() if l.startswith("Threads:"))
def threads():
    for _ in range(50):
        if count().split()[1] == "1":
            break
        time.sleep(0.02)
    sys.stderr.write(count() + "\\n")
atexit.register(threads)
from evextract.cli import main
sys.argv = ["evextract", *sys.argv[1:]]
main()
"""


def test_blas_libraries_get_one_thread_unless_the_user_chose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    one_blas_thread()
    assert {name: os.environ[name] for name in BLAS_THREAD_VARIABLES} == {
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "4",
        "MKL_NUM_THREADS": "1",
    }


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux's /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_extraction_process_ends_with_the_one_thread_it_started_with(
    blank_model: Path, tmp_path: Path, jobs: str
) -> None:
    (tmp_path / "a.txt").write_text("BYD sold 3,000 cars in Hefei.\n", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in BLAS_THREAD_VARIABLES}
    command = [sys.executable, "-c", THREADS_AT_EXIT, "extract", str(tmp_path), "-q"]
    command += ["--model", str(blank_model), "--no-kb", "--jobs", jobs]
    done = subprocess.run(command, capture_output=True, env=environment, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().splitlines()[-1].split() == ["Threads:", "1"]


# A forked worker as `--jobs` starts one: it asks to end with its parent, then waits.
ORPHAN = """
import os, sys, threading, time
from evextract.executors.processes import end_with
parent = os.getpid()
child = os.fork()
if child == 0:
    end_with(parent)
    sys.stdout.write(f"{os.getpid()} {threading.active_count()}\\n")
    sys.stdout.flush()
    time.sleep(60)
    os._exit(0)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_forked_worker_starts_no_thread_and_ends_with_its_parent() -> None:
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN], stdout=subprocess.PIPE, cwd=ROOT)
    assert parent.stdout is not None
    worker, threads = (int(word) for word in parent.stdout.readline().split())
    assert threads == 1
    parent.kill()  # SIGKILL: no chance to tell the worker
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in {"Z", "X"}  # a zombie is dead, waiting for init to reap it
