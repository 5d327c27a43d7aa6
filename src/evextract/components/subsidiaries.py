"""A company's national or regional arm, written as the company and the place.

"BYD UK", "Toyota Motor Thailand", "Samsung SDI Hungary", "BYD do Brasil", "BYD Auto
(Thailand)", "Hyundai Motor Manufacturing Indonesia", "BYD Europe": each is its own
company (the GUIDELINES' "Volkswagen Anhui"), and a role held there belongs to it, not
to the parent. A known company directly followed by a place (or by "do", "de", "of"
and a place, or by a bracketed place), maybe through a word saying what the arm does,
names the arm.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

# Portuguese, Spanish, French and English links: "do Brasil", "de México", "of America".
LINKS = frozenset({"do", "de", "du", "da", "of"})
_LONGEST_PLACE = 3


def arm_of(
    company: Span,
    arm_words: frozenset[str],
    is_country_or_region: Callable[[str], bool],
) -> Span | None:
    """The company's arm that starts with `company`, if the words after it name one."""
    doc, i = company.doc, company.end
    if i < len(doc) and "\n" in doc[i - 1].whitespace_:
        return None
    while i < len(doc) and doc[i].text in arm_words and i - company.end < 2:
        i += 1  # "Manufacturing", "Motor Manufacturing", "Auto"
    bracketed = i < len(doc) and doc[i].text == "("
    if bracketed or (i < len(doc) and doc[i].text in LINKS):
        i += 1
    end = _place_end(doc, i, is_country_or_region)
    if end is None:
        return None
    if bracketed:
        if end >= len(doc) or doc[end].text != ")":
            return None
        end += 1
    return Span(doc, company.start, end, label="company")


def _place_end(doc: Doc, i: int, is_place: Callable[[str], bool]) -> int | None:
    """The end of the longest run of title-case words at `i` that names a place."""
    for n in range(_LONGEST_PLACE, 0, -1):
        words = doc[i : i + n]
        capitalized = len(words) == n and all(t.is_title or t.is_upper for t in words)
        if capitalized and is_place(words.text):
            return i + n
    return None
