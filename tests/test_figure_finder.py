"""Golden cases for the figures component, on the full pipeline.

Each case: a sentence we wrote, and the figures it must give as
(kind, value, value_max, currency, unit, qualifier); or, for rejections, none.
"""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

Row = tuple[str, float, float | None, str | None, str | None, str | None]

CASES = [
    pytest.param(
        "In 2024, the city's NEV output exceeded 1.37 million units.",
        [("quantity", 1370000, None, None, "unit", "more_than")],
        id="scale-word-and-exceeded",
    ),
    pytest.param(
        "The chain was worth 260 billion yuan (about 36.28 billion U.S. dollars).",
        [
            ("money", 260000000000, None, "CNY", None, None),
            ("money", 36280000000, None, "USD", None, "approx"),
        ],
        id="yuan-with-dollar-conversion",
    ),
    pytest.param(
        "CATL will spend RMB 29 billion (about $4.5 billion) on new plants.",
        [
            ("money", 29000000000, None, "CNY", None, None),
            ("money", 4500000000, None, "USD", None, "approx"),
        ],
        id="rmb-prefix-and-dollar-sign",
    ),
    pytest.param(
        "Ionity will invest €700m, and Northvolt raised $3b and €1.2bn.",
        [
            ("money", 700000000, None, "EUR", None, None),
            ("money", 3000000000, None, "USD", None, None),
            ("money", 1200000000, None, "EUR", None, None),
        ],
        id="attached-short-scales",
    ),
    pytest.param(
        "Ola Electric plans to raise Rs 5,500 crore, part of a ₹1.97 lakh crore scheme.",
        [
            ("money", 55000000000, None, "INR", None, None),
            ("money", 1970000000000, None, "INR", None, None),
        ],
        id="indian-scales",
    ),
    pytest.param(
        "CATL raised HK$35 billion in Hong Kong and Foxconn spent NT$3.5 billion.",
        [
            ("money", 35000000000, None, "HKD", None, None),
            ("money", 3500000000, None, "TWD", None, None),
        ],
        id="explicit-dollar-currencies",
    ),
    pytest.param(
        "Ontario and Canada will give Honda C$5-billion; Ottawa adds $2 billion for the "
        "Canadian plant in Alliston, Ontario, Canada.",
        [
            ("money", 5000000000, None, "CAD", None, None),
            ("money", 2000000000, None, "CAD", None, None),
        ],
        id="bare-dollar-in-a-canadian-article",
    ),
    pytest.param(
        "Toyota and Nissan will get ¥350 billion from Japan's government for plants in Japan.",
        [("money", 350000000000, None, "JPY", None, None)],
        id="yen-sign-in-a-japanese-article",
    ),
    pytest.param(
        "Margins may reach 10-15% while output grows 1 to 2 million units.",
        [
            ("percent", 10, 15, None, None, None),
            ("quantity", 1000000, 2000000, None, "unit", None),
        ],
        id="ranges",
    ),
    pytest.param(
        "BYD's share rose 0.5 percentage points to 7.5 percent.",
        [("percent", 0.5, None, None, None, None), ("percent", 7.5, None, None, None, None)],
        id="percentage-points-and-percent-word",
    ),
    pytest.param(
        "The pack holds 75 kWh, the plant makes 40 GWh and the site covers 2,923 acres.",
        [
            ("quantity", 75, None, None, "kwh", None),
            ("quantity", 40, None, None, "gwh", None),
            ("quantity", 2923, None, None, "acre", None),
        ],
        id="measures",
    ),
    pytest.param(
        "Panasonic is building a 4.7 million-square-foot plant with 28 gigawatt-hours of capacity.",
        [
            ("quantity", 4700000, None, None, "square foot", None),
            ("quantity", 28, None, None, "gwh", None),
        ],
        id="hyphenated-and-spelled-measures",
    ),
    pytest.param(
        "Sinopec will build no fewer than 500 swap stations and up to 10,000 battery swap "
        "stations, nearly 200 chargers and just under 400 sites.",
        [
            ("quantity", 500, None, None, "station", "more_than"),
            ("quantity", 10000, None, None, "station", "up_to"),
            ("quantity", 200, None, None, "charger", "approx"),
            ("quantity", 400, None, None, "site", "less_than"),
        ],
        id="qualifiers",
    ),
    pytest.param(
        "Output will be between 280,000 and 300,000 tonnes, or between $2 billion and $3 billion.",
        [
            ("quantity", 280000, 300000, None, "tonne", None),
            ("money", 2000000000, 3000000000, "USD", None, None),
        ],
        id="between-ranges",
    ),
    pytest.param(
        "| Rank | Brand | BEV registrations |\n|---|---|---|\n| 1 | Tesla | 2,016 |\n",
        [("quantity", 2016, None, None, "registration", None)],
        id="markdown-table-column",
    ),
    pytest.param(
        "Year | Share | Units sold\n2021 | 3.4% | 5,974\n2022 | 10.6% | 27,388\n",
        [
            ("percent", 3.4, None, None, None, None),
            ("quantity", 5974, None, None, "unit", None),
            ("percent", 10.6, None, None, None, None),
            ("quantity", 27388, None, None, "unit", None),
        ],
        id="table-column-gives-the-unit",
    ),
    pytest.param(
        "Key numbers | BEV makers: 14 | EVs registered: 19,347",
        [("quantity", 14, None, None, "maker", None), ("quantity", 19347, None, None, "ev", None)],
        id="label-gives-the-unit",
    ),
    pytest.param(
        "Suppliers could win between 20% and 25% of orders, margins of 12%-15% and a "
        "5 percent to 6 percent share.",
        [
            ("percent", 20, 25, None, None, None),
            ("percent", 12, 15, None, None, None),
            ("percent", 5, 6, None, None, None),
        ],
        id="percent-sign-on-both-ends",
    ),
    pytest.param(
        "Honda raised its plan for fiscal 2030 to 7 trillion yen to meet 2025-2027 targets.",
        [("money", 7000000000000, None, "JPY", None, None)],
        id="a-year-before-a-figure-is-no-range",
    ),
    pytest.param(
        "Sites need chargers of 150 kilowatts or more that charge in 10 minutes or less.",
        [
            ("quantity", 150, None, None, "kw", "more_than"),
            ("quantity", 10, None, None, "minute", "up_to"),
        ],
        id="qualifiers-after-the-figure",
    ),
    pytest.param(
        "Its share edged up to 17.6% while Tesla may spend up to 5% of sales.",
        [("percent", 17.6, None, None, None, None), ("percent", 5, None, None, None, "up_to")],
        id="up-belonging-to-the-verb",
    ),
    pytest.param(
        "NFI earned US$12 million, or 36 cents a share, and paid 7.5 cents.",
        [
            ("money", 12000000, None, "USD", None, None),
            ("money", 0.36, None, "USD", None, None),
            ("money", 0.075, None, "USD", None, None),
        ],
        id="cents-are-money",
    ),
    pytest.param(
        "Black Rock raised A$20 million at 6.5 cents a share.",
        [("money", 20000000, None, "AUD", None, None), ("money", 0.065, None, "AUD", None, None)],
        id="cents-take-the-nearest-currency",
    ),
    pytest.param(
        "Chile's CORFO expects 4.5 trillion pesos from the venture in Chile; PIF pledged SR92 "
        "billion.",
        [
            ("money", 4500000000000, None, "CLP", None, None),
            ("money", 92000000000, None, "SAR", None, None),
        ],
        id="pesos-of-the-country-and-riyals",
    ),
    pytest.param(
        "TVS sold 2.78 lakh electric two-wheelers, 20 e-bikes and 5,000 plug-in hybrids, "
        "and will create between 1,500 and 2,000 direct jobs at a 109,000 tpa plant.",
        [
            ("quantity", 278000, None, None, "two-wheeler", None),
            ("quantity", 20, None, None, "e-bike", None),
            ("quantity", 5000, None, None, "phev", None),
            ("quantity", 1500, 2000, None, "job", None),
            ("quantity", 109000, None, None, "tonne", None),
        ],
        id="hyphenated-counted-nouns",
    ),
]

