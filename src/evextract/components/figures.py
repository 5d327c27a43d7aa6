"""`evextract_figures`: find money, percentages and quantities, and normalize them.

Find: a figure starts at a token holding digits (or a number word before a
scale word), then grows over scale words, a range's second end, percent
words, currency symbols and words, qualifiers and the counted noun from the
dependency parse. Then set annotations: each figure becomes a span in
`doc.spans[FIGURES]` with its `FigureValue` in `Span._.evx_figure`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import COUNTRY, FIGURE, FIGURES, register_extensions
from ..figures import FigureLexicon, FigureValue, singular, split_attached
from ..numbers import SCALE_WORDS, parse_number, parse_range

_NUMBER_WORDS_BEFORE_SCALE = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "half", "several", "dozen",
}  # fmt: skip
_RANGE_JOINERS = {"-", "–", "—", "to"}
_MONTHS = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
_UNIT_DEPS = {"nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "appos", "pobj"}
_MAX_UNIT_DISTANCE = 4
_RANGE_SUFFIX = re.compile(r"^[-–—]\d[\d,]*(?:\.\d+)?%?$")
_NOUN_PHRASE_POS = {"ADJ", "ADV", "NOUN", "PROPN", "PUNCT", "NUM"}
_TALLY_NOUNS = {
    "sales",
    "deliveries",
    "output",
    "production",
    "registrations",
    "shipments",
    "exports",
}
_CLAUSE_PUNCT = {",", ";", ":", "(", ")", ".", "!", "?", '"', "|", "•", "/"}
_NOT_UNITS = {
    "number",
    "numbers",
    "figure",
    "figures",
    "total",
    "today",
    "tomorrow",
    "yesterday",
    "now",
    "time",
    "times",
    "year-on-year",
    "yoy",
}
_EXPLICIT_USD = re.compile(r"US\$|U\.S\.|USD|\bUS\b|American")


@Language.factory(
    "evextract_figures",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma"],
    default_config={"spans_key": FIGURES},
)
def make_figures(nlp: Language, name: str, spans_key: str) -> FigureFinder:
    return FigureFinder(name, spans_key=spans_key)


@dataclass
class _Found:
    start: int
    end: int
    value: FigureValue


class FigureFinder:
    def __init__(self, name: str, *, spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.lexicon = FigureLexicon.load()
        self._scales = {word for word in SCALE_WORDS if len(word) > 2}

    def __call__(self, doc: Doc) -> Doc:
        found: list[_Found] = []
        i = 0
        while i < len(doc):
            figure = self._figure_at(doc, i)
            if figure is None:
                i += 1
            elif isinstance(figure, int):
                i = figure  # skip the whole non-figure ("February 1-16")
            else:
                found.append(figure)
                i = figure.end
        found = _with_currency_context(doc, found, self.lexicon)
        found = _link_conversions(doc, _inherit_units(doc, found))
        spans = []
        for figure in found:
            span = Span(doc, figure.start, figure.end, label=figure.value.kind)
            span._.set(FIGURE, figure.value)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _figure_at(self, doc: Doc, i: int) -> _Found | int | None:
        anchor = self._anchor(doc, i)
        if anchor is None:
            return None
        prefix, suffix = anchor
        end = self._number_end(doc, i + 1)
        if self._is_not_a_figure(doc, i, end, prefix, suffix):
            return end
        core_text = _join(doc[i:end]).removeprefix(prefix)
        value = parse_number(core_text)
        if value is None:
            return None
        value_range = parse_range(core_text)
        start, currency = self._currency_before(doc, i, prefix)
        end, kind, unit, currency = self._after_number(doc, end, suffix, currency)
        if kind is None:
            return None
        start, qualifier = self._qualifier_before(doc, start)
        if suffix.endswith("+") or (end < len(doc) and doc[end].text == "+"):
            qualifier = "more_than"
        low, high = value_range if value_range else (value, None)
        uncertain = _uncertain_currency(_join(doc[start:end]), currency)
        figure = FigureValue(kind, low, high, currency, unit, qualifier, uncertain=uncertain)
        return _Found(start, end, figure)

    def _anchor(self, doc: Doc, i: int) -> tuple[str, str] | None:
        """(prefix, suffix) of a token that starts a number, or None."""
        token = doc[i]
        if token.lower_ in _NUMBER_WORDS_BEFORE_SCALE:
            following = doc[i + 1] if i + 1 < len(doc) else None
            if following is not None and following.lower_ in self._scales:
                return "", ""
            return None
        parts = split_attached(token.text)
        if parts is None:
            return None
        prefix, _, suffix = parts
        if prefix and self.lexicon.currency_before(prefix) is None and prefix != "~":
            return None
        if suffix and not self._is_known_suffix(suffix):
            return None
        return prefix, suffix

    def _is_known_suffix(self, suffix: str) -> bool:
        bare = suffix.rstrip("+")
        if _RANGE_SUFFIX.match(bare):
            return True  # "40,000–46,000" written as one token
        return (
            not bare
            or bare == "%"
            or bare.lower() in SCALE_WORDS
            or self.lexicon.measure_unit(bare) is not None
        )

    def _number_end(self, doc: Doc, j: int) -> int:
        """One past the number's last token: scale words and a range's second end."""
        j = self._scales_end(doc, j)
        if j + 1 < len(doc) and doc[j].lower_ in _RANGE_JOINERS | {"and"}:
            second = split_attached(doc[j + 1].text)
            if second is not None and not second[0].strip("$€£¥₹"):
                j = self._scales_end(doc, j + 2)
        return j

    def _scales_end(self, doc: Doc, j: int) -> int:
        """Past the scale words at j, written apart or hyphenated ('15-billion')."""
        while j < len(doc):
            tight = doc[j - 1].whitespace_ == ""
            if doc[j].lower_ in self._scales or (tight and doc[j].lower_ in SCALE_WORDS):
                j += 1
            elif _is_hyphen_join(doc, j) and doc[j + 1].lower_ in self._scales:
                j += 2
            else:
                break
        return j

    def _is_not_a_figure(self, doc: Doc, i: int, end: int, prefix: str, suffix: str) -> bool:
        token = doc[i]
        if prefix or suffix:
            return False
        if end - i > 1:
            return _is_list_number(doc, i) or _next_to_month(doc, i, end)
        text = token.text
        if _is_year(text) or _is_list_number(doc, i) or _next_to_month(doc, i, end):
            return True
        if i + 2 < len(doc) and doc[i + 1].text in {":", "."} and doc[i + 2].is_digit:
            return doc[i + 1].whitespace_ == ""  # a time of day or a version number
        return _inside_name(doc, i)

    def _currency_before(self, doc: Doc, i: int, prefix: str) -> tuple[int, str | None]:
        if prefix and prefix != "~":
            return i, self.lexicon.currency_before(prefix)
        if i > 0:
            currency = self.lexicon.currency_before(doc[i - 1].text)
            if currency is not None:
                return i - 1, currency
        return i, None

    def _after_number(
        self, doc: Doc, end: int, suffix: str, currency: str | None
    ) -> tuple[int, str | None, str | None, str | None]:
        """Extend over percent words, currency words or the unit: (end, kind, unit, currency)."""
        bare = suffix.rstrip("+")
        if bare == "%":
            return end, "percent", None, currency
        start = end + 1 if _is_hyphen_join(doc, end) else end
        phrase_end = self._phrase_end(doc, start, self.lexicon.is_percent)
        if phrase_end:
            return phrase_end, "percent", None, currency
        phrase_end = self._phrase_end(
            doc, end, lambda t: self.lexicon.currency_after(t) is not None
        )
        if phrase_end:
            return (
                phrase_end,
                "money",
                None,
                self.lexicon.currency_after(_join(doc[end:phrase_end])),
            )
        if currency is not None:
            return end, "money", None, currency
        unit = self.lexicon.measure_unit(bare) if bare and bare.lower() not in SCALE_WORDS else None
        if unit:
            return end, "quantity", unit, None
        return self._quantity_unit(doc, end)

    def _phrase_end(self, doc: Doc, start: int, accepts: object) -> int:
        """End of the longest phrase from `start` that `accepts` takes, or 0."""
        test = accepts if callable(accepts) else None
        assert test is not None
        for size in range(self.lexicon.longest_phrase, 0, -1):
            if start + size <= len(doc) and test(_join(doc[start : start + size])):
                return start + size
        return 0

    def _quantity_unit(self, doc: Doc, end: int) -> tuple[int, str | None, str | None, None]:
        if _is_hyphen_join(doc, end) and doc[end + 1].is_alpha:
            # "1.8-fold", "2,923-acre", "1.2 million-unit", "4.3 million-square-foot"
            last = end + 1
            while _is_hyphen_join(doc, last + 1) and doc[last + 2].is_alpha:
                last += 2
            words = " ".join(t.text for t in doc[end + 1 : last + 1] if t.is_alpha)
            unit = self.lexicon.measure_unit(words) or _unit_name(doc[last])
            if self.lexicon.is_hyphen_unit(unit):
                return last + 1, "quantity", unit, None
            return end, None, None, None  # "4680-format cells": a name, not an amount
        phrase_end = self._phrase_end(doc, end, lambda t: self.lexicon.measure_unit(t) is not None)
        if phrase_end:
            measure = self.lexicon.measure_unit(_join(doc[end:phrase_end]))
            return phrase_end, "quantity", measure, None
        head = _counted_noun(doc, end)
        if head is None:
            return end, "quantity" if _is_bare_count(doc, end) else None, None, None
        return head.i + 1, "quantity", _unit_name(head), None

    def _qualifier_before(self, doc: Doc, start: int) -> tuple[int, str | None]:
        if start > 0 and doc[start - 1].text == "~":
            return start - 1, "approx"
        for size in range(4, 0, -1):
            if start - size >= 0:
                qualifier = self.lexicon.qualifier(_join(doc[start - size : start]))
                if qualifier is not None:
                    return start - size, qualifier
        return start, None


def _join(tokens: Iterable[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _is_list_number(doc: Doc, i: int) -> bool:
    """'1.' or '2)' at the start of a line."""
    token = doc[i]
    line_start = doc.text.rfind("\n", 0, token.idx) + 1
    if doc.text[line_start : token.idx].strip():
        return False
    following = doc.text[token.idx + len(token.text) : token.idx + len(token.text) + 1]
    return token.text.endswith((".", ")")) or following in {".", ")"}


def _next_to_month(doc: Doc, i: int, end: int) -> bool:
    neighbours = [doc[k] for k in (i - 1, end) if 0 <= k < len(doc)]
    return any(_MONTHS.match(t.text) and t.text[0].isupper() for t in neighbours)


def _inside_name(doc: Doc, i: int) -> bool:
    """A small number right after a capitalized word is part of a name: 'Model 3',
    'Phase 2', 'Chapter 11', 'Golf 8'."""
    if i == 0:
        return False
    before = doc[i - 1]
    small = doc[i].text.isdigit() and len(doc[i].text) <= 3
    return before.is_title and before.is_alpha and not before.is_sent_start and small


def _counted_noun(doc: Doc, end: int) -> Token | None:
    """The noun the number counts: its head in the parse, in the noun phrase to its right."""
    last = doc[end - 1]
    candidates = [last.head] if last.dep_ in _UNIT_DEPS else []
    if end < len(doc):
        candidates.append(doc[end])
    for token in candidates:
        head = token
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if _is_unit_noun(doc, end, head):
            return _first_plural(doc[end : head.i]) or head
    return None


def _first_plural(tokens: Span) -> Token | None:
    """'660 robotic arms work side': a count's unit is the first plural noun after it."""
    return next((t for t in tokens if t.tag_ in {"NNS", "NNPS"} and t.is_alpha), None)


