"""The knowledge-base matcher on a blank pipeline with a tiny knowledge base."""

from __future__ import annotations

from pathlib import Path

import spacy

from evextract.components.knowledge_base import KnowledgeBaseMatcher
from evextract.extensions import AMBIGUOUS, CANONICAL, KB_MATCHES
from evextract.knowledge import KnowledgeBase, parse_entries

ENTRIES = parse_entries(
    [
        '{"id": "nio", "name": "NIO", "type": "company", "aliases": ["Nio", "NIO Inc."]}',
        '{"id": "xinhua", "name": "Xinhua", "type": "organization", "aliases": []}',
        '{"id": "lucid", "name": "Lucid Group", "type": "company", "aliases": [], '
        '"ambiguous_aliases": ["Lucid"]}',
    ]
)


def matcher() -> tuple[spacy.language.Language, KnowledgeBaseMatcher]:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("evextract_knowledge_base")
    assert isinstance(component, KnowledgeBaseMatcher)
    component.set_knowledge_base(KnowledgeBase(ENTRIES, "test"))
    return nlp, component


def test_names_and_aliases_match_with_ids() -> None:
    nlp, _ = matcher()
    doc = nlp("NIO Inc. said Nio's battery swap grew, Xinhua reported.")
    found = [(s.text, s.id_, s.label_, s._.get(CANONICAL)) for s in doc.spans[KB_MATCHES]]
    assert found == [
        ("NIO Inc.", "nio", "company", "NIO"),
        ("Nio", "nio", "company", "NIO"),
        ("Xinhua", "xinhua", "organization", "Xinhua"),
    ]


def test_matching_is_case_sensitive() -> None:
    nlp, _ = matcher()
    doc = nlp("the xinhua and nio words")
    assert list(doc.spans[KB_MATCHES]) == []


def test_ambiguous_aliases_are_marked() -> None:
    nlp, _ = matcher()
    doc = nlp("Lucid cut prices.")
    (span,) = doc.spans[KB_MATCHES]
    assert span._.get(AMBIGUOUS) is True


def test_round_trip_to_disk(tmp_path: Path) -> None:
    _, component = matcher()
    component.to_disk(tmp_path)
    _, other = matcher()
    other.set_knowledge_base(KnowledgeBase())
    other.from_disk(tmp_path)
    assert other.knowledge_base == component.knowledge_base
