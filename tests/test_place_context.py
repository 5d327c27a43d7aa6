"""Towns the gazetteer lacks, placed by their sentence (components/place_context.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

CASES = [
    pytest.param(
        "Eramet runs the Weda Bay nickel site at Lelilef, in North Maluku, with Tsingshan.",
        "Lelilef",
        id="locative-then-comma-in-region",
    ),
    pytest.param(
        "Stellantis builds engines in Termoli, near Campobasso, for the Fiat 500.",
        "Termoli",
        id="locative-then-near-a-city",
    ),
    pytest.param(
        "Ganfeng is building a refinery at Mariana, south of Salta, in Argentina.",
        "Mariana",
        id="compass-phrase",
    ),
    pytest.param(
        "Ather opened a new line on the outskirts of Hosur to meet demand.",
        "Hosur",
        id="outskirts-of",
    ),
    pytest.param(
        "Samsung SDI has plants in Göd and Ulsan, and LG Energy Solution in Wrocław.",
        "Göd",
        id="list-after-a-locative",
    ),
    pytest.param(
        "CATL said its cell plant in Arnstadt would double output.",
        "Arnstadt",
        id="sited-noun-then-in",
    ),
    pytest.param(
        "Managem mines cobalt at its mine at Bou Azzer for BMW.",
        "Bou Azzer",
        id="mine-at",
    ),
    pytest.param(
        "Hyundai Rotem builds trams at Changwon, in South Gyeongsang, for export.",
        "Changwon",
        id="model-calls-it-an-organization",
    ),
]

# Not places: a company a stake goes to, one invested in, one named with a head word.
COUNTER_CASES = [
    pytest.param("Renault took a stake in Ampere, France's EV unit.", "Ampere", id="possessive"),
    pytest.param("Volkswagen invested in Northvolt in 2019.", "Northvolt", id="invested-in"),
    pytest.param(
        "Toyota put money in Redwood Materials, Nevada's recycler.",
        "Redwood Materials",
        id="head-word",
    ),
    pytest.param(
        "The batteries come from a plant in SVOLT hands.", "SVOLT", id="acronym-never-a-town"
    ),
]


def types_of(record: Any, name: str) -> set[str]:
    return {e.type for e in record.entities if e.name == name}


@pytest.mark.parametrize(("text", "town"), CASES)
def test_a_town_placed_by_its_sentence(nlp: Any, text: str, town: str) -> None:
    assert "city" in types_of(extract(text, nlp=nlp), town)


@pytest.mark.parametrize(("text", "name"), COUNTER_CASES)
def test_names_not_placed(nlp: Any, text: str, name: str) -> None:
    assert "city" not in types_of(extract(text, nlp=nlp), name)
