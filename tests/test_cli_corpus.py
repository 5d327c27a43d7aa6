"""The commands over a corpus: render, export and stats, on articles and on records."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evextract.cli import app
from evextract.tables import TABLES

from .conftest import SAMPLES, SEEDS, needs_shared

runner = CliRunner()


def run(*args: str, stdin: str | bytes | None = None) -> Any:
    return runner.invoke(app, list(args), input=stdin)


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t.name: db.execute(f"select count(*) from {t.name}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples' records, as `extract -o` writes them."""
    out = tmp_path_factory.mktemp("records")
    result = run("extract", str(SAMPLES), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    return out


def test_exporting_the_samples_twice_leaves_every_row_count_unchanged(tmp_path: Path) -> None:
    database = tmp_path / "corpus.db"
    first = run("export", str(SAMPLES), "--sqlite", str(database), "-q")
    assert first.exit_code == 0, first.stderr
    before = counts(database)
    assert before["articles"] == len(list(SAMPLES.glob("*.txt")))
    assert before["entities"] > 0 and before["figures"] > 0 and before["mentions"] > 0
    assert run("export", str(SAMPLES), "--sqlite", str(database), "-q").exit_code == 0
    assert counts(database) == before


def test_records_and_articles_give_the_same_tables(records: Path, tmp_path: Path) -> None:
    from_records, from_articles = tmp_path / "r.db", tmp_path / "a.db"
    assert run("export", str(records), "--sqlite", str(from_records)).exit_code == 0
    assert run("export", str(SAMPLES), "--sqlite", str(from_articles)).exit_code == 0
    query = "select * from figures order by article, id"
    with sqlite3.connect(from_records) as a, sqlite3.connect(from_articles) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
        texts = "select count(*) from articles where text is not null"
        assert a.execute(texts).fetchone() == b.execute(texts).fetchone() == (5,)


def test_records_beside_their_articles_are_not_extracted(records: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from evextract.cli import app\n"
        f"args = ['export', {str(SAMPLES)!r}, {str(records)!r}, '--csv', {str(tmp_path)!r}]\n"
        "try:\n"
        "    app(args, standalone_mode=False)\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.decode().strip() == "[]"  # no pipeline was even imported
    with open(tmp_path / "articles.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 5 and all(row["text"] for row in rows)


def test_the_extract_path_imports_neither_sqlite_utils_nor_pyarrow(blank_model: Path) -> None:
    code = (
        "import contextlib, io, sys\n"
        "from evextract.cli import app\n"
        "with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO())):\n"
        f"    app(['extract', {str(SAMPLES)!r}, '-m', {str(blank_model)!r}, '--no-kb', '-q'],\n"
        "        standalone_mode=False)\n"
        "heavy = {'sqlite_utils', 'pyarrow', 'datasette', 'selenium'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.decode().strip() == "[]"


def test_export_needs_a_target() -> None:
    result = run("export", str(SAMPLES))
    assert result.exit_code == 2
    assert result.stderr == (
        "evextract: give --sqlite FILE, --parquet DIR or --csv DIR (or several)\n"
    )


def test_a_bad_record_is_named_and_the_rest_exported(records: Path, tmp_path: Path) -> None:
    lines = [path.read_text() for path in sorted(records.glob("*.json"))]
    jsonl = tmp_path / "all.jsonl"
    jsonl.write_text("".join(json.dumps(json.loads(t)) + "\n" for t in lines) + "{broken\n")
    result = run("export", str(jsonl), "--parquet", str(tmp_path / "pq"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"evextract: {jsonl}:6: not JSON: Expecting property name enclosed in double quotes\n"
    )
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 5


def test_a_missing_path_is_a_usage_error_for_every_command(tmp_path: Path) -> None:
    for args in (["render"], ["stats"], ["export", "--csv", str(tmp_path)]):
        result = run(*args, str(tmp_path / "missing"))
        assert result.exit_code == 2, args
        assert result.stderr == f"evextract: {tmp_path / 'missing'}: no such file or folder\n"


def test_stats_json_counts_the_records(records: Path) -> None:
    result = run("stats", str(records), "--json")
    assert result.exit_code == 0, result.stderr
    stats = json.loads(result.stdout)
    written = [json.loads(p.read_text()) for p in records.glob("*.json")]
    assert stats["articles"] == len(written) == 5
    assert sum(stats["figures_by_kind"].values()) == sum(len(r["figures"]) for r in written)
    assert stats["most_mentioned"]["company"][0]["name"] == "BYD"


def test_stats_prints_tables(records: Path) -> None:
    result = run("stats", str(records))
    assert result.exit_code == 0
    assert "evextract stats: 5 articles" in result.stdout
    assert "most-mentioned" in result.stdout


def test_render_writes_the_page_to_stdout_a_file_or_a_folder(records: Path, tmp_path: Path) -> None:
    to_stdout = run("render", str(records))
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("<!DOCTYPE html>")
    assert to_stdout.stdout.count('<section class="article"') == 5
    assert run("render", str(records), "-o", str(tmp_path / "review.html")).exit_code == 0
    assert (tmp_path / "review.html").read_text(encoding="utf-8") == to_stdout.stdout
    assert run("render", str(records), "-o", str(tmp_path / "site")).exit_code == 0
    assert len(list((tmp_path / "site").glob("*.html"))) == 6


def test_stdin_takes_jsonl_records(records: Path) -> None:
    jsonl = "".join(json.dumps(json.loads(p.read_text())) + "\n" for p in records.glob("*.json"))
    result = run("stats", "-", "--json", stdin=jsonl)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 5


@needs_shared
@pytest.mark.parametrize("command", ["render", "stats", "export"])
def test_the_commands_work_on_the_seed_articles(command: str, tmp_path: Path) -> None:
    extra = ["--sqlite", str(tmp_path / "seeds.db")] if command == "export" else []
    result = run(command, str(SEEDS), "-q", *extra)
    assert result.exit_code == 0, result.stderr
    seeds = len(list(SEEDS.glob("*.txt")))
    if command == "render":
        assert result.stdout.count('<section class="article"') == seeds
    elif command == "export":
        assert counts(tmp_path / "seeds.db")["articles"] == seeds


def test_two_jobs_give_the_same_summary() -> None:
    one = run("stats", str(SAMPLES), "--json", "-q")
    two = run("stats", str(SAMPLES), "--json", "-q", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
