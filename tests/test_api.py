"""The library's entry points: order, errors in their places, long texts, any input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from evextract import extract
from evextract.api import Skipped, extract_articles, extract_batch, skip_current
from evextract.corpus import Article, Source, article_from_text
from evextract.errors import ArticleError, WorkerError
from evextract.extensions import register_extensions
from evextract.output import write_record
from evextract.records import PipelineInfo, Record

LONG_TEXT = "\r\n\r\n".join(
    [
        "BYD will build a plant in Szeged, Hungary, investing 4 billion euros.",
        "CATL said on Monday it would invest $7.3 billion in Debrecen.\r\n"
        "The plant will make 100 GWh of cells.",
        "BYD sold 300,000 cars in Shenzhen in May, up 20% from a year earlier.",
    ]
)


def article(name: str, text: str) -> Article:
    return article_from_text(Source(f"{name}.txt", None, PurePosixPath(name)), text)


def summary(record: Record) -> dict[str, Any]:
    """What a record says, without where it came from."""
    return record.model_dump(exclude={"id", "source", "sha256"})


def assert_offsets_right(record: Record, text: str) -> None:
    for entity in record.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for figure in record.figures:
        assert text[figure.start : figure.end] == figure.text


def test_one_text_gives_one_record(nlp: Language) -> None:
    record = extract("BYD sold 300,000 cars in Shenzhen.", nlp=nlp)
    assert [(e.type, e.name) for e in record.entities] == [
        ("company", "BYD"),
        ("city", "Shenzhen"),
    ]
    assert (record.id, record.source, record.warnings) == ("text-1", "<text>", [])


def test_bytes_are_decoded_as_files_are(nlp: Language) -> None:
    record = extract("Citroën’s ë-C3 costs €23,300 in Besançon.".encode("cp1252"), nlp=nlp)
    assert record.title == "Citroën’s ë-C3 costs €23,300 in Besançon."
    assert record.warnings and record.warnings[0].startswith("not UTF-8: decoded as ")
    with pytest.raises(ArticleError, match="binary"):
        extract(b"PK\x03\x04\x00\x00", nlp=nlp)


def test_errors_and_skipped_articles_keep_their_places(nlp: Language) -> None:
    skipped = Skipped(Source("s.txt", None, PurePosixPath("s")))
    failed = ArticleError("f.txt", "looks like a binary file (NUL bytes), not text")
    items = [article("a", "Nio delivered 20,000 cars."), failed, skipped]
    items += [article(f"n{n}", f"Tesla sold {n} cars.") for n in range(5)]
    results = list(extract_articles(items, nlp, batch_size=3))
    assert results[1:3] == [failed, skipped]
    ids = [r.id for r in results if isinstance(r, Record)]
    assert ids == ["a", "n0", "n1", "n2", "n3", "n4"]


def test_two_worker_processes_give_the_same_records_in_the_same_order(nlp: Language) -> None:
    items: list[Any] = [article(f"a{n}", f"BYD sold {n},000 cars in Shenzhen.") for n in range(40)]
    items[7] = ArticleError("bad.txt", "cannot read: Permission denied")
    alone = list(extract_articles(items, nlp, jobs=1))
    shared = list(extract_articles(items, nlp, jobs=2))
    assert [str(r) if isinstance(r, ArticleError) else r for r in shared] == [
        str(r) if isinstance(r, ArticleError) else r for r in alone
    ]


@pytest.fixture
def short_max_length(nlp: Language) -> Iterator[Language]:
    """The session pipeline taking at most 120 characters at a time, for one test."""
    saved = nlp.max_length
    nlp.max_length = 120
    try:
        yield nlp
    finally:
        nlp.max_length = saved


@pytest.fixture(scope="module")
def whole_record(nlp: Language) -> Record:
    return extract(LONG_TEXT, nlp=nlp)


def test_a_text_too_long_for_spacy_is_cut_at_paragraphs_and_joined(
    whole_record: Record, short_max_length: Language
) -> None:
    assert len(LONG_TEXT) > short_max_length.max_length
    cut = extract(LONG_TEXT, nlp=short_max_length)
    assert_offsets_right(cut, LONG_TEXT)
    byd = next(e for e in cut.entities if e.name == "BYD")
    assert [m.start for m in byd.mentions] == [0, LONG_TEXT.rindex("BYD")]  # across pieces
    assert [f.text for f in cut.figures] == [
        "4 billion euros",
        "$7.3 billion",
        "100 GWh",
        "300,000 cars",
        "20%",
    ]
    assert cut.figures[-1].sentence.startswith("BYD sold 300,000 cars")
    assert summary(cut) == summary(whole_record)


@Language.component("explode_on_boom")
def explode_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("boom")
    return doc


def test_an_article_that_breaks_the_pipeline_fails_alone() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("explode_on_boom")
    info = PipelineInfo(evextract="0", model="blank", knowledge_base="off")
    batch = [article("a", "fine"), article("b", "BOOM"), article("c", "fine too")]
    results = extract_batch(batch, nlp, info)
    assert [type(r).__name__ for r in results] == ["Record", "ArticleError", "Record"]
    assert str(results[1]) == "b.txt: cannot process: boom"


@Language.component("die_on_die")
def die_on_die(doc: Doc) -> Doc:
    if "DIE" in doc.text:
        os._exit(1)  # a worker killed mid-batch (out of memory, say)
    return doc


def test_a_dead_worker_stops_the_run_with_a_library_error() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("die_on_die")
    items = [article(f"a{n}", "DIE" if n == 30 else "fine") for n in range(40)]
    results = extract_articles(items, nlp, jobs=2)
    with pytest.raises(WorkerError, match="a worker process died"):
        list(results)


def test_an_article_whose_record_is_current_is_skipped(tmp_path: Path, nlp: Language) -> None:
    first = article("a", "Nio delivered 20,000 cars.")
    (record,) = extract_articles([first], nlp)
    assert isinstance(record, Record) and record.pipeline is not None
    write_record(record, tmp_path, first.source)
    changed = article("a", "Nio delivered 30,000 cars.")
    results = list(skip_current([first, changed], tmp_path, record.pipeline))
    assert results == [Skipped(first.source), changed]


FUZZ = settings(max_examples=25, derandomize=True, deadline=None)


@FUZZ
@given(st.text(max_size=300))
def test_any_text_gives_a_valid_record(nlp: Language, text: str) -> None:
    record = extract(text, nlp=nlp)
    Record.model_validate(record.model_dump())
    assert_offsets_right(record, text)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_give_a_valid_record_or_say_they_are_not_text(nlp: Language, data: bytes) -> None:
    try:
        record = extract(data, nlp=nlp)
    except ArticleError as error:  # the library's own, documented refusal
        assert error.reason in {
            "looks like a binary file (NUL bytes), not text",
            "cannot tell the text's encoding",
        } or error.reason.startswith("invalid utf-16")
        return
    Record.model_validate(record.model_dump())
