"""The output folder of `-o DIR`: record paths planned for the run, records written safely.

A record is written whole or not at all, durably, and readable as any file the
process creates:

- to a temporary file beside it, created with mode 0666 less the umask (what the
  shell gives `> file`), then renamed over the record: a reader sees the old
  record or the new one, never a part;
- with `durable` (the default), the temporary file is fsynced before the rename
  and its folder after, as SQLite and git do, so that a record reported written
  survives a power cut, not only a killed process.

A temporary file left by a killed run is removed by the next run that plans
that record, once the process named in it is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import ArticleError, UsageError, shown
from .layout import MERGED, Wanted, plan, record_path

if TYPE_CHECKING:
    from .corpus import Source
    from .records import PipelineInfo, Record

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_PROBE = "evextract-case"
# fsync of a folder is refused by some file systems that have nothing to sync.
_CANNOT_SYNC_FOLDERS = {errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES}


def prepare(
    out_dir: Path, sources: Sequence[Source], layout: str = MERGED, *, durable: bool = True
) -> list[Source]:
    """The sources with their record paths under `out_dir`, planned for the whole run.

    Creates `out_dir` if needed. Raises UsageError when it cannot be written or
    when two sources would share a record path; removes what killed runs left.
    """
    wanted = [Wanted(shown(s.source), s.relative, s.prefix) for s in sources]
    paths = plan(wanted, layout, shown(str(out_dir)))  # before the folder is made
    check_output_dir(out_dir, durable=durable)
    if folds_case(out_dir):
        paths = plan(wanted, layout, shown(str(out_dir)), fold_case=True)
    planned = [replace(source, record=path) for source, path in zip(sources, paths, strict=True)]
    remove_stale_temporaries(out_dir, paths)
    return planned


def output_path(out_dir: Path, source: Source) -> Path:
    """Where `-o DIR` puts an article's record: its planned path, or its own name's."""
    relative = source.record if source.record is not None else record_path(source.relative)
    return out_dir.joinpath(*relative.parts)


def check_output_dir(out_dir: Path, *, durable: bool = True) -> None:
    """Make sure records can be written under `out_dir`, creating it if needed."""
    try:  # even asking can fail: a folder on the way that this user may not search
        if out_dir.exists() and not out_dir.is_dir():
            raise UsageError(f"{shown(str(out_dir))}: output path exists and is not a folder")
        make_folders(out_dir, durable=durable)
    except OSError as error:
        reason = error.strerror or error
        raise UsageError(f"{shown(str(out_dir))}: cannot create output folder: {reason}") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise UsageError(f"{shown(str(out_dir))}: output folder is not writable")


def folds_case(folder: Path) -> bool:
    """Whether the file system of `folder` takes `A.json` and `a.json` for one file
    (macOS and Windows by default), found by creating a file and asking for its
    upper-case name."""
    try:
        handle, probe = _create_temporary(folder, _PROBE)
    except OSError:
        return False
    os.close(handle)
    try:
        return probe.with_name(probe.name.upper()).exists()
    finally:
        probe.unlink(missing_ok=True)


def remove_stale_temporaries(out_dir: Path, records: Iterable[PurePosixPath]) -> None:
    """Remove the temporary files of these records that a killed run left behind."""
    names: dict[Path, set[str]] = {}
    for record in records:
        names.setdefault(out_dir.joinpath(*record.parts).parent, set()).add(record.name)
    for folder, wanted in names.items():
        try:
            entries = list(os.scandir(folder))
        except OSError:  # not there yet, or unreadable: writing will tell
            continue
        for entry in entries:
            match = _TEMPORARY.match(entry.name)
            if match and match["name"] in wanted | {_PROBE} and not _alive(int(match["pid"])):
                with contextlib.suppress(OSError):  # left there, it harms no record
                    Path(entry.path).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if os.name != "posix" or pid == os.getpid():
        return True  # Windows' os.kill(pid, 0) would send a signal; so keep the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def write_record(record: Record, out_dir: Path, source: Source, *, durable: bool = True) -> Path:
    """Write a record as pretty JSON under `out_dir`; raises ArticleError when it cannot."""
    import orjson

    path = output_path(out_dir, source)
    try:
        data = orjson.dumps(record.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n"
        write_atomically(path, data, durable=durable)
    except (OSError, orjson.JSONEncodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ArticleError(source.source, f"cannot write {shown(str(path))}: {reason}") from None
    return path


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write a file so that readers see the old file or the whole new one, never a part.

    With `durable`, the data is on disk, and so is its name, when this returns.
    """
    make_folders(path.parent, durable=durable)
    handle, temporary = _create_temporary(path.parent, path.name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if durable:
        sync_folder(path.parent)


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new file beside `name`, named after it and this process; the mode is 0666
    less the umask, as for any file the process creates (mkstemp's would be 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue


def make_folders(folder: Path, *, durable: bool = True) -> None:
    """`mkdir -p`; with `durable`, each new folder's name is synced to disk too."""
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        if durable:
            sync_folder(new.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so that the names just made in it survive a power cut."""
    if not hasattr(os, "O_DIRECTORY"):  # Windows: folders cannot be opened
        return
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        if error.errno in _CANNOT_SYNC_FOLDERS:  # a folder we may write but not read
            return
        raise
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in _CANNOT_SYNC_FOLDERS:
            raise
    finally:
        os.close(handle)


def record_is_current(path: Path, sha256: str, pipeline: PipelineInfo) -> bool:
    """Whether the record at `path` comes from these very bytes and this very pipeline.

    Only the two fields that decide are compared; a missing, unreadable,
    half-written or otherwise broken file is not current, so it is redone.
    """
    return current_sha256(path, pipeline) == sha256


def current_sha256(path: Path, pipeline: PipelineInfo) -> str | None:
    """The sha256 of the article the record at `path` was made from, when that record
    came from this very pipeline: the same bytes again need no extraction. None for a
    missing, broken or older record."""
    import orjson

    try:
        existing = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(existing, dict) or existing.get("pipeline") != pipeline.model_dump(
        mode="json"
    ):
        return None
    sha256 = existing.get("sha256")
    return sha256 if isinstance(sha256, str) else None
