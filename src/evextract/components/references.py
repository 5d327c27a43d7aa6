"""The entities of a Doc, and what 'the company', 'it' or 'the city' point back to.

A helper of `evextract_relations` and `evextract_facts`, not a component itself.
Resolution is deliberately short-sighted: a pronoun or a definite description
('the carmaker', 'the department') names the nearest entity of a fitting type
before it, and only within a few sentences; anything else stays unresolved. A
kind of company fits only companies of a fitting knowledge-base category: "the
automaker" is not the battery maker named last.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..extensions import (
    COUNTRY,
    ENTITY_ID,
    doc_ents,
    doc_sents,
    doc_text,
    doc_tokens,
    token_sentence,
)
from ..knowledge import load_knowledge_base
from ..relations import ReferenceNouns, TextSpan

ORG_TYPES = frozenset({"company", "organization"})
PLACE_TYPES = frozenset({"city", "region", "country", "facility"})
ALL_TYPES = ORG_TYPES | PLACE_TYPES | {"person"}
PRONOUNS = frozenset({"it", "its"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "this", "that"})
_PRONOUN_REACH = 2  # sentences back that "it" may reach
_NOUN_REACH = 6  # sentences back that "the company" may reach
_BACKGROUND = frozenset({"relcl", "acl", "appos"})


class EntityIndex:
    """The Doc's entities by token, and the sentence of every token."""

    def __init__(self, doc: Doc, nouns: ReferenceNouns) -> None:
        self.doc = doc
        self.nouns = nouns
        self.text = doc_text(doc)  # once: Doc.text joins every token anew
        self.entities = sorted(doc_ents(doc), key=lambda ent: ent.start)
        self._by_token = {i: ent for ent in self.entities for i in range(ent.start, ent.end)}
        self._sentence_starts = [sent.start for sent in sentences(doc)]

    def at(self, token: Token) -> Span | None:
        """The entity the token is part of."""
        return self._by_token.get(token.i)

    def sentence_number(self, i: int) -> int:
        return bisect_right(self._sentence_starts, i) - 1

    def sentence_start(self, number: int) -> int:
        return self._sentence_starts[number]

    def in_range(self, start: int, end: int, types: Iterable[str] = ALL_TYPES) -> list[Span]:
        """Entities of the types lying wholly within tokens [start, end)."""
        wanted = set(types)
        return [
            ent
            for ent in self.entities
            if start <= ent.start and ent.end <= end and ent.label_ in wanted
        ]

    def refers_to(
        self, token: Token, types: frozenset[str], besides: Span | None = None
    ) -> Span | None:
        """The entity a noun phrase headed by `token` names or points back to; a pronoun,
        the nearest one other than `besides` ("Ultium Cells, its venture with GM": not
        Ultium Cells)."""
        entity = self.at(token)
        if entity is not None:
            return entity if entity.label_ in types else None
        word = token.lower_
        if word in PRONOUNS:
            return self._before(token.i, types, _PRONOUN_REACH, foreground=True, besides=besides)
        if not _is_definite(token):
            return None
        kinds = frozenset(self.nouns.types_of(word)) & types
        if not kinds:
            return None
        named = self._before(token.i, kinds, len(self._sentence_starts), word, token)
        return named or self._before(token.i, kinds, _NOUN_REACH, context=token)

    def _before(
        self,
        i: int,
        types: frozenset[str],
        reach: int,
        word: str = "",
        context: Token | None = None,
        foreground: bool = False,
        besides: Span | None = None,
    ) -> Span | None:
        """The nearest entity of the types ending before token i, within `reach` sentences;
        with `foreground`, not one named in passing in a relative clause or an apposition
        ("Geely, which owns Volvo Cars, said its sales rose": "its" is Geely's); with a
        `context` noun, not the subject of its own clause ("Aramco took a stake in the
        venture": the venture is not Aramco)."""
        first_sentence = self.sentence_number(i) - reach
        country = self._nationality(context) if context is not None else None
        for ent in reversed(self.entities):
            if ent.end > i:
                continue
            if self.sentence_number(ent.start) < first_sentence:
                return None
            if ent.label_ not in types or (word and word not in ent.text.lower().split()):
                continue
            if (foreground and _in_background(ent)) or ent == besides:
                continue
            if context is not None and not self.nouns.fits(context.lower_, _category(ent)):
                continue  # "the automaker" is not the battery maker named last
            if country is not None and ent._.get(COUNTRY) not in {None, country}:
                continue  # "the South Korean company" is not the Indian one named last
            if context is None or not _subject_above(ent, context):
                return ent
        return None

    def _nationality(self, noun: Token) -> str | None:
        """The country named by the words before a reference noun, in its phrase."""
        words = [t.text for t in self.doc[noun.left_edge.i : noun.i]]
        return self.nouns.nationality(words) if words else None


def is_known(entity: Span) -> bool:
    """The knowledge base knows the entity."""
    return (entity._.get(ENTITY_ID) or "") in _kb_categories()


def _category(entity: Span) -> str | None:
    """The knowledge-base category of an entity the knowledge base knows."""
    return _kb_categories().get(entity._.get(ENTITY_ID) or "")


@lru_cache(maxsize=1)
def _kb_categories() -> dict[str, str | None]:
    return {f"kb:{entry.id}": entry.category for entry in load_knowledge_base()}


def sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, or the whole Doc when nothing set sentence boundaries."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        yield from doc_sents(doc)
    else:
        yield doc[:]


def sentence_of(span: Span) -> Span:
    """The span's sentence, or the whole Doc when nothing set sentence boundaries."""
    doc = span.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return token_sentence(doc_tokens(doc)[span.start])  # `Span.sent` is its first token's
    return doc[:]


def text_span(span: Span) -> TextSpan:
    """A span as the offsets and text a finding keeps."""
    return TextSpan(span.start_char, span.end_char, span.text)


def _subject_above(entity: Span, token: Token) -> bool:
    """The entity is the subject of a verb the token depends on."""
    root = entity.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head in token.ancestors


def _in_background(entity: Span) -> bool:
    return any(t.dep_ in _BACKGROUND for t in [entity.root, *entity.root.ancestors])


def _is_definite(token: Token) -> bool:
    """'the company', 'this carmaker', 'the department's'."""
    before = doc_tokens(token.doc)[token.i - 1] if token.i > 0 else None
    return (before is not None and before.lower_ in _DETERMINERS) or any(
        child.dep_ == "det" and child.lower_ in _DETERMINERS for child in token.children
    )


def is_modifier(token: Token) -> bool:
    """A name that modifies a noun, alone or in a list: 'its 450X and Rizta scooters'."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"compound", "amod", "nmod"}


def is_possessive(token: Token) -> bool:
    return token.text in POSSESSIVES or token.tag_ == "POS"


def same_line(a: Token, b: Token) -> bool:
    """No line break between the two tokens: a headline is not the sentence under it."""
    first, last = sorted((a, b), key=lambda t: t.i)
    return "\n" not in doc_text(a.doc)[first.idx : last.idx]
