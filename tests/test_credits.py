"""Names in bylines and credit lines (evextract.credits): a table of the shapes news prints
them in, and sentences that only look like credits."""

from __future__ import annotations

import pytest

from evextract.credits import credit_names

TITLES = {"Correspondent", "Editor", "Reporter", "Analyst"}

CREDITS = [
    ("caps-pair", "By ZHANG WEI and HE Jiayi\n", [("ZHANG WEI", "byline"), ("HE Jiayi", "byline")]),
    ("with-place", "By LU Hanxiao in Liuzhou, Guangxi Zhuang\n", [("LU Hanxiao", "byline")]),
    (
        "segments",
        "Updated 2025-04-09 18:05 | By TAN Yuting in Chongqing | Editor: LI Mengjie",
        [("TAN Yuting", "byline"), ("LI Mengjie", "editor")],
    ),
    (
        "byline-and-photo",
        "By BAO Jinhua and ZHAO Rui | Photo by Wu Tegen/for this site",
        [("BAO Jinhua", "byline"), ("ZHAO Rui", "byline"), ("Wu Tegen", "photo")],
    ),
    ("photo-slash", "Photo/CHEN Kai: Vehicles roll off the line.", [("CHEN Kai", "photo")]),
    (
        "caption-credit",
        "Cells at the Karawang plant. Photo: ADI PRASETYO/for this site",
        [("ADI PRASETYO", "photo")],
    ),
    (
        "text-credit",
        "Text: NATTAYA SRISUK and DIMAS PRAKOSO",
        [("NATTAYA SRISUK", "byline"), ("DIMAS PRAKOSO", "byline")],
    ),
    (
        "two-cities",
        "By Kenji Morimoto in Tokyo and Laura Whitfield in Detroit",
        [("Kenji Morimoto", "byline"), ("Laura Whitfield", "byline")],
    ),
    ("apostrophe", "By MEGAN O'CONNELL", [("MEGAN O'CONNELL", "byline")]),
    ("particle", "By YOUSSEF EL AMRANI", [("YOUSSEF EL AMRANI", "byline")]),
    ("accents", "Photo: GÁBOR NAGY", [("GÁBOR NAGY", "photo")]),
    ("hyphenated", "By PARK SE-YEON\n", [("PARK SE-YEON", "byline")]),
    (
        "comma-list",
        "By Jane Doe, John Roe and Max Moe",
        [("Jane Doe", "byline"), ("John Roe", "byline"), ("Max Moe", "byline")],
    ),
    (
        "title-after",
        "By Harriet Calloway, Motoring Correspondent",
        [("Harriet Calloway", "byline")],
    ),
    ("reporting-by", "Reporting by Hiroko Tanabe; editing by staff", [("Hiroko Tanabe", "byline")]),
    ("edited-by", "Edited by Priya Raman", [("Priya Raman", "editor")]),
]

NOT_CREDITS = [
    ("by-a-date", "By the end of March, Chongqing had 246,000 charging piles."),
    ("by-a-year", "By 2030, BYD plans to sell cars in 100 countries."),
    ("by-contrast", "By contrast, Nio delivered fewer cars."),
    ("photo-provided", "Photo provided to this site: A driver charges an electric car."),
    ("agency-alone", "Photo: Xinhua"),
    ("by-in-sentence", "The plant was opened by Prime Minister Narendra Modi in March."),
    ("lowercase-words", "By value, exports rose 12 percent."),
    ("title-only", "By Staff Reporter"),
]


@pytest.mark.parametrize(("case", "text", "expected"), CREDITS, ids=[c[0] for c in CREDITS])
def test_credit_names(case: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = list(credit_names(text, TITLES))
    assert [(c.text, c.role) for c in found] == expected
    assert all(text[c.start : c.end] == c.text for c in found)


@pytest.mark.parametrize(("case", "text"), NOT_CREDITS, ids=[c[0] for c in NOT_CREDITS])
def test_not_credit_names(case: str, text: str) -> None:
    assert list(credit_names(text, TITLES)) == []
