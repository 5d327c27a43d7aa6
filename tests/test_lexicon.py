"""What the entity typer asks of its word lists and the gazetteer about a bare name
(components/lexicon.py)."""

from __future__ import annotations

import pytest
import spacy

from evextract.components.lexicon import EntityRules, Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


# A place by its name alone: a country, a region or a city of 100,000 people or more;
# a town that small, or a nationality, is no place without words around it.
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Shenzhen", True),
        ("Chennai", True),
        ("Bavaria", True),
        ("France", True),
        ("Zwickau", False),
        ("Halewood", False),
        ("Chinese", False),
    ],
)
def test_an_unmarked_place_is_a_country_a_region_or_a_sizeable_city(
    lexicon: Lexicon, name: str, expected: bool
) -> None:
    assert lexicon.is_unmarked_place(name) is expected


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        ("France", True, False),
        ("Georgia", True, True),  # the country and the US state
        ("Maharashtra", False, True),
        ("Tennessee", False, True),
        ("Shenzhen", False, False),
        ("Chinese", False, False),
    ],
)
def test_countries_and_regions(lexicon: Lexicon, name: str, country: bool, region: bool) -> None:
    assert lexicon.is_country(name) is country
    assert lexicon.names_a_region(name) is region
    assert lexicon.is_country_or_region(name) is (country or region)


# A product named alone ("the Elroq") is no entity; but a common word ("Seal") or a
# place ("Tucson") is never taken for a product by its name alone.
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Elroq", True),
        ("Hongguang MINIEV", True),
        ("Seal", False),
        ("Defender", False),
        ("Tucson", False),
    ],
)
def test_a_product_alone_is_neither_a_common_word_nor_a_place(
    lexicon: Lexicon, name: str, expected: bool
) -> None:
    assert lexicon.may_be_a_product_alone(name) is expected


def test_the_unions_made_once_hold_what_they_say() -> None:
    rules = EntityRules.load()
    assert rules.body_heads == rules.company_heads | rules.organization_heads
    assert rules.generic_tails <= rules.generic_names
    assert rules.generic_tails.isdisjoint(rules.organization_heads)  # "... Board" stays
    assert rules.lowercase_facility_heads == {word.lower() for word in rules.facility_heads}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Prices", True), ("Agriculture", True), ("Rivian", False), ("prices", False)],
)
def test_one_capitalized_common_word_is_no_name_by_itself(text: str, expected: bool) -> None:
    doc = spacy.blank("en")(text)
    assert EntityRules.load().is_common_word(doc[0:1]) is expected
