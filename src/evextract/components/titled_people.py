"""People named right after their title, whether or not the model saw them.

"Governor Enver Ünlü", "chief executive JB Straubel", "MAA president Mohd Shamsor",
"Minister of Industry and Mineral Resources Bandar Alkhorayef": the model often runs
the title, or the portfolio before the name, into one organization, or calls initials
a company. A title word that comes before names is followed by the person's name: the
whole run of name words right after the title, or, after a portfolio ("of Heavy
Industries and Steel"), the last two name words of the run (with initials before them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_tokens

_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]{2}$")  # "H.D.", "JB"
_PORTFOLIO_WORDS = frozenset({"of", "and", "for", "the", "&"})
_LONGEST_PORTFOLIO = 10  # tokens: "of Industry, Trade, Investment and the Digital Economy"
_LONGEST_NAME = 4  # "Mohd Shamsor Mohd Zain"


@dataclass(frozen=True)
class TitleCues:
    titles: frozenset[str]  # title words that come before a name, lower case
    particles: frozenset[str]  # "bin", "de": lower-case words inside a name
    is_common_word: Callable[[str], bool]  # "Resources", "Steel": no one's surname


def people_after_titles(doc: Doc, cues: TitleCues) -> Iterator[Span]:
    """PERSON spans for the names that follow a title word."""
    tokens = doc_tokens(doc)
    for token in tokens:
        if token.lower_ not in cues.titles or token.i + 1 >= len(tokens):
            continue
        after = tokens[token.i + 1]
        if after.lower_ == "of":
            name = _name_after_portfolio(doc, after.i + 1, cues)
        else:
            name = _name_run(doc, after.i, cues)
        if name is not None:
            yield name


def _name_run(doc: Doc, start: int, cues: TitleCues) -> Span | None:
    """'Enver Ünlü said': the name words from `start`, if they are two to four."""
    tokens = doc_tokens(doc)
    end = start
    while end < len(tokens) and end - start < _LONGEST_NAME + 1 and _in_name(tokens[end], cues):
        end = _past_hyphen(doc, end + 1)
    if end < len(tokens) and _is_name_word(tokens[end]):
        return None  # a longer run of capitalized words: a name of something else
    return _person(doc, start, end, cues)


def _name_after_portfolio(doc: Doc, start: int, cues: TitleCues) -> Span | None:
    """'of Heavy Industries and Steel H.D. Kumaraswamy said': the portfolio's words, then
    the person's last two name words, with any initials before them."""
    tokens = doc_tokens(doc)
    end = start
    while (
        end < len(tokens)
        and end - start < _LONGEST_PORTFOLIO
        and (_is_name_word(tokens[end]) or tokens[end].lower_ in _PORTFOLIO_WORDS)
    ):
        end += 1
    first = end - 2
    if first <= start or cues.is_common_word(tokens[end - 1].lower_):
        return None  # the run ends in a portfolio word: "Minister of Trade and Industry"
    if first - 1 > start and _INITIALS.match(tokens[first - 1].text):
        first -= 1
    if tokens[first - 1].lower_ in _PORTFOLIO_WORDS:
        return None  # "of Trade and John Smith": the name would be the portfolio's
    return _person(doc, first, end, cues)


def _past_hyphen(doc: Doc, i: int) -> int:
    """'Kim Doo-gyeom', 'Chung Eui-sun': a hyphen and the syllable after it, written
    without spaces, are the same name word."""
    tokens = doc_tokens(doc)
    joined = i + 1 < len(tokens) and not tokens[i - 1].whitespace_ and not tokens[i].whitespace_
    if joined and tokens[i].text == "-" and tokens[i + 1].is_alpha:
        return i + 2
    return i


def _person(doc: Doc, start: int, end: int, cues: TitleCues) -> Span | None:
    tokens = doc_tokens(doc)
    words = [t for t in tokens[start:end] if t.lower_ not in cues.particles and t.text != "-"]
    if not 2 <= len(words) - _syllables(doc, start, end) <= _LONGEST_NAME:
        return None
    if not tokens[end - 1].is_alpha or any(t.lower_ in cues.titles for t in words):
        return None  # "Operations Officer Javier Varela": the title goes on
    if any(t.ent_type_ in {"DATE", "MONEY", "CARDINAL", "GPE"} for t in words):
        return None
    return Span(doc, start, end, label="PERSON")


def _syllables(doc: Doc, start: int, end: int) -> int:
    """The words after a hyphen inside the name, which do not count as name words."""
    tokens = doc_tokens(doc)
    return sum(1 for t in tokens[start + 1 : end] if tokens[t.i - 1].text == "-")


def _in_name(token: Token, cues: TitleCues) -> bool:
    return _is_name_word(token) or token.lower_ in cues.particles


def _is_name_word(token: Token) -> bool:
    """'Enver', 'Ünlü', 'H.D.', 'JB', 'SE-YEON': a proper name's word."""
    if token.pos_ != "PROPN":
        return False
    return (
        token.is_title
        or bool(_INITIALS.match(token.text))
        or (token.is_upper and token.is_alpha and len(token) > 2)
    )
