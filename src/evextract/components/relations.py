"""`evextract_relations`: who holds which title, and who works with whom.

Find, then set annotations. Roles (a person, their title, its organization) come
from title words around each person entity (see `roles.py`); partnerships (two
or more companies or organizations that sign, form or build something together)
from the dependency parse of each sentence (see `partnerships.py`). Both are set
on the Doc as character-offset findings, `Doc._.evx_roles` and
`Doc._.evx_partnerships`; `convert.py` maps them to canonical entity names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import PARTNERSHIPS, ROLES, register_extensions, shared_views
from ..relations import ReferenceNouns, RelationCues
from .partnerships import PartnershipFinder
from .references import EntityIndex
from .roles import RoleFinder


@Language.factory(
    "evextract_relations",
    assigns=[f"doc._.{ROLES}", f"doc._.{PARTNERSHIPS}"],
    requires=["doc.ents", "token.dep"],
    default_config={},
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp, name)


class RelationFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self._roles: RoleFinder | None = None
        self._partnerships: PartnershipFinder | None = None
        self._nouns: ReferenceNouns | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """Load the cue words and build the title matchers."""
        cues = RelationCues.load()
        self._roles = RoleFinder(nlp or self.nlp, cues)
        self._partnerships = PartnershipFinder(cues)
        self._nouns = ReferenceNouns.load()

    def __call__(self, doc: Doc) -> Doc:
        if self._roles is None or self._partnerships is None or self._nouns is None:
            self.initialize()
        assert self._roles is not None and self._partnerships is not None
        assert self._nouns is not None
        with shared_views(doc):
            index = EntityIndex(doc, self._nouns)
            roles = self._roles(doc, index)
            partnerships = self._partnerships(doc, index, roles)
        doc._.set(ROLES, roles)
        doc._.set(PARTNERSHIPS, partnerships)
        return doc
