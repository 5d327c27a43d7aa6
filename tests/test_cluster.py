"""`--cluster`: a Dask LocalCluster of 2 worker processes on loopback, started here.

Records must be byte for byte those of a local run, over a folder and over a
memory:// copy of it; a worker killed mid-run costs no record; an article that ends
every worker it reaches fails alone. The faults come from a test-only spaCy component
(tests/cluster_faults.py) that the test's workers load as a preload: see there.
These tests never skip: dask is in the dev install (`make test`).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pytest
import spacy
import yaml
from distributed import Client, LocalCluster
from typer.testing import CliRunner

import evextract
from evextract.cli import app
from evextract.executors.cluster import LOCAL_WORKER_CONFIG, LocalWorkers

from . import cluster_faults, cluster_memory
from .conftest import ROOT

FAULTS = Path(cluster_faults.__file__)
MEMORY = Path(cluster_memory.__file__)
COMPANIES = ("BYD", "CATL", "Tesla", "Nio", "Volkswagen", "Hyundai", "Ford", "Rivian")
PLACES = ("Szeged", "Debrecen", "Hefei", "Shenzhen", "Austin", "Chennai", "Zwickau")
RUN_TIMEOUT = 120


def article(n: int) -> str:
    company, place = COMPANIES[n % len(COMPANIES)], PLACES[n % len(PLACES)]
    return (
        f"{company} expands in {place}\n\n{company} delivered {n + 1},000 vehicles in {place}"
        f" last year, up {n % 50 + 2}% from a year earlier. It will invest"
        f" ${n % 9 + 1}.5 billion in a plant there.\n"
    )


def write_corpus(folder: Path, count: int) -> dict[str, str]:
    texts = {f"{'sub/' if n % 4 == 0 else ''}a{n:02}.txt": article(n) for n in range(count)}
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return texts


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[str, Client]]:
    # One retry of a task whose worker died (Dask's default is 3): the fatal article
    # then takes 4 worker deaths, not 8. Non-daemonic, as `local:N` starts them: each
    # worker runs its batches in a helper process (the README says so for workers
    # started by hand); tests/test_cluster.py's daemonic test covers the others.
    settings = {"distributed.scheduler.allowed-failures": 1, "distributed.worker.daemon": False}
    with dask.config.set(settings):
        local = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            preload=[str(FAULTS), str(MEMORY)],
        )
        client = Client(local)
        try:
            yield local.scheduler_address, client
        finally:
            client.close()
            local.close()


@pytest.fixture(scope="module")
def faulty_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A blank pipeline that takes 40 ms a Doc and ends its worker on FATAL."""
    path = tmp_path_factory.mktemp("models") / "faulty"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(cluster_faults.FACTORY, config={"delay": 0.04})
    nlp.to_disk(path)
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def evextract_process(*args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "evextract", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_records_are_byte_identical_to_a_local_run(
    cluster: tuple[str, Client], tmp_path: Path
) -> None:
    address, _ = cluster
    write_corpus(tmp_path / "in", 12)
    here = run("extract", str(tmp_path / "in"), "-q", "-o", str(tmp_path / "here"))
    there = run(
        "extract", str(tmp_path / "in"), "-q", "-o", str(tmp_path / "there"), "--cluster", address
    )
    assert (here.exit_code, there.exit_code) == (0, 0)
    assert files(tmp_path / "there") == files(tmp_path / "here")
    assert len(files(tmp_path / "here")) == 12
    streamed = run("extract", str(tmp_path / "in"), "-q", "--cluster", address)
    assert streamed.stdout_bytes == run("extract", str(tmp_path / "in"), "-q").stdout_bytes


def test_a_memory_url_gives_the_records_of_its_local_copy(
    cluster: tuple[str, Client], tmp_path: Path
) -> None:
    address, _ = cluster
    for name, text in cluster_memory.TEXTS.items():
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    there = run("extract", "memory://corpus", "-q", "--cluster", address)
    here = run("extract", str(tmp_path / "corpus"), "-q")
    assert there.exit_code == 0, there.stderr
    # The same bytes, but for each record's `source`: the URL instead of the folder.
    expected = here.stdout_bytes.replace(str(tmp_path / "corpus").encode(), b"memory://corpus")
    assert there.stdout_bytes == expected
    assert there.stdout_bytes.count(b'"source":"memory://corpus/') == 6


def test_a_worker_killed_mid_run_costs_no_record(
    cluster: tuple[str, Client], faulty_model: Path, tmp_path: Path
) -> None:
    address, client = cluster
    write_corpus(tmp_path / "in", 60)
    out = tmp_path / "out"
    args = ["extract", str(tmp_path / "in"), "-o", str(out), "-q", "--no-kb"]
    args += ["--model", str(faulty_model), "--cluster", address]
    process = evextract_process(*args)
    deadline = time.monotonic() + RUN_TIMEOUT
    while len(list(out.rglob("*.json"))) < 4:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    victim = next(iter(client.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)
    _, stderr = process.communicate(timeout=RUN_TIMEOUT)
    assert (process.returncode, stderr) == (0, b"")
    assert len(list(out.rglob("*.json"))) == 60
    assert victim not in client.run(os.getpid).values()  # it was killed mid-run, not after
    written = {p: p.stat().st_ino for p in out.rglob("*.json")}
    rerun = run(*args)
    assert rerun.exit_code == 0
    assert {p: p.stat().st_ino for p in out.rglob("*.json")} == written  # none rewritten


def test_an_article_that_ends_every_worker_fails_alone(
    cluster: tuple[str, Client], faulty_model: Path, tmp_path: Path
) -> None:
    address, _ = cluster
    write_corpus(tmp_path / "in", 20)
    fatal = tmp_path / "in" / "a07.txt"
    fatal.write_text(f"Ford said: {cluster_faults.FATAL}.\n")
    out = tmp_path / "out"
    result = run(
        *("extract", str(tmp_path / "in"), "-o", str(out), "--no-kb", "--cluster", address),
        *("--model", str(faulty_model)),
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"evextract: {fatal}: cannot process: its worker process died each time Dask ran it\n"
    )
    assert sorted(p.name for p in out.rglob("*.json")) == sorted(
        f"a{n:02}.json" for n in range(20) if n != 7
    )


def test_a_worker_that_cannot_load_the_model_fails_the_run_at_once(
    cluster: tuple[str, Client], tmp_path: Path
) -> None:
    address, _ = cluster
    (tmp_path / "a.txt").write_text("Ford cut 1,000 jobs.\n")
    missing = tmp_path / "no-such-model"
    result = run("extract", str(tmp_path), "--cluster", address, "--model", str(missing))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"evextract: on a Dask worker: cannot load spaCy pipeline '{missing}'")


def test_cluster_local_starts_its_own_workers(blank_model: Path, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 5)
    args = ["extract", str(tmp_path / "in"), "-q", "--no-kb", "--model", str(blank_model)]
    there = evextract_process(*args, "--cluster", "local:2")
    stdout, stderr = there.communicate(timeout=RUN_TIMEOUT)
    assert (there.returncode, stderr) == (0, b"")
    assert stdout == run(*args).stdout_bytes


HOUSEKEEPING = (
    "distributed.admin.tick.interval",
    "distributed.admin.system-monitor.interval",
    "distributed.worker.memory.monitor-interval",
)


def _worker_settings(names: tuple[str, ...]) -> dict[str, object]:
    profiling = dask.config.get("distributed.worker.profile.enabled")
    daemon = multiprocessing.current_process().daemon
    intervals = {key: dask.config.get(key) for key in HOUSEKEEPING}
    environment = {n: os.environ.get(n) for n in names}
    return {"profiling": profiling, "daemon": daemon, **intervals, **environment}


def test_local_workers_keep_glibc_adaptive_malloc_and_do_not_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Dask's default of 64 KiB makes extraction 12% slower; the user's own value stands.
    # A Nanny also exports its settings into this process: clear what an earlier one left.
    names = ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    for exported, expected in ((None, None), ("1048576", "1048576")):
        if exported is not None:
            monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", exported)
        with LocalWorkers(1) as local, Client(local.cluster) as client:
            (seen,) = client.run(_worker_settings, names).values()
        expected_settings = {"MALLOC_TRIM_THRESHOLD_": expected, "OMP_NUM_THREADS": "1"}
        intervals = {key: LOCAL_WORKER_CONFIG[key] for key in HOUSEKEEPING}
        assert seen == {"profiling": False, "daemon": False, **intervals, **expected_settings}
    # Dask's own defaults come back once the cluster is closed.
    assert dask.config.get("distributed.admin.tick.interval") == "20ms"


def _flattened(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        flat.update(_flattened(value, f"{name}.") if isinstance(value, dict) else {name: value})
    return flat


def test_the_readme_config_for_hand_started_workers_is_that_of_local_workers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(
        r"evextract\.yaml`\), the scheduler's machine included:\n\n\s*```yaml\n(.*?)```",
        readme,
        re.S,
    )
    assert match, "no Dask config block in the README's cluster section"
    assert _flattened(yaml.safe_load(textwrap.dedent(match.group(1)))) == LOCAL_WORKER_CONFIG


def test_a_daemonic_worker_runs_its_batches_itself(blank_model: Path, tmp_path: Path) -> None:
    # Dask's default for workers started by hand: no helper process, the same records.
    write_corpus(tmp_path / "in", 6)
    args = ["extract", str(tmp_path / "in"), "-q", "--no-kb", "--model", str(blank_model)]
    with (
        dask.config.set({"distributed.worker.daemon": True}),
        LocalCluster(
            n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as local,
        Client(local) as client,
    ):
        there = run(*args, "--cluster", local.scheduler_address)
        children = client.run(lambda: len(multiprocessing.active_children()))
    assert there.exit_code == 0
    assert there.stdout_bytes == run(*args).stdout_bytes
    assert list(children.values()) == [0]


def test_jobs_and_cluster_together_are_a_usage_error(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path), "--jobs", "2", "--cluster", "local:2")
    assert result.exit_code == 2
    assert "--jobs and --cluster do not go together" in result.stderr


def readme_block(title: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"{re.escape(title)}\n\n```python\n(.*?)```", readme, re.S)
    assert match, f"no python block after {title!r} in the README"
    return match.group(1)


def test_the_readme_dask_bag_example_runs(cluster: tuple[str, Client], tmp_path: Path) -> None:
    address, _ = cluster
    write_corpus(tmp_path, 3)
    paths = sorted(str(path) for path in tmp_path.rglob("*.txt"))
    code = readme_block("A Dask bag:")
    code = code.replace('"tcp://scheduler:8786"', repr(address))
    code, substituted = re.subn(r"paths = \[.*\]", f"paths = {paths!r}", code)
    assert substituted == 1
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    namespace["client"].close()
    assert namespace["records"] == evextract.extract_partition(paths, paths=True)
    assert [record.id for record in namespace["records"]] == [Path(p).stem for p in paths]


def test_facts_and_export_run_on_the_cluster_too(
    cluster: tuple[str, Client], tmp_path: Path
) -> None:
    address, _ = cluster
    write_corpus(tmp_path / "in", 4)
    folder = str(tmp_path / "in")
    there = run("facts", folder, "-q", "--format", "csv", "--cluster", address)
    assert there.exit_code == 0
    assert there.stdout_bytes == run("facts", folder, "-q", "--format", "csv").stdout_bytes
    exported = run("export", folder, "-q", "--csv", str(tmp_path / "there"), "--cluster", address)
    assert exported.exit_code == 0
    run("export", folder, "-q", "--csv", str(tmp_path / "here"))
    assert files(tmp_path / "there") == files(tmp_path / "here")
    assert "figures.csv" in files(tmp_path / "here")
