"""The command line's output: record paths, modes, fsync, special files, failing streams.

Each case of the README's table of inputs that this issue added has its test here.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evextract.cli import app

runner = CliRunner()


def run(*args: str, **options: Any):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), **options)


def articles(root: Path, *names: str) -> Path:
    for n, name in enumerate(names):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"BYD sold {n + 1},000 cars in Shenzhen.\n")
    return root


def records(out: Path) -> dict[str, dict[str, Any]]:
    return {p.relative_to(out).as_posix(): json.loads(p.read_bytes()) for p in out.rglob("*.json")}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path, so that paths in messages are the short ones a user types."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Two inputs, one record path.


def test_two_files_of_one_name_are_a_usage_error_naming_both(here: Path) -> None:
    articles(here, "in/a.txt", "in2/a.txt")
    result = run("extract", "in/a.txt", "in2/a.txt", "-o", "out")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "evextract: in/a.txt and in2/a.txt would both be written to out/a.json"
        " (--layout mirror keeps them apart)\n"
    )
    assert not (here / "out").exists()  # decided before anything was read or made


def test_two_folders_holding_one_name_are_a_usage_error(here: Path) -> None:
    articles(here, "in/a.txt", "in/b.txt", "in2/a.txt")
    result = run("extract", "in", "in2", "-o", "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "evextract: in/a.txt and in2/a.txt would both be written to out/a.json"
        " (--layout mirror keeps them apart)"
    ]


def test_the_mirror_layout_keeps_both_records(here: Path) -> None:
    articles(here, "in/a.txt", "in2/a.txt", "in2/sub/b.txt")
    result = run("extract", "in/a.txt", "in2", "-o", "out", "--layout", "mirror")
    assert result.exit_code == 0, result.stderr
    written = records(here / "out")
    assert sorted(written) == ["in/a.json", "in2/a.json", "in2/sub/b.json"]
    assert [written[p]["source"] for p in sorted(written)] == [
        "in/a.txt",
        "in2/a.txt",
        "in2/sub/b.txt",
    ]


def test_names_that_cannot_be_mirrored_get_records_that_cannot_collide(here: Path) -> None:
    articles(here / "in", "sub.txt", "sub/..txt", "CON.txt", "a:b.txt", "%2E.txt")
    result = run("extract", "in", "-o", "out")
    assert result.exit_code == 0, result.stderr
    written = records(here / "out")
    assert {path: record["id"] for path, record in written.items()} == {
        "sub.json": "sub",
        "sub/%2E.json": ".",
        "%43ON.json": "CON",
        "a%3Ab.json": "a:b",
        "%252E.json": "%2E",
    }


def test_a_rerun_skips_records_at_their_escaped_paths(here: Path) -> None:
    articles(here / "in", "sub/..txt", "nul.txt")
    assert run("extract", "in", "-o", "out").exit_code == 0
    inodes = {p: p.stat().st_ino for p in (here / "out").rglob("*.json")}
    assert run("extract", "in", "-o", "out").exit_code == 0
    assert {p: p.stat().st_ino for p in (here / "out").rglob("*.json")} == inodes


# Modes and durability.


@pytest.fixture
def umask() -> Iterator[None]:
    saved = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(saved)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, "644"), (0o077, "600")])
def test_records_have_the_mode_the_umask_gives(
    here: Path, umask: None, mask: int, mode: str
) -> None:
    os.umask(mask)
    articles(here, "in/a.txt", "in/sub/b.txt")
    assert run("extract", "in", "-o", "out").exit_code == 0
    modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode))[2:] for p in (here / "out").rglob("*")}
    assert modes == {"a.json": mode, "sub": oct(0o777 & ~mask)[2:], "b.json": mode}


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts fsync calls made through os.fsync."""
    calls: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def test_records_are_fsynced_unless_asked_not_to(here: Path, fsyncs: list[int]) -> None:
    articles(here, "in/a.txt", "in/b.txt")
    assert run("extract", "in", "-o", "out", "--force").exit_code == 0
    assert len(fsyncs) == 2 * 2 + 1  # each file and its folder; the new output folder's name
    fsyncs.clear()
    assert run("extract", "in", "-o", "out", "--force", "--no-fsync").exit_code == 0
    assert fsyncs == []
    result = run("extract", "in", "-o", "out", "--force", env={"EVEXTRACT_NO_FSYNC": "1"})
    assert (result.exit_code, fsyncs) == (0, [])
    result = run("extract", "in", "-o", "out", "--force", env={"EVEXTRACT_NO_FSYNC": "0"})
    assert (result.exit_code, len(fsyncs)) == (0, 4)


def test_the_help_names_the_layouts_and_the_environment_variable() -> None:
    result = run("extract", "--help")
    assert "--layout" in result.stdout and "mirror" in result.stdout
    assert "EVEXTRACT_NO_FSYNC" in result.stdout


# Special files.


