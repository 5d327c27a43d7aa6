"""Score predicted records against gold annotations (GUIDELINES.md, "How scoring works").

Pure: no spaCy and no terminal. `evextract evaluate` loads the files with `load_gold` and
`load_records`, calls `score`, and renders the `Report` (or `report_as_dict` for `--json`).

Conventions settled here where the guidelines are silent:

- Precision, recall and F1 are all 1.0 when there is nothing to find and nothing was
  predicted (tp = fp = fn = 0); otherwise a ratio with a zero denominator is 0.0.
- Entities and figures are paired by a maximum bipartite matching (Kuhn's augmenting paths),
  deterministic: candidates are tried in input order, figures closest value first. A predicted
  entity whose gold entity went to another one (a thing split in two) is a false positive.
- Merged gold entities are optional only when all their parts are. A predicted figure with
  no `text` is scored (the digit / scale-word test needs a text).
- Attribute accuracies (unit, qualifier, range, title) count a prediction correct when it
  agrees with any gold item merged into the one it matched; None when nothing matched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, computed_field

from evextract.canonical import normalize
from evextract.errors import EvextractError
from evextract.records import ENTITY_TYPES

TYPES: dict[str, str] = {kind: kind for kind in ENTITY_TYPES}
GROUPS: dict[str, str] = {"person": "person", "company": "org", "organization": "org"} | {
    kind: "place" for kind in ("city", "region", "country", "facility")
}
GROUP_NAMES: tuple[str, ...] = ("person", "org", "place")
TOLERANCE = 0.005
LEGAL_SUFFIXES = frozenset(
    {"inc", "co", "ltd", "corp", "corporation", "company", "limited", "llc", "plc", "ag", "se"}
    | {"gmbh", "holding", "holdings", "group"}
)
PLACE_SUFFIXES = frozenset({"province", "prefecture", "city", "municipality"})
_TRAILING = LEGAL_SUFFIXES | PLACE_SUFFIXES
_DIGIT = re.compile(r"\d")
_SCALE_WORD = re.compile(
    r"\b(?:hundred|thousand|million|billion|trillion|k|m|mn|bn|tn|lakh|crore)s?\b", re.IGNORECASE
)
G = TypeVar("G")
P = TypeVar("P")


class EvaluationInputError(EvextractError, ValueError):
    """A gold or record file that cannot be read; the message names the file and line."""


# ---------------------------------------------------------------- normalizing


def normalize_name(text: str) -> str:
    """The form two names are compared in; affixes go repeatedly but never the last word.

    >>> normalize_name("CATL's"), normalize_name("Hefei’s"), normalize_name("Volkswagens'")
    ('catl', 'hefei', 'volkswagens')
    >>> normalize_name("Contemporary Amperex Technology Co., Limited")
    'contemporary amperex technology'
    >>> normalize_name("BYD Co., Ltd."), normalize_name("NIO Inc.'s")
    ('byd', 'nio')
    >>> normalize_name("Anhui Province"), normalize_name("Hefei City"), normalize_name("City")
    ('anhui', 'hefei', 'city')
    >>> normalize_name("the  European Union"), normalize_name("U.S.")
    ('european union', 'us')
    >>> normalize_name("Mercedes-Benz  (China)"), normalize_name("- Xi’an -")
    ('mercedes-benz china', 'xian')
    """
    return normalize(text, _TRAILING)


# ---------------------------------------------------------------- report models


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class PRF(_Frozen):
    """Counts and the scores computed from them; all 1.0 when tp = fp = fn = 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self._ratio(self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self._ratio(self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _ratio(self, whole: int) -> float:
        if self.tp == self.fp == self.fn == 0:
            return 1.0
        return self.tp / whole if whole else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class EntityItem(_Frozen):
    type: str
    name: str


class FigureItem(_Frozen):
    kind: str
    value: float
    currency: str | None = None
    text: str | None = None


class RoleItem(_Frozen):
    person: str
    title: str | None = None
    organization: str | None = None


class PartnershipItem(_Frozen):
    parties: list[str]


class Items(_Frozen):
    """Gold items missed, or predicted items left unmatched, in one article."""

    entities: list[EntityItem] = []
    figures: list[FigureItem] = []
    roles: list[RoleItem] = []
    partnerships: list[PartnershipItem] = []


class ArticleReport(_Frozen):
    """One article: its counts, what it missed and what it predicted wrongly."""

    id: str
    has_prediction: bool
    entities: PRF
    figures: PRF
    misses: Items
    false_positives: Items


class Report(_Frozen):
    """Scores over all gold articles; an accuracy is None when nothing was matched."""

    entities: PRF
    entities_merged: PRF  # all entities with types merged into person / org / place
    entities_by_type: dict[str, PRF]
    entities_by_group: dict[str, PRF]
    figures: PRF
    unit_accuracy: float | None
    qualifier_accuracy: float | None
    range_accuracy: float | None
    roles: PRF
    title_accuracy: float | None
    partnerships: PRF
    articles: list[ArticleReport]
    warnings: list[str]


def report_as_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (for `evextract evaluate --json`)."""
    return report.model_dump(mode="json")


# ---------------------------------------------------------------- loading


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationInputError(f"{path}: cannot read: {error}") from error


def _parse(text: str, path: Path, line: int = 0) -> list[dict[str, Any]]:
    """A JSONL line (`line` > 0) holds one object; a .json file an object or a list of them."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"{path}:{line or error.lineno}"
        raise EvaluationInputError(f"{where}: invalid JSON: {error.msg}") from error
    values = value if isinstance(value, list) and not line else [value]
    if not all(isinstance(v, dict) for v in values):
        raise EvaluationInputError(f"{path}{f':{line}' if line else ''}: expected a JSON object")
    return values


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = enumerate(_read_text(path).splitlines(), start=1)
    return [record for n, text in lines if text.strip() for record in _parse(text, path, n)]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold articles from a JSON Lines file, one article per line."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationInputError(f"{path}: no such gold file")
    return _read_jsonl(path)


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Records from a .json or JSONL file, or a folder searched recursively (not hidden ones)."""
    path = Path(path)
    if not path.exists():
        raise EvaluationInputError(f"{path}: no such file or folder")
    records: list[dict[str, Any]] = []
    for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if any(part.startswith(".") for part in file.relative_to(path).parts):
            continue
        if file.suffix == ".json":
            records += _parse(_read_text(file), file)
        elif file.suffix == ".jsonl" or file == path:
            records += _read_jsonl(file)
    return records


# ---------------------------------------------------------------- matching


def _max_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching; `candidates[i]` lists the gold indexes predicted i may take.

    Returns gold index -> predicted index.

    >>> _max_matching([[0, 1], [0]])
    {0: 1, 1: 0}
    """
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return owner


@dataclass
class _Outcome(Generic[G, P]):
    counts: PRF
    pairs: list[tuple[G, P]]
    misses: list[G]
    false_positives: list[P]


def _match(
    gold: Sequence[G],
    predicted: Sequence[P],
    fits: Callable[[P, G], bool],
    rank: Callable[[P, G], float] = lambda p, g: 0,
) -> _Outcome[G, P]:
    """Pair gold and predicted items; `rank` orders a predicted item's candidates."""
    candidates = [
        sorted((j for j, g in enumerate(gold) if fits(p, g)), key=lambda j: rank(p, gold[j]))
        for p in predicted
    ]
    owner = _max_matching(candidates)
    misses = [g for j, g in enumerate(gold) if j not in owner]
    taken = set(owner.values())
    extra = [p for i, p in enumerate(predicted) if i not in taken]
    pairs = [(gold[j], predicted[i]) for j, i in sorted(owner.items())]
    return _Outcome(PRF(tp=len(pairs), fp=len(extra), fn=len(misses)), pairs, misses, extra)


def _items(record: Mapping[str, Any] | None, key: str) -> list[Mapping[str, Any]]:
    values = record.get(key) if record is not None else None
    return [v for v in values if isinstance(v, Mapping)] if isinstance(values, list) else []


def _strings(values: Any) -> list[str]:
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _text(value: Any, transform: Callable[[str], str] = str) -> str | None:
    """A stripped, transformed, non-empty string, else None."""
    return (transform(value.strip()) or None) if isinstance(value, str) else None


# ---------------------------------------------------------------- entities


@dataclass
class _Entity:
    type: str
    name: str
    keys: set[str]
    optional: bool = False


def _entities(record: Mapping[str, Any] | None, gold: bool) -> list[_Entity]:
    """Keys are the normalized name and aliases, and for predictions the mention texts."""
    entities = []
    for raw in _items(record, "entities"):
        kind, name = raw.get("type"), raw.get("name")
        if kind in GROUPS and isinstance(name, str) and normalize_name(name):
            texts = [name, *_strings(raw.get("aliases"))]
            if not gold:
                texts += _strings([m.get("text") for m in _items(raw, "mentions")])
            keys = {normalize_name(text) for text in texts} - {""}
            entities.append(_Entity(kind, name, keys, gold and raw.get("optional") is True))
    return entities


def _merge_gold(entities: Iterable[_Entity]) -> list[_Entity]:
    merged: list[_Entity] = []
    for joined in entities:
        for other in [m for m in merged if m.keys & joined.keys]:
            merged.remove(other)
            optional = other.optional and joined.optional
            joined = _Entity(other.type, other.name, other.keys | joined.keys, optional)
        merged.append(joined)
    return merged


def _dedupe_predicted(entities: Iterable[_Entity]) -> list[_Entity]:
    by_name: dict[str, _Entity] = {}
    for entity in entities:
        first = by_name.setdefault(normalize_name(entity.name), entity)
        first.keys = first.keys | entity.keys
    return list(by_name.values())


def _match_entities(gold: list[_Entity], predicted: list[_Entity]) -> _Outcome[_Entity, _Entity]:
    required = [g for g in gold if not g.optional]
    optional = {key for g in gold if g.optional for key in g.keys}
    outcome = _match(required, predicted, lambda p, g: bool(p.keys & g.keys))
    outcome.false_positives = [p for p in outcome.false_positives if not p.keys & optional]
    outcome.counts = outcome.counts.model_copy(update={"fp": len(outcome.false_positives)})
    return outcome


def _score_entities(
    gold: Sequence[_Entity], predicted: Sequence[_Entity], kind_of: Mapping[str, str]
) -> dict[str, _Outcome[_Entity, _Entity]]:
    """Per kind: a type, or a group when `kind_of` maps types to groups."""

    def of_kind(entities: Sequence[_Entity], kind: str) -> list[_Entity]:
        return [replace(e, keys=set(e.keys)) for e in entities if kind_of[e.type] == kind]

    return {
        kind: _match_entities(
            _merge_gold(of_kind(gold, kind)), _dedupe_predicted(of_kind(predicted, kind))
        )
        for kind in dict.fromkeys(kind_of.values())
    }


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class _Figure:
    kind: str
    value: float
    currency: str | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    text: str | None = None
    variants: tuple[_Figure, ...] = ()  # gold figures counted as this one, itself included


def _number(value: Any) -> float | None:
    """An int or float (not a bool, not NaN) as a float, else None."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value == value
    return float(value) if ok else None


def _unit(value: Any) -> str | None:
    """Lower case, and singular-insensitive: one trailing "s" goes.

    >>> _unit("Vehicles"), _unit("kWh"), _unit(None)
    ('vehicle', 'kwh', None)
    """
    unit = _text(value, str.lower)
    return unit[:-1] if unit and len(unit) > 1 and unit.endswith("s") else unit


def _figure(raw: Mapping[str, Any]) -> _Figure | None:
    kind, value = raw.get("kind"), _number(raw.get("value"))
    if not isinstance(kind, str) or value is None:
        return None
    currency = _text(raw.get("currency"), str.upper) if kind == "money" else None
    value_max, unit, qualifier = (
        _number(raw.get("value_max")),
        _unit(raw.get("unit")),
        _text(raw.get("qualifier")),
    )
    return _Figure(kind, value, currency, value_max, unit, qualifier, _text(raw.get("text")))


def _figures(record: Mapping[str, Any] | None, gold: bool) -> list[_Figure]:
    """Distinct by kind, value and currency; predictions without digit or scale word dropped."""
    same: dict[tuple[str, float, str | None], list[_Figure]] = {}
    for figure in map(_figure, _items(record, "figures")):
        text = figure.text if figure else None
        if figure and (gold or not text or _DIGIT.search(text) or _SCALE_WORD.search(text)):
            same.setdefault((figure.kind, figure.value, figure.currency), []).append(figure)
    return [replace(variants[0], variants=tuple(variants)) for variants in same.values()]


def _close(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return abs(predicted - gold) <= TOLERANCE * abs(gold) * (1 + 1e-9)


def _fits(p: _Figure, g: _Figure) -> bool:
    return (p.kind, p.currency) == (g.kind, g.currency) and _close(p.value, g.value)


def _distance(p: _Figure, g: _Figure) -> float:
    return abs(p.value - g.value)


def _attributes(pairs: Sequence[tuple[_Figure, _Figure]]) -> dict[str, list[bool]]:
    """Unit (quantities only), qualifier and range agreement of matched figures."""
    return {
        "unit": [
            any(p.unit == v.unit for v in g.variants) for g, p in pairs if p.kind == "quantity"
        ],
        "qualifier": [any(p.qualifier == v.qualifier for v in g.variants) for g, p in pairs],
        "range": [any(_close(p.value_max, v.value_max) for v in g.variants) for g, p in pairs],
    }


# ---------------------------------------------------------------- roles and partnerships


def _canonical_names(gold_entities: Sequence[Mapping[str, Any]]) -> Callable[[str], str]:
    """Maps a name to its gold entity's normalized canonical name; names win over aliases."""
    named = [e for e in gold_entities if isinstance(e.get("name"), str)]
    table = {normalize_name(e["name"]): normalize_name(e["name"]) for e in named}
    for entity in named:
        for alias in _strings(entity.get("aliases")):
            table.setdefault(normalize_name(alias), normalize_name(entity["name"]))
    return lambda name: table.get(normalize_name(name), normalize_name(name))


def _roles(
    record: Mapping[str, Any] | None, canonical: Callable[[str], str]
) -> dict[tuple[str, str], RoleItem]:
    """Distinct by (person, organization) in canonical form."""
    distinct: dict[tuple[str, str], RoleItem] = {}
    for raw in _items(record, "roles"):
        person, org = _text(raw.get("person")), _text(raw.get("organization"))
        if person:
            role = RoleItem(person=person, title=_text(raw.get("title")), organization=org)
            distinct.setdefault((canonical(person), canonical(org or "")), role)
    return distinct


def _partnerships(
    record: Mapping[str, Any] | None, canonical: Callable[[str], str]
) -> dict[frozenset[str], PartnershipItem]:
    distinct: dict[frozenset[str], PartnershipItem] = {}
    for raw in _items(record, "partnerships"):
        parties = _strings(raw.get("parties"))
        if key := frozenset(map(canonical, parties)) - {""}:
            distinct.setdefault(key, PartnershipItem(parties=parties))
    return distinct


def _match_keys(gold: Mapping[Any, G], predicted: Mapping[Any, G]) -> _Outcome[G, G]:
    pairs = [(item, predicted[key]) for key, item in gold.items() if key in predicted]
    misses = [item for key, item in gold.items() if key not in predicted]
    extra = [item for key, item in predicted.items() if key not in gold]
    return _Outcome(PRF(tp=len(pairs), fp=len(extra), fn=len(misses)), pairs, misses, extra)


def _same_title(a: str | None, b: str | None) -> bool:
    return normalize(a or "", frozenset()) == normalize(b or "", frozenset())


# ---------------------------------------------------------------- articles and the report


@dataclass
class _Outcomes:
    """Everything matched in one article; roles and partnerships are empty when not scored."""

    types: dict[str, _Outcome[_Entity, _Entity]]
    groups: dict[str, _Outcome[_Entity, _Entity]]
    figures: _Outcome[_Figure, _Figure]
    roles: _Outcome[RoleItem, RoleItem]
    partnerships: _Outcome[PartnershipItem, PartnershipItem]

    def items(self, side: str) -> Items:
        """The gold items missed (side "misses") or predicted wrongly ("false_positives")."""
        entities = [e for o in self.types.values() for e in getattr(o, side)]
        figures: list[_Figure] = getattr(self.figures, side)
        return Items(
            entities=[EntityItem.model_validate(e, from_attributes=True) for e in entities],
            figures=[FigureItem.model_validate(f, from_attributes=True) for f in figures],
            roles=getattr(self.roles, side),
            partnerships=getattr(self.partnerships, side),
        )

    def counts(self) -> dict[str, PRF]:
        """Keyed "type:<type>", "group:<group>", "figures", "roles" and "partnerships"."""
        counts = {f"type:{k}": o.counts for k, o in self.types.items()}
        counts |= {f"group:{k}": o.counts for k, o in self.groups.items()}
        others: dict[str, _Outcome[Any, Any]] = {
            "figures": self.figures,
            "roles": self.roles,
            "partnerships": self.partnerships,
        }
        return counts | {k: o.counts for k, o in others.items()}

    def tallies(self) -> dict[str, list[bool]]:
        """Keyed "unit", "qualifier", "range" (over matched figures) and "title" (roles)."""
        titles = [_same_title(p.title, g.title) for g, p in self.roles.pairs]
        return _attributes(self.figures.pairs) | {"title": titles}


def _score_article(
    gold: Mapping[str, Any], predicted: Mapping[str, Any] | None
) -> tuple[ArticleReport, _Outcomes]:
    gold_entities, pred_entities = _entities(gold, True), _entities(predicted, False)
    canonical = _canonical_names(_items(gold, "entities"))
    figures = _match(_figures(gold, True), _figures(predicted, False), _fits, _distance)
    roles = _roles(predicted if "roles" in gold else None, canonical)
    partnerships = _partnerships(predicted if "partnerships" in gold else None, canonical)
    outcomes = _Outcomes(
        types=_score_entities(gold_entities, pred_entities, TYPES),
        groups=_score_entities(gold_entities, pred_entities, GROUPS),
        figures=figures,
        roles=_match_keys(_roles(gold, canonical), roles),
        partnerships=_match_keys(_partnerships(gold, canonical), partnerships),
    )
    report = ArticleReport(
        id=gold["id"],
        has_prediction=predicted is not None,
        entities=sum((o.counts for o in outcomes.types.values()), PRF()),
        figures=figures.counts,
        misses=outcomes.items("misses"),
        false_positives=outcomes.items("false_positives"),
    )
    return report, outcomes


def _index(
    records: Sequence[Mapping[str, Any]], side: str, warnings: list[str]
) -> dict[str, Mapping[str, Any]]:
    by_id: dict[str, Mapping[str, Any]] = {}
    for number, record in enumerate(records, start=1):
        record_id = record.get("id")
        if not isinstance(record_id, str) or not record_id:
            warnings.append(f"{side} record #{number} has no id; ignored")
        elif record_id in by_id:
            warnings.append(f"{side} id {record_id!r} appears twice; the first is used")
        else:
            by_id[record_id] = record
    return by_id


def score(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]) -> Report:
    """Score predicted records against gold articles, paired by `id`."""
    warnings: list[str] = []
    gold_by_id = _index(gold, "gold", warnings)
    predicted_by_id = _index(predicted, "predicted", warnings)
    missing = [i for i in gold_by_id if i not in predicted_by_id]
    unknown = [i for i in predicted_by_id if i not in gold_by_id]
    warnings += [f"gold id {i!r} has no predicted record; counted as all misses" for i in missing]
    warnings += [f"predicted id {i!r} has no gold article; ignored" for i in unknown]
    articles = [_score_article(g, predicted_by_id.get(i)) for i, g in gold_by_id.items()]
    counts = [outcomes.counts() for _, outcomes in articles]
    tallies = [outcomes.tallies() for _, outcomes in articles]

    def total(key: str) -> PRF:
        return sum((c[key] for c in counts), PRF())

    def accuracy(key: str) -> float | None:
        agreed = [ok for t in tallies for ok in t[key]]
        return sum(agreed) / len(agreed) if agreed else None

    by_type = {kind: total(f"type:{kind}") for kind in TYPES}
    by_group = {group: total(f"group:{group}") for group in GROUP_NAMES}
    return Report(
        entities=sum(by_type.values(), PRF()),
        entities_merged=sum(by_group.values(), PRF()),
        entities_by_type=by_type,
        entities_by_group=by_group,
        figures=total("figures"),
        unit_accuracy=accuracy("unit"),
        qualifier_accuracy=accuracy("qualifier"),
        range_accuracy=accuracy("range"),
        roles=total("roles"),
        title_accuracy=accuracy("title"),
        partnerships=total("partnerships"),
        articles=[report for report, _ in articles],
        warnings=warnings,
    )
