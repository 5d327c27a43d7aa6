"""What the rest of the article tells about the figures the figures component found.

A bare '$', '¥', 'pesos' or 'dirhams' takes the currency of the country the article
is about; cents take the nearest amount's currency; a bare count takes its unit from
its sentence; an amount in brackets converts the one before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..extensions import COUNTRY, doc_ents, doc_tokens, span_text, token_sentence
from ..figures import FigureLexicon, FigureValue
from . import counted

_EXPLICIT_USD = re.compile(r"US\$|U\.S\.|USD|\bUS\b|American")
_BARE_PESO = re.compile(r"(?<!mexican )\bpesos?$", re.IGNORECASE)
_BARE_DIRHAM = re.compile(r"(?<!uae )\bdirhams?$", re.IGNORECASE)


@dataclass
class Found:
    """A figure found: its token span and what it means."""

    start: int
    end: int
    value: FigureValue


def uncertain_currency(text: str, currency: str | None) -> str | None:
    """Why a currency is a guess: a bare '$' or 'dollars', or a bare '¥'."""
    if currency == "USD" and not _EXPLICIT_USD.search(text):
        return "bare_dollar"
    if currency == "CNY" and "¥" in text and "CN¥" not in text:
        return "bare_yen"
    if currency == "MXN" and _BARE_PESO.search(text):
        return "bare_peso"
    if currency == "AED" and _BARE_DIRHAM.search(text):
        return "bare_dirham"
    return None


def with_currency_context(doc: Doc, found: list[Found], lexicon: FigureLexicon) -> list[Found]:
    """A bare '$' is the local dollar in an article about a dollar country; '¥' in Japan is
    JPY; 'pesos' and 'dirhams' are those of the peso or dirham country the article names
    most; cents are hundredths
    of the nearest amount's currency."""
    countries = Counter(code for ent in doc_ents(doc) if (code := ent._.get(COUNTRY)))
    total = sum(countries.values())
    local = [c for c in lexicon.dollar_countries if countries[c] * 2 > total]  # most of the article
    local_dollar = "USD"
    if local:
        local_dollar = lexicon.dollar_countries[max(local, key=lambda c: countries[c])]
    resolved = {
        "bare_yen": "JPY" if countries["JP"] > countries["CN"] else None,
        "bare_dollar": local_dollar,
    }
    for uncertain, local_currencies in (
        ("bare_peso", lexicon.peso_countries),
        ("bare_dirham", lexicon.dirham_countries),
    ):
        named = [c for c in local_currencies if countries[c]]
        if named:
            resolved[uncertain] = local_currencies[max(named, key=lambda c: countries[c])]
    changed = []
    for figure in found:
        currency = resolved.get(figure.value.uncertain or "")
        if currency is not None:
            figure = replace(figure, value=replace(figure.value, currency=currency))
        changed.append(figure)
    return [
        _with_cents_currency(changed, index, local_dollar)
        if figure.value.uncertain == "cents"
        else figure
        for index, figure in enumerate(changed)
    ]


def _with_cents_currency(found: list[Found], index: int, local_dollar: str) -> Found:
    """Cents take the currency of the nearest amount before them, else after, else the
    article's dollar."""
    amounts = [f for f in found if f.value.kind == "money" and f.value.uncertain != "cents"]
    figure = found[index]
    before = [f for f in amounts if f.end <= figure.start]
    after = [f for f in amounts if f.start >= figure.end]
    nearest = before[-1] if before else after[0] if after else None
    currency = nearest.value.currency if nearest is not None else local_dollar
    return replace(figure, value=replace(figure.value, currency=currency))


def inherit_units(doc: Doc, found: list[Found]) -> list[Found]:
    """A bare count takes its unit from context: the quantity before it in the sentence
    ("41,030 units, ... its previous high of 40,422"), else the subject it measures
    ("vehicle production rose to 797,000", "NEVs accounting for 289,000")."""
    inherited: list[Found] = []
    for figure in found:
        value = figure.value
        if value.kind == "quantity" and value.unit is None:
            unit = (
                counted.unit_from_label(doc, figure.start)
                or counted.unit_from_column(doc, figure.start)
                or counted.unit_of_subject(doc_tokens(doc)[figure.end - 1])
                or _unit_before(doc, figure, inherited)
            )
            figure = replace(figure, value=replace(value, unit=unit))
        inherited.append(figure)
    return inherited


def _unit_before(doc: Doc, figure: Found, before: list[Found]) -> str | None:
    tokens = doc_tokens(doc)
    sentence = token_sentence(tokens[figure.start])
    for other in reversed(before):
        if token_sentence(tokens[other.start]) != sentence:
            return None
        if other.value.kind == "quantity" and other.value.unit:
            return other.value.unit
    return None


def link_conversions(doc: Doc, found: list[Found]) -> list[Found]:
    """'260 billion yuan (about 36.28 billion U.S. dollars)': the second converts the first."""
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if not first.value.kind == second.value.kind == "money" or second.start - first.end > 3:
            continue
        between = span_text(doc[first.end : second.start]).strip()
        if between in {"(", "(or", ", or"}:
            found[index] = replace(second, value=replace(second.value, equivalent_of=index - 1))
    return found
