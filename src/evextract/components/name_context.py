"""What the words around a name say about it: credits, datelines, headings, brackets.

Helpers for the entities component; each takes spaCy spans and answers one question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text, doc_tokens, span_tokens

# One capitalized place name, of up to three words ("HEFEI", "DE SOTO", "CHHATRAPATI
# SAMBHAJINAGAR"), opening a line before a comma, a dash or a bracket.
_DATELINE = re.compile(
    r"(?m)^[ \t]*((?:[A-Z]{3,}|[A-Z]{2,}(?: [A-Z]{2,}){1,2}))(?=[ \t]*(?:,|--|—|–|-|\())"
)
_DATELINE_WORDS = 3
BYLINE_VERBS = {"reporting", "editing", "writing", "compiled", "photos", "photo", "produced"}
SEPARATORS = {
    "near",
    "outside",
    "in",
    "at",
    "from",
    "via",
    "/",
    "(",
    ")",
    ";",
    "|",
    "[",
    "]",
    "—",
    "–",
    ":",
}
CREDIT_WORDS = {"Photo", "photo", "Source", "source", "Credit", "Photos", "Image"}
FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "as", "by", "with",
    "from", "vs", "into", "over",
}  # fmt: skip
PROGRAMME_WORDS = {
    "program", "programme", "initiative", "fund", "scheme", "act", "law", "plan", "project",
    "award", "awards", "summit", "forum", "conference", "expo", "show", "index", "prospectus",
    "platform", "system", "campaign",
}  # fmt: skip
CREDIT_WORDS_OF_PROGRAMMES = {"credit", "credits", "subsidy", "subsidies", "grant", "grants"}
BODY_WORDS = {
    "department", "ministry", "agency", "office", "administration", "commission", "bureau",
    "government", "council", "authority",
}  # fmt: skip
COMPASS = {
    "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
    "central", "e", "w", "n", "s", "ne", "nw", "se", "sw", "eastern", "western", "northern",
    "southern",
}  # fmt: skip


def trim(span: Span) -> Span | None:
    """The name inside an entity span: no article, possessive, compass word or punctuation."""
    start, end = span.start, span.end
    tokens = doc_tokens(span.doc)
    while start < end and _trimmed_first(tokens[start]):
        start += 1
    while end > start and _trimmed_last(tokens[end - 1]):
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label_)


def _trimmed_first(token: Token) -> bool:
    return token.lower_ == "the" or token.is_punct or token.is_space or token.text in CREDIT_WORDS


def _trimmed_last(token: Token) -> bool:
    lower = token.lower_
    return (
        token.is_punct or token.is_space or lower in {"'s", "’s", "near"} or lower in FUNCTION_WORDS
    )


def without_compass(span: Span, name: str) -> Span:
    """'east China' names China: the mention is the place's own words."""
    if len(span) > 1 and span[0].lower_.rstrip(".") in COMPASS and span[1:].text.startswith(name):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def capitalized_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc_tokens(doc)[i + 1].text[:1].isupper()


def is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha()


def looks_like_person_name(span: Span, particles: frozenset[str] = frozenset()) -> bool:
    """Two or three capitalized words, 'Sun Weitong', 'Pimphattra Wichaikul', maybe with a
    particle inside: 'Sigrid de Vries'."""
    words = span_tokens(span)
    inner = {t.i for t in words[1:-1] if t.text in particles}
    capitalized = [t for t in words if t.i not in inner]
    return 2 <= len(capitalized) <= 3 and all(t.is_title and t.is_alpha for t in capitalized)


