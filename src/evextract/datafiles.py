"""Reading evextract's package data (the knowledge base, word lists and patterns).

Pure: no spaCy. Files are read from the installed package, never downloaded.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

# Generated from the Pydantic models (`make schema`), so `evextract schema` starts fast.
RECORD_SCHEMA = "record.schema.json"


def read_text(name: str) -> str:
    """The text of data/<name> inside the evextract package."""
    return resources.files("evextract.data").joinpath(name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    """The parsed JSON of data/<name>."""
    return json.loads(read_text(name))


def read_words(name: str) -> frozenset[str]:
    """The words of a word list data/<name>: one per line, '#' starts a comment line."""
    lines = read_text(name).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
