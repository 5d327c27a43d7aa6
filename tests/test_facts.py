"""Figure facts (subject, metric, period, place) and the `evextract facts` table.

The golden cases are sentences we wrote ourselves; the seeds test reads
../shared/seeds at test time.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evextract import extract
from evextract.cli import app
from evextract.facts import FACT_COLUMNS, FactWriter, fact_rows
from evextract.records import Figure, Record

from .conftest import needs_shared

xfail = pytest.mark.xfail(strict=True)

FACT_CASES = [
    pytest.param(
        "BYD sold 300,000 cars in Shenzhen in the first half of 2023.",
        "300,000 cars",
        {"subject": "BYD", "metric": "sales", "period": "first half of 2023", "place": "Shenzhen"},
        id="verb-names-the-metric-place-and-half-year",
    ),
    pytest.param(
        "Tesla's market share in China fell to 5% in Q3 2024.",
        "5%",
        {"subject": "Tesla", "metric": "market share", "period": "Q3 2024", "place": "China"},
        id="possessive-owner-of-the-metric",
    ),
    pytest.param(
        "Sales of NEVs in Hefei rose 20% year on year to 300,000 units in January-May.",
        "300,000 units",
        {"subject": None, "metric": "NEV sales", "period": "January-May", "place": "Hefei"},
        id="of-phrase-metric-month-range",
    ),
    pytest.param(
        "CATL invested $7.3 billion in a battery plant in Hungary in 2023.",
        "$7.3 billion",
        {"subject": "CATL", "metric": "investment", "period": "2023"},
        id="invest-is-investment",
    ),
    pytest.param(
        "Rivian, founded in 2009, sold 50,000 vehicles last year.",
        "50,000 vehicles",
        {"subject": "Rivian", "metric": "sales", "period": "last year"},
        id="nearest-period-in-the-parse",
    ),
    pytest.param(
        "In 2022, the city's NEV output exceeded 900,000 units, with the total value of its "
        "battery industry hitting 80 billion yuan. The city is Hefei.",
        "80 billion yuan",
        {"subject": None, "metric": "battery industry value", "period": "2022"},
        id="light-noun-value-of-something",
    ),
    pytest.param(
        "Hefei is a big carmaking city. In 2022, the city's NEV output exceeded 900,000 units.",
        "exceeded 900,000 units",
        {"subject": "Hefei", "metric": "NEV output", "period": "2022"},
        id="the-city-points-back",
    ),
    pytest.param(
        "Shenzhen makes many cars, accounting for 30% of the province's output.",
        "30%",
        {"subject": "Shenzhen", "metric": "share of output"},
        id="share-of-a-whole",
    ),
    pytest.param(
        "Rivian cut its full-year delivery outlook to 40,000 vehicles.",
        "40,000 vehicles",
        {"subject": "Rivian", "metric": "delivery outlook", "period": "full year"},
        id="object-of-the-verb-is-the-metric",
    ),
    pytest.param(
        "BYD sold 3 million cars in 2023. It sold 300,000 cars in Brazil.",
        "300,000 cars",
        {"period": None, "place": "Brazil"},
        id="no-period-from-another-sentence",
    ),
    pytest.param(
        "Battery report 2024\n\nThe plant will have an annual capacity of 10GWh.",
        "10GWh",
        {"subject": None, "metric": "annual capacity", "period": None},
        id="nothing-from-a-headline-line",
    ),
    pytest.param(
        "Democratic Gov. Jane Roe said the plant would generate $2.5 billion a year.",
        "$2.5 billion",
        {"subject": None},
        id="a-speaker-is-no-subject",
    ),
    pytest.param(
        "Li Auto said its deliveries surged 191 per cent to 325,677 units.",
        "325,677 units",
        {"subject": "Li Auto", "metric": "deliveries"},
        id="its-after-a-reporting-verb",
    ),
    pytest.param(
        "Nio's shares jumped by more than 15 per cent in Hong Kong after the announcement.",
        "more than 15 per cent",
        {"subject": "NIO", "metric": "share price", "place": "Hong Kong"},
        id="shares-jump-is-share-price",
        marks=xfail,
    ),
]


@pytest.mark.parametrize(("text", "figure_text", "expected"), FACT_CASES)
def test_figure_facts(nlp: Any, text: str, figure_text: str, expected: dict[str, Any]) -> None:
    record = extract(text, nlp=nlp)
    figure = next(f for f in record.figures if f.text == figure_text)
    assert {key: getattr(figure, key) for key in expected} == expected


def test_a_conversion_takes_the_facts_of_the_figure_it_converts(nlp: Any) -> None:
    text = "In 2024, Hefei's NEV industry was worth 260 billion yuan (about 36 billion dollars)."
    first, second = extract(text, nlp=nlp).figures
    assert second.equivalent_of == first.id
    facts = ("subject", "metric", "period", "place")
    assert [getattr(second, f) for f in facts] == [getattr(first, f) for f in facts]
    assert first.subject == "Hefei" and first.period == "2024"


@needs_shared
def test_seed_facts(seed_records: dict[str, Any]) -> None:
    """The rows issue 5 names for the Hefei seeds."""
    rows = [row for record in seed_records.values() for row in fact_rows(record)]

    def row(value: float, unit: str) -> dict[str, Any]:
        return next(r for r in rows if r["value"] == value and r["unit"] == unit)

    output = row(1_370_000, "unit")
    assert (output["subject"], output["metric"], output["period"]) == (
        "Hefei",
        "NEV output",
        "2024",
    )
    assert output["qualifier"] == "more_than"
    chain = row(260_000_000_000, "CNY")
    assert chain["subject"] == "Hefei" and chain["period"] == "2024"
    assert "industrial chain" in chain["metric"]
    dollars = row(36_280_000_000, "USD")
    assert dollars["equivalent_of"] == chain["id"]
    assert dollars["metric"] == chain["metric"] and dollars["subject"] == "Hefei"
    national, provincial = row(7.5, "%"), row(85, "%")
    assert national["subject"] == "Hefei" and national["metric"].startswith("share")
    assert provincial["subject"] == "Hefei" and provincial["place"] == "Anhui"


def _record() -> Record:
    figures = [
        Figure(id="f1", kind="money", value=5e9, currency="USD", text="$5 billion", start=0,
               end=10, sentence="Tesla raised $5 billion.", subject="Tesla", metric="funding"),
        Figure(id="f2", kind="percent", value=7.5, text="7.5%", start=20, end=24,
               sentence="Up 7.5%.", equivalent_of="f1"),
        Figure(id="f3", kind="quantity", value=20_000, unit="vehicle", text="20,000 vehicles",
               start=30, end=45, sentence="It sold 20,000 vehicles.", period="2024"),
    ]  # fmt: skip
    return Record(id="a", source="a.txt", sha256="0", title="t", figures=figures)


def test_rows_put_currency_unit_or_percent_in_one_column() -> None:
    rows = fact_rows(_record())
    assert [(r["id"], r["unit"]) for r in rows] == [
        ("a#f1", "USD"),
        ("a#f2", "%"),
        ("a#f3", "vehicle"),
    ]
    assert rows[1]["equivalent_of"] == "a#f1"
    assert all(tuple(r) == FACT_COLUMNS for r in rows)


def test_csv_has_one_header_and_a_row_per_figure() -> None:
    stream = io.StringIO()
    writer = FactWriter(stream, "csv")
    writer.write(fact_rows(_record()))
    writer.write(fact_rows(_record()))
    table = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(table) == 6 and tuple(table[0]) == FACT_COLUMNS
    assert table[0]["subject"] == "Tesla" and table[0]["value_max"] == ""


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        FactWriter(io.StringIO(), "xml")


def test_cli_writes_json_lines_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("BYD sold 300,000 cars in Shenzhen in 2023.\n")
    runner = CliRunner()
    result = runner.invoke(app, ["facts", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert {k: row[k] for k in ("id", "subject", "metric", "period", "value", "unit")} == {
        "id": "a#f1", "subject": "BYD", "metric": "sales", "period": "2023",
        "value": 300000, "unit": "car",
    }  # fmt: skip
    result = runner.invoke(app, ["facts", str(tmp_path), "-q", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(FACT_COLUMNS)


def test_cli_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("BYD sold 300,000 cars.\n")
    result = CliRunner().invoke(app, ["facts", str(tmp_path), "--format", "xml"])
    assert result.exit_code == 2
    assert result.stdout == ""
