"""A company's full legal name is one company (components/headed_names.py)."""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract
from evextract.components.headed_names import NameWords, body_names
from evextract.components.lexicon import EntityRules

CASES = [
    pytest.param(
        "Chongqing Urban Transportation Development and Investment (Group) Co., Ltd. will run"
        " the chargers.",
        "Chongqing Urban Transportation Development and Investment (Group)",
        id="and-and-bracket-inside",
    ),
    pytest.param(
        "The line was built by State Grid Ningxia Electric Power Co., Ltd. last year.",
        "State Grid Ningxia Electric Power",
        id="known-name-nested-with-a-province",
    ),
    pytest.param(
        "Magnets come from China Northern Rare Earth (Group) High-Tech Co., Ltd. in Baotou.",
        "China Northern Rare Earth (Group) High-Tech",
        id="bracket-and-hyphen",
    ),
    pytest.param(
        "The venture is Honda GS Yuasa EV Battery R&D Co., set up in Kyoto.",
        "Honda GS Yuasa EV Battery R&D",
        id="venture-named-after-its-parents",
    ),
    pytest.param(
        "Power is bought from PT PLN (Persero) under a 20-year contract.",
        "PT PLN (Persero)",
        id="indonesian-prefix-and-bracketed-form",
    ),
    pytest.param(
        "PT TBS Energi Utama Tbk will buy electric motorcycles.",
        "PT TBS Energi Utama Tbk",  # Tbk is no optional form in the guidelines: it stays
        id="indonesian-prefix-and-suffix",
    ),
    pytest.param(
        "Nickel from Taiyuan Iron & Steel (Group) Co., Ltd. goes to the smelter.",
        "Taiyuan Iron & Steel (Group)",
        id="ampersand",
    ),
    pytest.param(
        "Ampace (Xiamen) Technology Co., Ltd. makes cells for two-wheelers.",
        "Ampace (Xiamen) Technology",
        id="city-in-brackets",
    ),
    pytest.param(
        "Loans came from Industrial and Commercial Bank of China Limited and others.",
        "Industrial and Commercial Bank of China",
        id="bank-of-a-country",
    ),
    pytest.param(
        "Ordos Yuanjing Zhizhong Technology Co., Ltd. supplies the turbines.",
        "Ordos Yuanjing Zhizhong Technology",
        id="city-prefix",
    ),
]

# Names a legal form must not glue together, and known companies that keep their name.
COUNTER_CASES = [
    pytest.param(
        "Shares of Seres Group Co., Ltd. rose 4% on Monday.",
        {"Seres Group"},
        {"Shares of Seres Group"},
        id="of-after-a-common-word",
    ),
    pytest.param(
        "Honda and GS Yuasa Corp. formed a venture.",
        {"Honda", "GS Yuasa"},
        {"Honda and GS Yuasa"},
        id="and-between-two-names",
    ),
    pytest.param(
        "The Company said Chairman Wang Chuanfu Co. had left.",
        set(),
        {"The Company", "Chairman Wang Chuanfu"},
        id="title-and-function-word",
    ),
    pytest.param(
        "Contemporary Amperex Technology Co., Limited (CATL) will supply Ford.",
        {"CATL", "Ford"},
        set(),
        id="known-company-with-its-form",
    ),
    pytest.param(
        "Saudi Electricity Company (SEC) will build the chargers.",
        {"Saudi Electricity Company"},
        {"Saudi Electricity Company (SEC)"},
        id="acronym-after-is-not-a-form",
    ),
]


# "A and B Co., Ltd." names two companies when the article writes A alone elsewhere
# (headed_names._after_a_name_written_alone); a name of common words stays whole.
WRITTEN_ALONE_CASES = [
    pytest.param(
        "The venture was set up by CHN Energy Ningxia Coal Industry Co., Ltd., Qiji Energy and "
        "State Grid Ningxia Electric Power Co., Ltd. Qiji Energy swaps batteries.",
        {"Qiji Energy", "State Grid Ningxia Electric Power"},
        {"Qiji Energy and State Grid Ningxia Electric Power"},
        id="a-list-of-three",
    ),
    pytest.param(
        "Xinwangda and Sunwoda Electric Vehicle Battery Co., Ltd. signed. Xinwangda said so.",
        {"Sunwoda Electric Vehicle Battery"},
        {"Xinwangda and Sunwoda Electric Vehicle Battery"},
        id="a-pair",
    ),
    pytest.param(
        "Ningbo Ronbay and Hunan Zoomwe Zhengyuan Co., Ltd. will supply. Ningbo Ronbay grew.",
        {"Hunan Zoomwe Zhengyuan"},
        {"Ningbo Ronbay and Hunan Zoomwe Zhengyuan"},
        id="two-words-before-and",
    ),
    pytest.param(
        "Loans came from Industrial and Commercial Bank of China Limited. Industrial output rose.",
        {"Industrial and Commercial Bank of China"},
        set(),
        id="a-common-word-written-alone-elsewhere",
    ),
    pytest.param(
        "Chongqing Urban Transportation Development and Investment (Group) Co., Ltd. invested "
        "in Chongqing.",
        {"Chongqing Urban Transportation Development and Investment (Group)"},
        set(),
        id="a-place-written-alone-is-only-part-of-the-words-before-and",
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), WRITTEN_ALONE_CASES)
def test_a_name_written_alone_ends_a_list(
    nlp: Any, text: str, present: set[str], absent: set[str]
) -> None:
    names = company_names(extract(text, nlp=nlp))
    assert present <= names, f"missing {present - names} in {names}"
    assert not (absent & names), f"glued {absent & names}"


