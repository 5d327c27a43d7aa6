"""Finding, decoding and writing article files."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path, PurePosixPath

import pytest

from evextract.corpus import (
    Source,
    check_output_dir,
    decode,
    discover,
    output_path,
    read_article,
    record_is_current,
    write_atomically,
    write_record,
)
from evextract.errors import ArticleError, UsageError
from evextract.records import PipelineInfo, Record

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
root_reads_anyway = pytest.mark.skipif(AS_ROOT, reason="root reads and writes whatever the mode")
INFO = PipelineInfo(evextract="0.1.0", model="en_core_web_sm-3.8.0", knowledge_base="abc")


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/notes.md"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path)])
    assert [s.relative.as_posix() for s in found.sources] == ["a", "b", "sub/c"]
    assert found.problems == []


def test_a_missing_path_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        discover(["does/not/exist.txt"])


def test_a_folder_without_articles_is_a_problem(tmp_path: Path) -> None:
    found = discover([str(tmp_path)])
    assert found.sources == []
    assert found.problems == [f"{tmp_path}: no .txt files in this folder"]


def test_stdin_is_read_once() -> None:
    (source,) = discover(["-"]).sources
    article = read_article(source, io.BytesIO("Nio’s ES8".encode()))
    assert (article.source.id, article.text) == ("stdin", "Nio’s ES8")


@pytest.mark.parametrize(
    ("data", "text", "warned"),
    [
        pytest.param("Hefei’s".encode(), "Hefei’s", False, id="utf-8"),
        pytest.param(b"\xef\xbb\xbfHefei", "Hefei", False, id="utf-8-bom"),
        pytest.param("Hefei’s".encode("utf-16"), "Hefei’s", True, id="utf-16-bom"),
        pytest.param(
            "Citroën’s “ë-C3” costs €23,300 in Besançon".encode("cp1252"),
            "Citroën’s “ë-C3” costs €23,300 in Besançon",
            True,
            id="cp1252",
        ),
        pytest.param(b"a\r\nb", "a\r\nb", False, id="crlf-kept"),
    ],
)
def test_decoding(data: bytes, text: str, warned: bool) -> None:
    decoded, warnings = decode(data)
    assert decoded == text
    assert bool(warnings) == warned


def test_binary_files_are_refused() -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode(b"\x00\x01PK")


def test_an_empty_article_gets_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    article = read_article(Source("empty.txt", tmp_path / "empty.txt", Path("empty")))  # type: ignore[arg-type]
    assert article.warnings == ("the article is empty",)


def test_atomic_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "r.json"
    write_atomically(target, b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]


def test_an_output_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="not a folder"):
        check_output_dir(tmp_path / "file")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-16", "Hefei’s NIO plant will make 300,000 cars a year."),
        ("cp1252", "Citroën’s “ë-C3” costs €23,300 in Besançon, the company said on Tuesday."),
        ("latin-1", "Renault's Zoé sold well in Besançon and Gießen; the Société said 5% more."),
        ("gb18030", "BYD 比亚迪 sold 300,000 cars in 深圳 last month. 比亚迪是中国汽车制造商。"),
    ],
)
def test_text_that_is_not_utf8_is_decoded_and_the_encoding_named(encoding: str, text: str) -> None:
    decoded, warnings = decode(text.encode(encoding))
    assert decoded == text
    (warning,) = warnings
    assert warning.startswith("not UTF-8: decoded as ")
    if encoding in {"utf-16", "gb18030"}:  # one-byte encodings agree on these letters
        assert warning.endswith(encoding)


def source_of(path: Path) -> Source:
    return Source(str(path), path, PurePosixPath(path.stem))


def test_a_symlink_loop_is_an_article_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("x")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").symlink_to(tmp_path)  # a folder loop: not followed
    found = discover([str(tmp_path)])
    assert [s.id for s in found.sources] == ["good", "loop"]
    with pytest.raises(ArticleError, match=r"loop\.txt: cannot read: symlink loop"):
        read_article(found.sources[1])
    (given,) = discover([str(tmp_path / "loop.txt")]).sources  # named on the command line
    with pytest.raises(ArticleError, match="symlink loop"):
        read_article(given)


def test_a_broken_symlink_says_so(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match=r"gone\.txt: cannot read: broken symbolic link"):
        read_article(source_of(tmp_path / "gone.txt"))


def test_an_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ArticleError, match=r"secret\.txt: cannot read: Permission denied$"):
        read_article(source_of(path))


@root_reads_anyway
def test_an_unreadable_file_is_named_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(ArticleError, match="cannot read: Permission denied"):
        read_article(source_of(path))


def test_names_with_spaces_and_other_scripts_are_mirrored(tmp_path: Path) -> None:
    names = ["Zürich plant.txt", "比亚迪 销量.txt", "sub dir/Łódź.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path)])
    assert [s.id for s in found.sources] == ["Zürich plant", "Łódź", "比亚迪 销量"]
    outputs = [output_path(Path("out"), s).as_posix() for s in found.sources]
    assert outputs == ["out/Zürich plant.json", "out/sub dir/Łódź.json", "out/比亚迪 销量.json"]
    assert all(read_article(s).text == "x" for s in found.sources)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(
    tmp_path: Path,
) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("x")
    (source,) = discover([str(tmp_path)]).sources
    assert source.id == "caf\ufffd" and source.source.endswith("caf\ufffd.txt")
    assert read_article(source).text == "x"


def test_stdin_closed_or_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    (source,) = discover(["-"]).sources
    assert read_article(source, io.BytesIO(b"")).warnings == ("the article is empty",)
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when fd 0 is closed
    with pytest.raises(ArticleError, match=r"^-: standard input is closed$"):
        read_article(source)


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


def record(sha256: str = "1" * 64, pipeline: PipelineInfo | None = INFO) -> Record:
    return Record(id="a", source="a.txt", sha256=sha256, title="A", pipeline=pipeline)


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