def is_model_name(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def credit_role(span: Span) -> str | None:
    """'(Xinhua)', '(Xinhua/Zhou Mu)', 'Photo/Sipa', 'Source: CnEVPost': who made the news."""
    tokens = doc_tokens(span.doc)
    before = tokens[span.start - 1].text if span.start > 0 else ""
    after = tokens[span.end].text if span.end < len(tokens) else ""
    if before == "/" and (span.label_ == "PERSON" or looks_like_person_name(span)):
        return "person"
    if after == "/" or (
        before == "/" and span.start > 1 and tokens[span.start - 2].text in CREDIT_WORDS
    ):
        return "organization"
    if before == "(" and after == ")" and span.label_ != "PERSON" and at_dateline(span):
        return "organization"
    if before == "(" and after == ")" and ends_line(span.doc, span.end + 1):
        return "organization"  # a photo credit closing a caption: "... 2025. (Xinhua)"
    if before == ":" and span.start > 1 and tokens[span.start - 2].text in CREDIT_WORDS:
        return "organization"
    return None


def ends_line(doc: Doc, i: int) -> bool:
    tokens = doc_tokens(doc)
    return i >= len(tokens) or tokens[i].is_space or "\n" in tokens[i - 1].whitespace_


def in_title_case_line(span: Span) -> bool:
    """The span sits in a heading: a short line, no final full stop, every word capitalized
    but the small ones ('Hefei's Emergence as a Key Player in the EV Industry')."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    lowercase = sum(not w[0].isupper() for w in content)
    allowed = 1 if len(content) >= 8 else 0
    return 2 <= len(words) <= 16 and not line.endswith(".") and lowercase <= allowed


def is_appositive_person(
    span: Span, title_words: frozenset[str], particles: frozenset[str] = frozenset()
) -> bool:
    """'Sun Huibin, President of ...', 'Sigrid de Vries, ACEA director general': a name set
    off by a title (maybe after the employer's name) is a person."""
    tokens = doc_tokens(span.doc)
    if not looks_like_person_name(span, particles) or span.end + 1 >= len(tokens):
        return False
    if tokens[span.end].text != ",":
        return False
    for token in tokens[span.end + 1 : span.end + 5]:
        if token.text in title_words or token.text.title() in title_words:
            return True
        if not (token.text[:1].isupper() or token.text in {"'s", "’s"}):
            return False  # only the employer's name may come before the title
    return False


def at_dateline(span: Span) -> bool:
    """A bracketed name right after a dateline or at the start of a line: a news agency."""
    line_start = doc_text(span.doc).rfind("\n", 0, span.start_char) + 1
    prefix = doc_text(span.doc)[line_start : span.start_char]
    return len(prefix) < 40


_TICKER = re.compile(r"[A-Z0-9][A-Z0-9.\-]{0,9}")
_TICKER_ENDS = {")", ",", ";", "and", "/", "]"}


def is_exchange_code(span: Span) -> bool:
    """'NYSE: XPEV', '(KRX: 373220)', 'HKEX: 9868)': an exchange's code before a ticker is
    page furniture, not a company the article is about."""
    tokens = doc_tokens(span.doc)
    end = span.end
    if len(span) != 1 or end + 2 > len(tokens) or tokens[end].text != ":":
        return False
    ticker = tokens[end + 1]
    if not _TICKER.fullmatch(ticker.text) or not any(
        c.isupper() or c.isdigit() for c in ticker.text
    ):
        return False
    after = tokens[end + 2].text if end + 2 < len(tokens) else ")"
    if not (after in _TICKER_ENDS or "\n" in ticker.whitespace_):
        return False
    return _in_brackets(tokens, span.start)  # "(NYSE: XPEV)"; not "Update from CATL: BYD, Nio"


def _in_brackets(tokens: list[Token], i: int, reach: int = 16) -> bool:
    before = [t.text for t in tokens[max(0, i - reach) : i]]
    after = [t.text for t in tokens[i : i + reach]]
    opened = "(" in before and ")" not in before[len(before) - before[::-1].index("(") :]
    return opened and ")" in after


def is_ticker(span: Span) -> bool:
    """'PLS' in '(ASX: PLS)': the ticker after an exchange's code."""
    start = span.start
    if len(span) != 1 or start < 2 or doc_tokens(span.doc)[start - 1].text != ":":
        return False
    return is_exchange_code(span.doc[start - 2 : start - 1])


def names_a_programme(span: Span) -> bool:
    """A name in quotes, or followed by 'program', 'fund', 'summit': not a body."""
    tokens = doc_tokens(span.doc)
    before = tokens[span.start - 1].text if span.start > 0 else ""
    # "Advanced Technology Vehicles Manufacturing (ATVM) Program": past the acronym
    after = [t for t in tokens[span.end : span.end + 4] if not t.is_punct and not _bracketed(t)]
    named_programme = len(span) > 1 and span[-1].lower_ in PROGRAMME_WORDS  # "... Nation Fund"
    return (
        before in {'"', "“", "‘"}
        or (bool(after) and after[0].lower_ in PROGRAMME_WORDS)
        or named_programme
        or (len(span) > 1 and _programme_noun_follows(span, after))
    )


def _bracketed(token: Token) -> bool:
    tokens = doc_tokens(token.doc)
    return (
        0 < token.i < len(tokens) - 1
        and tokens[token.i - 1].text == "("
        and tokens[token.i + 1].text == ")"
    )


def _programme_noun_follows(span: Span, after: list[Token]) -> bool:
    """'the Clean Technology Manufacturing investment tax credit': lowercase nouns that end
    in a programme word name what the capitalized words are."""
    if span[-1].lower_ in BODY_WORDS:
        return False  # "the Department of Energy loan program" names a body
    for token in after[:3]:
        if not token.is_lower or token.pos_ not in {"NOUN", "ADJ"}:
            return False
        if token.lower_ in PROGRAMME_WORDS | CREDIT_WORDS_OF_PROGRAMMES:
            return True
    return False


_BODY_LABELS = frozenset({"company", "organization"})


def abbreviates(acronym: Span, full: Span) -> bool:
    """'(GIC)' right after 'Global Investment Council'; a body's one-word name in the
    country's own language after its English one: 'Brazilian Electric Vehicle Association
    (ABVE)', 'Chamber of Foreign Trade (Camex)', 'Federal Audit Office (Bundesrechnungshof)'."""
    if acronym.doc[acronym.start - 1].text != "(" or len(acronym) != 1:
        return False
    if is_acronym(acronym.text) and full.text[:1].upper() == acronym.text[0]:
        return True
    return (
        full.label_ in _BODY_LABELS
        and acronym.label_ in _BODY_LABELS
        and len(full) > 1
        and acronym.text[:1].isupper()
    )


def short_form_of(short: str, full: str) -> bool:
    """Whether `short` is made of the starts of `full`'s words, in order, from two or
    more of them: 'Antam' of 'PT Aneka Tambang Tbk', 'CATL' of 'Contemporary Amperex
    Technology Limited'.

    >>> short_form_of("Antam", "PT Aneka Tambang Tbk")
    True
    >>> short_form_of("Inalum", "Indonesia Asahan Aluminium")
    True
    >>> short_form_of("Antam", "Vale Indonesia"), short_form_of("Tesla", "Tesla Inc")
    (False, False)
    """
    letters = short.lower()
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", full)]

    def fits(i: int, w: int, used: int) -> bool:
        if i == len(letters):
            return used >= 2
        for k in range(w, len(words)):
            word = words[k]
            n = 0
            while n < len(word) and i + n < len(letters) and word[n] == letters[i + n]:
                n += 1
                if fits(i + n, k + 1, used + 1):
                    return True
        return False

    return len(letters) >= 3 and fits(0, 0, 0)


def hinted_by_region(span: Span) -> bool:
    """A city name followed by its region: 'Yibin (Sichuan', 'Normal, Illinois'."""
    following = following_text(span, 3)
    return following.startswith((" (", ", ")) and following[2:3].isupper()


def datelines(doc: Doc) -> Iterator[Span]:
    """'HEFEI, July 2 (Xinhua)': an ALL-CAPS place opening a line."""
    for match in _DATELINE.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1))
        if span is not None and len(span) <= _DATELINE_WORDS:
            yield Span(doc, span.start, span.end, label="GPE")


