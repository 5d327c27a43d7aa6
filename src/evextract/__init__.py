"""evextract: structured records from electric-vehicle industry news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evextract")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

from .api import extract, load_pipeline
from .errors import ArticleError, EvextractError, ModelError, UsageError
from .records import Entity, Figure, Record

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
    "load_pipeline",
]
