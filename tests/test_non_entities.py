"""Products, programmes and terms that look like names (components/non_entities.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

PRODUCT_CASES = [
    pytest.param("The Skoda Elroq sold 4,000 units in May.", "Skoda", {"Elroq", "Skoda Elroq"}),
    pytest.param("Ford's Puma Gen-E goes on sale in June.", "Ford", {"Puma Gen-E", "Puma"}),
    pytest.param("Toyota Hilux Revo pickups lead Thai sales.", "Toyota", {"Hilux Revo"}),
    pytest.param("Sales of the Ather Rizta rose in May.", "Ather", {"Rizta", "Ather Rizta"}),
    pytest.param("The Hongguang MINIEV was China's best seller.", None, {"Hongguang MINIEV"}),
    pytest.param("BYD Dolphin Mini exports rose to Brazil.", "BYD", {"Dolphin Mini"}),
    pytest.param("Hyundai Ioniq 5 N deliveries began in Korea.", "Hyundai", {"Ioniq 5 N"}),
    pytest.param("The Tata Nexon EV is India's best-selling electric car.", "Tata", {"Nexon EV"}),
]

NAME_CASES = [
    pytest.param("India's PLI scheme paid out ₹1,000 crore.", "PLI"),
    pytest.param("California's ZEV mandate tightens in 2026.", "ZEV"),
    pytest.param("HPAL plants in Sulawesi make nickel for cells.", "HPAL"),
    pytest.param("Under USMCA rules, the car qualifies.", "USMCA"),
    pytest.param("The NEVI programme funds chargers on highways.", "NEVI"),
    pytest.param("Output was 20,000 tonnes of LCE last year.", "LCE"),
]

COUNTER_CASES = [
    pytest.param(
        "Tang Yuhang met BYD executives in Yibin.", "Tang Yuhang", "person", id="a-surname"
    ),
    pytest.param("Sales rose in Tucson, Arizona, last month.", "Tucson", "city", id="a-city"),
    pytest.param("Astra raised its dividend in Jakarta.", "Astra", "company", id="also-a-company"),
]


def _names(text: str, nlp: Any) -> dict[str, str]:
    return {e.name: e.type for e in extract(text, nlp=nlp).entities}


@pytest.mark.parametrize(("text", "maker", "products"), PRODUCT_CASES)
def test_a_product_is_no_entity(nlp: Any, text: str, maker: str | None, products: set[str]) -> None:
    names = _names(text, nlp)
    assert not set(names) & products, names
    assert maker is None or names.get(maker) == "company", names


@pytest.mark.parametrize(("text", "name"), NAME_CASES)
def test_a_programme_or_term_is_no_entity(nlp: Any, text: str, name: str) -> None:
    assert name not in _names(text, nlp)


@pytest.mark.parametrize(("text", "name", "kind"), COUNTER_CASES)
def test_a_name_that_is_also_a_product_stays(nlp: Any, text: str, name: str, kind: str) -> None:
    assert _names(text, nlp).get(name) == kind
