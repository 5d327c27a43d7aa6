"""Figures quality: evextract beside quantulum3 on the dev set, with the same scorer.

quantulum3 finds quantities in English text. Its quantities are mapped into
evextract's figure records: a currency unit is money (its ISO code), the
percentage unit is percent, anything else a quantity whose unit is the unit's
name, lower case and singular (none for plain numbers). A range comes back as
a middle value and an uncertainty; it becomes the range's two ends. Both sets
of records are scored by `evextract.evaluate.score` against the dev gold.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def compare(dev: Path = DEV) -> dict[str, dict[str, float | None]] | None:
    """Figure scores of evextract and of quantulum3, or None without the dev set."""
    gold_path = dev / "gold.jsonl"
    paths = sorted(dev.glob("*.txt"))
    if not gold_path.is_file() or not paths:
        return None
    from evextract.evaluate import load_gold, score

    gold = load_gold(gold_path)
    return {
        "evextract": _figure_scores(score(gold, _evextract_records(paths))),
        "quantulum3": _figure_scores(score(gold, _quantulum_records(paths))),
    }


def _figure_scores(report: Any) -> dict[str, float | None]:
    figures = report.figures
    return {
        "precision": figures.precision,
        "recall": figures.recall,
        "f1": figures.f1,
        "unit_accuracy": report.unit_accuracy,
        "qualifier_accuracy": report.qualifier_accuracy,
    }


def _evextract_records(paths: list[Path]) -> list[dict[str, Any]]:
    from evextract import extract

    records = extract(path.read_bytes() for path in paths)  # decoded as files are
    return [
        record.model_dump(mode="json") | {"id": path.stem}
        for path, record in zip(paths, records, strict=True)
    ]


def _quantulum_records(paths: list[Path]) -> list[dict[str, Any]]:
    with warnings.catch_warnings():  # "classifier dependencies not installed": as shipped
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        return [
            {"id": path.stem, "figures": quantulum_figures(parser, path.read_text("utf-8"))}
            for path in paths
        ]


def quantulum_figures(parser: Any, text: str) -> list[dict[str, Any]]:
    """quantulum3's quantities in `text` as evextract figure records."""
    figures: list[dict[str, Any]] = []
    for quantity in parser.parse(text):
        kind, currency, unit = _kind(quantity.unit)
        low, high = quantity.value, None
        if quantity.uncertainty:  # "10-15%" is 12.5 ± 2.5
            low, high = quantity.value - quantity.uncertainty, quantity.value + quantity.uncertainty
        start, end = quantity.span
        figures.append(
            {
                "id": f"f{len(figures) + 1}",
                "kind": kind,
                "value": low,
                "value_max": high,
                "currency": currency,
                "unit": unit,
                "qualifier": None,  # quantulum3 has no notion of "about" or "more than"
                "text": text[start:end],
                "start": start,
                "end": end,
            }
        )
    return figures


def _kind(unit: Any) -> tuple[str, str | None, str | None]:
    """(kind, currency, unit) of a quantulum3 unit."""
    if unit.entity.name == "currency":
        return "money", getattr(unit, "currency_code", None), None
    if unit.name == "percentage":
        return "percent", None, None
    if unit.name == "dimensionless":
        return "quantity", None, None
    name = unit.name.lower()
    return "quantity", None, name[:-1] if name.endswith("s") and not name.endswith("ss") else name
