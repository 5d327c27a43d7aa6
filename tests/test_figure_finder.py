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

# A currency written before the low end of a range whose ends both carry a scale word:
# one figure, even when the tokenizer keeps "billion-3.5" together.
SCALE_RANGE_CASES = [
    pytest.param(
        "Geely expects net profit of RMB4.1 billion-4.6 billion for the half.",
        [("money", 4100000000, 4600000000, "CNY", None, None)],
        id="rmb-billion-range",
    ),
    pytest.param(
        "Panasonic will put ¥200 billion-250 billion into new lines in Japan, Japan's "
        "ministry said.",
        [("money", 200000000000, 250000000000, "JPY", None, None)],
        id="yen-range-in-a-japanese-article",
    ),
    pytest.param(
        "A fund backed by CATL and the Fujian government may reach ¥50 billion-60 billion.",
        [("money", 50000000000, 60000000000, "CNY", None, None)],
        id="yen-sign-range-in-a-chinese-article",
    ),
    pytest.param(
        "Hefei's industry fund could grow to RMB600 billion-1 trillion.",
        [("money", 600000000000, 1000000000000, "CNY", None, None)],
        id="billion-to-trillion",
    ),
    pytest.param(
        "Rivian plans capital spending of about $1.8 billion-2.2 billion next year.",
        [("money", 1800000000, 2200000000, "USD", None, "approx")],
        id="dollar-range-with-qualifier",
    ),
    pytest.param(
        "Stellantis set aside €4bn-5bn for its plants.",
        [("money", 4000000000, 5000000000, "EUR", None, None)],
        id="attached-bn-range",
    ),
    pytest.param(
        "Tata will invest £1.5bn-2bn in a cell factory.",
        [("money", 1500000000, 2000000000, "GBP", None, None)],
        id="pound-bn-range",
    ),
    pytest.param(
        "Bosch budgets US$700 million-900 million for chips.",
        [("money", 700000000, 900000000, "USD", None, None)],
        id="million-range",
    ),
    pytest.param(
        "Xpeng's quarterly loss narrowed to RMB1.3 billion-1.5 billion, it said.",
        [("money", 1300000000, 1500000000, "CNY", None, None)],
        id="range-before-a-comma",
    ),
    pytest.param(
        "Output may reach 10 million-14 million units.",
        [("quantity", 10000000, 14000000, None, "unit", None)],
        id="quantity-range-with-two-scales",
    ),
    pytest.param(
        "BYD earned RMB3 billion, up from RMB2.5 billion.",
        [
            ("money", 3000000000, None, "CNY", None, None),
            ("money", 2500000000, None, "CNY", None, None),
        ],
        id="two-amounts-are-no-range",
    ),
    pytest.param("Nio is no billion-dollar startup any more.", [], id="scale-word-without-number"),
]

# A short scale word written apart ("bn", "mn", "tn", "cr") counts beside a currency,
# and an ISO code after the amount names its currency.
CURRENCY_AFTER_CASES = [
    pytest.param(
        "Gotion reported revenue of 8.9 bn RMB in the quarter.",
        [("money", 8900000000, None, "CNY", None, None)],
        id="bn-rmb",
    ),
    pytest.param(
        "Samsung SDI booked 512.3 bn KRW in operating profit.",
        [("money", 512300000000, None, "KRW", None, None)],
        id="bn-krw",
    ),
    pytest.param(
        "Northvolt borrowed 5 bn USD from lenders.",
        [("money", 5000000000, None, "USD", None, None)],
        id="bn-usd",
    ),
    pytest.param(
        "Renault's unit raised 1.2 mn EUR from partners.",
        [("money", 1200000, None, "EUR", None, None)],
        id="mn-eur",
    ),
    pytest.param(
        "VinFast lost 2.4 tn VND last quarter.",
        [("money", 2400000000000, None, "VND", None, None)],
        id="tn-vnd",
    ),
    pytest.param(
        "Infineon will spend 4.5bn EUR on the fab.",
        [("money", 4500000000, None, "EUR", None, None)],
        id="attached-bn-eur",
    ),
    pytest.param(
        "Tata Power set aside 300 cr INR for chargers.",
        [("money", 3000000000, None, "INR", None, None)],
        id="cr-inr",
    ),
    pytest.param(
        "Polestar's loss was 1.1 bn SEK, while XPeng raised 12 bn yuan.",
        [
            ("money", 1100000000, None, "SEK", None, None),
            ("money", 12000000000, None, "CNY", None, None),
        ],
        id="bn-sek-and-bn-yuan",
    ),
    pytest.param(
        "Ford took a US$3 bn charge.",
        [("money", 3000000000, None, "USD", None, None)],
        id="currency-before-spaced-bn",
    ),
    pytest.param(
        "Morocco's OCP will invest 12 bn MAD in Morocco.",
        [("money", 12000000000, None, "MAD", None, None)],
        id="bn-mad",
    ),
]

