"""Read the number in a figure's text: digits, scale words and spelled-out numbers.

A pure module (no spaCy, no terminal): `parse_number` gives the value of the
first number expression in a text, in plain units, and `parse_range` the two
ends of a range. Currency signs, qualifiers and units around the number are
skipped; deciding what is a figure is the pipeline's job, not this module's.

>>> parse_number("exceeded 1.37 million units")
1370000
>>> parse_number("about 36.28 billion U.S. dollars")
36280000000
>>> parse_number("₹1.97 lakh crore")
1970000000000
>>> parse_number("half a million vehicles")
500000
>>> parse_number("7.5%")
7.5
>>> parse_range("1 to 2 million units")
(1000000, 2000000)

The text is scanned once by a tokenizer whose patterns have no nested
quantifiers, and every number expression is read with bounded look-ahead, so
the time taken grows linearly with the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Context, Decimal
from types import MappingProxyType
from typing import NamedTuple, TypeAlias

__all__ = ["NUMBER_WORDS", "SCALE_WORDS", "SIGNS", "leading_sign", "parse_number", "parse_range"]

Number: TypeAlias = int | float

SCALE_WORDS: Mapping[str, int] = MappingProxyType(
    dict.fromkeys(["hundred"], 10**2)
    | dict.fromkeys(["dozen"], 12)
    | dict.fromkeys(["thousand", "k"], 10**3)
    | dict.fromkeys(["lakh", "lakhs", "lac", "lacs"], 10**5)
    | dict.fromkeys(["million", "m", "mn", "mln"], 10**6)
    | dict.fromkeys(["crore", "crores", "cr"], 10**7)
    | dict.fromkeys(["billion", "b", "bn", "bln"], 10**9)
    | dict.fromkeys(["trillion", "tn", "trn", "trln", "tln"], 10**12)
)
"""Lower-case scale word or short form → multiplier. "k", "m" and "b" count only
when written straight after digits ("5m", "$3b"): "5 m" is five metres. "t" is
tonnes, never a trillion."""

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_UNITS += ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
_UNITS += ["seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SMALL: Mapping[str, int] = {word: value for value, word in enumerate(_UNITS)} | {
    word: 10 * value for value, word in enumerate(_TENS, start=2)
}
_FRACTIONS: Mapping[str, Decimal] = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
_ARTICLES = frozenset({"a", "an"})

NUMBER_WORDS: Mapping[str, int | float] = MappingProxyType(
    {**_SMALL, "hundred": 100, "a": 1, "an": 1, "half": 0.5, "quarter": 0.25}
)
"""Lower-case word that can be part of a spelled-out number → its value. Such a
number is read only together with a scale word ("a billion", "twenty-five
million", "half a million", "one and a half million", "two hundred"); "and"
may join its parts but is not listed here."""

_ATTACHED_ONLY = frozenset({"k", "m", "b"})
_DASHES = frozenset("-‐‑‒–—−")
_RANGE_WORDS = frozenset({"to"}) | _DASHES | {"~"}
_PERCENT_WORDS = frozenset({"%", "percent", "pct", "per", "cent"})
_CURRENCY_WORDS = frozenset({"Rs", "Rp"})
_MAX_DIGITS = 24  # a longer digit run is an identifier, not a figure
_MAX_SCALES = 3  # "1.97 lakh crore" stacks two
_CONTEXT = Context(prec=64)

# Digits with thousands commas and decimals (".5" too, but not the ".500" of
# "Rs.500"), runs of letters, and single other characters; spaces are skipped.
_TOKEN = re.compile(
    # Indian grouping first ("1,09,999", "12,34,567"), then thousands ("1,370,000").
    r"(?P<num>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?|(?<![^\W\d_])\.[0-9]+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>[^\w\s]|_)"
)


class _Token(NamedTuple):
    kind: str  # "num", "word" or "sym"
    text: str
    start: int
    end: int


class _Tokens:
    """The tokens of a text, read lazily: a number near the start is found
    without scanning the rest of a long text."""

    def __init__(self, text: str) -> None:
        self._matches = _TOKEN.finditer(text)
        self._read: list[_Token] = []

    def at(self, index: int) -> _Token | None:
        """The token at `index`, or None before the start or past the end."""
        while len(self._read) <= index:
            match = next(self._matches, None)
            if match is None:
                return None
            self._read.append(
                _Token(match.lastgroup or "", match.group(), match.start(), match.end())
            )
        return self._read[index] if index >= 0 else None

    def indices(self) -> Iterator[int]:
        index = 0
        while self.at(index) is not None:
            yield index
            index += 1


@dataclass(frozen=True, slots=True)
class _Expr:
    """A number expression found at some token: mantissa × scale."""

    mantissa: Decimal
    scale: Decimal
    end: int  # index of the token after the expression
    scaled: bool  # written with a scale word (or "hundred" inside words)
    digits: bool  # the mantissa is written with digits

    @property
    def value(self) -> Decimal:
        return _CONTEXT.multiply(self.mantissa, self.scale)


def parse_number(text: str) -> Number | None:
    """The value of the first number expression in `text`, in plain units.

    An int when the value is whole, else a float; None when there is none.

    >>> parse_number("1,370,000")
    1370000
    >>> parse_number("RMB 29 billion"), parse_number("$2bn"), parse_number("€1.2bn")
    (29000000000, 2000000000, 1200000000)
    >>> parse_number("5m"), parse_number("3k"), parse_number("$3b"), parse_number("2tn")
    (5000000, 3000, 3000000000, 2000000000000)
    >>> parse_number("1.5 mn"), parse_number("1.2 million-unit"), parse_number("$1.5-billion")
    (1500000, 1200000, 1500000000)
    >>> parse_number("3 crore"), parse_number("2 lakh"), parse_number("Rs 1,200 crore")
    (30000000, 200000, 12000000000)
    >>> parse_number("a billion euros"), parse_number("twenty-five million")
    (1000000000, 25000000)
    >>> parse_number("one and a half million"), parse_number("a quarter million")
    (1500000, 250000)
    >>> parse_number("two hundred and fifty thousand"), parse_number("a dozen")
    (250000, 12)
    >>> parse_number("US$ 1.09"), parse_number(".5"), parse_number("0.5 percentage points")
    (1.09, 0.5, 0.5)

    A comma is a thousands separator only before exactly three digits, "m" is
    a million only straight after digits, and a minus sign is not read:

    >>> parse_number("12,5"), parse_number("5 m"), parse_number("-3%")
    (12, 5, 3)

    Spelled-out numbers need a scale word; texts without a number give None:

    >>> parse_number("six carmakers") is None, parse_number("a lot") is None
    (True, True)
    >>> parse_number("million") is None, parse_number("") is None
    (True, True)
    """
    tokens = _Tokens(text)
    for index in tokens.indices():
        expr = _expr_at(tokens, index, bare_words=False)
        if expr is not None:
            return _plain(expr.value)
    return None


def parse_range(text: str) -> tuple[Number, Number] | None:
    """The low and high ends of the range that `text` starts with, else None.

    A scale word written only after the high end applies to both ends.

    >>> parse_range("10-15%"), parse_range("10–15 percent")
    ((10, 15), (10, 15))
    >>> parse_range("between $2 billion and $3 billion")
    (2000000000, 3000000000)
    >>> parse_range("2-3 billion yuan"), parse_range("1.5bn-2bn")
    ((2000000000, 3000000000), (1500000000, 2000000000))
    >>> parse_range("from 500 to 600 units"), parse_range("500 to 2 million")
    ((500, 600), (500, 2000000))
    >>> parse_range("between one and two million units")
    (1000000, 2000000)

    Not ranges: a single number, a hyphenated unit, "and" without "between",
    and a high end below the low end (a fall "from 600 to 500"):

    >>> parse_range("1.2 million-unit"), parse_range("1.5 and 2 units")
    (None, None)
    >>> parse_range("from 600 to 500 units"), parse_range("$4.5 billion")
    (None, None)
    """
    tokens = _Tokens(text)
    for index in tokens.indices():
        first = _expr_at(tokens, index, bare_words=True)
        if first is None:
            continue
        found = _range_from(tokens, index, first)
        if found is not None or first.digits or first.scaled:
            return found
    return None


SIGNS: Mapping[str, int] = MappingProxyType({"+": 1, "-": -1, "−": -1, "–": -1})
"""A sign written straight before a number's digits → its sign: "+3.4%", "-15.7%"."""


def leading_sign(text: str) -> int:
    """-1 when `text` starts with a minus sign written against its digits, else 1.

    `parse_number` reads the digits alone (a dash may join a range: "2025-2027");
    a caller that knows the dash is a sign multiplies by this.

    >>> leading_sign("-15.7%"), leading_sign("−2"), leading_sign("+3.4%"), leading_sign("3.4")
    (-1, -1, 1, 1)
    >>> leading_sign("- 3"), leading_sign("-"), leading_sign("")
    (1, 1, 1)
    """
    if len(text) > 1 and text[1].isdigit():
        return SIGNS.get(text[0], 1)
    return 1


def _word(tokens: _Tokens, index: int) -> str:
    """The lower-cased word at `index`, or "" for a number, a symbol or the end."""
    token = tokens.at(index)
    if token is not None and token.kind == "word":
        return token.text.lower()
    return ""


def _text(tokens: _Tokens, index: int) -> str:
    token = tokens.at(index)
    return "" if token is None else token.text.lower()


def _attached(tokens: _Tokens, index: int) -> bool:
    """Whether the token at `index` follows the previous one without a space."""
    before, token = tokens.at(index - 1), tokens.at(index)
    return before is not None and token is not None and before.end == token.start


def _plain(value: Decimal) -> Number:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _expr_at(tokens: _Tokens, index: int, *, bare_words: bool) -> _Expr | None:
    """The number expression starting at `index`: digits or words, then scales.

    Spelled-out numbers without a scale word count only with `bare_words`.
    """
    token = tokens.at(index)
    if token is None or (token.kind != "num" and token.text.lower() not in NUMBER_WORDS):
        return None
    if token.kind == "num":
        mantissa = _digits_value(token.text)
        if mantissa is None:
            return None
        scale, count, end = _scales_at(tokens, index + 1, after_digits=True)
        return _Expr(mantissa, scale, end, count > 0, digits=True)
    words = _word_mantissa_at(tokens, index)
    if words is None:
        return None
    mantissa, end, hundred = words
    scale, count, end = _scales_at(tokens, end, after_digits=False)
    if not (hundred or count or bare_words):
        return None
    return _Expr(mantissa, scale, end, hundred or count > 0, digits=False)


def _digits_value(text: str) -> Decimal | None:
    digits = text.replace(",", "")
    if len(digits.partition(".")[0]) > _MAX_DIGITS:
        return None
    return Decimal(digits)


def _scales_at(tokens: _Tokens, index: int, *, after_digits: bool) -> tuple[Decimal, int, int]:
    """The product of the scale words from `index`, how many, and where they end."""
    scale, count = Decimal(1), 0
    while count < _MAX_SCALES:
        step = _scale_at(tokens, index, first=count == 0, after_digits=after_digits)
        if step is None:
            break
        multiplier, index = step
        scale, count = _CONTEXT.multiply(scale, Decimal(multiplier)), count + 1
    return scale, count, index


def _scale_at(
    tokens: _Tokens, index: int, *, first: bool, after_digits: bool
) -> tuple[int, int] | None:
    """The scale word at `index` (after a hyphen for the first, long ones)."""
    hyphenated = first and _text(tokens, index) in _DASHES and _attached(tokens, index)
    word = _word(tokens, index + 1 if hyphenated else index)
    if word not in SCALE_WORDS or (hyphenated and len(word) < 4):
        return None
    if word in _ATTACHED_ONLY and not (first and after_digits and _attached(tokens, index)):
        return None
    return SCALE_WORDS[word], index + (2 if hyphenated else 1)


def _word_mantissa_at(tokens: _Tokens, index: int) -> tuple[Decimal, int, bool] | None:
    """A spelled-out number at `index`: its value, its end and whether it has "hundred"."""
    fraction = _fraction_at(tokens, index)
    if fraction is not None:
        return fraction[0], fraction[1], False
    cardinal = _cardinal_at(tokens, index)
    if cardinal is not None:
        return cardinal
    if _word(tokens, index) in _ARTICLES:
        return Decimal(1), index + 1, False
    return None


def _fraction_at(tokens: _Tokens, index: int) -> tuple[Decimal, int] | None:
    """ "half a", "a half", "a quarter": a fraction with optional articles."""
    if _word(tokens, index) in _ARTICLES and _word(tokens, index + 1) in _FRACTIONS:
        index += 1
    fraction = _FRACTIONS.get(_word(tokens, index))
    if fraction is None:
        return None
    index += 1
    if _word(tokens, index) in _ARTICLES:
        index += 1
    return fraction, index


def _cardinal_at(tokens: _Tokens, index: int) -> tuple[Decimal, int, bool] | None:
    """ "twenty-five", "a hundred", "two hundred and fifty", "one and a half"."""
    if _word(tokens, index) in _ARTICLES and _word(tokens, index + 1) == "hundred":
        value, index = 1, index + 1
    else:
        small = _small_at(tokens, index)
        if small is None:
            return None
        value, index = small
    hundred = _word(tokens, index) == "hundred"
    if hundred:
        value, index = value * 100, index + 1
        after_and = index + 1 if _word(tokens, index) == "and" else index
        rest = _small_at(tokens, after_and)
        if rest is not None:
            value, index = value + rest[0], rest[1]
    if _word(tokens, index) == "and":
        fraction = _fraction_at(tokens, index + 1)
        if fraction is not None:
            return value + fraction[0], fraction[1], hundred
    return Decimal(value), index, hundred


def _small_at(tokens: _Tokens, index: int) -> tuple[int, int] | None:
    """A number word below a hundred: "seven", "forty", "twenty-five", "twenty five"."""
    value = _SMALL.get(_word(tokens, index))
    if value is None:
        return None
    index += 1
    if value < 20 or value % 10:
        return value, index
    hyphen = _text(tokens, index) in _DASHES and _attached(tokens, index)
    unit = _SMALL.get(_word(tokens, index + 1 if hyphen else index), 0)
    if 0 < unit < 10:
        return value + unit, index + (2 if hyphen else 1)
    return value, index


def _range_from(tokens: _Tokens, index: int, first: _Expr) -> tuple[Number, Number] | None:
    """The range whose low end is `first`, found at `index`, if a high end follows."""
    position = _skip_percent(tokens, first.end)
    percent = position > first.end
    joint = _text(tokens, position)
    if joint == "and":
        if _word(tokens, _skip_currency(tokens, index - 1, -1)) != "between":
            return None
    elif joint not in _RANGE_WORDS:
        return None
    position = _skip_currency(tokens, position + 1)
    second = _expr_at(tokens, position, bare_words=False)
    if second is None or not (first.digits or first.scaled or second.scaled):
        return None
    if percent and _skip_percent(tokens, second.end) == second.end:
        return None  # "up 10% to 1.2 million units" is no range
    low, high = first.value, second.value
    if not first.scaled and second.scaled and first.mantissa <= second.mantissa:
        low = _CONTEXT.multiply(first.mantissa, second.scale)
    if low > high:
        return None
    return _plain(low), _plain(high)


def _skip_percent(tokens: _Tokens, index: int) -> int:
    """Skip a "%", "percent" or "per cent" between the low end and "to"."""
    for _ in range(2):
        if _text(tokens, index) in _PERCENT_WORDS:
            index += 1
    return index


def _is_currency(token: _Token | None) -> bool:
    """A currency sign or code written before an amount: "$", "US", "RMB", "Rs", "."."""
    if token is None:
        return False
    if token.kind == "sym":
        return token.text == "." or unicodedata.category(token.text) == "Sc"
    upper_code = token.text.isupper() and len(token.text) <= 3
    return token.kind == "word" and (upper_code or token.text in _CURRENCY_WORDS)


def _skip_currency(tokens: _Tokens, index: int, step: int = 1) -> int:
    """Skip up to three currency tokens from `index`, forwards or (step -1) backwards."""
    for _ in range(3):
        if _is_currency(tokens.at(index)):
            index += step
    return index
