"""What the article says a name is: "AMDA, the association of car dealers", "national
statistics institute INEGI", "Al Mada, the investment holding company", "miner PT Aneka
Tambang".

News introduces a body it expects readers not to know with a description: in apposition
after the name (", the association of ..."), or as a lowercase noun phrase right before it
("industry body Plateforme automobile"). The description's head noun says whether the
name is a company's or a non-commercial body's. A clause of reporting ("sales rose at
Volvo Cars, the group said") is no description.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_tokens

_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})
_ASIDES = frozenset({"itself", "also", "now"})  # ", itself a venture of ..."
_DESCRIPTION_WORDS = 6  # "the country's trade and investment agency"
_ENDS = frozenset({"of", "for", "in", "that", "which", "who", "with", "based", "controlled"})
_STOPS = frozenset({",", ")", ";", ".", "—", "–", ":"})


@dataclass(frozen=True)
class DescriptionNouns:
    company: frozenset[str]  # "company", "carmaker", "miner", "group"
    organization: frozenset[str]  # "association", "agency", "institute"
    # "industry group", "lobby group": a group of these is a body, not a company group
    organization_modifiers: frozenset[str] = frozenset()

    def type_of(self, noun: Token) -> str | None:
        word = noun.lower_
        before = doc_tokens(noun.doc)[noun.i - 1].lower_ if noun.i > 0 else ""
        if word in self.organization or (word == "group" and before in self.organization_modifiers):
            return "organization"
        if word in self.company:
            return "company"
        return None


def described_names(doc: Doc, nouns: DescriptionNouns) -> Iterator[Span]:
    """Names the model left out that a description types: 'institute INEGI', 'Gecex, the
    executive committee of ...'."""
    i, tokens = 0, doc_tokens(doc)
    while i < len(doc):
        if not _may_start_a_name(tokens, i):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and _may_continue_a_name(tokens[end]):
            end += 1
        span = doc[i:end]
        kind = described_type(span, nouns)
        if kind is not None:
            yield Span(doc, i, end, label="ORG")
        i = end


def _may_start_a_name(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    return i == 0 or not _may_continue_a_name(tokens[i - 1])


def _may_continue_a_name(token: Token) -> bool:
    return not token.ent_type_ and token.pos_ == "PROPN" and token.text[:1].isupper()


def described_type(span: Span, nouns: DescriptionNouns) -> str | None:
    """'company' or 'organization' when a description around `span` says so."""
    return _after(span, nouns) or _before(span, nouns)


def _after(span: Span, nouns: DescriptionNouns) -> str | None:
    """'AMDA, the association of car dealers, said': the head noun of the apposition."""
    tokens = doc_tokens(span.doc)
    i = span.end
    if i + 1 < len(tokens) and tokens[i].text == "," and tokens[i + 1].lower_ in _ASIDES:
        i += 1  # "Nuovo Plus, itself a venture between ..."
    elif i >= len(tokens) or tokens[i].text != ",":
        return None
    if i + 3 < len(tokens) and tokens[i + 1].pos_ == "PROPN" and tokens[i + 2].tag_ == "POS":
        i += 1  # "Ampere, Renault's electric-car unit": a possessor for a determiner
    elif i + 2 >= len(tokens) or tokens[i + 1].lower_ not in _DETERMINERS:
        return None
    head: Token | None = None
    for token in tokens[i + 2 : i + 2 + _DESCRIPTION_WORDS]:
        if token.text in _STOPS or token.lower_ in _ENDS:
            break
        if token.tag_ == "POS" or token.pos_ in {"ADJ", "NOUN", "PROPN", "CCONJ", "PUNCT"}:
            head = token if token.pos_ == "NOUN" else head
            continue
        if token.tag_ in {"VBG", "VBN"}:
            continue  # "the investment holding company", "a listed miner"
        if token.pos_ in {"VERB", "AUX"}:
            return None  # "Volvo Cars, the group said"
        break
    return nouns.type_of(head) if head is not None else None


def _before(span: Span, nouns: DescriptionNouns) -> str | None:
    """'industry body Plateforme automobile', 'national statistics institute INEGI'."""
    if span.start == 0:
        return None
    noun = doc_tokens(span.doc)[span.start - 1]
    if not noun.is_lower or noun.pos_ not in {"NOUN", "PROPN"}:  # "institute" may be PROPN
        return None
    return nouns.type_of(noun)


def names_after_a_country(
    doc: Doc, is_country: Callable[[str], bool], heads: frozenset[str]
) -> Iterator[Span]:
    """'China's CNGR Advanced Material', 'Korea's SK IE Technology': a company the model
    left out, named after its country's possessive. Only a run with letters in capitals or
    a company or body head word: 'Japan's Shigeru Ishiba' is a person."""
    tokens = doc_tokens(doc)
    for token in tokens[1:]:
        if token.tag_ != "POS" or token.i + 1 >= len(doc):
            continue
        country = tokens[token.i - 1]
        if not country.ent_type_ or not is_country(country.text):
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < 5 and _may_continue_a_name(tokens[end]):
            end += 1
        run = tokens[start:end]
        if len(run) and any(_is_capitals(t.text) or t.text in heads for t in run):
            yield Span(doc, start, end, label="ORG")


def _is_capitals(word: str) -> bool:
    return len(word) >= 3 and word.isupper() and word.isalpha()
