"""What a figure means: currencies, qualifiers, percent words and units.

Pure: no spaCy. The words live in data/figure_lexicon.json; this module reads
them and answers questions with plain strings.

>>> lexicon = FigureLexicon.load()
>>> lexicon.currency_before("US$"), lexicon.currency_before("RMB"), lexicon.currency_before("HK$")
('USD', 'CNY', 'HKD')
>>> lexicon.currency_after("U.S. dollars"), lexicon.currency_after("euros")
('USD', 'EUR')
>>> lexicon.qualifier("no more than"), lexicon.qualifier("About"), lexicon.qualifier("the")
('up_to', 'approx', None)
>>> lexicon.measure_unit("GWh"), lexicon.measure_unit("kilometres"), lexicon.measure_unit("cars")
('gwh', 'km', None)
>>> split_attached("HK$35"), split_attached("43GWh"), split_attached("10.88bn")
(('HK$', '35', ''), ('', '43', 'GWh'), ('', '10.88', 'bn'))
>>> split_attached("ES8")
('ES', '8', '')
>>> split_attached("40,000–46,000"), split_attached("ID.4")
(('', '40,000', '–46,000'), ('ID.', '4', ''))
>>> split_attached("2bn-3bn"), split_attached("-15.7")
(('', '2', 'bn-3bn'), ('-', '15.7', ''))
>>> scale_then_number("billion-3.5"), scale_then_number("bn-3bn"), scale_then_number("Model-3")
(('billion', '3.5', ''), ('bn', '3', 'bn'), None)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .datafiles import read_json
from .numbers import SCALE_WORDS, Number

LEXICON_RESOURCE = "figure_lexicon.json"
_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child"}
_ATTACHED = re.compile(
    r"^(?P<prefix>\D*?)(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?P<suffix>\D*|%?[-–—]\d[\d,]*(?:\.\d+)?%?|[A-Za-z]+[-–—]\d[\d,]*(?:\.\d+)?[A-Za-z]*)$"
)
# A scale word, a dash, then a range's high end, as one token: "billion-3.5", "bn-3bn".
_SCALE_THEN_NUMBER = re.compile(
    r"^(?P<scale>[A-Za-z]+)[-–—](?P<number>\d[\d,]*(?:\.\d+)?)(?P<rest>[A-Za-z]*)$"
)
_ISO_CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class FigureValue:
    """The meaning of one figure span, as the figures component reads it."""

    kind: str  # money | percent | quantity
    value: Number
    value_max: Number | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    equivalent_of: int | None = None  # index of the figure this one converts
    uncertain: str | None = None  # why the currency is a guess, when it is


@dataclass(frozen=True)
class FigureLexicon:
    currency_prefixes: Mapping[str, str]
    currency_words: Mapping[str, str]
    dollar_countries: Mapping[str, str]
    peso_countries: Mapping[str, str]
    dirham_countries: Mapping[str, str]
    percent_words: frozenset[str]
    qualifiers: Mapping[str, str]
    qualifiers_after: Mapping[str, str]
    verbs_with_up: frozenset[str]
    measure_units: Mapping[str, str]
    duration_units: frozenset[str]
    scale_suffix_units: frozenset[str]
    hyphen_units: frozenset[str]
    unit_synonyms: Mapping[str, str]

    @classmethod
    def load(cls) -> FigureLexicon:
        return _load_lexicon()

    def currency_before(self, text: str) -> str | None:
        return self.currency_prefixes.get(text)

    def currency_after(self, text: str) -> str | None:
        """The currency a word or an ISO code written after the amount names: '1.28 bn RMB'.

        >>> after = FigureLexicon.load().currency_after
        >>> after("KRW"), after("yuan"), after("Eur")
        ('KRW', 'CNY', None)
        """
        word = self.currency_words.get(text.lower())
        if word is None and _ISO_CODE.fullmatch(text):
            return self.currency_prefixes.get(text)
        return word

    def qualifier(self, text: str) -> str | None:
        return self.qualifiers.get(text.lower())

    def qualifier_after(self, text: str) -> str | None:
        """A qualifier written after the figure: '150 kW or more'."""
        return self.qualifiers_after.get(text.lower())

    def is_percent(self, text: str) -> bool:
        return text.lower() in self.percent_words

    def measure_unit(self, text: str) -> str | None:
        return self.measure_units.get(text.lower())

    def unit_synonym(self, phrase: str) -> str | None:
        """The usual unit for a counted phrase: 'new energy vehicles' are 'nev'."""
        words = phrase.lower().split()
        return (
            self.unit_synonyms.get(" ".join([*words[:-1], singular(words[-1])])) if words else None
        )

    def is_hyphen_unit(self, unit: str) -> bool:
        """Whether '<number>-<unit>' is an amount ('1.8-fold', '14-hour'), not a name."""
        return (
            unit in self.measure_units.values()
            or unit in self.duration_units
            or unit in self.hyphen_units
        )

    @cached_property
    def longest_phrase(self) -> int:
        """The most words in any multi-word lexicon entry."""
        phrases = (*self.currency_words, *self.qualifiers, *self.percent_words)
        return max(len(phrase.split()) for phrase in phrases)


@lru_cache(maxsize=1)
def _load_lexicon() -> FigureLexicon:
    raw = read_json(LEXICON_RESOURCE)
    return FigureLexicon(
        currency_prefixes=raw["currency_prefixes"],
        currency_words=raw["currency_words"],
        dollar_countries=raw["dollar_countries"],
        peso_countries=raw["peso_countries"],
        dirham_countries=raw["dirham_countries"],
        percent_words=frozenset(raw["percent_words"]),
        qualifiers=raw["qualifiers"],
        qualifiers_after=raw["qualifiers_after"],
        verbs_with_up=frozenset(raw["verbs_with_up"]),
        measure_units=raw["measure_units"],
        duration_units=frozenset(raw["duration_units"]),
        scale_suffix_units=frozenset(raw["scale_suffix_units"]),
        hyphen_units=frozenset(raw["hyphen_units"]),
        unit_synonyms=raw["unit_synonyms"],
    )


def singular(word: str) -> str:
    """A counted noun in the singular, for units.

    >>> [singular(w) for w in ["units", "nevs", "batteries", "switches", "mu", "gas", "kwh"]]
    ['unit', 'nev', 'battery', 'switch', 'mu', 'gas', 'kwh']
    >>> singular("people"), singular("women")
    ('person', 'woman')
    """
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "as", "is")) and len(word) > 2:
        return word[:-1]
    return word


def scale_then_number(token: str) -> tuple[str, str, str] | None:
    """Split a token like 'billion-3.5' (a range's scale word, dash and high end) into the
    scale word, the number and any scale word after it; None unless both are scale words."""
    match = _SCALE_THEN_NUMBER.match(token)
    if match is None:
        return None
    scale, rest = match["scale"].lower(), match["rest"].lower()
    if scale not in SCALE_WORDS or (rest and rest not in SCALE_WORDS):
        return None
    return match["scale"], match["number"], match["rest"]


def split_attached(token: str) -> tuple[str, str, str] | None:
    """Split a token like 'HK$35' or '43GWh' into prefix, number and suffix."""
    match = _ATTACHED.match(token)
    if match is None:
        return None
    return match["prefix"], match["number"], match["suffix"]
