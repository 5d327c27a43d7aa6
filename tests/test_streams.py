"""Guarded standard streams, on real file descriptors: a full disk, a closed pipe, a dead tty."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import pytest

from evextract.errors import StreamError
from evextract.streams import STDERR, STDOUT, _text, _Writer


@pytest.fixture
def full_disk() -> Iterator[int]:
    fd = os.open("/dev/full", os.O_WRONLY)
    yield fd
    os.close(fd)


@pytest.fixture
def closed_pipe() -> Iterator[int]:
    read, write = os.pipe()
    os.close(read)  # the reader went away, as `head` does
    yield write
    os.close(write)


@pytest.fixture
def dead_terminal() -> Iterator[int]:
    controller, terminal = os.openpty()
    os.close(controller)  # the terminal window was closed: writes fail with EIO
    yield terminal
    os.close(terminal)


def stdout_on(fd: int, carries: str = "records") -> tuple[_Writer, TextIO]:
    writer = _Writer(fd, STDOUT)
    writer.carries = carries
    return writer, _text(writer, None, line_buffering=False)


def test_a_full_stdout_names_the_stream_and_the_cause_once(full_disk: int) -> None:
    _, stream = stdout_on(full_disk)
    stream.write("{}\n")
    with pytest.raises(StreamError) as raised:
        stream.flush()
    assert str(raised.value) == ("cannot write records to standard output: No space left on device")
    assert not raised.value.broken_pipe
    stream.write("more\n")
    stream.flush()  # dropped: nothing fails again at exit


def test_a_closed_pipe_is_a_broken_pipe(closed_pipe: int) -> None:
    _, stream = stdout_on(closed_pipe)
    with pytest.raises(StreamError) as raised:
        stream.buffer.write(b"{}\n")
        stream.buffer.flush()
    assert raised.value.broken_pipe
    assert str(raised.value) == "cannot write records to standard output: Broken pipe"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's EIO on a hung-up pty")
def test_a_dead_terminal_is_an_input_output_error(dead_terminal: int) -> None:
    _, stream = stdout_on(dead_terminal, carries="rows")
    with pytest.raises(StreamError, match=r"^cannot write rows to standard output: Input/output"):
        stream.write("x\n")
        stream.flush()


def test_a_failing_stderr_is_remembered_and_goes_quiet(full_disk: int) -> None:
    writer = _Writer(full_disk, STDERR)
    stream = _text(writer, None, line_buffering=True)
    stream.write("evextract: a message\n")  # no error: there is nowhere to report it
    stream.write("evextract: another\n")
    assert writer.failure is not None and writer.failure.strerror == "No space left on device"


def run_guarded(
    code: str, before: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[bytes]:
    program = f"import os, sys\nfrom evextract import streams\nstreams.guard()\n{code}"
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, timeout=60, preexec_fn=before
    )


def test_a_closed_stdout_descriptor_is_held_so_no_file_takes_it() -> None:
    # With fd 1 closed, the next file opened would get it, and records would go there.
    code = (
        "print(os.open(os.devnull, os.O_WRONLY), file=sys.stderr)\n"
        "try:\n    print('a record')\n    streams.flush()\n"
        "except Exception as error:\n    print(error, file=sys.stderr)\n"
    )
    result = run_guarded(code, before=lambda: os.close(1))
    opened, message = result.stderr.decode().splitlines()
    assert int(opened) > 2
    assert message == "cannot write the output to standard output: Bad file descriptor"


def test_the_guard_keeps_the_streams_encodings() -> None:
    code = "print(sys.stdout.encoding, sys.stderr.errors)\nstreams.flush()"
    result = run_guarded(code)
    assert result.stdout.decode().split() == ["utf-8", "backslashreplace"]
