"""Finding, decoding and writing article files."""

from __future__ import annotations

import io
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

from evextract.corpus import Kind, Source, decode, discover, file_kind, read_article
from evextract.errors import ArticleError, UsageError
from evextract.output import output_path

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
root_reads_anyway = pytest.mark.skipif(AS_ROOT, reason="root reads and writes whatever the mode")


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/notes.md"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path)])
    assert [s.relative.as_posix() for s in found.sources] == ["a.txt", "b.txt", "sub/c.txt"]
    assert [s.id for s in found.sources] == ["a", "b", "c"]
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
    return Source(str(path), path, PurePosixPath(path.name))


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


# Special files: a FIFO would make a run wait, a device may never end.


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_file_kinds_are_told_without_opening(tmp_path: Path, unix_socket: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    kinds = {
        name: file_kind(tmp_path / name)
        for name in ["file.txt", "pipe.txt", "sock.txt", "loop.txt", "gone.txt", "missing.txt"]
    }
    assert kinds == {
        "file.txt": Kind.FILE,
        "pipe.txt": Kind.STREAM,
        "sock.txt": Kind.SOCKET,
        "loop.txt": Kind.UNREADABLE,
        "gone.txt": Kind.UNREADABLE,
        "missing.txt": Kind.MISSING,
    }
    assert (file_kind(tmp_path), file_kind(Path(os.devnull))) == (Kind.FOLDER, Kind.DEVICE)


def test_special_files_in_a_folder_are_skipped_with_one_line_each(
    tmp_path: Path, unix_socket: Path
) -> None:
    (tmp_path / "good.txt").write_text("x")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "null.txt").symlink_to(os.devnull)  # a device, as root could mknod one
    found = discover([str(tmp_path)])
    assert [s.id for s in found.sources] == ["good"]
    assert found.problems == [
        f"{tmp_path / 'null.txt'}: skipped: a device, not a file",
        f"{tmp_path / 'pipe.txt'}: skipped: a named pipe (FIFO), not a file",
        f"{tmp_path / 'sock.txt'}: skipped: a socket, not a file",
    ]


def test_a_fifo_named_on_the_command_line_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    (source,) = discover([str(fifo)]).sources  # discovery does not wait for a writer
    writer = threading.Thread(target=fifo.write_text, args=("Nio delivered 20,000 cars.",))
    writer.start()
    article = read_article(source)
    writer.join(timeout=10)
    assert (article.source.id, article.text) == ("feed", "Nio delivered 20,000 cars.")


def test_a_device_or_a_socket_named_on_the_command_line_is_refused(unix_socket: Path) -> None:
    found = discover([os.devnull, str(unix_socket)])
    assert found.sources == []
    assert found.problems == [
        f"{os.devnull}: a device, not an article file",
        f"{unix_socket}: a socket, not an article file",
    ]


def test_names_in_messages_stay_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_bytes(b"\x00binary")
    (source,) = discover([str(tmp_path)]).sources
    with pytest.raises(ArticleError) as raised:
        read_article(source)
    assert (
        str(raised.value)
        == f"{tmp_path}/two\\nlines.txt: looks like a binary file (NUL bytes), not text"
    )
    assert raised.value.source == f"{tmp_path}/two\nlines.txt"  # the record's source keeps it
