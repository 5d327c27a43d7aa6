"""`evextract_lemmatizer`: the base model's English rule lemmatizer, remembered per word.

spaCy's rule lemmatizer caches the lemmas it works out by rule, but not the ones it
decides first, by asking whether a word is a base form (`morph.to_dict()` for a
singular noun, an infinitive, ...): most tokens, asked again at every occurrence.
A lemma depends on the word, its POS and its morphology alone, so this one
remembers every lemma by those three and sets a Doc's lemmas in one array, with
the model's own tables and rules: the same lemma for every token.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

LEMMATIZER = "evextract_lemmatizer"
_KEY = [ORTH, POS, MORPH, LEMMA]


@Language.factory(
    LEMMATIZER,
    assigns=["token.lemma"],
    requires=["token.pos", "token.morph"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_lemmatizer(
    nlp: Language,
    model: Any,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> RememberingLemmatizer:
    return RememberingLemmatizer(
        nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer
    )


class RememberingLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer (same tables, same serialization), remembering."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            rows = doc.to_array(_KEY).tolist()
            if rows:
                lemmas = [self._lemma(doc, i, row) for i, row in enumerate(rows)]
                doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))  # type: ignore[arg-type]
            return doc
        except Exception as error:
            error_handler(self.name, self, [doc], error)
            return doc

    def _lemma(self, doc: Doc, i: int, row: list[int]) -> int:
        orth, pos, morph, lemma = row
        if lemma and not self.overwrite:
            return lemma
        key = orth, pos, morph
        known = self._lemmas.get(key)
        if known is None:
            known = self._lemmas[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
        return known
