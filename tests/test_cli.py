"""The command line, through Typer's CliRunner: stdout holds only records."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from evextract.cli import app

from .conftest import ROOT, SAMPLES, SEEDS, needs_shared

runner = CliRunner()


def run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def records_of(stdout: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture(scope="module")
def schema() -> dict:  # type: ignore[type-arg]
    result = run("schema")
    assert result.exit_code == 0
    return json.loads(result.stdout)


@needs_shared
def test_extract_folder_prints_one_valid_record_per_article(schema: dict) -> None:  # type: ignore[type-arg]
    result = run("extract", str(SEEDS), "-q")
    assert result.exit_code == 0, result.stderr
    records = records_of(result.stdout)
    assert [r["id"] for r in records] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for record in records:
        jsonschema.validate(record, schema)
        assert record["source"] == str(SEEDS / f"{record['id']}.txt")


@needs_shared
def test_spans_are_slices_of_the_article() -> None:
    for record in records_of(run("extract", str(SEEDS), "-q").stdout):
        text = (SEEDS / f"{record['id']}.txt").read_text(encoding="utf-8")
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
        for figure in record["figures"]:
            assert text[figure["start"] : figure["end"]] == figure["text"]


def test_output_folder_mirrors_inputs_and_stdout_stays_empty(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "nested").mkdir(parents=True)
    (source / "a.txt").write_text("BYD sold 300,000 cars in Shenzhen.\n")
    (source / "nested" / "b.txt").write_text("Tesla raised $5 billion.\n")
    result = run("extract", str(source), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")
    )
    assert written == ["a.json", "nested/b.json"]
    record = json.loads((tmp_path / "out" / "nested" / "b.json").read_text())
    assert record["id"] == "b"
    assert [(f["kind"], f["value"], f["currency"]) for f in record["figures"]] == [
        ("money", 5000000000, "USD")
    ]


def test_stdin_is_one_article() -> None:
    result = run("extract", "-", stdin="Nio delivered 20,000 vehicles.\n")
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record["id"] == "stdin" and record["source"] == "-"
    assert [(f["value"], f["unit"]) for f in record["figures"]] == [(20000, "vehicle")]


def test_schema_describes_every_field(schema: dict) -> None:  # type: ignore[type-arg]
    def walk(node: dict) -> None:  # type: ignore[type-arg]
        for name, prop in node.get("properties", {}).items():
            assert prop.get("description"), name

    walk(schema)
    for definition in schema["$defs"].values():
        walk(definition)


def test_missing_path_is_a_usage_error() -> None:
    result = run("extract", "no/such/folder")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "evextract: no/such/folder: no such file or folder"


def test_unknown_option_is_a_usage_error() -> None:
    result = run("extract", "--frobnicate", "x")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_failed_article_is_named_and_the_others_are_written(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("CATL will invest 7.3 billion euros in Hungary.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x7fELF\x00\x01\x02")
    result = run("extract", str(tmp_path), "-q")
    assert result.exit_code == 1
    assert [r["id"] for r in records_of(result.stdout)] == ["good"]
    assert result.stderr.strip().splitlines() == [
        f"evextract: {tmp_path / 'bad.txt'}: looks like a binary file (NUL bytes), not text"
    ]


def test_quiet_and_piped_stderr_are_silent_on_success() -> None:
    result = run("extract", "-", stdin="Ford cut 1,000 jobs.\n")
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize(
    "command", ["extract", "facts", "schema", "evaluate", "render", "export", "stats"]
)
def test_every_command_has_help_with_an_example_and_a_readme_entry(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"evextract {command}\b", readme), f"{command} is missing from the README"


def test_samples_give_one_valid_record_each(tmp_path: Path, schema: dict) -> None:  # type: ignore[type-arg]
    result = run("extract", str(SAMPLES), "-o", str(tmp_path), "-q")
    assert result.exit_code == 0, result.stderr
    samples = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert 4 <= len(samples) <= 6
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == samples
    for path in tmp_path.glob("*.json"):
        jsonschema.validate(json.loads(path.read_text()), schema)


# Corpus scale: bad input, reruns, worker processes, interruptions.

CRLF_TEXT = "Nio results\r\n\r\nNio delivered 20,000 cars in May.\r\nBYD sold 300,000 cars.\r\n"


def make_messy_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "good one.txt").write_text("BYD sold 300,000 cars in Shenzhen.\n")
    (folder / "Zürich 比亚迪.txt").write_text("Tesla raised $5 billion.\n")
    (folder / "empty.txt").write_text("  \n\t\n")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x00\x01\x02")
    (folder / "cp1252.txt").write_bytes("Citroën’s ë-C3 costs €23,300.".encode("cp1252"))
    (folder / "bom.txt").write_bytes("\ufeffCATL will invest 7.3 billion euros.".encode())
    (folder / "crlf.txt").write_bytes(CRLF_TEXT.encode())
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "notes.md").write_text("not an article")


def written(out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {
        p.relative_to(out).as_posix(): json.loads(p.read_text())
        for p in out.rglob("*.json")
        if p.is_file()
    }


def test_a_messy_folder_gives_every_record_it_can_and_names_the_rest(tmp_path: Path) -> None:
    make_messy_folder(tmp_path / "in")
    result = run("extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"evextract: {tmp_path / 'in' / 'binary.txt'}: looks like a binary file (NUL bytes),"
        " not text",
        f"evextract: {tmp_path / 'in' / 'loop.txt'}: cannot read: symlink loop"
        " (too many levels of symbolic links)",
    ]
    records = written(tmp_path / "out")
    assert sorted(records) == [
        "Zürich 比亚迪.json",
        "bom.json",
        "cp1252.json",
        "crlf.json",
        "empty.json",
        "good one.json",
    ]
    assert records["empty.json"]["warnings"] == ["the article is empty"]
    assert records["cp1252.json"]["title"] == "Citroën’s ë-C3 costs €23,300."
    assert records["cp1252.json"]["warnings"][0].startswith("not UTF-8: decoded as ")
    assert records["bom.json"]["figures"][0]["start"] == len("CATL will invest ")  # BOM gone
    crlf = records["crlf.json"]
    assert crlf["title"] == "Nio results"
    assert [f["text"] for f in crlf["figures"]] == ["20,000 cars", "300,000 cars"]
    for item in crlf["figures"] + [m for e in crlf["entities"] for m in e["mentions"]]:
        assert CRLF_TEXT[item["start"] : item["end"]] == item["text"]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stderr taken for a wide terminal, so that warnings and the summary show."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "400")
    monkeypatch.setenv("NO_COLOR", "1")


def test_warnings_name_the_file_on_a_terminal(tmp_path: Path, terminal: None) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "cp1252.txt").write_bytes("Citroën’s ë-C3 costs €23,300.".encode("cp1252"))
    result = run("extract", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"warning: {tmp_path / 'empty.txt'}: the article is empty\n" in result.stderr
    assert f"warning: {tmp_path / 'cp1252.txt'}: not UTF-8: decoded as " in result.stderr


def summary_count(stderr: str, row: str) -> int:
    line = next(line for line in stderr.splitlines() if row in line)
    return int(line.split("│")[-2])


def test_a_rerun_skips_current_records_and_force_redoes_them(
    tmp_path: Path, terminal: None
) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name in "abc":
        (source / f"{name}.txt").write_text(f"Nio delivered {ord(name)},000 cars.\n")
    assert run("extract", str(source), "-o", str(out)).exit_code == 0
    first = {path: path.stat().st_ino for path in out.glob("*.json")}

    (source / "b.txt").write_text("Nio delivered 1 car.\n")  # changed: redone
    (out / "c.json").write_text('{"sha256": "')  # half-written: redone
    result = run("extract", str(source), "-o", str(out))
    assert result.exit_code == 0
    assert summary_count(result.stderr, "skipped") == 1
    assert summary_count(result.stderr, "articles") == 2
    assert (out / "a.json").stat().st_ino == first[out / "a.json"]  # untouched
    assert written(out)["b.json"]["figures"][0]["value"] == 1
    assert written(out)["c.json"]["id"] == "c"

    again = {path: path.stat().st_ino for path in out.glob("*.json")}
    result = run("extract", str(source), "-o", str(out), "--force")
    assert summary_count(result.stderr, "skipped") == 0
    assert all(path.stat().st_ino != ino for path, ino in again.items())  # all rewritten


def test_two_jobs_write_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    for n in range(40):
        (tmp_path / f"a{n:02}.txt").write_text(f"BYD sold {n + 1},000 cars in Shenzhen.\n")
    (tmp_path / "a05.txt").write_bytes(b"\x00binary")
    alone = run("extract", str(tmp_path), "-q")
    shared = run("extract", str(tmp_path), "-q", "--jobs", "2")
    assert (
        (shared.exit_code, shared.stderr) == (alone.exit_code, alone.stderr) == (1, shared.stderr)
    )
    assert records_of(shared.stdout) == records_of(alone.stdout)
    assert len(records_of(shared.stdout)) == 39


def test_jobs_below_zero_is_a_usage_error(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path), "--jobs", "-1")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_jobs_zero_is_one_worker_per_cpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evextract import api

    for n in range(6):
        (tmp_path / f"a{n}.txt").write_text(f"BYD sold {n + 1},000 cars in Shenzhen.\n")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    seen: list[int] = []
    executor = api.executor

    def spy(*args: Any, jobs: int = 1, **kwargs: Any) -> Any:
        seen.append(jobs)
        return executor(*args, jobs=jobs, **kwargs)

    monkeypatch.setattr(api, "executor", spy)
    shared = run("extract", str(tmp_path), "-q", "--jobs", "0")
    assert seen == [3] and shared.exit_code == 0
    assert records_of(shared.stdout) == records_of(run("extract", str(tmp_path), "-q").stdout)


def test_a_folder_without_articles_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    result = run("extract", str(tmp_path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"evextract: {tmp_path}: no .txt files in this folder\n"


def test_an_output_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ford cut 1,000 jobs.\n")
    (tmp_path / "out").write_text("a file")
    result = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (
        result.stderr == f"evextract: {tmp_path / 'out'}: output path exists and is not a folder\n"
    )


def test_a_read_only_output_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Ford cut 1,000 jobs.\n")
    monkeypatch.setattr("os.access", lambda path, mode: False)  # root may write anywhere
    result = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr == f"evextract: {tmp_path / 'out'}: output folder is not writable\n"


def test_a_record_that_cannot_be_written_fails_alone(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "a.txt").write_text("Ford cut 1,000 jobs.\n")
    (source / "b.txt").write_text("Ford cut 2,000 jobs.\n")
    (out / "a.json").mkdir(parents=True)  # a folder in the way
    result = run("extract", str(source), "-o", str(out))
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"evextract: {source / 'a.txt'}: cannot write {out / 'a.json'}: ")
    assert written(out)["b.json"]["id"] == "b"


def test_a_dead_worker_is_named_and_the_exit_code_says_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evextract import api
    from evextract.errors import WorkerError

    def die(*args: Any, **options: Any) -> Any:
        raise WorkerError("a worker process died")

    monkeypatch.setattr(api, "extract_corpus", die)
    (tmp_path / "a.txt").write_text("Ford cut 1,000 jobs.\n")
    result = run("extract", str(tmp_path), "--jobs", "2")
    assert (result.exit_code, result.stderr) == (1, "evextract: a worker process died\n")


def test_empty_stdin_is_an_empty_article() -> None:
    result = run("extract", "-", stdin=b"")
    assert result.exit_code == 0
    (record,) = records_of(result.stdout)
    assert (record["title"], record["warnings"]) == ("", ["the article is empty"])


@pytest.mark.parametrize("command", ["--help", "schema"])
def test_help_and_schema_import_neither_spacy_nor_pydantic(command: str) -> None:
    # What keeps them fast (make bench measures it): no model, no record models, and no
    # dask (an optional extra: the core install has none).
    code = (
        "import contextlib, io, sys\n"
        "from evextract.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    app([{command!r}], standalone_mode=False)\n"
        "heavy = {'spacy', 'thinc', 'pydantic', 'dask', 'distributed', 'fsspec'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert imported.stdout.decode().strip() == "[]"


def evextract_process(*args: str, **options: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "evextract", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("extract", "--jobs", "-1", "x"), "Error: Invalid value for '--jobs'"),
        (("extract", "--frobnicate", "x"), "Error: No such option: --frobnicate"),
        (("frobnicate",), "Error: No such command 'frobnicate'."),
    ],
)
def test_the_installed_command_exits_2_on_a_usage_error(
    args: tuple[str, ...], message: str
) -> None:
    process = evextract_process(*args)
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout) == (2, b"")
    assert message in stderr.decode() and "Traceback" not in stderr.decode()


def test_closed_stdin_is_named_in_one_line() -> None:
    process = evextract_process("extract", "-", preexec_fn=lambda: os.close(0))
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout) == (1, b"")
    assert stderr.decode() == "evextract: -: standard input is closed\n"


def wait_for_records(out: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.json"))) < count:
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.002)


def assert_whole_records_only(out: Path) -> set[Path]:
    records = set(out.glob("*.json"))
    for path in records:
        assert json.loads(path.read_bytes())["id"] == path.stem
    assert all(p.name.startswith(".") for p in set(out.iterdir()) - records)  # temporary files
    return records


def test_an_interrupted_run_leaves_whole_records_and_a_rerun_completes(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for n in range(200):
        (source / f"a{n:03}.txt").write_text(f"Nio delivered {n + 1},000 cars.\n")

    process = evextract_process("extract", str(source), "-o", str(out))
    wait_for_records(out, 1, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr.decode().strip()) == (130, "evextract: interrupted")
    done = assert_whole_records_only(out)

    process = evextract_process("extract", str(source), "-o", str(out))
    wait_for_records(out, len(done) + 1, process)
    process.kill()
    process.wait(timeout=60)
    done = assert_whole_records_only(out)
    assert 0 < len(done) < 200
    before = {path: path.stat().st_ino for path in done}

    result = run("extract", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(assert_whole_records_only(out)) == 200
    assert all(path.stat().st_ino == ino for path, ino in before.items())  # skipped
