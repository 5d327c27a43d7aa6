"""Planning record paths, with plain paths: escaping, the two layouts, collisions."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evextract.errors import UsageError
from evextract.layout import SHOWN_COLLISIONS, Wanted, mirror_prefix, mirrored, plan, record_path

NAMES = [
    # (name, as a record stem, as a folder)
    pytest.param("Zürich plant", "Zürich plant", "Zürich plant", id="spaces-and-letters"),
    pytest.param("比亚迪 销量", "比亚迪 销量", "比亚迪 销量", id="other-scripts"),
    pytest.param("-o", "-o", "-o", id="leading-dash"),
    pytest.param(".hidden", ".hidden", ".hidden", id="dotfile"),
    pytest.param("50% more", "50% more", "50% more", id="a-lone-percent"),
    pytest.param(".", "%2E", "%2E", id="dot"),
    pytest.param("..", "%2E%2E", "%2E%2E", id="dot-dot"),
    pytest.param("...", "%2E%2E%2E", "%2E%2E%2E", id="dots"),
    pytest.param("CON", "%43ON", "%43ON", id="windows-device"),
    pytest.param("nul.backup", "%6Eul.backup", "%6Eul.backup", id="windows-device-with-dot"),
    pytest.param("com1", "%63om1", "%63om1", id="windows-port"),
    pytest.param("LPT9 ", "%4CPT9 ", "%4CPT9%20", id="windows-port-trailing-space"),
    pytest.param("console", "console", "console", id="not-a-device"),
    pytest.param("a:b", "a%3Ab", "a%3Ab", id="colon"),
    pytest.param(
        'what?*"<>|\\', "what%3F%2A%22%3C%3E%7C%5C", "what%3F%2A%22%3C%3E%7C%5C", id="win"
    ),
    pytest.param("two\nlines\t", "two%0Alines%09", "two%0Alines%09", id="control-characters"),
    pytest.param("caf\udce9", "caf%E9", "caf%E9", id="not-utf8"),
    pytest.param("%2E", "%252E", "%252E", id="looks-escaped"),
    pytest.param("100%2e%", "100%252e%25", "100%252e%25", id="looks-escaped-lowercase"),
    pytest.param("ends.", "ends.", "ends%2E", id="trailing-dot"),
    pytest.param("ends ", "ends ", "ends%20", id="trailing-space"),
]


@pytest.mark.parametrize(("name", "stem", "folder"), NAMES)
def test_names_are_mirrored_or_escaped(name: str, stem: str, folder: str) -> None:
    assert (mirrored(name), mirrored(name, folder=True)) == (stem, folder)


names = st.text(
    st.sampled_from("aAbB .%2E:?\n" + "\udce9" + "é"), min_size=1, max_size=6
) | st.sampled_from(["CON", "nul", "..", ".", "%41", "com1.x"])


@settings(max_examples=300, derandomize=True, deadline=None)
@given(names, names, st.booleans())
def test_no_two_names_share_a_mirrored_name(first: str, second: str, folder: bool) -> None:
    if first != second:
        assert mirrored(first, folder=folder) != mirrored(second, folder=folder)
    escaped = mirrored(first, folder=folder)
    assert escaped.strip(".") and escaped.encode("utf-8")  # no dot-only name, no raw bytes
    assert not any(c in '<>:"\\|?*' or ord(c) < 0x20 for c in escaped)
    if folder:
        assert not escaped.endswith((".", " "))


def wanted(name: str, relative: str, prefix: str = "") -> Wanted:
    return Wanted(name, PurePosixPath(relative), PurePosixPath(prefix))


def paths(*articles: Wanted, layout: str = "merged", fold_case: bool = False) -> list[str]:
    return [str(path) for path in plan(articles, layout, "out", fold_case=fold_case)]


def test_a_record_path_has_the_article_suffix_replaced() -> None:
    assert [
        str(record_path(PurePosixPath(p))) for p in ["a.txt", "sub/b.txt", "x.tar.txt", "notes"]
    ] == ["a.json", "sub/b.json", "x.tar.json", "notes.json"]


def test_sub_dot_dot_txt_no_longer_lands_on_sub_json() -> None:
    articles = [wanted("in/sub.txt", "sub.txt", "in"), wanted("in/sub/..txt", "sub/..txt", "in")]
    assert paths(*articles) == ["sub.json", "sub/%2E.json"]


def test_two_inputs_of_one_record_path_are_named_both() -> None:
    articles = [wanted("in/a.txt", "a.txt", "in"), wanted("in2/a.txt", "a.txt", "in2")]
    with pytest.raises(UsageError) as raised:
        paths(*articles)
    assert str(raised.value) == (
        "in/a.txt and in2/a.txt would both be written to out/a.json"
        " (--layout mirror keeps them apart)"
    )
    assert paths(*articles, layout="mirror") == ["in/a.json", "in2/a.json"]


def test_an_input_given_twice_says_so_in_either_layout() -> None:
    articles = [wanted("in/a.txt", "a.txt", "in"), wanted("in/a.txt", "a.txt", "in")]
    for layout in ("merged", "mirror"):
        with pytest.raises(UsageError, match=r"^in/a\.txt is given twice: both would be"):
            paths(*articles, layout=layout)


def test_no_hint_where_mirroring_would_not_help() -> None:
    # "./in/a.txt" and "in/a.txt": one file, spelt two ways.
    articles = [wanted("in/a.txt", "a.txt", "in"), wanted("./in/a.txt", "a.txt", "in")]
    with pytest.raises(UsageError) as raised:
        paths(*articles)
    assert "--layout" not in str(raised.value)


def test_a_record_path_that_another_needs_as_a_folder_is_a_collision() -> None:
    articles = [wanted("in/x.txt", "x.txt"), wanted("in/x.json/y.txt", "x.json/y.txt")]
    with pytest.raises(UsageError) as raised:
        paths(*articles)
    assert str(raised.value) == (
        "in/x.txt and in/x.json/y.txt cannot both be written: out/x.json would be a record"
        " and a folder"
    )


def test_case_folding_file_systems_make_more_collisions() -> None:
    articles = [wanted("in/A.txt", "A.txt"), wanted("in/a.txt", "a.txt")]
    assert paths(*articles) == ["A.json", "a.json"]
    with pytest.raises(UsageError, match=r"in/A\.txt and in/a\.txt would both be written"):
        paths(*articles, fold_case=True)


def test_many_collisions_are_listed_up_to_a_limit() -> None:
    articles = [wanted(f"{d}/{n}.txt", f"{n}.txt", d) for d in ("in", "in2") for n in range(30)]
    with pytest.raises(UsageError) as raised:
        paths(*articles)
    lines = str(raised.value).splitlines()
    assert len(lines) == SHOWN_COLLISIONS + 1
    assert lines[-1] == f"... and {30 - SHOWN_COLLISIONS} more inputs that share a record path"


def test_mirror_keeps_the_path_as_given_and_escapes_what_it_must() -> None:
    articles = [
        wanted("in/a.txt", "a.txt", str(mirror_prefix("in/a.txt", folder=False))),
        wanted("../in/a.txt", "a.txt", str(mirror_prefix("../in/a.txt", folder=False))),
        wanted("/abs/in", "sub/b.txt", str(mirror_prefix("/abs/in", folder=True))),
        wanted("-", "stdin"),
    ]
    assert paths(*articles, layout="mirror") == [
        "in/a.json",
        "%2E%2E/in/a.json",
        "abs/in/sub/b.json",
        "stdin.json",
    ]


def test_an_unknown_layout_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--layout must be one of merged, mirror"):
        paths(wanted("a.txt", "a.txt"), layout="flat")
