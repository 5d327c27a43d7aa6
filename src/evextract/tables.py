"""The corpus as tables: the rows of articles, entities, mentions, figures, roles and
partnerships that `export` writes to SQLite, Parquet and CSV.

Pure: no spaCy, no database. Every table but `articles` has an `article` column,
the article's `source` (its path as given to `extract`): a rerun on the same files
finds the same keys, so an export replaces an article's rows rather than adding
to them. Offsets are `start_char` and `end_char`, as on spaCy's spans, since
`end` is an SQL keyword.

>>> from evextract.records import Figure, Record
>>> figure = Figure(id="f1", kind="money", value=5e9, currency="USD", text="$5 billion",
...     start=12, end=22, sentence="Tesla raised $5 billion.", subject="Tesla")
>>> record = Record(id="a", source="in/a.txt", sha256="0", title="t", figures=[figure])
>>> row = article_rows(record, None)["figures"][0]
>>> row["article"], row["id"], row["value"], row["currency"], row["subject"]
('in/a.txt', 'f1', 5000000000.0, 'USD', 'Tesla')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .records import Record

ColumnType = Literal["text", "integer", "float", "list"]  # list: of strings (JSON in SQLite)


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    nullable: bool = False


@dataclass(frozen=True)
class Table:
    """A table's columns, primary key, indexes and full-text columns."""

    name: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    full_text: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def _columns(spec: str) -> tuple[Column, ...]:
    """Columns from 'name:type' words; a '?' after the type makes one nullable."""
    columns = []
    for word in spec.split():
        name, kind = word.split(":")
        columns.append(Column(name, kind.rstrip("?"), kind.endswith("?")))  # type: ignore[arg-type]
    return tuple(columns)


ARTICLES = Table(
    "articles",
    _columns(
        "source:text id:text title:text published:text? sha256:text text:text? "
        "entities:integer figures:integer roles:integer partnerships:integer warnings:list "
        "schema_version:text evextract:text? model:text? knowledge_base:text?"
    ),
    pk=("source",),
    indexes=(("id",), ("published",)),
    full_text=("title", "text"),
)
ENTITIES = Table(
    "entities",
    _columns(
        "article:text id:text type:text name:text aliases:list mentions:integer "
        "country:text? code:text? qid:text?"
    ),
    pk=("article", "id"),
    indexes=(("name",), ("type",), ("id",)),
)
MENTIONS = Table(
    "mentions",
    _columns("article:text entity:text text:text start_char:integer end_char:integer"),
    pk=("article", "entity", "start_char"),
    indexes=(("entity",),),
)
FIGURES = Table(
    "figures",
    _columns(
        "article:text id:text kind:text value:float value_max:float? currency:text? unit:text? "
        "qualifier:text? equivalent_of:text? text:text start_char:integer end_char:integer "
        "sentence:text subject:text? metric:text? period:text? place:text?"
    ),
    pk=("article", "id"),
    indexes=(("subject",), ("kind", "currency")),
)
ROLES = Table(
    "roles",
    _columns("article:text n:integer person:text title:text organization:text?"),
    pk=("article", "n"),
    indexes=(("person",), ("organization",)),
)
PARTNERSHIPS = Table(
    "partnerships",
    _columns("article:text n:integer parties:list sentence:text?"),
    pk=("article", "n"),
)
TABLES = (ARTICLES, ENTITIES, MENTIONS, FIGURES, ROLES, PARTNERSHIPS)
CHILD_TABLES = TABLES[1:]  # each has an `article` column, a foreign key to articles.source


def article_rows(record: Record, text: str | None) -> dict[str, list[dict[str, Any]]]:
    """The rows of one article in each table, keyed by table name."""
    key = record.source
    pipeline = record.pipeline
    article = {
        "source": key,
        "id": record.id,
        "title": record.title,
        "published": record.published,
        "sha256": record.sha256,
        "text": text,
        "entities": len(record.entities),
        "figures": len(record.figures),
        "roles": len(record.roles),
        "partnerships": len(record.partnerships),
        "warnings": list(record.warnings),
        "schema_version": record.schema_version,
        "evextract": pipeline.evextract if pipeline else None,
        "model": pipeline.model if pipeline else None,
        "knowledge_base": pipeline.knowledge_base if pipeline else None,
    }
    return {
        "articles": [article],
        "entities": [_entity(key, entity) for entity in record.entities],
        "mentions": [
            {
                "article": key,
                "entity": entity.id,
                "text": mention.text,
                "start_char": mention.start,
                "end_char": mention.end,
            }
            for entity in record.entities
            for mention in entity.mentions
        ],
        "figures": [_figure(key, figure) for figure in record.figures],
        "roles": [
            {"article": key, "n": n, **role.model_dump()} for n, role in enumerate(record.roles, 1)
        ],
        "partnerships": [
            {"article": key, "n": n, "parties": list(p.parties), "sentence": p.sentence}
            for n, p in enumerate(record.partnerships, 1)
        ],
    }


def _entity(key: str, entity: Any) -> dict[str, Any]:
    row = entity.model_dump(exclude={"mentions"})
    return {
        "article": key,
        **row,
        "aliases": list(entity.aliases),
        "mentions": len(entity.mentions),
    }


def _figure(key: str, figure: Any) -> dict[str, Any]:
    row = figure.model_dump(exclude={"start", "end"})
    row["value"] = float(figure.value)
    row["value_max"] = None if figure.value_max is None else float(figure.value_max)
    return {"article": key, **row, "start_char": figure.start, "end_char": figure.end}
