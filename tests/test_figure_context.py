"""Tests for `evextract.components.figure_context`: why a currency is only a guess.

How the guess is resolved by the article's countries is tested on the full pipeline
in tests/test_figure_finder.py (pesos, dirhams, yen, dollars and cents).
"""

from __future__ import annotations

import pytest

from evextract.components.figure_context import uncertain_currency

UNCERTAIN_CASES = [
    pytest.param("$2 billion", "USD", "bare_dollar", id="bare-dollar-sign"),
    pytest.param("2 billion dollars", "USD", "bare_dollar", id="bare-dollars"),
    pytest.param("US$2 billion", "USD", None, id="us-dollar-sign"),
    pytest.param("2 billion U.S. dollars", "USD", None, id="us-dollars"),
    pytest.param("3 mn USD", "USD", None, id="usd-code-after"),
    pytest.param("¥300 billion", "CNY", "bare_yen", id="bare-yen-sign"),
    pytest.param("CN¥300 billion", "CNY", None, id="chinese-yen-sign"),
    pytest.param("5 billion pesos", "MXN", "bare_peso", id="bare-pesos"),
    pytest.param("5 billion Mexican pesos", "MXN", None, id="mexican-pesos"),
    pytest.param("157 billion dirhams", "AED", "bare_dirham", id="bare-dirhams"),
    pytest.param("12 billion dirham", "AED", "bare_dirham", id="bare-dirham"),
    pytest.param("100 million UAE dirhams", "AED", None, id="uae-dirhams"),
    pytest.param("AED 5 billion", "AED", None, id="aed-code"),
    pytest.param("12 bn MAD", "MAD", None, id="mad-code"),
    pytest.param("RMB3.2 billion-3.5 billion", "CNY", None, id="rmb"),
    pytest.param("4-billion-euro", "EUR", None, id="euro"),
]


@pytest.mark.parametrize(("text", "currency", "expected"), UNCERTAIN_CASES)
def test_uncertain_currency(text: str, currency: str, expected: str | None) -> None:
    assert uncertain_currency(text, currency) == expected
