"""`evextract_attribute_ruler`: the base model's attribute_ruler, without its Matcher.

en_core_web_sm's attribute_ruler maps each tagger tag to a POS and morphology (a tag
map) and applies some 120 exceptions keyed on a word, its tag and its dependency
label. Through spaCy's Matcher that costs as much as the whole parser: a match, a
Span and a call per token. Here the same rules, taken from the model's own
attribute_ruler, are decided once per distinct (tag, lowercase form, dependency,
is-space) of a token and remembered, and the few two-word rules ("gon na") are
checked where their first word occurs, so a token costs a dict look-up and one
assignment. Rules apply in the ruler's order, each matched against the Doc as it
was before any of them, so every token ends with the attributes the Matcher would
have given it. A pattern using anything else (operators, other attributes) makes
the component fall back to the Matcher for good.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

ATTRIBUTE_RULER = "evextract_attribute_ruler"
_FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes a rule may test
_FEATURE_IDS = [TAG, LOWER, DEP, IS_SPACE]

Features = tuple[str, str, str, bool]
Key = tuple[int, int, int, int]  # the hashes of a token's features, as Doc.to_array gives


@Language.factory(
    ATTRIBUTE_RULER,
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class UnsupportedPattern(Exception):
    """A pattern the tables cannot express: the Matcher must run."""


@dataclass(frozen=True)
class _Rule:
    n: int  # the rule's place in the ruler: later rules win
    tokens: tuple[Callable[[Features], bool], ...]
    index: int  # which matched token gets the attributes


class TableAttributeRuler(AttributeRuler):
    """An AttributeRuler (same patterns, same serialization) that runs from tables."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tables: _Tables | None = None

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._tables = None

    def clear(self) -> None:
        super().clear()
        self._tables = None

    def __call__(self, doc: Doc) -> Doc:
        tables = self._tables or self._build()
        if not tables.supported:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            tables.apply(doc, self.attrs)
            return doc
        except Exception as error:
            return error_handler(self.name, self, [doc], error)

    def _build(self) -> _Tables:
        self._tables = _Tables(self.vocab.strings, self.patterns)
        return self._tables


class _Tables:
    """The ruler's rules, and what they do to each kind of token seen so far."""

    def __init__(self, strings: Any, patterns: Sequence[dict[str, Any]]) -> None:
        self.strings = strings
        try:
            rules = [
                _rule(n, p, pattern) for n, p in enumerate(patterns) for pattern in p["patterns"]
            ]
            self.supported = True
        except UnsupportedPattern:
            rules, self.supported = [], False
        self.single = [rule for rule in rules if len(rule.tokens) == 1]
        self.multi = [rule for rule in rules if len(rule.tokens) > 1]
        # key -> (the single-token rules it meets, the longer rules it may start)
        self._kinds: dict[Key, tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}  # rules -> attributes
        self._features: dict[Key, Features] = {}
        # Rules test few words, so any other word is kept as "" in a key, which keeps
        # the keys few: a word is told apart only when some rule could tell it from "".
        self._words, self._regexes = _lower_tests(patterns)
        self._normalizes = (
            self._words is not None
            and "" not in self._words
            and not any(r.search("") for r in self._regexes)
        )
        self._told_apart: dict[int, bool] = {}

    def apply(self, doc: Doc, attrs: list[dict[Any, Any]]) -> None:
        keys: list[Key] = [
            (tag, lower if self._tells_apart(lower) else 0, dep, space)
            for tag, lower, dep, space in doc.to_array(_FEATURE_IDS).tolist()
        ]
        kinds = [self._kinds.get(key) or self._kind(key) for key in keys]
        extra = self._longer_matches(keys, kinds)
        for i, (rules, _) in enumerate(kinds):
            if i in extra:
                rules = tuple(sorted({*rules, *extra[i]}))
            if rules:
                merged = self._merged.get(rules)
                if merged is None:
                    merged = self._merged[rules] = _merge(attrs[n] for n in rules)
                set_token_attrs(doc[i], merged)

    def _kind(self, key: Key) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        features = self._features_of(key)
        singles = tuple(sorted({rule.n for rule in self.single if rule.tokens[0](features)}))
        starts = tuple(rule for rule in self.multi if rule.tokens[0](features))
        self._kinds[key] = singles, starts
        return singles, starts

    def _tells_apart(self, lower: int) -> bool:
        if not self._normalizes:
            return True
        told = self._told_apart.get(lower)
        if told is None:
            text = self.strings[lower]
            told = text in self._words or any(r.search(text) for r in self._regexes)  # type: ignore[operator]
            self._told_apart[lower] = told
        return told

    def _longer_matches(
        self, keys: list[Key], kinds: list[tuple[tuple[int, ...], tuple[_Rule, ...]]]
    ) -> dict[int, set[int]]:
        """Token -> the rules of two or more tokens that give it attributes."""
        found: dict[int, set[int]] = {}
        for start, (_, rules) in enumerate(kinds):
            for rule in rules:
                end = start + len(rule.tokens)
                if end <= len(keys) and all(
                    test(self._features_of(key))
                    for test, key in zip(rule.tokens[1:], keys[start + 1 : end], strict=True)
                ):
                    found.setdefault(start + rule.index, set()).add(rule.n)
        return found

    def _features_of(self, key: Key) -> Features:
        features = self._features.get(key)
        if features is None:
            tag, lower, dep, space = key
            strings = self.strings
            features = strings[tag], strings[lower], strings[dep], bool(space)
            self._features[key] = features
        return features