@pytest.fixture
def special_files(here: Path) -> Iterator[Path]:
    """A folder with an article, a FIFO, a socket and a device (a link to /dev/null)."""
    folder = articles(here / "in", "good.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "null.txt").symlink_to(os.devnull)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    yield folder
    server.close()


def test_special_files_in_a_folder_are_skipped_with_one_line_each(special_files: Path) -> None:
    result = run("extract", "in", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "evextract: in/null.txt: skipped: a device, not a file",
        "evextract: in/pipe.txt: skipped: a named pipe (FIFO), not a file",
        "evextract: in/sock.txt: skipped: a socket, not a file",
    ]
    assert sorted(records(Path("out"))) == ["good.json"]


def test_a_fifo_named_on_the_command_line_is_read_as_stdin_is(here: Path) -> None:
    os.mkfifo(here / "feed")
    writer = threading.Thread(target=(here / "feed").write_text, args=("Ford cut 1,000 jobs.",))
    writer.start()
    result = run("extract", "feed")
    writer.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["id"], record["title"]) == ("feed", "Ford cut 1,000 jobs.")


def test_a_device_named_on_the_command_line_is_refused(here: Path) -> None:
    articles(here, "a.txt")
    result = run("extract", os.devnull, "a.txt")
    assert result.exit_code == 1
    assert result.stderr == f"evextract: {os.devnull}: a device, not an article file\n"
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]


# Standard output and standard error that fail: the installed command, in its own process.


def evextract(*args: str, **options: Any) -> subprocess.CompletedProcess[bytes]:
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "evextract", *args], timeout=120, check=False, **options
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return articles(tmp_path / "in", *(f"a{n:02}.txt" for n in range(20)))


def fast(corpus: Path, blank_model: Path) -> list[str]:
    return ["extract", str(corpus), "--model", str(blank_model), "--no-kb"]


def test_a_full_stdout_is_one_line_naming_the_stream_and_the_cause(
    corpus: Path, blank_model: Path
) -> None:
    with open("/dev/full", "wb") as full:
        result = evextract(*fast(corpus, blank_model), stdout=full)
    assert (result.returncode, result.stderr.decode()) == (
        1,
        "evextract: cannot write records to standard output: No space left on device\n",
    )


def test_a_reader_gone_away_ends_the_run_quietly_with_141(corpus: Path, blank_model: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # `| head -1` that has already exited
    try:
        result = evextract(*fast(corpus, blank_model), stdout=write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, b"")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's EIO on a hung-up pty")
def test_a_terminal_gone_is_an_input_output_error(corpus: Path, blank_model: Path) -> None:
    controller, terminal = os.openpty()
    os.close(controller)
    try:
        result = evextract(*fast(corpus, blank_model), stdout=terminal)
    finally:
        os.close(terminal)
    assert (result.returncode, result.stderr.decode()) == (
        1,
        "evextract: cannot write records to standard output: Input/output error\n",
    )


def test_a_full_stderr_loses_messages_not_records(
    corpus: Path, blank_model: Path, tmp_path: Path
) -> None:
    terminal = {**os.environ, "TTY_COMPATIBLE": "1"}  # progress and summary are written
    out = str(tmp_path / "out")
    with open("/dev/full", "wb") as full:
        result = evextract(*fast(corpus, blank_model), "-o", out, stderr=full, env=terminal)
    assert result.returncode == 1  # the messages were lost: only the exit code can say so
    assert len(list((tmp_path / "out").glob("*.json"))) == 20
    with open("/dev/full", "wb") as full:
        quiet = evextract(*fast(corpus, blank_model), "-q", stderr=full, env=terminal)
    assert (quiet.returncode, len(quiet.stdout.splitlines())) == (0, 20)  # nothing lost


@pytest.mark.parametrize(
    ("args", "what"), [(("schema",), "the schema"), (("--help",), "the output")]
)
def test_every_command_names_a_full_stdout(args: tuple[str, ...], what: str) -> None:
    with open("/dev/full", "wb") as full:
        result = evextract(*args, stdout=full)
    assert (result.returncode, result.stderr.decode()) == (
        1,
        f"evextract: cannot write {what} to standard output: No space left on device\n",
    )


def test_a_closed_stdout_is_named(tmp_path: Path) -> None:
    result = evextract("schema", stdout=None, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr.decode()) == (
        1,
        "evextract: cannot write the schema to standard output: Bad file descriptor\n",
    )


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (OSError(errno.EIO, "Input/output error", "in/a.txt"), "in/a.txt: Input/output error"),
        (OSError(errno.EMFILE, "Too many open files"), "Too many open files"),
    ],
)
def test_any_other_failure_of_the_environment_is_no_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: OSError, line: str
) -> None:
    from evextract import cli, corpus, streams

    def discover(paths: list[str]) -> corpus.Discovery:
        raise error

    monkeypatch.setattr(streams, "guard", lambda: None)  # pytest holds the streams
    monkeypatch.setattr(corpus, "discover", discover)
    monkeypatch.setattr(sys, "argv", ["evextract", "extract", "in"])
    with pytest.raises(SystemExit) as exit:
        cli.main()
    assert (exit.value.code, capsys.readouterr().err) == (1, f"evextract: {line}\n")
