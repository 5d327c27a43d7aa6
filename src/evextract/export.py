"""`evextract export`: the tables of `tables.py` in SQLite (sqlite-utils), Parquet
(pyarrow) and CSV files. Never prints or exits.

sqlite-utils and pyarrow come with the `export` extra and are imported only here,
when a sink is opened, so the `extract` path never loads them.

- SQLite: an article's rows are replaced in one transaction (its old rows in
  every table deleted, its `articles` row upserted), so rerunning an export adds
  no duplicate and a changed article replaces what it had. Other articles
  already in the database stay. Full-text search over `articles.title` and
  `articles.text` is kept current by triggers; Datasette opens the file as it is.
- Parquet and CSV: one file per table under the folder, written whole (a
  temporary file, then a rename): a snapshot of this run's input.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .errors import EvextractError, shown
from .tables import ARTICLES, CHILD_TABLES, TABLES, Table, article_rows

if TYPE_CHECKING:
    from .inputs import Entry

EXTRA_HINT = "pip install 'evextract[export]'"
_SQL_TYPES = {"text": str, "integer": int, "float": float, "list": str}


class ExportError(EvextractError):
    """An export target cannot be written, or its library is not installed."""


class Sink(Protocol):
    def add(self, entry: Entry) -> None: ...
    def close(self) -> None: ...  # all added: finish the target
    def abort(self) -> None: ...  # the run stopped: leave the target as it was


def _need(module: str, option: str) -> Any:
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError:
        package = module.split(".")[0].replace("_", "-")
        raise ExportError(f"{option} needs {package}: {EXTRA_HINT}") from None


class SqliteSink:
    """Articles upserted into a SQLite database, one transaction per article."""

    def __init__(self, path: Path) -> None:
        sqlite_utils = _need("sqlite_utils", "--sqlite")
        import sqlite3

        self.path = path
        try:
            if path.is_dir():
                raise ExportError(f"{shown(str(path))}: is a folder, not a database file")
            self.db = sqlite_utils.Database(path)
            self.db.execute("PRAGMA foreign_keys = ON")
            with self.db.conn:
                for table in TABLES:
                    _create(self.db, table)
        except sqlite3.DatabaseError as error:
            raise ExportError(f"{shown(str(path))}: cannot use as a database: {error}") from None
        except OSError as error:
            raise ExportError(f"{shown(str(path))}: {error.strerror or error}") from None

    def add(self, entry: Entry) -> None:
        rows = article_rows(entry.record, entry.text)
        key = entry.record.source
        with self.db.conn:  # one transaction: the article's old rows go, its new ones come
            for table in CHILD_TABLES:
                self.db.execute(f"DELETE FROM [{table.name}] WHERE article = ?", [key])
            self.db[ARTICLES.name].upsert(rows[ARTICLES.name][0], pk=ARTICLES.pk)
            for table in CHILD_TABLES:
                self.db[table.name].insert_all(rows[table.name], pk=table.pk, replace=True)

    def close(self) -> None:
        self.db.close()

    def abort(self) -> None:
        self.db.close()  # each article's transaction is whole: those done stay


def _create(db: Any, table: Table) -> None:
    """The table, its foreign key, indexes and full-text search, unless already there."""
    if table.name not in db.table_names():
        db[table.name].create(
            {column.name: _SQL_TYPES[column.type] for column in table.columns},
            pk=table.pk[0] if len(table.pk) == 1 else table.pk,
            not_null=[column.name for column in table.columns if not column.nullable],
            foreign_keys=[("article", ARTICLES.name, "source")] if table is not ARTICLES else [],
        )
    for columns in table.indexes:
        db[table.name].create_index(columns, if_not_exists=True)
    if table.full_text and db[table.name].detect_fts() is None:
        db[table.name].enable_fts(table.full_text, create_triggers=True)


class _FileSink:
    """Rows kept per article (a later record of one source replaces an earlier one),
    then one file per table, written whole."""

    def __init__(self, folder: Path) -> None:
        self.folder = _folder(folder)
        self.articles: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def add(self, entry: Entry) -> None:
        self.articles[entry.record.source] = article_rows(entry.record, entry.text)

    def rows(self, table: Table) -> list[dict[str, Any]]:
        return [row for tables in self.articles.values() for row in tables[table.name]]

    def abort(self) -> None:
        self.articles.clear()


class ParquetSink(_FileSink):
    """One typed Parquet file per table, columns nullable where the record's are."""

    def __init__(self, folder: Path) -> None:
        self.pa = _need("pyarrow", "--parquet")
        self.pq = _need("pyarrow.parquet", "--parquet")
        super().__init__(folder)

    def close(self) -> None:
        for table in TABLES:
            schema = self.pa.schema(
                [
                    self.pa.field(column.name, self._type(column.type), column.nullable)
                    for column in table.columns
                ]
            )
            arrays = self.pa.Table.from_pylist(self.rows(table), schema=schema)
            _write_whole(
                self.folder / f"{table.name}.parquet",
                lambda path, arrays=arrays: self.pq.write_table(arrays, path),
            )

    def _type(self, kind: str) -> Any:
        pa = self.pa
        return {
            "text": pa.string(),
            "integer": pa.int64(),
            "float": pa.float64(),
            "list": pa.list_(pa.string()),
        }[kind]


class CsvSink(_FileSink):
    """One CSV file per table with a header row; lists as JSON, None as an empty cell."""

    def close(self) -> None:
        for table in TABLES:
            _write_whole(
                self.folder / f"{table.name}.csv",
                lambda path, table=table: self._write(path, table),
            )

    def _write(self, path: Path, table: Table) -> None:
        with open(path, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(table.column_names)
            for row in self.rows(table):
                writer.writerow([_cell(row[name]) for name in table.column_names])


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _folder(folder: Path) -> Path:
    try:
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{shown(str(folder))}: exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{shown(str(folder))}: cannot create: {error.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{shown(str(folder))}: folder is not writable")
    return folder


def _write_whole(path: Path, write: Any) -> None:
    """`write(temporary)` then a rename over `path`: a reader never sees half a table."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"{shown(str(path))}: cannot write: {error.strerror or error}") from None


def open_sinks(
    sqlite: Path | None = None, parquet: Path | None = None, csv_dir: Path | None = None
) -> list[Sink]:
    """The sinks asked for, each checked before any article is read."""
    sinks: list[Sink] = []
    if parquet is not None:
        sinks.append(ParquetSink(parquet))
    if csv_dir is not None:
        sinks.append(CsvSink(csv_dir))
    if sqlite is not None:  # last: the others' errors must not leave a new empty database
        sinks.append(SqliteSink(sqlite))
    return sinks


def export(entries: Iterable[Entry], sinks: list[Sink]) -> int:
    """Every entry into every sink; returns the number of articles exported."""
    count = 0
    try:
        for entry in entries:
            for sink in sinks:
                sink.add(entry)
            count += 1
    except BaseException:  # Ctrl-C, a failing stdout: no half-filled Parquet or CSV file
        for sink in sinks:
            sink.abort()
        raise
    for sink in sinks:
        sink.close()
    return count