def following_text(span: Span, width: int = 40) -> str:
    return doc_text(span.doc)[span.end_char : span.end_char + width]


def in_byline(span: Span) -> bool:
    """'By Sophie Nguyen' opening a line, or '(Reporting by Hiroko Tanabe; Editing by ...)'."""
    tokens = doc_tokens(span.doc)
    if span.start == 0 or tokens[span.start - 1].lower_ != "by":
        return False
    by = tokens[span.start - 1]
    opens_line = by.i == 0 or "\n" in tokens[by.i - 1].text_with_ws
    credited = by.i > 0 and tokens[by.i - 1].lower_ in BYLINE_VERBS
    return opens_line or credited


def in_table_header(span: Span) -> bool:
    """The span is a cell of a table's header row (a line of '|' cells with no digits)."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return line.count("|") >= 2 and not any(c.isdigit() for c in line)


_PORTFOLIO_CONNECTORS = frozenset({",", "and", "&"})
_MAX_PORTFOLIO = 10  # tokens of "Railways, Information and Broadcasting, and Electronics"


def in_a_portfolio(span: Span, offices: frozenset[str], common_words: frozenset[str]) -> bool:
    """Common words naming a minister's portfolio are no company: 'Federal Climate Change'
    in 'Federal Climate Change and Energy Minister', 'Information Technology' in 'Minister of
    Railways, ... and Electronics and Information Technology'."""
    if not all(
        (t.lower_ in common_words and not t.is_upper) or t.lower_ in _PORTFOLIO_CONNECTORS
        for t in span_tokens(span)
    ):
        return False  # "BOI Secretary-General": an acronym before the title is its owner
    tokens = doc_tokens(span.doc)

    def portfolio_word(token: Token) -> bool:
        return (token.is_title and token.is_alpha) or token.lower_ in _PORTFOLIO_CONNECTORS

    j = span.start - 1
    while j > 0 and span.start - j <= _MAX_PORTFOLIO and tokens[j].lower_ != "of":
        if not portfolio_word(tokens[j]) or tokens[j].text in offices:
            break
        j -= 1
    if j > 0 and tokens[j].lower_ == "of" and tokens[j - 1].text in offices:
        return True
    k = span.end
    while k < len(tokens) and k - span.end <= _MAX_PORTFOLIO and tokens[k].text not in offices:
        if not portfolio_word(tokens[k]):
            return False
        k += 1
    return k < len(tokens) and tokens[k].text in offices
