"""Finding article files, telling what kind of file each path is, and decoding their bytes."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .errors import ArticleError, UsageError, shown
from .layout import NO_PREFIX, mirror_prefix
from .urls import is_url

STDIN = "-"
ARTICLE_SUFFIX = ".txt"


@dataclass(frozen=True)
class Source:
    """Where one article comes from, and where its record goes under `-o DIR`."""

    source: str  # the path as the user gave it (or as found under a folder they gave)
    path: Path | None  # None for stdin
    relative: PurePosixPath  # its path under the PATH it was found in (a file PATH: its name)
    prefix: PurePosixPath = NO_PREFIX  # the PATH's own folder, for `--layout mirror`
    record: PurePosixPath | None = None  # its record's path under DIR, planned for the run
    url: str | None = None  # an fsspec URL (`s3://...`) to read instead of `path`

    @property
    def id(self) -> str:
        return printable(self.relative.stem)

    def absolute(self) -> Source:
        """The same source with an absolute path, to be read by a process elsewhere."""
        return self if self.path is None else replace(self, path=Path(os.path.abspath(self.path)))


def source_of(given: str) -> Source:
    """The source of one article file or URL named by a program (not found in a folder)."""
    from .urls import is_url

    if is_url(given):
        return Source(given, None, PurePosixPath(PurePosixPath(given).name), url=given)
    path = Path(given)
    return Source(printable(given), path, PurePosixPath(path.name))


@dataclass(frozen=True)
class Article:
    """An article's decoded text and what is known about its file."""

    source: Source
    text: str
    sha256: str
    warnings: tuple[str, ...] = field(default=())


@dataclass
class Discovery:
    """The articles found under the given paths, and the problems met on the way."""

    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Kind(Enum):
    """What a path is, as far as reading it as an article goes."""

    FILE = "a file"
    FOLDER = "a folder"
    STREAM = "a named pipe (FIFO)"  # read to its end, as standard input is
    DEVICE = "a device"
    SOCKET = "a socket"
    OTHER = "a special file"
    MISSING = "missing"
    UNREADABLE = "unreadable"  # a symlink loop, a broken link: reading it says which

    @property
    def readable(self) -> bool:
        return self in {Kind.FILE, Kind.STREAM, Kind.UNREADABLE}


def file_kind(path: Path) -> Kind:
    """What `path` is (symlinks followed), without opening it: opening a FIFO would wait."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return Kind.UNREADABLE if os.path.islink(path) else Kind.MISSING
    except (OSError, ValueError):
        return Kind.UNREADABLE
    if stat.S_ISREG(mode):
        return Kind.FILE
    if stat.S_ISDIR(mode):
        return Kind.FOLDER
    if stat.S_ISFIFO(mode):
        return Kind.STREAM
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Kind.DEVICE
    return Kind.SOCKET if stat.S_ISSOCK(mode) else Kind.OTHER


def discover(paths: Sequence[str]) -> Discovery:
    """Expand the command line's paths into article sources, in a stable order.

    A missing path is a usage error; a folder with no articles, or a path that
    is a device or a socket, is a problem reported beside the articles found.
    Nothing is opened, so a FIFO cannot make discovery wait.
    """
    found = Discovery()
    for given in paths:
        if given == STDIN:
            found.sources.append(Source(STDIN, None, PurePosixPath("stdin")))
            continue
        if is_url(given):
            _discover_url(given, found)
            continue
        path = Path(given)
        kind = file_kind(path)
        if kind is Kind.MISSING:
            raise UsageError(f"{shown(given)}: no such file or folder")
        if kind is Kind.FOLDER:
            before = len(found.sources)
            found.sources.extend(sources_under(given, path, found.problems))
            if len(found.sources) == before:
                found.problems.append(f"{shown(given)}: no {ARTICLE_SUFFIX} files in this folder")
        elif kind.readable:  # a broken symlink's reading will say what is wrong
            prefix = mirror_prefix(given, folder=False)
            found.sources.append(Source(printable(given), path, PurePosixPath(path.name), prefix))
        else:
            found.problems.append(f"{shown(given)}: {kind.value}, not an article file")
    return found


def _discover_url(given: str, found: Discovery) -> None:
    from .urls import find_articles, url_prefix

    before = len(found.sources)
    for name, relative in find_articles(given, ARTICLE_SUFFIX, found.problems):
        prefix = url_prefix(given) if name != given else url_prefix(given).parent
        found.sources.append(Source(name, None, PurePosixPath(relative), prefix, url=name))
    if len(found.sources) == before:
        found.problems.append(f"{shown(given)}: no {ARTICLE_SUFFIX} files in this folder")


def sources_under(given: str, folder: Path, problems: list[str]) -> Iterator[Source]:
    """The article files under `folder` (given on the command line as `given`), sorted."""
    # os.walk does not follow symlinked folders, so a symlink loop cannot trap it.
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=lambda err: problems.append(_os_problem(err))):
        dirs.sort()
        files.extend(Path(root, name) for name in names if name.endswith(ARTICLE_SUFFIX))
    prefix = mirror_prefix(given, folder=True)
    for path in sorted(files):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        name = printable(str(Path(given, relative)))
        kind = file_kind(path)
        if kind in {Kind.FILE, Kind.UNREADABLE, Kind.MISSING}:  # gone since listed: reading says
            yield Source(name, path, relative, prefix)
        else:  # opening a FIFO would wait for a writer; a device may never end
            problems.append(f"{shown(name)}: skipped: {kind.value}, not a file")


def printable(name: str) -> str:
    """A file name fit for a record: bytes that are not UTF-8 become U+FFFD.

    >>> printable("Zürich.txt"), printable(os.fsdecode(b"caf\\xe9.txt"))
    ('Zürich.txt', 'caf�.txt')
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _os_problem(error: OSError) -> str:
    return f"{shown(str(error.filename))}: {error.strerror or error}"


