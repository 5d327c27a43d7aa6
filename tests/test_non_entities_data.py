"""Data checks for the non-entity lists in src/evextract/data/: non_entities.json
(programmes, laws, technical terms, exchange codes, indices) and products.json
(models, battery lines and platforms by maker).

Fast and model-free: the files are read as JSON and checked against their shape and
against kb.jsonl, whose names must not be blocked by accident.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "evextract" / "data"
SECTIONS = {
    "programmes": 120,
    "laws": 40,
    "technical_terms": 120,
    "stock_exchanges": 40,
    "indices": 40,
}


def _text(name: str) -> str:
    try:
        from importlib import resources

        return resources.files("evextract.data").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return (DATA / name).read_text(encoding="utf-8")


@cache
def _non_entities() -> dict[str, Any]:
    data = json.loads(_text("non_entities.json"))
    assert isinstance(data, dict)
    return data


@cache
def _products() -> dict[str, Any]:
    data = json.loads(_text("products.json"))
    assert isinstance(data, dict)
    return data


@cache
def _kb_ids() -> frozenset[str]:
    return frozenset(json.loads(line)["id"] for line in _text("kb.jsonl").splitlines())


@cache
def _kb_forms() -> dict[str, str]:
    """Every kb.jsonl name and alias, case-folded, with the id that owns it."""
    owners: dict[str, str] = {}
    for line in _text("kb.jsonl").splitlines():
        entry = json.loads(line)
        for form in (entry["name"], *entry["aliases"], *entry["ambiguous_aliases"]):
            owners[form.casefold()] = entry["id"]
    return owners


def _keys() -> list[tuple[str, str]]:
    return [(section, key) for section in SECTIONS for key in _non_entities()[section]]


def test_has_a_comment_and_every_section() -> None:
    data = _non_entities()
    assert isinstance(data["_comment"], str) and data["_comment"].strip()
    assert set(data) == {"_comment", "kb_clashes", *SECTIONS}


@pytest.mark.parametrize(("section", "minimum"), sorted(SECTIONS.items()))
def test_section_is_a_map_of_non_empty_strings(section: str, minimum: int) -> None:
    entries = _non_entities()[section]
    assert isinstance(entries, dict)
    assert len(entries) >= minimum
    for key, value in entries.items():
        assert isinstance(key, str) and key.strip() == key != "", (section, key)
        assert isinstance(value, str) and value.strip() == value != "", (section, key)


def test_no_key_is_in_two_sections() -> None:
    sections: dict[str, set[str]] = {}
    for section, key in _keys():
        sections.setdefault(key.casefold(), set()).add(section)
    assert not {key: found for key, found in sections.items() if len(found) > 1}


def test_every_clash_with_the_knowledge_base_is_deliberate() -> None:
    """A key that is also a kb name or alias would block a real entity, unless
    kb_clashes says which kb entry it is and in what context each reading holds."""
    clashes = _non_entities()["kb_clashes"]
    forms = _kb_forms()
    found = {key: forms[key.casefold()] for _, key in _keys() if key.casefold() in forms}
    assert {key: found[key] for key in found.keys() - clashes.keys()} == {}
    assert set(clashes) <= set(found), "kb_clashes lists a key that no longer clashes"
    for key, clash in clashes.items():
        assert clash["kb"] == found[key], key
        assert isinstance(clash["why"], str) and clash["why"].strip(), key


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("programmes", "PLI"),
        ("programmes", "FAME II"),
        ("programmes", "NEVI"),
        ("programmes", "USMCA"),
        ("laws", "Inflation Reduction Act"),
        ("laws", "IRA"),
        ("technical_terms", "HPAL"),
        ("technical_terms", "LCE"),
        ("technical_terms", "CKD"),
        ("stock_exchanges", "HKEX"),
        ("stock_exchanges", "TYO"),
        ("indices", "Hang Seng Index"),
        ("indices", "Nikkei 225"),
    ],
)
def test_well_known_non_entities(section: str, key: str) -> None:
    assert key in _non_entities()[section]


PRODUCT_SECTIONS = ("models", "battery_lines", "platforms")


def _products_by_maker() -> list[tuple[str, str, list[str]]]:
    data = _products()
    return [
        (section, maker, names)
        for section in PRODUCT_SECTIONS
        for maker, names in data[section].items()
    ]


def _flatten(by_maker: dict[str, list[str]]) -> list[str]:
    return [name for names in by_maker.values() for name in names]


def test_products_have_a_comment_and_every_section() -> None:
    data = _products()
    assert isinstance(data["_comment"], str) and data["_comment"].strip()
    assert set(data) == {"_comment", "also_companies", *PRODUCT_SECTIONS}


def test_products_are_lists_of_unique_non_empty_names() -> None:
    for section, maker, names in _products_by_maker():
        assert isinstance(names, list) and names, (section, maker)
        assert all(isinstance(n, str) and n.strip() == n != "" for n in names), (section, maker)
        folded = [n.casefold() for n in names]
        repeated = {n for n in folded if folded.count(n) > 1}
        assert not repeated, (section, maker, repeated)


def test_every_maker_is_a_kb_id() -> None:
    unknown = {maker for _, maker, _ in _products_by_maker()} - _kb_ids()
    assert not unknown


def test_enough_models_and_battery_lines() -> None:
    models = {n.casefold() for n in _flatten(_products()["models"])}
    assert len(models) >= 800
    assert len(_products()["models"]) >= 100
    assert len(_flatten(_products()["battery_lines"])) >= 60


def test_no_product_is_a_kb_name_unless_allowed() -> None:
    """A product name that is also a company's name would stop that company from being
    typed; each such name is listed in also_companies with the kb id and the reason."""
    allowed = _products()["also_companies"]
    forms = _kb_forms()
    found = {
        name: forms[name.casefold()]
        for _, _, names in _products_by_maker()
        for name in names
        if name.casefold() in forms
    }
    assert {name: found[name] for name in found.keys() - allowed.keys()} == {}
    assert set(allowed) <= set(found), "also_companies lists a name that no longer clashes"
    for name, clash in allowed.items():
        assert clash["kb"] == found[name], name
        assert isinstance(clash["why"], str) and clash["why"].strip(), name


@pytest.mark.parametrize(
    ("section", "maker", "name"),
    [
        ("models", "toyota", "Hilux Revo"),
        ("models", "skoda", "Elroq"),
        ("models", "ather_energy", "Rizta"),
        ("models", "byd", "Dolphin"),
        ("models", "hyundai", "Ioniq 5"),
        ("models", "tesla", "Model Y"),
        ("battery_lines", "byd", "Blade Battery"),
        ("battery_lines", "catl", "Shenxing"),
        ("platforms", "hyundai", "E-GMP"),
    ],
)
def test_well_known_products(section: str, maker: str, name: str) -> None:
    assert name in _products()[section][maker]
