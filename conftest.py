"""For every test and doctest (tests/ and src/evextract/): a cache folder of the session's
own, never the user's ~/.cache/evextract. Subprocesses inherit it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evextract.cache import CACHE_DIR_ENV, NO_CACHE_ENV


@pytest.fixture(scope="session", autouse=True)
def session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    saved = {name: os.environ.pop(name, None) for name in (CACHE_DIR_ENV, NO_CACHE_ENV)}
    folder = tmp_path_factory.mktemp("cache")
    os.environ[CACHE_DIR_ENV] = str(folder)
    yield folder
    for name, value in saved.items():
        os.environ.pop(name, None)
        if value is not None:
            os.environ[name] = value
