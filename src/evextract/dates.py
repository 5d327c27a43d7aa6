"""Finding an article's own publication date in its first lines.

>>> find_published_date("EV sales rise\\n\\nFebruary 2, 2021\\n\\nBody text.")
'2021-02-02'
>>> find_published_date(" date 2025-07-03 We Are China")
'2025-07-03'
>>> find_published_date("Title\\npublished: 2023-02-14 9:30")
'2023-02-14'
>>> find_published_date("Title\\n20 December 2023\\n")
'2023-12-20'
>>> find_published_date("BRUSSELS, Oct. 29, 2024 — The European Commission said")
'2024-10-29'
>>> find_published_date("Title\\nBody says July 1, 2025 far below.", header_lines=1) is None
True
>>> find_published_date("Updated: 2020-02-30") is None
True
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
)


def find_published_date(text: str, header_lines: int = 4) -> str | None:
    """The first full date in the first `header_lines` non-empty lines, as ISO text."""
    lines = [line for line in text.splitlines() if line.strip()][:header_lines]
    for line in lines:
        for pattern in _PATTERNS:
            for match in pattern.finditer(line):
                date = _to_date(match)
                if date is not None:
                    return date.isoformat()
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()[:3]]
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
