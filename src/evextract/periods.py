"""Periods a figure refers to: finding them in a sentence and writing them one way.

Pure: no spaCy. The month names, ordinals and relative phrases live in
data/fact_cues.json; the grammar of a period is here.

>>> [p.name for p in find_periods("In 2024, the city's NEV output exceeded 1.37 million units.")]
['2024']
>>> normalize_period("the first half of 2023"), normalize_period("H1 2023")
('first half of 2023', 'first half of 2023')
>>> normalize_period("Q3 2024"), normalize_period("the third quarter of 2024")
('Q3 2024', 'Q3 2024')
>>> normalize_period("third-quarter"), normalize_period("July-September quarter of 2023")
('Q3', 'Q3 2023')
>>> normalize_period("January-May"), normalize_period("from January to October 2023")
('January-May', 'January-October 2023')
>>> normalize_period("the first five months of 2024"), normalize_period("Jan-Apr")
('January-May 2024', 'January-April')
>>> normalize_period("November 2023"), normalize_period("FY25"), normalize_period("last year")
('November 2023', 'FY2025', 'last year')
>>> normalize_period("between 2025 and 2029"), normalize_period("by 2030")
('2025-2029', 'by 2030')

Dates are not periods, and neither are comparisons:

>>> find_periods("On July 1, 2025 it said sales rose 5% year on year.")
[]
>>> [p.name for p in find_periods("Sales may rise in May, up from 2,000 in April 2024.")]
['May', 'April 2024']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from .datafiles import read_json

CUES_RESOURCE = "fact_cues.json"
_YEAR = r"(?:19|20)\d{2}"
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_QUARTER_STARTS = {1: 1, 4: 2, 7: 3, 10: 4}
# A month alone is a period only after one of these ("in May"; "May" may be a verb).
_MONTH_PREPOSITIONS = "in|during|for|of|last|this|since|until|through"


@dataclass(frozen=True)
class Period:
    """A period as written at text[start:end], and its normalized `name`."""

    start: int
    end: int
    text: str
    name: str


@dataclass(frozen=True)
class _Words:
    months: Mapping[str, int]
    ordinals: Mapping[str, int]
    counts: Mapping[str, int]
    relative: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = read_json(CUES_RESOURCE)
    relative = raw["relative_years"] + raw["relative_quarters"] + raw["relative_months"]
    return _Words(raw["months"], raw["ordinals"], raw["counts"], tuple(relative))


def _alternation(words: object) -> str:
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in items)


Normalizer = Callable[[re.Match[str]], str | None]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], Normalizer, re.Pattern[str] | None], ...]:
    """Each pattern, its normalizer, and what any match of it holds: a text without that
    is not searched with it (most sentences name no month, quarter or half)."""
    words = _words()
    # Month names are case-sensitive ("may" is a verb); everything else is not.
    month = r"(?-i:" + _alternation(m.title() for m in words.months) + r")\.?"
    ordinal = _alternation(words.ordinals)
    count = _alternation(words.counts)
    relative_year = r"this year|last year|next year"
    year_tail = rf"(?:,?\s+(?:of\s+)?(?:the\s+)?(?:fiscal\s+)?(?P<year>{_YEAR}|{relative_year}))?"
    joiner = r"\s*(?:-|–|—|to|through|until|and)\s*"
    # what a match must hold, searched with the same flags
    gates = {"month": month, "year": _YEAR, "quarter": "quarter", "half": "half", "H": "(?-i:H)"}
    table: list[tuple[str, Normalizer, str | None]] = [
        # Dates come first so that their years and months are not read as periods.
        (rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", _no_period, "month"),
        (rf"\b\d{{1,2}}\s+{month}\s+{_YEAR}\b", _no_period, "month"),
        (rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b", _no_period, "year"),
        (
            rf"\b(?P<m1>{month}){joiner}(?P<m2>{month})\s+quarter{year_tail}",
            _months_quarter,
            "quarter",
        ),
        (rf"\b(?:the\s+)?(?P<ord>{ordinal})[\s-]quarter\b{year_tail}", _quarter, "quarter"),
        (rf"\bQ(?P<ord>[1-4])\b(?:\s*(?P<year>{_YEAR}))?", _quarter, "Q[1-4]"),
        (rf"\b(?:the\s+)?(?P<half>first|second)[\s-]half\b{year_tail}", _half, "half"),
        (
            rf"\b(?-i:H|(?P<num>[12])H)(?(num)|(?P<h>[12]))\b(?:\s*(?P<year>{_YEAR}))?",
            _half,
            "H",
        ),
        (
            rf"\b(?:the\s+)?first\s+(?P<count>{count})\s+months\b{year_tail}",
            _first_months,
            "months",
        ),
        (
            rf"\b(?:from\s+|between\s+)?(?P<m1>{month})(?:\s+(?P<y1>{_YEAR}))?{joiner}"
            rf"(?P<m2>{month})(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<year>{_YEAR}))?",
            _month_range,
            "month",
        ),
        (
            rf"\b(?:from\s+|between\s+)?(?P<y1>{_YEAR}){joiner}(?P<y2>{_YEAR})\b",
            _year_range,
            "year",
        ),
        (r"\b(?:FY\s?|fiscal(?:\s+year)?\s+)(?P<fy>\d{4}|\d{2})\b", _fiscal, "FY|fiscal"),
        (rf"\b(?P<m1>{month})\s+(?P<year>{_YEAR})\b", _month, "month"),
        (rf"\b(?P<by>by|since|until|through)\s+(?P<year>{_YEAR})\b", _year, "year"),
        (rf"(?<![-–/\d])\b(?P<year>{_YEAR})\b(?![-–/]\d)", _year, "year"),
        (rf"\b(?:{_MONTH_PREPOSITIONS})\s+(?P<m1>{month})(?!\s*\d)\b", _month, "month"),
        (
            rf"\b(?:the\s+)?(?P<relative>{_alternation(words.relative)}|full-year)\b"
            r"(?!-on-)(?!\s+on\s+year)",
            _relative,
            None,
        ),
    ]
    return tuple(
        (
            re.compile(pattern, re.IGNORECASE),
            normalize,
            _gate(gates.get(gate, gate)) if gate is not None else None,
        )
        for pattern, normalize, gate in table
    )


@cache
def _gate(pattern: str) -> re.Pattern[str]:
    """One compiled gate per pattern text: patterns that share a gate share its search."""
    return re.compile(pattern, re.IGNORECASE)


def find_periods(text: str) -> list[Period]:
    """The periods in `text`, in order, never overlapping; dates are left out."""
    found: list[tuple[int, int, str | None]] = []
    passed: dict[re.Pattern[str], bool] = {}
    for pattern, normalize, gate in _patterns():
        if gate is not None:
            if gate not in passed:
                passed[gate] = gate.search(text) is not None
            if not passed[gate]:
                continue  # no match can hold what every match holds
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(start < e and s < end for s, e, _ in found):
                found.append((start, end, normalize(match)))
    return [
        Period(start, end, text[start:end], name)
        for start, end, name in sorted(found)
        if name is not None
    ]


def normalize_period(text: str) -> str | None:
    """The one way evextract writes a period, or None when `text` holds none."""
    periods = find_periods(text)
    return periods[0].name if periods else None


def _month_name(word: str) -> str:
    return _MONTH_NAMES[_words().months[word.lower().rstrip(".")] - 1]


def _month_number(word: str) -> int:
    return _words().months[word.lower().rstrip(".")]


def _with_year(name: str, year: str | None, joiner: str = " ") -> str:
    return f"{name}{joiner}{year.lower()}" if year else name


def _no_period(match: re.Match[str]) -> None:
    return None


def _quarter(match: re.Match[str]) -> str:
    number = match["ord"]
    quarter = int(number) if number.isdigit() else _words().ordinals[number.lower()]
    return _with_year(f"Q{quarter}", match["year"])


def _months_quarter(match: re.Match[str]) -> str | None:
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    if first not in _QUARTER_STARTS or last != first + 2:
        return None
    return _with_year(f"Q{_QUARTER_STARTS[first]}", match["year"])


def _half(match: re.Match[str]) -> str:
    groups = match.groupdict()
    number = groups.get("num") or groups.get("h")
    half = groups.get("half") or ("first" if number == "1" else "second")
    return _with_year(f"{half.lower()} half", match["year"], " of ")


def _first_months(match: re.Match[str]) -> str | None:
    months = _words().counts[match["count"].lower()]
    return _with_year(f"January-{_MONTH_NAMES[months - 1]}", match["year"])


def _month_range(match: re.Match[str]) -> str:
    first, last = _month_name(match["m1"]), _month_name(match["m2"])
    if match["y1"] and match["year"] and match["y1"] != match["year"]:
        return f"{first} {match['y1']}-{last} {match['year']}"
    return _with_year(f"{first}-{last}", match["year"] or match["y1"])


def _year_range(match: re.Match[str]) -> str:
    return f"{match['y1']}-{match['y2']}"


def _fiscal(match: re.Match[str]) -> str:
    year = match["fy"]
    return f"FY{'20' + year if len(year) == 2 else year}"


def _month(match: re.Match[str]) -> str:
    return _with_year(_month_name(match["m1"]), match.groupdict().get("year"))


def _year(match: re.Match[str]) -> str:
    by = match.groupdict().get("by")
    return f"{by.lower()} {match['year']}" if by and by.lower() != "through" else match["year"]


def _relative(match: re.Match[str]) -> str:
    return match["relative"].lower().replace("-", " ").removeprefix("the ")
