"""The library's exception types. Only `cli.py` turns them into exit codes."""

from __future__ import annotations


class EvextractError(Exception):
    """Base class of every error evextract raises on purpose."""


class UsageError(EvextractError):
    """The request cannot be carried out as given: a missing path, a bad option."""


class ArticleError(EvextractError):
    """One article could not be processed; the run goes on with the others."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str]]:
        # Errors travel back from worker processes pickled; the default rebuilds from str(self).
        return ArticleError, (self.source, self.reason)


class ModelError(EvextractError):
    """The spaCy pipeline could not be loaded."""


class WorkerError(EvextractError):
    """A worker process died (killed, out of memory); the records already written stand."""
