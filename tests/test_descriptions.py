"""What the article says a name is (components/descriptions.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

CASES = [
    pytest.param(
        "Sales fell 3%, according to AMDA, the association of car dealers, on Monday.",
        "AMDA",
        "organization",
        id="apposition-association",
    ),
    pytest.param(
        "In August, Gecex, the executive committee of the trade chamber, approved a cut.",
        "Gecex",
        "organization",
        id="apposition-committee-the-model-missed",
    ),
    pytest.param(
        "Sales fell, using data from national statistics institute INEGI.",
        "INEGI",
        "organization",
        id="description-before-the-name",
    ),
    pytest.param(
        "Demand grew, industry body Plateforme Automobile said on Tuesday.",
        "Plateforme Automobile",
        "organization",
        id="industry-body-before",
    ),
    pytest.param(
        "The plant belongs to Al Mada, the investment holding company of the royal family.",
        "Al Mada",
        "company",
        id="holding-company-not-a-person",
    ),
    pytest.param(
        "Supplies come from Tianqi Lithium and Zangge, a listed miner in Qinghai.",
        "Zangge",
        "company",
        id="a-listed-miner",
    ),
    pytest.param(
        "Volvo buys cells from Novo Energy, the battery maker it set up in Gothenburg.",
        "Novo Energy",
        "company",
        id="the-battery-maker",
    ),
    pytest.param(
        "The study was done by Fraunhofer ISI, the German research institute, last year.",
        "Fraunhofer ISI",
        "organization",
        id="research-institute",
    ),
    pytest.param(
        "The loans were approved by Bpifrance, the state investment bank, in March.",
        "Bpifrance",
        "company",
        id="a-state-bank-is-a-company",
    ),
]

COUNTER_CASES = [
    pytest.param("Sales rose 9% at Volvo Cars, the group said on Friday.", "Volvo Cars", "company"),
    pytest.param("Shenzhen, the city where BYD began, has 20,000 buses.", "Shenzhen", "city"),
    pytest.param("Jane Okafor, the agency's director, spoke in Lagos.", "Jane Okafor", "person"),
]


@pytest.mark.parametrize(("text", "name", "kind"), CASES)
def test_a_description_types_the_name(nlp: Any, text: str, name: str, kind: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) == kind, types


@pytest.mark.parametrize(("text", "name", "kind"), COUNTER_CASES)
def test_no_description_from_a_report_a_place_or_a_title(
    nlp: Any, text: str, name: str, kind: str
) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) == kind, types
