"""The remembering lemmatizer gives every token the lemma spaCy's English one gives it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from evextract.components.lemmas import RememberingLemmatizer

from .conftest import DEV, SAMPLES, SEEDS


@pytest.fixture(scope="module")
def base() -> Any:
    from evextract.pipeline import load_base_model

    return load_base_model()


def _lemmatizer(base: Any) -> RememberingLemmatizer:
    theirs = base.get_pipe("lemmatizer")
    ours = RememberingLemmatizer(base.vocab, None, mode="rule", overwrite=False)
    ours.lookups = theirs.lookups
    return ours


def _lemmas(doc: Doc) -> list[str]:
    return [token.lemma_ for token in doc]


@pytest.mark.parametrize("folder", [SAMPLES, SEEDS, DEV], ids=["samples", "seeds", "dev"])
def test_lemmas_are_the_rule_lemmatizers(base: Any, folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there")
    ours = _lemmatizer(base)
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    for doc in base.pipe(texts, disable=["lemmatizer", "ner"]):
        copy = Doc(base.vocab).from_bytes(doc.to_bytes())
        expected = _lemmas(base.get_pipe("lemmatizer")(doc))
        assert _lemmas(ours(copy)) == expected  # and again, from what it remembers
        assert _lemmas(ours(Doc(base.vocab).from_bytes(doc.to_bytes()))) == expected


def test_a_lemma_already_set_is_kept(base: Any) -> None:
    doc = base("Sales rose.", disable=["lemmatizer"])
    doc[1].lemma_ = "climb"
    assert _lemmas(_lemmatizer(base)(doc)) == ["sale", "climb", "."]


def test_the_pipeline_uses_it(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("lemmatizer"), RememberingLemmatizer)
