"""A batch of articles in, its results out: the unit of work of every executor.

Whether a batch runs in this process, in a forked worker (`--jobs`) or on a Dask
worker (`--cluster`), it is this module's `extract_batch` that runs it, so the
rules are the same everywhere: one result per item, in the items' order; an
article that breaks the pipeline fails alone; an error or a skipped article
passes through in its place. The only I/O is reading an `Unread` article's bytes,
which a worker does itself when it is sent a path rather than a text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, TypeAlias

from .chunks import pieces
from .corpus import Article, Source, read_article
from .errors import ArticleError
from .records import PipelineInfo, Record

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Articles per nlp.pipe batch. spaCy's memory grows with the batch (some 4 MB an
# article at its peak); 32 keeps the peak near 400 MB at the same speed as 64 or 1000.
BATCH_SIZE = 32
# spaCy's parser needs memory in proportion to a Doc's length, so a text is cut into
# pieces well below nlp.max_length (10**6): a news article is some 5,000 characters.
PIECE_LIMIT = 100_000


@dataclass(frozen=True)
class Skipped:
    """An article left alone: its record under the output folder is current."""

    source: Source


@dataclass(frozen=True)
class Unread:
    """An article to be read where it is extracted: its path (or URL) travels, not its
    text. `current` is the sha256 of its record under the output folder when that record
    came from this very pipeline: the same bytes again make it Skipped."""

    source: Source
    current: str | None = None


Item: TypeAlias = Article | ArticleError | Skipped | Unread  # what goes into extraction
Result: TypeAlias = Record | ArticleError | Skipped  # what comes out, one per item


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def read_item(item: Item) -> Article | ArticleError | Skipped:
    """An item ready for extraction: an Unread article read, or Skipped when its bytes
    are those of its current record."""
    if not isinstance(item, Unread):
        return item
    try:
        article = read_article(item.source)
    except ArticleError as error:
        return error
    return Skipped(item.source) if article.sha256 == item.current else article


def extract_batch(batch: Sequence[Item], nlp: Language, info: PipelineInfo) -> list[Result]:
    """The results of one batch, in order: the unit of work of a worker."""
    ready = [read_item(item) for item in batch]
    articles = [item for item in ready if isinstance(item, Article)]
    try:
        records = _records(articles, nlp, info)
    except Exception:
        # One article broke the pipeline: redo the batch one by one, so only it fails.
        records = [_record_alone(article, nlp, info) for article in articles]
    done = iter(records)
    return [next(done) if isinstance(item, Article) else item for item in ready]


def _record_alone(article: Article, nlp: Language, info: PipelineInfo) -> Record | ArticleError:
    try:
        return _records([article], nlp, info)[0]
    except Exception as error:
        return ArticleError(article.source.source, f"cannot process: {describe(error)}")


def _records(
    articles: Sequence[Article], nlp: Language, info: PipelineInfo
) -> list[Record | ArticleError]:
    from .convert import doc_to_record

    records: list[Record | ArticleError] = []
    for article, doc in zip(articles, _docs(articles, nlp), strict=True):  # spaCy errors go up
        try:
            records.append(doc_to_record(doc, article, info))
        except Exception as error:  # one bad article must not end the run
            records.append(
                ArticleError(article.source.source, f"cannot build record: {describe(error)}")
            )
    return records


def describe(error: BaseException) -> str:
    return str(error) or type(error).__name__


def _docs(articles: Sequence[Article], nlp: Language) -> Iterator[Doc]:
    """Each article's Doc, in order; a text too long for spaCy is done in pieces."""
    limit = min(nlp.max_length, PIECE_LIMIT)
    short = nlp.pipe((a.text for a in articles if len(a.text) <= limit), batch_size=BATCH_SIZE)
    for article in articles:
        yield next(short) if len(article.text) <= limit else _long_doc(article.text, nlp, limit)


def _long_doc(text: str, nlp: Language, limit: int) -> Doc:
    """The base model's annotations piece by piece, cut at paragraphs and joined into one
    Doc of the whole text; then evextract's components on that Doc, so that they see the
    whole article and every offset they keep is an offset into it."""
    from spacy.tokens import Doc

    from .pipeline import split_pipeline

    base, custom = split_pipeline(nlp)
    docs = [nlp.make_doc(text[start:end]) for start, end in pieces(text, limit)]
    for _, component in base:
        docs = [component(doc) for doc in docs]
    # The components after the base model read neither the tensor nor user data.
    exclude = ["tensor", "user_data"]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=exclude)  # type: ignore[call-arg]
    for _, component in custom:
        doc = component(doc)
    return doc
