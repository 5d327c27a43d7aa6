"""Canonical names: cleaning surface forms and grouping mentions into entities.

Pure: no spaCy. `group_mentions` turns typed mentions (from the pipeline) into
entities with one canonical name, aliases and a stable id.

>>> strip_possessive("Hefei’s")
'Hefei'
>>> strip_legal_suffix("Octillion Energy Holdings, Inc.", keep_group=True)
'Octillion Energy Holdings'
>>> strip_legal_suffix("Honda Motor Co., Ltd.")
'Honda Motor'
>>> strip_legal_suffix("FAW Group"), strip_legal_suffix("FAW Group", keep_group=True)
('FAW', 'FAW Group')
>>> name_key("the FAW Group's")
'faw'
>>> name_key("NIO Inc.") == name_key("Nio")
True
>>> name_key("Anhui Province") == name_key("Anhui")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

LEGAL_SUFFIXES = (
    "inc", "co", "ltd", "corp", "corporation", "company", "limited", "llc", "plc", "ag", "se",
    "gmbh", "holding", "holdings", "group", "nv", "n.v", "sa", "s.a", "spa", "s.p.a", "ab", "pte",
    "bhd", "tbk", "kk",
)  # fmt: skip
# Suffixes that name a legal form; a canonical name drops them ("Group" is part of a name).
_LEGAL_FORMS = (
    "inc", "co", "ltd", "corp", "corporation", "limited", "llc", "plc", "ag", "se", "gmbh",
    "nv", "n.v", "sa", "s.a", "spa", "s.p.a", "ab", "pte", "bhd", "tbk", "kk",
)  # fmt: skip
# The forms a canonical name drops: those the guidelines call optional (what the scorer
# strips too). Others stay as written ("PT Vale Indonesia Tbk", "Stellantis N.V."), so a
# name is always a form the article used.
_OPTIONAL_FORMS = (
    "inc", "co", "ltd", "corp", "corporation", "limited", "llc", "plc", "ag", "se", "gmbh",
)  # fmt: skip
_PLACE_SUFFIXES = ("province", "prefecture", "city", "municipality")
_ORG_TYPES = ("company", "organization")
_TYPE_GROUPS = {
    "person": "person",
    "company": "org",
    "organization": "org",
    "city": "place",
    "region": "place",
    "country": "place",
    "facility": "place",
}
_CURLY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_LEGAL_TAIL = re.compile(
    r"(?:[,\s]+(?:" + "|".join(re.escape(s) for s in LEGAL_SUFFIXES) + r")\.?)+$", re.IGNORECASE
)
_LEGAL_FORM_TAIL = re.compile(
    r"(?:[,\s]+(?:" + "|".join(re.escape(s) for s in _LEGAL_FORMS) + r")\.?)+$", re.IGNORECASE
)
_OPTIONAL_FORM_TAIL = re.compile(
    r"(?:[,\s]+(?:" + "|".join(re.escape(s) for s in _OPTIONAL_FORMS) + r")\.?)+$", re.IGNORECASE
)
_QUOTES = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u2033\u2010\u2011", "'''''\"\"\"\"--"
)
_POSSESSIVE_KEY = re.compile(r"(?:'s|(?<=s)')$")
_DELETED = re.compile(r"[.'\"]")
_PUNCTUATION = re.compile(r"[^\w\s-]|_")
_LOOSE_HYPHEN = re.compile(r"(?<!\w)-|-(?!\w)")
_KEY_TRAILING = frozenset(s.replace(".", "") for s in LEGAL_SUFFIXES) | frozenset(_PLACE_SUFFIXES)
_KEY_TRAILING_KEEP_GROUP = frozenset(s.replace(".", "") for s in _LEGAL_FORMS) | frozenset(
    _PLACE_SUFFIXES
)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip()).strip()


def strip_legal_suffix(text: str, *, keep_group: bool = False) -> str:
    """The name without trailing legal suffixes (keeps the name when nothing else is left).

    With `keep_group`, only legal forms go: "FAW Group" stays, "BYD Co., Ltd." is "BYD".
    """
    pattern = _LEGAL_FORM_TAIL if keep_group else _LEGAL_TAIL
    stripped = pattern.sub("", text).strip(" ,")
    return stripped or text


def clean_surface(text: str) -> str:
    """A mention as a name: no possessive, no leading 'the', no outer punctuation."""
    text = strip_possessive(text.strip().strip("\"'“”‘’"))
    if text[:4].lower() == "the ":
        text = text[4:]
    return text.strip(" ,;:")


def name_key(text: str, *, keep_group: bool = False) -> str:
    """The comparison key of a name, normalized as the evaluation guidelines say.

    With `keep_group`, "Group", "Holdings" and "Company" stay: they tell apart
    Hyundai Motor Group and Hyundai Motor Company.
    """
    return normalize(text, _KEY_TRAILING_KEEP_GROUP if keep_group else _KEY_TRAILING)


def normalize(text: str, trailing: frozenset[str]) -> str:
    """NFKC, case-fold, straight quotes, no possessive, no punctuation but inner hyphens,
    no leading 'the' and none of the `trailing` words, repeatedly (never the last word).

    >>> normalize("the NIO Inc.'s", frozenset({"inc"})), normalize("U.S.", frozenset())
    ('nio', 'us')
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES).strip()
    text = _DELETED.sub("", _POSSESSIVE_KEY.sub("", text))
    words = _LOOSE_HYPHEN.sub(" ", _PUNCTUATION.sub(" ", text)).split()
    while len(words) > 1 and (words[0] == "the" or words[-1] in trailing):
        words = words[1:] if words[0] == "the" else words[:-1]
    return " ".join(words)


