"""`evextract_entities`: type the Doc's names as evextract's entity types.

Find, then set annotations. Candidates come from the knowledge base matches,
the base model's named entities (split at credits, brackets and lists, then
trimmed of "the", possessives and compass words) and ALL-CAPS datelines. Each
is typed from the gazetteer, its context (a news credit, a byline) or its head
words; the survivors replace `doc.ents` with labels person, company,
organization, city, region, country and facility.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..credits import credit_names
from ..datafiles import read_json, read_words
from ..extensions import (
    AMBIGUOUS,
    CANONICAL,
    CODE,
    COUNTRY,
    ENTITY_ID,
    KB_MATCHES,
    doc_ents,
    doc_text,
    doc_tokens,
    register_extensions,
    shared_views,
    span_text,
    span_tokens,
)
from ..gazetteer import Gazetteer
from . import name_context
from .descriptions import (
    DescriptionNouns,
    described_names,
    described_type,
    names_after_a_country,
)
from .headed_names import NameWords, body_names, legal_names
from .non_entities import NonEntityNames, product_spans
from .place_context import PlaceCues, placed_by_context, places_the_model_missed
from .site_names import (
    SiteCues,
    before_a_site,
    headed_sites,
    is_giga_name,
    names_a_site,
    unnamed_sites,
)
from .span_labels import (
    acronyms_defined,
    as_defined,
    from_kb,
    known_as,
    labelled,
    one_sense_per_article,
    place_span,
    strictly_inside,
    widened,
)
from .subsidiaries import arm_of
from .titled_people import TitleCues, people_after_titles

RULES_RESOURCE = "entity_rules.json"
COMMON_WORDS_RESOURCE = "common_words.txt"
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_PLACE_LABELS = {"GPE", "LOC"}
_BIG_CITY = 1_000_000
_TOWN = 20_000


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
    office_titles: frozenset[str]
    name_particles: frozenset[str]
    facility_phrases: frozenset[str]
    facility_place_heads: frozenset[str]
    facility_place_modifiers: frozenset[str]
    project_words: frozenset[str]
    legal_forms: frozenset[str]
    lowercase_city_words: frozenset[str]
    lowercase_region_words: frozenset[str]
    lowercase_facility_words: frozenset[str]
    place_locatives: frozenset[str]
    place_compass_phrases: frozenset[str]
    place_sited_nouns: frozenset[str]
    site_nouns: frozenset[str]
    company_description_nouns: frozenset[str]
    organization_description_nouns: frozenset[str]
    organization_description_modifiers: frozenset[str]
    arm_words: frozenset[str]
    natural_feature_firsts: frozenset[str]
    natural_feature_lasts: frozenset[str]
    person_titles: frozenset[str]
    common_words: frozenset[str]

    @classmethod
    def load(cls) -> EntityRules:
        raw = read_json(RULES_RESOURCE)
        lists = {key: frozenset(raw[key]) for key in cls.__dataclass_fields__ if key in raw}
        return cls(**lists, common_words=read_words(COMMON_WORDS_RESOURCE))

    # Unions the typer reads for every name, made once.
    @cached_property
    def body_heads(self) -> frozenset[str]:
        """Head words of a company's or a body's name."""
        return self.company_heads | self.organization_heads

    @cached_property
    def site_or_body_heads(self) -> frozenset[str]:
        return self.facility_heads | self.organization_heads

    @cached_property
    def generic_tails(self) -> frozenset[str]:
        """Generic words that end no name ('U.S. EV'), but not a body's head ('Board')."""
        return self.generic_names - self.organization_heads

    def is_common_word(self, span: Span) -> bool:
        """'Prices', 'Offtake', 'Agriculture': one capitalized common word (a heading, a
        list label, a portfolio) is no name unless the knowledge base knows it."""
        return len(span) == 1 and span.text.istitle() and span.text.lower() in self.common_words


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
        with shared_views(doc):
            spans = self._typed_names(doc)
        doc.ents = spans  # after the block: its views hold the entities before
        return doc

    def _typed_names(self, doc: Doc) -> list[Span]:
        matches = list(doc.spans[self.kb_spans_key]) if self.kb_spans_key in doc.spans else []
        products = list(
            product_spans(doc, matches, self._non_entities, self._may_be_a_product_alone)
        )
        sites = list(headed_sites(doc, self._site_cues))  # read twice, found once
        kb_spans = self._knowledge_base_spans(doc, matches, products, sites)
        kb_spans, legal = self._headed_names_over_nested(doc, kb_spans)
        kb_spans = [self._arm_or_company(span, legal) for span in kb_spans]
        taken = {i for span in [*kb_spans, *legal, *products] for i in range(span.start, span.end)}
        credited = list(self._credited_names(doc, taken))
        taken.update(i for span in credited for i in range(span.start, span.end))
        parts = [s for s in self._name_parts(doc, sites) if taken.isdisjoint(range(s.start, s.end))]
        context = self._context_countries(kb_spans, parts)
        candidates = [*kb_spans, *legal, *credited]
        for span in parts:
            typed = self._type_span(span, context)
            if typed is not None:
                candidates.append(typed)
        candidates = [c for c in candidates if not self._names_a_portfolio(c)]
        spans = filter_spans(self._single_names_resolved(candidates))
        spans = self._head_words_resolved(one_sense_per_article(spans))
        return known_as(acronyms_defined(spans))

    def _knowledge_base_spans(
        self, doc: Doc, matches: list[Span], products: list[Span], sites: list[Span]
    ) -> list[Span]:
        """The knowledge base's matches, but not those inside a longer name (unless that
        name is a maker's and its product's: 'Skoda Elroq') or inside a product."""
        matches = [m for m in matches if not any(_overlap(m, p) for p in products)]
        ents = doc_ents(doc)
        # the names, not their articles: "The Michigan Economic Development Corporation"
        # is the known name itself, not a longer one around it
        trimmed = [t for ent in ents if (t := name_context.trim(ent)) is not None]
        containers = [
            ent
            for ent in trimmed
            if self._contains_other_names(ent) and not any(_overlap(ent, p) for p in products)
        ]
        containers += sites  # "the company's Baojun Base"
        matches = [m for m in matches if not any(strictly_inside(m, c) for c in containers)]
        model_words = {
            i for ent in ents if ent.label_ in _NAME_LABELS for i in range(ent.start, ent.end)
        }
        supported = {m._.get(CANONICAL) for m in matches if not m._.get(AMBIGUOUS)}
        return [
            m
            for m in matches
            if (
                not m._.get(AMBIGUOUS)
                or m._.get(CANONICAL) in supported
                or model_words.issuperset(range(m.start, m.end))
            )
            and not (name_context.is_exchange_code(m) or name_context.is_ticker(m))
        ]

    def _headed_names_over_nested(
        self, doc: Doc, kb_spans: list[Span]
    ) -> tuple[list[Span], list[Span]]:
        """A legal name or a body's name around a known name is its own entity when it
        adds a name word ('State Grid Ningxia Electric Power Co., Ltd.', 'Fujian Provincial
        Department of Commerce'); when it adds only forms ('Seres Group Co., Ltd.'), or a
        body's head to a company ('Tesla Board'), the known name stands."""
        rules = self.rules
        words = NameWords(
            rules.legal_forms,
            rules.company_heads,
            rules.organization_heads,
            rules.common_words,
            rules.title_words,
        )
        forms = rules.legal_forms | rules.company_heads | {"(", ")", ",", "&", "and", "of"}
        headed = [*legal_names(doc, words), *body_names(doc, words)]
        tokens = doc_tokens(doc)
        kept: list[Span] = []
        for name in sorted(headed, key=len, reverse=True):
            inside = [k for k in kb_spans if name.start <= k.start and k.end <= name.end]
            across = [k for k in kb_spans if k not in inside and _overlap(k, name)]
            outside = set(range(name.start, name.end)) - {
                i for k in inside for i in range(k.start, k.end)
            }
            adds_words = any(tokens[i].text not in forms for i in outside)
            company_in_body = name.label_ == "organization" and any(
                k.label_ == "company" for k in inside
            )
            if len(inside) == 1 and not adds_words and not across and not company_in_body:
                # the known name as written: 'PT Vale Indonesia Tbk' is a mention of it
                kb_spans = [widened(k, name) if k is inside[0] else k for k in kb_spans]
                continue
            if across or company_in_body or (inside and not adds_words):
                continue
            if any(_overlap(name, other) for other in kept):
                continue
            kb_spans = [k for k in kb_spans if k not in inside]
            kept.append(labelled(name, name.label_))
        return kb_spans, kept

    def _arm_or_company(self, span: Span, headed: list[Span]) -> Span:
        """'BYD UK', 'Toyota Motor Thailand', 'BYD do Brasil': a known company's arm in a
        country or region is its own company (unless a longer name holds the words)."""
        if span.label_ != "company":
            return span
        arm = arm_of(span, self.rules.arm_words, self._is_country_or_region)
        if arm is None or any(_overlap(arm, name) for name in headed):
            return span
        return arm

    def _is_country(self, text: str) -> bool:
        return any(p.kind == "country" for p in self.gazetteer.lookup(text))

    def _is_country_or_region(self, text: str) -> bool:
        return any(p.kind in {"country", "region"} for p in self.gazetteer.lookup(text))

    def _credited_names(self, doc: Doc, taken: set[int]) -> Iterator[Span]:
        """Bylines and credits name people ('By ZHANG WEI', 'Photo: ADI PRASETYO/for this
        site') in capitals the model takes for organizations; an agency credited there
        ('Photo: Visual China Group') is an organization."""
        heads = self.rules.body_heads
        common = self.rules.common_words
        for credit in credit_names(
            doc_text(doc),
            self.rules.title_words,
            lambda word: word.lower() in common,
            lambda name: bool(self.gazetteer.lookup(name) or self.gazetteer.lookup(name.title())),
        ):
            span = doc.char_span(credit.start, credit.end, alignment_mode="expand")
            if span is None or not taken.isdisjoint(range(span.start, span.end)):
                continue
            # words as written: "SE" in "PARK SE-YEON" is no legal form
            body = any(w in heads or w.title() in heads for w in span.text.split())
            yield labelled(span, "organization" if body else "person")

    def _contains_other_names(self, ent: Span) -> bool:
        """'Doug Ford', 'NIO Second Advanced Manufacturing Base': a longer name around a
        knowledge-base name is its own entity."""
        if len(ent) < 2:
            return False
        heads = self.rules.site_or_body_heads
        words = span_tokens(ent)
        titled = any(t.text in self.rules.title_words for t in words)
        if ent.label_ == "PERSON":  # but "Leapmotor Partner" is a company and a title
            return not titled and not any(t.like_num for t in words)  # not "Tesla Model 3"
        if ent.label_ not in {"ORG", "FAC"}:
            return False
        # "SK Battery America", "PT Vale Indonesia Tbk": a longer proper name
        proper = all(t.is_title or t.is_upper or t.text in self.rules.legal_forms for t in words)
        plain = not titled and not any(name_context.is_model_name(t.text) for t in words)
        return words[-1].text in heads or (proper and plain and ent.label_ == "ORG")

    def _name_parts(self, doc: Doc, sites: list[Span]) -> Iterator[Span]:
        """Dateline places, then the model's names, split at separators and trimmed;
        `sites` are the `headed_sites`."""
        datelines = list(name_context.datelines(doc))
        yield from datelines
        titled = list(people_after_titles(doc, self._title_cues))
        yield from titled
        dateline_tokens = {span.start for span in datelines}
        yield from self._places_the_model_missed(doc)
        yield from places_the_model_missed(doc, self._place_cues, self._is_unmarked_place)
        yield from self._people_the_model_missed(doc)
        yield from unnamed_sites(doc, self._site_cues)
        yield from sites
        yield from described_names(doc, self._description_nouns)
        yield from names_after_a_country(doc, self._is_country, self.rules.body_heads)
        for ent in doc_ents(doc):
            if ent.start in dateline_tokens:
                continue
            if ent.label_ == "NORP" and self._names_a_region(ent):
                yield Span(doc, ent.start, ent.end, label="GPE")  # "... district of Maharashtra"
                continue
            if ent.label_ == "ORG" and self._is_part_of_a_title(ent):
                continue  # "Minister of Industry", "Industry and Technology Minister"
            if ent.label_ in _NAME_LABELS:
                for part in (
                    p
                    for whole in self._split(ent)
                    for p in _outside(whole, titled, self.rules.person_titles)
                ):
                    trimmed = name_context.trim(part)
                    if trimmed is not None and not self._is_heading_phrase(trimmed):
                        named = self._facility_extended(self._without_generic_tail(trimmed))
                        yield from self._place_before_facility(named)

    def _places_the_model_missed(self, doc: Doc) -> Iterator[Span]:
        """'Kanagawa Prefecture', 'Jiangsu Province': a capitalized word before a region
        word names a region, whether or not the model saw it."""
        tokens = doc_tokens(doc)
        for token in tokens[1:]:
            before = tokens[token.i - 1]
            if (
                token.text in self.rules.region_heads
                and token.text[:1].isupper()
                and before.is_title
                and before.is_alpha
                and not before.ent_type_
                and not token.ent_type_
            ):
                yield Span(doc, before.i, token.i + 1, label="GPE")

    def _people_the_model_missed(self, doc: Doc) -> Iterator[Span]:
        """'K. Gopala Desikan, chief financial officer of TVS Motor': proper names set off
        by a title are a person's, whether or not the model saw them."""
        tokens = doc_tokens(doc)
        for comma in (t for t in tokens if t.text == ","):
            following = tokens[comma.i + 1 : comma.i + 4]
            if not any(t.text.title() in self.rules.title_words for t in following):
                continue
            start = comma.i
            while start > 0 and _may_be_in_a_name(tokens[start - 1]):
                start -= 1
            words = [t for t in tokens[start : comma.i] if not _INITIALS.match(t.text)]
            if (
                2 <= comma.i - start <= 4
                and words
                and not _INITIALS.match(tokens[comma.i - 1].text)
            ):
                yield Span(doc, start, comma.i, label="PERSON")

    def _names_a_region(self, ent: Span) -> bool:
        """The model calls some regions a nationality ('Maharashtra'); nationalities
        themselves ('Chinese') are no places."""
        return any(place.kind == "region" for place in self.gazetteer.lookup(ent.text))

    def _place_before_facility(self, span: Span) -> Iterator[Span]:
        """'Georgia Meta Plant' names a region and, after it, the plant."""
        facility = span[-1].text in self.rules.facility_heads
        if facility and len(span) > 2 and span.label_ in {"ORG", "FAC"}:
            places = self.gazetteer.lookup(span[0].text)
            if any(p.kind == "region" for p in places):  # not "Indonesia Morowali Industrial Park"
                yield Span(span.doc, span.start, span.start + 1, label="GPE")
                yield Span(span.doc, span.start + 1, span.end, label="FAC")
                return
        yield span

    def _is_heading_phrase(self, span: Span) -> bool:
        """In a Title Case heading, 'Electric Vehicle Industry' is not a name."""
        if len(span) < 2 or span.label_ not in {"ORG", "PERSON", "FAC"}:
            return False
        if not name_context.in_title_case_line(span) or name_context.in_byline(span):
            return False
        if span.label_ == "PERSON":  # "Opens Georgia Metaplant" is no one's name
            places = [p for t in span for p in self.gazetteer.lookup(t.text) if p.kind != "city"]
            return bool(places) or self._has_head(span, self.rules.facility_heads)
        heads = self.rules.organization_heads | self.rules.legal_forms
        if span.label_ == "FAC":
            heads = heads | self.rules.facility_heads
        return span[-1].text not in heads

    def _facility_extended(self, span: Span) -> Span:
        """'Paihe Port railway logistics base': a named place and the facility it gives its name."""
        tokens, end = doc_tokens(span.doc), span.end
        if tokens[end - 1].text not in self.rules.facility_heads:
            return span  # "Halewood plant" is a description, not a name
        lowered = _lower(self.rules.facility_heads)
        while (
            end < len(tokens)
            and end - span.end < 4
            and tokens[end].is_lower
            and tokens[end].pos_ == "NOUN"
        ):
            end += 1
            if tokens[end - 1].text in lowered:
                return Span(span.doc, span.start, end, label="FAC")
        return span

    def _split(self, span: Span) -> Iterator[Span]:
        """'Xinhua/Zhou Mu', 'Limited (CATL', 'Firefly, Nio' and 'Nio and FAW' hold two names."""
        doc, start, tokens = span.doc, span.start, doc_tokens(span.doc)
        splits_on_and = not self._has_head(span, self.rules.organization_heads) and (
            tokens[span.end - 1].text
            not in self.rules.facility_heads  # "Sines Industrial and Logistics Zone"
        )
        inner_bracket = self._legal_form_after_bracket(span)
        for i in range(span.start, span.end):
            token = tokens[i]
            comma = token.text == "," and not self._legal_form_follows(doc, i, span.end)
            conjunction = token.lower_ == "and" and splits_on_and and span.label_ in {"ORG", "FAC"}
            separator = token.text in name_context.SEPARATORS and not inner_bracket
            separator = separator or (token.is_space and "\n" in token.text)
            if separator or comma or (conjunction and name_context.capitalized_after(doc, i)):
                if i > start:
                    yield Span(doc, start, i, label=span.label_)
                start = i + 1
            elif "\n" in token.whitespace_:  # a name never runs across lines
                yield Span(doc, start, i + 1, label=span.label_)
                start = i + 1
        if start < span.end:
            yield Span(doc, start, span.end, label=span.label_)

    def _without_generic_tail(self, span: Span) -> Span:
        """'U.S. EV' is the United States: a trailing generic word is not part of a name."""
        end, generic = span.end, self.rules.generic_tails
        tokens = doc_tokens(span.doc)
        while end - span.start > 1 and tokens[end - 1].text in generic:  # keep "... Board"
            end -= 1
        return Span(span.doc, span.start, end, label=span.label_)

    def _legal_form_after_bracket(self, span: Span) -> bool:
        """'Vitesco Technologies (Wuhu) Co., Ltd.': a bracket inside a company's legal name."""
        closing = [t.i for t in span_tokens(span) if t.text == ")"]
        return bool(closing) and any(
            self._legal_form_follows(span.doc, i, span.end) for i in closing
        )

    def _legal_form_follows(self, doc: Doc, i: int, end: int) -> bool:
        return i + 1 < end and doc_tokens(doc)[i + 1].text in self.rules.legal_forms

    @property
    def _non_entities(self) -> NonEntityNames:
        return NonEntityNames.load()

    def _may_be_a_product_alone(self, text: str) -> bool:
        """'Elroq', 'Hongguang MINIEV'; not 'Seal', 'Tucson' or 'Defender'."""
        common = self.rules.common_words
        if all(word.lower() in common for word in text.split()):
            return False
        return not self.gazetteer.lookup(text)

    @property
    def _description_nouns(self) -> DescriptionNouns:
        rules = self.rules
        return DescriptionNouns(
            rules.company_description_nouns,
            rules.organization_description_nouns,
            rules.organization_description_modifiers,
        )

    @property
    def _site_cues(self) -> SiteCues:
        rules = self.rules
        return SiteCues(
            rules.site_nouns,
            lambda text: bool(self.gazetteer.lookup(text)),
            rules.facility_heads,
            lambda word: word.lower() in rules.common_words,
            rules.project_words,
            rules.facility_place_heads,
            rules.facility_place_modifiers,
        )

    def _has_head(self, span: Span, heads: frozenset[str]) -> bool:
        return any(t.text in heads for t in span_tokens(span))

    def _context_countries(self, kb_spans: Iterable[Span], parts: Iterable[Span]) -> set[str]:
        """Countries the article is about: from the KB and from the places it names plainly."""
        countries = {code for span in kb_spans if (code := span._.get(COUNTRY))}
        for span in parts:
            text = span_text(span)
            candidates = self.gazetteer.lookup(text) if span.label_ in _PLACE_LABELS else []
            if len({p.country_code for p in candidates}) == 1:  # not "Georgia"
                place = self.gazetteer.resolve(text)
                if place is not None and place.country_code:
                    countries.add(place.country_code)
                    if place.code and place.kind == "region":
                        countries.add(place.code)
        return countries

    def _type_span(self, span: Span, context: set[str]) -> Span | None:
        text = span_text(span)
        if text in self.rules.generic_names or (not text[:1].isupper() and not text[:1].isdigit()):
            return None  # "kW.", "the", a generic word
        if name_context.in_table_header(span):
            return None  # "| Rank | Brand |": column names
        if name_context.is_exchange_code(span) or name_context.is_ticker(span):
            return None  # "(NYSE: XPEV)"
        if self._non_entities.is_non_entity(text):
            return None  # "PLI", "ZEV", "HPAL": programmes and terms are not scored
        credit = name_context.credit_role(span)
        if credit is not None:
            return labelled(span, credit)
        described = self._described_by_next_word(span, context)
        if described is not None:
            return described
        kind = described_type(span, self._description_nouns)
        if kind is not None and not self._is_unmarked_place(span.text):
            return labelled(span, kind)  # "AMDA, the association of car dealers"
        if is_giga_name(span) or names_a_site(span, self._site_cues):
            return labelled(span, "facility")  # "a Giga Arctic plant", "its Pilgangoora operation"
        if before_a_site(span, self._site_cues) and (place := self._as_place(span, context)):
            return place  # "Audi's Dingolfing plant"
        if self._names_a_facility_by_its_words(span):
            return labelled(span, "facility")  # "Karawang New Industry City": an industrial park
        named_facility = len(span) > 1 and self._has_head(span, self.rules.facility_heads)
        if span.label_ != "PERSON" and named_facility:
            return labelled(span, "facility")  # "Gigafactory Mexico", "Chiba Complex"
        if self._is_natural_feature(span):
            return self._as_place(span, context) or labelled(span, "region")
        if span.label_ == "PERSON" or self._is_titled_person(span):
            return self._as_person(span, context)
        if span.label_ == "ORG" and name_context.names_a_programme(span):
            return None  # "the Reimagining Energy and Vehicles (REV) program": not scored
        if span.label_ in _PLACE_LABELS or span[-1].text in self.rules.region_heads:
            place = self._as_place(span, context)
            if place is None and span.label_ in _PLACE_LABELS and self._placed(span, context):
                return labelled(span, "city")  # "a cell plant in New Carlisle, Indiana"
            return place
        return self._as_organization(span, context)

    def _names_a_facility_by_its_words(self, span: Span) -> bool:
        """'Karawang New Industry City', 'Changzhou National High-tech District', 'Mohammed
        VI Tangier Tech City' are parks, not towns; 'Mahenge Graphite Project' and 'Sichuan
        Times Power Battery Industry Base Project' are sites, not programmes."""
        rules, text = self.rules, span.text
        if len(span) > 2 and any(text.endswith(p) for p in rules.facility_phrases):
            return True
        if len(span) < 2:
            return False
        last, before = span[-1].text, span[-2]
        if last in rules.facility_place_heads:
            return before.lower_ in rules.facility_place_modifiers
        return last == "Project" and before.text in rules.project_words

    def _is_natural_feature(self, span: Span) -> bool:
        """'Salar de Atacama', 'Laguna Verde', 'the Qinghai-Tibet Plateau': a salt flat, a
        lake or a plateau is a named region, never a company or a person."""
        rules = self.rules
        if len(span) < 2 or self._has_head(span, rules.body_heads):
            return False  # "Mount Isa Mines", "Gulf Cooperation Council"
        return span[0].text in rules.natural_feature_firsts or (
            span[-1].text in rules.natural_feature_lasts
        )

    def _names_a_portfolio(self, span: Span) -> bool:
        """'Energy and Mineral Resources Minister': a company of common words (known only
        ambiguously, if at all) is the minister's portfolio."""
        if span.label_ not in {"company", "organization"}:
            return False
        if from_kb(span) and not span._.get(AMBIGUOUS):
            return False
        return name_context.in_a_portfolio(span, self.rules.office_titles, self.rules.common_words)

    def _is_part_of_a_title(self, span: Span) -> bool:
        """The model's organization is an office: 'Minister of Industry' starts with its
        title, 'Industry and Technology' comes before 'Minister'."""
        doc, offices = span.doc, self.rules.office_titles
        if span[0].text in offices:
            return True
        heads = self.rules.organization_heads  # "Commerce Department Secretary" names both
        office_follows = span.end < len(doc) and doc[span.end].text in offices
        # "Union Heavy Industries Minister": a head word inside is no body's name
        return office_follows and span[-1].text not in heads

    def _is_titled_person(self, span: Span) -> bool:
        """'Sun Huibin, President of ...' or 'secretary-general Narit Therdsteerasukdi'."""
        particles = self.rules.name_particles
        if not name_context.looks_like_person_name(span, particles):
            return False
        doc, titles = span.doc, self.rules.title_words
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and (before.text in titles or before.text.title() in titles):
            return True
        return name_context.is_appositive_person(span, titles, particles) or name_context.in_byline(
            span
        )

    def _as_organization(self, span: Span, context: set[str]) -> Span | None:
        if any(name_context.is_model_name(t.text) for t in span):
            return None  # "ET7", "L8", "ID.4": products are not scored
        head = span[-1].text
        if head in self.rules.legal_forms:
            return labelled(span, "company")
        if self._has_head(span, self.rules.organization_heads):
            return labelled(span, "organization")
        if head in self.rules.city_heads and len(span) > 1:
            return self._as_place(span, context)
        place = self._as_place(span, context)
        if place is not None and (place.label_ != "city" or self._is_clear_city(span, context)):
            return place  # the model calls "Tamil Nadu" or "Yibin (Sichuan)" an organization
        if place is None and len(span) == 1 and self._region_follows(span, context):
            return labelled(span, "city")  # "Liyang (Jiangsu)": a town too small for GeoNames
        if self.rules.is_common_word(span):
            return None
        if self._placed(span, context):
            return labelled(span, "city")  # "at Pomalaa, in Southeast Sulawesi"
        return labelled(span, "company")

    def _described_by_next_word(self, span: Span, context: set[str]) -> Span | None:
        """'Bidkin district', 'Hajdú-Bihar county', 'the Greenbushes mine': a lowercase
        word after a name says what it is."""
        doc = span.doc
        following = doc[span.end].text if span.end < len(doc) else ""
        if following in self.rules.lowercase_city_words:
            place = self._as_place(span, context)  # counties and districts are cities
            return labelled(place, "city") if place is not None else labelled(span, "city")
        if following in self.rules.lowercase_region_words:
            place = self._as_place(span, context)
            if place is not None and place.label_ == "region":
                return place
            regions = [p for p in self.gazetteer.lookup(span.text) if p.kind == "region"]
            return place_span(span, regions[0]) if regions else None  # "São Paulo state"
        if (
            following in self.rules.lowercase_facility_words
            and self._as_place(span, context) is None
        ):
            return labelled(span, "facility")
        return None

    def _placed(self, span: Span, context: set[str]) -> bool:
        """A name the gazetteer lacks, placed by its sentence; never an acronym or a name
        with a company's or a body's head word."""
        rules = self.rules
        if len(span) > 3 or any(name_context.is_acronym(t.text) for t in span):
            return False
        if self._has_head(span, rules.body_heads):
            return False
        return placed_by_context(
            span, self._place_cues, lambda text: self._is_known_place(text, context)
        )

    @cached_property
    def _title_cues(self) -> TitleCues:
        rules = self.rules
        return TitleCues(
            rules.person_titles,
            rules.name_particles,
            lambda word: word in rules.common_words,
        )

    @cached_property
    def _place_cues(self) -> PlaceCues:
        rules = self.rules
        return PlaceCues(
            rules.place_locatives, rules.place_compass_phrases, rules.place_sited_nouns
        )

    def _is_unmarked_place(self, text: str) -> bool:
        """A place by its name alone: a region, a country or a sizeable city; which of
        its namesakes is settled later."""
        return any(
            p.kind != "city" or (p.population or 0) >= _UNMARKED_CITY_POPULATION
            for p in self.gazetteer.lookup(text)
        )

    def _is_known_place(self, text: str, context: set[str]) -> bool:
        return self.gazetteer.resolve(text, context) is not None

    def _region_follows(self, span: Span, context: set[str]) -> bool:
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].text not in {"(", ",", "in"}:
            return False  # "Liyang (Jiangsu)", "Bidkin in Maharashtra"
        region = self.gazetteer.resolve(doc[span.end + 1].text, context)
        return region is not None and region.kind == "region" and region.code is not None

    def _is_clear_city(self, span: Span, context: set[str]) -> bool:
        """A lone word the model calls an organization is a city only on good evidence."""
        if len(span) > 1:
            return False
        if name_context.hinted_by_region(span):
            return True
        place = self.gazetteer.resolve(span.text, context, name_context.following_text(span))
        population = (place.population or 0) if place is not None else 0
        in_context = place is not None and place.country_code in context
        return population >= _BIG_CITY or (in_context and population >= _TOWN)

    def _as_person(self, span: Span, context: set[str]) -> Span | None:
        while len(span) > 1 and span[0].text in self.rules.title_words:
            span = span[1:]
        span = self._with_first_name(span)
        if any(t.text in self.rules.title_words for t in span) or len(span.text) < 3:
            return None
        if any(name_context.is_model_name(t.text) or t.like_num for t in span):
            return None  # "SU7 sedan", "Atto 1": no one's name has a number
        place = self._as_place(span, context)
        hinted = name_context.hinted_by_region(span)
        if place is not None and (len(span) == 1 or place.label_ != "city" or hinted):
            return place  # "Halewood", "Tamil Nadu", "Spring Hill, Tennessee"
        initials = self._title_before(span) and len(span[0]) == 2  # "executive JB Straubel"
        if self._has_head(span, self.rules.company_heads) or any(
            name_context.is_acronym(t.text) for t in span[int(initials) :]
        ):
            return labelled(span, "company")  # "Tata Sons", "GAC Aion", "Blade Battery"
        if self._placed(span, context):
            return labelled(span, "city")  # "in Iracemápolis, in São Paulo state"
        return labelled(span, "person")

    def _title_before(self, span: Span) -> bool:
        return span.start > 0 and span.doc[span.start - 1].lower_ in self.rules.person_titles

    def _with_first_name(self, span: Span) -> Span:
        """'Minister Mehmet Fatih Kacır': the model may leave the first name to the title."""
        doc, start = span.doc, span.start
        if start < 2 or doc[start - 2].text not in self.rules.title_words:
            return span
        first = doc[start - 1]
        if first.pos_ != "PROPN" or not (first.is_title and first.is_alpha) or first.ent_type_:
            return span
        if first.text in self.rules.title_words:
            return span
        return Span(doc, start - 1, span.end, label=span.label_)

    def _head_words_resolved(self, spans: list[Span]) -> list[Span]:
        """'the Commission' after 'the European Commission' is the same body."""
        resolved: list[Span] = []
        for span in spans:
            doc = span.doc
            after_the = span.start > 0 and doc[span.start - 1].lower_ == "the"
            if len(span) == 1 and after_the and span.text in self.rules.organization_heads:
                named = [s for s in resolved if len(s) > 1 and s[-1].text == span.text]
                if named:
                    span = as_defined(span, named[-1])
            resolved.append(span)
        return resolved

    def _as_place(self, span: Span, context: set[str]) -> Span | None:
        if len(span) > 1 and span[-1].text in self.rules.lowercase_city_words:
            # "Hajdú-Bihar county", "Chhatrapati Sambhajinagar district": a city by the rules
            name = Span(span.doc, span.start, span.end - 1, label=span.label_)
            typed = self._as_place(name, context)
            return labelled(typed if typed is not None else name, "city")
        following = name_context.following_text(span)
        place = self.gazetteer.resolve(span.text, context, following)
        if place is None and following.startswith("."):  # "Ont.", "Ill.": the period was trimmed
            place = self.gazetteer.resolve(span.text + ".", context, following[1:])
        if place is not None:
            return place_span(name_context.without_compass(span, place.name), place)
        head = span[-1].text
        if len(span) > 1 and head in self.rules.city_heads:
            return labelled(span, "city")
        if len(span) > 1 and head in self.rules.region_heads:
            return labelled(span, "region")
        return None

    def _single_names_resolved(self, spans: list[Span]) -> list[Span]:
        """A lone word the model calls a person is a company ('Nio', 'Sinopec'), unless
        it is part of a full name in the article ('Li' for 'William Li')."""
        name_words = {
            word for s in spans if s.label_ == "person" and len(s) > 1 for word in s.text.split()
        }
        resolved = []
        for span in spans:
            single = len(span) == 1 and not from_kb(span)
            if single and span.label_ in {"person", "company"}:
                named = span.text in name_words or self._after_title(span)
                if not named and self.rules.is_common_word(span):
                    continue  # "Song", "Smart": a lone common word the model took for a name
                span = labelled(span, "person" if named else "company")
            elif single and span.label_ == "city" and span.text in name_words:
                span = labelled(span, "person")  # "Kim said": a surname, not a town
                for name in (CANONICAL, COUNTRY, CODE, ENTITY_ID):
                    span._.set(name, None)  # forget the town it was taken for
            resolved.append(span)
        return resolved

    def _after_title(self, span: Span) -> bool:
        """'Chief Minister Siddaramaiah': one name after a title is a person's."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        return before is not None and before.text in self.rules.title_words


_UNMARKED_CITY_POPULATION = 100_000  # smaller towns share too many names
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def _may_be_in_a_name(token: Token) -> bool:
    """A proper noun or an initial ('H.D.') that no other name has taken (the model
    sometimes calls an initial a nationality, a person a product)."""
    shaped = token.is_title or _INITIALS.match(token.text) is not None
    return (
        token.tag_ == "NNP" and shaped and token.ent_type_ in {"", "NORP", "PRODUCT", "WORK_OF_ART"}
    )


def _outside(span: Span, people: list[Span], titles: frozenset[str]) -> Iterator[Span]:
    """The span without the words of a titled person in it: 'Steel H.D. Kumaraswamy'
    is a portfolio's last word and a person."""
    inside = [p for p in people if _overlap(span, p)]
    if not inside:
        yield span
        return
    start = span.start
    for person in sorted(inside, key=lambda p: p.start):
        end = person.start
        while end > start and span.doc[end - 1].lower_ in titles:
            end -= 1  # "Manisa Governor": the place, not the title
        if end > start:
            yield Span(span.doc, start, end, label=span.label_)
        start = max(start, person.end)
    if start < span.end:
        yield Span(span.doc, start, span.end, label=span.label_)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _lower(words: frozenset[str]) -> set[str]:
    return {word.lower() for word in words}
