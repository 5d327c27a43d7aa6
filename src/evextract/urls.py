"""Articles behind fsspec URLs (`s3://bucket/news/`, `memory://corpus/a.txt`).

fsspec (the `dask` extra, with a file system package such as s3fs for `s3://`)
lists a URL folder's `.txt` files and reads their bytes. Nothing is decoded here:
the bytes go through `corpus.decode` as a local file's do, so every rule about
encodings and bad input is the same for both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from .errors import ArticleError, UsageError, shown

if TYPE_CHECKING:
    from .corpus import Source

_URL = re.compile(r"^(?P<protocol>[A-Za-z][A-Za-z0-9+.-]*)://")
_INSTALL = "URLs need fsspec: pip install 'evextract[dask]'"


def is_url(given: str) -> bool:
    """Whether a PATH is a URL (`s3://...`) rather than a local path.

    >>> is_url("s3://bucket/news/"), is_url("memory://a.txt"), is_url("news/a://b.txt")
    (True, True, False)
    """
    return _URL.match(given) is not None


def url_prefix(given: str) -> PurePosixPath:
    """What `--layout mirror` puts before a URL's articles: its path past the protocol.

    >>> str(url_prefix("s3://bucket/news/")), str(url_prefix("memory://corpus"))
    ('bucket/news', 'corpus')
    """
    return PurePosixPath(_URL.sub("", given).strip("/") or ".")


def _filesystem(given: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UsageError(f"{shown(given)}: {_INSTALL}") from None
    try:
        fs, path = url_to_fs(given)
    except (ImportError, ValueError) as error:  # no package for the protocol, a bad URL
        raise UsageError(f"{shown(given)}: cannot open: {_one_line(error)}") from None
    return fs, str(path)


def find_articles(given: str, suffix: str, problems: list[str]) -> Iterator[tuple[str, str]]:
    """The (name, relative path) of each article under the URL `given`, sorted: the URL
    itself when it is a file. Raises UsageError when it is neither file nor folder."""
    fs, root = _filesystem(given)
    try:
        if fs.isfile(root):
            yield given, PurePosixPath(root).name
            return
        if not fs.isdir(root):
            raise UsageError(f"{shown(given)}: no such file or folder")
        found = sorted(path for path in fs.find(root) if path.endswith(suffix))
    except OSError as error:
        problems.append(f"{shown(given)}: cannot list: {_one_line(error)}")
        return
    base = PurePosixPath(root)
    for path in found:
        relative = PurePosixPath(path).relative_to(base).as_posix()
        yield f"{given.rstrip('/')}/{relative}", relative


def read_url(source: Source) -> bytes:
    """The bytes behind a source's URL; raises ArticleError naming it."""
    assert source.url is not None
    fs, path = _filesystem(source.url)
    try:
        data = fs.cat_file(path)
    except FileNotFoundError:
        raise ArticleError(source.source, "cannot read: no such file") from None
    except IsADirectoryError:
        raise ArticleError(source.source, "is a folder, not an article file") from None
    except Exception as error:  # a file system package's own errors (network, permission)
        raise ArticleError(source.source, f"cannot read: {_one_line(error)}") from None
    return bytes(data)


def _one_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
