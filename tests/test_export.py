"""`export`: SQLite (sqlite-utils), Parquet (pyarrow) and CSV tables of a corpus."""

from __future__ import annotations

import csv
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from evextract.export import CsvSink, ExportError, ParquetSink, SqliteSink, export, open_sinks
from evextract.inputs import Entry
from evextract.records import Entity, Figure, Mention, Partnership, Record, Role
from evextract.tables import TABLES

from .conftest import ROOT


def figure(n: int, text: str, value: float, **fields: Any) -> Figure:
    return Figure(
        id=f"f{n}", text=text, value=value, start=10 * n, end=10 * n + len(text),
        sentence=f"... {text} ...", **fields,
    )  # fmt: skip


def entity(kind: Any, name: str, *starts: int, id: str | None = None) -> Entity:
    mentions = [Mention(text=name, start=s, end=s + len(name)) for s in starts]
    return Entity(id=id or f"kb:{name.lower()}", type=kind, name=name, mentions=mentions)


BYD_PLANT = Record(
    id="byd", source="news/byd.txt", sha256="1" * 64, title="BYD opens a plant in Szeged",
    published="2025-02-01",
    entities=[entity("company", "BYD", 0, 40), entity("person", "Wang Chuanfu", 60)],
    figures=[
        figure(1, "5 billion yuan", 5e9, kind="money", currency="CNY", subject="BYD",
               metric="investment"),
        figure(2, "150,000 cars", 150000, kind="quantity", unit="car", subject="BYD",
               period="2026"),
    ],
    roles=[Role(person="Wang Chuanfu", title="Chairman", organization="BYD")],
)  # fmt: skip
NIO_CATL = Record(
    id="nio", source="news/nio.txt", sha256="2" * 64, title="NIO and CATL sign battery deal",
    published="2025-03-04",
    entities=[entity("company", "NIO", 0), entity("company", "CATL", 10),
              entity("person", "William Li", 30), entity("person", "Li Bin", 50, id="p:libin")],
    figures=[
        figure(1, "800 million yuan", 8e8, kind="money", currency="CNY", subject="NIO"),
        figure(2, "12 billion yuan", 1.2e10, kind="money", currency="CNY", subject="CATL",
               qualifier="approx"),
        figure(3, "$1.7 billion", 1.7e9, kind="money", currency="USD", equivalent_of="f2"),
    ],
    roles=[Role(person="William Li", title="CEO", organization="NIO"),
           Role(person="Li Bin", title="Chief Financial Officer", organization="NIO"),
           Role(person="Wang Ning", title="Minister", organization=None)],
    partnerships=[Partnership(parties=["NIO", "CATL"], sentence="NIO and CATL signed ...")],
    warnings=["not UTF-8: decoded as cp1252"],
)  # fmt: skip
BYD_SALES = Record(
    id="sales", source="news/sales.txt", sha256="3" * 64, title="BYD and NIO sales",
    entities=[entity("company", "BYD", 0), entity("company", "NIO", 20)],
    figures=[figure(1, "41%", 41, kind="percent", subject="BYD", metric="market share")],
)  # fmt: skip
CORPUS = [
    Entry(BYD_PLANT, "BYD is building a battery plant in Szeged ..."),
    Entry(NIO_CATL, "NIO and CATL signed a supply deal ..."),
    Entry(BYD_SALES, None),
]


