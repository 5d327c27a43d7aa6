"""What a number counts: its unit, from the parse, a label, a table column or the subject.

Helpers for the figures component; each takes spaCy tokens and returns a unit
name (lower case, singular) or the token that names it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..extensions import doc_text, doc_tokens
from ..figures import singular

_UNIT_DEPS = {"nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "appos", "pobj"}
_MAX_UNIT_DISTANCE = 4
_HYPHENS = {"-", "‑"}
_MODIFIER_DEPS = {"compound", "amod", "nummod", "punct"}
_NOUN_PHRASE_POS = {"ADJ", "ADV", "NOUN", "PROPN", "PUNCT", "NUM"}
_PARTITIVE = {"the", "its", "their", "these", "those"}
_TALLY_NOUNS = {
    "sales", "deliveries", "output", "production", "registrations", "shipments", "exports",
}  # fmt: skip
_CLAUSE_PUNCT = {",", ";", ":", "(", ")", ".", "!", "?", '"', "|", "•", "/"}
_NOT_UNITS = {
    "number", "numbers", "figure", "figures", "total", "today", "tomorrow", "yesterday", "now",
    "time", "times", "year-on-year", "yoy",
}  # fmt: skip


def counted_noun(doc: Doc, end: int) -> Token | None:
    """The noun the number counts: its head in the parse, in the noun phrase to its right."""
    tokens = doc_tokens(doc)
    last = tokens[end - 1]
    candidates = [last.head] if last.dep_ in _UNIT_DEPS else []
    if end < len(doc):
        candidates.append(tokens[end])
    for token in candidates:
        word_end = tokens[_hyphen_word_end(doc, token.i)]
        head = word_end if word_end.pos_ == "NOUN" else token  # "20 e-bikes", split up
        # "2,000 direct jobs", "2.78 lakh electric two-wheelers": on to the noun on the right
        while head.dep_ in _MODIFIER_DEPS and head.head.i > head.i:
            head = head.head
        if is_unit_noun(doc, end, head):
            return first_plural(tokens[end : head.i]) or head
    plural = first_plural(tokens[end : end + _MAX_UNIT_DISTANCE])  # when the parse is lost
    return plural if plural is not None and is_unit_noun(doc, end, plural) else None


def partitive_noun(doc: Doc, end: int) -> Token | None:
    """'160 of the chargers': the count is of the noun after 'of the'."""
    tokens = doc_tokens(doc)
    if end + 2 < len(doc) and tokens[end].lower_ == "of" and tokens[end + 1].lower_ in _PARTITIVE:
        noun = tokens[end + 2]
        if noun.tag_ in {"NNS", "NNPS"} and noun.is_alpha:
            return noun
    return None


def first_plural(tokens: Iterable[Token]) -> Token | None:
    """'660 robotic arms work side': a count's unit is the first plural noun after it."""
    return next(
        (
            t
            for t in tokens
            if t.tag_ in {"NNS", "NNPS"} and t.is_alpha and _hyphen_word_end(t.doc, t.i) == t.i
        ),
        None,
    )


def is_unit_noun(doc: Doc, end: int, head: Token) -> bool:
    if not (0 <= head.i - end < _MAX_UNIT_DISTANCE) or not head.is_alpha:
        return False
    if head.pos_ not in {"NOUN", "PROPN"} or head.lower_ in _NOT_UNITS:
        return False
    if head.pos_ == "PROPN" and not is_plural_acronym(head):
        return False
    between = doc_tokens(doc)[end : head.i]
    return all(
        (t.pos_ in _NOUN_PHRASE_POS or t.dep_ in {"amod", "compound", "prt"})
        and t.text not in _CLAUSE_PUNCT
        and "\n" not in t.whitespace_
        for t in between
    )


def is_plural_acronym(token: Token) -> bool:
    """'NEVs', 'EVs', 'G6s': a plural of capitals counts things."""
    return len(token.text) > 2 and token.text.endswith("s") and token.text[:-1].isupper()


