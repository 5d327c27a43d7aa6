"""A site named right before what it is: "its Centenario plant", "a Giga Arctic plant",
"Lucid Group's AMP-2 factory", "the Apex 1 facility".

A plant's own name stands between a determiner or a possessive and a lowercase word for
a site. The name is the site's, not a company's or a town's, when the knowledge base and
the gazetteer do not know it, the model did not call it a place, and the article never
uses it on its own ("Freyr is building ... a Freyr plant" names the company). A name
with a number ("AMP-2", "Apex 1") the model rarely tags, so those are found from the
words, and so are known towns it left out there ("BYD's Szeged factory"); "Giga" or
"Gigafactory" first ("Giga Texas") names a plant by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_ents, doc_tokens, span_text

_NAME_WORDS = 4  # "WHA Rayong 36": the longest name read from the words alone
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_GIGA = frozenset({"Giga", "Gigafactory"})
_NOT_PLACE_LABELS = frozenset({"ORG", "PRODUCT", "FAC", "LOC", "PERSON", "NORP", "WORK_OF_ART"})


_HEADED_WORDS = 6  # "Sichuan Times Power Battery Industry Base": words before the head
_LOCATIVES = frozenset({"at", "in", "from", "of", "near", "inside", "within", "to", "through"})


@dataclass(frozen=True)
class SiteCues:
    site_nouns: frozenset[str]  # "plant", "factory", "facility", "operation"
    is_known: Callable[[str], bool]  # a knowledge-base name or a gazetteer place
    facility_heads: frozenset[str] = frozenset()  # "Base", "Zone", "Cluster"
    is_common: Callable[[str], bool] = lambda word: False  # "Industrial", "New", "King"
    project_words: frozenset[str] = frozenset()  # "Graphite Project", "Base Project"
    place_heads: frozenset[str] = frozenset()  # "District" in "... Development District"
    place_modifiers: frozenset[str] = frozenset()  # lowercase "development", "tech"


def is_giga_name(span: Span) -> bool:
    """'Giga Arctic', 'Gigafactory Texas': a plant by its name alone."""
    return len(span) > 1 and span[0].text in _GIGA


def before_a_site(span: Span, cues: SiteCues) -> bool:
    """'its X plant', 'Lucid Group's X factory': the name says where or which the site is."""
    tokens = doc_tokens(span.doc)
    return (
        span.end < len(tokens)
        and tokens[span.end].lower_ in cues.site_nouns
        and _introduced(span.doc, span.start)
    )


def names_a_site(span: Span, cues: SiteCues) -> bool:
    """Whether the model's name `span` is the name of the site the next word says it is."""
    if span.label_ not in _NOT_PLACE_LABELS or not before_a_site(span, cues):
        return False
    return not cues.is_known(span_text(span)) and not _used_on_its_own(span, cues)


def unnamed_sites(doc: Doc, cues: SiteCues) -> Iterator[Span]:
    """Names before a site noun that the model left out: with a number, the site's own
    ('the Apex 1 facility', 'Lucid Group's AMP-2 factory'); a known place, the place
    ('BYD's Szeged factory')."""
    tokens = doc_tokens(doc)
    for noun in tokens:
        if noun.lower_ not in cues.site_nouns or noun.i == 0:
            continue
        start = noun.i
        while (
            start > 0 and noun.i - start < _NAME_WORDS and _may_be_in_a_site_name(tokens[start - 1])
        ):
            start -= 1
        span = doc[start : noun.i]
        if not span or not _introduced(doc, start) or _crosses_an_entity(span):
            continue
        words = tokens[start : noun.i]
        if not words[0].text[:1].isupper():
            continue
        known = cues.is_known(span_text(span))
        if known and not words[0].like_num:
            yield Span(doc, span.start, span.end, label="GPE")  # "BYD's Szeged factory"
        elif not known and any(any(c.isdigit() for c in t.text) for t in words):
            yield Span(doc, span.start, span.end, label="FAC")


