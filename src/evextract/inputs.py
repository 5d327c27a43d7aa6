"""Records from the command line's paths, for `render`, `export` and `stats`.

A PATH holds articles or records, or both:

- articles, as `extract` reads them: a `.txt` file, a folder searched for `.txt`
  files, a named pipe, or `-`; they are extracted now;
- records `extract` wrote: a `.jsonl` file of JSON Lines or a `.json` record
  named as PATH, the `.json` records of a folder (an `-o DIR`; a `.jsonl` file in
  a folder is left alone, as the gold files beside articles are), or `-` whose
  first byte past blanks is `{`.

Nothing is extracted twice: an article whose record is also given (the same
sha256) is read only for its text. Records given come after the articles
extracted, each in the order of its PATH. A record's text is that of the
article with its sha256 given beside it, else its `source` file when that still
has its sha256, else None (render then shows its tables, not its text).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO

from .corpus import STDIN, Article, Discovery, Kind, Source, discover, file_kind, sources_under
from .errors import ArticleError, shown

if TYPE_CHECKING:
    from spacy.language import Language

    from .api import Item
    from .executors import Executor
    from .records import Record

RECORD_SUFFIXES = (".json", ".jsonl")
RECORD_FILE_SUFFIX = ".json"  # what `extract -o` writes, the records read from a folder
_NOT_FOUND = "no .txt articles or .json records in this folder"


@dataclass(frozen=True)
class Entry:
    """One article's record, and its text when it could be found."""

    record: Record
    text: str | None
    extracted: bool = False  # extracted in this run, rather than read


@dataclass
class Inputs:
    """What the paths hold: record files, article sources, and the problems met."""

    record_files: list[tuple[str, Path]] = field(default_factory=list)  # (as given, path)
    articles: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stdin: bool = False  # `-` was given: records or an article, as its bytes say


def find_inputs(paths: Sequence[str]) -> Inputs:
    """Sort the paths into record files and articles; nothing is opened.

    A missing path is a UsageError; a folder with neither articles nor records,
    or a device, is a problem reported beside what was found.
    """
    found = Inputs()
    for given in paths:
        if given == STDIN:
            found.stdin = True
            continue
        path = Path(given)
        kind = file_kind(path)
        if kind is Kind.FOLDER:
            _folder(given, path, found)
        elif kind is Kind.FILE and path.suffix in RECORD_SUFFIXES:
            found.record_files.append((given, path))
        else:  # an article file, a FIFO, a missing path: as `extract` takes them
            _merge(found, discover([given]))
    return found


def _folder(given: str, folder: Path, found: Inputs) -> None:
    articles = list(sources_under(given, folder, found.problems))
    records = [(str(path), path) for path in _record_files(folder)]
    if not articles and not records:
        found.problems.append(f"{shown(given)}: {_NOT_FOUND}")
    found.articles.extend(articles)
    found.record_files.extend(records)


