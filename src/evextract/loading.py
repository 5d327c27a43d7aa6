"""The pipeline a process loads once, named by what it is built from.

A `PipelineSpec` (model and knowledge base) is what travels to worker processes
and cluster workers, never the `nlp` object: each process builds its own
pipeline from it once, and keeps it for every later batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from .records import PipelineInfo


@dataclass(frozen=True)
class PipelineSpec:
    """What a pipeline is built from: a spaCy model (None: the default) and the KB switch."""

    model: str | None = None
    knowledge_base: bool = True

    def load(self) -> Language:
        """This process's pipeline for the spec, built on first use."""
        return load_pipeline(self.model, knowledge_base=self.knowledge_base)

    def info(self) -> PipelineInfo:
        """What records made with this pipeline say produced them."""
        from .pipeline import pipeline_info

        return pipeline_info(self.load())


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, *, knowledge_base: bool = True) -> Language:
    """The evextract pipeline on `model` (default: en_core_web_sm), built once per process."""
    from .pipeline import build_pipeline

    return build_pipeline(model, knowledge_base=knowledge_base)
