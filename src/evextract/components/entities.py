"""`evextract_entities`: type the Doc's names as evextract's entity types.

Find, then set annotations. Candidates come from the knowledge base matches,
legal and body names around them, news credits and bylines, and the other names
of name_parts.py (datelines, the base model's named entities split and trimmed);
name_typing.py types those from the gazetteer, their context and their head words.
The survivors, one sense per article, replace `doc.ents` with labels person,
company, organization, city, region, country and facility.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..credits import credit_names
from ..extensions import (
    AMBIGUOUS,
    CANONICAL,
    CODE,
    COUNTRY,
    ENTITY_ID,
    KB_MATCHES,
    doc_ents,
    doc_text,
    doc_tokens,
    register_extensions,
    shared_views,
    span_tokens,
)
from . import name_context
from .headed_names import NameWords, body_names, legal_names
from .lexicon import EntityRules, Lexicon
from .name_parts import NAME_LABELS, name_parts
from .name_typing import context_countries, type_span
from .non_entities import product_spans
from .site_names import headed_sites
from .span_labels import (
    acronyms_defined,
    as_defined,
    from_kb,
    known_as,
    labelled,
    one_sense_per_article,
    overlap,
    strictly_inside,
    widened,
)
from .subsidiaries import arm_of


@Language.factory(
    "evextract_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"kb_spans_key": KB_MATCHES},
)
def make_entities(nlp: Language, name: str, kb_spans_key: str) -> EntityTyper:
    return EntityTyper(nlp, name, kb_spans_key=kb_spans_key)


class EntityTyper:
    def __init__(self, nlp: Language, name: str, *, kb_spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.kb_spans_key = kb_spans_key
        self._lexicon: Lexicon | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        self._lexicon = Lexicon.load()

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self.initialize()
        assert self._lexicon is not None
        return self._lexicon

    @property
    def rules(self) -> EntityRules:
        return self.lexicon.rules

    def __call__(self, doc: Doc) -> Doc:
        with shared_views(doc):
            spans = self._typed_names(doc)
        doc.ents = spans  # after the block: its views hold the entities before
        return doc

    def _typed_names(self, doc: Doc) -> list[Span]:
        lexicon = self.lexicon
        matches = list(doc.spans[self.kb_spans_key]) if self.kb_spans_key in doc.spans else []
        products = list(
            product_spans(doc, matches, lexicon.non_entities, lexicon.may_be_a_product_alone)
        )
        sites = list(headed_sites(doc, lexicon.site_cues))  # read twice, found once
        kb_spans = self._knowledge_base_spans(doc, matches, products, sites)
        kb_spans, legal = self._headed_names_over_nested(doc, kb_spans)
        kb_spans = [self._arm_or_company(span, legal) for span in kb_spans]
        taken = {i for span in [*kb_spans, *legal, *products] for i in range(span.start, span.end)}
        credited = list(self._credited_names(doc, taken))
        taken.update(i for span in credited for i in range(span.start, span.end))
        parts = [
            s for s in name_parts(doc, sites, lexicon) if taken.isdisjoint(range(s.start, s.end))
        ]
        context = context_countries(kb_spans, parts, lexicon)
        candidates = [*kb_spans, *legal, *credited]
        for span in parts:
            typed = type_span(span, context, lexicon)
            if typed is not None:
                candidates.append(typed)
        candidates = [c for c in candidates if not self._names_a_portfolio(c)]
        spans = filter_spans(self._single_names_resolved(candidates))
        spans = self._head_words_resolved(one_sense_per_article(spans))
        return known_as(acronyms_defined(spans))

    def _knowledge_base_spans(
        self, doc: Doc, matches: list[Span], products: list[Span], sites: list[Span]
    ) -> list[Span]:
        """The knowledge base's matches, but not those inside a longer name (unless that
        name is a maker's and its product's: 'Skoda Elroq') or inside a product."""
        matches = [m for m in matches if not any(overlap(m, p) for p in products)]
        ents = doc_ents(doc)
        # the names, not their articles: "The Michigan Economic Development Corporation"
        # is the known name itself, not a longer one around it
        trimmed = [t for ent in ents if (t := name_context.trim(ent)) is not None]
        containers = [
            ent
            for ent in trimmed
            if self._contains_other_names(ent) and not any(overlap(ent, p) for p in products)
        ]
        containers += sites  # "the company's Baojun Base"
        matches = [m for m in matches if not any(strictly_inside(m, c) for c in containers)]
        model_words = {
            i for ent in ents if ent.label_ in NAME_LABELS for i in range(ent.start, ent.end)
        }
        supported = {m._.get(CANONICAL) for m in matches if not m._.get(AMBIGUOUS)}
        return [
            m
            for m in matches
            if (
                not m._.get(AMBIGUOUS)
                or m._.get(CANONICAL) in supported
                or model_words.issuperset(range(m.start, m.end))
            )
            and not (name_context.is_exchange_code(m) or name_context.is_ticker(m))
        ]

    def _headed_names_over_nested(
        self, doc: Doc, kb_spans: list[Span]
    ) -> tuple[list[Span], list[Span]]:
        """A legal name or a body's name around a known name is its own entity when it
        adds a name word ('State Grid Ningxia Electric Power Co., Ltd.', 'Fujian Provincial
        Department of Commerce'); when it adds only forms ('Seres Group Co., Ltd.'), or a
        body's head to a company ('Tesla Board'), the known name stands."""
        rules = self.rules
        words = NameWords(
            rules.legal_forms,
            rules.company_heads,
            rules.organization_heads,
            rules.common_words,
            rules.title_words,
        )
        forms = rules.legal_forms | rules.company_heads | {"(", ")", ",", "&", "and", "of"}
        headed = [*legal_names(doc, words), *body_names(doc, words)]
        tokens = doc_tokens(doc)
        kept: list[Span] = []
        for name in sorted(headed, key=len, reverse=True):
            inside = [k for k in kb_spans if name.start <= k.start and k.end <= name.end]
            across = [k for k in kb_spans if k not in inside and overlap(k, name)]
            outside = set(range(name.start, name.end)) - {
                i for k in inside for i in range(k.start, k.end)
            }
            adds_words = any(tokens[i].text not in forms for i in outside)
            company_in_body = name.label_ == "organization" and any(
                k.label_ == "company" for k in inside
            )
            if len(inside) == 1 and not adds_words and not across and not company_in_body:
                # the known name as written: 'PT Vale Indonesia Tbk' is a mention of it
                kb_spans = [widened(k, name) if k is inside[0] else k for k in kb_spans]
                continue
            if across or company_in_body or (inside and not adds_words):
                continue
            if any(overlap(name, other) for other in kept):
                continue
            kb_spans = [k for k in kb_spans if k not in inside]
            kept.append(labelled(name, name.label_))
        return kb_spans, kept

    def _arm_or_company(self, span: Span, headed: list[Span]) -> Span:
        """'BYD UK', 'Toyota Motor Thailand', 'BYD do Brasil': a known company's arm in a
        country or region is its own company (unless a longer name holds the words)."""
        if span.label_ != "company":
            return span
        arm = arm_of(span, self.rules.arm_words, self.lexicon.is_country_or_region)
        if arm is None or any(overlap(arm, name) for name in headed):
            return span
        return arm

    def _credited_names(self, doc: Doc, taken: set[int]) -> Iterator[Span]:
        """Bylines and credits name people ('By ZHANG WEI', 'Photo: ADI PRASETYO/for this
        site') in capitals the model takes for organizations; an agency credited there
        ('Photo: Visual China Group') is an organization."""
        heads = self.rules.body_heads
        common = self.rules.common_words
        for credit in credit_names(
            doc_text(doc),
            self.rules.title_words,
            lambda word: word.lower() in common,
            lambda name: bool(
                self.lexicon.gazetteer.lookup(name) or self.lexicon.gazetteer.lookup(name.title())
            ),
        ):
            span = doc.char_span(credit.start, credit.end, alignment_mode="expand")
            if span is None or not taken.isdisjoint(range(span.start, span.end)):
                continue
            # words as written: "SE" in "PARK SE-YEON" is no legal form
            body = any(w in heads or w.title() in heads for w in span.text.split())
            yield labelled(span, "organization" if body else "person")

    def _contains_other_names(self, ent: Span) -> bool:
        """'Doug Ford', 'NIO Second Advanced Manufacturing Base': a longer name around a
        knowledge-base name is its own entity."""
        if len(ent) < 2:
            return False
        heads = self.rules.site_or_body_heads
        words = span_tokens(ent)
        titled = any(t.text in self.rules.title_words for t in words)
        if ent.label_ == "PERSON":  # but "Leapmotor Partner" is a company and a title
            return not titled and not any(t.like_num for t in words)  # not "Tesla Model 3"
        if ent.label_ not in {"ORG", "FAC"}:
            return False
        # "SK Battery America", "PT Vale Indonesia Tbk": a longer proper name
        proper = all(t.is_title or t.is_upper or t.text in self.rules.legal_forms for t in words)
        plain = not titled and not any(name_context.is_model_name(t.text) for t in words)
        return words[-1].text in heads or (proper and plain and ent.label_ == "ORG")

    def _names_a_portfolio(self, span: Span) -> bool:
        """'Energy and Mineral Resources Minister': a company of common words (known only
        ambiguously, if at all) is the minister's portfolio."""
        if span.label_ not in {"company", "organization"}:
            return False
        if from_kb(span) and not span._.get(AMBIGUOUS):
            return False
        return name_context.in_a_portfolio(span, self.rules.office_titles, self.rules.common_words)

    def _head_words_resolved(self, spans: list[Span]) -> list[Span]:
        """'the Commission' after 'the European Commission' is the same body."""
        resolved: list[Span] = []
        for span in spans:
            doc = span.doc
            after_the = span.start > 0 and doc[span.start - 1].lower_ == "the"
            if len(span) == 1 and after_the and span.text in self.rules.organization_heads:
                named = [s for s in resolved if len(s) > 1 and s[-1].text == span.text]
                if named:
                    span = as_defined(span, named[-1])
            resolved.append(span)
        return resolved

    def _single_names_resolved(self, spans: list[Span]) -> list[Span]:
        """A lone word the model calls a person is a company ('Nio', 'Sinopec'), unless
        it is part of a full name in the article ('Li' for 'William Li')."""
        name_words = {
            word for s in spans if s.label_ == "person" and len(s) > 1 for word in s.text.split()
        }
        resolved = []
        for span in spans:
            single = len(span) == 1 and not from_kb(span)
            if single and span.label_ in {"person", "company"}:
                named = span.text in name_words or self._after_title(span)
                if not named and self.rules.is_common_word(span):
                    continue  # "Song", "Smart": a lone common word the model took for a name
                span = labelled(span, "person" if named else "company")
            elif single and span.label_ == "city" and span.text in name_words:
                span = labelled(span, "person")  # "Kim said": a surname, not a town
                for name in (CANONICAL, COUNTRY, CODE, ENTITY_ID):
                    span._.set(name, None)  # forget the town it was taken for
            resolved.append(span)
        return resolved

    def _after_title(self, span: Span) -> bool:
        """'Chief Minister Siddaramaiah': one name after a title is a person's."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        return before is not None and before.text in self.rules.title_words