REJECTIONS = [
    pytest.param("In 2024 the plant opened on July 1, 2025.", id="years-and-dates"),
    pytest.param("Retail sales for the February 1-16 window were strong.", id="day-range"),
    pytest.param("The report came out at 08:46 on the 1st of the month.", id="time-and-ordinal"),
    pytest.param("Nio showed the ES8, VW the ID.4 and Tesla the Model 3.", id="model-names"),
    pytest.param(
        "Phase II follows the 2022 World Manufacturing Convention.", id="names-with-numbers"
    ),
    pytest.param("Volkswagen bought into 100%TechCo last year.", id="percent-inside-a-name"),
    pytest.param("1. Government Support\n2. Strategic Partnerships\n", id="list-numbering"),
    pytest.param("Call +86-551-6512-3456 or write to ir@nio.com.", id="phone-and-email"),
    pytest.param("Read more at https://www.byd.com/en/news/2024/05.html today.", id="url"),
    pytest.param("Source: Xinhua | Updated: 2020-06-02 17:11", id="iso-date-and-time"),
    pytest.param("Contact: 0553-5812345", id="phone-with-leading-zero"),
]


def rows(record: Any) -> list[Row]:
    return [(f.kind, f.value, f.value_max, f.currency, f.unit, f.qualifier) for f in record.figures]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_figure_cases(nlp: Any, text: str, expected: list[Row]) -> None:
    assert rows(extract(text, nlp=nlp)) == expected


@pytest.mark.parametrize("text", REJECTIONS)
def test_not_figures(nlp: Any, text: str) -> None:
    assert rows(extract(text, nlp=nlp)) == []


def test_conversion_links_to_the_converted_figure(nlp: Any) -> None:
    record = extract("It spent 260 billion yuan (about 36.28 billion U.S. dollars).", nlp=nlp)
    first, second = record.figures
    assert (first.equivalent_of, second.equivalent_of) == (None, first.id)


def test_figure_text_is_the_source_slice(nlp: Any) -> None:
    text = "BYD sold about 300,000 cars\r\nand earned RMB 12 billion (about $1.7 billion)."
    for figure in extract(text, nlp=nlp).figures:
        assert text[figure.start : figure.end] == figure.text
        assert figure.text in text and figure.sentence
