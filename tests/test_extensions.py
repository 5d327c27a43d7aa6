"""The shared views of a Doc: the same tokens, sentences, entities and texts as spaCy's own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from evextract.extensions import (
    doc_ents,
    doc_sents,
    doc_text,
    doc_tokens,
    shared_views,
    span_text,
    span_tokens,
    token_sentence,
)

TEXT = "BYD sold 1.2 million cars.  Tesla sold fewer.\nNio, in Hefei, grew. "


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def doc(nlp: spacy.language.Language) -> Doc:
    doc = nlp(TEXT)
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 7, 8, label="ORG")]
    return doc


def test_tokens_are_made_once_inside_the_block(doc: Doc) -> None:
    with shared_views(doc):
        tokens = doc_tokens(doc)
        assert doc_tokens(doc) is tokens
        assert [t.i for t in tokens] == list(range(len(doc)))
        assert [t.text for t in span_tokens(doc[2:5])] == [t.text for t in doc[2:5]]
    assert doc_tokens(doc) is not doc_tokens(doc)  # outside: made anew, still right
    assert [t.text for t in doc_tokens(doc)] == [t.text for t in doc]


def test_the_views_leave_with_the_block(doc: Doc) -> None:
    with shared_views(doc):
        with shared_views(doc):  # a helper's block shares the component's views
            inner = doc_tokens(doc)
        assert doc_tokens(doc) is inner
    assert set(doc.user_data) <= {"evx_text"}
    Doc(doc.vocab).from_bytes(doc.to_bytes())  # no Token left in the user data


def test_sentences_and_entities_are_spacy_s(doc: Doc) -> None:
    with shared_views(doc):
        assert doc_sents(doc) == list(doc.sents)
        assert doc_ents(doc) == doc.ents
        for token in doc_tokens(doc):
            assert token_sentence(token) == token.sent


def test_span_text_is_span_dot_text(doc: Doc) -> None:
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
    assert doc_text(doc) == doc.text