def readme_queries() -> dict[str, str]:
    """The README's SQL blocks, by their first comment line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n-- (.+?)\n(.+?)```", readme, flags=re.S)
    return {title: sql for title, sql in blocks}


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    export(CORPUS, [SqliteSink(path)])
    return path


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def counts(path: Path) -> dict[str, int]:
    return {t.name: query(path, f"select count(*) from {t.name}")[0][0] for t in TABLES}


def test_the_readme_queries_answer_the_analysts_questions(database: Path) -> None:
    queries = readme_queries()
    assert query(database, queries["all figures about BYD"]) == [
        ("BYD and NIO sales", "41%", 41.0, None, None, "market share", None),
        ("BYD opens a plant in Szeged", "5 billion yuan", 5e9, "CNY", None, "investment", None),
        ("BYD opens a plant in Szeged", "150,000 cars", 150000.0, None, "car", None, "2026"),
    ]
    assert query(database, queries["companies by number of articles"]) == [
        ("BYD", 2), ("NIO", 2), ("CATL", 1),
    ]  # fmt: skip
    assert query(database, queries["money figures in CNY over 1 billion"]) == [
        ("12 billion yuan", 1.2e10, "CATL", None, "NIO and CATL sign battery deal"),
        ("5 billion yuan", 5e9, "BYD", "investment", "BYD opens a plant in Szeged"),
    ]
    assert query(database, queries["people and their titles at one company"]) == [
        ("Li Bin", "Chief Financial Officer"), ("William Li", "CEO"),
    ]  # fmt: skip
    assert query(database, queries["articles about battery plants (full-text search)"]) == [
        ("news/byd.txt", "BYD opens a plant in Szeged"),
    ]


def test_a_second_export_leaves_every_row_count_unchanged(database: Path) -> None:
    before = counts(database)
    assert before == {
        "articles": 3, "entities": 8, "mentions": 9, "figures": 6, "roles": 4, "partnerships": 1,
    }  # fmt: skip
    export(CORPUS, [SqliteSink(database)])
    assert counts(database) == before
    assert query(database, "select count(*) from articles_fts")[0][0] == 3


def test_a_changed_article_replaces_its_rows_and_the_others_stay(database: Path) -> None:
    changed = BYD_PLANT.model_copy(update={"figures": BYD_PLANT.figures[:1], "roles": []})
    export([Entry(changed, "BYD is building a car factory ...")], [SqliteSink(database)])
    assert query(database, "select article, id from figures order by article, id") == [
        ("news/byd.txt", "f1"), ("news/nio.txt", "f1"), ("news/nio.txt", "f2"),
        ("news/nio.txt", "f3"), ("news/sales.txt", "f1"),
    ]  # fmt: skip
    assert query(database, "select person from roles where article = 'news/byd.txt'") == []
    fts = "select source from articles where rowid in "
    fts += "(select rowid from articles_fts where articles_fts match '{}')"
    assert query(database, fts.format("factory")) == [("news/byd.txt",)]
    assert query(database, fts.format("battery plant")) == []  # the old text left the index


def test_the_schema_has_keys_foreign_keys_and_indexes(database: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(database)
    assert db["entities"].pks == ["article", "id"]  # type: ignore[union-attr]
    assert db["articles"].pks == ["source"]  # type: ignore[union-attr]
    for name in ("entities", "mentions", "figures", "roles", "partnerships"):
        (key,) = db[name].foreign_keys  # type: ignore[union-attr]
        assert (key.column, key.other_table, key.other_column) == ("article", "articles", "source")
    indexed = {tuple(i.columns) for i in db["entities"].indexes}  # type: ignore[union-attr]
    assert {("name",), ("type",), ("id",)} <= indexed
    assert db["articles"].detect_fts() == "articles_fts"  # type: ignore[union-attr]
    assert query(database, "pragma foreign_key_check") == []
    assert query(database, "select warnings from articles where id = 'nio'") == [
        ('["not UTF-8: decoded as cp1252"]',)
    ]


def test_parquet_tables_read_back_typed_and_join(tmp_path: Path) -> None:
    export(CORPUS, [ParquetSink(tmp_path / "pq")])
    figures = pq.read_table(tmp_path / "pq" / "figures.parquet")
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert str(figures.schema.field("value").type) == "double"
    assert figures.schema.field("value_max").nullable
    assert not figures.schema.field("article").nullable
    assert str(pq.read_schema(tmp_path / "pq" / "entities.parquet").field("aliases").type) == (
        "list<element: string>"
    )
    titles = articles.select(["source", "title"])  # a join takes no list column
    joined = figures.join(titles, keys="article", right_keys="source")
    cny = joined.filter(pc.equal(joined["currency"], "CNY")).sort_by("value")
    assert cny.column("title").to_pylist() == [
        "NIO and CATL sign battery deal",
        "BYD opens a plant in Szeged",
        "NIO and CATL sign battery deal",
    ]
    assert articles.column("text").to_pylist()[2] is None


def test_csv_tables_have_one_header_row(tmp_path: Path) -> None:
    export(CORPUS, [CsvSink(tmp_path / "csv")])
    with open(tmp_path / "csv" / "roles.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["article", "n", "person", "title", "organization"]
    assert rows[1:] == [
        ["news/byd.txt", "1", "Wang Chuanfu", "Chairman", "BYD"],
        ["news/nio.txt", "1", "William Li", "CEO", "NIO"],
        ["news/nio.txt", "2", "Li Bin", "Chief Financial Officer", "NIO"],
        ["news/nio.txt", "3", "Wang Ning", "Minister", ""],
    ]
    with open(tmp_path / "csv" / "partnerships.csv", encoding="utf-8", newline="") as file:
        assert [row["parties"] for row in csv.DictReader(file)] == ['["NIO", "CATL"]']


def test_a_later_record_of_one_source_replaces_the_earlier_in_files(tmp_path: Path) -> None:
    changed = BYD_PLANT.model_copy(update={"figures": []})
    export([*CORPUS, Entry(changed, None)], [ParquetSink(tmp_path)])
    table = pq.read_table(tmp_path / "figures.parquet")
    assert "news/byd.txt" not in table.column("article").to_pylist()
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == 3


def test_an_interrupted_export_writes_no_file(tmp_path: Path) -> None:
    def entries() -> Any:
        yield CORPUS[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export(entries(), [ParquetSink(tmp_path / "pq"), CsvSink(tmp_path / "csv")])
    assert list((tmp_path / "pq").iterdir()) == list((tmp_path / "csv").iterdir()) == []


@pytest.mark.parametrize("option", ["sqlite", "parquet", "csv_dir"])
def test_an_unusable_target_is_an_export_error_naming_it(tmp_path: Path, option: str) -> None:
    target = tmp_path / "taken"
    if option == "sqlite":
        target.mkdir()
    else:
        target.write_text("a file")
    with pytest.raises(ExportError, match=str(target)):
        open_sinks(**{option: target})


def test_a_file_that_is_no_database_is_named(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(ExportError, match="cannot use as a database"):
        SqliteSink(target)


def test_a_missing_library_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)  # import raises ImportError
    with pytest.raises(ExportError, match=r"--sqlite needs sqlite-utils: pip install"):
        SqliteSink(Path("never.db"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_datasette_serves_the_database_as_it_is(database: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database), "-h", "127.0.0.1",
         "-p", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/corpus/roles.json?_shape=array&organization=NIO&_sort=n"
    try:
        body = None
        deadline = time.monotonic() + 30
        while body is None and time.monotonic() < deadline:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read()
            except OSError:
                time.sleep(0.2)
        assert body is not None, "Datasette did not answer within 30 s"
    finally:
        server.terminate()
        server.wait(timeout=10)
    import json

    rows = json.loads(body)
    assert [(row["person"], row["title"]) for row in rows] == [
        ("William Li", "CEO"), ("Li Bin", "Chief Financial Officer"),
    ]  # fmt: skip
