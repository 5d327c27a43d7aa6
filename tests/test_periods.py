"""Periods: finding them in a sentence and writing them one way (pure, no spaCy)."""

from __future__ import annotations

import pytest

from evextract.periods import find_periods, normalize_period

xfail = pytest.mark.xfail(strict=True)

CASES = [
    pytest.param("In 2024, output rose.", "2024", id="year"),
    pytest.param("in the first half of 2023", "first half of 2023", id="half-year"),
    pytest.param("H2 2024", "second half of 2024", id="half-year-short"),
    pytest.param("Q3 2024", "Q3 2024", id="quarter-short"),
    pytest.param("the third quarter of 2024", "Q3 2024", id="quarter-words"),
    pytest.param("third-quarter sales", "Q3", id="quarter-adjective"),
    pytest.param("the July-September quarter of 2023", "Q3 2023", id="quarter-by-months"),
    pytest.param("January-May", "January-May", id="month-range"),
    pytest.param("from January to October 2023", "January-October 2023", id="month-range-words"),
    pytest.param("Jan-Apr", "January-April", id="month-range-abbreviated"),
    pytest.param("the first five months of 2024", "January-May 2024", id="first-n-months"),
    pytest.param("in November", "November", id="month-after-preposition"),
    pytest.param("November 2023", "November 2023", id="month-and-year"),
    pytest.param("between 2025 and 2029", "2025-2029", id="year-range"),
    pytest.param("by 2030", "by 2030", id="target-year"),
    pytest.param("FY25", "FY2025", id="fiscal-year"),
    pytest.param("last year", "last year", id="relative-year"),
    pytest.param("full-year target", "full year", id="full-year"),
    pytest.param("On July 1, 2025 it opened.", None, id="a-date-is-no-period"),
    pytest.param("20 December 2023", None, id="day-month-year-date"),
    pytest.param("2025-07-03", None, id="iso-date"),
    pytest.param("up 5% year on year", None, id="comparison"),
    pytest.param("sales may rise", None, id="may-the-verb"),
    pytest.param("the 2023/24 season", "2023/24", id="split-year", marks=xfail),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize_period(text: str, expected: str | None) -> None:
    assert normalize_period(text) == expected


def test_periods_are_slices_of_the_text_in_order() -> None:
    text = "Sales rose in Q1 2024 and fell in the second half of 2024, versus 2023."
    periods = find_periods(text)
    assert [p.name for p in periods] == ["Q1 2024", "second half of 2024", "2023"]
    assert all(text[p.start : p.end] == p.text for p in periods)


GATED_CASES = [
    "In 2024, the city's NEV output exceeded 1.37 million units.",
    "Sales rose in the third quarter and in Q4 2023, and in H1 2024 and 1H24.",
    "July-September quarter of 2023; fiscal 2025; FY25; fiſcal 2026.",
    "the first five months of 2024, from January to October 2023, Jan-Apr",
    "On July 1, 2025 it said sales rose 5% year on year, last year and this quarter.",
    "between 2025 and 2029, by 2030, since 2019, 2020-06-02, 12 March 2024",
    "no period here at all, only the second half and a Mayor",
]


@pytest.mark.parametrize("text", GATED_CASES)
def test_a_pattern_is_skipped_only_where_it_cannot_match(text: str) -> None:
    """The gate of each pattern holds what every match holds: searching with all the
    patterns, gates ignored, finds the same periods."""
    from evextract.periods import Period, _patterns

    found: list[tuple[int, int, str | None]] = []
    for pattern, normalize, _ in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(start < e and s < end for s, e, _ in found):
                found.append((start, end, normalize(match)))
    expected = [Period(s, e, text[s:e], n) for s, e, n in sorted(found) if n is not None]
    assert find_periods(text) == expected
