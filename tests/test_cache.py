"""The on-disk cache: a hit, and every way a file can be wrong, each rebuilt silently."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from evextract.cache import (
    CACHE_DIR_ENV,
    NO_CACHE_ENV,
    cache_dir,
    cache_key,
    load_or_build,
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builds:
    """A build that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_second_load_reads_the_file_and_does_not_build(folder: Path) -> None:
    build = Builds({"hefei": [1, 2]})
    first = load_or_build("table", cache_key("a"), dict, build)
    second = load_or_build("table", cache_key("a"), dict, build)
    assert (first, second, build.calls) == ({"hefei": [1, 2]}, {"hefei": [1, 2]}, 1)
    assert second is not first  # read back from the file
    assert [p.name for p in folder.iterdir()] == ["table.pickle"]  # no temporary file left


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"not a pickle at all", id="garbage"),
        pytest.param(pickle.dumps(cache_key("a")), id="key-without-value"),
        pytest.param(pickle.dumps(cache_key("a")) + pickle.dumps(["a list"]), id="wrong-kind"),
        pytest.param(pickle.dumps(cache_key("old")) + pickle.dumps({"old": 1}), id="stale-key"),
    ],
)
def test_a_bad_or_stale_file_is_rebuilt_and_replaced(folder: Path, content: bytes) -> None:
    folder.mkdir()
    (folder / "table.pickle").write_bytes(content)
    build = Builds({"new": 2})
    assert load_or_build("table", cache_key("a"), dict, build) == {"new": 2}
    assert load_or_build("table", cache_key("a"), dict, build) == {"new": 2}
    assert build.calls == 1  # the second load read the replaced file


def test_a_truncated_file_is_rebuilt(folder: Path) -> None:
    load_or_build("table", cache_key("a"), dict, Builds({"n": list(range(1000))}))
    path = folder / "table.pickle"
    path.write_bytes(path.read_bytes()[:-100])
    build = Builds({"n": [1]})
    assert load_or_build("table", cache_key("a"), dict, build) == {"n": [1]}
    assert build.calls == 1


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "a-file" / "cache"))  # cannot be made
    build = Builds({"x": 1})
    assert load_or_build("table", cache_key("a"), dict, build) == {"x": 1}
    assert load_or_build("table", cache_key("a"), dict, build) == {"x": 1}
    assert build.calls == 2


def test_a_value_that_cannot_be_pickled_is_no_error_and_leaves_no_file(folder: Path) -> None:
    build = Builds({"f": lambda: None})
    assert load_or_build("table", cache_key("a"), dict, build) is build.value
    assert list(folder.iterdir()) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_or_build("table", cache_key("a"), dict, Builds({"x": 1}))
    assert list(folder.iterdir()) == []


def test_no_cache_builds_every_time_and_writes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    build = Builds({"x": 1})
    load_or_build("table", cache_key("a"), dict, build)
    load_or_build("table", cache_key("a"), dict, build)
    assert (build.calls, folder.exists()) == (2, False)


@pytest.mark.parametrize(
    ("env", "want"),
    [
        pytest.param({CACHE_DIR_ENV: "/c/evx"}, "/c/evx", id="explicit"),
        pytest.param({"XDG_CACHE_HOME": "/xdg"}, "/xdg/evextract", id="xdg"),
        pytest.param({"HOME": "/home/u"}, "/home/u/.cache/evextract", id="home"),
        pytest.param({NO_CACHE_ENV: "0", "HOME": "/h"}, "/h/.cache/evextract", id="no-cache-0"),
        pytest.param({NO_CACHE_ENV: "1", CACHE_DIR_ENV: "/c"}, None, id="off"),
        pytest.param({NO_CACHE_ENV: "yes", CACHE_DIR_ENV: "/c"}, None, id="off-yes"),
    ],
)
def test_where_the_cache_lives(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], want: str | None
) -> None:
    for name in (CACHE_DIR_ENV, NO_CACHE_ENV, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    found = cache_dir()
    assert (str(found) if found else None) == want


def test_the_key_keeps_parts_apart_and_takes_bytes() -> None:
    assert cache_key("ab", "c") != cache_key("a", "bc")
    assert cache_key("x", b"y") == cache_key("x", "y")
    assert cache_key("x") != cache_key("x", "")
