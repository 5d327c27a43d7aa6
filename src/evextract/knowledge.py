"""The industry knowledge base: loading and hashing the package's kb.jsonl.

Pure: no spaCy. Each entry has a stable `id`; `ambiguous_aliases` are surface
forms that are also ordinary words and need support from context.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .datafiles import read_text

KB_RESOURCE = "kb.jsonl"


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    country: str | None = None
    qid: str | None = None
    category: str | None = None

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name and the aliases that may be matched without support."""
        forms = (self.name, *self.aliases)
        return tuple(f for f in dict.fromkeys(forms) if f not in self.ambiguous_aliases)


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[KBEntry, ...] = field(default=())
    digest: str = "off"

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def parse_entries(lines: Iterable[str]) -> tuple[KBEntry, ...]:
    entries = []
    for line in lines:
        if not line.strip():
            continue
        raw = json.loads(line)
        entries.append(
            KBEntry(
                id=raw["id"],
                name=raw["name"],
                type=raw["type"],
                aliases=tuple(raw.get("aliases", ())),
                ambiguous_aliases=tuple(raw.get("ambiguous_aliases", ())),
                country=raw.get("country"),
                qid=raw.get("qid"),
                category=raw.get("category"),
            )
        )
    return tuple(entries)


def load_knowledge_base(path: Path | None = None) -> KnowledgeBase:
    """The knowledge base at `path`, or the one shipped with evextract."""
    if path is None:
        return _packaged_knowledge_base()
    return _from_text(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _packaged_knowledge_base() -> KnowledgeBase:
    text = read_text(KB_RESOURCE)
    return _from_text(text)


def _from_text(text: str) -> KnowledgeBase:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return KnowledgeBase(parse_entries(text.splitlines()), digest)
