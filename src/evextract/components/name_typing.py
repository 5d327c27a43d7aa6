"""A name the knowledge base lacks, typed: person, company, organization, city,
region, country or facility (or no entity at all), from the gazetteer, the words
around it (a credit, a title, "county", "plant") and its own head words.

`context` is the set of country (and region) codes the article is about, from
`context_countries`: it settles which of a name's namesakes is meant."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from ..extensions import COUNTRY, span_text
from . import name_context
from .descriptions import described_type
from .lexicon import Lexicon
from .place_context import placed_by_context
from .site_names import before_a_site, is_giga_name, names_a_site
from .span_labels import labelled, place_span

PLACE_LABELS = {"GPE", "LOC"}
_BIG_CITY = 1_000_000
_TOWN = 20_000


def context_countries(
    kb_spans: Iterable[Span], parts: Iterable[Span], lexicon: Lexicon
) -> set[str]:
    """Countries the article is about: from the KB and from the places it names plainly."""
    countries = {code for span in kb_spans if (code := span._.get(COUNTRY))}
    gazetteer = lexicon.gazetteer
    for span in parts:
        text = span_text(span)
        candidates = gazetteer.lookup(text) if span.label_ in PLACE_LABELS else []
        if len({p.country_code for p in candidates}) == 1:  # not "Georgia"
            place = gazetteer.resolve(text)
            if place is not None and place.country_code:
                countries.add(place.country_code)
                if place.code and place.kind == "region":
                    countries.add(place.code)
    return countries


def type_span(span: Span, context: set[str], lexicon: Lexicon) -> Span | None:
    """The span with evextract's label (and a place's canonical name), or None."""
    rules = lexicon.rules
    text = span_text(span)
    if text in rules.generic_names or (not text[:1].isupper() and not text[:1].isdigit()):
        return None  # "kW.", "the", a generic word
    if name_context.in_table_header(span):
        return None  # "| Rank | Brand |": column names
    if name_context.is_exchange_code(span) or name_context.is_ticker(span):
        return None  # "(NYSE: XPEV)"
    if lexicon.non_entities.is_non_entity(text):
        return None  # "PLI", "ZEV", "HPAL": programmes and terms are not scored
    credit = name_context.credit_role(span)
    if credit is not None:
        return labelled(span, credit)
    described = _described_by_next_word(span, context, lexicon)
    if described is not None:
        return described
    return _typed_as_a_site_or_a_name(span, context, lexicon)


def _typed_as_a_site_or_a_name(span: Span, context: set[str], lexicon: Lexicon) -> Span | None:
    rules = lexicon.rules
    kind = described_type(span, lexicon.description_nouns)
    if kind is not None and not lexicon.is_unmarked_place(span.text):
        return labelled(span, kind)  # "AMDA, the association of car dealers"
    if is_giga_name(span) or names_a_site(span, lexicon.site_cues):
        return labelled(span, "facility")  # "a Giga Arctic plant", "its Pilgangoora operation"
    if before_a_site(span, lexicon.site_cues) and (place := _as_place(span, context, lexicon)):
        return place  # "Audi's Dingolfing plant"
    if _names_a_facility_by_its_words(span, lexicon):
        return labelled(span, "facility")  # "Karawang New Industry City": an industrial park
    named_facility = len(span) > 1 and rules.has_head(span, rules.facility_heads)
    if span.label_ != "PERSON" and named_facility:
        return labelled(span, "facility")  # "Gigafactory Mexico", "Chiba Complex"
    if _is_natural_feature(span, lexicon):
        return _as_place(span, context, lexicon) or labelled(span, "region")
    if span.label_ == "PERSON" or _is_titled_person(span, lexicon):
        return _as_person(span, context, lexicon)
    if span.label_ == "ORG" and name_context.names_a_programme(span):
        return None  # "the Reimagining Energy and Vehicles (REV) program": not scored
    if span.label_ in PLACE_LABELS or span[-1].text in rules.region_heads:
        place = _as_place(span, context, lexicon)
        if place is None and span.label_ in PLACE_LABELS and _placed(span, context, lexicon):
            return labelled(span, "city")  # "a cell plant in New Carlisle, Indiana"
        return place
    return _as_organization(span, context, lexicon)


def _names_a_facility_by_its_words(span: Span, lexicon: Lexicon) -> bool:
    """'Karawang New Industry City', 'Changzhou National High-tech District', 'Mohammed
    VI Tangier Tech City' are parks, not towns; 'Mahenge Graphite Project' and 'Sichuan
    Times Power Battery Industry Base Project' are sites, not programmes."""
    rules, text = lexicon.rules, span.text
    if len(span) > 2 and any(text.endswith(p) for p in rules.facility_phrases):
        return True
    if len(span) < 2:
        return False
    last, before = span[-1].text, span[-2]
    if last in rules.facility_place_heads:
        return before.lower_ in rules.facility_place_modifiers
    return last == "Project" and before.text in rules.project_words


