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

# Cities the model left unnamed in a list of its places (each case failed before).
UNMARKED_CASES = [
    pytest.param(
        "The cities are Delhi, Mumbai, Kolkata, Chennai, Ahmedabad, Surat and Pune.",
        "Chennai",
        id="in-a-list-after-the-models-places",
    ),
    pytest.param(
        "The cities are Delhi, Mumbai, Kolkata, Chennai, Ahmedabad, Surat and Pune.",
        "Ahmedabad",
        id="after-a-place-found-here",
    ),
    pytest.param(
        "Mahindra expects demand in Nagpur, Lucknow and Indore to grow.",
        "Lucknow",
        id="second-of-three",
    ),
    pytest.param(
        "Mahindra expects demand in Nagpur, Lucknow and Indore to grow.",
        "Indore",
        id="after-and",
    ),
    pytest.param(
        "Polestar opened stores in Oslo, Bergen, Trondheim and Stavanger.",
        "Stavanger",
        id="norwegian-list",
    ),
    pytest.param(
        "The chargers go up in Lyon, Toulouse, Nantes and Bordeaux.",
        "Toulouse",
        id="french-list",
    ),
    pytest.param(
        "India wants more EVs. Ola opened an office in Hyderabad.",
        "Hyderabad",
        id="after-a-locative-with-its-country-around",
    ),
    pytest.param(
        "Hyundai builds the Creta in Chennai for export to Africa.",
        "Chennai",
        id="after-a-locative",
    ),
]

# Not places although the gazetteer knows a town of the name.
UNMARKED_COUNTER_CASES = [
    pytest.param("Sales rose in March after the launch.", "March", id="a-month"),
    pytest.param("The carmaker will build cars in Reading next year.", "Reading", id="a-word"),
    pytest.param("It is in Hyderabad Pharma City.", "Hyderabad", id="first-word-of-a-name"),
    pytest.param("Interest in Nice cars rose.", "Nice", id="an-adjective"),
    pytest.param("It made gains in Power and Energy.", "Energy", id="capitalized-nouns"),
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


@pytest.mark.parametrize(("text", "city"), UNMARKED_CASES)
def test_a_known_city_the_model_missed(nlp: Any, text: str, city: str) -> None:
    assert "city" in types_of(extract(text, nlp=nlp), city)


@pytest.mark.parametrize(("text", "name"), UNMARKED_COUNTER_CASES)
def test_no_city_of_a_word(nlp: Any, text: str, name: str) -> None:
    assert "city" not in types_of(extract(text, nlp=nlp), name)


# The model's place the gazetteer lacks, or a town it calls a product, placed by its
# sentence (name_typing.type_span, place_context.places_the_model_missed).
MODEL_PLACE_CASES = [
    pytest.param(
        "The plan is to build a cell plant in New Carlisle, Indiana, next year.",
        "New Carlisle",
        id="a-gpe-before-its-state",
    ),
    pytest.param(
        "BYD's car plant in Szeged is due to start production this year.",
        "Szeged",
        id="a-town-the-model-calls-a-product",
    ),
    pytest.param(
        "Toyota will build a battery plant in Liberty, North Carolina, by 2025.",
        "Liberty",
        id="a-common-word-town-before-its-state",
    ),
    pytest.param(
        "Panasonic opened its factory in De Soto, Kansas, on Monday.",
        "De Soto",
        id="two-words-before-a-state",
    ),
    pytest.param(
        "CATL's cell plant in Debrecen will open in 2026.", "Debrecen", id="a-plant-in-a-city"
    ),
    pytest.param(
        "Gotion will run a cathode plant in Manteno, Illinois, from 2026.",
        "Manteno",
        id="a-small-town-before-its-state",
    ),
    pytest.param(
        "SK On's plants in Komárom and Iváncsa supply Ford.", "Iváncsa", id="listed-after-and"
    ),
    pytest.param(
        "Samsung SDI's plant in Göd makes cells for BMW.", "Göd", id="a-short-hungarian-town"
    ),
]

MODEL_PLACE_COUNTER_CASES = [
    pytest.param("Buyers prefer the BYD Dolphin to the Tesla Model 3.", "Dolphin", id="a-model"),
    pytest.param("Tesla sells the Model Y in Berlin.", "Model Y", id="a-model-before-in"),
]


@pytest.mark.parametrize(("text", "town"), MODEL_PLACE_CASES)
def test_the_models_place_placed_by_its_sentence(nlp: Any, text: str, town: str) -> None:
    assert "city" in types_of(extract(text, nlp=nlp), town)


@pytest.mark.parametrize(("text", "name"), MODEL_PLACE_COUNTER_CASES)
def test_a_product_stays_no_place(nlp: Any, text: str, name: str) -> None:
    assert "city" not in types_of(extract(text, nlp=nlp), name)