def _record_files(folder: Path) -> list[Path]:
    """The record files under `folder`, sorted; hidden ones (a killed run's) left out."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        files.extend(
            Path(root, name)
            for name in names
            if name.endswith(RECORD_FILE_SUFFIX) and not name.startswith(".")
        )
    return sorted(files)


def _merge(found: Inputs, discovery: Discovery) -> None:
    found.articles.extend(discovery.sources)
    found.problems.extend(discovery.problems)


class Reading:
    """The entries of some inputs, one per article or record, or the error for one.

    Record files are parsed when this is made (so `total` is known); articles are
    read and extracted while iterating, with a pipeline from `load` (called only
    when some article needs extracting) in `jobs` processes, or by the executor
    `load` gives instead (a cluster's: it is closed once the articles are done).
    """

    def __init__(
        self,
        inputs: Inputs,
        load: Callable[[], Language | Executor],
        *,
        jobs: int = 1,
        stdin: BinaryIO | None = None,
    ) -> None:
        self._load, self._jobs = load, jobs
        self._articles: list[Source | Article | ArticleError] = list(inputs.articles)
        self._records: list[Record | ArticleError] = []
        for given, path in inputs.record_files:
            self._records += parse_records(_read(given, path), given)
        if inputs.stdin:
            self._read_stdin(stdin)
        self._records = list(_unique(self._records))
        self._texts: dict[str, str] = {}  # sha256 -> text of an article given beside its record
        self.total = len(self._records) + len(self._articles)

    def _read_stdin(self, stdin: BinaryIO | None) -> None:
        from .corpus import article_from_bytes, read_bytes

        source = Source(STDIN, None, PurePosixPath("stdin"))
        try:
            data = read_bytes(source, stdin)
        except ArticleError as error:
            self._articles.append(error)
            return
        if data.lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{"):
            self._records += parse_records(data, STDIN)
            return
        try:
            self._articles.append(article_from_bytes(source, data))
        except ArticleError as error:
            self._articles.append(error)

    def __iter__(self) -> Iterator[Entry | ArticleError]:
        yield from self._extracted()
        for record in self._records:
            if isinstance(record, ArticleError):
                yield record
            else:
                yield Entry(record, self._texts.get(record.sha256) or source_text(record))

    def _extracted(self) -> Iterator[Entry | ArticleError]:
        from .api import extract_articles
        from .executors import Executor
        from .records import Record

        items = _LookAhead(self._to_extract())
        if not items.has_article():
            yield from (item for item in items if isinstance(item, ArticleError))
            return
        runner = self._load()
        with runner if isinstance(runner, Executor) else nullcontext():
            results = (
                runner.run(items)
                if isinstance(runner, Executor)
                else extract_articles(items, runner, jobs=self._jobs)
            )
            for result in results:
                text = items.text_of_next_result()
                if isinstance(result, Record):
                    yield Entry(result, text, extracted=True)
                elif isinstance(result, ArticleError):
                    yield result

    def _to_extract(self) -> Iterator[Item]:
        from .api import read_sources

        given = {r.sha256 for r in self._records if not isinstance(r, ArticleError)}
        for item in _read_articles(self._articles, read_sources):
            if isinstance(item, Article) and item.sha256 in given:
                self._texts[item.sha256] = item.text  # its record is given: not extracted twice
            else:
                yield item


def _read_articles(
    items: Iterable[Source | Article | ArticleError],
    read_sources: Callable[[Iterable[Source]], Iterator[Article | ArticleError]],
) -> Iterator[Article | ArticleError]:
    for item in items:
        yield from read_sources([item]) if isinstance(item, Source) else [item]


class _LookAhead:
    """Items to extract, with the text of each article kept until its result comes out
    (results come in input order), and a look at whether any article is there at all."""

    def __init__(self, items: Iterator[Item]) -> None:
        self._head: list[Item] = []
        self._items = items
        self._texts: deque[str | None] = deque()

    def has_article(self) -> bool:
        for item in self._items:
            self._head.append(item)
            if isinstance(item, Article):
                return True
        return False

    def __iter__(self) -> Iterator[Item]:
        for item in chain(self._head, self._items):
            self._texts.append(item.text if isinstance(item, Article) else None)
            yield item

    def text_of_next_result(self) -> str | None:
        return self._texts.popleft()


def _read(given: str, path: Path) -> bytes | ArticleError:
    try:
        return path.read_bytes()
    except OSError as error:
        return ArticleError(given, f"cannot read: {error.strerror or error}")


def parse_records(data: bytes | ArticleError, name: str) -> list[Record | ArticleError]:
    """The records in a file's bytes: one JSON record, a JSON list, or JSON Lines.

    Each record that is not valid is an ArticleError naming the file and its line.

    >>> [type(r).__name__ for r in parse_records(b'{"id": "a"}', "a.json")]
    ['ArticleError']
    >>> print(parse_records(b'{"id": "a"}', "a.json")[0])
    a.json: not an evextract record: source: Field required
    """
    if isinstance(data, ArticleError):
        return [data]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [ArticleError(name, "not UTF-8, so not a record file")]
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return [_record(line, f"{name}:{n}") for n, line in _lines(text)]
    items = whole if isinstance(whole, list) else [whole]
    return [_validated(item, name) for item in items]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    return ((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip())


def _record(line: str, where: str) -> Record | ArticleError:
    try:
        return _validated(json.loads(line), where)
    except json.JSONDecodeError as error:
        return ArticleError(where, f"not JSON: {error.msg}")


def _validated(item: Any, where: str) -> Record | ArticleError:
    from pydantic import ValidationError

    from .records import Record

    try:
        return Record.model_validate(item)
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"]) or "record"
        return ArticleError(where, f"not an evextract record: {place}: {first['msg']}")


def _unique(records: Iterable[Record | ArticleError]) -> Iterator[Record | ArticleError]:
    """Each record once, though given twice (a JSONL and the folder beside it)."""
    seen: set[tuple[str, str]] = set()
    for record in records:
        if isinstance(record, ArticleError):
            yield record
        elif (key := (record.source, record.sha256)) not in seen:
            seen.add(key)
            yield record


def source_text(record: Record) -> str | None:
    """The text of the article a record was made from, if its file is there unchanged."""
    from .corpus import decode

    if record.source == STDIN:
        return None
    try:
        data = Path(record.source).read_bytes()
    except (OSError, ValueError):
        return None
    if hashlib.sha256(data).hexdigest() != record.sha256:
        return None
    try:
        return decode(data, record.source)[0]
    except ArticleError:
        return None
