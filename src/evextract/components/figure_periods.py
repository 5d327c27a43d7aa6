"""Which period of its sentence a figure refers to: a helper of `evextract_facts`.

The periods of a sentence come from `evextract.periods` (pure, on the sentence's
text). A figure takes the one nearest to it in the dependency tree, the nearer in
the text among equals; never one on another line (a headline merged into the
sentence by the parser is another sentence) nor one inside a figure.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..extensions import doc_tokens, span_text, span_tokens, token_sentence
from ..periods import Period, find_periods
from .references import same_line


class SentencePeriods:
    """The periods of each sentence, found once per sentence."""

    def __init__(self, figure_tokens: set[int]) -> None:
        self.figure_tokens = figure_tokens
        self._found: dict[int, list[tuple[Period, Span]]] = {}

    def nearest(self, figure: Span, anchor: Token) -> str | None:
        """The normalized period the figure refers to, or None when its sentence has none."""
        tokens = doc_tokens(figure.doc)
        candidates = [
            (period, span)
            for period, span in self._in_sentence(figure)
            if self.figure_tokens.isdisjoint(range(span.start, span.end))
            and same_line(tokens[span.start], tokens[figure.start])
        ]
        if not candidates:
            return None
        nearest = min(
            candidates,
            key=lambda c: (_tree_distance(anchor, c[1]), abs(c[1].start - figure.start)),
        )
        return nearest[0].name

    def tokens(self, token: Token) -> set[int]:
        """Tokens of the periods of the token's sentence ('full-year' is no part of a metric)."""
        spans = self._found.get(token_sentence(token).start, [])
        return {i for _, span in spans for i in range(span.start, span.end)}

    def _in_sentence(self, figure: Span) -> list[tuple[Period, Span]]:
        doc = figure.doc
        has_sentences = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        sentence = token_sentence(doc_tokens(doc)[figure.start]) if has_sentences else doc[:]
        if sentence.start not in self._found:
            found = []
            for period in find_periods(span_text(sentence)):
                start = sentence.start_char + period.start
                span = doc.char_span(start, start + len(period.text), alignment_mode="expand")
                if span is not None:
                    found.append((period, span))
            self._found[sentence.start] = found
        return self._found[sentence.start]


def _tree_distance(anchor: Token, span: Span) -> int:
    """Edges between the anchor and the nearest token of the span in the parse tree."""
    path = {t.i: depth for depth, t in enumerate(_ancestors(anchor))}
    best = len(anchor.doc)
    for token in span_tokens(span):
        for depth, ancestor in enumerate(_ancestors(token)):
            if ancestor.i in path:
                best = min(best, depth + path[ancestor.i])
                break
    return best


def _ancestors(token: Token) -> Iterator[Token]:
    yield token
    yield from token.ancestors
