"""Grouping typed mentions into entities with canonical names."""

from __future__ import annotations

import pytest

from evextract.canonical import TypedMention, group_mentions, name_key


def mentions(*specs: tuple[str, str]) -> list[TypedMention]:
    out, offset = [], 0
    for type_, text in specs:
        out.append(TypedMention(type_, text, offset, offset + len(text)))
        offset += len(text) + 10
    return out


CASES = [
    pytest.param(
        [("company", "NIO"), ("company", "Nio’s"), ("company", "NIO Inc.")],
        [("company", "NIO", ["Nio", "NIO Inc."])],
        id="case-possessive-legal-suffix",
    ),
    pytest.param(
        [("company", "FAW Group"), ("company", "FAW"), ("company", "FAW Group’s")],
        [("company", "FAW Group", ["FAW"])],
        id="group-is-part-of-the-name",
    ),
    pytest.param(
        [("company", "Octillion Energy Holdings, Inc."), ("company", "Octillion Energy Holdings")],
        [("company", "Octillion Energy Holdings", ["Octillion Energy Holdings, Inc."])],
        id="legal-form-dropped-from-name",
    ),
    pytest.param(
        [("person", "William Li"), ("person", "Li")],
        [("person", "William Li", ["Li"])],
        id="surname-joins-full-name",
    ),
    pytest.param(
        [("company", "Galp Energia"), ("company", "Galp"), ("company", "Ganfeng Lithium")],
        [("company", "Galp Energia", ["Galp"]), ("company", "Ganfeng Lithium", [])],
        id="short-name-before-a-descriptor-in-another-language",
    ),
    pytest.param(
        [("person", "William Li"), ("person", "Li Bin"), ("person", "Li")],
        [("person", "William Li", []), ("person", "Li Bin", []), ("person", "Li", [])],
        id="ambiguous-surname-stays-apart",
    ),
    pytest.param(
        [("company", "the Volkswagen Group"), ("company", "Volkswagen Group")],
        [("company", "Volkswagen Group", [])],
        id="leading-the",
    ),
    # The optional legal forms of the guidelines go from a name; others stay as written.
    pytest.param(
        [("company", "Honda Motor Co., Ltd."), ("company", "Honda Motor")],
        [("company", "Honda Motor", ["Honda Motor Co., Ltd."])],
        id="co-ltd-dropped",
    ),
    pytest.param(
        [("company", "Volkswagen AG")],
        [("company", "Volkswagen", ["Volkswagen AG"])],
        id="ag-dropped",
    ),
    pytest.param(
        [("company", "PT Vale Indonesia Tbk")],
        [("company", "PT Vale Indonesia Tbk", [])],
        id="tbk-stays",
    ),
    pytest.param(
        [("company", "Stellantis N.V."), ("company", "Stellantis")],
        [("company", "Stellantis N.V.", ["Stellantis"])],
        id="nv-stays",
    ),
    pytest.param(
        [("company", "Northvolt AB")],
        [("company", "Northvolt AB", [])],
        id="ab-stays",
    ),
    pytest.param(
        [("company", "Proton Holdings Bhd")],
        [("company", "Proton Holdings Bhd", [])],
        id="bhd-stays",
    ),
    pytest.param(
        [("city", "Hefei"), ("company", "Hefei")],
        [("city", "Hefei", []), ("company", "Hefei", [])],
        id="different-groups-stay-apart",
    ),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_grouping(given: list[tuple[str, str]], expected: list[tuple[str, str, list[str]]]) -> None:
    groups = group_mentions(mentions(*given))
    assert [(g.type, g.name, g.aliases) for g in groups] == expected


def test_hints_from_the_knowledge_base_win() -> None:
    given = [
        TypedMention(
            "company", "Contemporary Amperex Technology Co., Limited", 0, 44, "CATL", "kb:catl"
        ),
        TypedMention("company", "CATL", 50, 54, "CATL", "kb:catl"),
    ]
    (group,) = group_mentions(given)
    assert (group.id, group.name, group.aliases) == (
        "kb:catl",
        "CATL",
        ["Contemporary Amperex Technology Co., Limited"],
    )
    assert [m.start for m in group.mentions] == [0, 50]


def test_ids_are_stable_slugs() -> None:
    (group,) = group_mentions(mentions(("company", "Octillion Energy Holdings")))
    assert group.id == "company:octillion-energy"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Hefei’s", "hefei"),
        ("“BYD”", "byd"),
        ("Anhui province", "anhui"),
        ("Mercedes-Benz Group AG", "mercedes-benz"),
        ("Honda Motor Co. Ltd.", "honda motor"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


SHORT_NAME_CASES = [
    pytest.param(
        [("company", "Ford Motor Company"), ("company", "Ford")],
        [("company", "Ford Motor Company", ["Ford"])],
        id="short-name-joins-longer",
    ),
    pytest.param(
        [("company", "Hyundai Motor Group"), ("company", "Hyundai Motor Company")],
        [("company", "Hyundai Motor Group", []), ("company", "Hyundai Motor Company", [])],
        id="group-and-company-stay-apart",
    ),
    pytest.param(
        [("company", "Tata Motors"), ("company", "Tata Group")],
        [("company", "Tata Motors", []), ("company", "Tata Group", [])],
        id="a-full-name-is-not-a-short-name",
    ),
    pytest.param(
        [("company", "Tata Motors"), ("company", "Tata Steel"), ("company", "Tata")],
        [("company", "Tata Motors", []), ("company", "Tata Steel", []), ("company", "Tata", [])],
        id="ambiguous-short-name-stays-apart",
    ),
]


@pytest.mark.parametrize(("given", "expected"), SHORT_NAME_CASES)
def test_short_names(
    given: list[tuple[str, str]], expected: list[tuple[str, str, list[str]]]
) -> None:
    groups = group_mentions(mentions(*given))
    assert [(g.type, g.name, g.aliases) for g in groups] == expected


def test_a_longer_plain_name_joins_the_known_entity() -> None:
    given = [
        TypedMention("company", "Ola Electric", 0, 12, "Ola Electric", "kb:ola_electric"),
        TypedMention("company", "Ola Electric Mobility", 20, 41),
    ]
    (group,) = group_mentions(given)
    assert (group.id, group.name, group.aliases) == (
        "kb:ola_electric",
        "Ola Electric",
        ["Ola Electric Mobility"],
    )


def test_two_known_entities_stay_apart() -> None:
    given = [
        TypedMention("company", "Hyundai", 0, 7, "Hyundai", "kb:hyundai"),
        TypedMention("company", "Hyundai Motor Group", 20, 39, "Hyundai Motor Group", "kb:hmg"),
    ]
    assert [g.id for g in group_mentions(given)] == ["kb:hyundai", "kb:hmg"]


def test_a_kb_name_the_article_never_uses_gives_way_to_the_articles_form() -> None:
    """Guidelines: the canonical name is the fullest form the article uses; roles and
    partnerships are scored on it."""
    article = TypedMention("company", "Chery Automobile", 0, 16, "Chery", "kb:chery")
    (group,) = group_mentions([article])
    assert (group.name, group.id) == ("Chery Automobile", "kb:chery")
    short = TypedMention("company", "Chery", 30, 35, "Chery", "kb:chery")
    (group,) = group_mentions([article, short])
    assert (group.name, group.aliases) == ("Chery", ["Chery Automobile"])
    place = TypedMention("country", "U.S.", 50, 54, "United States", "iso:US")
    assert group_mentions([place])[0].name == "United States"
