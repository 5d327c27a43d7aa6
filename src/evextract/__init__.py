"""evextract: structured records from electric-vehicle industry news.

The public names are imported on first use (PEP 562), so that `evextract --help`
and `evextract schema` do not pay for spaCy, Pydantic or package metadata.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import extract, extract_partition, load_pipeline
    from .errors import ArticleError, EvextractError, ModelError, UsageError
    from .records import Entity, Figure, Record

    __version__: str

_PUBLIC = {
    "extract": ".api",
    "extract_partition": ".api",
    "load_pipeline": ".api",
    "ArticleError": ".errors",
    "EvextractError": ".errors",
    "ModelError": ".errors",
    "UsageError": ".errors",
    "Entity": ".records",
    "Figure": ".records",
    "Record": ".records",
}

__all__ = [
    "ArticleError",
    "Entity",
    "EvextractError",
    "Figure",
    "ModelError",
    "Record",
    "UsageError",
    "__version__",
    "extract",
    "extract_partition",
    "load_pipeline",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("evextract")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"
