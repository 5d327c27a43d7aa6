"""Figure facts: what each figure measures, of whom, when and where, as table rows.

Pure: no spaCy. `evextract_facts` sets a `FigureFacts` on every figure span;
`convert.py` puts its fields on the record's figures, and `fact_rows` turns a
record into the rows of `evextract facts` (JSON Lines, or CSV with a header).

>>> from evextract.records import Figure, Record
>>> figure = Figure(id="f1", kind="quantity", value=1370000, unit="unit",
...     qualifier="more_than", text="exceeded 1.37 million units", start=0, end=27,
...     sentence="In 2024, ...", subject="Hefei", metric="NEV output", period="2024")
>>> row = fact_rows(Record(id="hefei", source="x", sha256="0", title="t", figures=[figure]))[0]
>>> row["id"], row["subject"], row["metric"], row["period"], row["value"], row["unit"]
('hefei#f1', 'Hefei', 'NEV output', '2024', 1370000, 'unit')
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO

from .datafiles import read_json
from .periods import CUES_RESOURCE
from .records import Figure, Record
from .relations import TextSpan

FACT_COLUMNS = (
    "id", "subject", "metric", "period", "place", "value", "value_max", "unit", "qualifier",
    "equivalent_of", "text", "sentence",
)  # fmt: skip
PERCENT_UNIT = "%"


@dataclass(frozen=True)
class FigureFacts:
    """What a figure is about; each field is None when its sentence does not say."""

    subject: TextSpan | None = None  # the entity the figure describes
    metric: str | None = None  # "NEV output", "investment", "market share"
    period: str | None = None  # normalized: "2024", "first half of 2023", "Q3 2024"
    place: TextSpan | None = None  # a place entity, when it is not the subject


@dataclass(frozen=True)
class FactCues:
    """Words that name a metric (see data/fact_cues.json)."""

    metric_verbs: Mapping[str, str]
    share_verbs: frozenset[str]
    light_nouns: frozenset[str]
    change_words: frozenset[str]
    not_metrics: frozenset[str]

    @classmethod
    def load(cls) -> FactCues:
        return _load_fact_cues()


@lru_cache(maxsize=1)
def _load_fact_cues() -> FactCues:
    raw = read_json(CUES_RESOURCE)
    return FactCues(
        metric_verbs=raw["metric_verbs"],
        share_verbs=frozenset(raw["share_verbs"]),
        light_nouns=frozenset(raw["light_nouns"]),
        change_words=frozenset(raw["change_words"]),
        not_metrics=frozenset(raw["not_metrics"]),
    )


def fact_rows(record: Record) -> list[dict[str, Any]]:
    """One row per figure of the record, keyed by FACT_COLUMNS.

    A row's id is '<record id>#<figure id>', unique in a table of many articles.
    """
    return [_row(record.id, figure) for figure in record.figures]


def _row(record_id: str, figure: Figure) -> dict[str, Any]:
    unit = figure.currency if figure.kind == "money" else figure.unit
    linked = f"{record_id}#{figure.equivalent_of}" if figure.equivalent_of else None
    return {
        "id": f"{record_id}#{figure.id}",
        "subject": figure.subject,
        "metric": figure.metric,
        "period": figure.period,
        "place": figure.place,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": PERCENT_UNIT if figure.kind == "percent" else unit,
        "qualifier": figure.qualifier,
        "equivalent_of": linked,
        "text": figure.text,
        "sentence": figure.sentence,
    }


class FactWriter:
    """Writes fact rows to a text stream as JSON Lines or as CSV with one header row."""

    FORMATS = ("jsonl", "csv")

    def __init__(self, stream: TextIO, format: str = "jsonl") -> None:
        if format not in self.FORMATS:
            raise ValueError(f"unknown format {format!r}; use one of {', '.join(self.FORMATS)}")
        self.stream = stream
        self.format = format
        self._csv = csv.DictWriter(stream, FACT_COLUMNS, lineterminator="\n")
        if format == "csv":
            self._csv.writeheader()

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            if self.format == "csv":
                self._csv.writerow(row)
            else:
                self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.stream.flush()