def _is_natural_feature(span: Span, lexicon: Lexicon) -> bool:
    """'Salar de Atacama', 'Laguna Verde', 'the Qinghai-Tibet Plateau': a salt flat, a
    lake or a plateau is a named region, never a company or a person."""
    rules = lexicon.rules
    if len(span) < 2 or rules.has_head(span, rules.body_heads):
        return False  # "Mount Isa Mines", "Gulf Cooperation Council"
    return span[0].text in rules.natural_feature_firsts or (
        span[-1].text in rules.natural_feature_lasts
    )


def _is_titled_person(span: Span, lexicon: Lexicon) -> bool:
    """'Sun Huibin, President of ...' or 'secretary-general Narit Therdsteerasukdi'."""
    particles = lexicon.rules.name_particles
    if not name_context.looks_like_person_name(span, particles):
        return False
    doc, titles = span.doc, lexicon.rules.title_words
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.text in titles or before.text.title() in titles):
        return True
    return name_context.is_appositive_person(span, titles, particles) or name_context.in_byline(
        span
    )


def _as_organization(span: Span, context: set[str], lexicon: Lexicon) -> Span | None:
    if any(name_context.is_model_name(t.text) for t in span):
        return None  # "ET7", "L8", "ID.4": products are not scored
    rules, head = lexicon.rules, span[-1].text
    if head in rules.legal_forms:
        return labelled(span, "company")
    if rules.has_head(span, rules.organization_heads):
        return labelled(span, "organization")
    if head in rules.city_heads and len(span) > 1:
        return _as_place(span, context, lexicon)
    place = _as_place(span, context, lexicon)
    if place is not None and (place.label_ != "city" or _is_clear_city(span, context, lexicon)):
        return place  # the model calls "Tamil Nadu" or "Yibin (Sichuan)" an organization
    if place is None and len(span) == 1 and _region_follows(span, context, lexicon):
        return labelled(span, "city")  # "Liyang (Jiangsu)": a town too small for GeoNames
    if rules.is_common_word(span):
        return None
    if _placed(span, context, lexicon):
        return labelled(span, "city")  # "at Pomalaa, in Southeast Sulawesi"
    return labelled(span, "company")


def _described_by_next_word(span: Span, context: set[str], lexicon: Lexicon) -> Span | None:
    """'Bidkin district', 'Hajdú-Bihar county', 'the Greenbushes mine': a lowercase
    word after a name says what it is."""
    doc, rules = span.doc, lexicon.rules
    following = doc[span.end].text if span.end < len(doc) else ""
    if following in rules.lowercase_city_words:
        place = _as_place(span, context, lexicon)  # counties and districts are cities
        return labelled(place, "city") if place is not None else labelled(span, "city")
    if following in rules.lowercase_region_words:
        place = _as_place(span, context, lexicon)
        if place is not None and place.label_ == "region":
            return place
        regions = [p for p in lexicon.gazetteer.lookup(span.text) if p.kind == "region"]
        return place_span(span, regions[0]) if regions else None  # "São Paulo state"
    if following in rules.lowercase_facility_words and _as_place(span, context, lexicon) is None:
        return labelled(span, "facility")
    return None


