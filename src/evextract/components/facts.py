"""`evextract_facts`: what each figure measures, of whom, when and where.

Find, then set annotations. For every figure span of `evextract_figures` the
dependency parse of its sentence gives:

- the governor: the verb the figure completes ("exceeded 1.37 million units",
  "fell to 5%", "accounting for 7.5%") or the noun it measures ("a 26.47-percent
  stake", "an annual capacity of 10GWh");
- the metric: that noun, the verb's subject or object ("the city's NEV output",
  "put third-quarter sales at ..."), a noun named by the verb ("sold" → sales) or a
  share ("accounting for 7.5% of the national total");
- the subject: an entity owning the metric ("Tesla's market share") or the subject
  of the clause, climbing to the governing clause when a clause has none; "the
  city" and "it" are resolved to an entity named before;
- the place: a place entity in the same phrases that is not the subject;
- the period: of the periods in the sentence (`evextract.periods`), the one nearest
  in the parse tree.

Nothing is taken from another sentence except what "the city" or "its" refers to.
A bracketed conversion takes the facts of the figure it converts. The result is
`Span._.evx_facts` (a `FigureFacts`) on each figure span: a parallel attribute,
so that `FigureValue` stays the figures component's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import (
    FACTS,
    FIGURE,
    FIGURES,
    doc_tokens,
    register_extensions,
    shared_views,
    span_tokens,
)
from ..facts import FactCues, FigureFacts
from ..figures import FigureLexicon, FigureValue
from ..relations import ReferenceNouns, TextSpan
from .figure_periods import SentencePeriods
from .references import (
    ALL_TYPES,
    ORG_TYPES,
    PLACE_TYPES,
    PRONOUNS,
    EntityIndex,
    same_line,
    text_span,
)

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Clauses whose subject is the figure's too; not "ccomp": in "Kelly said the plant would
# generate $2.5 billion" the speaker is not what the figure describes.
_CLIMBS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "prep", "pobj"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
_METRIC_PARTS = frozenset({"compound", "amod", "nmod"})
_PLACE_PREPS = frozenset({"in", "across", "throughout"})
_MAX_CLIMB = 6  # clauses climbed looking for a subject
_MAX_METRIC_WORDS = 5
_MODIFIER_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_TIME_NOUNS = frozenset({"year", "years", "month", "months", "quarter", "day", "days", "week"})


@Language.factory(
    "evextract_facts",
    assigns=[f"span._.{FACTS}"],
    requires=["doc.ents", "doc.spans", "token.dep"],
    default_config={"spans_key": FIGURES},
)
def make_facts(nlp: Language, name: str, spans_key: str) -> FactFinder:
    return FactFinder(name, spans_key=spans_key)


class FactFinder:
    def __init__(self, name: str, *, spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self._cues: FactCues | None = None
        self._nouns: ReferenceNouns | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        self._cues = FactCues.load()
        self._nouns = ReferenceNouns.load()

    def __call__(self, doc: Doc) -> Doc:
        if self._cues is None or self._nouns is None:
            self.initialize()
        assert self._cues is not None and self._nouns is not None
        figures = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        with shared_views(doc):
            reader = _FactReader(self._cues, EntityIndex(doc, self._nouns), figures)
            facts = [reader.facts(span) for span in figures]
        for span, fact in zip(figures, facts, strict=True):
            value: FigureValue | None = span._.get(FIGURE)
            linked = value.equivalent_of if value is not None else None
            span._.set(FACTS, facts[linked] if linked is not None else fact)
        return doc


class _FactReader:
    def __init__(self, cues: FactCues, index: EntityIndex, figures: list[Span]) -> None:
        self.cues, self.index = cues, index
        self.lexicon = FigureLexicon.load()
        # A figure's words, but not a qualifier verb opening it ("exceeded"): that verb
        # governs its clause.
        self.figure_tokens = {
            i
            for span in figures
            for i in range(span.start + (_qualifier_verb(span) is not None), span.end)
        }
        self.periods = SentencePeriods(self.figure_tokens)

    def facts(self, figure: Span) -> FigureFacts:
        anchor = _anchor(figure)
        period = self.periods.nearest(figure, anchor)
        if not figure.doc.has_annotation("DEP"):
            return FigureFacts(period=period)
        verb, noun = self._governors(figure, anchor)
        if noun is not None and self._is_light(noun) and verb is not None:
            noun = self._metric_noun_of_verb(verb, figure) or noun  # "down from a range of"
        metric_noun = noun if noun is not None else self._metric_noun_of_verb(verb, figure)
        subject = self._subject(metric_noun, verb, figure)
        return FigureFacts(
            subject=text_span(subject) if subject is not None else None,
            metric=self._metric(figure, anchor, verb, metric_noun),
            period=period,
            place=self._place(figure, verb, metric_noun, subject),
        )

    # ------------------------------------------------------------ governors

    def _governors(self, figure: Span, anchor: Token) -> tuple[Token | None, Token | None]:
        """(governing verb, measured noun) of the figure."""
        top = anchor
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head  # "7.5% of the total and 85% of ...": the first conjunct's place
        if _qualifier_verb(figure) is not None:
            return _first(figure), None  # "exceeded 1.37 million units"
        head = top.head
        if head.i == top.i:
            return None, None
        holder = head.head if head.pos_ == "ADP" else head
        noun = holder if holder.pos_ in _NOUNS and self._is_metric_word(holder) else None
        return self._verb_above(holder), noun

    def _verb_above(self, token: Token) -> Token | None:
        """The nearest verb at or above the token, not counting a figure's words ('won')."""
        while token.pos_ not in _VERBS or token.i in self.figure_tokens:
            if token.head.i == token.i:
                return None
            token = token.head
        return token

    def _metric_noun_of_verb(self, verb: Token | None, figure: Span) -> Token | None:
        """'put sales at X', 'cut its delivery outlook to X': the verb's object; 'output
        exceeded X': its subject, when that is a common noun."""
        if verb is None:
            return None
        inside = set(range(figure.start, figure.end))
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in inside]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i not in inside]
        if verb.lemma_.lower() in self.cues.metric_verbs:
            subjects = []  # "the project will create 2,600 jobs": the verb names the metric
        for candidate in objects + subjects:
            if self._is_metric_word(candidate) and not self.index.nouns.types_of(candidate.lower_):
                return candidate  # not "the company" or "the plant": they are subjects
        return None

    def _is_metric_word(self, token: Token) -> bool:
        """A common noun, or an acronym, that is no name, unit, currency or time word."""
        if token.pos_ not in _NOUNS or not token.is_alpha or token.i in self.figure_tokens:
            return False
        if token.pos_ == "PROPN" and not _keeps_case(token):
            return False  # "February", "Sinopec", "YoY"
        word, lexicon = token.lower_, self.lexicon
        return (
            self.index.at(token) is None
            and word not in self.cues.not_metrics
            and word not in _TIME_NOUNS
            and lexicon.currency_after(word) is None
            and lexicon.currency_before(token.text) is None
            and not lexicon.is_percent(word)
            and lexicon.measure_unit(token.text) is None
        )

    def _is_light(self, token: Token) -> bool:
        return token.lower_ in self.cues.light_nouns

    # ------------------------------------------------------------ metric

    def _metric(
        self, figure: Span, anchor: Token, verb: Token | None, noun: Token | None
    ) -> str | None:
        lemma = verb.lemma_.lower() if verb is not None else ""
        if figure.label_ == "percent" and lemma in self.cues.share_verbs and noun is None:
            whole = _of_object(anchor)
            return "share" + (f" of {self._phrase(whole)}" if whole is not None else "")
        if noun is not None:
            return self._phrase(noun) or None
        if verb is not None:
            return self.cues.metric_verbs.get(lemma)
        return None

    def _phrase(self, noun: Token) -> str:
        """'the city's NEV output' → 'NEV output'; 'the total value of its industrial chain'
        → 'industrial chain value'; period words and determiners go."""
        whole = _of_object(noun)
        head = noun.text if _keeps_case(noun) else noun.lower_
        if whole is not None and whole.i in self.figure_tokens:
            whole = None
        parts = self._modifiers(noun)
        if (
            whole is not None
            and self.index.at(whole) is None
            and whole.pos_ in _NOUNS
            and whole.i not in self.figure_tokens
        ):
            parts = [*self._modifiers(whole), _word(whole)]
        return " ".join([*parts, head])

    def _modifiers(self, noun: Token) -> list[str]:
        skip = self.periods.tokens(noun) | self.figure_tokens
        simple = [  # "NEV", "industrial", "passenger car retail"; not "year on year"
            child
            for child in noun.lefts
            if child.dep_ in _METRIC_PARTS
            and not any(t.pos_ in {"ADP", "CCONJ", "PART"} for t in child.subtree)
        ]
        words = [
            _word(t)
            for child in simple
            for t in child.subtree
            if t.is_alpha
            and t.pos_ in _MODIFIER_POS
            and t.i not in skip
            and self.index.at(t) is None
            and same_line(t, noun)
        ]
        words = [w for w in words if w.lower() not in self.cues.light_nouns]
        return words[-(_MAX_METRIC_WORDS - 1) :]

    # ------------------------------------------------------------ subject and place

    def _subject(self, noun: Token | None, verb: Token | None, figure: Span) -> Span | None:
        """The first candidate naming an entity; a pronoun only when nothing else does. An
        entity named on another line (a headline above) or a person named in a clause
        above the figure's is not its subject."""
        pronoun: Token | None = None
        for candidate, climbed in self._subject_candidates(noun, verb, figure):
            if candidate.lower_ in PRONOUNS:
                pronoun = pronoun or candidate
                continue
            entity = self.index.refers_to(candidate, ALL_TYPES)
            if (
                entity is None
                or (climbed and entity.label_ == "person")
                or self._is_dateline(entity)
            ):
                continue
            if self.index.at(candidate) is None or same_line(candidate, _first(figure)):
                return entity
        return self._pronoun_referent(pronoun) if pronoun is not None else None

    def _is_dateline(self, entity: Span) -> bool:
        """'SHANGHAI (Reuters) -': the place a story was filed from describes no figure."""
        if entity.label_ not in PLACE_TYPES or not entity.text.isupper():
            return False
        text = self.index.text
        line_start = text.rfind("\n", 0, entity.start_char) + 1
        return not text[line_start : entity.start_char].strip()

    def _pronoun_referent(self, pronoun: Token) -> Span | None:
        """'the company said it would spend ...': the reporting clause's subject, else the
        nearest organization, else the nearest place named before."""
        head = pronoun.head
        while head.dep_ != "ccomp" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "ccomp":
            for subject in (c for c in head.head.children if c.dep_ in _SUBJECTS):
                entity = self.index.refers_to(subject, ALL_TYPES - {"person"})
                if entity is not None:
                    return entity
        return self.index.refers_to(pronoun, ORG_TYPES) or self.index.refers_to(
            pronoun, PLACE_TYPES
        )

    def _subject_candidates(
        self, noun: Token | None, verb: Token | None, figure: Span
    ) -> Iterator[tuple[Token, int]]:
        """Owners of the metric noun, then the subjects of the clause and of the clauses
        above, each with the number of clauses climbed."""
        if noun is not None:
            yield from ((owner, 0) for owner in _owners(noun))
        climbed = 0
        while verb is not None and climbed < _MAX_CLIMB:
            for subject in (c for c in verb.children if c.dep_ in _SUBJECTS):
                if not figure.start <= subject.i < figure.end:
                    yield subject, climbed
                    yield from ((owner, climbed) for owner in _owners(subject))
            if verb.dep_ in {"relcl", "acl"}:
                yield verb.head, climbed  # "the venture, which will have revenue of ..."
                return
            if verb.dep_ not in _CLIMBS or verb.head.i == verb.i:
                return
            verb = self._verb_above(verb.head)
            climbed += 1

    def _place(
        self, figure: Span, verb: Token | None, noun: Token | None, subject: Span | None
    ) -> TextSpan | None:
        whole = _of_object(noun) if noun is not None else None
        holders = [t for t in (_anchor(figure), noun, whole, verb) if t is not None]
        for holder in holders:
            for token in self._place_tokens(holder):
                entity = self.index.at(token)
                if (
                    entity is not None
                    and entity.label_ in PLACE_TYPES
                    and entity != subject
                    and same_line(token, _first(figure))
                ):
                    return text_span(entity)
        return None

    def _place_tokens(self, holder: Token) -> Iterator[Token]:
        """'in Shenzhen', 'China's', '85% of Anhui province's production'."""
        for child in holder.children:
            if child.dep_ == "poss" or child.dep_ == "compound":
                yield child
            elif child.dep_ == "prep" and child.lower_ in _PLACE_PREPS | {"of"}:
                for obj in child.children:
                    yield obj
                    yield from (c for c in obj.children if c.dep_ in {"poss", "compound"})


