"""The output folder: planned record paths, whole and durable records with the umask's mode."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

from evextract import output
from evextract.corpus import Source, discover
from evextract.errors import ArticleError, UsageError
from evextract.output import (
    check_output_dir,
    folds_case,
    output_path,
    prepare,
    record_is_current,
    remove_stale_temporaries,
    write_atomically,
    write_record,
)
from evextract.records import PipelineInfo, Record

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
root_reads_anyway = pytest.mark.skipif(AS_ROOT, reason="root reads and writes whatever the mode")
INFO = PipelineInfo(evextract="0.1.0", model="en_core_web_sm-3.8.0", knowledge_base="abc")


def source_of(path: Path) -> Source:
    return Source(str(path), path, PurePosixPath(path.name))


def record(sha256: str = "1" * 64, pipeline: PipelineInfo | None = INFO) -> Record:
    return Record(id="a", source="a.txt", sha256=sha256, title="A", pipeline=pipeline)


def test_atomic_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "r.json"
    write_atomically(target, b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]


@pytest.fixture
def umask() -> Iterator[None]:
    """The process's umask put back after the test."""
    saved = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(saved)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_records_have_the_mode_of_any_file_the_process_creates(
    tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    path = write_record(record(), tmp_path, source_of(Path("a.txt")))
    assert stat.S_IMODE(path.stat().st_mode) == mode
    nested = tmp_path / "new" / "r.json"
    write_atomically(nested, b"{}")
    assert stat.S_IMODE(nested.parent.stat().st_mode) == 0o777 & ~mask


def test_a_record_is_fsynced_before_its_rename_and_its_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(source: str, target: str) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomically(tmp_path / "r.json", b"{}")
    assert events == ["fsync file", "rename", "fsync folder"]
    events.clear()
    write_atomically(tmp_path / "new" / "r.json", b"{}")  # the new folder's name too
    assert events == ["fsync folder", "fsync file", "rename", "fsync folder"]
    events.clear()
    write_atomically(tmp_path / "r.json", b"{}", durable=False)
    assert events == ["rename"]


def test_a_folder_that_cannot_be_synced_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")  # some file systems sync no folders
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomically(tmp_path / "r.json", b"{}")
    assert (tmp_path / "r.json").read_bytes() == b"{}"


def test_a_failed_fsync_is_a_failed_write_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(ArticleError, match=r"cannot write .*a\.json: Input/output error$"):
        write_record(record(), tmp_path, source_of(Path("a.txt")))
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="not a folder"):
        check_output_dir(tmp_path / "file")


def test_a_read_only_output_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(UsageError, match="output folder is not writable"):
        check_output_dir(tmp_path)