def company_names(record: Any) -> set[str]:
    return {e.name for e in record.entities if e.type == "company"}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_legal_name_is_one_company(nlp: Any, text: str, expected: str) -> None:
    assert expected in company_names(extract(text, nlp=nlp))


@pytest.mark.parametrize(("text", "present", "absent"), COUNTER_CASES)
def test_legal_forms_do_not_glue_names(
    nlp: Any, text: str, present: set[str], absent: set[str]
) -> None:
    names = company_names(extract(text, nlp=nlp))
    assert present <= names, f"missing {present - names} in {names}"
    assert not (absent & names), f"glued {absent & names}"


BODY_CASES = [
    pytest.param(
        "Wei Jianfei of the Guangxi Zhuang Autonomous Region Department of Commerce spoke.",
        "Guangxi Zhuang Autonomous Region Department of Commerce",
        id="region-and-portfolio",
    ),
    pytest.param(
        "Data from the Liuzhou Municipal Bureau of Statistics show output rose.",
        "Liuzhou Municipal Bureau of Statistics",
        id="municipal-bureau",
    ),
    pytest.param(
        "Exports through Nanning Customs doubled in May.", "Nanning Customs", id="customs"
    ),
    pytest.param(
        "The Inner Mongolia Autonomous Region Energy Bureau approved the grid link.",
        "Inner Mongolia Autonomous Region Energy Bureau",
        id="head-after-a-company-head-word",
    ),
    pytest.param(
        "The Ordos Municipal People's Government Information Office held a briefing.",
        "Ordos Municipal People's Government Information Office",
        id="peoples-government",
    ),
    pytest.param(
        "Ma Jun, director of the Ningdong Base Management Committee, said so.",
        "Ningdong Base Management Committee",
        id="committee-of-a-base",
    ),
    pytest.param(
        "The CPC Yibin Municipal Committee set the target.",
        "CPC Yibin Municipal Committee",
        id="known-body-nested",
    ),
    pytest.param(
        "Rules come from the Ministry of Industry and Information Technology in Beijing.",
        "Ministry of Industry and Information Technology",
        id="portfolio-with-and",
    ),
    pytest.param(
        "The Fujian Provincial Department of Commerce said exports rose.",
        "Fujian Provincial Department of Commerce",
        id="known-department-nested",
    ),
]

BODY_COUNTER_CASES = [
    pytest.param(
        "Sun Huibin, President of FAW Group's Strategy and Cooperation Department, signed.",
        "Strategy and Cooperation Department",
        id="a-companys-department",
    ),
    pytest.param(
        "The Department of Commerce and Tesla disagreed.",
        "Department of Commerce and Tesla",
        id="portfolio-stops-at-a-name",
    ),
    pytest.param("The Commission approved it.", "Commission", id="head-alone"),
    pytest.param(
        "CATL's Investment Committee approved the plant.",
        "Investment Committee",
        id="possessive-before",
    ),
    pytest.param(
        "Robin Zeng, Chairman of the Board, spoke.", "Chairman of the Board", id="a-title"
    ),
]


def organization_names(record: Any) -> set[str]:
    return {e.name for e in record.entities if e.type == "organization"}


@pytest.mark.parametrize(("text", "expected"), BODY_CASES)
def test_a_body_name_is_one_organization(nlp: Any, text: str, expected: str) -> None:
    assert expected in organization_names(extract(text, nlp=nlp))


def name_words() -> NameWords:
    rules = EntityRules.load()
    return NameWords(
        rules.legal_forms,
        rules.company_heads,
        rules.organization_heads,
        rules.common_words,
        rules.title_words,
    )


@pytest.mark.parametrize(("text", "absent"), BODY_COUNTER_CASES)
def test_body_heads_do_not_make_bodies(nlp: Any, text: str, absent: str) -> None:
    # The scan itself, not the whole pipeline: the base model may still see such a name.
    found = {span.text for span in body_names(nlp(text), name_words())}
    assert absent not in found, found
