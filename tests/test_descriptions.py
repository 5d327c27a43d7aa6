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
    pytest.param(
        "Managem, the mining group controlled by Al Mada, sells cobalt to BMW.",
        "Managem",
        "company",
        id="a-mining-group",
    ),
    pytest.param(
        "COBCO, a joint venture of two investors, is building cathode plants.",
        "COBCO",
        "company",
        id="a-joint-venture-is-a-company",
    ),
    pytest.param(
        "Nuovo Plus, itself a venture between two utilities, runs the plant.",
        "Nuovo Plus",
        "company",
        id="itself-a-venture",
    ),
    pytest.param(
        "Cobalt prices fell, said Cobalt Institute, the industry group, on Monday.",
        "Cobalt Institute",
        "organization",
        id="an-industry-group-is-a-body",
    ),
    pytest.param(
        "According to research firm SNE, battery installations rose 17 percent.",
        "SNE",
        "company",
        id="a-research-firm-is-a-company",
    ),
    pytest.param(
        "LGES will make cells for Ampere, Renault's electric-car unit, from 2026.",
        "Ampere",
        "company",
        id="a-possessor-for-a-determiner-over-a-small-town",
    ),
    pytest.param(
        "Sales rose at Zeekr, Geely's premium brand, in May.",
        "Zeekr",
        "company",
        id="a-possessor-s-brand",
    ),
]

# The model's gaps after a country's possessive: a company with capitals or a head word.
COUNTRY_CASES = [
    pytest.param(
        "The venture pairs Al Mada and China's CNGR Advanced Material in Morocco.",
        "CNGR Advanced Material",
        id="acronym-after-china-s",
    ),
    pytest.param(
        "Separators will come from Korea's SKIET Materials from 2026.",
        "SKIET Materials",
        id="head-word-after-korea-s",
    ),
    pytest.param(
        "Cathodes will come from Japan's Sumitomo Metal Mining from 2027.",
        "Sumitomo Metal Mining",
        id="mining-head-after-japan-s",
    ),
]

COUNTRY_COUNTER_CASES = [
    pytest.param(
        "Talks with Japan's Shigeru Ishiba went well.",
        "Shigeru Ishiba",
        id="a-person",
        # the model calls him an organization before this mechanism runs
        marks=pytest.mark.xfail(strict=True, reason="model's ORG for a person after Japan's"),
    ),
    pytest.param("Talks with Japan's prime minister went well.", "Japan", id="no-name-after"),
    pytest.param("Exports rose to India's Gujarat state.", "Gujarat", id="a-region"),
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


@pytest.mark.parametrize(("text", "name"), COUNTRY_CASES)
def test_a_name_after_a_country_s_possessive(nlp: Any, text: str, name: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) == "company", types


@pytest.mark.parametrize(("text", "name"), COUNTRY_COUNTER_CASES)
def test_no_company_after_a_country_without_its_marks(nlp: Any, text: str, name: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) != "company", types