@root_reads_anyway
def test_a_read_only_output_folder_is_a_usage_error_for_real(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    with pytest.raises(UsageError, match="not writable"):
        check_output_dir(tmp_path)


def test_a_record_is_current_only_for_the_same_bytes_and_pipeline(tmp_path: Path) -> None:
    path = write_record(record(), tmp_path, source_of(Path("a.txt")))
    assert path == tmp_path / "a.json"
    assert record_is_current(path, "1" * 64, INFO)
    assert not record_is_current(path, "2" * 64, INFO)
    assert not record_is_current(path, "1" * 64, INFO.model_copy(update={"knowledge_base": "x"}))
    assert not record_is_current(path, "1" * 64, INFO.model_copy(update={"evextract": "0.2.0"}))
    assert not record_is_current(tmp_path / "missing.json", "1" * 64, INFO)


@pytest.mark.parametrize("content", [b"", b'{"sha256": "111', b"[]", b"\xff\xfe"])
def test_a_broken_record_is_not_current(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "a.json").write_bytes(content)
    assert not record_is_current(tmp_path / "a.json", "1" * 64, INFO)


def test_a_record_that_cannot_be_written_is_an_article_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").mkdir()  # a folder where the record should go
    with pytest.raises(ArticleError, match=r"^a.txt: cannot write .*a\.json: "):
        write_record(record(), tmp_path, source_of(Path("a.txt")))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temporary file left


# Planning the whole run's record paths.


def tree(root: Path, *names: str) -> Path:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    return root


def planned(out: Path, *paths: str, layout: str = "merged") -> list[str]:
    sources = prepare(out, discover(list(paths)).sources, layout)
    return [output_path(out, source).relative_to(out).as_posix() for source in sources]


def test_two_files_of_one_name_are_a_usage_error_naming_both(tmp_path: Path) -> None:
    tree(tmp_path, "in/a.txt", "in2/a.txt")
    with pytest.raises(UsageError) as raised:
        planned(tmp_path / "out", f"{tmp_path}/in/a.txt", f"{tmp_path}/in2/a.txt")
    assert str(raised.value) == (
        f"{tmp_path}/in/a.txt and {tmp_path}/in2/a.txt would both be written to"
        f" {tmp_path}/out/a.json (--layout mirror keeps them apart)"
    )


def test_the_mirror_layout_keeps_several_paths_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, "in/a.txt", "in2/a.txt", "in2/sub/b.txt")
    monkeypatch.chdir(tmp_path)
    assert planned(tmp_path / "out", "in/a.txt", "in2", layout="mirror") == [
        "in/a.json",
        "in2/a.json",
        "in2/sub/b.json",
    ]


def test_a_dot_only_stem_gets_an_escaped_record_path(tmp_path: Path) -> None:
    tree(tmp_path / "in", "sub.txt", "sub/..txt", "sub/...txt", "CON.txt", "a%2E.txt")
    assert sorted(planned(tmp_path / "out", str(tmp_path / "in"))) == [
        "%43ON.json",
        "a%252E.json",
        "sub.json",
        "sub/%2E%2E.json",
        "sub/%2E.json",
    ]


def test_a_case_folding_file_system_makes_a_and_A_collide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path / "in", "A.txt", "a.txt")
    assert planned(tmp_path / "out", str(tmp_path / "in")) == ["A.json", "a.json"]
    monkeypatch.setattr(output, "folds_case", lambda folder: True)
    with pytest.raises(UsageError, match=r"A\.txt and .*a\.txt would both be written to"):
        planned(tmp_path / "out", str(tmp_path / "in"))


def test_the_case_probe_leaves_nothing_behind(tmp_path: Path) -> None:
    assert folds_case(tmp_path) is False  # Linux's file systems tell A.json from a.json
    assert list(tmp_path.iterdir()) == []


def test_what_a_killed_run_left_is_removed_and_nothing_else(tmp_path: Path) -> None:
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    left = [f".a.json.{dead}.0123abcd.tmp", f".sub.json.{dead}.89abcdef.tmp"]
    kept = [
        f".a.json.{os.getpid()}.0123abcd.tmp",  # this very process's, being written
        f".other.json.{dead}.0123abcd.tmp",  # a record this run does not plan
        "notes.tmp",
        "a.json",
    ]
    tree(tmp_path, *left, *kept)
    remove_stale_temporaries(tmp_path, [PurePosixPath("a.json"), PurePosixPath("sub.json")])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)


def test_an_output_folder_that_cannot_even_be_looked_at_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exists(path: Path) -> bool:  # what stat says under a folder one may not search
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "exists", exists)
    with pytest.raises(UsageError, match="cannot create output folder: Permission denied"):
        check_output_dir(tmp_path / "locked" / "out")


def test_a_temporary_file_that_cannot_be_removed_is_left_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    left = f".a.json.{2**22 + 12345}.0123abcd.tmp"
    tree(tmp_path, left)

    def unlink(path: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "unlink", unlink)
    remove_stale_temporaries(tmp_path, [PurePosixPath("a.json")])
    assert [p.name for p in tmp_path.iterdir()] == [left]
