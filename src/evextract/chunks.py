"""Cutting a text too long for spaCy into pieces, at the most natural boundaries.

Pure: no spaCy. spaCy refuses texts longer than `nlp.max_length`; `pieces`
cuts such a text into consecutive pieces no longer than the limit, preferring
a blank line, then a line break, a sentence end, a space, and only as a last
resort the limit itself. The pieces put back together are the text, so
offsets into a piece shift into offsets into the whole by the piece's start.

>>> text = "One.\\n\\nTwo is longer.\\n\\nThree."
>>> [text[start:end] for start, end in pieces(text, 20)]
['One.\\n\\n', 'Two is longer.\\n\\n', 'Three.']
>>> pieces("short", 100)
[(0, 5)]
>>> [("x" * 9)[start:end] for start, end in pieces("x" * 9, 4)]
['xxxx', 'xxxx', 'x']
"""

from __future__ import annotations

import re

# Best first: a cut right after one of these keeps paragraphs, lines, sentences, words whole.
_BOUNDARIES = (
    re.compile(r"\n[ \t\r]*\n\s*"),  # a blank line (and the blank lines after it)
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)]*\s+"),
    re.compile(r"\s+"),
)


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of `text`, each at most `limit` characters."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        found.append((start, end))
        start = end
    found.append((start, len(text)))
    return found


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end the piece that starts at `start` and may not pass `stop`."""
    window = text[start:stop]
    for boundary in _BOUNDARIES:
        end = max((match.end() for match in boundary.finditer(window)), default=0)
        if end:
            return start + end
    return stop
