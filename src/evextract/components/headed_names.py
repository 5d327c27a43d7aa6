"""Names closed by a word that says what they are: a company's legal form, a body's head.

Companies written with their legal form: the whole name up to and with the form.

Chinese, Indonesian and other registers print a company's full legal name, and the
statistical model breaks it at every "and", bracket or comma inside it, or lets a
known name nested in it ("State Grid" in "State Grid Ningxia Electric Power Co., Ltd.")
stand for the whole. The legal form closes the name ("Co., Ltd.", "Tbk", "GmbH") or
opens it ("PT"); the capitalized words before (or after) it are the name:
"Chongqing Urban Transportation Development and Investment (Group) Co., Ltd.",
"Taiyuan Iron & Steel (Group) Co., Ltd.", "PT PLN (Persero)", "Industrial and Commercial
Bank of China Limited"; but "Honda and GS Yuasa EV Battery R&D Co." names two.

Government bodies the same way, closed by a head word ("Bureau", "Customs") and
continued by "of" and a portfolio: "Guangxi Zhuang Autonomous Region Department of
Commerce", "Liuzhou Municipal Bureau of Statistics", "Nanning Customs", "Ordos
Municipal People's Government Information Office".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text, doc_tokens

# "PT Vale Indonesia Tbk", "PT PLN (Persero)": the form that opens an Indonesian name.
PREFIX_FORMS = frozenset({"PT", "PT."})
_BRACKETED = 3  # "(Group)", "(Thailand)", "(Xiamen)": at most this many tokens with brackets
_LONGEST = 14


@dataclass(frozen=True)
class NameWords:
    """What may stand in a legal name; `common_words` are lowercase English words."""

    legal_forms: frozenset[str]
    company_heads: frozenset[str]
    organization_heads: frozenset[str]
    common_words: frozenset[str]
    title_words: frozenset[str]

    def is_form(self, token: Token) -> bool:
        return token.text in self.legal_forms

    def is_name_word(self, token: Token) -> bool:
        """'Chongqing', 'GS', 'R&D', 'High-Tech', 'No.1': a capitalized word that is not a
        sentence's function word ('The', 'In') or a title ('Chairman')."""
        text = token.text
        if not text[:1].isupper() or token.is_stop or token.is_punct:
            return False
        return text not in self.title_words and text.title() not in self.title_words

    def joins(self, before: Token, connector: Token, after: Token) -> bool:
        """'Development and Investment', 'Bank of China', 'Taiyuan Iron & Steel': inside one
        name; 'Honda and GS Yuasa' are two names."""
        if connector.text == "&":
            return True
        if connector.lower_ == "of":  # "Bank of China", not "Shares of Seres Group"
            return before.text in self.company_heads or before.text in self.legal_forms
        common = before.lower_ in self.common_words and after.lower_ in self.common_words
        return connector.lower_ == "and" and common


def legal_names(doc: Doc, words: NameWords) -> Iterator[Span]:
    """Each company name a legal form closes or opens, longest first where they overlap."""
    taken: set[int] = set()
    for token in doc_tokens(doc):
        if token.i in taken:
            continue
        span = None
        if words.is_form(token) and token.i > 0 and not _hyphen_joined(token):
            span = _closed_by(doc, token.i, words)
        elif token.text in PREFIX_FORMS:
            span = _opened_by(doc, token.i, words)
        if span is not None:
            taken.update(range(span.start, span.end))
            yield span


def _hyphen_joined(token: Token) -> bool:
    """'SE-YEON', 'AG-Gruppe': a word joined to the next by a hyphen is no legal form."""
    tokens, i = doc_tokens(token.doc), token.i
    return not token.whitespace_ and i + 1 < len(tokens) and tokens[i + 1].text in {"-", "–"}


def body_names(doc: Doc, words: NameWords) -> Iterator[Span]:
    """Each body a head word closes, with its 'of' portfolio, longest first."""
    taken: set[int] = set()
    tokens = doc_tokens(doc)
    for token in reversed(tokens):  # from the last head, so "Committee" in "... Committee Office"
        if token.i in taken or token.text not in words.organization_heads or token.i == 0:
            continue
        start = _name_start(tokens, token.i, words, bodies=True)
        if start == token.i:
            continue  # "the Commission": a head alone
        if start > 0 and tokens[start - 1].tag_ == "POS":
            continue  # "FAW Group's Strategy and Cooperation Department": a company's own
        span = Span(doc, start, _portfolio_end(doc, token.i + 1, words), label="organization")
        taken.update(range(span.start, span.end))
        yield span


def _portfolio_end(doc: Doc, i: int, words: NameWords) -> int:
    """'of Industry and Information Technology', 'of Economy, Transport and Viticulture':
    common words joined by commas and 'and' (not 'of Commerce and Tesla')."""
    tokens = doc_tokens(doc)
    if i + 1 >= len(tokens) or tokens[i].text != "of" or not words.is_name_word(tokens[i + 1]):
        return i
    end = i + 2
    while end < len(tokens):
        token = tokens[end]
        if words.is_name_word(token) and "\n" not in tokens[end - 1].whitespace_:
            end += 1
        elif token.text in {",", "and"} and end + 1 < len(tokens):
            after = tokens[end + 1]
            if after.lower_ == "and" and end + 2 < len(tokens):
                after = tokens[end + 2]  # ", and Information Technology"
            if not (words.is_name_word(after) and after.lower_ in words.common_words):
                break
            end += 2 if tokens[end + 1].lower_ != "and" else 3
        else:
            break
    return end


