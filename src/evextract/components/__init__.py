"""evextract's spaCy components, each a registered factory (imported to register them).

`references`, `roles` and `partnerships` are helpers of the relations and facts
components, not components themselves.
"""

from . import attributes, entities, facts, figures, knowledge_base, lemmas, relations

__all__ = [
    "attributes",
    "entities",
    "facts",
    "figures",
    "knowledge_base",
    "lemmas",
    "relations",
]
