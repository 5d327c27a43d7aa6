"""`evextract_knowledge_base`: find the industry knowledge base's names in a Doc.

Matches every entry's name and aliases with a PhraseMatcher and stores the
matches in `doc.spans[KB_MATCHES]`, each span carrying the entry's id as
`span.id_` and its canonical name, country and QID as extension attributes.
The entries are loaded in `initialize` or `from_disk`, never downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import (
    AMBIGUOUS,
    CANONICAL,
    COUNTRY,
    ENTITY_ID,
    KB_MATCHES,
    QID,
    register_extensions,
)
from ..knowledge import KBEntry, KnowledgeBase, load_knowledge_base, parse_entries

ENTRIES_FILE = "entries.jsonl"
META_FILE = "meta.json"


@Language.factory(
    "evextract_knowledge_base",
    assigns=["doc.spans"],
    default_config={"spans_key": KB_MATCHES},
)
def make_knowledge_base(nlp: Language, name: str, spans_key: str) -> KnowledgeBaseMatcher:
    return KnowledgeBaseMatcher(nlp, name, spans_key=spans_key)


class KnowledgeBaseMatcher:
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.knowledge_base = KnowledgeBase()
        self._entries: dict[str, KBEntry] = {}
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        path: str | Path | None = None,
    ) -> None:
        """Load the knowledge base: the packaged one, or the kb.jsonl at `path`."""
        self.set_knowledge_base(load_knowledge_base(Path(path) if path else None))

    def set_knowledge_base(self, knowledge_base: KnowledgeBase) -> None:
        self.knowledge_base = knowledge_base
        self._entries = {entry.id: entry for entry in knowledge_base}
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for entry in knowledge_base:
            self._add_patterns(entry.id, entry.surface_forms)
            self._add_patterns(_ambiguous_key(entry.id), entry.ambiguous_aliases)

    def _add_patterns(self, key: str, forms: Iterable[str]) -> None:
        patterns = [self.nlp.make_doc(form) for form in forms if form.strip()]
        if patterns:
            self._matcher.add(key, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = [self._to_span(doc, key, start, end) for key, start, end in self._matcher(doc)]
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc

    def _to_span(self, doc: Doc, key: int, start: int, end: int) -> Span:
        match_id = self.nlp.vocab.strings[key]
        entry_id = match_id.removesuffix(_AMBIGUOUS_SUFFIX)
        entry = self._entries[entry_id]
        span = Span(doc, start, end, label=entry.type, span_id=entry.id)
        span._.set(CANONICAL, entry.name)
        span._.set(ENTITY_ID, f"kb:{entry.id}")
        span._.set(COUNTRY, entry.country)
        span._.set(QID, entry.qid)
        span._.set(AMBIGUOUS, match_id != entry_id)
        return span

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / ENTRIES_FILE, [_entry_json(e) for e in self.knowledge_base])
        srsly.write_json(path / META_FILE, {"digest": self.knowledge_base.digest})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> KnowledgeBaseMatcher:
        path = Path(path)
        entries = parse_entries((path / ENTRIES_FILE).read_text(encoding="utf-8").splitlines())
        digest = srsly.read_json(path / META_FILE)["digest"]
        self.set_knowledge_base(KnowledgeBase(entries, digest))
        return self


_AMBIGUOUS_SUFFIX = "#ambiguous"


def _ambiguous_key(entry_id: str) -> str:
    return entry_id + _AMBIGUOUS_SUFFIX


def _entry_json(entry: KBEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "aliases": list(entry.aliases),
        "ambiguous_aliases": list(entry.ambiguous_aliases),
        "country": entry.country,
        "qid": entry.qid,
        "category": entry.category,
    }