def _closed_by(doc: Doc, form: int, words: NameWords) -> Span | None:
    tokens = doc_tokens(doc)
    start = _name_start(tokens, form, words)
    names = [t for t in tokens[start:form] if not words.is_form(t) and t.text not in "()&,"]
    if not names or form - start > _LONGEST:
        return None
    start = _after_a_name_written_alone(doc, start, form, words.common_words)
    return Span(doc, start, _forms_end(tokens, form + 1, words), label="company")


def _after_a_name_written_alone(
    doc: Doc, start: int, form: int, common_words: frozenset[str]
) -> int:
    """'... set up by CHN Energy, Qiji Energy and State Grid Ningxia Electric Power Co.,
    Ltd.', when the article also writes 'Qiji Energy' alone: the 'and' ends a list."""
    text, tokens = doc_text(doc), doc_tokens(doc)
    for connector in (t for t in tokens[start:form] if t.lower_ == "and"):
        before = doc[start : connector.i]
        if all(t.lower_ in common_words for t in tokens[start : connector.i]):
            continue  # "Industrial and Commercial Bank of China": "Industrial" is a word
        elsewhere = [
            i
            for i in _occurrences(text, before.text)
            if not before.start_char <= i < tokens[form].idx and _stands_alone(text, i, before.text)
        ]
        if elsewhere:
            return connector.i + 1
    return start


def _occurrences(text: str, part: str) -> Iterator[int]:
    i = text.find(part)
    while i >= 0:
        yield i
        i = text.find(part, i + 1)


def _stands_alone(text: str, i: int, part: str) -> bool:
    """Not inside a longer word or name: followed by neither a letter nor ' and'."""
    after = text[i + len(part) : i + len(part) + 5]
    return (
        not after[:1].isalnum()
        and not after.startswith(" and")
        and not (i > 0 and text[i - 1].isalnum())
    )


def _opened_by(doc: Doc, prefix: int, words: NameWords) -> Span | None:
    tokens = doc_tokens(doc)
    end = prefix + 1
    while end < len(doc) and end - prefix < _LONGEST and _name_goes_on(tokens, end, words):
        end += 1
    if end == prefix + 1:
        return None
    return Span(doc, prefix, _forms_end(tokens, end, words), label="company")


def _name_goes_on(tokens: list[Token], i: int, words: NameWords) -> bool:
    token = tokens[i]
    if words.is_name_word(token) and not words.is_form(token):
        return "\n" not in tokens[i - 1].whitespace_
    connector = token.text in {"&", "and", "of"}
    return connector and i + 1 < len(tokens) and words.joins(tokens[i - 1], token, tokens[i + 1])


def _name_start(tokens: list[Token], form: int, words: NameWords, *, bodies: bool = False) -> int:
    """Walk left from the form over name words, inner forms, connectors and brackets."""
    start = form
    while start > 0:
        before = tokens[start - 1]
        if "\n" in before.whitespace_:
            break
        if words.is_name_word(before) or (words.is_form(before) and start - 1 > 0):
            if bodies and words.is_form(before):
                break  # "Seres Group Co., Ltd. Party Committee": a company's, not a body
            start -= 1
        elif bodies and before.text == "'s" and start > 1 and tokens[start - 2].text == "People":
            start -= 1  # "People's Government", "People's Congress"
        elif before.text == ")" and (opening := _bracket_opening(tokens, start - 1, words)):
            start = opening
        elif before.text in {"and", "&", "of"} and start - 2 >= 0:
            if not words.joins(tokens[start - 2], before, tokens[start]):
                break
            start -= 1
        elif before.text == "-" and not before.whitespace_ and not tokens[start - 2].whitespace_:
            start -= 1  # "High-Tech" split by the tokenizer
        else:
            break
    while start < form and not words.is_name_word(tokens[start]):
        start += 1  # a name starts with a name word, not "and" or a bracket
    return start


def _bracket_opening(tokens: list[Token], closing: int, words: NameWords) -> int | None:
    """'(Group)' or '(Thailand)' inside a name: the index of its '('."""
    for opening in range(closing - 1, max(closing - _BRACKETED, 0) - 1, -1):
        if tokens[opening].text == "(":
            inner = tokens[opening + 1 : closing]
            named = len(inner) > 0 and all(words.is_name_word(t) for t in inner)
            return opening if named and opening > 0 else None
    return None


def _forms_end(tokens: list[Token], i: int, words: NameWords) -> int:
    """'Co.' then ', Ltd.', 'Tbk' or '(Persero)': the forms that follow the first."""
    while i < len(tokens):
        if words.is_form(tokens[i]):
            i += 1
        elif tokens[i].text == "," and i + 1 < len(tokens) and words.is_form(tokens[i + 1]):
            i += 2
        elif tokens[i].text == "(" and i + 2 < len(tokens) and tokens[i + 2].text == ")":
            if not words.is_form(tokens[i + 1]):
                break  # "(EVIQ)": an acronym defined, not a form
            i += 3  # "(Persero)"
        else:
            break
    return i
