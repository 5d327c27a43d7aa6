"""Finding article files, decoding their bytes, and writing records safely."""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO

from .errors import ArticleError, UsageError

if TYPE_CHECKING:
    from .records import PipelineInfo, Record

STDIN = "-"
ARTICLE_SUFFIX = ".txt"


@dataclass(frozen=True)
class Source:
    """Where one article comes from, and where its record goes under `-o DIR`."""

    source: str  # the path as the user gave it (or as found under a folder they gave)
    path: Path | None  # None for stdin
    relative: PurePosixPath  # output path under DIR, without suffix

    @property
    def id(self) -> str:
        return printable(self.relative.name)


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


def discover(paths: Sequence[str]) -> Discovery:
    """Expand the command line's paths into article sources, in a stable order.

    A missing path is a usage error; a folder with no articles is a problem
    reported beside the articles that were found.
    """
    found = Discovery()
    for given in paths:
        if given == STDIN:
            found.sources.append(Source(STDIN, None, PurePosixPath("stdin")))
            continue
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"{given}: no such file or folder")
        if path.is_dir():
            before = len(found.sources)
            found.sources.extend(_sources_under(given, path, found.problems))
            if len(found.sources) == before:
                found.problems.append(f"{given}: no {ARTICLE_SUFFIX} files in this folder")
        else:  # a file, or a broken symlink whose reading will say what is wrong
            found.sources.append(Source(given, path, PurePosixPath(path.stem)))
    return found


def _sources_under(given: str, folder: Path, problems: list[str]) -> Iterator[Source]:
    # os.walk does not follow symlinked folders, so a symlink loop cannot trap it.
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=lambda err: problems.append(_os_problem(err))):
        dirs.sort()
        files.extend(Path(root, name) for name in names if name.endswith(ARTICLE_SUFFIX))
    for path in sorted(files):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        yield Source(printable(str(Path(given, relative))), path, relative.with_suffix(""))


def printable(name: str) -> str:
    """A file name fit for a record and a message: bytes that are not UTF-8 become U+FFFD.

    >>> printable("Zürich.txt"), printable(os.fsdecode(b"caf\\xe9.txt"))
    ('Zürich.txt', 'caf�.txt')
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _os_problem(error: OSError) -> str:
    return f"{error.filename}: {error.strerror or error}"


def read_article(source: Source, stdin: BinaryIO | None = None) -> Article:
    """Read and decode one article; raises ArticleError naming the file."""
    return article_from_bytes(source, _read_bytes(source, stdin))


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


def _read_bytes(source: Source, stdin: BinaryIO | None) -> bytes:
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


def output_path(out_dir: Path, source: Source) -> Path:
    """Where `-o DIR` puts an article's record: its relative path, with .json."""
    return out_dir.joinpath(*source.relative.parts).with_suffix(".json")


def check_output_dir(out_dir: Path) -> None:
    """Make sure records can be written under `out_dir`, creating it if needed."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: output path exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{out_dir}: cannot create output folder: {error.strerror}") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise UsageError(f"{out_dir}: output folder is not writable")


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_record(record: Record, out_dir: Path, source: Source) -> Path:
    """Write a record as pretty JSON under `out_dir`; raises ArticleError when it cannot."""
    import orjson

    path = output_path(out_dir, source)
    try:
        data = orjson.dumps(record.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n"
        write_atomically(path, data)
    except (OSError, orjson.JSONEncodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ArticleError(source.source, f"cannot write {path}: {reason}") from None
    return path


def record_is_current(path: Path, sha256: str, pipeline: PipelineInfo) -> bool:
    """Whether the record at `path` comes from these very bytes and this very pipeline.

    Only the two fields that decide are compared; a missing, unreadable,
    half-written or otherwise broken file is not current, so it is redone.
    """
    import orjson

    try:
        existing = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    return (
        isinstance(existing, dict)
        and existing.get("sha256") == sha256
        and existing.get("pipeline") == pipeline.model_dump(mode="json")
    )
