"""The names to type in a Doc, besides the knowledge base's: dateline places, people
after titles, places and people the model missed, sites, described names, and the
model's own names split at credits, brackets and lists, then trimmed of "the",
possessives, compass words and generic tails. Each comes with the model's label, for
name_typing.py to settle."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_ents, doc_tokens, span_tokens
from . import name_context
from .descriptions import described_names, names_after_a_country
from .lexicon import Lexicon
from .place_context import places_the_model_missed
from .site_names import unnamed_sites
from .span_labels import overlap
from .titled_people import people_after_titles

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def name_parts(doc: Doc, sites: list[Span], lexicon: Lexicon) -> Iterator[Span]:
    """Dateline places, then the model's names, split at separators and trimmed;
    `sites` are the `headed_sites`."""
    rules = lexicon.rules
    datelines = list(name_context.datelines(doc))
    yield from datelines
    titled = list(people_after_titles(doc, lexicon.title_cues))
    yield from titled
    dateline_tokens = {span.start for span in datelines}
    yield from _regions_before_region_words(doc, lexicon)
    yield from places_the_model_missed(doc, lexicon.place_cues, lexicon.is_unmarked_place)
    yield from _people_the_model_missed(doc, lexicon)
    yield from unnamed_sites(doc, lexicon.site_cues)
    yield from sites
    yield from described_names(doc, lexicon.description_nouns)
    yield from names_after_a_country(doc, lexicon.is_country, rules.body_heads)
    for ent in doc_ents(doc):
        if ent.start in dateline_tokens:
            continue
        if ent.label_ == "NORP" and lexicon.names_a_region(ent.text):
            # The model calls some regions a nationality ("... district of Maharashtra");
            # nationalities themselves ("Chinese") are no places.
            yield Span(doc, ent.start, ent.end, label="GPE")
            continue
        if ent.label_ == "ORG" and _is_part_of_a_title(ent, lexicon):
            continue  # "Minister of Industry", "Industry and Technology Minister"
        if ent.label_ in NAME_LABELS:
            yield from _trimmed_parts(ent, titled, lexicon)


def _trimmed_parts(ent: Span, titled: list[Span], lexicon: Lexicon) -> Iterator[Span]:
    for part in (
        p
        for whole in _split(ent, lexicon)
        for p in _outside(whole, titled, lexicon.rules.person_titles)
    ):
        trimmed = name_context.trim(part)
        if trimmed is not None and not _is_heading_phrase(trimmed, lexicon):
            named = _facility_extended(_without_generic_tail(trimmed, lexicon), lexicon)
            yield from _place_before_facility(named, lexicon)


def _regions_before_region_words(doc: Doc, lexicon: Lexicon) -> Iterator[Span]:
    """'Kanagawa Prefecture', 'Jiangsu Province': a capitalized word before a region
    word names a region, whether or not the model saw it."""
    tokens, region_heads = doc_tokens(doc), lexicon.rules.region_heads
    for token in tokens[1:]:
        before = tokens[token.i - 1]
        if (
            token.text in region_heads
            and token.text[:1].isupper()
            and before.is_title
            and before.is_alpha
            and not before.ent_type_
            and not token.ent_type_
        ):
            yield Span(doc, before.i, token.i + 1, label="GPE")


def _people_the_model_missed(doc: Doc, lexicon: Lexicon) -> Iterator[Span]:
    """'K. Gopala Desikan, chief financial officer of TVS Motor': proper names set off
    by a title are a person's, whether or not the model saw them."""
    tokens, titles = doc_tokens(doc), lexicon.rules.title_words
    for comma in (t for t in tokens if t.text == ","):
        following = tokens[comma.i + 1 : comma.i + 4]
        if not any(t.text.title() in titles for t in following):
            continue
        start = comma.i
        while start > 0 and _may_be_in_a_name(tokens[start - 1]):
            start -= 1
        words = [t for t in tokens[start : comma.i] if not _INITIALS.match(t.text)]
        if 2 <= comma.i - start <= 4 and words and not _INITIALS.match(tokens[comma.i - 1].text):
            yield Span(doc, start, comma.i, label="PERSON")


def _may_be_in_a_name(token: Token) -> bool:
    """A proper noun or an initial ('H.D.') that no other name has taken (the model
    sometimes calls an initial a nationality, a person a product)."""
    shaped = token.is_title or _INITIALS.match(token.text) is not None
    return (
        token.tag_ == "NNP" and shaped and token.ent_type_ in {"", "NORP", "PRODUCT", "WORK_OF_ART"}
    )


def _is_part_of_a_title(span: Span, lexicon: Lexicon) -> bool:
    """The model's organization is an office: 'Minister of Industry' starts with its
    title, 'Industry and Technology' comes before 'Minister'."""
    doc, offices = span.doc, lexicon.rules.office_titles
    if span[0].text in offices:
        return True
    heads = lexicon.rules.organization_heads  # "Commerce Department Secretary" names both
    office_follows = span.end < len(doc) and doc[span.end].text in offices
    # "Union Heavy Industries Minister": a head word inside is no body's name
    return office_follows and span[-1].text not in heads


