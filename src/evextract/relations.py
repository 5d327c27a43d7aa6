"""Who did what: the roles and partnerships `evextract_relations` finds, and its cue words.

Pure: no spaCy. Findings hold character offsets into the article, so that
`convert.py` can map them to the canonical entities of the record. The cue
words live in data/relation_cues.json and data/references.json.

>>> cues = RelationCues.load()
>>> cues.is_partnership_noun("Joint-Venture"), cues.is_partnership_noun("stake")
(True, False)
>>> "ceo" in cues.title_heads and "chief" in cues.title_modifiers
True
>>> ReferenceNouns.load().types_of("carmaker")
('company',)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .datafiles import read_text

CUES_RESOURCE = "relation_cues.json"
REFERENCES_RESOURCE = "references.json"


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the article: text == article[start:end]."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RoleFinding:
    """A person, the title the article gives them, and the organization it belongs to."""

    person: TextSpan
    title: str
    organization: TextSpan | None = None


@dataclass(frozen=True)
class PartnershipFinding:
    """Companies or organizations the sentence says work together."""

    parties: tuple[TextSpan, ...]
    sentence: str


def _read(resource: str) -> dict[str, Any]:
    text = read_text(resource)
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True)
class RelationCues:
    """Title words and partnership words (see data/relation_cues.json for each list)."""

    title_patterns: tuple[Mapping[str, Any], ...]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_links: frozenset[str]
    title_units: frozenset[str]
    corporate_titles: frozenset[str]
    portfolio_titles: frozenset[str]
    partnership_verbs: frozenset[str]
    partnership_particles: Mapping[str, tuple[str, ...]]
    with_verbs: frozenset[str]
    agreement_verbs: frozenset[str]
    formation_verbs: frozenset[str]
    partnership_nouns: frozenset[str]
    open_partnership_nouns: frozenset[str]
    venture_nouns: frozenset[str]
    of_party_nouns: frozenset[str]  # 'an alliance of A, B and C': the of-phrase names parties
    in_partnership_nouns: frozenset[str]
    together_verbs: frozenset[str]
    together_words: frozenset[str]
    distributive_words: frozenset[str]
    joint_sites: frozenset[str]
    joint_words: frozenset[str]
    speech_verbs: frozenset[str]
    groundbreaking_verbs: frozenset[str]
    construction_nouns: frozenset[str]
    joint_nouns: frozenset[str]
    co_ownership_verbs: frozenset[str]
    collective_nouns: frozenset[str]
    list_preps: frozenset[str]
    pair_nouns: frozenset[str]
    not_parties: frozenset[str]
    supply_verbs: frozenset[str]
    making_verbs: frozenset[str]
    order_nouns: frozenset[str]
    winning_verbs: frozenset[str]
    licence_verbs: frozenset[str]
    sourcing_verbs: frozenset[str]
    holding_nouns: frozenset[str]
    not_cue_governors: frozenset[str]
    not_cue_nouns: frozenset[str]

    @classmethod
    def load(cls) -> RelationCues:
        return _load_relation_cues()

    def is_partnership_noun(self, word: str) -> bool:
        return word.lower() in self.partnership_nouns

    def is_corporate_title(self, title: str) -> bool:
        words = title.lower().replace("-", " ").split()
        return any(
            " ".join(words[i : i + n]).replace(" ", "-") in self.corporate_titles
            or " ".join(words[i : i + n]) in self.corporate_titles
            for n in (1, 2, 3)
            for i in range(len(words))
        ) or ("chief" in words and "officer" in words)


@lru_cache(maxsize=1)
def _load_relation_cues() -> RelationCues:
    raw = _read(CUES_RESOURCE)
    values: dict[str, Any] = {}
    for name in RelationCues.__dataclass_fields__:
        value = raw[name]
        if name == "title_patterns":
            values[name] = tuple(value)
        elif name == "partnership_particles":
            values[name] = {verb: tuple(words) for verb, words in value.items()}
        else:
            values[name] = frozenset(value)
    return RelationCues(**values)


@dataclass(frozen=True)
class ReferenceNouns:
    """Nouns that point back to an entity of a type: 'the company', 'the city'; and the
    knowledge-base categories a kind of company fits ('the automaker' is no battery maker).

    >>> nouns = ReferenceNouns.load()
    >>> nouns.fits("automaker", "battery"), nouns.fits("automaker", "carmaker")
    (False, True)
    >>> nouns.fits("automaker", None), nouns.fits("firm", "battery")
    (True, True)
    """

    by_type: Mapping[str, frozenset[str]]
    categories: Mapping[str, frozenset[str]] = field(default_factory=dict)
    nationalities: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ReferenceNouns:
        return _load_reference_nouns()

    def types_of(self, noun: str) -> tuple[str, ...]:
        word = noun.lower()
        return tuple(kind for kind, nouns in self.by_type.items() if word in nouns)

    def nationality(self, words: list[str]) -> str | None:
        """The country a noun's modifiers name: 'South Korean' in 'the South Korean company'.

        >>> ReferenceNouns.load().nationality(["the", "South", "Korean", "battery"])
        'KR'
        """
        lowered = [word.lower() for word in words]
        for size in (2, 1):
            for i in range(len(lowered) - size + 1):
                country = self.nationalities.get(" ".join(lowered[i : i + size]))
                if country is not None:
                    return country
        return None

    def fits(self, noun: str, category: str | None) -> bool:
        """Whether a company of the knowledge-base category may be called `noun`."""
        allowed = self.categories.get(noun.lower())
        return allowed is None or category is None or category in allowed


@lru_cache(maxsize=1)
def _load_reference_nouns() -> ReferenceNouns:
    raw = _read(REFERENCES_RESOURCE)
    categories = raw.get("kb_categories", {})
    return ReferenceNouns(
        {kind: frozenset(nouns) for kind, nouns in raw.items() if isinstance(nouns, list)},
        {noun: frozenset(kinds) for noun, kinds in categories.items() if isinstance(kinds, list)},
        dict(raw.get("nationalities", {})),
    )
