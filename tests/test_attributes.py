"""The table-driven attribute ruler gives every token what spaCy's AttributeRuler gives it."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from evextract.components.attributes import TableAttributeRuler

from .conftest import DEV, SAMPLES, SEEDS

RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBZ", "VBD"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "gets", "TAG": "VBZ"}]], "attrs": {"LEMMA": "get"}},
    {
        "patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]],
        "attrs": {"POS": "AUX"},
    },
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "deal"}]], "attrs": {"POS": "PROPN"}},  # later wins
]
WORDS = ["Y'", "all", "gets", "a", "deal", "\n", "gon", "na", "has", "to", "go", "deal"]
TAGS = ["PRP", "DT", "VBZ", "DT", "NN", "_SP", "VBG", "TO", "VBZ", "TO", "VB", "NN"]
DEPS = ["nsubj", "det", "ROOT", "det", "dobj", "dep", "xcomp", "aux", "aux", "aux", "xcomp", ""]


def _rulers(patterns: list[dict[str, Any]]) -> tuple[Any, Any]:
    vocab = spacy.blank("en").vocab
    ours, theirs = TableAttributeRuler(vocab), AttributeRuler(vocab)
    ours.add_patterns(patterns)
    theirs.add_patterns(patterns)
    return ours, theirs


def _doc(vocab: Any) -> Doc:
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[2] * len(WORDS))


def _attributes(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_rules_give_what_spacy_gives() -> None:
    ours, theirs = _rulers(RULES)
    got = _attributes(ours(_doc(ours.vocab)))
    assert got == _attributes(theirs(_doc(theirs.vocab)))
    assert got[4][0] == "PROPN" and got[7][2] == "to" and got[0][2] == "you"


def test_a_pattern_beyond_the_tables_falls_back_to_the_matcher() -> None:
    patterns = [*RULES, {"patterns": [[{"ORTH": "deal", "OP": "+"}]], "attrs": {"POS": "X"}}]
    ours, theirs = _rulers(patterns)
    assert _attributes(ours(_doc(ours.vocab))) == _attributes(theirs(_doc(theirs.vocab)))
    assert ours._tables is not None and not ours._tables.supported


def test_saved_ruler_loads_back(tmp_path: Any) -> None:
    ours, _ = _rulers(RULES)
    ours.to_disk(tmp_path / "ruler")
    loaded = TableAttributeRuler(ours.vocab).from_disk(tmp_path / "ruler")
    assert _attributes(loaded(_doc(ours.vocab))) == _attributes(ours(_doc(ours.vocab)))


@pytest.mark.parametrize("folder", [SAMPLES, SEEDS, DEV], ids=["samples", "seeds", "dev"])
def test_the_models_own_rules_give_what_its_ruler_gives(nlp: Any, folder: Any) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there")
    from evextract.pipeline import load_base_model

    base = load_base_model()
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    disabled = ["attribute_ruler", "lemmatizer", "ner"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    ours = TableAttributeRuler(base.vocab)
    ours.add_patterns(base.get_pipe("attribute_ruler").patterns)
    for doc in base.pipe(texts, disable=disabled):
        copy = Doc(base.vocab).from_bytes(doc.to_bytes())
        expected = _attributes(base.get_pipe("attribute_ruler")(doc))
        assert _attributes(ours(copy)) == expected
