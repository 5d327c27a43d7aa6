"""Shared fixtures. ../shared (seeds, dev set) sits beside the clone, as in CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "eval" / "dev"
SAMPLES = ROOT / "data" / "raw"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not beside the clone")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The full pipeline, loaded once for the integration tests."""
    from evextract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_records(nlp: Any) -> dict[str, Any]:
    from evextract.api import extract_articles, read_sources
    from evextract.corpus import discover

    found = discover([str(SEEDS)])
    return {r.id: r for r in extract_articles(read_sources(found.sources), nlp)}


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict[str, Any]]:
    return {g["id"]: g for g in read_jsonl(SEEDS / "gold.jsonl")}


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fast pipeline for runs that test files, not extraction: a blank English
    pipeline with a sentencizer, saved for `--model PATH`."""
    import spacy

    path = tmp_path_factory.mktemp("models") / "blank"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return path
