"""The one place that reads spaCy annotations into records."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .canonical import EntityGroup, TypedMention, group_mentions
from .corpus import Article
from .dates import find_published_date
from .extensions import ARTICLE_WARNINGS, CANONICAL, CODE, COUNTRY, ENTITY_ID, FIGURE, FIGURES, QID
from .figures import FigureValue
from .records import Entity, Figure, Mention, PipelineInfo, Record


def doc_to_record(doc: Doc, article: Article, pipeline: PipelineInfo | None = None) -> Record:
    """The record of one article from its processed Doc."""
    text = article.text
    warnings = list(article.warnings) + list(doc._.get(ARTICLE_WARNINGS) or [])
    return Record(
        id=article.source.id,
        source=article.source.source,
        sha256=article.sha256,
        title=_title(text),
        published=find_published_date(text),
        entities=[_entity(group) for group in group_mentions(_typed_mentions(doc))],
        figures=_figures(doc),
        warnings=warnings,
        pipeline=pipeline,
    )


def _title(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _typed_mentions(doc: Doc) -> list[TypedMention]:
    return [_typed_mention(ent) for ent in doc.ents]


def _typed_mention(span: Span) -> TypedMention:
    return TypedMention(
        type=span.label_,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        canonical=span._.get(CANONICAL),
        entity_id=span._.get(ENTITY_ID),
        country=span._.get(COUNTRY),
        code=span._.get(CODE),
        qid=span._.get(QID),
    )


def _entity(group: EntityGroup) -> Entity:
    return Entity(
        id=group.id,
        type=group.type,
        name=group.name,
        aliases=group.aliases,
        mentions=[Mention(text=m.text, start=m.start, end=m.end) for m in group.mentions],
        country=group.country,
        code=group.code,
        qid=group.qid,
    )


def _figures(doc: Doc) -> list[Figure]:
    spans = list(doc.spans[FIGURES]) if FIGURES in doc.spans else []
    return [_figure(span, index) for index, span in enumerate(spans)]


def _figure(span: Span, index: int) -> Figure:
    value: FigureValue = span._.get(FIGURE)
    linked = value.equivalent_of
    return Figure(
        id=_figure_id(index),
        kind=value.kind,
        value=value.value,
        value_max=value.value_max,
        currency=value.currency,
        unit=value.unit,
        qualifier=value.qualifier,
        equivalent_of=_figure_id(linked) if linked is not None else None,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        sentence=span.sent.text.strip() if span.doc.has_annotation("SENT_START") else span.text,
    )


def _figure_id(index: int) -> str:
    return f"f{index + 1}"