def headed_sites(doc: Doc, cues: SiteCues) -> Iterator[Span]:
    """Proper names ending in a facility's head word that the model left out or cut
    short: 'the Manisa Organized Industrial Zone', 'the company's Baojun Base'. One word
    at least must be a name's, not a common word ('the Special Economic Zone' is no
    name), and the words must follow a determiner, a possessive or a locative, not start
    a Title Case heading."""
    tokens = doc_tokens(doc)
    for head in tokens:
        if head.i == 0 or not _is_facility_head(head, tokens[head.i - 1], cues):
            continue
        start = head.i
        while (
            start > 0 and head.i - start < _HEADED_WORDS and _continues_back(doc, start - 1, cues)
        ):
            start -= 1
        span = doc[start : head.i + 1]
        if len(span) < 2 or _crosses_an_entity(span) or not _follows_a_lowercase_cue(doc, start):
            continue
        if all(cues.is_common(t.text) for t in tokens[start : head.i] if not t.like_num):
            continue
        yield Span(doc, span.start, span.end, label="FAC")


def _is_facility_head(head: Token, before: Token, cues: SiteCues) -> bool:
    """'Zone', 'Base'; 'Project' after a site's or a mineral's word ('Graphite Project')."""
    text = head.text
    if text in cues.facility_heads:
        return True
    if text in cues.place_heads:
        return before.lower_ in cues.place_modifiers  # "Development District", "Tech City"
    return text == "Project" and before.text in cues.project_words


def _follows_a_lowercase_cue(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    before = doc_tokens(doc)[start - 1]
    return _introduced(doc, start) or (before.lower_ in _LOCATIVES and before.is_lower)


def _crosses_an_entity(span: Span) -> bool:
    """The model's name reaches past the words ('the Jiangsu Changzhou plant' may be one
    name of its); one inside them ('Torslanda' in 'its Torslanda 2 plant') is a part."""
    tokens = doc_tokens(span.doc)

    def before_the_words(ent: Span) -> bool:  # "the Hefei ... Zone" holds no more name
        return any(t.lower_ not in _DETERMINERS for t in tokens[ent.start : span.start])

    return any(
        before_the_words(ent) or ent.end > span.end
        for ent in doc_ents(span.doc)
        if ent.start < span.end and ent.end > span.start
    )


def _continues_back(doc: Doc, i: int, cues: SiteCues) -> bool:
    """A name word, or 'and' or a tight hyphen between two: 'Hefei Economic and
    Technological Development Zone', 'Tianjin Economic-Technological Development Area';
    not the 'and' after another site ('Liudong New Area and Qinzhou Port')."""
    tokens = doc_tokens(doc)
    token = tokens[i]
    if token.lower_ == "and" or (token.text == "-" and not token.whitespace_):
        before = tokens[i - 1] if i > 0 else token
        another_site = before.text in cues.facility_heads or before.text in cues.place_heads
        return i > 0 and before.text[:1].isupper() and before.is_alpha and not another_site
    return _may_be_in_a_site_name(token)


def _may_be_in_a_site_name(token: Token) -> bool:
    text = token.text
    if token.like_num:
        return True  # "Apex 1", "Rayong 36"; not "30 GWh" (no capital first, checked above)
    # the tagger calls some towns a verb ("BYD's Szeged factory"): the capital decides
    return text[:1].isupper() and (token.is_alpha or "-" in text) and not token.is_stop


def _introduced(doc: Doc, start: int) -> bool:
    """A determiner or a possessive before the name: 'its', 'the', 'Lucid Group's'."""
    if start == 0:
        return False
    before = doc_tokens(doc)[start - 1]
    return before.lower_ in _DETERMINERS or before.tag_ == "POS"


def _used_on_its_own(span: Span, cues: SiteCues) -> bool:
    """The article names it elsewhere, not before a site noun: it is a company's name."""
    doc, text, size = span.doc, span_text(span), len(span)
    tokens = doc_tokens(doc)
    for i in range(len(doc) - size + 1):
        # its first word first: a Span's text joins all its words
        if i == span.start or not text.startswith(tokens[i].text):
            continue
        if span_text(doc[i : i + size]) != text:
            continue
        following = tokens[i + size].lower_ if i + size < len(doc) else ""
        if following not in cues.site_nouns:
            return True
    return False
