"""Cutting texts too long for spaCy: the pieces always put the text back together."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evextract.chunks import pieces


def cut(text: str, limit: int) -> list[str]:
    return [text[start:end] for start, end in pieces(text, limit)]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("a b.\n\nc d.\n\ne f.", 9, ["a b.\n\n", "c d.\n\n", "e f."], id="paragraphs"),
        pytest.param("a b.\r\n\r\nc d.", 9, ["a b.\r\n\r\n", "c d."], id="crlf-paragraphs"),
        pytest.param("one\ntwo\nthree", 9, ["one\ntwo\n", "three"], id="lines"),
        pytest.param("One. Two. Three.", 11, ["One. Two. ", "Three."], id="sentences"),
        pytest.param("aa bb cc", 4, ["aa ", "bb ", "cc"], id="words"),
        pytest.param("abcdef", 4, ["abcd", "ef"], id="hard-cut"),
        pytest.param("", 4, [""], id="empty"),
    ],
)
def test_cuts_at_the_best_boundary(text: str, limit: int, expected: list[str]) -> None:
    assert cut(text, limit) == expected


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\r\t"), max_size=200), st.integers(1, 40))
def test_pieces_are_short_consecutive_and_make_the_whole_text(text: str, limit: int) -> None:
    spans = pieces(text, limit)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(end - start <= limit for start, end in spans)
    assert all(end > start for start, end in spans) or text == ""
    assert all(a[1] == b[0] for a, b in pairwise(spans))


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        pieces("x", 0)
