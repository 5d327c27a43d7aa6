"""The one registry of evextract's custom attribute names on spaCy objects.

Components and `convert.py` use these constants, never the bare strings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from spacy.tokens import Doc, Span, Token

# doc.spans keys
KB_MATCHES = "evx_kb"  # knowledge-base matches, span.id_ = entry id
FIGURES = "evx_figures"  # figure spans, each with Span._.evx_figure

# Span._ attributes
FIGURE = "evx_figure"  # evextract.figures.FigureParse of a figure span
CANONICAL = "evx_canonical"  # canonical name hint for an entity span (KB or gazetteer)
ENTITY_ID = "evx_entity_id"  # stable id hint ("kb:catl", "iso:CN-AH")
COUNTRY = "evx_country"  # ISO 3166-1 alpha-2 of an entity span
CODE = "evx_code"  # ISO 3166 code of a place span
QID = "evx_qid"  # Wikidata QID of a KB entity span
AMBIGUOUS = "evx_ambiguous"  # a KB match through an alias that needs support
FACTS = "evx_facts"  # evextract.facts.FigureFacts of a figure span: subject, metric, period

# Doc._ attributes
ARTICLE_WARNINGS = "evx_warnings"  # warnings the components add about the article
ROLES = "evx_roles"  # list of evextract.relations.RoleFinding
PARTNERSHIPS = "evx_partnerships"  # list of evextract.relations.PartnershipFinding

_SPAN_ATTRIBUTES = (FIGURE, CANONICAL, ENTITY_ID, COUNTRY, CODE, QID, AMBIGUOUS, FACTS)
_DOC_ATTRIBUTES = (ARTICLE_WARNINGS, ROLES, PARTNERSHIPS)


_TEXT_KEY = "evx_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once: `Doc.text` joins every token anew on each call."""
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, tuple) and cached[0] == len(doc):  # not a copy from a merged piece
        known: str = cached[1]
        return known
    text = doc.text
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


_VIEWS_KEY = "evx_views"


class _DocViews:
    """A Doc's tokens, sentences and entities, each built once while a component runs:
    `doc[i]` and iterating a Doc or a Span make new Tokens on every call, `doc.sents`
    and `doc.ents` new Spans."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = list(doc)
        self.sents: list[Span] | None = None
        self.sent_starts: list[int] = []
        self.sent_of_token: list[int] = []
        self.ents: Sequence[Span] | None = None


@contextmanager
def shared_views(doc: Doc) -> Iterator[None]:
    """Within the block, `doc_tokens`, `doc_sents` and `doc_ents` build their lists once.

    Each component opens its own block and the views go at its end: Tokens hold their
    Doc (kept in its user data, they would tie the Doc in a reference cycle and stop it
    being serialized), and a component may replace `doc.ents` for the next. A block
    inside another (a component calling a helper component) shares the outer's views."""
    if _VIEWS_KEY in doc.user_data:
        yield
        return
    doc.user_data[_VIEWS_KEY] = _DocViews(doc)
    try:
        yield
    finally:
        del doc.user_data[_VIEWS_KEY]


def _views(doc: Doc) -> _DocViews | None:
    views = doc.user_data.get(_VIEWS_KEY)
    return views if isinstance(views, _DocViews) else None


def doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list; made once inside `shared_views`, else anew."""
    views = doc.user_data.get(_VIEWS_KEY)  # not `_views`: called most, kept short
    return views.tokens if isinstance(views, _DocViews) else list(doc)


def span_tokens(span: Span) -> list[Token]:
    """The span's tokens as a list, taken from `doc_tokens`."""
    return doc_tokens(span.doc)[span.start : span.end]


def doc_ents(doc: Doc) -> Sequence[Span]:
    """`doc.ents`, built once inside `shared_views`. A component that sets `doc.ents`
    does so after its block."""
    views = _views(doc)
    if views is None:
        return doc.ents
    if views.ents is None:
        views.ents = doc.ents
    return views.ents


def doc_sents(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, built once inside `shared_views`."""
    views = _views(doc)
    if views is None:
        return list(doc.sents)
    if views.sents is None:
        _index_sentences(views, list(doc.sents))
    assert views.sents is not None
    return views.sents


def token_sentence(token: Token) -> Span:
    """`token.sent`, looked up: `Token.sent` walks the tokens to both ends on every call."""
    views = _views(token.doc)
    if views is None:
        return token.sent
    doc_sents(token.doc)
    assert views.sents is not None
    return views.sents[views.sent_of_token[token.i]]


def _index_sentences(views: _DocViews, sents: list[Span]) -> None:
    views.sents = sents
    views.sent_starts = [sent.start for sent in sents]
    views.sent_of_token = [n for n, sent in enumerate(sents) for _ in range(len(sent))]


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text: `Span.text` joins its tokens on every call."""
    if span.start == span.end:
        return ""
    return doc_text(span.doc)[span.start_char : span.end_char]


def register_extensions() -> None:
    """Declare the attributes; safe to call any number of times."""
    for name in _SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in _DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