def _placed(span: Span, context: set[str], lexicon: Lexicon) -> bool:
    """A name the gazetteer lacks, placed by its sentence; never an acronym or a name
    with a company's or a body's head word."""
    rules = lexicon.rules
    if len(span) > 3 or any(name_context.is_acronym(t.text) for t in span):
        return False
    if rules.has_head(span, rules.body_heads):
        return False
    return placed_by_context(
        span, lexicon.place_cues, lambda text: lexicon.is_known_place(text, context)
    )


def _region_follows(span: Span, context: set[str], lexicon: Lexicon) -> bool:
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text not in {"(", ",", "in"}:
        return False  # "Liyang (Jiangsu)", "Bidkin in Maharashtra"
    region = lexicon.gazetteer.resolve(doc[span.end + 1].text, context)
    return region is not None and region.kind == "region" and region.code is not None


def _is_clear_city(span: Span, context: set[str], lexicon: Lexicon) -> bool:
    """A lone word the model calls an organization is a city only on good evidence."""
    if len(span) > 1:
        return False
    if name_context.hinted_by_region(span):
        return True
    following = name_context.following_text(span)
    place = lexicon.gazetteer.resolve(span.text, context, following)
    population = (place.population or 0) if place is not None else 0
    in_context = place is not None and place.country_code in context
    return population >= _BIG_CITY or (in_context and population >= _TOWN)


def _as_person(span: Span, context: set[str], lexicon: Lexicon) -> Span | None:
    rules = lexicon.rules
    while len(span) > 1 and span[0].text in rules.title_words:
        span = span[1:]
    span = _with_first_name(span, lexicon)
    if any(t.text in rules.title_words for t in span) or len(span.text) < 3:
        return None
    if any(name_context.is_model_name(t.text) or t.like_num for t in span):
        return None  # "SU7 sedan", "Atto 1": no one's name has a number
    place = _as_place(span, context, lexicon)
    hinted = name_context.hinted_by_region(span)
    if place is not None and (len(span) == 1 or place.label_ != "city" or hinted):
        return place  # "Halewood", "Tamil Nadu", "Spring Hill, Tennessee"
    initials = _title_before(span, lexicon) and len(span[0]) == 2  # "executive JB Straubel"
    if rules.has_head(span, rules.company_heads) or any(
        name_context.is_acronym(t.text) for t in span[int(initials) :]
    ):
        return labelled(span, "company")  # "Tata Sons", "GAC Aion", "Blade Battery"
    if _placed(span, context, lexicon):
        return labelled(span, "city")  # "in Iracemápolis, in São Paulo state"
    return labelled(span, "person")


def _title_before(span: Span, lexicon: Lexicon) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in lexicon.rules.person_titles


def _with_first_name(span: Span, lexicon: Lexicon) -> Span:
    """'Minister Mehmet Fatih Kacır': the model may leave the first name to the title."""
    doc, start, titles = span.doc, span.start, lexicon.rules.title_words
    if start < 2 or doc[start - 2].text not in titles:
        return span
    first = doc[start - 1]
    if first.pos_ != "PROPN" or not (first.is_title and first.is_alpha) or first.ent_type_:
        return span
    if first.text in titles:
        return span
    return Span(doc, start - 1, span.end, label=span.label_)


def _as_place(span: Span, context: set[str], lexicon: Lexicon) -> Span | None:
    """The span as the place the gazetteer (or a city's or a region's head word) says."""
    rules = lexicon.rules
    if len(span) > 1 and span[-1].text in rules.lowercase_city_words:
        # "Hajdú-Bihar county", "Chhatrapati Sambhajinagar district": a city by the rules
        name = Span(span.doc, span.start, span.end - 1, label=span.label_)
        typed = _as_place(name, context, lexicon)
        return labelled(typed if typed is not None else name, "city")
    following = name_context.following_text(span)
    place = lexicon.gazetteer.resolve(span.text, context, following)
    if place is None and following.startswith("."):  # "Ont.", "Ill.": the period was trimmed
        place = lexicon.gazetteer.resolve(span.text + ".", context, following[1:])
    if place is not None:
        return place_span(name_context.without_compass(span, place.name), place)
    head = span[-1].text
    if len(span) > 1 and head in rules.city_heads:
        return labelled(span, "city")
    if len(span) > 1 and head in rules.region_heads:
        return labelled(span, "region")
    return None
