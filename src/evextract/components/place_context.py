"""A town too small for the gazetteer, told by the words around it.

The model calls "Pomalaa", "Figueruelas" or "Iváncsa" an organization; the sentence
says it is a place: "at Pomalaa, in Southeast Sulawesi", "in Figueruelas, near
Zaragoza", "south of El Jadida", "SK On's plants in Komárom and Iváncsa". A name is
placed when a locative word comes before it and a known place after it, when it follows
a compass phrase ("south of", "the outskirts of"), or when a plant, mine or site is "in"
or "at" it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_tokens, span_text

_PLACE_WORDS = 3  # "Southeast Sulawesi", "São Paulo state": a known place after the name


@dataclass(frozen=True)
class PlaceCues:
    locatives: frozenset[str]  # "in", "at", "near"
    compass_phrases: frozenset[str]  # "south", "outskirts": before "of"
    sited_nouns: frozenset[str]  # "plant", "mine": things that stand in a place


def placed_by_context(span: Span, cues: PlaceCues, is_place: Callable[[str], bool]) -> bool:
    """Whether the words around `span` say it names a place."""
    tokens, start = doc_tokens(span.doc), span.start
    before = tokens[start - 1].lower_ if start > 0 else ""
    if before == "of" and start > 1 and tokens[start - 2].lower_ in cues.compass_phrases:
        return True  # "south of El Jadida", "the outskirts of Mysuru"
    listed = _list_start(tokens, start)  # "in Komárom and Iváncsa"
    before = tokens[listed - 1].lower_ if listed > 0 else ""
    if before not in cues.locatives:
        return False
    if listed > 1 and tokens[listed - 2].lower_ in cues.sited_nouns:
        return True  # "a cell plant in Rayong", "its mine at Bou Azzer"
    return _known_place_follows(tokens, span.end, is_place)


def _list_start(tokens: list[Token], start: int) -> int:
    """'Komárom and Iváncsa': the first name of a two-name list ending at `start`."""
    if start > 1 and tokens[start - 1].lower_ == "and" and tokens[start - 2].is_title:
        return start - 2
    return start


def _known_place_follows(tokens: list[Token], end: int, is_place: Callable[[str], bool]) -> bool:
    """', in Southeast Sulawesi', ' in Central Sulawesi', ' (Jiangsu)', ', Tennessee'."""
    i = end
    if i < len(tokens) and tokens[i].text in {",", "("}:
        i += 1
    if i < len(tokens) and tokens[i].lower_ == "in":
        i += 1
    elif i == end and not (i < len(tokens) and tokens[i].lower_ in {"near", "in"}):
        return False
    elif i == end:
        i += 1  # "in Figueruelas near Zaragoza"
    words: list[str] = []
    while i < len(tokens) and len(words) < _PLACE_WORDS and tokens[i].is_title:
        words.append(tokens[i].text)
        i += 1
    if i < len(tokens) and tokens[i].tag_ == "POS":
        return False  # "a stake in Ampere, France's ...": a description, not a location
    return any(is_place(" ".join(words[:n])) for n in range(len(words), 0, -1))


def places_the_model_missed(
    doc: Doc, cues: PlaceCues, is_place: Callable[[str], bool]
) -> Iterator[Span]:
    """'an office in Hyderabad', '... Kolkata, Chennai, Ahmedabad': a capitalized name the
    gazetteer knows, right after a locative word or listed among the model's places, that
    the model left unnamed. The whole run of capitalized words must be the place: 'in
    Hyderabad Pharma' names something else."""
    placed_ends: set[int] = set()
    tokens = doc_tokens(doc)
    for start in range(1, len(tokens)):
        # the model calls some towns a product ("BYD's car plant in Szeged")
        if tokens[start].ent_type_ not in {"", "PRODUCT"}:
            continue
        if not tokens[start].is_title or tokens[start - 1].is_title:
            continue
        after_locative = tokens[start - 1].lower_ in cues.locatives
        if not (after_locative or _listed_with_a_place(tokens, start, placed_ends)):
            continue
        end = start
        while end < len(tokens) and end - start <= _PLACE_WORDS and tokens[end].is_title:
            end += 1
        # a proper name the model left alone: not a date ('in March') nor a word ('Reading')
        free = all(t.ent_type_ in {"", "PRODUCT"} and t.pos_ == "PROPN" for t in tokens[start:end])
        if end - start <= _PLACE_WORDS and free and is_place(span_text(doc[start:end])):
            placed_ends.add(end)
            yield Span(doc, start, end, label="GPE")


def _listed_with_a_place(tokens: list[Token], start: int, placed_ends: set[int]) -> bool:
    """'Kolkata, Chennai': after a comma or 'and' that follows a place, the model's or one
    found here."""
    if start < 2 or tokens[start - 1].lower_ not in {",", "and"}:
        return False
    return tokens[start - 2].ent_type_ in {"GPE", "LOC"} or start - 1 in placed_ends
