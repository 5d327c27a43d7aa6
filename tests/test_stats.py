"""`stats`: counts over a corpus of records, as a dict and as Rich tables."""

from __future__ import annotations

from rich.console import Console

from evextract.stats import corpus_stats, render_stats

from .test_export import CORPUS

RECORDS = [entry.record for entry in CORPUS]


def test_the_summary_counts_entities_figures_and_warnings() -> None:
    stats = corpus_stats(RECORDS)
    assert stats["articles"] == 3
    assert stats["entities_by_type"] == {"company": 5, "person": 3}
    assert stats["figures_by_kind"] == {"money": 4, "quantity": 1, "percent": 1}
    assert stats["money_by_currency"] == {"CNY": 3, "USD": 1}
    assert (stats["roles"], stats["partnerships"]) == (4, 1)
    assert stats["articles_with_warnings"] == [
        {"source": "news/nio.txt", "id": "nio", "warnings": ["not UTF-8: decoded as cp1252"]}
    ]


def test_the_most_mentioned_are_ranked_by_mentions_then_articles() -> None:
    companies = corpus_stats(RECORDS)["most_mentioned"]["company"]
    assert [(c["name"], c["mentions"], c["articles"]) for c in companies] == [
        ("BYD", 3, 2),
        ("NIO", 2, 2),
        ("CATL", 1, 1),
    ]
    assert corpus_stats(RECORDS, top=1)["most_mentioned"]["person"] == [
        {"name": "Li Bin", "id": "p:libin", "mentions": 1, "articles": 1}
    ]
    assert corpus_stats(RECORDS)["most_mentioned"]["place"] == []


def test_the_tables_show_the_counts() -> None:
    console = Console(record=True, width=100)
    render_stats(corpus_stats(RECORDS), console)
    text = " ".join(console.export_text().split())  # a title wraps over a narrow table
    assert "evextract stats: 3 articles" in text
    assert "most-mentioned companies" in text and "most-mentioned people" in text
    assert "money in CNY" in text
    assert "news/nio.txt: not UTF-8: decoded as cp1252" in text


def test_an_empty_corpus_is_all_zeros() -> None:
    stats = corpus_stats([])
    assert stats["articles"] == 0 and stats["most_mentioned"]["company"] == []
