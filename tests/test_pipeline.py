"""The pipeline as a whole: components in order, saved and loaded back, on the seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy

from evextract import extract
from evextract.api import extract_articles, read_sources
from evextract.corpus import discover
from evextract.extensions import FACTS, FIGURES, PARTNERSHIPS, ROLES

from .conftest import SEEDS, needs_shared


def test_components_run_after_the_base_model_in_order(nlp: Any) -> None:
    order = [
        "ner",
        "evextract_knowledge_base",
        "evextract_entities",
        "evextract_figures",
        "evextract_relations",
        "evextract_facts",
    ]
    positions = [nlp.pipe_names.index(name) for name in order]
    assert positions == sorted(positions)


def test_factories_are_registered_for_any_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("evextract_figures")
    doc = nlp("Sales rose 12%.")
    assert [span.text for span in doc.spans["evx_figures"]] == ["12%"]


def test_relations_and_facts_run_without_a_parser() -> None:
    nlp = spacy.blank("en")
    for name in ("evextract_figures", "evextract_relations", "evextract_facts"):
        nlp.add_pipe(name)
    doc = nlp("BYD and Uber signed a deal. Sales rose 12% in 2024.")
    assert doc._.get(ROLES) == [] and doc._.get(PARTNERSHIPS) == []
    (figure,) = doc.spans[FIGURES]
    facts = figure._.get(FACTS)
    assert facts.period == "2024" and facts.subject is None


@needs_shared
def test_saved_pipeline_gives_the_same_records(nlp: Any, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    sources = discover([str(SEEDS)]).sources

    def dumps(pipeline: Any) -> list[dict[str, Any]]:
        records = extract_articles(read_sources(sources), pipeline)
        return [r.model_dump(exclude={"pipeline"}) for r in records]  # type: ignore[union-attr]

    assert dumps(reloaded) == dumps(nlp)


@needs_shared
def test_seed_figures_match_gold(seed_records: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    for article_id, gold in seed_gold.items():
        found = {(f.kind, f.value, f.currency) for f in seed_records[article_id].figures}
        wanted = {(f["kind"], f["value"], f.get("currency")) for f in gold["figures"]}
        assert wanted <= found, article_id


@needs_shared
def test_seed_entities_cover_gold(seed_records: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    from evextract.evaluate import score

    records = [r.model_dump(mode="json") for r in seed_records.values()]
    report = score(list(seed_gold.values()), records)
    assert report.entities.f1 >= 0.95
    assert report.entities_merged.f1 >= 0.95
    assert report.figures.f1 == 1.0


def test_a_text_gives_a_record(nlp: Any) -> None:
    record = extract("BYD opened a plant in Szeged, Hungary.", nlp=nlp)
    assert {(e.type, e.name) for e in record.entities} >= {
        ("company", "BYD"),
        ("city", "Szeged"),
        ("country", "Hungary"),
    }
