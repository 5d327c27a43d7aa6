"""The library's exception types. Only `cli.py` turns them into exit codes."""

from __future__ import annotations

import errno

# Control characters in a file name would break a message's one line, or drive the
# terminal: they are shown escaped, as Python writes them.
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}
_ESCAPES.update({ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})


def shown(name: str) -> str:
    """A file name as messages show it: valid UTF-8, on one line.

    >>> shown("Zürich.txt"), shown("caf\\udce9.txt"), shown("two\\nlines.txt")
    ('Zürich.txt', 'caf�.txt', 'two\\\\nlines.txt')
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text.translate(_ESCAPES)


class EvextractError(Exception):
    """Base class of every error evextract raises on purpose."""


class UsageError(EvextractError):
    """The request cannot be carried out as given: a missing path, a bad option.

    Its message may hold several lines, one per problem (two inputs sharing a record path).
    """


class ArticleError(EvextractError):
    """One article could not be processed; the run goes on with the others."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{shown(source)}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str]]:
        # Errors travel back from worker processes pickled; the default rebuilds from str(self).
        return ArticleError, (self.source, self.reason)


class ModelError(EvextractError):
    """The spaCy pipeline could not be loaded."""


class WorkerError(EvextractError):
    """A worker process died (killed, out of memory); the records already written stand."""


class StreamError(EvextractError):
    """Standard output cannot be written: a full disk, a closed pipe, a terminal gone."""

    def __init__(self, stream: str, what: str, error: OSError) -> None:
        super().__init__(f"cannot write {what} to {stream}: {error.strerror or error}")
        self.stream = stream
        self.error = error

    @property
    def broken_pipe(self) -> bool:
        """Whether the reader went away (`| head`), which Unix tools take quietly."""
        return self.error.errno == errno.EPIPE
