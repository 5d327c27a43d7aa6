"""What the entity typer knows before it reads an article: the rules' word lists
(data/entity_rules.json, data/common_words.txt), the gazetteer, and the cues the
finders of names are built from. Made once per pipeline, shared by the modules that
find names (name_parts.py) and type them (name_typing.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span

from ..datafiles import read_json, read_words
from ..extensions import span_tokens
from ..gazetteer import Gazetteer
from .descriptions import DescriptionNouns
from .non_entities import NonEntityNames
from .place_context import PlaceCues
from .site_names import SiteCues
from .titled_people import TitleCues

RULES_RESOURCE = "entity_rules.json"
COMMON_WORDS_RESOURCE = "common_words.txt"
# Smaller towns share too many names to be taken for a place by their name alone.
_UNMARKED_CITY_POPULATION = 100_000


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

    @cached_property
    def lowercase_facility_heads(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.facility_heads)

    def is_common_word(self, span: Span) -> bool:
        """'Prices', 'Offtake', 'Agriculture': one capitalized common word (a heading, a
        list label, a portfolio) is no name unless the knowledge base knows it."""
        return len(span) == 1 and span.text.istitle() and span.text.lower() in self.common_words

    def has_head(self, span: Span, heads: frozenset[str]) -> bool:
        return any(t.text in heads for t in span_tokens(span))


class Lexicon:
    """The rules and the gazetteer, and what is asked of them about a name."""

    def __init__(self, rules: EntityRules, gazetteer: Gazetteer) -> None:
        self.rules, self.gazetteer = rules, gazetteer

    @classmethod
    def load(cls) -> Lexicon:
        return cls(EntityRules.load(), Gazetteer.load())

    @property
    def non_entities(self) -> NonEntityNames:
        return NonEntityNames.load()

    def is_country(self, text: str) -> bool:
        return any(p.kind == "country" for p in self.gazetteer.lookup(text))

    def is_country_or_region(self, text: str) -> bool:
        return any(p.kind in {"country", "region"} for p in self.gazetteer.lookup(text))

    def names_a_region(self, text: str) -> bool:
        return any(place.kind == "region" for place in self.gazetteer.lookup(text))

    def is_unmarked_place(self, text: str) -> bool:
        """A place by its name alone: a region, a country or a sizeable city; which of
        its namesakes is settled later."""
        return any(
            p.kind != "city" or (p.population or 0) >= _UNMARKED_CITY_POPULATION
            for p in self.gazetteer.lookup(text)
        )

    def is_known_place(self, text: str, context: set[str]) -> bool:
        return self.gazetteer.resolve(text, context) is not None

    def may_be_a_product_alone(self, text: str) -> bool:
        """'Elroq', 'Hongguang MINIEV'; not 'Seal', 'Tucson' or 'Defender'."""
        common = self.rules.common_words
        if all(word.lower() in common for word in text.split()):
            return False
        return not self.gazetteer.lookup(text)

    @cached_property
    def description_nouns(self) -> DescriptionNouns:
        rules = self.rules
        return DescriptionNouns(
            rules.company_description_nouns,
            rules.organization_description_nouns,
            rules.organization_description_modifiers,
        )

    @cached_property
    def site_cues(self) -> SiteCues:
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

    @cached_property
    def title_cues(self) -> TitleCues:
        rules = self.rules
        return TitleCues(
            rules.person_titles,
            rules.name_particles,
            lambda word: word in rules.common_words,
        )

    @cached_property
    def place_cues(self) -> PlaceCues:
        rules = self.rules
        return PlaceCues(
            rules.place_locatives, rules.place_compass_phrases, rules.place_sited_nouns
        )
