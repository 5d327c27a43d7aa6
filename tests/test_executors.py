"""The executors: one choice of executor, one shape, and no import circle with api.py."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.util import resolve_name
from pathlib import Path

import pytest
import spacy

from evextract.api import extract_articles
from evextract.batches import Skipped, Unread
from evextract.corpus import Source, source_of
from evextract.errors import ArticleError, UsageError
from evextract.executors import choose, local_workers
from evextract.executors.local import InProcess
from evextract.executors.processes import ProcessExecutor
from evextract.extensions import register_extensions
from evextract.loading import PipelineSpec
from evextract.records import Record

from .conftest import ROOT

PACKAGE = ROOT / "src" / "evextract"
# The modules that run batches, and the library entry points that pick where.
BATCH_MODULES = ["batches", "loading", "executors", "executors.local"]
BATCH_MODULES += ["executors.processes", "executors.cluster", "api"]


def imports_of(module: str) -> set[str]:
    """The modules of BATCH_MODULES that `module` imports when it is imported: its
    top-level imports (those inside a function run only when it is called)."""
    path = PACKAGE / (module.replace(".", "/") + ".py")
    package = f"evextract.{module}".rsplit(".", 1)[0]
    if not path.exists():
        path, package = PACKAGE / module.replace(".", "/") / "__init__.py", f"evextract.{module}"
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.level:
            target = resolve_name("." * node.level + (node.module or ""), package)
            found.add(target.removeprefix("evextract."))
            found |= {f"{target}.{alias.name}".removeprefix("evextract.") for alias in node.names}
    return found & set(BATCH_MODULES) - {module}


def test_no_import_circle_between_the_batch_module_the_executors_and_api() -> None:
    graph = {module: imports_of(module) for module in BATCH_MODULES}
    assert graph["batches"] == set()  # it knows nothing of where it runs
    assert graph["executors"] == {"batches", "loading"}  # its executors: imported on choice

    def walk(start: str, seen: tuple[str, ...]) -> None:
        assert start not in seen, f"import circle: {' -> '.join((*seen, start))}"
        for target in graph[start]:
            walk(target, (*seen, start))

    for module in BATCH_MODULES:
        walk(module, ())


@pytest.mark.parametrize("module", BATCH_MODULES)
def test_each_module_imports_alone(module: str) -> None:
    code = f"import evextract.{module}"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_extracting_here_imports_neither_dask_nor_fsspec(blank_model: Path) -> None:
    code = (
        "import sys, evextract\n"
        f"nlp = evextract.load_pipeline({str(blank_model)!r}, knowledge_base=False)\n"
        "evextract.extract('BYD sold 3 cars.', nlp=nlp)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " {'dask', 'distributed', 'fsspec'}))\n"
    )
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert imported.stdout.decode().strip() == "[]"


def test_choose_picks_one_executor_per_option() -> None:
    nlp = spacy.blank("en")
    register_extensions()
    assert isinstance(choose(nlp), InProcess)
    assert isinstance(choose(nlp, jobs=2), ProcessExecutor)
    with pytest.raises(TypeError):
        choose(nlp, cluster="local:1")


@pytest.mark.parametrize(
    ("cluster", "workers"), [("local:2", 2), ("tcp://127.0.0.1:8786", None), ("tls://h:1", None)]
)
def test_cluster_addresses(cluster: str, workers: int | None) -> None:
    assert local_workers(cluster) == workers


@pytest.mark.parametrize("cluster", ["local:0", "local:x", "scheduler:8786", "local:"])
def test_a_bad_cluster_address_is_a_usage_error(cluster: str) -> None:
    with pytest.raises(UsageError, match=f"--cluster {cluster}: "):
        local_workers(cluster)


def test_an_unread_article_is_read_where_it_is_extracted(tmp_path: Path) -> None:
    register_extensions()
    nlp = spacy.blank("en")
    (tmp_path / "a.txt").write_text("Nio delivered 20,000 cars.\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01ELF")
    first = list(extract_articles([Unread(source_of(str(tmp_path / "a.txt")))], nlp))
    assert isinstance(first[0], Record)
    again = [Unread(source_of(str(tmp_path / "a.txt")), first[0].sha256)]
    again.append(Unread(source_of(str(tmp_path / "bin.txt"))))
    again.append(Unread(source_of(str(tmp_path / "gone.txt"))))
    skipped, binary, gone = extract_articles(again, nlp)
    assert skipped == Skipped(source_of(str(tmp_path / "a.txt")))
    assert isinstance(binary, ArticleError) and "binary file" in binary.reason
    assert isinstance(gone, ArticleError) and gone.reason.startswith("cannot read: ")


def test_a_spec_loads_its_pipeline_once_per_process(blank_model: Path) -> None:
    spec = PipelineSpec(str(blank_model), knowledge_base=False)
    assert spec.load() is spec.load() is PipelineSpec(str(blank_model), False).load()
    assert Source("x", None, Path("x")).absolute().path is None  # type: ignore[arg-type]