def _place_before_facility(span: Span, lexicon: Lexicon) -> Iterator[Span]:
    """'Georgia Meta Plant' names a region and, after it, the plant."""
    facility = span[-1].text in lexicon.rules.facility_heads
    if facility and len(span) > 2 and span.label_ in {"ORG", "FAC"}:
        places = lexicon.gazetteer.lookup(span[0].text)
        if any(p.kind == "region" for p in places):  # not "Indonesia Morowali Industrial Park"
            yield Span(span.doc, span.start, span.start + 1, label="GPE")
            yield Span(span.doc, span.start + 1, span.end, label="FAC")
            return
    yield span


def _is_heading_phrase(span: Span, lexicon: Lexicon) -> bool:
    """In a Title Case heading, 'Electric Vehicle Industry' is not a name."""
    if len(span) < 2 or span.label_ not in {"ORG", "PERSON", "FAC"}:
        return False
    if not name_context.in_title_case_line(span) or name_context.in_byline(span):
        return False
    rules = lexicon.rules
    if span.label_ == "PERSON":  # "Opens Georgia Metaplant" is no one's name
        places = [p for t in span for p in lexicon.gazetteer.lookup(t.text) if p.kind != "city"]
        return bool(places) or rules.has_head(span, rules.facility_heads)
    heads = rules.organization_heads | rules.legal_forms
    if span.label_ == "FAC":
        heads = heads | rules.facility_heads
    return span[-1].text not in heads


def _facility_extended(span: Span, lexicon: Lexicon) -> Span:
    """'Paihe Port railway logistics base': a named place and the facility it gives its name."""
    tokens, end = doc_tokens(span.doc), span.end
    if tokens[end - 1].text not in lexicon.rules.facility_heads:
        return span  # "Halewood plant" is a description, not a name
    lowered = lexicon.rules.lowercase_facility_heads
    while (
        end < len(tokens)
        and end - span.end < 4
        and tokens[end].is_lower
        and tokens[end].pos_ == "NOUN"
    ):
        end += 1
        if tokens[end - 1].text in lowered:
            return Span(span.doc, span.start, end, label="FAC")
    return span


def _split(span: Span, lexicon: Lexicon) -> Iterator[Span]:
    """'Xinhua/Zhou Mu', 'Limited (CATL', 'Firefly, Nio' and 'Nio and FAW' hold two names."""
    doc, start, tokens, rules = span.doc, span.start, doc_tokens(span.doc), lexicon.rules
    splits_on_and = not rules.has_head(span, rules.organization_heads) and (
        tokens[span.end - 1].text
        not in rules.facility_heads  # "Sines Industrial and Logistics Zone"
    )
    inner_bracket = _legal_form_after_bracket(span, lexicon)
    for i in range(span.start, span.end):
        token = tokens[i]
        comma = token.text == "," and not _legal_form_follows(doc, i, span.end, lexicon)
        conjunction = token.lower_ == "and" and splits_on_and and span.label_ in {"ORG", "FAC"}
        separator = token.text in name_context.SEPARATORS and not inner_bracket
        separator = separator or (token.is_space and "\n" in token.text)
        if separator or comma or (conjunction and name_context.capitalized_after(doc, i)):
            if i > start:
                yield Span(doc, start, i, label=span.label_)
            start = i + 1
        elif "\n" in token.whitespace_:  # a name never runs across lines
            yield Span(doc, start, i + 1, label=span.label_)
            start = i + 1
    if start < span.end:
        yield Span(doc, start, span.end, label=span.label_)


def _without_generic_tail(span: Span, lexicon: Lexicon) -> Span:
    """'U.S. EV' is the United States: a trailing generic word is not part of a name."""
    end, generic = span.end, lexicon.rules.generic_tails
    tokens = doc_tokens(span.doc)
    while end - span.start > 1 and tokens[end - 1].text in generic:  # keep "... Board"
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_)


def _legal_form_after_bracket(span: Span, lexicon: Lexicon) -> bool:
    """'Vitesco Technologies (Wuhu) Co., Ltd.': a bracket inside a company's legal name."""
    closing = [t.i for t in span_tokens(span) if t.text == ")"]
    return bool(closing) and any(
        _legal_form_follows(span.doc, i, span.end, lexicon) for i in closing
    )


def _legal_form_follows(doc: Doc, i: int, end: int, lexicon: Lexicon) -> bool:
    return i + 1 < end and doc_tokens(doc)[i + 1].text in lexicon.rules.legal_forms


def _outside(span: Span, people: list[Span], titles: frozenset[str]) -> Iterator[Span]:
    """The span without the words of a titled person in it: 'Steel H.D. Kumaraswamy'
    is a portfolio's last word and a person."""
    inside = [p for p in people if overlap(span, p)]
    if not inside:
        yield span
        return
    start = span.start
    for person in sorted(inside, key=lambda p: p.start):
        end = person.start
        while end > start and span.doc[end - 1].lower_ in titles:
            end -= 1  # "Manisa Governor": the place, not the title
        if end > start:
            yield Span(span.doc, start, end, label=span.label_)
        start = max(start, person.end)
    if start < span.end:
        yield Span(span.doc, start, span.end, label=span.label_)
