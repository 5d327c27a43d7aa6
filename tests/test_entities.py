"""Golden cases for entity typing and canonical names, on the full pipeline.

Each case is a sentence we wrote ourselves and the (type, name) pairs that must
appear, plus names that must not appear under any type.
"""

from __future__ import annotations

from typing import Any

import pytest

from evextract import extract

CASES = [
    pytest.param(
        "NIO's new plant opened on Monday. NIO Inc. said Nio's deliveries rose.",
        {("company", "NIO")},
        {"NIO's", "Nio's"},
        id="possessives-and-legal-suffix-one-entity",
    ),
    pytest.param(
        "HEFEI, July 2 (Xinhua) -- The city of Hefei in east China's Anhui Province grew fast.",
        {("city", "Hefei"), ("organization", "Xinhua"), ("region", "Anhui"), ("country", "China")},
        {"east China", "HEFEI"},
        id="dateline-agency-compass-province",
    ),
    pytest.param(
        "SHANGHAI (Reuters) - Li Auto said deliveries hit a record in November.",
        {("city", "Shanghai"), ("organization", "Reuters"), ("company", "Li Auto")},
        set(),
        id="dateline-with-bracketed-agency",
    ),
    pytest.param(
        "DE SOTO, Kan. — Officials gathered at Panasonic's battery factory in De Soto.",
        {("city", "De Soto"), ("company", "Panasonic")},
        {"DE SOTO"},
        id="dateline-of-two-words-opening-the-text",
    ),
    pytest.param(
        "SAN FRANCISCO — Tesla said deliveries rose.",
        {("city", "San Francisco"), ("company", "Tesla")},
        {"SAN FRANCISCO"},
        id="dateline-of-two-words-before-a-dash",
    ),
    pytest.param(
        "ELECTRIC CARS — a review of the market, with BYD and Tesla.",
        {("company", "BYD"), ("company", "Tesla")},
        {"ELECTRIC CARS", "Electric Cars"},
        id="capitals-before-a-dash-that-name-no-place",
    ),
    pytest.param(
        "Sun Huibin, President of FAW Group's Strategy Department, signed the deal with Nio.",
        {("person", "Sun Huibin"), ("company", "FAW Group"), ("company", "NIO")},
        {"President"},
        id="appositive-title-makes-a-person",
    ),
    pytest.param(
        "William Li, Founder, Chairman, and CEO of Nio, spoke. Li said the swap network grows.",
        {("person", "William Li")},
        {"Founder", "Chairman", "Li"},
        id="titles-are-not-entities-surname-joins",
    ),
    pytest.param(
        "Hyundai is building its Metaplant near Savannah, Georgia, in the United States.",
        {("region", "Georgia"), ("country", "United States"), ("city", "Savannah")},
        set(),
        id="georgia-the-state-in-us-context",
    ),
    pytest.param(
        "Georgia and Armenia signed a transit pact in Tbilisi, the Georgian capital.",
        {("country", "Georgia"), ("country", "Armenia"), ("city", "Tbilisi")},
        set(),
        id="georgia-the-country",
    ),
    pytest.param(
        "Rivian builds the R2 at its factory in Normal, Illinois.",
        {("company", "Rivian"), ("city", "Normal"), ("region", "Illinois")},
        set(),
        id="normal-illinois",
    ),
    pytest.param(
        "Zhejiang Haoqing Battery Technology Co., Ltd. will supply cells to Geely.",
        {("company", "Zhejiang Haoqing Battery Technology")},
        set(),
        id="unknown-company-by-legal-suffix",
    ),
    pytest.param(
        "The Jiangsu Provincial Department of Industry and Information Technology released data.",
        {("organization", "Jiangsu Provincial Department of Industry and Information Technology")},
        set(),
        id="unknown-government-body",
    ),
    pytest.param(
        "Hefei’s Emergence as a Key Player in the Electric Vehicle Industry\n\nHefei grew fast.",
        {("city", "Hefei")},
        {"Hefei’s Emergence", "Electric Vehicle Industry"},
        id="title-case-heading-is-not-a-name",
    ),
    pytest.param(
        "The Global Investment Council (GIC) hosted the talks. GIC said more were planned.",
        {("organization", "Global Investment Council")},
        {"GIC"},
        id="acronym-joins-its-definition",
    ),
    pytest.param(
        "A worker checks a battery pack at the plant in Wuhu, east China's Anhui Province. "
        "(Xinhua/Zhou Mu)",
        {("person", "Zhou Mu"), ("organization", "Xinhua"), ("city", "Wuhu")},
        set(),
        id="photo-credit",
    ),
    pytest.param(
        "Ford Motor Company will cut jobs. Ford said the EV unit lost money.",
        {("company", "Ford")},
        set(),
        id="short-name-and-long-name-one-entity",
    ),
    pytest.param(
        "The European Commission adopted the duties. The Commission said talks go on.",
        {("organization", "European Commission")},
        {"Commission"},
        id="the-head-word-refers-back",
    ),
    pytest.param(
        "Hyundai opened its Georgia Meta Plant, its biggest in the United States.",
        {("region", "Georgia"), ("facility", "Meta Plant")},
        {"Georgia Meta Plant"},
        id="place-before-a-facility-name",
    ),
    pytest.param(
        "Honda will build the plant in Alliston, Ont., north of Toronto.",
        {("region", "Ontario"), ("city", "Toronto")},
        {"Ont"},
        id="abbreviated-province",
    ),
    pytest.param(
        "Canberra will widen the Driving the Nation Fund, Energy Minister Chris Bowen said.",
        {("person", "Chris Bowen")},
        {"Driving the Nation Fund"},
        id="a-named-fund-is-a-programme",
    ),
    pytest.param(
        "LG Energy Solution CEO Kim Dong-myung spoke in Seoul. Kim said demand was recovering.",
        {("person", "Kim Dong-myung"), ("city", "Seoul")},
        {"Kim"},
        id="a-surname-is-not-a-town",
    ),
    pytest.param(
        "BMW builds in Debrecen, in Hungary's Hajdú-Bihar county, and in Straubing-Bogen district.",
        {("city", "Hajdú-Bihar"), ("city", "Straubing-Bogen"), ("city", "Debrecen")},
        {"Hajdú-Bihar county"},
        id="counties-and-districts-are-cities",
    ),
    pytest.param(
        "Nobody reading the report found the numbers normal.",
        set(),
        {"Reading", "Normal"},
        id="lowercase-words-are-not-places",
    ),
    pytest.param(
        "Industry and Technology Minister Mehmet Fatih Kacir and the Minister of Industry and "
        "Mineral Resources met Chief Minister Siddaramaiah.",
        {("person", "Mehmet Fatih Kacir"), ("person", "Siddaramaiah")},
        {"Industry and Technology", "Technology", "Minister of Industry", "Fatih Kacir"},
        id="offices-are-titles-and-first-names-stay",
    ),
    pytest.param(
        "Registrations fell, said Sigrid de Vries, ACEA director general.",
        {("person", "Sigrid de Vries"), ("organization", "ACEA")},
        set(),
        id="name-with-a-particle-set-off-by-a-title",
    ),
    pytest.param(
        "CALB will build the plant in the Sines Industrial and Logistics Zone, and Hyundai's "
        "cells come from Karawang New Industry City in Indonesia.",
        {
            ("facility", "Sines Industrial and Logistics Zone"),
            ("facility", "Karawang New Industry City"),
        },
        {"Sines Industrial", "Logistics Zone"},
        id="industrial-zones-and-industry-cities-are-facilities",
    ),
    pytest.param(
        "The plant in Bekasi Regency got land through the Karnataka Industrial Areas "
        "Development Board (KIADB).",
        {
            ("city", "Bekasi Regency"),
            ("organization", "Karnataka Industrial Areas Development Board"),
        },
        {"Karnataka Industrial Areas Development"},
        id="regencies-and-boards",
    ),
    pytest.param(
        "The Department of Energy lent $1 billion through its Advanced Technology Vehicles "
        "Manufacturing (ATVM) Program, on top of the Clean Technology Manufacturing investment "
        "tax credit.",
        {("organization", "Department of Energy")},
        {"Advanced Technology Vehicles Manufacturing", "Clean Technology Manufacturing"},
        id="programmes-are-not-bodies",
    ),
    pytest.param(
        "Yazeed Al-Humied, head of MENA investments at PIF, spoke.",
        {("person", "Yazeed Al-Humied"), ("company", "PIF")},
        {"MENA", "Mena"},
        id="a-market-region-is-no-company",
    ),
    pytest.param(
        "Honda has a line at its Yokohama Plant in Kanagawa Prefecture, and Ola a plant in "
        "Chhatrapati Sambhajinagar district of Maharashtra, backed by Chinese banks. Stellantis "
        "said the Figueruelas factory employs 5,400 people.",
        {("region", "Kanagawa"), ("region", "Maharashtra"), ("facility", "Yokohama Plant")},
        {"Chinese", "Figueruelas factory"},
        id="regions-the-model-misses-and-lowercase-plants",
    ),
    pytest.param(
        "Sales rose, K. Gopala Desikan, chief financial officer of TVS Motor, told analysts. "
        "In Detroit, General Motors, chief rival of Ford, agreed.",
        {("person", "K. Gopala Desikan"), ("company", "General Motors")},
        {"Detroit, General Motors"},
        id="a-name-with-initials-set-off-by-a-title",
    ),
]


