"""Who wrote, edited and photographed an article: names in bylines and credit lines.

Pure: no spaCy. News prints these names in every typography (``By ZHANG WEI and HE
Jiayi``, ``Photo: ADI PRASETYO/for this site``, ``Editor: Tan Meiling``), often in capitals
that a statistical model takes for an organization; the line around them says what they are.

>>> [c.text for c in credit_names("By ZHANG WEI and HE Jiayi in Yibin\\n")]
['ZHANG WEI', 'HE Jiayi']
>>> [(c.text, c.role) for c in credit_names("Cells in Sulawesi. Photo: ADI PRASETYO/for this site")]
[('ADI PRASETYO', 'photo')]
>>> [c.text for c in credit_names("By Harriet Calloway, Motoring Correspondent", {"Correspondent"})]
['Harriet Calloway']
>>> [c.text for c in credit_names("By the end of March, Chongqing had 246,000 charging piles.")]
[]
>>> [c.text for c in credit_names("Exports\\n\\nCHEN Siyu and LIN Haoran\\n\\nFUZHOU, July 31 -")]
['CHEN Siyu', 'LIN Haoran']
>>> [c.text for c in credit_names("Trucks\\n\\nMay 20, 2025 | KYODO NEWS\\n\\nTOKYO -- Honda said")]
['KYODO NEWS']

A line of names alone is a byline when it stands in the article's head, next to a
dateline ("FUZHOU, July 31 --", "NEW DELHI") or a date ("Published: 2025-06-12").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

# What opens a credit, by the role it gives the names after it. Case matters: "by" in a
# sentence is no byline, so bylines must open the line (or a "|" segment of it).
_LINE_CREDITS = {
    "byline": r"By|Text(?: by)?:?|Words(?: by)?:?|Written by|Reporting by|Reported by|Story by",
    "editor": r"Editor:?|Edited by|Editing by|Reporter:?|Translated by|Translator:?",
}
_PHOTO_CREDIT = r"(?:Photos?|Photograph|Picture|Image)(?: by|:|/| ?\|)"
_WORD = r"[^\W\d_][\w'’.\-]*"
_PARTICLE = r"(?:de|da|das|do|dos|du|di|del|della|van|von|der|den|ter|bin|binti|al|el|la|le)"
# Two to four words, maybe with particles inside: "Sigrid de Vries", "YOUSSEF EL AMRANI".
_NAME = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{1,3}}"
_LIST_JOIN = re.compile(r"[ \t]*(?:,|&|\band\b)[ \t]*")
_HEAD_LINES = 12  # bylines stand among the article's first lines
_DATELINE = re.compile(r"[A-Z][A-Z .'’\-]{2,}(?:,|[ \t]+(?:--|—|–|-)|$)")
_DATE = re.compile(
    r"(?:(?:Published|Updated|Posted)[ \t]*:?[ \t]*)?"
    r"(?:\d{4}-\d{2}-\d{2}"  # 2025-06-12
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}"  # 14 Aug 2025
    r"|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4})"  # September 12, 2024
)
_AFTER_NAME = re.compile(r"[ \t]+(?:in|from|at|for|with)\b.*$|[ \t]*[/(].*$")


@dataclass(frozen=True)
class CreditName:
    """A name in a credit: where it is in the text, and what the credit says it did."""

    start: int
    end: int
    text: str
    role: str  # "byline", "editor" or "photo"


def credit_names(
    text: str,
    title_words: Collection[str] = (),
    is_common: Callable[[str], bool] = lambda word: False,
    is_place: Callable[[str], bool] = lambda name: False,
) -> Iterator[CreditName]:
    """The names that bylines and credits give, in text order. `is_common` tells a common
    word and `is_place` a place's name, so that a line of names alone in the article's
    head is not a short headline ('Green Growth') or a dateline ('NEW DELHI')."""
    found: list[CreditName] = [
        name
        for name in _byline_lines(text, title_words)
        if not (name.text.isupper() and is_place(name.text))  # 'NEW DELHI', not 'LIU Yang'
        and (_surname_first(name.text) or not all(is_common(w) for w in name.text.split()))
    ]
    for line_start, line in _lines(text):
        for segment_start, segment in _segments(line):
            found.extend(_line_credit(line_start + segment_start, segment, title_words))
        for match in re.finditer(rf"{_PHOTO_CREDIT}[ \t]*", line):
            start = line_start + match.end()
            found.extend(_names(start, _until_separator(line[match.end() :]), "photo", title_words))
    seen: set[int] = set()
    for credit in sorted(found, key=lambda c: c.start):
        if credit.start not in seen:
            seen.add(credit.start)
            yield credit


def _byline_lines(text: str, title_words: Collection[str]) -> Iterator[CreditName]:
    """'LIU Yang, MA Xiaoling' after 'Published: 2025-06-12', 'ARVIND MENON' before 'NEW
    DELHI', 'Deepa Raghunathan | Mint' before 'Updated: 14 Aug 2025': names alone on a
    line of the article's head, beside a dateline or a date."""
    head = [(start, line.strip()) for start, line in _lines(text) if line.strip()][:_HEAD_LINES]
    for k, (start, line) in enumerate(head):
        before = head[k - 1][1] if k > 0 else ""
        after = head[k + 1][1] if k + 1 < len(head) else ""
        if _DATE.match(line) and "|" in line:  # "May 20, 2025 | KYODO NEWS"
            yield from _after_date(start, line, title_words)
            continue
        if not (_DATELINE.match(after) or _DATE.match(after) or _DATE.match(before)):
            continue
        segment = line.split("|")[0].rstrip()
        if any(re.match(rf"(?:{lead})[ \t]", segment) for lead in _LINE_CREDITS.values()):
            continue  # "By PARK SE-YEON": a byline of its own
        offset = start + text[start:].index(segment)
        names = list(_names(offset, segment, "byline", title_words))
        if names and _only_names(segment, names, offset):
            yield from names


