"""`evextract_entities`: type the Doc's names as evextract's entity types.

Find, then set annotations. Candidates come from the knowledge base matches,
the base model's named entities (split at credits, brackets and lists, then
trimmed of "the", possessives and compass words) and ALL-CAPS datelines. Each
is typed from the gazetteer, its context (a news credit, a byline) or its head
words; the survivors replace `doc.ents` with labels person, company,
organization, city, region, country and facility.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import (
    AMBIGUOUS,
    CANONICAL,
    CODE,
    COUNTRY,
    ENTITY_ID,
    KB_MATCHES,
    register_extensions,
)
from ..gazetteer import Gazetteer, Place, strip_place_affixes

RULES_RESOURCE = "entity_rules.json"
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_PLACE_LABELS = {"GPE", "LOC"}
_SEPARATORS = {"/", "(", ")", ";", "|", "[", "]", "—", "–", ":"}
_FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "as", "by", "with",
    "from", "vs", "into", "over",
}  # fmt: skip
_BIG_CITY = 1_000_000
_TOWN = 100_000
_CREDIT_WORDS = {"Photo", "photo", "Source", "source", "Credit", "Photos", "Image"}


@Language.factory(
    "evextract_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"kb_spans_key": KB_MATCHES},
)
def make_entities(nlp: Language, name: str, kb_spans_key: str) -> EntityTyper:
    return EntityTyper(nlp, name, kb_spans_key=kb_spans_key)


@dataclass(frozen=True)
class EntityRules:
    """Head words and stop names that type a name the knowledge base lacks."""

    company_heads: frozenset[str]
    organization_heads: frozenset[str]
    facility_heads: frozenset[str]
    city_heads: frozenset[str]
    region_heads: frozenset[str]
    generic_names: frozenset[str]
    title_words: frozenset[str]
    legal_forms: frozenset[str]

    @classmethod
    def load(cls) -> EntityRules:
        raw = json.loads(resources.files("evextract.data").joinpath(RULES_RESOURCE).read_text())
        return cls(**{key: frozenset(raw[key]) for key in cls.__dataclass_fields__})


class EntityTyper:
    def __init__(self, nlp: Language, name: str, *, kb_spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.kb_spans_key = kb_spans_key
        self._rules: EntityRules | None = None
        self._gazetteer: Gazetteer | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        self._rules = EntityRules.load()
        self._gazetteer = Gazetteer.load()

    @property
    def rules(self) -> EntityRules:
        if self._rules is None:
            self.initialize()
        assert self._rules is not None
        return self._rules

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self.initialize()
        assert self._gazetteer is not None
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        kb_spans = self._knowledge_base_spans(doc)
        taken = {i for span in kb_spans for i in range(span.start, span.end)}
        parts = [s for s in self._name_parts(doc) if taken.isdisjoint(range(s.start, s.end))]
        context = self._context_countries(kb_spans, parts)
        candidates = list(kb_spans)
        for span in parts:
            typed = self._type_span(span, context)
            if typed is not None:
                candidates.append(typed)
        doc.ents = _acronyms_defined(filter_spans(self._single_names_resolved(candidates)))
        return doc

    def _knowledge_base_spans(self, doc: Doc) -> list[Span]:
        matches = list(doc.spans[self.kb_spans_key]) if self.kb_spans_key in doc.spans else []
        containers = [ent for ent in doc.ents if self._contains_other_names(ent)]
        matches = [m for m in matches if not any(_strictly_inside(m, c) for c in containers)]
        model_words = {t.i for ent in doc.ents if ent.label_ in _NAME_LABELS for t in ent}
        supported = {m._.get(CANONICAL) for m in matches if not m._.get(AMBIGUOUS)}
        return [
            m
            for m in matches
            if not m._.get(AMBIGUOUS)
            or m._.get(CANONICAL) in supported
            or model_words.issuperset(range(m.start, m.end))
        ]

    def _contains_other_names(self, ent: Span) -> bool:
        """'Doug Ford', 'NIO Second Advanced Manufacturing Base': a longer name around a
        knowledge-base name is its own entity."""
        if len(ent) < 2:
            return False
        heads = self.rules.facility_heads | self.rules.organization_heads
        return ent.label_ == "PERSON" or (ent.label_ in {"ORG", "FAC"} and ent[-1].text in heads)

    def _name_parts(self, doc: Doc) -> Iterator[Span]:
        """Dateline places, then the model's names, split at separators and trimmed."""
        datelines = list(_datelines(doc))
        yield from datelines
        dateline_tokens = {span.start for span in datelines}
        for ent in doc.ents:
            if ent.start in dateline_tokens:
                continue
            if ent.label_ in _NAME_LABELS:
                for part in self._split(ent):
                    trimmed = _trim(part)
                    if trimmed is not None and not self._is_heading_phrase(trimmed):
                        yield self._facility_extended(self._without_generic_tail(trimmed))

    def _is_heading_phrase(self, span: Span) -> bool:
        """In a Title Case heading, 'Electric Vehicle Industry' is not a name."""
        if len(span) < 2 or span.label_ != "ORG" or not _in_title_case_line(span):
            return False
        heads = self.rules.company_heads | self.rules.organization_heads | self.rules.legal_forms
        return span[-1].text not in heads

    def _facility_extended(self, span: Span) -> Span:
        """'Paihe Port railway logistics base': a named place and the facility it gives its name."""
        doc, end = span.doc, span.end
        if span[-1].text not in self.rules.facility_heads:
            return span  # "Halewood plant" is a description, not a name
        lowered = _lower(self.rules.facility_heads)
        while (
            end < len(doc) and end - span.end < 4 and doc[end].is_lower and doc[end].pos_ == "NOUN"
        ):
            end += 1
            if doc[end - 1].text in lowered:
                return Span(doc, span.start, end, label="FAC")
        return span

    def _split(self, span: Span) -> Iterator[Span]:
        """'Xinhua/Zhou Mu', 'Limited (CATL', 'Firefly, Nio' and 'Nio and FAW' hold two names."""
        doc, start = span.doc, span.start
        splits_on_and = not self._has_head(span, self.rules.organization_heads)
        for i in range(span.start, span.end):
            token = doc[i]
            comma = token.text == "," and not self._legal_form_follows(doc, i, span.end)
            conjunction = token.lower_ == "and" and splits_on_and and span.label_ == "ORG"
            if token.text in _SEPARATORS or comma or (conjunction and _capitalized_after(doc, i)):
                if i > start:
                    yield Span(doc, start, i, label=span.label_)
                start = i + 1
        if start < span.end:
            yield Span(doc, start, span.end, label=span.label_)

    def _without_generic_tail(self, span: Span) -> Span:
        """'U.S. EV' is the United States: a trailing generic word is not part of a name."""
        end = span.end
        while end - span.start > 1 and span.doc[end - 1].text in self.rules.generic_names:
            end -= 1
        return Span(span.doc, span.start, end, label=span.label_)

    def _legal_form_follows(self, doc: Doc, i: int, end: int) -> bool:
        return i + 1 < end and doc[i + 1].text in self.rules.legal_forms

    def _has_head(self, span: Span, heads: frozenset[str]) -> bool:
        return any(t.text in heads for t in span)

    def _context_countries(self, kb_spans: Iterable[Span], parts: Iterable[Span]) -> set[str]:
        """Countries the article is about: from the KB and from the places it names plainly."""
        countries = {code for span in kb_spans if (code := span._.get(COUNTRY))}
        for span in parts:
            if span.label_ in _PLACE_LABELS:
                place = self.gazetteer.resolve(span.text)
                if place is not None and place.country_code:
                    countries.add(place.country_code)
                    if place.code and place.kind == "region":
                        countries.add(place.code)
        return countries

    def _type_span(self, span: Span, context: set[str]) -> Span | None:
        text = span.text
        if text in self.rules.generic_names or not any(c.isupper() for c in text):
            return None
        credit = _credit_role(span)
        if credit is not None:
            return _labelled(span, credit)
        if span.label_ == "FAC" and span[-1].text.lower() in _lower(self.rules.facility_heads):
            return _labelled(span, "facility")
        if span.label_ == "PERSON" or _is_appositive_person(span, self.rules.title_words):
            return self._as_person(span, context)
        if span.label_ in _PLACE_LABELS or span[-1].text in self.rules.region_heads:
            return self._as_place(span, context)
        return self._as_organization(span, context)

    def _as_organization(self, span: Span, context: set[str]) -> Span | None:
        if any(_is_model_name(t.text) for t in span):
            return None  # "ET7", "L8", "ID.4": products are not scored
        head = span[-1].text
        if head in self.rules.legal_forms:
            return _labelled(span, "company")
        if self._has_head(span, self.rules.organization_heads):
            return _labelled(span, "organization")
        if head in self.rules.facility_heads and len(span) > 1:
            return _labelled(span, "facility")
        if head in self.rules.city_heads and len(span) > 1:
            return self._as_place(span, context)
        place = self._as_place(span, context)
        if place is not None and (place.label_ != "city" or self._is_clear_city(span, context)):
            return place  # the model calls "Tamil Nadu" or "Yibin (Sichuan)" an organization
        return _labelled(span, "company")

    def _is_clear_city(self, span: Span, context: set[str]) -> bool:
        """A lone word the model calls an organization is a city only on good evidence."""
        if len(span) > 1:
            return False
        if _hinted_by_region(span):
            return True
        place = self.gazetteer.resolve(span.text, context, _following_text(span))
        population = (place.population or 0) if place is not None else 0
        in_context = place is not None and place.country_code in context
        return population >= _BIG_CITY or (in_context and population >= _TOWN)

    def _as_person(self, span: Span, context: set[str]) -> Span | None:
        while len(span) > 1 and span[0].text in self.rules.title_words:
            span = span[1:]
        if any(t.text in self.rules.title_words for t in span) or len(span.text) < 3:
            return None
        place = self._as_place(span, context)
        if place is not None and (len(span) == 1 or place.label_ != "city"):
            return place  # "Halewood", "Tamil Nadu"
        if self._has_head(span, self.rules.company_heads) or any(_is_acronym(t.text) for t in span):
            return _labelled(span, "company")  # "Tata Sons", "GAC Aion", "Blade Battery"
        return _labelled(span, "person")

    def _as_place(self, span: Span, context: set[str]) -> Span | None:
        place = self.gazetteer.resolve(span.text, context, _following_text(span))
        if place is not None:
            return _place_span(_without_compass(span, place.name), place)
        head = span[-1].text
        if len(span) > 1 and head in self.rules.city_heads:
            return _labelled(span, "city")
        if len(span) > 1 and head in self.rules.region_heads:
            return _labelled(span, "region")
        return None

    def _single_names_resolved(self, spans: list[Span]) -> list[Span]:
        """A lone word the model calls a person is a company ('Nio', 'Sinopec'), unless
        it is part of a full name in the article ('Li' for 'William Li')."""
        name_words = {
            word for s in spans if s.label_ == "person" and len(s) > 1 for word in s.text.split()
        }
        return [
            _labelled(s, "company")
            if s.label_ == "person" and len(s) == 1 and s.text not in name_words
            else s
            for s in spans
        ]


