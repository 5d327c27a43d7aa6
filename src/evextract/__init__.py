"""evextract: structured records from electric-vehicle industry news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evextract")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

from .api import extract, load_pipeline  # noqa: E402
from .errors import ArticleError, EvextractError, ModelError, UsageError  # noqa: E402
from .records import Entity, Figure, Record  # noqa: E402

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