def _lower_tests(
    patterns: Sequence[dict[str, Any]],
) -> tuple[frozenset[str] | None, list[re.Pattern[str]]]:
    """The words rules compare a LOWER with, and their regular expressions; no words
    (None) when a rule tests LOWER otherwise (NOT_IN: every word is told apart)."""
    words: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for spec in patterns:
        for token in (t for pattern in spec["patterns"] for t in pattern):
            value = next((v for k, v in token.items() if str(k).upper() == "LOWER"), None)
            if isinstance(value, str):
                words.add(value)
            elif isinstance(value, dict) and set(value) == {"IN"}:
                words.update(value["IN"])
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                regexes.append(re.compile(value["REGEX"]))
            elif value is not None:
                return None, regexes
    return frozenset(words), regexes


def _rule(n: int, spec: dict[str, Any], pattern: list[dict[str, Any]]) -> _Rule:
    index = spec.get("index", 0)
    if not pattern or not -len(pattern) <= index < len(pattern):
        raise UnsupportedPattern  # the Matcher reports it as spaCy does
    return _Rule(n, tuple(_token_test(token) for token in pattern), index % len(pattern))


def _token_test(token: dict[str, Any]) -> Callable[[Features], bool]:
    tests = [_attribute_test(name, value) for name, value in token.items()]
    return lambda features: all(test(features) for test in tests)


def _attribute_test(name: str, value: Any) -> Callable[[Features], bool]:
    if not isinstance(name, str) or name.upper() not in _FEATURES:
        raise UnsupportedPattern
    at = _FEATURES.index(name.upper())
    if isinstance(value, str | bool):
        return lambda features: features[at] == value
    if not isinstance(value, dict):
        raise UnsupportedPattern
    if len(value) != 1:
        raise UnsupportedPattern
    ((operator, operand),) = value.items()
    if operator in {"IN", "NOT_IN"} and not all(isinstance(v, str | bool) for v in operand):
        raise UnsupportedPattern
    if operator == "IN":
        return lambda features: features[at] in operand
    if operator == "NOT_IN":
        return lambda features: features[at] not in operand
    if operator == "REGEX" and isinstance(operand, str):
        pattern = re.compile(operand)
        return lambda features: bool(pattern.search(str(features[at])))
    raise UnsupportedPattern


def _merge(attrs: Iterable[dict[Any, Any]]) -> dict[Any, Any]:
    """What applying each rule's attributes in turn leaves: the last value of each."""
    merged: dict[Any, Any] = {}
    for each in attrs:
        merged.update(each)
    return merged
