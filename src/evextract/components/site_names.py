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

_NAME_WORDS = 4  # "WHA Rayong 36": the longest name read from the words alone
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_GIGA = frozenset({"Giga", "Gigafactory"})
_NOT_PLACE_LABELS = frozenset({"ORG", "PRODUCT", "FAC", "LOC", "PERSON", "NORP", "WORK_OF_ART"})


@dataclass(frozen=True)
class SiteCues:
    site_nouns: frozenset[str]  # "plant", "factory", "facility", "operation"
    is_known: Callable[[str], bool]  # a knowledge-base name or a gazetteer place


def is_giga_name(span: Span) -> bool:
    """'Giga Arctic', 'Gigafactory Texas': a plant by its name alone."""
    return len(span) > 1 and span[0].text in _GIGA


def before_a_site(span: Span, cues: SiteCues) -> bool:
    """'its X plant', 'Lucid Group's X factory': the name says where or which the site is."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_ in cues.site_nouns
        and _introduced(doc, span.start)
    )


def names_a_site(span: Span, cues: SiteCues) -> bool:
    """Whether the model's name `span` is the name of the site the next word says it is."""
    if span.label_ not in _NOT_PLACE_LABELS or not before_a_site(span, cues):
        return False
    return not cues.is_known(span.text) and not _used_on_its_own(span, cues)


def unnamed_sites(doc: Doc, cues: SiteCues) -> Iterator[Span]:
    """Names before a site noun that the model left out: with a number, the site's own
    ('the Apex 1 facility', 'Lucid Group's AMP-2 factory'); a known place, the place
    ('BYD's Szeged factory')."""
    for noun in doc:
        if noun.lower_ not in cues.site_nouns or noun.i == 0:
            continue
        start = noun.i
        while start > 0 and noun.i - start < _NAME_WORDS and _may_be_in_a_site_name(doc[start - 1]):
            start -= 1
        span = doc[start : noun.i]
        if not span or not _introduced(doc, start) or _crosses_an_entity(span):
            continue
        if not span[0].text[:1].isupper():
            continue
        known = cues.is_known(span.text)
        if known and not span[0].like_num:
            yield Span(doc, span.start, span.end, label="GPE")  # "BYD's Szeged factory"
        elif not known and any(any(c.isdigit() for c in t.text) for t in span):
            yield Span(doc, span.start, span.end, label="FAC")


def _crosses_an_entity(span: Span) -> bool:
    """The model's name reaches past the words ('the Jiangsu Changzhou plant' may be one
    name of its); one inside them ('Torslanda' in 'its Torslanda 2 plant') is a part."""
    doc = span.doc
    return any(
        ent.start < span.start or ent.end > span.end
        for ent in doc.ents
        if ent.start < span.end and ent.end > span.start
    )


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
    before = doc[start - 1]
    return before.lower_ in _DETERMINERS or before.tag_ == "POS"


def _used_on_its_own(span: Span, cues: SiteCues) -> bool:
    """The article names it elsewhere, not before a site noun: it is a company's name."""
    doc, text, size = span.doc, span.text, len(span)
    for i in range(len(doc) - size + 1):
        if i == span.start or doc[i : i + size].text != text:
            continue
        following = doc[i + size].lower_ if i + size < len(doc) else ""
        if following not in cues.site_nouns:
            return True
    return False
