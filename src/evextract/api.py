"""The library's entry points: load a pipeline, extract records. Never prints or exits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, TypeAlias, overload

from .chunks import pieces
from .corpus import Article, Source, article_from_bytes, article_from_text, read_article
from .errors import ArticleError
from .output import output_path, record_is_current
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


Item: TypeAlias = Article | ArticleError | Skipped  # what goes into extraction
Result: TypeAlias = Record | ArticleError | Skipped  # what comes out, one per item


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, *, knowledge_base: bool = True) -> Language:
    """The evextract pipeline on `model` (default: en_core_web_sm), built once per process."""
    from .pipeline import build_pipeline

    return build_pipeline(model, knowledge_base=knowledge_base)


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


def _extract_texts(texts: Iterable[str | bytes], nlp: Language | None) -> Iterator[Record]:
    items = (_text_item(n, text) for n, text in enumerate(texts))
    for result in extract_articles(items, nlp or load_pipeline()):
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


def extract_corpus(
    sources: Iterable[Source],
    nlp: Language,
    *,
    output: Path | None = None,
    force: bool = False,
    jobs: int = 1,
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Read each source and extract its record: one result per source, in order.

    With an `output` folder, an article whose record there is current (same
    sha256, same pipeline) is Skipped, unless `force`.
    """
    from .pipeline import pipeline_info

    items: Iterable[Item] = read_sources(sources, stdin)
    if output is not None and not force:
        items = skip_current(items, output, pipeline_info(nlp))
    return extract_articles(items, nlp, jobs=jobs)


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
    from .parallel import can_fork, extract_in_processes
    from .pipeline import pipeline_info

    info = pipeline_info(nlp)
    if jobs > 1 and can_fork():
        return extract_in_processes(articles, nlp, info, jobs=jobs, batch_size=batch_size)
    return (
        result
        for batch in batches(articles, batch_size)
        for result in extract_batch(batch, nlp, info)
    )


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_batch(batch: Sequence[Item], nlp: Language, info: PipelineInfo) -> list[Result]:
    """The results of one batch, in order: the unit of work of a worker process."""
    articles = [item for item in batch if isinstance(item, Article)]
    try:
        records = _records(articles, nlp, info)
    except Exception:
        # One article broke the pipeline: redo the batch one by one, so only it fails.
        records = [_record_alone(article, nlp, info) for article in articles]
    done = iter(records)
    return [next(done) if isinstance(item, Article) else item for item in batch]


def _record_alone(article: Article, nlp: Language, info: PipelineInfo) -> Record | ArticleError:
    try:
        return _records([article], nlp, info)[0]
    except Exception as error:
        return ArticleError(article.source.source, f"cannot process: {_describe(error)}")


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
                ArticleError(article.source.source, f"cannot build record: {_describe(error)}")
            )
    return records


def _describe(error: Exception) -> str:
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


def read_sources(
    sources: Iterable[Source], stdin: BinaryIO | None = None
) -> Iterator[Article | ArticleError]:
    """Each source read and decoded, or the error that stopped it."""
    for source in sources:
        try:
            yield read_article(source, stdin)
        except ArticleError as error:
            yield error
