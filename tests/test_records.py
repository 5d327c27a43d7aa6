"""The record models and their packaged JSON Schema."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from evextract.datafiles import RECORD_SCHEMA, read_text
from evextract.records import Figure, Record, record_schema_text


def test_records_refuse_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Record(id="a", source="a.txt", sha256="0", title="t", colour="red")  # type: ignore[call-arg]


def test_figure_ids_are_unique_within_a_record() -> None:
    figure = Figure(id="f1", kind="percent", value=7.5, text="7.5%", start=0, end=4, sentence="x")
    with pytest.raises(ValidationError, match="unique"):
        Record(id="a", source="a.txt", sha256="0", title="t", figures=[figure, figure])


def test_integral_values_stay_integers_in_json() -> None:
    figure = Figure(
        id="f1",
        kind="quantity",
        value=1370000,
        text="1.37 million units",
        start=0,
        end=18,
        sentence="x",
        unit="unit",
    )
    assert '"value":1370000,' in figure.model_dump_json()


def test_the_packaged_schema_is_the_one_the_models_generate() -> None:
    assert read_text(RECORD_SCHEMA) == record_schema_text(), "stale schema: run `make schema`"
