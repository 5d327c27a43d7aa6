"""Fault injection in the style of SQLite's crash tests: runs killed with SIGKILL at random
points, many times over, and after each rerun the output folder holds exactly the
records of a clean run, byte for byte, with no temporary file left.

Each run is the real `evextract extract ... -o DIR` (`cli.main`) in a process of its own,
forked from this one once the pipeline is loaded, so that a run starts in milliseconds
and a few hundred articles take about a second: a blank pipeline, since what is tested
is the writing, not the extraction. The seed fixes the kill points drawn; the count of
rounds and the wall time are bounded.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from evextract import api, cli

SEED = 12
ARTICLES = 300
MIN_ROUNDS, MAX_ROUNDS = 12, 40
BUDGET_SECONDS = 30.0
RUN_TIMEOUT = 120.0
TEMPORARY = re.compile(r"^\..+\.json\.\d+\.[0-9a-f]{8}\.tmp$")
COMPANIES = ("BYD", "CATL", "Tesla", "Nio", "Volkswagen", "Hyundai", "Ford", "Rivian")
PLACES = ("Szeged", "Debrecen", "Hefei", "Shenzhen", "Austin", "Chennai", "Zwickau")
ODD_NAMES = ("sub/..txt", "CON.txt", "a b.txt", "-dash.txt", "sub.txt", "x.tar.txt")


def article(rng: random.Random) -> str:
    company, place = rng.choice(COMPANIES), rng.choice(PLACES)
    return (
        f"{company} expands in {place}\n\n"
        f"{company} delivered {rng.randint(1, 900):,},000 vehicles in {place} last year, "
        f"up {rng.randint(2, 60)}% from a year earlier. It will invest "
        f"${rng.randint(1, 9)}.{rng.randint(1, 9)} billion in a plant there.\n"
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, blank_model: Path) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("kill")
    rng = random.Random(SEED)
    names = [f"part{n % 3}/article {n:03}.txt" for n in range(ARTICLES - len(ODD_NAMES))]
    for name in [*names, *ODD_NAMES]:
        path = root / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(rng), encoding="utf-8")
    api.load_pipeline(str(blank_model), knowledge_base=False)  # loaded once, forked to runs
    yield root


def start(workspace: Path, blank_model: Path, out: str, *options: str) -> int:
    """Start `evextract extract in -o OUT` in a forked process; returns its pid."""
    argv = ["evextract", "extract", "in", "-o", out, "--model", str(blank_model), "--no-kb"]
    pid = os.fork()
    if pid:
        return pid
    code = 99
    try:
        os.chdir(workspace)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        sys.argv = [*argv, "-q", *options]
        cli.main()
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    finally:
        os._exit(code)


def wait(pid: int, timeout: float = RUN_TIMEOUT) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"a run took more than {timeout} s")


def contents(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def check_after_kill(out: Path, clean: dict[str, bytes]) -> tuple[int, int]:
    """Every record there is whole and the clean run's; the rest are temporary files.
    Returns how many records and temporary files there are."""
    records = temporaries = 0
    for path, data in contents(out).items():
        if TEMPORARY.match(Path(path).name):
            temporaries += 1
        else:
            assert data == clean[path], f"{path} differs from the clean run's record"
            records += 1
    return records, temporaries


def test_runs_killed_at_random_points_leave_exactly_the_clean_records_after_a_rerun(
    workspace: Path, blank_model: Path
) -> None:
    began = time.monotonic()
    assert wait(start(workspace, blank_model, "clean")) == 0
    clean_seconds = time.monotonic() - began
    clean = contents(workspace / "clean")
    assert len(clean) == ARTICLES
    out = workspace / "out"
    rng = random.Random(SEED)
    rounds, mid_write, temporary = 0, 0, 0
    started = time.monotonic()
    while rounds < MIN_ROUNDS or (
        rounds < MAX_ROUNDS and time.monotonic() - started < BUDGET_SECONDS
    ):
        options = _prepare_round(rng, out, clean)
        before = inodes(out)
        to_write = ARTICLES if "--force" in options else ARTICLES - len(before)
        pid = start(workspace, blank_model, "out", *options)
        time.sleep(rng.uniform(0, clean_seconds))
        os.kill(pid, signal.SIGKILL)
        wait(pid)
        _, temporaries = check_after_kill(out, clean)
        written = sum(before.get(path) != inode for path, inode in inodes(out).items())
        mid_write += 0 < written < to_write
        temporary += temporaries > 0

        assert wait(start(workspace, blank_model, "out")) == 0  # the rerun
        assert contents(out) == clean, f"round {rounds}: the rerun differs from a clean run"
        rounds += 1
    print(f"{rounds} rounds: {mid_write} killed while writing, {temporary} left temporary files")
    assert mid_write >= rounds // 4, "too few kills landed while records were being written"


def inodes(out: Path) -> dict[str, int]:
    if not out.exists():
        return {}
    return {
        p.relative_to(out).as_posix(): p.stat().st_ino
        for p in out.rglob("*.json")
        if not TEMPORARY.match(p.name)
    }


def _prepare_round(rng: random.Random, out: Path, clean: dict[str, bytes]) -> list[str]:
    """Options for the run to kill, and the folder it starts from: records removed at
    random (the run writes them), or all kept and --force (it replaces them)."""
    if not out.exists() or rng.random() < 0.6:
        keep = rng.random()
        for path in clean:
            if (out / path).exists() and rng.random() > keep:
                (out / path).unlink()
        options: list[str] = []
    else:
        options = ["--force"]
    if rng.random() < 0.15:
        options += ["--jobs", "2"]
    return options