# Capitals after a number that name no currency: no money.
NOT_MONEY = [
    pytest.param("Toyota plans 3 BEV models for Europe.", id="bev"),
    pytest.param("BMW shipped 40 CKD kits to Thailand.", id="ckd"),
    pytest.param("The line assembles 60 EV packs an hour.", id="ev"),
    pytest.param("Chargers rated at 350 KW opened in 12 US states.", id="kw-and-us"),
    pytest.param("It ordered 3 mn tonnes of ore.", id="mn-before-a-unit"),
    pytest.param("SAIC sold 20 SUV models in 2023.", id="suv"),
]

# "<number>-<scale>-<currency word>" written as one adjective.
HYPHEN_MONEY_CASES = [
    pytest.param(
        "Sunwoda opened an 8.2-billion-yuan cell plant.",
        [("money", 8200000000, None, "CNY", None, None)],
        id="decimal-billion-yuan",
    ),
    pytest.param(
        "CALB signed a 12-billion-yuan deal with Xiamen.",
        [("money", 12000000000, None, "CNY", None, None)],
        id="billion-yuan",
    ),
    pytest.param(
        "Northvolt unveiled a 4-billion-euro factory in Heide.",
        [("money", 4000000000, None, "EUR", None, None)],
        id="billion-euro",
    ),
    pytest.param(
        "Agratas is building a 4-billion-pound gigafactory.",
        [("money", 4000000000, None, "GBP", None, None)],
        id="billion-pound",
    ),
    pytest.param(
        "Hyundai approved a 1.5-trillion-won plant in Ulsan.",
        [("money", 1500000000000, None, "KRW", None, None)],
        id="trillion-won",
    ),
    pytest.param(
        "Toyota began a 500-billion-yen battery push.",
        [("money", 500000000000, None, "JPY", None, None)],
        id="billion-yen",
    ),
    pytest.param(
        "The state gave Stellantis a 300-million-euro grant.",
        [("money", 300000000, None, "EUR", None, None)],
        id="million-euro",
    ),
    pytest.param(
        "Ola Electric won a 900-million-rupee order.",
        [("money", 900000000, None, "INR", None, None)],
        id="million-rupee",
    ),
    pytest.param(
        "GM is planning a $1.2-billion upgrade.",
        [("money", 1200000000, None, "USD", None, None)],
        id="dollar-sign-hyphen-billion",
    ),
    pytest.param(
        "Leapmotor set a 10-year plan for a 1,000-acre site.",
        [
            ("quantity", 10, None, None, "year", None),
            ("quantity", 1000, None, None, "acre", None),
        ],
        id="hyphenated-units-stay-quantities",
    ),
]