def names_by_type(record: Any) -> set[tuple[str, str]]:
    return {(entity.type, entity.name) for entity in record.entities}


@pytest.mark.parametrize(("text", "expected", "forbidden"), CASES)
def test_entity_cases(
    nlp: Any, text: str, expected: set[tuple[str, str]], forbidden: set[str]
) -> None:
    record = extract(text, nlp=nlp)
    found = names_by_type(record)
    assert expected <= found, f"missing {expected - found}; found {found}"
    standalone = {entity.name for entity in record.entities}
    assert not (forbidden & standalone), f"should not be entities: {forbidden & standalone}"


def test_every_mention_is_a_slice_of_the_text(nlp: Any) -> None:
    text = "BYD’s chairman Wang Chuanfu met Tesla in Berlin, Germany. BYD Co., Ltd. agreed."
    for entity in extract(text, nlp=nlp).entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_knowledge_base_can_be_switched_off() -> None:
    from evextract import load_pipeline

    nlp = load_pipeline(knowledge_base=False)
    assert "evextract_knowledge_base" not in nlp.pipe_names
    record = extract("Sinopec will build 500 swap stations with CATL in China.", nlp=nlp)
    assert record.pipeline is not None and record.pipeline.knowledge_base == "off"


BYLINE_AND_DESCRIPTION_CASES = [
    pytest.param(
        "By Sophie Nguyen\n\nEvie Networks will build 160 chargers.",
        {("person", "Sophie Nguyen")},
        id="byline",
    ),
    pytest.param(
        "Output rose.\n(Reporting by Hiroko Tanabe; Editing by Leo Marsh)",
        {("person", "Hiroko Tanabe"), ("person", "Leo Marsh")},
        id="reuters-credit-line",
    ),
    pytest.param(
        "Ather will build the plant at Bidkin in Maharashtra's Chhatrapati Sambhajinagar district.",
        {("city", "Chhatrapati Sambhajinagar"), ("region", "Maharashtra")},
        id="lowercase-district-after-a-name",
    ),
    pytest.param(
        "Albemarle mines lithium at the Greenbushes mine and Tesla opened Gigafactory Mexico.",
        {("facility", "Greenbushes"), ("facility", "Gigafactory Mexico")},
        id="mine-and-facility-head-first",
    ),
    pytest.param(
        "By ZHANG WEI and HE Jiayi\n\nCATL shipped more cells to Europe in May.",
        {("person", "ZHANG WEI"), ("person", "HE Jiayi")},
        id="byline-in-capitals",
    ),
    pytest.param(
        "Vale Indonesia expanded the Sorowako mine.\nPhoto: ADI PRASETYO/for this site",
        {("person", "ADI PRASETYO")},
        id="photo-credit-in-capitals",
    ),
    pytest.param(
        "Editor: Maria Costa Lima\n\nWEG will supply motors to Volvo Cars.",
        {("person", "Maria Costa Lima")},
        id="editor-credit-line",
    ),
    pytest.param(
        "Great Wall Motor opened a plant in Ribeirão Pires, São Paulo state, in August.",
        {("region", "São Paulo"), ("city", "Ribeirão Pires")},
        id="state-after-a-name-shared-with-a-city",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BYLINE_AND_DESCRIPTION_CASES)
def test_bylines_and_descriptions(nlp: Any, text: str, expected: set[tuple[str, str]]) -> None:
    found = names_by_type(extract(text, nlp=nlp))
    assert expected <= found, f"missing {expected - found}; found {found}"


# A lone capitalized common word is a heading, a list label or a portfolio, not a company
# (tools/common_words.py): the words of the first set must not be entities at all.
COMMON_WORD_CASES = [
    pytest.param("Prices\n\nLithium carbonate fell 12% in March.", {"Prices"}, id="heading"),
    pytest.param(
        "Offtake: Ganfeng will buy 40% of the output.\nBuyer: Tesla.", {"Offtake"}, id="label"
    ),
    pytest.param(
        "Daniela Schmitt, Minister of Economy, Transport, Agriculture and Viticulture, spoke.",
        {"Economy", "Transport", "Agriculture", "Viticulture"},
        id="portfolio-list",
    ),
    pytest.param(
        "| Segment | Units |\n|---|---|\n| Diesel | 4,100 |\n| Hybrid | 9,800 |",
        {"Diesel", "Hybrid"},
        id="table-rows",
    ),
    pytest.param(
        "Charging\n\nIonity opened 40 stations in Spain.", {"Charging"}, id="one-word-line"
    ),
    pytest.param(
        "Recovery money paid for the plant, and Mobility grew 8%.",
        {"Recovery", "Mobility"},
        id="sentence-initial-and-inner",
    ),
    pytest.param("Technology\nCATL showed a sodium-ion cell.", {"Technology"}, id="section-name"),
    pytest.param(
        "Ashwini Vaishnaw, Minister of Railways and Electronics, said the scheme works.",
        {"Railways", "Electronics"},
        id="indian-portfolio",
    ),
]

# Names that are common words yet names: known ones, acronyms, longer names, surnames.
COMMON_WORD_COUNTER_CASES = [
    pytest.param(
        "Ford will cut prices of the Mustang Mach-E.", ("company", "Ford"), id="kb-company"
    ),
    pytest.param("Shell opened 300 chargers in London.", ("company", "Shell"), id="kb-common-word"),
    pytest.param(
        "The site is run by KEBA, an Austrian charger maker.", ("company", "KEBA"), id="acronym"
    ),
    pytest.param(
        "Great Wall Automobile exported 30,000 cars.",
        ("company", "Great Wall Automobile"),
        id="multi-word",
    ),
    pytest.param(
        "Motor Coach Industries delivered 40 buses.",
        ("company", "Motor Coach Industries"),
        id="all-common-words-with-a-head",
    ),
    pytest.param(
        "Sarah Young leads the unit at BYD Europe. Young said demand was strong.",
        ("person", "Sarah Young"),
        id="surname-of-a-full-name",
    ),
]


@pytest.mark.parametrize(("text", "not_names"), COMMON_WORD_CASES)
def test_a_lone_common_word_is_no_name(nlp: Any, text: str, not_names: set[str]) -> None:
    found = {name for _, name in names_by_type(extract(text, nlp=nlp))}
    assert not (found & not_names), f"{found & not_names} taken for names"


@pytest.mark.parametrize(("text", "expected"), COMMON_WORD_COUNTER_CASES)
def test_names_that_are_common_words_stay(nlp: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in names_by_type(extract(text, nlp=nlp))


# A car model the model takes for a person: a number is in no one's name.
@pytest.mark.parametrize(
    "text",
    [
        "\n 8. Kia EV6            2,190\n 9. Polestar 2          2,046\n10. Tesla Model 3"
        "        1,988\n",
        "Best sellers\n  BYD Atto 1          12,406\n  Wuling Air ev          9,870\n",
        "Ranking:\n3. Hyundai Ioniq 5      1,204\n4. Renault 5      1,102\n",
        "Registrations of the Tesla Model 3 rose, ahead of the Skoda Enyaq.",
    ],
)
def test_a_model_with_a_number_is_no_person(nlp: Any, text: str) -> None:
    people = {name for kind, name in names_by_type(extract(text, nlp=nlp)) if kind == "person"}
    assert not any(any(ch.isdigit() for ch in name) for name in people), people


# An exchange's code and the ticker after it are page furniture (name_context.is_exchange_code)
TICKER_CASES = [
    pytest.param("XPeng Inc. (NYSE: XPEV and HKEX: 9868) reported results.", {"NYSE", "HKEX"}),
    pytest.param("LG Energy Solution (KRX: 373220) said profit rose.", {"KRX"}),
    pytest.param("Shares of Rivian (Nasdaq: RIVN) rose 4%.", {"Nasdaq", "RIVN"}),
    pytest.param("Pilbara Minerals (ASX: PLS), the miner, grew.", {"ASX", "PLS"}),
    pytest.param("Toyota (TYO: 7203) raised its forecast.", {"TYO"}),
    pytest.param("CATL (SZSE: 300750) posted record profit.", {"SZSE"}),
    pytest.param(
        "Tata Motors (BSE: 500570, NSE: TATAMOTORS) gained.", {"BSE", "NSE", "TATAMOTORS"}
    ),
    pytest.param("Lucid Group, Inc. (NASDAQ: LCID) cut its outlook.", {"NASDAQ", "LCID"}),
]

TICKER_COUNTER_CASES = [
    pytest.param("Volvo: Sales rose 5% in May.", "Volvo", id="a-heading-colon"),
    pytest.param(
        "Update from CATL: BYD, Tesla and Nio cut prices.", "CATL", id="a-colon-then-names"
    ),
    pytest.param("Nio (NYSE: NIO) delivered 20,000 cars.", "NIO", id="a-ticker-that-is-a-name"),
]


@pytest.mark.parametrize(("text", "not_names"), TICKER_CASES)
def test_exchange_codes_and_tickers_are_no_names(nlp: Any, text: str, not_names: set[str]) -> None:
    names = {m.text for e in extract(text, nlp=nlp).entities for m in e.mentions}
    assert not names & not_names, names


@pytest.mark.parametrize(("text", "name"), TICKER_COUNTER_CASES)
def test_a_colon_alone_keeps_the_name(nlp: Any, text: str, name: str) -> None:
    assert name in {e.name for e in extract(text, nlp=nlp).entities}


# A bracketed one-word name right after a body's name is that body's other name
# (span_labels.acronyms_defined, name_context.abbreviates)
BRACKETED_NAME_CASES = [
    pytest.param("Sales rose, the Global Investment Council (GIC) said.", "GIC", id="acronym"),
    pytest.param(
        "Sales rose 12%, the Brazilian Electric Vehicle Association (ABVE) said.",
        "ABVE",
        id="acronym-in-portuguese",
    ),
    pytest.param(
        "Gecex, part of the Chamber of Foreign Trade (Camex), cut duties.", "Camex", id="title-word"
    ),
    pytest.param(
        "The loss was found by the Federal Audit Office (Bundesrechnungshof) in Bonn.",
        "Bundesrechnungshof",
        id="german-name",
    ),
    pytest.param(
        "The Moroccan Investment and Export Development Agency (AMDIE) reported it.",
        "AMDIE",
        id="french-acronym",
    ),
    pytest.param(
        "Shipments rose, the China Passenger Car Association (CPCA) said.", "CPCA", id="known"
    ),
    pytest.param(
        "The Society of Indian Automobile Manufacturers (SIAM) said sales fell.",
        "SIAM",
        id="acronym-with-of",
    ),
    pytest.param(
        "Loans came from the Export-Import Bank of Korea (KEXIM) and others.", "KEXIM", id="bank"
    ),
]

BRACKETED_COUNTER_CASES = [
    pytest.param("CATL (Ningde) raised prices.", "Ningde", id="a-place-in-brackets"),
    pytest.param("BYD Auto Industry (BYD) grew.", "BYD", id="a-known-name-stays-itself"),
]


@pytest.mark.parametrize(("text", "other_name"), BRACKETED_NAME_CASES)
def test_a_bracketed_name_is_the_same_body(nlp: Any, text: str, other_name: str) -> None:
    entities = extract(text, nlp=nlp).entities
    holders = [e for e in entities if other_name in {m.text for m in e.mentions}]
    assert len(holders) == 1 and len({m.text for m in holders[0].mentions}) >= 2, entities


@pytest.mark.parametrize(("text", "name"), BRACKETED_COUNTER_CASES)
def test_a_bracketed_place_or_known_name_stays_apart(nlp: Any, text: str, name: str) -> None:
    assert name in {e.name for e in extract(text, nlp=nlp).entities}


# A one-word short form after ", or" is the same body's other name when it is made of the
# starts of that name's words (span_labels._named_before_or, name_context.short_form_of).
SHORT_FORM_AFTER_OR_CASES = [
    pytest.param("Hyundai Motor Group, or HMG, said sales rose.", "HMG", id="initials"),
    pytest.param(
        "The fund is run by Public Investment Fund, or PIF, in Riyadh.", "PIF", id="a-fund"
    ),
    pytest.param(
        "Nickel will come from miner PT Aneka Tambang Tbk, or Antam, which holds the licences.",
        "Antam",
        id="syllables-past-a-legal-prefix",
    ),
    pytest.param(
        "Cells will go to Automotive Cells Company, or ACC, from 2026.", "ACC", id="a-venture"
    ),
    pytest.param(
        "The loan came from the European Investment Bank, or EIB, last week.", "EIB", id="a-bank"
    ),
    pytest.param(
        "Power comes from Perusahaan Listrik Negara, or PLN, the state utility.",
        "PLN",
        id="indonesian-name",
    ),
    pytest.param(
        "The rules were set by the National Development and Reform Commission, or NDRC.",
        "NDRC",
        id="a-ministry-with-and",
    ),
    pytest.param(
        "Aluminium will come from Indonesia Asahan Aluminium, or Inalum, a state firm.",
        "Inalum",
        id="syllables-of-three-words",
    ),
]

SHORT_FORM_AFTER_OR_COUNTER_CASES = [
    pytest.param("Buyers can choose Tesla, or BYD, for the fleet.", "BYD", id="an-alternative"),
    pytest.param("Orders came from Nissan, or Renault, analysts said.", "Renault", id="two-names"),
    pytest.param(
        "Sales rose at General Motors, or at least at its Chevrolet brand.",
        "Chevrolet",
        id="or-at-least",
    ),
]


@pytest.mark.parametrize(("text", "short"), SHORT_FORM_AFTER_OR_CASES)
def test_a_short_form_after_or_is_the_same_body(nlp: Any, text: str, short: str) -> None:
    entities = extract(text, nlp=nlp).entities
    holders = [e for e in entities if short in {m.text for m in e.mentions}]
    assert len(holders) == 1 and len({m.text for m in holders[0].mentions}) == 2, entities


@pytest.mark.parametrize(("text", "other"), SHORT_FORM_AFTER_OR_COUNTER_CASES)
def test_an_alternative_after_or_stays_apart(nlp: Any, text: str, other: str) -> None:
    entities = extract(text, nlp=nlp).entities
    assert [{m.text for m in e.mentions} for e in entities if e.name == other] == [{other}]


# A known name followed only by legal forms is mentioned as written, and stays the known
# company (entities.EntityTyper._headed_names_over_nested, span_labels.widened).
KNOWN_NAME_WITH_FORMS_CASES = [
    pytest.param("Shares of PT Aneka Tambang Tbk fell.", "PT Aneka Tambang Tbk", id="pt-tbk"),
    pytest.param(
        "PT Vale Indonesia Tbk, Zhejiang Huayou Cobalt Co., Ltd. and Ford Motor Co build a plant.",
        "Zhejiang Huayou Cobalt Co., Ltd.",
        id="co-ltd-in-a-list",
    ),
    pytest.param(
        "PT Vale Indonesia Tbk said output rose.", "PT Vale Indonesia Tbk", id="known-with-tbk"
    ),
    pytest.param("Honda Motor Co., Ltd. raised its forecast.", "Honda Motor Co., Ltd.", id="jp"),
    pytest.param("Volkswagen AG said deliveries rose.", "Volkswagen AG", id="ag"),
    pytest.param("Stellantis N.V. booked a loss.", "Stellantis N.V.", id="nv"),
    pytest.param("Northvolt AB filed for bankruptcy.", "Northvolt AB", id="ab"),
    pytest.param(
        "Samsung SDI Co., Ltd. will build the plant.", "Samsung SDI Co., Ltd.", id="korean"
    ),
    pytest.param("Seres Group Co., Ltd. and Huawei signed.", "Seres Group Co., Ltd.", id="group"),
]

KNOWN_NAME_WITH_FORMS_COUNTER_CASES = [
    pytest.param("The Tesla Board met on Monday.", "Tesla Board", "organization", id="a-body"),
    pytest.param("Toyota Tsusho Corp bought the stake.", "Toyota Tsusho", "company", id="a-word"),
]


@pytest.mark.parametrize(("text", "written"), KNOWN_NAME_WITH_FORMS_CASES)
def test_a_known_name_with_legal_forms_is_mentioned_as_written(
    nlp: Any, text: str, written: str
) -> None:
    holders = [
        e for e in extract(text, nlp=nlp).entities if written in {m.text for m in e.mentions}
    ]
    assert len(holders) == 1 and holders[0].type == "company"
    assert holders[0].id is not None and holders[0].id.startswith("kb:"), holders


@pytest.mark.parametrize(("text", "name", "kind"), KNOWN_NAME_WITH_FORMS_COUNTER_CASES)
def test_a_longer_name_is_its_own(nlp: Any, text: str, name: str, kind: str) -> None:
    assert (kind, name) in {(e.type, e.name) for e in extract(text, nlp=nlp).entities}


# Common words naming a minister's or secretary's portfolio are no company, before the
# title or after its "of" (entities.EntityTyper._names_a_portfolio, name_context.in_a_portfolio).
PORTFOLIO_CASES = [
    pytest.param(
        "Energy and Mineral Resources Minister Bahlil Lahadalia spoke in Jakarta.",
        "Bahlil Lahadalia",
        id="an-ambiguously-known-company-name",
    ),
    pytest.param(
        "Federal Climate Change and Energy Minister Chris Bowen said the plant would open.",
        "Chris Bowen",
        id="three-words-and-one",
    ),
    pytest.param(
        "Ashwini Vaishnaw, Minister of Railways, Information and Broadcasting, and Electronics "
        "and Information Technology, said the scheme would help.",
        "Ashwini Vaishnaw",
        id="a-long-portfolio-after-of",
    ),
    pytest.param(
        "Union Minister of Heavy Industries and Steel H.D. Kumaraswamy said the scheme works.",
        "H.D. Kumaraswamy",
        id="a-company-head-in-the-portfolio",
    ),
    pytest.param(
        "Science and Technology Minister Paul Brown visited the lab.", "Paul Brown", id="science"
    ),
    pytest.param(
        "Trade and Industry Secretary Jonathan Reynolds visited the plant.",
        "Jonathan Reynolds",
        id="a-secretary",
    ),
    pytest.param(
        "Minister of Investment and Downstream Industry Rosan Roeslani spoke.",
        "Rosan Roeslani",
        id="downstream-industry",
    ),
    pytest.param(
        "Environment and Climate Change Minister Steven Guilbeault said so.",
        "Steven Guilbeault",
        id="environment-and-climate-change",
    ),
]

PORTFOLIO_COUNTER_CASES = [
    pytest.param(
        "BOI Secretary-General Narit Therdsteerasukdi told reporters it would grow.",
        "BOI",
        id="an-acronym-owns-the-title",
    ),
    pytest.param(
        "Mineral Resources and Albemarle run the Wodgina mine.", "Mineral Resources", id="no-title"
    ),
    pytest.param(
        "The Ministry of Heavy Industries said so.", "Ministry of Heavy Industries", id="ministry"
    ),
    pytest.param(
        "Acme Batteries and Energy Minister Chris Bowen signed a deal.",
        "Acme Batteries",
        id="a-name-of-uncommon-words",
    ),
    pytest.param(
        "General Motors and Energy Secretary Jennifer Granholm toured the plant.",
        "General Motors",
        id="a-known-company",
    ),
]


@pytest.mark.parametrize(("text", "person"), PORTFOLIO_CASES)
def test_a_portfolio_is_no_company(nlp: Any, text: str, person: str) -> None:
    entities = extract(text, nlp=nlp).entities
    assert [(e.type, e.name) for e in entities if e.type != "city"] == [("person", person)]


@pytest.mark.parametrize(("text", "name"), PORTFOLIO_COUNTER_CASES)
def test_a_name_beside_a_title_stays(nlp: Any, text: str, name: str) -> None:
    assert name in {e.name for e in extract(text, nlp=nlp).entities}


# A park or a site by its words: a place head after a park's word, "Project" after a
# mineral's or a site's word (name_typing._names_a_facility_by_its_words,
# site_names.headed_sites).
FACILITY_BY_WORDS_CASES = [
    pytest.param(
        "The cells are made in the Changzhou National High-tech District, a hub.",
        "Changzhou National High-tech District",
        id="high-tech-district",
    ),
    pytest.param(
        "Construction began at Mohammed VI Tangier Tech City, north of Tangier.",
        "Mohammed VI Tangier Tech City",
        id="tech-city",
    ),
    pytest.param(
        "The plant will rise in the Karawang New Industry City, east of Jakarta.",
        "Karawang New Industry City",
        id="industry-city",
    ),
    pytest.param(
        "Suppliers cluster in the Tianjin Economic-Technological Development Town.",
        "Tianjin Economic-Technological Development Town",
        id="development-town",
    ),
    pytest.param(
        "Graphite comes from the Mahenge Graphite Project in Tanzania.",
        "Mahenge Graphite Project",
        id="graphite-project",
    ),
    pytest.param(
        "Lithium will come from the Thacker Pass Lithium Project in Nevada.",
        "Thacker Pass Lithium Project",
        id="lithium-project",
    ),
    pytest.param(
        "Ore is trucked from the Sorowako Nickel Project to the coast.",
        "Sorowako Nickel Project",
        id="nickel-project",
    ),
    pytest.param(
        "Vale runs the Onca Puma Nickel Mine in Para.", "Onca Puma Nickel Mine", id="a-mine"
    ),
    pytest.param(
        "Suppliers cluster in the Hefei Economic and Technological Development District.",
        "Hefei Economic and Technological Development District",
        id="and-inside-a-park-the-model-split",
    ),
]

FACILITY_BY_WORDS_COUNTER_CASES = [
    pytest.param("Sales rose in Ho Chi Minh City and Mexico City.", "Ho Chi Minh", id="a-city"),
    pytest.param("Tesla sells cars in Kansas City.", "Kansas", id="a-city-of-a-state-name"),
    pytest.param("Quezon City hosts the new showroom.", "Quezon", id="a-city-first"),
]


def test_two_sites_joined_by_and_stay_two(nlp: Any) -> None:
    text = "Goods move through the Liudong New Area and the Qinzhou Port Free Trade Zone."
    names = {e.name for e in extract(text, nlp=nlp).entities if e.type == "facility"}
    assert not any(" and " in name for name in names), names


@pytest.mark.parametrize(("text", "name"), FACILITY_BY_WORDS_CASES)
def test_a_park_or_site_by_its_words(nlp: Any, text: str, name: str) -> None:
    assert ("facility", name) in {(e.type, e.name) for e in extract(text, nlp=nlp).entities}


@pytest.mark.parametrize(("text", "name"), FACILITY_BY_WORDS_COUNTER_CASES)
def test_a_city_stays_a_city(nlp: Any, text: str, name: str) -> None:
    assert ("city", name) in {(e.type, e.name) for e in extract(text, nlp=nlp).entities}


# "known as" after a person's name and a comma gives the same person's other name
# (span_labels.known_as).
KNOWN_AS_CASES = [
    pytest.param(
        "Zeng Yuqun, CATL's founder and chairman, known internationally as Robin Zeng, said "
        "the venture would last. Robin Zeng added that prices would fall.",
        {"Zeng Yuqun", "Robin Zeng"},
        id="an-english-name-after-a-title",
    ),
    pytest.param(
        "Wang Chuanfu, also known as Wang Chuan-fu, founded BYD.",
        {"Wang Chuanfu", "Wang Chuan-fu"},
        id="also-known-as-a-spelling",
    ),
    pytest.param(
        "Li Shufu, known as Eric Li in English, runs Geely.",
        {"Li Shufu", "Eric Li"},
        id="known-as-in-english",
    ),
    pytest.param(
        "Ma Huateng, better known as Pony Ma, invested in Nio.",
        {"Ma Huateng", "Pony Ma"},
        id="better-known-as",
    ),
    pytest.param(
        "Wang Wei met Li Bin, known as William Li.", {"Li Bin", "William Li"}, id="the-nearest"
    ),
    pytest.param(
        "Park Jin-woo, known to colleagues as Jay Park, leads SK On's US unit.",
        {"Park Jin-woo", "Jay Park"},
        id="known-to-someone-as",
    ),
    pytest.param(
        "Tesla hired Tom Zhu. Zhu Xiaotong, known in the company as Tom Zhu, runs sales.",
        {"Zhu Xiaotong", "Tom Zhu"},
        id="the-other-name-written-before",
    ),
    pytest.param(
        "Jim Farley, known among dealers as Jim, runs Ford.", {"Jim Farley"}, id="a-first-name"
    ),
]


@pytest.mark.parametrize(("text", "names"), KNOWN_AS_CASES)
def test_known_as_names_the_same_person(nlp: Any, text: str, names: set[str]) -> None:
    people = [e for e in extract(text, nlp=nlp).entities if e.type == "person"]
    assert any(names <= {m.text for m in p.mentions} for p in people), people


def test_known_as_needs_an_apposition(nlp: Any) -> None:
    entities = extract("Wang Wei praised what is known as Li Bin's plan.", nlp=nlp).entities
    assert {e.name for e in entities if e.type == "person"} == {"Wang Wei", "Li Bin"}


# The model's span starts with "The"; the knowledge base's name is the same name, not a
# shorter one inside a longer (each case was typed company before).
ARTICLE_BEFORE_KNOWN_NAME_CASES = [
    pytest.param(
        "The Michigan Economic Development Corporation approved the grant.",
        "Michigan Economic Development Corporation",
        id="sentence-start",
    ),
    pytest.param(
        "The Indiana Economic Development Corporation offered tax credits to Stellantis.",
        "Indiana Economic Development Corporation",
        id="with-another-name",
    ),
    pytest.param(
        "The Kerala State Industrial Development Corporation signed it.",
        "Kerala State Industrial Development Corporation",
        id="long-name",
    ),
]


@pytest.mark.parametrize(("text", "name"), ARTICLE_BEFORE_KNOWN_NAME_CASES)
def test_an_article_before_a_known_name(nlp: Any, text: str, name: str) -> None:
    entities = extract(text, nlp=nlp).entities
    assert ("organization", name) in {(e.type, e.name) for e in entities}


# Salt flats, lakes, plateaus and seas are named regions, never companies or people.
NATURAL_FEATURE_CASES = [
    pytest.param(
        "SQM pumps brine from the Salar de Atacama in Chile.", "Salar de Atacama", id="salar"
    ),
    pytest.param(
        "Codelco explores the Salar de Piedra Parada near Copiapó.",
        "Salar de Piedra Parada",
        id="salar-of-three-words",
    ),
    pytest.param("Exports through the Gulf of Mexico rose.", "Gulf of Mexico", id="gulf-of"),
    pytest.param(
        "Tesla builds cars near the Yangtze River Delta.", "Yangtze River Delta", id="delta"
    ),
    pytest.param("The Mekong River carries barges to Phnom Penh.", "Mekong River", id="river"),
    pytest.param("Lithium brine lies under the Atacama Desert.", "Atacama Desert", id="desert"),
    pytest.param("Coal from the Ordos Basin feeds the plants.", "Ordos Basin", id="basin"),
    pytest.param("Ships cross the South China Sea to Singapore.", "South China Sea", id="sea"),
]

NATURAL_FEATURE_COUNTER_CASES = [
    pytest.param(
        "Lake Resources said lithium output rose.", "Lake Resources", "company", id="a-miner"
    ),
    pytest.param(
        "The Gulf Cooperation Council met in Riyadh.",
        "Gulf Cooperation Council",
        "organization",
        id="a-council",
    ),
    pytest.param(
        "Plants in Lake Charles, Louisiana, are idle.", "Lake Charles", "city", id="a-city"
    ),
]


@pytest.mark.parametrize(("text", "name"), NATURAL_FEATURE_CASES)
def test_a_natural_feature_is_a_region(nlp: Any, text: str, name: str) -> None:
    entities = extract(text, nlp=nlp).entities
    assert {e.type for e in entities if e.name == name} == {"region"}, entities


@pytest.mark.parametrize(("text", "name", "kind"), NATURAL_FEATURE_COUNTER_CASES)
def test_a_name_with_a_feature_word_keeps_its_type(
    nlp: Any, text: str, name: str, kind: str
) -> None:
    entities = extract(text, nlp=nlp).entities
    assert {e.type for e in entities if e.name == name} == {kind}, entities


# A legal form joined to the next word by a hyphen is part of a word, not a company's end.
HYPHENATED_FORM_CASES = [
    pytest.param("Batteries\n\nBy PARK SE-YEON\nSEOUL, October 30, 2025\n\nText.", "PARK SE-YEON"),
    pytest.param("Cells\n\nBy KIM AG-YEONG\nSEOUL, May 3, 2025\n\nSK On said so.", "KIM AG-YEONG"),
]


@pytest.mark.parametrize(("text", "person"), HYPHENATED_FORM_CASES)
def test_a_hyphenated_legal_form_is_part_of_a_name(nlp: Any, text: str, person: str) -> None:
    entities = extract(text, nlp=nlp).entities
    assert ("person", person) in {(e.type, e.name) for e in entities}, entities


def test_a_person_the_model_calls_a_product(nlp: Any) -> None:
    text = (
        '"We will not cut back on investment," Takanori Azuma, head of the accounting group, '
        "told reporters at the company's Tokyo head office."
    )
    entities = extract(text, nlp=nlp).entities
    assert ("person", "Takanori Azuma") in {(e.type, e.name) for e in entities}
