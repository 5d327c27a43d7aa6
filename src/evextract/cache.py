"""An on-disk cache of what evextract builds from data at start-up (the gazetteer).

Building the gazetteer from GeoNames and ISO 3166 takes some 0.65 s; unpickling
it, 0.06 s. Each cache file holds one object and the key of everything it was
built from. A file whose key differs (another version, changed data), that
cannot be read or holds something else is rebuilt and replaced without a word,
and a folder that cannot be written is no error: the cache only saves time.

The folder is $EVEXTRACT_CACHE_DIR, else $XDG_CACHE_HOME/evextract, else
~/.cache/evextract; EVEXTRACT_NO_CACHE=1 turns the cache off.

Pure: no spaCy, no terminal.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

CACHE_DIR_ENV = "EVEXTRACT_CACHE_DIR"
NO_CACHE_ENV = "EVEXTRACT_NO_CACHE"
# Bumped when the file layout changes; pickles also depend on the Python version.
_FORMAT = f"evextract-cache-1 py{sys.version_info[0]}.{sys.version_info[1]}"

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when EVEXTRACT_NO_CACHE turns the cache off."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "evextract"


def cache_key(*parts: str | bytes) -> str:
    """One key for all the inputs of a build, each part kept apart from the next.

    >>> cache_key("ab", "c") == cache_key("a", "bc")
    False
    """
    digest = hashlib.sha256(_FORMAT.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def load_or_build(name: str, key: str, kind: type[T], build: Callable[[], T]) -> T:
    """The `kind` object cached as `name` under `key`, else `build()`, then cached."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}.pickle"
    value = _read(path, key, kind)
    if value is None:
        value = build()
        _write(path, key, value)
    return value


def _read(path: Path, key: str, kind: type[T]) -> T | None:
    try:
        with path.open("rb") as file:
            if pickle.load(file) != key:
                return None
            value = _unpickle(file)
    # Missing, torn, foreign or from an older layout: whatever the reason, a rebuild.
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def _unpickle(file: IO[bytes]) -> object:
    """Unpickle with the garbage collector off: its passes over the hundreds of
    thousands of new objects would take 0.38 s of the 0.44 s (the gazetteer's)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, key: str, value: object) -> None:
    """Write atomically (a temporary file renamed over the old one), so that a process
    reading at the same time sees the old file or the new, never half of one."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:  # a read-only home, a file where the folder should be
        return
    replaced = False
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(key, file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        replaced = True
    # A full disk, or something unpicklable (TypeError, AttributeError): no cache this time.
    except Exception:
        pass
    finally:  # also when interrupted: no temporary file left behind
        if not replaced:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
