"""The scorer: name normalizing, matching rules, loading, and real gold scored against itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evextract.evaluate import (
    PRF,
    EntityItem,
    EvaluationInputError,
    load_gold,
    load_records,
    normalize_name,
    report_as_dict,
    score,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV_GOLD = SHARED / "eval" / "dev" / "gold.jsonl"

NORMALIZE_CASES = [
    pytest.param("CATL's", "catl", id="possessive"),
    pytest.param("Hefei’s", "hefei", id="curly-possessive"),
    pytest.param("Automakers'", "automakers", id="plural-possessive"),
    pytest.param("FAW Group's", "faw", id="possessive-then-suffix"),
    pytest.param("“Blade” Battery", "blade battery", id="curly-double-quotes"),
    pytest.param("BYD Co., Ltd.", "byd", id="co-ltd"),
    pytest.param(
        "Contemporary Amperex Technology Co., Limited",
        "contemporary amperex technology",
        id="co-limited",
    ),
    pytest.param("Zhejiang Geely Holding Group", "zhejiang geely", id="holding-group"),
    pytest.param("Volkswagen AG", "volkswagen", id="ag"),
    pytest.param("Octillion Energy Holdings, Inc.", "octillion energy", id="holdings-inc"),
    pytest.param("Anhui Province", "anhui", id="province"),
    pytest.param("Anhui province", "anhui", id="province-lower"),
    pytest.param("Hefei City", "hefei", id="city"),
    pytest.param("Shanghai Municipality", "shanghai", id="municipality"),
    pytest.param("Aichi Prefecture", "aichi", id="prefecture"),
    pytest.param("the European Union", "european union", id="leading-the"),
    pytest.param("The Group", "group", id="never-empty"),
    pytest.param("Theodore Motors", "theodore motors", id="the-only-as-word"),
    pytest.param("Mercedes-Benz", "mercedes-benz", id="inner-hyphen-kept"),
    pytest.param("-Mercedes - Benz-", "mercedes benz", id="loose-hyphens-dropped"),
    pytest.param("U.S.", "us", id="dotted-abbreviation"),
    pytest.param("  NIO\n Inc.  ", "nio", id="whitespace"),
    pytest.param("ＮＩＯ", "nio", id="nfkc-fullwidth"),
    pytest.param("Xi'an", "xian", id="inner-apostrophe"),
    pytest.param("Sinopec (Beijing)", "sinopec beijing", id="brackets"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZE_CASES)
def test_normalize_name(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


# ---------------------------------------------------------------- helpers


def ent(kind: str, name: str, *aliases: str, optional: bool = False) -> dict[str, Any]:
    entity: dict[str, Any] = {"type": kind, "name": name, "aliases": list(aliases)}
    return entity | ({"optional": True} if optional else {})


def pred(kind: str, name: str, *mentions: str, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": f"{kind}:{name}",
        "type": kind,
        "name": name,
        "aliases": list(aliases),
        "mentions": [{"text": m, "start": 0, "end": len(m)} for m in mentions],
    }


def fig(kind: str, value: float, text: str, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "value": value, "text": text, **extra}


def counts(prf: PRF) -> tuple[int, int, int]:
    return prf.tp, prf.fp, prf.fn


def one(gold: dict[str, Any], predicted: dict[str, Any]) -> Any:
    return score([{"id": "a", **gold}], [{"id": "a", **predicted}])


# ---------------------------------------------------------------- entities

ENTITY_CASES = [
    pytest.param([ent("company", "NIO")], [pred("company", "NIO")], (1, 0, 0), id="exact"),
    pytest.param(
        [ent("company", "CATL", "Contemporary Amperex Technology Co., Limited")],
        [pred("company", "Contemporary Amperex Technology")],
        (1, 0, 0),
        id="alias-after-normalizing",
    ),
    pytest.param(
        [ent("company", "CATL")],
        [pred("company", "Ningde Era", "CATL's")],
        (1, 0, 0),
        id="mention-text",
    ),
    pytest.param(
        [ent("company", "CATL")],
        [pred("company", "Ningde Era", aliases=("CATL",))],
        (1, 0, 0),
        id="predicted-alias",
    ),
    pytest.param(
        [ent("company", "NIO", optional=True)],
        [pred("company", "NIO")],
        (0, 0, 0),
        id="optional-predicted-ignored",
    ),
    pytest.param(
        [ent("company", "NIO", optional=True)], [], (0, 0, 0), id="optional-missed-ignored"
    ),
    pytest.param(
        [ent("region", "Anhui"), ent("region", "Anhui Province")],
        [pred("region", "Anhui")],
        (1, 0, 0),
        id="duplicate-gold-merged",
    ),
    pytest.param(
        [ent("city", "Hefei", "Hefei City"), ent("city", "HEFEI CITY")],
        [pred("city", "Hefei")],
        (1, 0, 0),
        id="duplicate-gold-merged-via-alias",
    ),
    pytest.param(
        [ent("company", "NIO")],
        [pred("company", "NIO"), pred("company", "NIO Inc.")],
        (1, 0, 0),
        id="predicted-deduplicated-by-name",
    ),
    pytest.param(
        [ent("company", "CATL", "Contemporary Amperex")],
        [pred("company", "CATL"), pred("company", "Contemporary Amperex")],
        (1, 1, 0),
        id="gold-matched-once",
    ),
    pytest.param(
        [ent("company", "Xinhua")], [pred("organization", "Xinhua")], (0, 1, 1), id="wrong-type"
    ),
    pytest.param([ent("company", "BYD")], [pred("company", "Tesla")], (0, 1, 1), id="wrong-name"),
    pytest.param(
        [ent("company", "A", "X"), ent("company", "B", "Y")],
        [pred("company", "P", "A", "B"), pred("company", "Q", "A")],
        (2, 0, 0),
        id="maximum-matching",
    ),
    pytest.param([], [], (0, 0, 0), id="nothing"),
    pytest.param(
        [ent("company", "NIO")], [pred("product", "ES8")], (0, 0, 1), id="unscored-type-ignored"
    ),
]


@pytest.mark.parametrize(("gold", "predicted", "expected"), ENTITY_CASES)
def test_entity_matching(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], expected: tuple[int, int, int]
) -> None:
    report = one({"entities": gold}, {"entities": predicted})
    assert counts(report.entities) == expected


def test_perfect_match_scores_one() -> None:
    gold = {
        "entities": [ent("person", "Zeng Yuqun"), ent("company", "CATL"), ent("city", "Ningde")],
        "figures": [fig("money", 29e9, "RMB 29 billion", currency="CNY")],
        "roles": [{"person": "Zeng Yuqun", "title": "chairman", "organization": "CATL"}],
        "partnerships": [{"parties": ["CATL", "Sinopec"]}],
    }
    predicted = {**gold, "entities": [pred(e["type"], e["name"]) for e in gold["entities"]]}
    report = one(gold, predicted)
    scores = [report.entities, report.figures, report.roles, report.partnerships]
    scores += [*report.entities_by_type.values(), *report.entities_by_group.values()]
    assert all((s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0) for s in scores)
    assert report.unit_accuracy is None  # no quantity matched
    assert (report.qualifier_accuracy, report.range_accuracy, report.title_accuracy) == (1, 1, 1)


def test_groups_merge_types() -> None:
    report = one(
        {"entities": [ent("company", "Xinhua"), ent("city", "Anhui")]},
        {"entities": [pred("organization", "Xinhua"), pred("region", "Anhui")]},
    )
    assert counts(report.entities) == (0, 2, 2)
    assert counts(report.entities_by_type["company"]) == (0, 0, 1)
    assert counts(report.entities_by_group["org"]) == (1, 0, 0)
    assert counts(report.entities_by_group["place"]) == (1, 0, 0)
    assert counts(report.entities_by_group["person"]) == (0, 0, 0)


def test_article_lists_misses_and_false_positives() -> None:
    report = one(
        {"entities": [ent("company", "Xinhua")]}, {"entities": [pred("organization", "Xinhua")]}
    )
    article = report.articles[0]
    assert article.misses.entities == [EntityItem(type="company", name="Xinhua")]
    assert article.false_positives.entities == [EntityItem(type="organization", name="Xinhua")]


# ---------------------------------------------------------------- figures

FIGURE_CASES = [
    pytest.param(
        [fig("quantity", 1000, "1,000 units")],
        [fig("quantity", 1004, "1,004 units")],
        (1, 0, 0),
        id="within-half-percent",
    ),
    pytest.param(
        [fig("quantity", 1000, "1,000 units")],
        [fig("quantity", 1005, "1,005 units")],
        (1, 0, 0),
        id="at-half-percent",
    ),
    pytest.param(
        [fig("quantity", 1000, "1,000 units")],
        [fig("quantity", 1010, "1,010 units")],
        (0, 1, 1),
        id="one-percent-off",
    ),
    pytest.param(
        [fig("money", 5e9, "$5 billion", currency="USD")],
        [fig("money", 5e9, "5 billion yuan", currency="CNY")],
        (0, 1, 1),
        id="currency-mismatch",
    ),
    pytest.param(
        [fig("percent", 7.5, "7.5%")],
        [fig("quantity", 7.5, "7.5 km")],
        (0, 1, 1),
        id="kind-mismatch",
    ),
    pytest.param(
        [fig("money", 1e9, "a billion euros", currency="EUR")],
        [fig("money", 1e9, "a billion euros", currency="eur")],
        (1, 0, 0),
        id="scale-word-and-currency-case",
    ),
    pytest.param([], [fig("quantity", 6, "six carmakers")], (0, 0, 0), id="text-without-digit"),
    pytest.param(
        [fig("percent", 7.5, "7.5%"), fig("percent", 7.5, "7.5 percent")],
        [fig("percent", 7.5, "7.5%")],
        (1, 0, 0),
        id="duplicate-gold-once",
    ),
    pytest.param(
        [fig("percent", 7.5, "7.5%")],
        [fig("percent", 7.5, "7.5%"), fig("percent", 7.5, "7.5 percent")],
        (1, 0, 0),
        id="duplicate-predicted-once",
    ),
    pytest.param(
        [fig("quantity", 100, "100 units"), fig("quantity", 100.4, "100.4 units")],
        [fig("quantity", 100.4, "100.4 units"), fig("quantity", 100, "100 units")],
        (2, 0, 0),
        id="close-values-each-matched",
    ),
]


@pytest.mark.parametrize(("gold", "predicted", "expected"), FIGURE_CASES)
def test_figure_matching(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], expected: tuple[int, int, int]
) -> None:
    assert counts(one({"figures": gold}, {"figures": predicted}).figures) == expected


def test_figure_attribute_accuracy() -> None:
    gold = [
        fig("quantity", 1.37e6, "over 1.37 million units", unit="unit", qualifier="more_than"),
        fig("quantity", 10, "10-15 km", unit="km", value_max=15),
        fig("money", 5e9, "$5 billion", currency="USD"),
    ]
    predicted = [
        fig("quantity", 1.37e6, "1.37 million units", unit="Units"),
        fig("quantity", 10, "10-15 km", unit="mile", value_max=15.05),
        fig("money", 5e9, "$5 billion", currency="USD", unit="dollar", value_max=6e9),
    ]
    report = one({"figures": gold}, {"figures": predicted})
    assert counts(report.figures) == (3, 0, 0)
    assert report.unit_accuracy == 0.5  # quantities only; "Units" == "unit"
    assert report.qualifier_accuracy == pytest.approx(2 / 3)
    assert report.range_accuracy == pytest.approx(2 / 3)


def test_accuracies_none_when_nothing_matched() -> None:
    report = one({"figures": [fig("percent", 5, "5%")]}, {"figures": []})
    assert report.unit_accuracy is report.qualifier_accuracy is report.range_accuracy is None


# ---------------------------------------------------------------- roles and partnerships

GOLD_ENTITIES = [
    ent("person", "Zeng Yuqun", "Robin Zeng"),
    ent("company", "CATL", "Ningde Era"),
    ent("company", "Sinopec", "China Petroleum & Chemical Corporation"),
    ent("company", "NIO", "NIO Inc."),
]


def test_roles_with_alias_mapping_and_titles() -> None:
    gold = {
        "entities": GOLD_ENTITIES,
        "roles": [
            {"person": "Zeng Yuqun", "title": "chairman and CEO", "organization": "CATL"},
            {"person": "William Li", "title": "founder"},
        ],
    }
    predicted = {
        "roles": [
            {"person": "Robin Zeng", "title": "Chairman and CEO", "organization": "Ningde Era's"},
            {"person": "William Li", "title": "CEO", "organization": None},
            {"person": "Qin Lihong", "title": "president", "organization": "NIO Inc."},
        ]
    }
    report = one(gold, predicted)
    assert counts(report.roles) == (2, 1, 0)
    assert report.title_accuracy == 0.5
    assert [r.person for r in report.articles[0].false_positives.roles] == ["Qin Lihong"]


def test_role_organization_must_agree() -> None:
    gold = {
        "entities": GOLD_ENTITIES,
        "roles": [{"person": "Zeng Yuqun", "title": "CEO", "organization": "CATL"}],
    }
    report = one(gold, {"roles": [{"person": "Zeng Yuqun", "title": "CEO"}]})
    assert counts(report.roles) == (0, 1, 1)


def test_partnerships_order_insensitive_with_aliases() -> None:
    gold = {
        "entities": GOLD_ENTITIES,
        "partnerships": [{"parties": ["Sinopec", "CATL"]}, {"parties": ["NIO", "CATL"]}],
    }
    predicted = {
        "partnerships": [
            {"parties": ["Ningde Era", "China Petroleum & Chemical Corporation"]},
            {"parties": ["CATL", "NIO"]},
            {"parties": ["NIO", "Sinopec"]},
        ]
    }
    report = one(gold, predicted)
    assert counts(report.partnerships) == (2, 1, 0)


def test_roles_and_partnerships_scored_only_where_gold_has_the_key() -> None:
    predicted = {
        "roles": [{"person": "A", "title": "CEO"}],
        "partnerships": [{"parties": ["A", "B"]}],
    }
    report = score(
        [{"id": "a", "entities": []}, {"id": "b", "roles": [], "partnerships": []}],
        [{"id": "a", **predicted}, {"id": "b", **predicted}],
    )
    assert counts(report.roles) == (0, 1, 0)
    assert counts(report.partnerships) == (0, 1, 0)
    assert report.title_accuracy is None
    assert report.articles[0].false_positives.roles == []


# ---------------------------------------------------------------- articles on one side only


def test_missing_articles_on_either_side() -> None:
    gold = [
        {"id": "a", "entities": [ent("company", "NIO")], "figures": [fig("percent", 5, "5%")]},
        {"id": "b", "entities": [ent("company", "BYD")]},
    ]
    predicted = [
        {"id": "a", "entities": [pred("company", "NIO")], "figures": [fig("percent", 5, "5%")]},
        {"id": "z", "entities": [pred("company", "Tesla")]},
    ]
    report = score(gold, predicted)
    assert counts(report.entities) == (1, 0, 1)
    assert counts(report.figures) == (1, 0, 0)
    assert [a.has_prediction for a in report.articles] == [True, False]
    assert any("'b'" in w and "no predicted record" in w for w in report.warnings)
    assert any("'z'" in w and "no gold" in w for w in report.warnings)


def test_lenient_reading_of_records() -> None:
    report = score(
        [{"id": "a", "entities": [ent("company", "NIO")]}],
        [
            {
                "id": "a",
                "entities": [{"type": "company", "name": "NIO"}, {"type": "city"}],
                "figures": [{"kind": "percent", "value": "n/a"}],
                "roles": None,
            }
        ],
    )
    assert counts(report.entities) == (1, 0, 0)
    assert counts(report.figures) == (0, 0, 0)


def test_report_as_dict_is_json_ready() -> None:
    data = report_as_dict(one({"entities": [ent("company", "NIO")]}, {"entities": []}))
    assert json.loads(json.dumps(data)) == data
    assert data["entities"] == {
        "tp": 0,
        "fp": 0,
        "fn": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert data["entities_by_type"]["person"]["f1"] == 1.0


# ---------------------------------------------------------------- loading


def test_load_records_from_folder_and_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d01.json").write_text(json.dumps({"id": "d01"}), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text('{"id": "d02"}\n\n{"id": "d03"}\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not json", encoding="utf-8")
    assert sorted(r["id"] for r in load_records(tmp_path)) == ["d01", "d02", "d03"]
    assert [r["id"] for r in load_records(tmp_path / "more.jsonl")] == ["d02", "d03"]
    assert load_gold(tmp_path / "more.jsonl")[0] == {"id": "d02"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("bad.jsonl", '{"id": "a"}\n{"id": \n', "bad.jsonl:2", id="jsonl-line"),
        pytest.param("bad.jsonl", '{"id": "a"}\n[1]\n', "bad.jsonl:2: expected", id="not-object"),
        pytest.param("bad.json", '{\n "id": "a",\n}', "bad.json:3", id="json-line"),
    ],
)
def test_bad_json_names_file_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=message):
        load_records(tmp_path)


def test_missing_paths_raise(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such gold file"):
        load_gold(tmp_path / "gold.jsonl")
    with pytest.raises(EvaluationInputError):
        load_records(tmp_path / "out")


# ---------------------------------------------------------------- real gold


def as_record(article: dict[str, Any]) -> dict[str, Any]:
    entities = [
        {
            "id": f"e{i}",
            "type": e["type"],
            "name": e["name"],
            "aliases": e["aliases"],
            "mentions": [],
        }
        for i, e in enumerate(article["entities"])
    ]
    return {**article, "entities": entities}


@pytest.mark.skipif(not DEV_GOLD.is_file(), reason="../shared is not here")
def test_dev_gold_against_itself_scores_one() -> None:
    gold = load_gold(DEV_GOLD)
    report = score(gold, [as_record(article) for article in gold])
    scores = [report.entities, report.figures, report.roles, report.partnerships]
    scores += [*report.entities_by_type.values(), *report.entities_by_group.values()]
    assert all(s.f1 == 1.0 and s.fp == s.fn == 0 for s in scores)
    assert report.entities.tp > 0 and report.figures.tp > 0 and report.roles.tp > 0
    accuracies = [report.unit_accuracy, report.qualifier_accuracy, report.range_accuracy]
    assert [*accuracies, report.title_accuracy] == [1.0, 1.0, 1.0, 1.0]
    assert report.warnings == []