def read_article(source: Source, stdin: BinaryIO | None = None) -> Article:
    """Read and decode one article; raises ArticleError naming the file."""
    return article_from_bytes(source, read_bytes(source, stdin))


def article_from_bytes(source: Source, data: bytes) -> Article:
    """An article from its file's bytes; raises ArticleError when they are not text."""
    text, warnings = decode(data, source.source)
    return _article(source, text, hashlib.sha256(data).hexdigest(), warnings)


def article_from_text(source: Source, text: str) -> Article:
    """An article from text already decoded; its sha256 is that of its UTF-8 bytes."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate must not stop a hash
    return _article(source, text, hashlib.sha256(data).hexdigest(), [])


def _article(source: Source, text: str, sha256: str, warnings: list[str]) -> Article:
    if not text.strip():
        warnings.append("the article is empty")
    return Article(source, text, sha256, tuple(warnings))


def read_bytes(source: Source, stdin: BinaryIO | None = None) -> bytes:
    """An article file's bytes (standard input's for `-`); raises ArticleError naming it."""
    if source.url is not None:
        from .urls import read_url

        return read_url(source)
    if source.path is None:
        if stdin is None and sys.stdin is None:  # started with stdin closed (<&-)
            raise ArticleError(source.source, "standard input is closed")
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            return stream.read()
        except (OSError, ValueError) as error:
            raise ArticleError(source.source, f"cannot read standard input ({error})") from None
    try:
        return source.path.read_bytes()
    except IsADirectoryError:
        raise ArticleError(source.source, "is a folder, not an article file") from None
    except OSError as error:
        raise ArticleError(source.source, f"cannot read: {_os_reason(error)}") from None


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if error.errno == errno.ENOENT and error.filename and os.path.islink(error.filename):
        return "broken symbolic link"
    return error.strerror or str(error)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode an article's bytes; returns the text and warnings about the decoding.

    >>> decode("Nio’s plan".encode())
    ('Nio’s plan', [])
    >>> decode(b"\\xef\\xbb\\xbfBOM")
    ('BOM', [])
    >>> decode(b"\\x00\\x01\\x02ELF")
    Traceback (most recent call last):
    evextract.errors.ArticleError: <bytes>: looks like a binary file (NUL bytes), not text
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_with(data, "utf-16", name), ["not UTF-8: decoded as utf-16"]
    if b"\x00" in data:
        raise ArticleError(name, "looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only the rare non-UTF-8 file pays for it

    best = from_bytes(data).best()
    if best is None:
        raise ArticleError(name, "cannot tell the text's encoding")
    return str(best), [f"not UTF-8: decoded as {best.encoding}"]


def _decode_with(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ArticleError(name, f"invalid {encoding}: {error.reason}") from None