def _anchor(figure: Span) -> Token:
    """The figure's own head: its number or unit, not a qualifier verb opening the span."""
    tokens = span_tokens(figure)
    tokens = tokens[1:] if _qualifier_verb(figure) is not None else tokens
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def _qualifier_verb(figure: Span) -> Token | None:
    """'exceeded' in 'exceeded 1.37 million units'."""
    first = _first(figure)
    return first if len(figure) > 1 and first.pos_ in _VERBS else None


def _first(figure: Span) -> Token:
    """`figure[0]`, from the shared tokens."""
    return doc_tokens(figure.doc)[figure.start]


def _owners(noun: Token) -> Iterator[Token]:
    """'Tesla's market share', 'BYD sales', 'sales of NEVs in Hefei', 'its industrial chain'."""
    for child in noun.children:
        if child.dep_ in {"poss", "compound"}:
            yield child
    whole = _of_object(noun)
    if whole is not None:
        yield whole
        yield from (c for c in whole.children if c.dep_ == "poss")


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _word(token: Token) -> str:
    """A metric word: lower case, but 'NEV' for 'NEVs' and 'EV' stay capitals."""
    if not _keeps_case(token):
        return token.lower_
    text = token.text
    return text[:-1] if text.endswith("s") and text[:-1].isupper() else text


def _keeps_case(token: Token) -> bool:
    """Acronyms keep their capitals: 'NEV output', 'EV sales'."""
    return sum(c.isupper() for c in token.text) >= 2
