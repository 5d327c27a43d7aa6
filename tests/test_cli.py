"""The command line, through Typer's CliRunner: stdout holds only records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from evextract.cli import app

from .conftest import ROOT, SAMPLES, SEEDS, needs_shared

runner = CliRunner()


def run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def records_of(stdout: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture(scope="module")
def schema() -> dict:  # type: ignore[type-arg]
    result = run("schema")
    assert result.exit_code == 0
    return json.loads(result.stdout)


@needs_shared
def test_extract_folder_prints_one_valid_record_per_article(schema: dict) -> None:  # type: ignore[type-arg]
    result = run("extract", str(SEEDS), "-q")
    assert result.exit_code == 0, result.stderr
    records = records_of(result.stdout)
    assert [r["id"] for r in records] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for record in records:
        jsonschema.validate(record, schema)
        assert record["source"] == str(SEEDS / f"{record['id']}.txt")


@needs_shared
def test_spans_are_slices_of_the_article() -> None:
    for record in records_of(run("extract", str(SEEDS), "-q").stdout):
        text = (SEEDS / f"{record['id']}.txt").read_text(encoding="utf-8")
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
        for figure in record["figures"]:
            assert text[figure["start"] : figure["end"]] == figure["text"]


def test_output_folder_mirrors_inputs_and_stdout_stays_empty(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "nested").mkdir(parents=True)
    (source / "a.txt").write_text("BYD sold 300,000 cars in Shenzhen.\n")
    (source / "nested" / "b.txt").write_text("Tesla raised $5 billion.\n")
    result = run("extract", str(source), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")
    )
    assert written == ["a.json", "nested/b.json"]
    record = json.loads((tmp_path / "out" / "nested" / "b.json").read_text())
    assert record["id"] == "b"
    assert [(f["kind"], f["value"], f["currency"]) for f in record["figures"]] == [
        ("money", 5000000000, "USD")
    ]


def test_stdin_is_one_article() -> None:
    result = run("extract", "-", stdin="Nio delivered 20,000 vehicles.\n")
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record["id"] == "stdin" and record["source"] == "-"
    assert [(f["value"], f["unit"]) for f in record["figures"]] == [(20000, "vehicle")]


def test_schema_describes_every_field(schema: dict) -> None:  # type: ignore[type-arg]
    def walk(node: dict) -> None:  # type: ignore[type-arg]
        for name, prop in node.get("properties", {}).items():
            assert prop.get("description"), name

    walk(schema)
    for definition in schema["$defs"].values():
        walk(definition)


def test_missing_path_is_a_usage_error() -> None:
    result = run("extract", "no/such/folder")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "evextract: no/such/folder: no such file or folder"


def test_unknown_option_is_a_usage_error() -> None:
    result = run("extract", "--frobnicate", "x")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_failed_article_is_named_and_the_others_are_written(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("CATL will invest 7.3 billion euros in Hungary.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x7fELF\x00\x01\x02")
    result = run("extract", str(tmp_path), "-q")
    assert result.exit_code == 1
    assert [r["id"] for r in records_of(result.stdout)] == ["good"]
    assert result.stderr.strip().splitlines() == [
        f"evextract: {tmp_path / 'bad.txt'}: looks like a binary file (NUL bytes), not text"
    ]


def test_quiet_and_piped_stderr_are_silent_on_success() -> None:
    result = run("extract", "-", stdin="Ford cut 1,000 jobs.\n")
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize("command", ["extract", "schema", "evaluate"])
def test_every_command_has_help_with_an_example_and_a_readme_entry(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"evextract {command}\b", readme), f"{command} is missing from the README"


def test_samples_give_one_valid_record_each(tmp_path: Path, schema: dict) -> None:  # type: ignore[type-arg]
    result = run("extract", str(SAMPLES), "-o", str(tmp_path), "-q")
    assert result.exit_code == 0, result.stderr
    samples = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert 4 <= len(samples) <= 6
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == samples
    for path in tmp_path.glob("*.json"):
        jsonschema.validate(json.loads(path.read_text()), schema)
