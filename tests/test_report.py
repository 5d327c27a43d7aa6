"""`evextract evaluate`: the scores as a Rich table, as JSON, and with details."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evextract.cli import app

runner = CliRunner()

GOLD = {
    "id": "a1",
    "entities": [
        {"type": "company", "name": "NIO", "aliases": ["Nio"]},
        {"type": "city", "name": "Hefei", "aliases": []},
    ],
    "figures": [{"text": "7.5%", "kind": "percent", "value": 7.5}],
    "roles": [],
}
RECORD = {
    "id": "a1",
    "entities": [
        {"id": "kb:nio", "type": "company", "name": "NIO", "aliases": [], "mentions": []},
        {"id": "x", "type": "organization", "name": "Hefei", "aliases": [], "mentions": []},
    ],
    "figures": [{"id": "f1", "kind": "percent", "value": 7.5, "text": "7.5%"}],
}


def files(tmp_path: Path) -> tuple[str, str]:
    gold, records = tmp_path / "gold.jsonl", tmp_path / "records.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n")
    records.write_text(json.dumps(RECORD) + "\n")
    return str(gold), str(records)


def test_json_scores(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", *files(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["entities"]["tp"], scores["entities"]["fp"], scores["entities"]["fn"]) == (
        1,
        1,
        1,
    )
    merged = scores["entities_merged"]  # Hefei as an organization is wrong even when merged
    assert (merged["tp"], merged["fp"], merged["fn"]) == (1, 1, 1)
    assert scores["figures"]["f1"] == 1.0


def test_table_and_details(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", *files(tmp_path), "--details"])
    assert result.exit_code == 0, result.output
    assert "entities (types merged)" in result.stdout
    assert "miss city: Hefei" in result.stdout
    assert "extra organization: Hefei" in result.stdout


def test_missing_records_file_is_a_usage_error(tmp_path: Path) -> None:
    gold, _ = files(tmp_path)
    result = runner.invoke(app, ["evaluate", gold, str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"evextract: {tmp_path / 'none.jsonl'}: no such file or folder"
