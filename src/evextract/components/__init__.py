"""evextract's spaCy components, each a registered factory (imported to register them)."""

from . import entities, figures, knowledge_base

__all__ = ["entities", "figures", "knowledge_base"]
