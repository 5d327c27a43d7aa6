"""Standard output and standard error that fail in one clear line, never in a traceback.

`guard()`, called by the `evextract` command before anything else, puts both
streams on writers of its own:

- standard output: its first failure (a full disk, a closed pipe, a terminal
  gone, a closed descriptor) raises StreamError, which names the stream and the
  cause; later writes are dropped, so that nothing fails again at exit;
- standard error: a failure is remembered and later messages dropped, for there
  is nowhere left to say it; the command's exit code says it instead.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

from .errors import StreamError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

STDOUT, STDERR = "standard output", "standard error"


class _Writer(io.RawIOBase):
    """A file descriptor written through, whose first failure goes to `on_failure`."""

    def __init__(self, fd: int, name: str) -> None:
        super().__init__()
        self._fd, self.name = fd, name
        self.carries = "the output"  # what a message says could not be written
        self.failure: OSError | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        try:
            return os.isatty(self._fd)
        except OSError:
            return False

    def write(self, data: ReadableBuffer, /) -> int:
        if self.failure is not None:
            return memoryview(data).nbytes
        try:
            return os.write(self._fd, data)
        except OSError as error:
            self.failure = error
            if self.name == STDOUT:
                raise StreamError(self.name, self.carries, error) from None
            return memoryview(data).nbytes


def guard() -> None:
    """Put sys.stdout and sys.stderr on guarded writers (see the module's doc)."""
    for fd in (1, 2):
        _hold(fd)
    sys.stdout = _text(_Writer(1, STDOUT), sys.stdout, line_buffering=False)
    sys.stderr = _text(_Writer(2, STDERR), sys.stderr, line_buffering=True)


def _hold(fd: int) -> None:
    """Keep a closed descriptor taken (by /dev/null, read-only, so writes to it fail),
    or the first file opened would get it, and records would go into that file."""
    try:
        os.fstat(fd)
    except OSError:
        placeholder = os.open(os.devnull, os.O_RDONLY)
        if placeholder != fd:
            os.dup2(placeholder, fd)
            os.close(placeholder)


def _text(writer: _Writer, old: TextIO | None, *, line_buffering: bool) -> TextIO:
    encoding = getattr(old, "encoding", None) or "utf-8"
    errors = getattr(old, "errors", None) or ("backslashreplace" if line_buffering else "strict")
    buffered = io.BufferedWriter(writer)
    return io.TextIOWrapper(
        buffered,
        encoding=encoding,
        errors=errors,
        line_buffering=line_buffering,
        write_through=line_buffering,
    )


def carries(what: str) -> None:
    """Name what stdout carries in the message of its failure: "records", "rows"."""
    writer = _writer(sys.stdout)
    if writer is not None:
        writer.carries = what


def flush() -> None:
    """Flush stdout now, where a failure can be reported, rather than at exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


def stderr_failure() -> OSError | None:
    """Why standard error could not be written, if it could not."""
    writer = _writer(sys.stderr)
    return None if writer is None else writer.failure


def _writer(stream: TextIO | None) -> _Writer | None:
    raw = getattr(getattr(stream, "buffer", None), "raw", None)
    return raw if isinstance(raw, _Writer) else None