@dataclass(frozen=True)
class TypedMention:
    """A mention as the pipeline typed it, with what it knows about the thing named."""

    type: str
    text: str
    start: int
    end: int
    canonical: str | None = None  # a name given by the knowledge base or gazetteer
    entity_id: str | None = None
    country: str | None = None
    code: str | None = None
    qid: str | None = None


@dataclass
class EntityGroup:
    """Mentions of one thing, with its canonical name and aliases."""

    id: str
    type: str
    name: str
    aliases: list[str]
    mentions: list[TypedMention] = field(default_factory=list)
    country: str | None = None
    code: str | None = None
    qid: str | None = None


Buckets = dict[tuple[str, str], list[TypedMention]]

# Words that may follow a company's short name in its longer name: "Ford" is
# "Ford Motor Company", "Chery" is "Chery Automobile".
COMPANY_DESCRIPTORS = frozenset(
    {
        "motor", "motors", "automobile", "automotive", "auto", "autos", "company", "group",
        "holdings", "holding", "technology", "technologies", "energy", "new", "high-tech",
        "electric", "mobility", "international", "industries", "global", "corporation", "co",
        "corp", "inc", "ltd", "limited", "plc", "ag", "se", "llc", "mining", "minerals",
        "lithium", "battery", "batteries", "materials", "chemical", "chemicals", "resources",
        "metals", "energia", "energía", "otomotiv", "automotriz",
    }
)  # fmt: skip


def group_mentions(mentions: Iterable[TypedMention]) -> list[EntityGroup]:
    """Group mentions of the same thing; entities in order of first mention."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    buckets: Buckets = defaultdict(list)
    for mention in ordered:
        buckets[_group_key(mention)].append(mention)
    _attach_known_aliases(buckets)
    _attach_short_names(buckets)
    _attach_surnames(buckets)
    groups = [_to_group(members) for members in buckets.values() if members]
    return sorted(groups, key=lambda g: g.mentions[0].start)


def _group_key(mention: TypedMention) -> tuple[str, str]:
    group = _TYPE_GROUPS.get(mention.type, mention.type)
    if mention.entity_id:
        return group, mention.entity_id
    return group, name_key(mention.canonical or mention.text, keep_group=True)


def _merge(buckets: Buckets, source: tuple[str, str], target: tuple[str, str]) -> None:
    if source != target and source in buckets and target in buckets:
        buckets[target].extend(buckets.pop(source))


def _attach_known_aliases(buckets: Buckets) -> None:
    """A plain mention joins the entity whose hinted mentions use the same form."""
    aliases: dict[tuple[str, str], tuple[str, str]] = {}
    for key, members in buckets.items():
        for member in members:
            if member.canonical or member.entity_id:
                aliases.setdefault((key[0], name_key(member.text, keep_group=True)), key)
    for key in list(buckets):
        target = aliases.get(key)
        if target is not None and not any(m.canonical or m.entity_id for m in buckets[key]):
            _merge(buckets, key, target)


def _attach_short_names(buckets: Buckets) -> None:
    """'Ford' and 'Ford Motor Company' are one company when exactly one longer name fits;
    a plain mention joins the knowledge base's entity rather than the other way round."""
    names = {key: _bucket_name(members) for key, members in buckets.items() if key[0] == "org"}
    for short, short_name in list(names.items()):
        words = short_name.split()
        longer = [
            key
            for key, name in names.items()
            if key != short
            and len(name.split()) > len(words)
            and name.split()[: len(words)] == words
        ]
        if len(longer) != 1 or not words or not _only_short_forms(buckets[short], len(words)):
            continue  # none, or "Tata" beside Tata Motors and Tata Steel
        if _is_hinted(buckets[short]) and _is_hinted(buckets[longer[0]]):
            continue  # two known entities: Hyundai and Hyundai Motor Group
        if set(names[longer[0]].split()[len(words) :]) <= COMPANY_DESCRIPTORS:
            hinted_short = _is_hinted(buckets[short]) and not _is_hinted(buckets[longer[0]])
            source, target = (longer[0], short) if hinted_short else (short, longer[0])
            _merge(buckets, source, target)
            names.pop(source)


