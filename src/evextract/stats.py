"""`evextract stats`: a summary of a corpus of records.

`corpus_stats` is pure (the same dict `--json` prints); `render_stats` draws it
with Rich on the console it is given.

>>> from evextract.records import Entity, Mention, Record
>>> byd = Entity(id="kb:byd", type="company", name="BYD",
...     mentions=[Mention(text="BYD", start=0, end=3), Mention(text="BYD", start=9, end=12)])
>>> stats = corpus_stats([Record(id="a", source="a.txt", sha256="0", title="t", entities=[byd])])
>>> stats["articles"], stats["entities_by_type"], stats["most_mentioned"]["company"]
(1, {'company': 1}, [{'name': 'BYD', 'id': 'kb:byd', 'mentions': 2, 'articles': 1}])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .records import Record

if TYPE_CHECKING:
    from rich.console import Console

TOP = 10
# The groups whose most-mentioned entities are listed, and the types in each.
GROUPS = {"company": ("company",), "person": ("person",), "place": ("city", "region", "country")}
_PLURALS = {"company": "companies", "person": "people", "place": "places"}


def corpus_stats(records: Iterable[Record], *, top: int = TOP) -> dict[str, Any]:
    """Counts over the records: articles, entities by type, the most-mentioned companies,
    people and places, figures by kind and money by currency, articles with warnings."""
    articles = 0
    entity_types: Counter[str] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()  # (group, entity id)
    in_articles: Counter[tuple[str, str]] = Counter()
    names: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    currencies: Counter[str] = Counter()
    roles = partnerships = 0
    warned: list[dict[str, Any]] = []
    for record in records:
        articles += 1
        for entity in record.entities:
            entity_types[entity.type] += 1
            group = _group(entity.type)
            if group is not None:
                names.setdefault(entity.id, entity.name)
                mentions[group, entity.id] += len(entity.mentions)
                in_articles[group, entity.id] += 1
        kinds.update(figure.kind for figure in record.figures)
        currencies.update(f.currency for f in record.figures if f.kind == "money" and f.currency)
        roles += len(record.roles)
        partnerships += len(record.partnerships)
        if record.warnings:
            warned.append({"source": record.source, "id": record.id, "warnings": record.warnings})
    return {
        "articles": articles,
        "entities_by_type": dict(entity_types.most_common()),
        "most_mentioned": {
            group: _most_mentioned(group, mentions, in_articles, names, top) for group in GROUPS
        },
        "figures_by_kind": dict(kinds.most_common()),
        "money_by_currency": dict(currencies.most_common()),
        "roles": roles,
        "partnerships": partnerships,
        "articles_with_warnings": warned,
    }


def _group(entity_type: str) -> str | None:
    return next((group for group, types in GROUPS.items() if entity_type in types), None)


def _most_mentioned(
    group: str,
    mentions: Counter[tuple[str, str]],
    in_articles: Counter[tuple[str, str]],
    names: dict[str, str],
    top: int,
) -> list[dict[str, Any]]:
    ranked = sorted(
        (key for key in mentions if key[0] == group),
        key=lambda key: (-mentions[key], -in_articles[key], names[key[1]]),
    )
    return [
        {
            "name": names[id_],
            "id": id_,
            "mentions": mentions[g, id_],
            "articles": in_articles[g, id_],
        }
        for g, id_ in ranked[:top]
    ]


def render_stats(stats: dict[str, Any], console: Console) -> None:
    """The summary as Rich tables."""
    from rich.table import Table

    overview = Table(title=f"evextract stats: {stats['articles']} articles")
    overview.add_column("what")
    overview.add_column("count", justify="right")
    for kind, count in stats["entities_by_type"].items():
        overview.add_row(f"entities: {kind}", str(count))
    for kind, count in stats["figures_by_kind"].items():
        overview.add_row(f"figures: {kind}", str(count))
    for currency, count in stats["money_by_currency"].items():
        overview.add_row(f"  money in {currency}", str(count))
    overview.add_row("roles", str(stats["roles"]))
    overview.add_row("partnerships", str(stats["partnerships"]))
    console.print(overview)
    for group, ranked in stats["most_mentioned"].items():
        table = Table(title=f"most-mentioned {_PLURALS[group]}")
        for column in ("name", "id", "mentions", "articles"):
            table.add_column(
                column, justify="right" if column in {"mentions", "articles"} else "left"
            )
        for row in ranked:
            table.add_row(row["name"], row["id"], str(row["mentions"]), str(row["articles"]))
        console.print(table)
    warned = stats["articles_with_warnings"]
    console.print(f"articles with warnings: {len(warned)}", highlight=False)
    for article in warned:
        for warning in article["warnings"]:
            console.print(f"  {article['source']}: {warning}", highlight=False, markup=False)