def _is_unit_noun(doc: Doc, end: int, head: Token) -> bool:
    if not (0 <= head.i - end < _MAX_UNIT_DISTANCE) or not head.is_alpha:
        return False
    if head.pos_ not in {"NOUN", "PROPN"} or head.lower_ in _NOT_UNITS:
        return False
    if head.pos_ == "PROPN" and not _is_plural_acronym(head):
        return False
    between = doc[end : head.i]
    return all(
        (t.pos_ in _NOUN_PHRASE_POS or t.dep_ in {"amod", "compound"})
        and t.text not in _CLAUSE_PUNCT
        and "\n" not in t.whitespace_
        for t in between
    )


def _is_plural_acronym(token: Token) -> bool:
    """'NEVs', 'EVs', 'G6s': a plural of capitals counts things."""
    return len(token.text) > 2 and token.text.endswith("s") and token.text[:-1].isupper()


def _is_bare_count(doc: Doc, end: int) -> bool:
    """A number standing alone that is clearly a count: '40,422', '2.6 million', or a
    labelled value ('BEV makers: 14')."""
    number = doc[end - 1]
    labelled = end >= 2 and doc[end - 2].text == ":" and doc[end - 2].whitespace_ != ""
    return "," in number.text or number.lower_ in SCALE_WORDS or labelled


