"""`evextract_figures`: find money, percentages and quantities, and normalize them.

Find: a figure starts at a token holding digits (or a number word before a
scale word), then grows over scale words, a range's second end, percent
words, currency symbols and words, qualifiers and the counted noun from the
dependency parse. Then set annotations: each figure becomes a span in
`doc.spans[FIGURES]` with its `FigureValue` in `Span._.evx_figure`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import (
    FIGURE,
    FIGURES,
    doc_text,
    doc_tokens,
    register_extensions,
    shared_views,
)
from ..figures import FigureLexicon, FigureValue, scale_then_number, split_attached
from ..numbers import SCALE_WORDS, SIGNS, Number, leading_sign, parse_number, parse_range
from . import counted
from .figure_context import (
    Found,
    inherit_units,
    link_conversions,
    uncertain_currency,
    with_currency_context,
)

_NUMBER_WORDS_BEFORE_SCALE = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "half", "several", "dozen",
}  # fmt: skip
_RANGE_JOINERS = {"-", "–", "—", "to"}
_DIGIT = re.compile(r"\d")
_ISO_DATE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d\b")
_RANGE_SUFFIX = re.compile(r"^%?[-–—]\d[\d,]*(?:\.\d+)?%?$")
_INNER_PERCENT = re.compile(r"\s*(?:%|\bpercent\b|\bpct\b)", re.IGNORECASE)
_CENTS = {"cent", "cents"}
_MONTHS = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
_UNSIGNED_PREFIXES = {"", "~"}  # prefixes that name no currency


@Language.factory(
    "evextract_figures",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma"],
    default_config={"spans_key": FIGURES},
)
def make_figures(nlp: Language, name: str, spans_key: str) -> FigureFinder:
    return FigureFinder(name, spans_key=spans_key)


class FigureFinder:
    def __init__(self, name: str, *, spans_key: str) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.lexicon = FigureLexicon.load()
        self._scales = {word for word in SCALE_WORDS if len(word) > 2}

    def __call__(self, doc: Doc) -> Doc:
        with shared_views(doc):
            found = self._found(doc)
        spans = []
        for figure in found:
            span = Span(doc, figure.start, figure.end, label=figure.value.kind)
            span._.set(FIGURE, figure.value)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _found(self, doc: Doc) -> list[Found]:
        found: list[Found] = []
        # most tokens cannot start a figure
        starts = [t.i for t in doc_tokens(doc) if self._may_start(t)]
        i = 0
        for start in starts:
            if start < i:
                continue
            i = start
            figure = self._figure_at(doc, i)
            if figure is None:
                i += 1
            elif isinstance(figure, int):
                i = figure  # skip the whole non-figure ("February 1-16")
            else:
                found.append(figure)
                i = figure.end
        found = with_currency_context(doc, found, self.lexicon)
        return link_conversions(doc, inherit_units(doc, found))

    @staticmethod
    def _may_start(token: Token) -> bool:
        return _has_digit(token.text) or token.lower_ in _NUMBER_WORDS_BEFORE_SCALE

    def _figure_at(self, doc: Doc, i: int) -> Found | int | None:
        anchor = self._anchor(doc, i)
        if anchor is None:
            return None
        prefix, suffix = anchor
        end = self._number_end(doc, i + 1)
        if self._is_not_a_figure(doc, i, end, prefix, suffix):
            return end
        tokens = doc_tokens(doc)
        core_text = _core_text(_words(doc, i, end), prefix)
        value = parse_number(core_text)
        if value is None:
            return None
        between = "between" in {t.lower_ for t in tokens[max(i - 2, 0) : i]}
        value_range = parse_range(f"between {core_text}" if between else core_text)
        if end - i > 1 and not prefix and _is_year(tokens[i].text):
            if _is_year_span(_words(doc, i, end)):
                return end  # "the 2025-2027 targets"
            value_range = None  # "fiscal 2030 to 7 trillion yen": a year, then the figure
        if value_range is None and end - i > 1:
            end = self._scales_end(doc, i + 1)  # "$39.3 million to 117 sites" is no range
            core_text = _core_text(_words(doc, i, end), prefix)
            if self._is_not_a_figure(doc, i, end, prefix, suffix):
                return end
        start, currency = self._currency_before(doc, i, prefix)
        end, kind, unit, currency = self._after_number(doc, end, suffix, currency)
        if kind is None:
            return None
        if between and start > 0 and tokens[start - 1].lower_ == "between":
            start -= 1
        start, qualifier = self._qualifier_before(doc, start)
        if suffix.endswith("+") or (end < len(doc) and tokens[end].text == "+"):
            qualifier = "more_than"
        qualifier = qualifier or self._qualifier_after(doc, end)
        low, high = value_range if value_range else (value, None)
        if prefix in SIGNS:
            if not (kind == "percent" or unit in self.lexicon.measure_units.values()):
                return None  # a sign only on a change or a measure: "+3.4%", "-2 degrees"
            low *= leading_sign(tokens[i].text)
        uncertain = uncertain_currency(_words(doc, start, end), currency)
        if kind == "quantity" and unit == "cent":  # "36 cents a share": money
            kind, unit, uncertain = "money", None, "cents"  # its currency comes from context
            low, high = round(low / 100, 10), _hundredth(high)
        figure = FigureValue(kind, low, high, currency, unit, qualifier, uncertain=uncertain)
        return Found(start, end, figure)

    def _anchor(self, doc: Doc, i: int) -> tuple[str, str] | None:
        """(prefix, suffix) of a token that starts a number, or None."""
        tokens = doc_tokens(doc)
        token = tokens[i]
        if token.lower_ in _NUMBER_WORDS_BEFORE_SCALE:
            following = tokens[i + 1] if i + 1 < len(doc) else None
            if following is not None and following.lower_ in self._scales:
                return "", ""
            return None
        parts = split_attached(token.text)
        if parts is None:
            return None
        prefix, _, suffix = parts
        unknown = prefix and self.lexicon.currency_before(prefix) is None
        if unknown and prefix != "~" and not self._is_sign(doc, i, prefix):
            return None
        if suffix and not self._is_known_suffix(suffix):
            return None
        return prefix, suffix

    @staticmethod
    def _is_sign(doc: Doc, i: int, prefix: str) -> bool:
        """'+3.4%' or '-15.7%' standing apart, not the dash of '2025-27' or a name."""
        if prefix not in SIGNS:
            return False
        if i == 0:
            return True
        before = doc_tokens(doc)[i - 1]
        return before.whitespace_ != "" or before.is_space or before.is_left_punct  # "(-2.3%)"

    def _is_known_suffix(self, suffix: str) -> bool:
        bare = suffix.rstrip("+")
        if _RANGE_SUFFIX.match(bare) or scale_then_number(bare) is not None:
            return True  # "40,000–46,000" or "2bn-3bn" written as one token
        return (
            not bare
            or bare == "%"
            or bare.lower() in SCALE_WORDS
            or self.lexicon.measure_unit(bare) is not None
        )

    def _number_end(self, doc: Doc, j: int) -> int:
        """One past the number's last token: scale words and a range's second end."""
        tokens = doc_tokens(doc)
        j = self._scales_end(doc, j)
        if j < len(doc) and j > 0 and scale_then_number(tokens[j].text) is not None:
            return self._scales_end(doc, j + 1)  # "RMB3.2 billion-3.5 billion"
        signed = j < len(doc) and self.lexicon.is_percent(tokens[j].text)  # "20% to 25%"
        joiner = j + 1 if signed else j
        if joiner + 1 < len(doc) and tokens[joiner].lower_ in _RANGE_JOINERS | {"and"}:
            k = joiner + 1
            if self.lexicon.currency_before(tokens[k].text) and k + 1 < len(doc):
                k += 1  # "between $2 billion and $3 billion"
            second = split_attached(tokens[k].text)
            if second is not None and not second[0].strip("$€£¥₹"):
                end = self._scales_end(doc, k + 1)
                if not signed or (end < len(doc) and self.lexicon.is_percent(tokens[end].text)):
                    j = end
        return j

    def _scales_end(self, doc: Doc, j: int) -> int:
        """Past the scale words at j, written apart or hyphenated ('15-billion')."""
        tokens = doc_tokens(doc)
        while j < len(doc):
            tight = tokens[j - 1].whitespace_ == ""
            word = (
                tokens[j].lower_.rstrip(".") if tight else tokens[j].lower_
            )  # "€500m." ends a sentence
            if word in self._scales or (tight and word in SCALE_WORDS):
                j += 1
            elif word in SCALE_WORDS and len(word) > 1 and self._by_currency(doc, j):
                j += 1  # "1.28 bn RMB", "$3 mn": a spaced short scale beside a currency
            elif _is_hyphen_join(doc, j) and tokens[j + 1].lower_ in self._scales:
                j += 2
            else:
                break
        return j

    def _by_currency(self, doc: Doc, j: int) -> bool:
        """A currency right after doc[j], or right before the number doc[j - 1]."""
        tokens = doc_tokens(doc)
        after = j + 1 < len(doc) and self.lexicon.currency_after(tokens[j + 1].text) is not None
        parts = split_attached(tokens[j - 1].text)
        prefix = parts[0] if parts else ""
        before = j >= 2 and self.lexicon.currency_before(tokens[j - 2].text) is not None
        return after or before or self.lexicon.currency_before(prefix) is not None

    def _is_not_a_figure(self, doc: Doc, i: int, end: int, prefix: str, suffix: str) -> bool:
        tokens = doc_tokens(doc)
        token = tokens[i]
        if prefix or suffix:
            return False
        if _ISO_DATE.match(doc_text(doc), token.idx) or _has_leading_zero(token.text):
            return True  # "2020-06-02", a phone number "0553-58..."
        if end - i > 1:
            return _is_list_number(doc, i) or _next_to_month(doc, i, end)
        text = token.text
        if _is_year(text) or _is_list_number(doc, i) or _next_to_month(doc, i, end):
            return True
        if i + 2 < len(doc) and tokens[i + 1].text in {":", "."} and tokens[i + 2].is_digit:
            return tokens[i + 1].whitespace_ == ""  # a time of day or a version number
        return _inside_name(doc, i)

    def _currency_before(self, doc: Doc, i: int, prefix: str) -> tuple[int, str | None]:
        if prefix not in _UNSIGNED_PREFIXES and prefix not in SIGNS:
            return i, self.lexicon.currency_before(prefix)
        if i > 0:
            currency = self.lexicon.currency_before(doc_tokens(doc)[i - 1].text)
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
        for first in dict.fromkeys((end, start)):  # "13.5-billion-yuan" too
            phrase_end = self._phrase_end(
                doc, first, lambda t: self.lexicon.currency_after(t) is not None
            )
            if phrase_end:
                words = _words(doc, first, phrase_end)
                return phrase_end, "money", None, self.lexicon.currency_after(words)
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
            if start + size <= len(doc) and test(_words(doc, start, start + size)):
                return start + size
        return 0

    def _quantity_unit(self, doc: Doc, end: int) -> tuple[int, str | None, str | None, None]:
        tokens = doc_tokens(doc)
        if _is_hyphen_join(doc, end) and tokens[end + 1].is_alpha:
            # "1.8-fold", "2,923-acre", "1.2 million-unit", "4.3 million-square-foot"
            last = end + 1
            while _is_hyphen_join(doc, last + 1) and tokens[last + 2].is_alpha:
                last += 2
            words = " ".join(t.text for t in tokens[end + 1 : last + 1] if t.is_alpha)
            unit = self.lexicon.measure_unit(words) or counted.unit_name(tokens[last])
            if self.lexicon.is_hyphen_unit(unit):
                return last + 1, "quantity", unit, None
            return end, None, None, None  # "4680-format cells": a name, not an amount
        phrase_end = self._phrase_end(doc, end, lambda t: self.lexicon.measure_unit(t) is not None)
        if phrase_end:
            measure = self.lexicon.measure_unit(_words(doc, end, phrase_end))
            return phrase_end, "quantity", measure, None
        head = counted.counted_noun(doc, end) or counted.partitive_noun(doc, end)
        if head is not None:
            synonym = self.lexicon.unit_synonym(_words(doc, end, head.i + 1))
            if synonym is not None:  # "953,000 new energy vehicles" counts NEVs
                return head.i + 1, "quantity", synonym, None
        if head is None:
            return end, "quantity" if _is_bare_count(doc, end) else None, None, None
        return head.i + 1, "quantity", counted.unit_name(head), None

    def _qualifier_before(self, doc: Doc, start: int) -> tuple[int, str | None]:
        if start > 0 and doc_tokens(doc)[start - 1].text == "~":
            return start - 1, "approx"
        for size in range(4, 0, -1):
            if start - size >= 0:
                qualifier = self.lexicon.qualifier(_words(doc, start - size, start))
                if qualifier is not None and not self._is_verb_particle(doc, start - size):
                    return start - size, qualifier
        return start, None

    def _is_verb_particle(self, doc: Doc, i: int) -> bool:
        """'edged up to 17.6%': the 'up' belongs to the verb, so it is no 'up to'."""
        tokens = doc_tokens(doc)
        verb = tokens[i - 1] if i > 0 else None
        return (
            tokens[i].lower_ == "up"
            and verb is not None
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in self.lexicon.verbs_with_up
        )

    def _qualifier_after(self, doc: Doc, end: int) -> str | None:
        if end + 2 <= len(doc):
            return self.lexicon.qualifier_after(_words(doc, end, end + 2))
        return None


def _words(doc: Doc, start: int, end: int) -> str:
    """The text of tokens [start, end), stripped: cut from the Doc's text, not joined from
    the tokens' own."""
    tokens = doc_tokens(doc)
    end = min(end, len(tokens))
    if start >= end:
        return ""
    last = tokens[end - 1]
    return doc_text(doc)[tokens[start].idx : last.idx + len(last.text_with_ws)].strip()


