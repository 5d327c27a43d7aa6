"""Data checks for the packaged knowledge base, src/evextract/data/kb.jsonl.

Fast and model-free: the file is read as text and each line checked against the
entry schema and the cross-entry rules that the matcher relies on.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest

KB_PATH = Path(__file__).resolve().parents[1] / "src" / "evextract" / "data" / "kb.jsonl"

REQUIRED_KEYS = {"id", "name", "type", "category", "country", "aliases", "ambiguous_aliases"}
OPTIONAL_KEYS = {"qid"}
TYPES = {"company", "organization"}
CATEGORIES = {
    "carmaker",
    "brand",
    "battery",
    "parts",
    "charging",
    "battery_swap",
    "materials",
    "mining",
    "energy",
    "tech",
    "autonomous",
    "research_firm",
    "investor",
    "industry_body",
    "government",
    "regulator",
    "media",
    "conglomerate",
    "other",
}
ID_RE = re.compile(r"^[a-z0-9_]+$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
MIN_ENTRIES = 400


def _kb_text() -> str:
    try:
        from importlib import resources

        return resources.files("evextract.data").joinpath("kb.jsonl").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return KB_PATH.read_text(encoding="utf-8")


@cache
def _lines() -> tuple[str, ...]:
    return tuple(_kb_text().splitlines())


@cache
def _entries() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in _lines())


def _surface_forms(entry: dict[str, Any]) -> set[str]:
    return {entry["name"], *entry["aliases"], *entry["ambiguous_aliases"]}


def _country_names() -> set[str]:
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.casefold())
    return names


def test_every_line_is_a_json_object_with_the_required_keys() -> None:
    for number, line in enumerate(_lines(), 1):
        assert line.strip(), f"line {number} is blank"
        entry = json.loads(line)
        assert isinstance(entry, dict), f"line {number} is not an object"
        keys = set(entry)
        assert keys >= REQUIRED_KEYS, f"line {number} lacks {REQUIRED_KEYS - keys}"
        unknown = keys - REQUIRED_KEYS - OPTIONAL_KEYS
        assert not unknown, f"line {number} has unknown keys {unknown}"


def test_field_types() -> None:
    for entry in _entries():
        for key in ("id", "name", "type", "category"):
            assert isinstance(entry[key], str) and entry[key].strip() == entry[key] != "", (
                entry["id"],
                key,
            )
        for key in ("aliases", "ambiguous_aliases"):
            forms = entry[key]
            assert isinstance(forms, list), (entry["id"], key)
            assert all(isinstance(f, str) and f and f.strip() == f for f in forms), entry["id"]
            assert len(forms) == len(set(forms)), f"{entry['id']}: repeated {key}"


def test_at_least_the_minimum_number_of_entries() -> None:
    assert len(_entries()) >= MIN_ENTRIES


def test_ids_are_unique_slugs() -> None:
    ids = [entry["id"] for entry in _entries()]
    assert len(ids) == len(set(ids)), "duplicate ids"
    bad = [i for i in ids if not ID_RE.match(i)]
    assert not bad, f"ids that are not slugs: {bad}"


def test_sorted_by_id() -> None:
    ids = [entry["id"] for entry in _entries()]
    assert ids == sorted(ids)


@pytest.mark.parametrize(("key", "allowed"), [("type", TYPES), ("category", CATEGORIES)])
def test_closed_vocabularies(key: str, allowed: set[str]) -> None:
    bad = {entry["id"]: entry[key] for entry in _entries() if entry[key] not in allowed}
    assert not bad


def test_country_is_iso_alpha2_or_eu_or_null() -> None:
    bad = {}
    for entry in _entries():
        code = entry["country"]
        if code is None or code == "EU":
            continue
        if not (isinstance(code, str) and len(code) == 2 and pycountry.countries.get(alpha_2=code)):
            bad[entry["id"]] = code
    assert not bad


def test_qid_shape_when_present() -> None:
    bad = {e["id"]: e["qid"] for e in _entries() if "qid" in e and not QID_RE.match(str(e["qid"]))}
    assert not bad


def test_qids_are_unique() -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for entry in _entries():
        if "qid" in entry:
            owners[entry["qid"]].append(entry["id"])
    assert not {q: ids for q, ids in owners.items() if len(ids) > 1}


def test_no_surface_form_is_shared_by_two_entries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in _entries():
        for form in _surface_forms(entry):
            owners[form.casefold()].add(entry["id"])
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_ambiguous_forms_are_not_also_plain_aliases() -> None:
    bad = {e["id"] for e in _entries() if set(e["aliases"]) & set(e["ambiguous_aliases"])}
    assert not bad


def test_name_is_not_repeated_as_an_alias() -> None:
    assert not {e["id"] for e in _entries() if e["name"] in e["aliases"]}


def test_no_alias_is_a_country_name() -> None:
    countries = _country_names()
    bad = {
        entry["id"]: form
        for entry in _entries()
        for form in _surface_forms(entry)
        if form.casefold() in countries
    }
    assert not bad


def test_no_possessive_forms() -> None:
    bad = {
        entry["id"]: form
        for entry in _entries()
        for form in _surface_forms(entry)
        if form.endswith(("'s", "’s")) and form not in {"Moody's", "Barron's", "People's Daily"}
    }
    assert not bad


def test_well_known_entries() -> None:
    by_id = {entry["id"]: entry for entry in _entries()}
    assert by_id["catl"]["type"] == "company"
    assert by_id["xinhua"]["type"] == "organization"
    assert by_id["european_union"]["type"] == "organization"
    assert by_id["trendforce"]["type"] == "company"
    assert by_id["pif"]["type"] == "company"
    assert "Genesis" in by_id["genesis"]["ambiguous_aliases"]
