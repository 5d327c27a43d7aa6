"""The library's entry points: load a pipeline, extract records. Never prints or exits.

The work itself is `batches.extract_batch`, run by an executor (`executors.choose`):
this module only reads what it is given into items and picks where they run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, overload

from .batches import (
    BATCH_SIZE,
    PIECE_LIMIT,
    Item,
    Result,
    Skipped,
    Unread,
    batches,
    extract_batch,
)
from .corpus import (
    Article,
    Kind,
    Source,
    article_from_bytes,
    article_from_text,
    file_kind,
    read_article,
)
from .errors import ArticleError
from .executors import Executor, choose
from .loading import PipelineSpec, load_pipeline
from .output import current_sha256, output_path, record_is_current
from .records import PipelineInfo, Record

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "BATCH_SIZE",
    "PIECE_LIMIT",
    "Item",
    "PipelineSpec",
    "Result",
    "Skipped",
    "Unread",
    "batches",
    "executor",
    "extract",
    "extract_articles",
    "extract_batch",
    "extract_corpus",
    "extract_partition",
    "load_pipeline",
    "read_sources",
    "skip_current",
]


@overload
def extract(texts: str | bytes, *, nlp: Language | None = None) -> Record: ...  # type: ignore[overload-overlap]
@overload
def extract(texts: Iterable[str | bytes], *, nlp: Language | None = None) -> Iterator[Record]: ...
def extract(
    texts: str | bytes | Iterable[str | bytes], *, nlp: Language | None = None
) -> Record | Iterator[Record]:
    """Records of one article text, or of each text in an iterable, in order.

    Bytes are decoded as article files are; bytes that are not text (NUL bytes,
    no encoding fits) raise ArticleError.
    """
    if isinstance(texts, str | bytes):
        return next(_extract_texts([texts], nlp))
    return _extract_texts(texts, nlp)


def extract_partition(
    texts_or_paths: Iterable[str | bytes | os.PathLike[str]],
    *,
    model: str | None = None,
    knowledge_base: bool = True,
    paths: bool = False,
) -> list[Record]:
    """The records of one partition of a distributed dataset (a Dask bag's, a Spark
    RDD's, a Ray Data batch's), in order.

    A `str` or `bytes` item is an article's text (bytes decoded as files are); an
    `os.PathLike` item (a `pathlib.Path`) is an article file; with `paths=True`, a
    `str` item is a path or an fsspec URL (`s3://bucket/a.txt`) instead. The
    pipeline is loaded once per process, on the first call, and kept for every
    later partition: call this from the workers, never send them an `nlp`. An
    article that cannot be read or decoded raises ArticleError naming it.
    """
    nlp = load_pipeline(model, knowledge_base=knowledge_base)
    items = (_partition_item(n, item, paths) for n, item in enumerate(texts_or_paths))
    return list(_records_or_raise(extract_articles(items, nlp)))


def _partition_item(n: int, item: str | bytes | os.PathLike[str], paths: bool) -> Item:
    if isinstance(item, os.PathLike) or (paths and isinstance(item, str)):
        from .corpus import source_of

        return Unread(source_of(os.fspath(item)))
    return _text_item(n, item)


def _extract_texts(texts: Iterable[str | bytes], nlp: Language | None) -> Iterator[Record]:
    items = (_text_item(n, text) for n, text in enumerate(texts))
    return _records_or_raise(extract_articles(items, nlp or load_pipeline()))


def _records_or_raise(results: Iterable[Result]) -> Iterator[Record]:
    for result in results:
        if isinstance(result, ArticleError):
            raise result
        assert isinstance(result, Record)  # nothing is skipped without an output folder
        yield result


def _text_item(n: int, text: str | bytes) -> Article | ArticleError:
    source = Source("<text>", None, PurePosixPath(f"text-{n + 1}"))
    if isinstance(text, str):
        return article_from_text(source, text)
    try:
        return article_from_bytes(source, bytes(text))
    except ArticleError as error:
        return error


def executor(
    model: str | None = None,
    *,
    knowledge_base: bool = True,
    jobs: int = 1,
    cluster: str | None = None,
) -> Executor:
    """Where extraction runs: this process, `jobs` forked processes, or a Dask cluster
    (`tcp://host:8786`, or `local[:N]` for N worker processes here). Use it as a context
    manager: it holds the workers and the cluster connection until the block ends."""
    return choose(PipelineSpec(model, knowledge_base), jobs=jobs, cluster=cluster)


def extract_corpus(
    sources: Iterable[Source],
    runner: Language | Executor,
    *,
    output: Path | None = None,
    force: bool = False,
    jobs: int = 1,
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Read each source and extract its record: one result per source, in order.

    `runner` is a pipeline (run here, or in `jobs` processes) or an executor. With
    an `output` folder, an article whose record there is current (same sha256,
    same pipeline) is Skipped, unless `force`. An executor whose workers read the
    articles themselves (a cluster's) is sent their paths, not their texts.
    """
    run = runner if isinstance(runner, Executor) else choose(runner, jobs=jobs)
    current = output if not force else None
    if run.reads_paths:
        return run.run(unread_sources(sources, run.info, current, stdin))
    items: Iterable[Item] = read_sources(sources, stdin)
    if current is not None:
        items = skip_current(items, current, run.info)
    return run.run(items)


def unread_sources(
    sources: Iterable[Source],
    info: PipelineInfo,
    output: Path | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Each source as an Unread item for a worker to read, with the sha256 of its current
    record under `output`; standard input and named pipes, which only this process can
    read, are read here."""
    for source in sources:
        if source.url is None and (source.path is None or file_kind(source.path) is Kind.STREAM):
            read = read_sources([source], stdin)
            yield from skip_current(read, output, info) if output is not None else read
        else:
            sha256 = current_sha256(output_path(output, source), info) if output else None
            yield Unread(source.absolute(), sha256)


def skip_current(items: Iterable[Item], output: Path, info: PipelineInfo) -> Iterator[Item]:
    """Each item, but Skipped for an article whose record under `output` is current."""
    for item in items:
        if isinstance(item, Article) and record_is_current(
            output_path(output, item.source), item.sha256, info
        ):
            yield Skipped(item.source)
        else:
            yield item


def extract_articles(
    articles: Iterable[Item], nlp: Language, batch_size: int = BATCH_SIZE, *, jobs: int = 1
) -> Iterator[Result]:
    """A record for each article, in input order, streamed a batch at a time.

    Errors and skipped articles pass through in their places. A text too long
    for spaCy is cut at paragraph boundaries for the base model, and the pieces
    joined again for evextract's components, so offsets are into the whole
    text. With `jobs` > 1, that many worker processes share the batches; they
    start before this returns.
    """
    return choose(nlp, jobs=jobs, batch_size=batch_size).run(articles)


def read_sources(
    sources: Iterable[Source], stdin: BinaryIO | None = None
) -> Iterator[Article | ArticleError]:
    """Each source read and decoded, or the error that stopped it."""
    for source in sources:
        try:
            yield read_article(source, stdin)
        except ArticleError as error:
            yield error