@lru_cache(maxsize=1 << 16)
def _has_digit(word: str) -> bool:
    """Asked of every token: once per word (a bounded cache: a corpus's words are many)."""
    return _DIGIT.search(word) is not None


def _core_text(words: str, prefix: str) -> str:
    """The number's text without its currency prefix, nor the percent sign of a range's
    low end ("20% to 25" reads as "20 to 25")."""
    return _INNER_PERCENT.sub("", words.removeprefix(prefix))


def _hundredth(value: Number | None) -> Number | None:
    return None if value is None else round(value / 100, 10)


def _is_year_span(words: str) -> bool:
    """'2025-2027', '2025-27', 'from 2030 to 2035': years, not a figure."""
    numbers = re.findall(r"\d+", words)
    if len(numbers) != 2:
        return False
    low, high = numbers
    if _is_year(high):
        return True
    return len(high) == 2 and high.isdigit() and int(high) > int(low[2:])


def _has_leading_zero(text: str) -> bool:
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _is_list_number(doc: Doc, i: int) -> bool:
    """'1.' or '2)' at the start of a line."""
    token, text = doc_tokens(doc)[i], doc_text(doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    if text[line_start : token.idx].strip():
        return False
    following = text[token.idx + len(token.text) : token.idx + len(token.text) + 1]
    return token.text.endswith((".", ")")) or following in {".", ")"}


def _next_to_month(doc: Doc, i: int, end: int) -> bool:
    tokens = doc_tokens(doc)
    neighbours = [tokens[k] for k in (i - 1, end) if 0 <= k < len(tokens)]
    return any(_MONTHS.match(t.text) and t.text[0].isupper() for t in neighbours)


def _inside_name(doc: Doc, i: int) -> bool:
    """A small number right after a capitalized word is part of a name: 'Model 3',
    'Phase 2', 'Chapter 11', 'Golf 8'."""
    if i == 0:
        return False
    tokens = doc_tokens(doc)
    before, text = tokens[i - 1], tokens[i].text
    small = text.isdigit() and len(text) <= 3
    return before.is_title and before.is_alpha and not before.is_sent_start and small


def _is_bare_count(doc: Doc, end: int) -> bool:
    """A number standing alone that is clearly a count: '40,422', '2.6 million', or a
    labelled value ('BEV makers: 14')."""
    tokens = doc_tokens(doc)
    number = tokens[end - 1]
    labelled = end >= 2 and tokens[end - 2].text == ":" and tokens[end - 2].whitespace_ != ""
    return "," in number.text or number.lower_ in SCALE_WORDS or labelled


def _is_hyphen_join(doc: Doc, i: int) -> bool:
    """doc[i] is a hyphen written tight between two words: '15-billion'."""
    tokens = doc_tokens(doc)
    return (
        i + 1 < len(tokens)
        and tokens[i].text in {"-", "‑"}
        and tokens[i - 1].whitespace_ == ""
        and tokens[i].whitespace_ == ""
    )
