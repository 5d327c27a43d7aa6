"""Names that look like a company's and are not an entity: products, programmes, terms.

The guidelines score neither products and car models ("Skoda Elroq", "Toyota Hilux
Revo") nor programmes, laws and technical terms ("PLI", "ZEV", "HPAL", "USMCA"), yet
the model calls them organizations or people. data/products.json lists models, battery
lines and platforms by maker; data/non_entities.json lists programmes, laws, technical
terms and indices. A model name right after its maker ("Ather Rizta", "Ford Puma
Gen-E"), or after a known company that may be the maker's group ("Tata Nexon"), is a
product; a model name alone is one only when it cannot be
anything else: not a common word, a place or a name the knowledge base knows
("Elroq", but not "Seal", "Tucson" or "Astra"). A programme's or term's name is no
entity wherever it stands, unless the knowledge base knows it by that name too
(a clash the data file lists, decided by the knowledge base).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from ..datafiles import read_json
from ..extensions import ENTITY_ID, doc_tokens, span_text

PRODUCTS_RESOURCE = "products.json"
NON_ENTITIES_RESOURCE = "non_entities.json"
_NAME_SECTIONS = ("programmes", "laws", "technical_terms", "indices")
_PRODUCT_SECTIONS = ("models", "battery_lines", "platforms")
_PRODUCT_TOKENS = 6  # "Puma Gen-E" is four tokens, "Land Cruiser Prado 250" four


@dataclass(frozen=True)
class NonEntityNames:
    names: frozenset[str]  # programmes, laws, technical terms, indices
    products: dict[str, frozenset[str]]  # maker's kb id -> its product names
    any_maker: frozenset[str]  # every product's name
    also_companies: frozenset[str]  # product names that also name a company

    @classmethod
    def load(cls) -> NonEntityNames:
        return _load()

    def is_non_entity(self, text: str) -> bool:
        return text in self.names


@lru_cache(maxsize=1)
def _load() -> NonEntityNames:
    listed = read_json(NON_ENTITIES_RESOURCE)
    clashes = set(listed.get("kb_clashes", {}))
    names = {name for section in _NAME_SECTIONS for name in listed[section]} - clashes
    raw = read_json(PRODUCTS_RESOURCE)
    products: dict[str, set[str]] = {}
    for section in _PRODUCT_SECTIONS:
        for maker, models in raw.get(section, {}).items():
            products.setdefault(maker, set()).update(models)
    frozen = {maker: frozenset(models) for maker, models in products.items()}
    every = frozenset(m for models in frozen.values() for m in models)
    return NonEntityNames(frozenset(names), frozen, every, frozenset(raw.get("also_companies", {})))


def product_spans(
    doc: Doc,
    makers: Iterable[Span],
    names: NonEntityNames,
    may_stand_alone: Callable[[str], bool],
) -> Iterator[Span]:
    """The words of products: after their maker ('Skoda Elroq'), or alone when the name
    can be nothing else (`may_stand_alone`)."""
    after_maker: set[int] = set()
    makers = list(makers)
    named = {i for maker in makers for i in range(maker.start, maker.end)}
    for maker in makers:
        kb_id = (maker._.get(ENTITY_ID) or "").removeprefix("kb:")
        # "Tata Nexon EV": the maker is named by its group; its own products first
        length = _longest_at(doc, maker.end, names.products.get(kb_id, frozenset()))
        length = length or _longest_at(doc, maker.end, names.any_maker)
        if length:
            after_maker.add(maker.end)
            yield Span(doc, maker.end, maker.end + length, label="PRODUCT")
    tokens = doc_tokens(doc)
    starts = _prefixes(names.any_maker)
    for i in range(len(doc)):
        if i in after_maker or i in named or not tokens[i].text[:1].isalnum():
            continue  # "Ather Rizta" is Ather's Rizta, not a product named with its maker
        if tokens[i].text not in starts:
            continue  # no name starts so: most words
        length = _longest_at(doc, i, names.any_maker)
        if length and _stands_alone(doc, i, i + length):
            text = span_text(doc[i : i + length])
            if text not in names.also_companies and may_stand_alone(text):
                yield Span(doc, i, i + length, label="PRODUCT")


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """No capitalized name word runs on either side: 'Tang' in 'Tang Yuhang' is a name."""
    tokens = doc_tokens(doc)
    before = tokens[start - 1] if start > 0 else None
    after = tokens[end] if end < len(tokens) else None
    return not any(
        t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() for t in (before, after)
    )


def _longest_at(doc: Doc, i: int, models: frozenset[str]) -> int:
    """The number of tokens of the longest product name starting at token i.

    A span's text begins with the text of each shorter span at the same start, so
    the search stops at the first that begins no name (most stop at one token)."""
    best = 0
    prefixes = _prefixes(models)
    tokens = doc_tokens(doc)
    text = ""
    for end in range(i, min(i + _PRODUCT_TOKENS, len(tokens))):
        token = tokens[end]
        text = token.text if end == i else text + tokens[end - 1].whitespace_ + token.text
        if text not in prefixes:
            break
        if text in models:
            best = end - i + 1
    return best


@cache
def _prefixes(models: frozenset[str]) -> frozenset[str]:
    """Every beginning of every name (makers' product sets are few and live for good)."""
    return frozenset(name[:n] for name in models for n in range(1, len(name) + 1))