def _is_hyphen_join(doc: Doc, i: int) -> bool:
    """doc[i] is a hyphen written tight between two words: '15-billion'."""
    return (
        i + 1 < len(doc)
        and doc[i].text in {"-", "‑"}
        and doc[i - 1].whitespace_ == ""
        and doc[i].whitespace_ == ""
    )


def _unit_name(token: Token) -> str:
    if token.pos_ == "NOUN" and token.lemma_.lower() != token.lower_:
        return token.lemma_.lower()
    return singular(token.lower_)  # "NEVs", "Units" in a table header


def _uncertain_currency(text: str, currency: str | None) -> str | None:
    """Why a currency is a guess: a bare '$' or 'dollars', or a bare '¥'."""
    if currency == "USD" and not _EXPLICIT_USD.search(text):
        return "bare_dollar"
    if currency == "CNY" and "¥" in text and "CN¥" not in text:
        return "bare_yen"
    return None


def _with_currency_context(doc: Doc, found: list[_Found], lexicon: FigureLexicon) -> list[_Found]:
    """A bare '$' is the local dollar in an article about a dollar country; '¥' in Japan is JPY."""
    countries = Counter(code for ent in doc.ents if (code := ent._.get(COUNTRY)))
    local = [c for c in lexicon.dollar_countries if countries[c] > countries["US"]]
    resolved = {"bare_yen": "JPY" if countries["JP"] > countries["CN"] else None}
    if local:
        resolved["bare_dollar"] = lexicon.dollar_countries[max(local, key=lambda c: countries[c])]
    changed = []
    for figure in found:
        currency = resolved.get(figure.value.uncertain or "")
        if currency is not None:
            figure = replace(figure, value=replace(figure.value, currency=currency))
        changed.append(figure)
    return changed