def unit_name(token: Token) -> str:
    if token.pos_ == "NOUN" and token.lemma_.lower() != token.lower_:
        name = singular(token.lemma_.lower())
    else:
        name = singular(token.lower_)  # "NEVs", "Units" in a table header
    return f"{_hyphen_prefix(token)}{name}"


def _hyphen_word_end(doc: Doc, i: int) -> int:
    """The last part of the hyphenated word that starts at i ('e-bikes', 'plug-in')."""
    tokens = doc_tokens(doc)
    while (
        i + 2 < len(tokens)
        and tokens[i + 1].text in _HYPHENS
        and not tokens[i].whitespace_
        and not tokens[i + 1].whitespace_
        and tokens[i + 2].is_alpha
    ):
        i += 2
    return i


def _hyphen_prefix(token: Token) -> str:
    """'double-' in 'double-deckers', 'two-' in 'two-wheelers': the unit is the compound."""
    tokens, i = doc_tokens(token.doc), token.i
    if i < 2 or tokens[i - 1].text not in _HYPHENS or tokens[i - 1].whitespace_:
        return ""
    first = tokens[i - 2]
    return f"{first.lower_}-" if first.is_alpha and not first.whitespace_ else ""


def unit_from_label(doc: Doc, start: int) -> str | None:
    """'EVs registered Jan-Apr: 19,347': the label names what is counted."""
    tokens = doc_tokens(doc)
    if start == 0 or tokens[start - 1].text != ":":
        return None
    label: list[Token] = []
    for token in reversed(tokens[: start - 1]):
        if token.text in {"|", ";", "•"} or "\n" in token.whitespace_:
            break
        label.insert(0, token)
    return noun_unit(label)


def unit_from_column(doc: Doc, start: int) -> str | None:
    """A count in a table row ('2021 | 3.4% | 5,974') takes its unit from the header row."""
    text, idx = doc_text(doc), doc_tokens(doc)[start].idx
    line_start = text.rfind("\n", 0, idx) + 1
    row = text[line_start:idx]
    if "|" not in row:
        return None
    column = row.count("|")
    header_end = line_start - 1
    while header_end > 0:
        header_start = text.rfind("\n", 0, header_end) + 1
        header = text[header_start:header_end]
        ruler = not header.strip(" |-:")  # "|---|---|" under a Markdown header
        if "|" in header and not ruler and not any(c.isdigit() for c in header):
            cells = header.split("|")
            if column < len(cells):
                offset = header_start + sum(len(c) + 1 for c in cells[:column])
                span = doc.char_span(offset, offset + len(cells[column]), alignment_mode="expand")
                return noun_unit(list(span)) if span is not None else None
            return None
        header_end = header_start - 1
    return None


def noun_unit(tokens: list[Token]) -> str | None:
    nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and t.is_alpha]
    plural = [t for t in nouns if t.tag_ in {"NNS", "NNPS"} or is_plural_acronym(t)]
    chosen = (plural or nouns)[:1]
    return unit_name(chosen[0]) if chosen and chosen[0].lower_ not in _NOT_UNITS else None


def unit_of_subject(number: Token) -> str | None:
    verb = number
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "is set to climb"
    subjects = [t for t in verb.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ in {"acl", "advcl", "relcl"}:
        subjects = [verb.head]
    for subject in subjects:
        if subject.lower_ == "number":  # "the number of charging points"
            subject = next(
                (t for p in subject.children if p.lower_ == "of" for t in p.children), subject
            )
        counted = [t for t in subject.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
        if counted and counted[-1].lower_ not in _NOT_UNITS:
            return unit_name(counted[-1])
        plural = subject.tag_ in {"NNS", "NNPS"} or is_plural_acronym(subject)
        if plural and subject.lower_ not in _NOT_UNITS:
            return unit_name(subject)
        if subject.lower_ in _TALLY_NOUNS:
            return "unit"
    return None
