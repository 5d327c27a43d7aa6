"""Labelling entity spans and carrying what is known about them (canonical name,
ids, codes) from one span to another: places, acronyms, repeated names.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..extensions import AMBIGUOUS, CANONICAL, CODE, COUNTRY, ENTITY_ID, QID
from ..gazetteer import Place, strip_place_affixes
from . import name_context


def one_sense_per_article(spans: list[Span]) -> list[Span]:
    """A name the article uses for a place elsewhere ('Krishnagiri, Tamil Nadu') is that place
    wherever the model called it an organization ('the Krishnagiri site')."""
    places = {s.text: s for s in spans if s.label_ in {"city", "region", "country"}}
    resolved = []
    for span in spans:
        place = places.get(span.text)
        if span.label_ == "company" and place is not None and not from_kb(span):
            typed = labelled(span, place.label_)
            for name in (CANONICAL, COUNTRY, CODE, ENTITY_ID):
                typed._.set(name, place._.get(name))
            span = typed
        resolved.append(span)
    return resolved


def from_kb(span: Span) -> bool:
    return str(span._.get(ENTITY_ID) or "").startswith("kb:")


def strictly_inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and len(inner) < len(outer)


def overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _defining(full: Span) -> Span:
    full._.set(CANONICAL, full._.get(CANONICAL) or full.text)
    return full


def _named_before_or(span: Span, by_end: dict[int, Span]) -> Span | None:
    """'miner PT Aneka Tambang Tbk, or Antam': a one-word short form after ', or'."""
    doc, start = span.doc, span.start
    if len(span) != 1 or start < 3 or doc[start - 1].lower_ != "or" or doc[start - 2].text != ",":
        return None
    full = by_end.get(start - 2)
    if full is None or full.label_ not in {"company", "organization"}:
        return None
    return full if name_context.short_form_of(span.text, full.text) else None


def acronyms_defined(spans: list[Span]) -> list[Span]:
    """'Global Investment Council (GIC)': the acronym names the same thing, everywhere in
    the article, whatever else the knowledge base knows by those letters."""
    by_end = {span.end: span for span in spans}
    definitions: dict[str, Span] = {}
    for span in spans:
        doc = span.doc
        full = by_end.get(span.start - 1)
        bracketed = span.end < len(doc) and doc[span.end].text == ")"
        if full is not None and bracketed and name_context.abbreviates(span, full):
            definitions.setdefault(span.text, _defining(full))
        elif (full := _named_before_or(span, by_end)) is not None:
            definitions.setdefault(span.text, _defining(full))  # "PT Aneka Tambang Tbk, or Antam"
    return [
        as_defined(span, definitions[span.text]) if span.text in definitions else span
        for span in spans
    ]


_KNOWN_AS = frozenset({"known"})
_KNOWN_AS_REACH = 4  # words between "known" and "as": "known internationally as"


def known_as(spans: list[Span]) -> list[Span]:
    """'Zeng Yuqun, CATL's founder, known internationally as Robin Zeng': the second name
    is the same person's, everywhere in the article."""
    people = [s for s in spans if s.label_ == "person"]
    other_names: dict[str, Span] = {}
    for span in people:
        named = _named_before_as(span, people)
        if named is not None:
            other_names.setdefault(span.text, _defining(named))
    return [
        as_defined(span, other_names[span.text])
        if span.label_ == "person" and span.text in other_names
        else span
        for span in spans
    ]


def _named_before_as(span: Span, people: list[Span]) -> Span | None:
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "as":
        return None
    cue = next(
        (
            t
            for t in reversed(
                doc[max(span.sent.start, span.start - 2 - _KNOWN_AS_REACH) : span.start - 1]
            )
            if t.lower_ in _KNOWN_AS
        ),
        None,
    )
    if cue is None or any(not t.is_alpha for t in doc[cue.i + 1 : span.start - 1]):
        return None
    before = [p for p in people if p.end <= cue.i and p.start >= span.sent.start]
    if not before or not any(t.text == "," for t in doc[before[-1].end : cue.i]):
        return None  # "Li Bin, known as ...", "Zeng Yuqun, CATL's founder, known as ..."
    return before[-1]


def as_defined(acronym: Span, full: Span) -> Span:
    typed = labelled(acronym, full.label_)
    typed._.set(CANONICAL, full._.get(CANONICAL) or full.text)
    typed._.set(ENTITY_ID, full._.get(ENTITY_ID))
    return typed


def widened(known: Span, name: Span) -> Span:
    """The known name's span stretched over the whole written name, keeping what is known."""
    wide = Span(known.doc, name.start, name.end, label=known.label_, span_id=known.id_)
    for attribute in (CANONICAL, ENTITY_ID, COUNTRY, CODE, QID, AMBIGUOUS):
        wide._.set(attribute, known._.get(attribute))
    return wide


def labelled(span: Span, label: str) -> Span:
    return Span(span.doc, span.start, span.end, label=label)


def place_span(span: Span, place: Place) -> Span:
    typed = labelled(span, place.kind)
    typed._.set(CANONICAL, place_name(span, place))
    typed._.set(COUNTRY, place.country_code)
    if place.code and place.code.startswith("geonames:"):
        typed._.set(ENTITY_ID, place.code)
    elif place.code:
        typed._.set(CODE, place.code)
        typed._.set(ENTITY_ID, f"iso:{place.code}")
    return typed


def place_name(span: Span, place: Place) -> str:
    """Countries and regions take the gazetteer's name (U.S. is United States); a city keeps
    the article's spelling, since GeoNames may know it by another name (Xiapu, Songcheng)."""
    if place.kind != "city":
        return place.name
    bare, _ = strip_place_affixes(span.text)
    if bare.casefold() == place.name.casefold() or bare.isupper():
        return place.name
    return bare