def _inherit_units(doc: Doc, found: list[_Found]) -> list[_Found]:
    """A bare count takes its unit from context: the quantity before it in the sentence
    ("41,030 units, ... its previous high of 40,422"), else the subject it measures
    ("vehicle production rose to 797,000", "NEVs accounting for 289,000")."""
    inherited: list[_Found] = []
    for figure in found:
        value = figure.value
        if value.kind == "quantity" and value.unit is None:
            unit = (
                _unit_from_label(doc, figure.start)
                or _unit_from_column(doc, figure.start)
                or _unit_of_subject(doc[figure.end - 1])
                or _unit_before(doc, figure, inherited)
            )
            figure = replace(figure, value=replace(value, unit=unit))
        inherited.append(figure)
    return inherited


def _unit_from_label(doc: Doc, start: int) -> str | None:
    """'EVs registered Jan-Apr: 19,347': the label names what is counted."""
    if start == 0 or doc[start - 1].text != ":":
        return None
    label: list[Token] = []
    for token in reversed(doc[: start - 1]):
        if token.text in {"|", ";", "•"} or "\n" in token.whitespace_:
            break
        label.insert(0, token)
    return _noun_unit(label)


def _unit_from_column(doc: Doc, start: int) -> str | None:
    """A count in a table row ('2021 | 3.4% | 5,974') takes its unit from the header row."""
    text = doc.text
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    row = text[line_start : doc[start].idx]
    if "|" not in row:
        return None
    column = row.count("|")
    header_end = line_start - 1
    while header_end > 0:
        header_start = text.rfind("\n", 0, header_end) + 1
        header = text[header_start:header_end]
        if "|" in header and not any(c.isdigit() for c in header):
            cells = header.split("|")
            if column < len(cells):
                offset = header_start + sum(len(c) + 1 for c in cells[:column])
                span = doc.char_span(offset, offset + len(cells[column]), alignment_mode="expand")
                return _noun_unit(list(span)) if span is not None else None
            return None
        header_end = header_start - 1
    return None


def _noun_unit(tokens: list[Token]) -> str | None:
    nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and t.is_alpha]
    plural = [t for t in nouns if t.tag_ in {"NNS", "NNPS"} or _is_plural_acronym(t)]
    chosen = (plural or nouns)[:1]
    return _unit_name(chosen[0]) if chosen and chosen[0].lower_ not in _NOT_UNITS else None


def _unit_before(doc: Doc, figure: _Found, before: list[_Found]) -> str | None:
    sentence = doc[figure.start].sent
    for other in reversed(before):
        if doc[other.start].sent != sentence:
            return None
        if other.value.kind == "quantity" and other.value.unit:
            return other.value.unit
    return None


def _unit_of_subject(number: Token) -> str | None:
    verb = number
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "is set to climb"
    subjects = [t for t in verb.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ in {"acl", "advcl", "relcl"}:
        subjects = [verb.head]
    for subject in subjects:
        if subject.lower_ == "number":  # "the number of charging points"
            subject = next(
                (t for p in subject.children if p.lower_ == "of" for t in p.children), subject
            )
        counted = [t for t in subject.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
        if counted:
            return _unit_name(counted[-1])
        if subject.tag_ in {"NNS", "NNPS"} or _is_plural_acronym(subject):
            return _unit_name(subject)
        if subject.lower_ in _TALLY_NOUNS:
            return "unit"
    return None


def _link_conversions(doc: Doc, found: list[_Found]) -> list[_Found]:
    """'260 billion yuan (about 36.28 billion U.S. dollars)': the second converts the first."""
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        between = doc[first.end : second.start].text.strip()
        if first.value.kind == second.value.kind == "money" and between in {"(", "(or", ", or"}:
            found[index] = replace(second, value=replace(second.value, equivalent_of=index - 1))
    return found
