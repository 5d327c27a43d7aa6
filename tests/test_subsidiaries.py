"""A known company's arm in a country or region is its own company (components/subsidiaries.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

CASES = [
    pytest.param("BYD UK cut the price of the Seal.", "BYD UK", id="country-code"),
    pytest.param("Toyota Motor Thailand exported pickups.", "Toyota Motor Thailand", id="country"),
    pytest.param("Samsung SDI Hungary hired 500 staff.", "Samsung SDI Hungary", id="acronym-name"),
    pytest.param("Sales at Volkswagen do Brasil rose.", "Volkswagen do Brasil", id="portuguese"),
    pytest.param("BYD Auto (Thailand) opened a plant.", "BYD Auto (Thailand)", id="bracketed"),
    pytest.param(
        "Hyundai Motor Manufacturing Indonesia builds the Ioniq 5.",
        "Hyundai Motor Manufacturing Indonesia",
        id="arm-word-between",
    ),
    pytest.param("BYD Europe grew its dealer network.", "BYD Europe", id="continent"),
    pytest.param(
        "Stella Li, chief executive of BYD Americas, spoke.", "BYD Americas", id="in-a-role"
    ),
    pytest.param("Kia India launched the Carens Clavis EV.", "Kia India", id="india"),
]

# The company and a place beside it, not an arm.
COUNTER_CASES = [
    pytest.param("BYD's UK sales rose.", "BYD", "BYD's UK", id="possessive"),
    pytest.param("BYD in Brazil sold more cars.", "BYD", "BYD in Brazil", id="preposition"),
    pytest.param("Toyota, Japan's top carmaker, agreed.", "Toyota", "Toyota, Japan", id="comma"),
    pytest.param(
        "Tesla\nGermany raised its subsidy.", "Tesla", "Tesla\nGermany", id="across-lines"
    ),
]


def company_names(record: Any) -> set[str]:
    return {e.name for e in record.entities if e.type == "company"}


@pytest.mark.parametrize(("text", "arm"), CASES)
def test_an_arm_is_its_own_company(nlp: Any, text: str, arm: str) -> None:
    assert arm in company_names(extract(text, nlp=nlp))


@pytest.mark.parametrize(("text", "parent", "not_an_arm"), COUNTER_CASES)
def test_a_company_beside_a_place(nlp: Any, text: str, parent: str, not_an_arm: str) -> None:
    names = company_names(extract(text, nlp=nlp))
    assert parent in names and not_an_arm not in names, names
