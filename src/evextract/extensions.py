"""The one registry of evextract's custom attribute names on spaCy objects.

Components and `convert.py` use these constants, never the bare strings.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

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
        return str(cached[1])
    text = doc.text
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


def register_extensions() -> None:
    """Declare the attributes; safe to call any number of times."""
    for name in _SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in _DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
