"""Names in bylines and credit lines (evextract.credits): a table of the shapes news prints
them in, and sentences that only look like credits."""

from __future__ import annotations

import pytest

from evextract.credits import credit_names

TITLES = {"Correspondent", "Editor", "Reporter", "Analyst"}
COMMON = {"green", "growth", "the", "union", "cabinet", "liu", "yang", "ma", "park", "power"}
PLACES = {"NEW DELHI", "MUMBAI", "SEOUL"}


def _is_common(word: str) -> bool:
    return word.lower() in COMMON


def _is_place(name: str) -> bool:
    return name in PLACES


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
    # names alone on a line of the article's head, beside a dateline or a date
    (
        "alone-after-published",
        "Swap trucks take over\n\nPublished: 2025-06-12 10:08\n\nWANG Lei, SUN Mei\n\nHEFEI, "
        "June 12 -- At a station",
        [("WANG Lei", "byline"), ("SUN Mei", "byline")],
    ),
    (
        "alone-before-a-city-line",
        "Subsidy halved\n\nRAHUL IYER\nMUMBAI\nSeptember 12, 2024\n\nThe cabinet met.",
        [("RAHUL IYER", "byline")],
    ),
    (
        "alone-with-an-outlet",
        "Plant to triple output\n\nAnita Desai | Business Line\nUpdated: 14 Aug 2025\n\nPUNE: "
        "Sales",
        [("Anita Desai", "byline")],
    ),
    (
        "alone-between-date-and-dateline",
        "Exports climb\n\n2025-07-31 | Xiamen | Business\n\nHUANG Jie and XU Wen\n\nXIAMEN, July "
        "31 -- Exports",
        [("HUANG Jie", "byline"), ("XU Wen", "byline")],
    ),
    (
        "alone-before-a-dash-dateline",
        "Battery plant opens\nKim Tae-hoon\nSEOUL — LG Energy Solution opened",
        [("Kim Tae-hoon", "byline")],
    ),
    (
        "surname-first-of-common-words",
        "Swap trucks\n\nPublished: 2025-06-12 10:08\n\nLIU Yang, MA Xiaoling\n\nText.",
        [("LIU Yang", "byline"), ("MA Xiaoling", "byline")],
    ),
    (
        "outlet-after-a-date",
        "Honda trims spending\n\nMay 20, 2025 | KYODO NEWS\n\nTOKYO -- Honda said",
        [("KYODO NEWS", "byline")],
    ),
    (
        "author-after-a-date",
        "Ola expands\n\n14 Aug 2025 | Deepa Raghunathan\n\nBENGALURU -- Ola said",
        [("Deepa Raghunathan", "byline")],
    ),
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
    ("headline-of-common-words", "Green Growth\n\nSHENZHEN, May 3 -- BYD launched a car."),
    ("a-city-line-itself", "NEW DELHI\nSeptember 12, 2024\n\nThe cabinet met."),
    ("a-determiner-first", "Karnataka plan\nThe Union Cabinet\nMay 3, 2025\n\nText."),
    ("not-in-the-head", "\n".join(["Line of text."] * 14) + "\nJane Doe\nMay 3, 2025\n"),
    ("a-sentence-beside-a-date", "Sales rose.\nTesla cut prices again\nMay 3, 2025"),
    ("a-section-after-a-date", "Exports\n\nMay 3, 2025 | updated daily\n\nText."),
    ("a-caps-headline-of-common-words", "GREEN POWER\n\nMay 3, 2025\n\nText."),
]


@pytest.mark.parametrize(("case", "text", "expected"), CREDITS, ids=[c[0] for c in CREDITS])
def test_credit_names(case: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = list(credit_names(text, TITLES, _is_common, _is_place))
    assert [(c.text, c.role) for c in found] == expected
    assert all(text[c.start : c.end] == c.text for c in found)


@pytest.mark.parametrize(("case", "text"), NOT_CREDITS, ids=[c[0] for c in NOT_CREDITS])
def test_not_credit_names(case: str, text: str) -> None:
    assert list(credit_names(text, TITLES, _is_common, _is_place)) == []
