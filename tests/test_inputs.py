"""Records from paths: articles extracted now, records read, nothing extracted twice."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from evextract.errors import ArticleError, UsageError
from evextract.inputs import Entry, Reading, find_inputs
from evextract.records import Record


def record_of(path: Path, **fields: Any) -> Record:
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    return Record(
        **{"id": path.stem, "source": str(path), "sha256": sha256, "title": "t", **fields}
    )


def no_pipeline() -> Any:
    raise AssertionError("nothing should need extracting")


def read(paths: list[str], load: Any = no_pipeline, **options: Any) -> list[Entry | ArticleError]:
    return list(Reading(find_inputs(paths), load, **options))


@pytest.fixture
def blank_load(blank_model: Path) -> Any:
    from evextract import load_pipeline

    return lambda: load_pipeline(str(blank_model), knowledge_base=False)


def test_an_output_folder_beside_its_articles_extracts_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    article = tmp_path / "in" / "a.txt"
    article.write_text("BYD opened a plant.\n")
    record = record_of(article, title="BYD opened a plant.")
    (tmp_path / "out" / "a.json").write_text(record.model_dump_json(indent=2))
    (entry,) = read([str(tmp_path / "in"), str(tmp_path / "out")])
    assert isinstance(entry, Entry)
    assert (entry.record, entry.text, entry.extracted) == (record, "BYD opened a plant.\n", False)


def test_a_jsonl_file_gives_each_record_with_its_text_while_the_article_is_unchanged(
    tmp_path: Path,
) -> None:
    kept, changed = tmp_path / "kept.txt", tmp_path / "changed.txt"
    kept.write_text("Kept.\n")
    changed.write_text("Before.\n")
    records = [record_of(kept), record_of(changed)]
    changed.write_text("After.\n")
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(r.model_dump_json() + "\n" for r in records))
    entries = read([str(jsonl)])
    assert [(e.record.id, e.text) for e in entries if isinstance(e, Entry)] == [
        ("kept", "Kept.\n"),
        ("changed", None),
    ]


def test_articles_without_records_are_extracted_first(tmp_path: Path, blank_load: Any) -> None:
    new, old = tmp_path / "new.txt", tmp_path / "old.txt"
    new.write_text("Nio delivered 20,000 vehicles.\n")
    old.write_text("Old news.\n")
    (tmp_path / "old.json").write_text(record_of(old).model_dump_json())
    entries = read([str(new), str(tmp_path / "old.json")], blank_load)
    assert [(e.record.id, e.extracted) for e in entries if isinstance(e, Entry)] == [
        ("new", True),
        ("old", False),
    ]
    assert isinstance(entries[0], Entry) and entries[0].text == new.read_text()


def test_bad_records_are_named_with_their_line(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("A.\n")
    lines = [record_of(good).model_dump_json(), "{not json", '{"id": "x"}', ""]
    (tmp_path / "r.jsonl").write_text("\n".join(lines))
    entries = read([str(tmp_path / "r.jsonl")])
    assert isinstance(entries[0], Entry)
    assert [str(e) for e in entries[1:]] == [
        f"{tmp_path}/r.jsonl:2: not JSON: Expecting property name enclosed in double quotes",
        f"{tmp_path}/r.jsonl:3: not an evextract record: source: Field required",
    ]


def test_a_record_given_twice_is_read_once(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A.\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.json").write_text(record_of(article).model_dump_json())
    (tmp_path / "all.jsonl").write_text(record_of(article).model_dump_json() + "\n")
    entries = read([str(tmp_path / "out"), str(tmp_path / "all.jsonl")])
    assert len(entries) == 1


def test_a_folder_with_neither_articles_nor_records_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    found = find_inputs([str(tmp_path)])
    assert found.problems == [f"{tmp_path}: no .txt articles or .json records in this folder"]


def test_hidden_files_and_jsonl_files_in_a_folder_are_left_out(tmp_path: Path) -> None:
    (tmp_path / ".a.json.123.0badcafe.tmp").write_text("{")
    (tmp_path / ".hidden.json").write_text("{")
    (tmp_path / "gold.jsonl").write_text('{"id": "a"}\n')  # gold beside articles: no records
    (tmp_path / "a.txt").write_text("A.\n")
    found = find_inputs([str(tmp_path)])
    assert (found.record_files, [s.id for s in found.articles]) == ([], ["a"])


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        find_inputs([str(tmp_path / "missing.jsonl")])


def test_stdin_holds_records_or_an_article(tmp_path: Path, blank_load: Any) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A.\n")
    records = io.BytesIO(json.dumps(record_of(article).model_dump(mode="json")).encode())
    (entry,) = read(["-"], stdin=records)
    assert isinstance(entry, Entry) and (entry.record.id, entry.text) == ("a", "A.\n")
    (entry,) = read(["-"], blank_load, stdin=io.BytesIO(b"Ford cut 1,000 jobs.\n"))
    assert isinstance(entry, Entry) and (entry.record.id, entry.extracted) == ("stdin", True)
    assert entry.text == "Ford cut 1,000 jobs.\n"


def test_an_unreadable_article_is_an_error_in_its_place(tmp_path: Path, blank_load: Any) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x7fELF\x00\x01")
    (tmp_path / "good.txt").write_text("Good.\n")
    entries = read([str(tmp_path)], blank_load)
    assert isinstance(entries[0], ArticleError) and "binary file" in str(entries[0])
    assert isinstance(entries[1], Entry) and entries[1].record.id == "good"
    assert Reading(find_inputs([str(tmp_path)]), blank_load).total == 2