def _bucket_name(members: Sequence[TypedMention]) -> str:
    hinted = next((m.canonical for m in members if m.canonical), None)
    return name_key(hinted or members[0].text, keep_group=True)


def _is_hinted(members: Sequence[TypedMention]) -> bool:
    return any(m.canonical or m.entity_id for m in members)


def _only_short_forms(members: Sequence[TypedMention], size: int) -> bool:
    """No mention is itself a longer name ("Tata Group" is not short for "Tata Motors")."""
    return all(
        len(strip_legal_suffix(clean_surface(m.text), keep_group=True).split()) == size
        for m in members
    )


def _attach_surnames(buckets: Buckets) -> None:
    """'Li' alone joins 'William Li' when exactly one person has that surname."""
    full_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in buckets:
        words = key[1].split()
        if key[0] == "person" and len(words) > 1:
            full_names[words[-1]].append(key)
            full_names[words[0]].append(key)  # Chinese order: surname first
    for key in list(buckets):
        targets = full_names.get(key[1], []) if key[0] == "person" else []
        if len(key[1].split()) == 1 and len(set(targets)) == 1:
            buckets[targets[0]].extend(buckets.pop(key))


def _to_group(members: Sequence[TypedMention]) -> EntityGroup:
    members = sorted(members, key=lambda m: m.start)
    hinted = next((m for m in members if m.canonical), None)
    type_ = hinted.type if hinted else Counter(m.type for m in members).most_common(1)[0][0]
    surfaces = list(dict.fromkeys(clean_surface(m.text) for m in members))
    name = _canonical_name(hinted, surfaces)
    aliases = [s for s in surfaces if s != name and s]
    entity_id = next((m.entity_id for m in members if m.entity_id), None)
    return EntityGroup(
        id=entity_id or f"{type_}:{_slug(name)}",
        type=type_,
        name=name,
        aliases=aliases,
        mentions=list(members),
        country=next((m.country for m in members if m.country), None),
        code=next((m.code for m in members if m.code), None),
        qid=next((m.qid for m in members if m.qid), None),
    )


def _canonical_name(hinted: TypedMention | None, surfaces: Sequence[str]) -> str:
    """The knowledge base's or gazetteer's name, except that a company or organization the
    article never calls by its knowledge-base name keeps the article's fullest form (the
    guidelines: "the fullest ordinary form used in the article"; "Chery Automobile", not
    "Chery"). Roles and partnerships are scored on these names."""
    if hinted is None or not hinted.canonical:
        return _fullest_form(surfaces)
    from_kb = (hinted.entity_id or "").startswith("kb:") and hinted.type in _ORG_TYPES
    used = {name_key(surface, keep_group=True) for surface in surfaces}
    if from_kb and name_key(hinted.canonical, keep_group=True) not in used:
        return _fullest_form(surfaces)
    return hinted.canonical


def _fullest_form(surfaces: Sequence[str]) -> str:
    """The longest form without an optional legal form (place suffixes are in the key)."""
    bare = [_OPTIONAL_FORM_TAIL.sub("", s).strip(" ,") or s for s in surfaces]
    return max(bare, key=lambda s: (len(s.split()), len(s), -bare.index(s)))


def _slug(name: str) -> str:
    return "-".join(name_key(name).split()) or "unnamed"
