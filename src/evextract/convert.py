"""The one place that reads spaCy annotations into records."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from .canonical import EntityGroup, TypedMention, clean_surface, group_mentions, name_key
from .corpus import Article
from .dates import find_published_date
from .extensions import (
    ARTICLE_WARNINGS,
    CANONICAL,
    CODE,
    COUNTRY,
    ENTITY_ID,
    FACTS,
    FIGURE,
    FIGURES,
    PARTNERSHIPS,
    QID,
    ROLES,
    doc_text,
    span_text,
)
from .facts import FigureFacts
from .figures import FigureValue
from .records import Entity, Figure, Mention, Partnership, PipelineInfo, Record, Role
from .relations import PartnershipFinding, RoleFinding, TextSpan


def doc_to_record(doc: Doc, article: Article, pipeline: PipelineInfo | None = None) -> Record:
    """The record of one article from its processed Doc."""
    text = article.text
    warnings = list(article.warnings) + list(doc._.get(ARTICLE_WARNINGS) or [])
    groups = group_mentions(_typed_mentions(doc))
    names = _CanonicalNames(groups)
    return Record(
        id=article.source.id,
        source=article.source.source,
        sha256=article.sha256,
        title=_title(text),
        published=find_published_date(text),
        entities=[_entity(group) for group in groups],
        figures=_figures(doc, names),
        roles=_roles(doc._.get(ROLES) or [], names),
        partnerships=_partnerships(doc._.get(PARTNERSHIPS) or [], names),
        warnings=warnings,
        pipeline=pipeline,
    )


def _title(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _typed_mentions(doc: Doc) -> list[TypedMention]:
    return [_typed_mention(ent) for ent in doc.ents]


def _typed_mention(span: Span) -> TypedMention:
    attributes = span._  # each `span._` builds a new accessor
    return TypedMention(
        type=span.label_,
        text=span_text(span),
        start=span.start_char,
        end=span.end_char,
        canonical=attributes.get(CANONICAL),
        entity_id=attributes.get(ENTITY_ID),
        country=attributes.get(COUNTRY),
        code=attributes.get(CODE),
        qid=attributes.get(QID),
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


def _figures(doc: Doc, names: _CanonicalNames) -> list[Figure]:
    spans = list(doc.spans[FIGURES]) if FIGURES in doc.spans else []
    sentences = _Sentences(doc)
    return [_figure(span, index, names, sentences) for index, span in enumerate(spans)]


class _Sentences:
    """The Doc's sentences, found once: `Span.sent` walks the tokens on every call."""

    def __init__(self, doc: Doc) -> None:
        parsed = doc.has_annotation("SENT_START")
        self._sents = list(doc.sents) if parsed else []
        self._starts = [sent.start for sent in self._sents]

    def text_of(self, span: Span) -> str:
        if not self._sents:
            return span.text
        sentence = self._sents[bisect_right(self._starts, span.start) - 1]
        return doc_text(span.doc)[sentence.start_char : sentence.end_char].strip()


def _figure(span: Span, index: int, names: _CanonicalNames, sentences: _Sentences) -> Figure:
    attributes = span._
    value: FigureValue = attributes.get(FIGURE)
    facts: FigureFacts = attributes.get(FACTS) or FigureFacts()
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
        text=span_text(span),
        start=span.start_char,
        end=span.end_char,
        sentence=sentences.text_of(span),
        subject=names.name(facts.subject),
        metric=facts.metric,
        period=facts.period,
        place=names.name(facts.place),
    )


def _figure_id(index: int) -> str:
    return f"f{index + 1}"


def _roles(found: list[RoleFinding], names: _CanonicalNames) -> list[Role]:
    """One role per person and organization; a role without organization only when the
    person has none with one."""
    roles: dict[tuple[str, str | None], Role] = {}
    for finding in found:
        person = names.group(finding.person)
        if person is None or person.type != "person":
            continue
        organization = names.name(finding.organization)
        role = Role(person=person.name, title=finding.title, organization=organization)
        roles.setdefault((person.name, organization), role)
    with_org = {person for person, org in roles if org is not None}
    return [r for (p, org), r in roles.items() if org is not None or p not in with_org]


def _partnerships(found: list[PartnershipFinding], names: _CanonicalNames) -> list[Partnership]:
    """Each set of parties once, in canonical names; a party named twice counts once."""
    partnerships: dict[frozenset[str], Partnership] = {}
    for finding in found:
        parties = list(dict.fromkeys(n for p in finding.parties if (n := names.name(p))))
        if len(parties) >= 2:
            partnership = Partnership(parties=parties, sentence=finding.sentence)
            partnerships.setdefault(frozenset(parties), partnership)
    return list(partnerships.values())


class _CanonicalNames:
    """The canonical name of the entity a finding's span names: by the offsets of one of
    its mentions, by a mention overlapping it, or by its name; else the span's own text."""

    def __init__(self, groups: list[EntityGroup]) -> None:
        self._mentions = [(m.start, m.end, g) for g in groups for m in g.mentions]
        self._by_key: dict[str, EntityGroup] = {}
        for group in groups:
            for name in (group.name, *group.aliases):
                self._by_key.setdefault(name_key(name), group)

    def group(self, span: TextSpan) -> EntityGroup | None:
        """A span strictly inside a longer mention ('FAW Group' in "FAW Group's Strategy and
        Cooperation Department") names another entity: it is looked up by name."""
        exact = [g for start, end, g in self._mentions if (start, end) == (span.start, span.end)]
        overlapping = [
            g
            for start, end, g in self._mentions
            if start < span.end and span.start < end and not _strictly_inside(span, start, end)
        ]
        found = exact or overlapping
        return found[0] if found else self._by_key.get(name_key(span.text))

    def name(self, span: TextSpan | None) -> str | None:
        if span is None:
            return None
        group = self.group(span)
        return group.name if group is not None else clean_surface(span.text) or None


def _strictly_inside(span: TextSpan, start: int, end: int) -> bool:
    return start <= span.start and span.end <= end and (start, end) != (span.start, span.end)