# A sign written against a percentage (or a measure) is part of its value.
SIGNED_CASES = [
    pytest.param(
        "Deliveries changed +4.2% month on month.",
        [("percent", 4.2, None, None, None, None)],
        id="plus",
    ),
    pytest.param(
        "Margins moved -3.1% after the price cuts.",
        [("percent", -3.1, None, None, None, None)],
        id="minus",
    ),
    pytest.param(
        "Change: BYD +12.5%, Tesla -8.0%, Geely +33.3%",
        [
            ("percent", 12.5, None, None, None, None),
            ("percent", -8, None, None, None, None),
            ("percent", 33.3, None, None, None, None),
        ],
        id="list-of-changes",
    ),
    pytest.param(
        "Exports jumped +150.6% in May.",
        [("percent", 150.6, None, None, None, None)],
        id="large-rise",
    ),
    pytest.param(
        "Share | Change\n9.1% | -0.4%\n",
        [("percent", 9.1, None, None, None, None), ("percent", -0.4, None, None, None, None)],
        id="table-with-pipes",
    ),
    pytest.param(
        "Li Auto      7.5%      +2.1%\nNio          3.2%      -1.7%\n",
        [
            ("percent", 7.5, None, None, None, None),
            ("percent", 2.1, None, None, None, None),
            ("percent", 3.2, None, None, None, None),
            ("percent", -1.7, None, None, None, None),
        ],
        id="table-aligned-with-spaces",
    ),
    pytest.param(
        "Sales of the Seal fell sharply (-22.3%) in March.",
        [("percent", -22.3, None, None, None, None)],
        id="in-brackets",
    ),
    pytest.param(
        "Exports went -30 percent after the tariffs.",
        [("percent", -30, None, None, None, None)],
        id="percent-word",
    ),
    pytest.param(
        "Packs were tested between -10 and 40 degrees Celsius.",
        [("quantity", -10, 40, None, "degree celsius", None)],
        id="negative-temperature-range",
    ),
    pytest.param(
        "Margins of 20%-30% are the goal for 2025-2027.",
        [("percent", 20, 30, None, None, None)],
        id="range-dash-is-no-sign",
    ),
    pytest.param("The Zeekr 001 got a +2 rating from the magazine.", [], id="signed-bare-number"),
    pytest.param("Call +86-21-5555-1234 for details.", [], id="phone-number"),
]

# 'Dirhams' are Morocco's in an article about Morocco, the UAE's otherwise.
DIRHAM_CASES = [
    pytest.param(
        "Renault's plant in Morocco added 3 billion dirhams to Morocco's exports.",
        [("money", 3000000000, None, "MAD", None, None)],
        id="morocco",
    ),
    pytest.param(
        "Gotion High-Tech will invest 6.5 billion dirhams in Kenitra, Morocco.",
        [("money", 6500000000, None, "MAD", None, None)],
        id="morocco-once",
    ),
    pytest.param(
        "In Rabat, Morocco, officials approved more than 800 million dirhams for a battery park.",
        [("money", 800000000, None, "MAD", None, "more_than")],
        id="morocco-with-qualifier",
    ),
    pytest.param(
        "Morocco expects 12 billion dirham of car exports, twice what Morocco sold in 2020.",
        [("money", 12000000000, None, "MAD", None, None)],
        id="morocco-singular-dirham",
    ),
    pytest.param(
        "Morocco signed the deal with the UAE: Morocco gets 5 billion dirhams.",
        [("money", 5000000000, None, "MAD", None, None)],
        id="morocco-named-most",
    ),
    pytest.param(
        "Dubai's RTA in the United Arab Emirates will spend 2 billion dirhams on chargers.",
        [("money", 2000000000, None, "AED", None, None)],
        id="uae",
    ),
    pytest.param(
        "Abu Dhabi, UAE, pledged 500 million dirhams to the EV fund.",
        [("money", 500000000, None, "AED", None, None)],
        id="uae-abbreviated",
    ),
    pytest.param(
        "The fund holds 4 billion dirhams.",
        [("money", 4000000000, None, "AED", None, None)],
        id="no-country-stays-aed",
    ),
    pytest.param(
        "A Morocco plant cost 100 million UAE dirhams, Morocco's ministry said.",
        [("money", 100000000, None, "AED", None, None)],
        id="named-uae-dirhams-stay-aed",
    ),
    pytest.param(
        "Morocco's partner in Mexico pays 5 billion pesos; Morocco pays 2 billion dirhams.",
        [
            ("money", 5000000000, None, "MXN", None, None),
            ("money", 2000000000, None, "MAD", None, None),
        ],
        id="pesos-keep-their-own-country",
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [*SCALE_RANGE_CASES, *CURRENCY_AFTER_CASES, *HYPHEN_MONEY_CASES, *SIGNED_CASES, *DIRHAM_CASES],
)
def test_figure_mechanisms(nlp: Any, text: str, expected: list[Row]) -> None:
    assert rows(extract(text, nlp=nlp)) == expected


@pytest.mark.parametrize("text", NOT_MONEY)
def test_capitals_after_a_number_are_no_currency(nlp: Any, text: str) -> None:
    assert [row for row in rows(extract(text, nlp=nlp)) if row[0] == "money"] == []


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
