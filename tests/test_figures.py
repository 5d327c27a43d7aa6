"""Tests for `evextract.figures`: golden tables for splitting tokens and reading currencies."""

from __future__ import annotations

import pytest

from evextract.figures import FigureLexicon, scale_then_number, split_attached

SCALE_THEN_NUMBER_CASES = [
    pytest.param("billion-3.5", ("billion", "3.5", ""), id="billion-decimal"),
    pytest.param("billion-400", ("billion", "400", ""), id="billion-whole"),
    pytest.param("billion-1", ("billion", "1", ""), id="to-trillion"),
    pytest.param("million-900", ("million", "900", ""), id="million"),
    pytest.param("bn-3bn", ("bn", "3", "bn"), id="bn-both"),
    pytest.param("Billion–21.0", ("Billion", "21.0", ""), id="capital-en-dash"),
    pytest.param("m-5m", ("m", "5", "m"), id="m-both"),
    pytest.param("trillion-2,500", ("trillion", "2,500", ""), id="thousands-comma"),
    pytest.param("crore-600", ("crore", "600", ""), id="crore"),
]

NOT_SCALE_THEN_NUMBER = [
    pytest.param("Model-3", id="model-name"),
    pytest.param("COVID-19", id="name-with-number"),
    pytest.param("billion-dollar", id="scale-then-word"),
    pytest.param("million-unit", id="hyphenated-unit"),
    pytest.param("bn-3units", id="word-after-high-end"),
    pytest.param("Phase-2", id="phase"),
    pytest.param("billion", id="scale-alone"),
    pytest.param("3-5", id="digits-only"),
]

SPLIT_CASES = [
    pytest.param("2bn-3bn", ("", "2", "bn-3bn"), id="bn-range-in-one-token"),
    pytest.param("1.5m-2m", ("", "1.5", "m-2m"), id="m-range-in-one-token"),
    pytest.param("-15.7", ("-", "15.7", ""), id="minus-sign"),
    pytest.param("+3.4", ("+", "3.4", ""), id="plus-sign"),
    pytest.param("RMB3.2", ("RMB", "3.2", ""), id="currency-prefix"),
    pytest.param("20%-30", ("", "20", "%-30"), id="percent-range"),
    pytest.param("4.5bn", ("", "4.5", "bn"), id="attached-scale"),
    pytest.param("GWh", None, id="no-digits"),
]

CURRENCY_AFTER_CASES = [
    pytest.param("RMB", "CNY", id="rmb"),
    pytest.param("KRW", "KRW", id="krw"),
    pytest.param("USD", "USD", id="usd"),
    pytest.param("EUR", "EUR", id="eur"),
    pytest.param("VND", "VND", id="vnd"),
    pytest.param("SEK", "SEK", id="sek"),
    pytest.param("MAD", "MAD", id="mad"),
    pytest.param("INR", "INR", id="inr"),
    pytest.param("yuan", "CNY", id="word"),
    pytest.param("Eur", None, id="code-in-title-case"),
    pytest.param("BEV", None, id="capitals-naming-no-currency"),
    pytest.param("CKD", None, id="kit-abbreviation"),
    pytest.param("US", None, id="country-alone"),
    pytest.param("GWh", None, id="unit"),
]


@pytest.mark.parametrize(("token", "expected"), SCALE_THEN_NUMBER_CASES)
def test_scale_then_number(token: str, expected: tuple[str, str, str]) -> None:
    assert scale_then_number(token) == expected


@pytest.mark.parametrize("token", NOT_SCALE_THEN_NUMBER)
def test_not_scale_then_number(token: str) -> None:
    assert scale_then_number(token) is None


@pytest.mark.parametrize(("token", "expected"), SPLIT_CASES)
def test_split_attached(token: str, expected: tuple[str, str, str] | None) -> None:
    assert split_attached(token) == expected


@pytest.mark.parametrize(("text", "expected"), CURRENCY_AFTER_CASES)
def test_currency_after(text: str, expected: str | None) -> None:
    assert FigureLexicon.load().currency_after(text) == expected


def test_every_dirham_and_peso_country_names_an_iso_code() -> None:
    lexicon = FigureLexicon.load()
    for countries in (lexicon.dirham_countries, lexicon.peso_countries):
        assert all(len(code) == 2 and len(currency) == 3 for code, currency in countries.items())
    assert lexicon.dirham_countries["MA"] == "MAD"
