"""Sites named right before what they are (components/site_names.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

FACILITY_CASES = [
    pytest.param(
        "Pilbara Minerals has kept its Pilgangoora operation running near capacity.",
        "Pilgangoora",
        id="its-name-operation",
    ),
    pytest.param(
        "The Apex 1 facility in Christian County, Kentucky, will make cathode precursor.",
        "Apex 1",
        id="the-name-with-a-number-facility",
    ),
    pytest.param(
        "Hyundai's plant will sit alongside Lucid Group's AMP-2 factory near Jeddah.",
        "AMP-2",
        id="possessive-then-hyphenated-number",
    ),
    pytest.param(
        "Freyr, which once planned a Giga Arctic plant in Mo i Rana, has moved to Georgia.",
        "Giga Arctic",
        id="giga-name-before-a-plant",
    ),
    pytest.param(
        "Tesla's Giga Texas builds the Model Y for North America.",
        "Giga Texas",
        id="giga-name-alone",
    ),
    pytest.param(
        "Volvo Cars said its Torslanda 2 plant would build the EX30 from 2026.",
        "Torslanda 2",
        id="a-numbered-plant-after-its",
    ),
    pytest.param(
        "Rio Tinto expects its Rincon operation to produce 3,000 tonnes of lithium.",
        "Rincon",
        id="a-mine-by-its-name",
    ),
    pytest.param(
        "Mercedes-Benz will retool its Factory 56 plant in Sindelfingen for electric cars.",
        "Factory 56",
        id="a-numbered-name-with-a-head-word",
    ),
]

HEADED_CASES = [
    pytest.param(
        "The factory is rising in the Manisa Organized Industrial Zone, 40 km from Izmir.",
        "Manisa Organized Industrial Zone",
        id="the-name-industrial-zone",
    ),
    pytest.param(
        "Zhou Zhenyu spoke at the company's Baojun Base in Liuzhou.",
        "Baojun Base",
        id="a-known-brand-names-the-base",
    ),
    pytest.param(
        "Gotion's cells will come from the Hefei Xinzhan High-tech Industrial Park.",
        "Hefei Xinzhan High-tech Industrial Park",
        id="from-the-long-park-name",
    ),
    pytest.param(
        "Hyundai built its plant at the Bryan County Megasite Park in Georgia.",
        "Bryan County Megasite Park",
        id="at-the-park",
    ),
    pytest.param(
        "VinFast trucks leave through the Lach Huyen International Port near Haiphong.",
        "Lach Huyen International Port",
        id="through-the-port",
    ),
    pytest.param(
        "Ganfeng will build the cells near the Pozuelo Logistics Hub in Spain.",
        "Pozuelo Logistics Hub",
        id="near-the-hub",
    ),
    pytest.param(
        "BTR chose the Tangier Automotive City Complex for its first plant outside Asia.",
        "Tangier Automotive City Complex",
        id="the-complex",
    ),
    pytest.param(
        "Rivian's vans are built inside the Normal Assembly Works in Illinois.",
        "Normal Assembly Works",
        id="inside-the-works",
    ),
]

PLACE_CASES = [
    pytest.param("Ford's Kentucky plant and BYD's Szeged factory are new.", "Szeged", "city"),
    pytest.param(
        "Audi's Ingolstadt plant and the Dingolfing factory are old.", "Dingolfing", "city"
    ),
    pytest.param("Stellantis said its Kenitra plant would double output.", "Kenitra", "city"),
]

COUNTER_CASES = [
    pytest.param(
        "Freyr is growing fast. The Freyr plant is already late.", "Freyr", id="used-alone"
    ),
    pytest.param("Tesla said the Tesla factory in Fremont is old.", "Tesla", id="known-company"),
    pytest.param("It runs its 30 GWh plant and a 2 GWh factory.", "30 GWh", id="a-capacity"),
    pytest.param("Its Main plant is shut for the summer.", "Main", id="a-common-word"),
    pytest.param("Audi's Ingolstadt plant builds the A3.", "Ingolstadt", id="a-known-city"),
    pytest.param("BYD plans a plant in Szeged, Hungary.", "Szeged", id="no-site-noun-after-it"),
]


@pytest.mark.parametrize(("text", "name"), FACILITY_CASES)
def test_a_site_named_before_what_it_is(nlp: Any, text: str, name: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) == "facility", types


HEADED_COUNTER_CASES = [
    pytest.param("The Special Economic Zone grew by a fifth.", id="only-common-words"),
    pytest.param("Tesla Opens New Plant In Texas", id="a-title-case-heading"),
    pytest.param("BYD And Stellantis Build Battery Plant", id="a-heading-of-two-names"),
]


@pytest.mark.parametrize(("text", "name"), HEADED_CASES)
def test_a_proper_name_ending_in_a_facility_head(nlp: Any, text: str, name: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) == "facility", types


@pytest.mark.parametrize("text", HEADED_COUNTER_CASES)
def test_no_facility_from_common_words_or_headings(nlp: Any, text: str) -> None:
    assert [e for e in extract(text, nlp=nlp).entities if e.type == "facility"] == []


@pytest.mark.parametrize(("text", "name", "kind"), PLACE_CASES)
def test_a_known_town_before_a_site_is_the_town(nlp: Any, text: str, name: str, kind: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) == kind, types


@pytest.mark.parametrize(("text", "name"), COUNTER_CASES)
def test_no_facility_from_a_company_a_place_or_a_capacity(nlp: Any, text: str, name: str) -> None:
    types = {e.name: e.type for e in extract(text, nlp=nlp).entities}
    assert types.get(name) != "facility", types
