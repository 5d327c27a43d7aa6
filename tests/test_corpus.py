"""Finding, decoding and writing article files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from evextract.corpus import (
    Source,
    check_output_dir,
    decode,
    discover,
    read_article,
    write_atomically,
)
from evextract.errors import ArticleError, UsageError


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
        pytest.param("Hefei’s".encode("utf-16"), "Hefei’s", False, id="utf-16-bom"),
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