def _after_date(start: int, line: str, title_words: Collection[str]) -> Iterator[CreditName]:
    """'May 20, 2025 | KYODO NEWS', '14 Aug 2025 | Deepa Raghunathan': who the date line
    credits, when a part holds nothing but names."""
    for offset, segment in list(_segments(line))[1:]:
        names = list(_names(start + offset, segment, "byline", title_words))
        if names and _only_names(segment, names, start + offset):
            yield from names


def _surname_first(name: str) -> bool:
    """'LIU Yang', 'MA Xiaoling': a surname in capitals before the given name, the way
    Chinese state media sign articles, whatever the words mean in English."""
    words = name.split()
    return len(words) == 2 and words[0].isupper() and words[1].istitle()


def _only_names(segment: str, names: list[CreditName], offset: int) -> bool:
    """Nothing on the line but the names and what joins them: not a short headline."""
    rest = segment
    for name in sorted(names, key=lambda n: n.start, reverse=True):
        rest = rest[: name.start - offset] + rest[name.end - offset :]
    return _LIST_JOIN.sub("", rest).strip(" .") == ""


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _segments(line: str) -> Iterator[tuple[int, str]]:
    """'Updated 2025-04-09 | By TAN Yuting | Editor: LI Mengjie': each part by itself."""
    start = 0
    for part in line.split("|"):
        stripped = len(part) - len(part.lstrip())
        yield start + stripped, part.strip()
        start += len(part) + 1


def _line_credit(start: int, segment: str, title_words: Collection[str]) -> list[CreditName]:
    for role, lead in _LINE_CREDITS.items():
        match = re.match(rf"(?:{lead})[ \t]+", segment)
        if match is not None:
            names = _until_separator(segment[match.end() :])
            return list(_names(start + match.end(), names, role, title_words))
    return []


def _until_separator(text: str) -> str:
    """The names end where the credit goes on to something else: a colon, a dash, a line."""
    return re.split(r"[:;—–]|\s-\s|\.\s", text, maxsplit=1)[0]


def _names(start: int, text: str, role: str, title_words: Collection[str]) -> Iterator[CreditName]:
    """'ZHANG WEI and HE Jiayi', 'Kenji Morimoto in Tokyo and Laura Whitfield in Detroit':
    after a name's place ('in Liuzhou, Guangxi') commas go on with the place, not a name."""
    in_place = False
    for join, offset, part in _parts(text):
        if join != ",":
            in_place = False
        if in_place:
            continue
        name = _AFTER_NAME.sub("", part).rstrip(" .,")
        in_place = name != part.rstrip(" .,")
        if re.fullmatch(_NAME, name) and _is_a_name(name, title_words):
            yield CreditName(start + offset, start + offset + len(name), name, role)


def _parts(text: str) -> Iterator[tuple[str, int, str]]:
    """Each listed part with the word that joined it to the one before and its offset."""
    join, position = "", 0
    for match in _LIST_JOIN.finditer(text):
        yield join, position, text[position : match.start()]
        join, position = match.group().strip(), match.end()
    yield join, position, text[position:]


def _is_a_name(name: str, title_words: Collection[str]) -> bool:
    """'Motoring Correspondent' and 'the end' are no one's names."""
    words = name.split()
    if any(w in title_words or w.title() in title_words for w in words):
        return False
    if words[0].lower() in {"the", "a", "an"}:
        return False  # "The Union Cabinet"
    return all(w[:1].isupper() or re.fullmatch(_PARTICLE, w.lower()) for w in words)
