"""The output records: Pydantic models with a description on every field.

This module knows nothing of spaCy or the terminal. `evextract schema` prints
the JSON Schema generated from `Record`, packaged as data/record.schema.json so
that printing it needs neither Pydantic nor the models (a test keeps it current).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

EntityType = Literal["person", "company", "organization", "city", "region", "country", "facility"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "person",
    "company",
    "organization",
    "city",
    "region",
    "country",
    "facility",
)
FigureKind = Literal["money", "percent", "quantity"]
Qualifier = Literal["approx", "more_than", "less_than", "up_to"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mention(_Model):
    """One place in the article where an entity is named."""

    text: str = Field(description="The mention exactly as written: the article's text[start:end].")
    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")


class Entity(_Model):
    """A distinct person, company, organization, place or facility."""

    id: str = Field(
        description="Stable identifier: a knowledge-base id ('kb:catl'), an ISO 3166 code "
        "('iso:CN-AH'), a GeoNames id, or the type and canonical name ('company:octillion')."
    )
    type: EntityType = Field(description="What kind of thing the entity is.")
    name: str = Field(description="Canonical name: the fullest ordinary form, no possessive.")
    aliases: list[str] = Field(
        default_factory=list, description="Other surface forms the article uses for it."
    )
    mentions: list[Mention] = Field(
        default_factory=list, description="Every mention, in order of appearance."
    )
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code of its country, when known."
    )
    code: str | None = Field(
        default=None, description="ISO 3166 code of a country or region (e.g. 'CN-AH')."
    )
    qid: str | None = Field(default=None, description="Wikidata QID, when known.")


class Figure(_Model):
    """A number in the article, normalized so that programs can compute with it."""

    id: str = Field(description="Identifier within the record, in order of appearance ('f1').")
    kind: FigureKind = Field(description="money, percent or quantity.")
    value: int | float = Field(description="The value in plain units (the low end of a range).")
    value_max: int | float | None = Field(default=None, description="The high end of a range.")
    currency: str | None = Field(default=None, description="ISO 4217 code, for money.")
    unit: str | None = Field(
        default=None,
        description="Counted noun or measure, lower case and singular, for quantities.",
    )
    qualifier: Qualifier | None = Field(
        default=None, description="approx, more_than, less_than or up_to, when the text says so."
    )
    equivalent_of: str | None = Field(
        default=None, description="Id of the figure this one converts (a bracketed conversion)."
    )
    text: str = Field(description="The figure exactly as written: the article's text[start:end].")
    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    sentence: str = Field(description="The sentence the figure is in.")
    subject: str | None = Field(
        default=None,
        description="Canonical name of the entity the figure describes ('Hefei', 'BYD'), "
        "when its sentence names it.",
    )
    metric: str | None = Field(
        default=None,
        description="What the figure measures, a short noun phrase ('NEV output', 'investment').",
    )
    period: str | None = Field(
        default=None,
        description="The period it refers to, normalized ('2024', 'first half of 2023', "
        "'January-May', 'Q3 2024').",
    )
    place: str | None = Field(
        default=None,
        description="Canonical name of the place it refers to, when that is not the subject.",
    )


class Role(_Model):
    """A person's title, and the organization it belongs to."""

    person: str = Field(description="Canonical name of the person entity.")
    title: str = Field(description="The title as written ('Founder, Chairman, and CEO').")
    organization: str | None = Field(
        default=None, description="Canonical name of the company or organization, when named."
    )


class Partnership(_Model):
    """Companies or organizations the article says work together."""

    parties: list[str] = Field(description="Canonical names of the parties.")
    sentence: str | None = Field(default=None, description="The sentence that says so.")


class PipelineInfo(_Model):
    """What produced the record; a change in any part means the record is stale."""

    evextract: str = Field(description="evextract version.")
    model: str = Field(description="Base spaCy pipeline name and version.")
    knowledge_base: str = Field(description="Hash of the industry knowledge base used, or 'off'.")


class Record(_Model):
    """Everything evextract extracts from one article."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema.")
    id: str = Field(description="The article's file name without its extension ('-' for stdin).")
    source: str = Field(description="The article's path as given on the command line.")
    sha256: str = Field(description="SHA-256 of the article file's bytes.")
    title: str = Field(description="The first non-empty line of the article.")
    published: str | None = Field(
        default=None,
        description="The article's own date (ISO YYYY-MM-DD), when the text states it.",
    )
    entities: list[Entity] = Field(default_factory=list, description="Distinct entities.")
    figures: list[Figure] = Field(default_factory=list, description="Normalized figures.")
    roles: list[Role] = Field(default_factory=list, description="People's titles.")
    partnerships: list[Partnership] = Field(
        default_factory=list, description="Partnerships between companies or organizations."
    )
    warnings: list[str] = Field(
        default_factory=list, description="Problems met while reading the article."
    )
    pipeline: PipelineInfo | None = Field(default=None, description="What produced the record.")

    @model_validator(mode="after")
    def _figure_ids_unique(self) -> Record:
        ids = [figure.id for figure in self.figures]
        if len(ids) != len(set(ids)):
            raise ValueError("figure ids must be unique within a record")
        return self


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record, generated from `Record`."""
    return Record.model_json_schema()


def record_schema_text() -> str:
    """The schema as the packaged data/record.schema.json holds it (`make schema` writes it)."""
    return json.dumps(record_schema(), indent=2) + "\n"


if __name__ == "__main__":
    print(record_schema_text(), end="")
