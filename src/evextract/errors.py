"""The library's exception types. Only `cli.py` turns them into exit codes."""


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


class ModelError(EvextractError):
    """The spaCy pipeline could not be loaded."""