def _trim(span: Span) -> Span | None:
    """The name inside an entity span: no article, possessive, compass word or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ == "the"
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].text in _CREDIT_WORDS
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in {"'s", "’s", "near", "in"}
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


_COMPASS = {
    "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
    "central", "e", "w", "n", "s", "ne", "nw", "se", "sw", "eastern", "western", "northern",
    "southern",
}  # fmt: skip


def _without_compass(span: Span, name: str) -> Span:
    """'east China' names China: the mention is the place's own words."""
    if len(span) > 1 and span[0].lower_.rstrip(".") in _COMPASS and span[1:].text.startswith(name):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _strictly_inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and len(inner) < len(outer)


def _capitalized_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha()


def _looks_like_person_name(span: Span) -> bool:
    """Two or three capitalized words: 'Sun Weitong', 'Pimphattra Wichaikul'."""
    return 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span)


def _is_model_name(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _credit_role(span: Span) -> str | None:
    """'(Xinhua)', '(Xinhua/Zhou Mu)', 'Photo/Sipa', 'Source: CnEVPost': who made the news."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    if before == "/" and (span.label_ == "PERSON" or _looks_like_person_name(span)):
        return "person"
    if after == "/" or (
        before == "/" and span.start > 1 and doc[span.start - 2].text in _CREDIT_WORDS
    ):
        return "organization"
    if before == "(" and after == ")" and span.label_ != "PERSON" and _at_dateline(span):
        return "organization"
    if before == "(" and after == ")" and _ends_line(span.doc, span.end + 1):
        return "organization"  # a photo credit closing a caption: "... 2025. (Xinhua)"
    if before == ":" and span.start > 1 and doc[span.start - 2].text in _CREDIT_WORDS:
        return "organization"
    return None


def _ends_line(doc: Doc, i: int) -> bool:
    return i >= len(doc) or doc[i].is_space or "\n" in doc[i - 1].whitespace_


def _lower(words: frozenset[str]) -> set[str]:
    return {word.lower() for word in words}


def _in_title_case_line(span: Span) -> bool:
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    capitalized = sum(w[0].isupper() for w in content)
    return 2 <= len(words) <= 16 and capitalized >= 0.8 * len(content)


def _is_appositive_person(span: Span, title_words: frozenset[str]) -> bool:
    """'Sun Huibin, President of ...': a name set off by a title is a person."""
    doc = span.doc
    if not _looks_like_person_name(span) or span.end + 1 >= len(doc):
        return False
    following = doc[span.end + 1].text
    return doc[span.end].text == "," and (
        following in title_words or following.title() in title_words
    )


def _at_dateline(span: Span) -> bool:
    """A bracketed name right after a dateline or at the start of a line: a news agency."""
    line_start = span.doc.text.rfind("\n", 0, span.start_char) + 1
    prefix = span.doc.text[line_start : span.start_char]
    return len(prefix) < 40


def _acronyms_defined(spans: list[Span]) -> list[Span]:
    """'Global Investment Council (GIC)': the acronym names the same thing, everywhere."""
    by_end = {span.end: span for span in spans}
    defined = []
    for span in spans:
        doc = span.doc
        full = by_end.get(span.start - 1)
        bracketed = span.end < len(doc) and doc[span.end].text == ")"
        if full is not None and bracketed and _abbreviates(span, full):
            name = full._.get(CANONICAL) or full.text
            full._.set(CANONICAL, name)
            span = _labelled(span, full.label_)
            span._.set(CANONICAL, name)
            span._.set(ENTITY_ID, full._.get(ENTITY_ID))
        defined.append(span)
    return defined


def _abbreviates(acronym: Span, full: Span) -> bool:
    """'(GIC)' right after 'Global Investment Council'."""
    opening = acronym.doc[acronym.start - 1].text == "("
    return (
        opening
        and len(acronym) == 1
        and _is_acronym(acronym.text)
        and full.text[:1].upper() == acronym.text[0]
    )


def _hinted_by_region(span: Span) -> bool:
    """A city name followed by its region: 'Yibin (Sichuan', 'Normal, Illinois'."""
    following = _following_text(span, 3)
    return following.startswith((" (", ", ")) and following[2:3].isupper()


def _datelines(doc: Doc) -> Iterator[Span]:
    """'HEFEI, July 2 (Xinhua)': an ALL-CAPS place opening a line."""
    for token in doc:
        line_start = (
            token.i == 0 or "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space
        )
        if line_start and token.is_upper and token.is_alpha and len(token) > 2:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and following.text in {",", "--", "—", "–", "-"}:
                yield Span(doc, token.i, token.i + 1, label="GPE")


def _labelled(span: Span, label: str) -> Span:
    return Span(span.doc, span.start, span.end, label=label)


def _place_span(span: Span, place: Place) -> Span:
    typed = _labelled(span, place.kind)
    typed._.set(CANONICAL, _place_name(span, place))
    typed._.set(COUNTRY, place.country_code)
    if place.code and place.code.startswith("geonames:"):
        typed._.set(ENTITY_ID, place.code)
    elif place.code:
        typed._.set(CODE, place.code)
        typed._.set(ENTITY_ID, f"iso:{place.code}")
    return typed


def _place_name(span: Span, place: Place) -> str:
    """Countries and regions take the gazetteer's name (U.S. is United States); a city keeps
    the article's spelling, since GeoNames may know it by another name (Xiapu, Songcheng)."""
    if place.kind != "city":
        return place.name
    bare, _ = strip_place_affixes(span.text)
    if bare.casefold() == place.name.casefold() or bare.isupper():
        return place.name
    return bare


def _following_text(span: Span, width: int = 40) -> str:
    return span.doc.text[span.end_char : span.end_char + width]
