"""The library's entry points: load a pipeline, extract records. Never prints or exits."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, overload

from .corpus import Article, Source, read_article
from .errors import ArticleError
from .records import Record

if TYPE_CHECKING:
    from spacy.language import Language

BATCH_SIZE = 64


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, *, knowledge_base: bool = True) -> Language:
    """The evextract pipeline on `model` (default: en_core_web_sm), built once per process."""
    from .pipeline import build_pipeline

    return build_pipeline(model, knowledge_base=knowledge_base)


@overload
def extract(texts: str, *, nlp: Language | None = None) -> Record: ...  # type: ignore[overload-overlap]
@overload
def extract(texts: Iterable[str], *, nlp: Language | None = None) -> Iterator[Record]: ...
def extract(
    texts: str | Iterable[str], *, nlp: Language | None = None
) -> Record | Iterator[Record]:
    """Records of one article text, or of each text in an iterable, in order."""
    if isinstance(texts, str):
        return next(_extract_texts([texts], nlp))
    return _extract_texts(texts, nlp)


def _extract_texts(texts: Iterable[str], nlp: Language | None) -> Iterator[Record]:
    import hashlib

    articles = (
        Article(
            Source("<text>", None, _text_id(n)), text, hashlib.sha256(text.encode()).hexdigest()
        )
        for n, text in enumerate(texts)
    )
    for result in extract_articles(articles, nlp or load_pipeline()):
        if isinstance(result, ArticleError):
            raise result
        yield result


def _text_id(n: int) -> PurePosixPath:
    return PurePosixPath(f"text-{n + 1}")


def extract_articles(
    articles: Iterable[Article | ArticleError], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[Record | ArticleError]:
    """A record, or the error, for each article, in input order; streams in batches."""
    from .convert import doc_to_record
    from .pipeline import pipeline_info

    info = pipeline_info(nlp)
    failures: deque[tuple[int, ArticleError]] = deque()

    def texts() -> Iterator[tuple[str, tuple[int, Article]]]:
        for index, item in enumerate(articles):
            if isinstance(item, ArticleError):
                failures.append((index, item))
            else:
                yield item.text, (index, item)

    for doc, (index, article) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        while failures and failures[0][0] < index:
            yield failures.popleft()[1]
        try:
            yield doc_to_record(doc, article, info)
        except Exception as error:  # one bad article must not end the run
            yield ArticleError(article.source.source, f"cannot build record: {error}")
    yield from (failure for _, failure in failures)


def read_sources(
    sources: Iterable[Source], stdin: BinaryIO | None = None
) -> Iterator[Article | ArticleError]:
    """Each source read and decoded, or the error that stopped it."""
    for source in sources:
        try:
            yield read_article(source, stdin)
        except ArticleError as error:
            yield error
