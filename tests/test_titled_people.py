"""People named right after their title (components/titled_people.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

CASES = [
    pytest.param(
        "Manisa Governor Enver Ünlü said the province had allocated the land.",
        "Enver Ünlü",
        id="place-and-title-run-into-the-name",
    ),
    pytest.param(
        "Minister of Industry and Mineral Resources Bandar Alkhorayef attended the ceremony.",
        "Bandar Alkhorayef",
        id="after-a-portfolio",
    ),
    pytest.param(
        "Union Minister of Heavy Industries and Steel H.D. Kumaraswamy said the scheme works.",
        "H.D. Kumaraswamy",
        id="initials-after-a-portfolio",
    ),
    pytest.param(
        "Redwood Materials, led by founder and chief executive JB Straubel, takes scrap.",
        "JB Straubel",
        id="two-letter-initials-are-no-company",
    ),
    pytest.param(
        "MAA president Mohd Shamsor Mohd Zain said the exemption ends.",
        "Mohd Shamsor Mohd Zain",
        id="four-name-words",
    ),
    pytest.param(
        "Ulsan Mayor Kim Doo-gyeom welcomed the new plant.",
        "Kim Doo-gyeom",
        id="hyphenated-given-name",
    ),
    pytest.param(
        "Hyundai Motor Group Chairman Chung Eui-sun visited the site.",
        "Chung Eui-sun",
        id="company-title-hyphenated-name",
    ),
    pytest.param(
        "The R2 comes in 2026, Chief Operations Officer Javier Varela said.",
        "Javier Varela",
        id="after-a-long-title",
    ),
    pytest.param(
        "Saudi Minister of Investment Khalid Al-Falih opened the plant.",
        "Khalid Al-Falih",
        id="hyphenated-surname-after-a-portfolio",
    ),
]

COUNTER_CASES = [
    pytest.param("The Minister of Trade and Industry said prices rose.", id="portfolio-alone"),
    pytest.param("He met the president of Tesla China in Shanghai.", id="title-of-a-company"),
    pytest.param("The CEO Summit in Paris ended on Friday.", id="title-word-in-an-event"),
    pytest.param("The ministry's director spoke to reporters.", id="no-name-after-the-title"),
]


def people(text: str, nlp: Any) -> set[str]:
    return {e.name for e in extract(text, nlp=nlp).entities if e.type == "person"}


@pytest.mark.parametrize(("text", "person"), CASES)
def test_a_name_after_a_title_is_a_person(nlp: Any, text: str, person: str) -> None:
    assert person in people(text, nlp)


@pytest.mark.parametrize("text", COUNTER_CASES)
def test_no_person_without_a_name(nlp: Any, text: str) -> None:
    assert people(text, nlp) == set()


def test_the_place_before_the_title_stays_a_place(nlp: Any) -> None:
    entities = extract("Manisa Governor Enver Ünlü said so.", nlp=nlp).entities
    assert {(e.type, e.name) for e in entities} == {("region", "Manisa"), ("person", "Enver Ünlü")}
