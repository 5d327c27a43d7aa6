"""`evextract render`: a self-contained HTML review page of a corpus. Never prints.

One page holds an index (each article's title, date and counts, linking to it)
and then every article: its warnings, its text with entities and figures
highlighted (`highlight.py`: displaCy, hover tooltips), and beside it tables of
its entities, figures with their facts, roles and partnerships. `write_site`
writes one such page per article and an index page instead. No script, no
external asset: the styles are inline, and the page opens without a network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from .highlight import COLORS, highlighted, number

if TYPE_CHECKING:
    from pathlib import Path

    from .inputs import Entry
    from .records import Record

NO_TEXT = (
    "The article's text was not found (its file is gone or has changed since the record"
    " was made), so only the tables are shown."
)
STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem 2rem;max-width:110rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin:0}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0 1rem}
th,td{border:1px solid #ddd;padding:.15rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.n{text-align:right}
section.article{border-top:3px solid #888;padding:1rem 0;content-visibility:auto;
contain-intrinsic-size:auto 1500px}
.meta{color:#666;font-size:.85rem;margin:.2rem 0 .6rem}
.warnings{background:#fff3cd;border:1px solid #e0c060;padding:.3rem 1.5rem;font-size:.9rem}
.missing{color:#a00}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
@media (max-width:70rem){.columns{grid-template-columns:1fr}}
.text .entities{line-height:2.3}
.tables{overflow-x:auto}caption{text-align:left;font-weight:bold}
mark.ev{position:relative;padding:.1em .3em;border-radius:.3em;cursor:help}
mark.ev-figure{outline:2px solid #c77d00}
.ev-label{font-size:.6em;font-weight:bold;margin-left:.3em;vertical-align:middle;opacity:.7}
.ev-tip{display:none;position:absolute;left:0;top:100%;z-index:10;min-width:14rem;
background:#222;color:#fff;padding:.4rem .6rem;border-radius:.3rem;font-size:.8rem;
line-height:1.35;white-space:normal;box-shadow:0 2px 6px rgba(0,0,0,.3)}
mark.ev:hover .ev-tip,mark.ev:focus .ev-tip{display:block}
.legend span{padding:0 .4em;margin-right:.3em;border-radius:.3em;font-size:.8rem}
"""

FIGURE_COLUMNS = (
    "id", "text", "value", "unit", "qualifier", "subject", "metric", "period", "place", "converts",
)  # fmt: skip


@dataclass(frozen=True)
class Page:
    """One article's section, and what the index says of it."""

    anchor: str
    record: Record
    html: str


def render_page(entries: Iterable[Entry], *, title: str = "evextract review") -> str:
    """One HTML page: the index, then every article."""
    pages = [article_page(entry, n) for n, entry in enumerate(entries, 1)]
    body = _index(pages, lambda page: f"#{page.anchor}") + "".join(page.html for page in pages)
    return document(title, f"<h1>{escape(title)}</h1>{_legend()}{body}")


def write_page(entries: Iterable[Entry], path: Path, *, title: str = "evextract review") -> None:
    """The page of `render_page` written to `path` whole: a temporary file, then a rename."""
    import os

    from .errors import UsageError, shown

    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    page = render_page(entries, title=title)
    try:
        temporary.write_text(page, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UsageError(f"{shown(str(path))}: cannot write: {error.strerror or error}") from None


def write_site(entries: Iterable[Entry], folder: Path, *, title: str = "evextract review") -> int:
    """One page per article under `folder` (created if need be), and index.html linking
    them; returns the number of articles."""
    from .output import check_output_dir

    check_output_dir(folder, durable=False)
    pages: list[Page] = []
    names: dict[str, str] = {}
    for n, entry in enumerate(entries, 1):
        page = article_page(entry, n)
        names[page.anchor] = file_name(entry.record.id, set(names.values()))
        back = f'<p><a href="index.html">← {escape(title)}</a></p>'
        heading = escape(entry.record.title or entry.record.id)
        content = f"{back}{_legend()}{page.html}"
        (folder / names[page.anchor]).write_text(document(heading, content), encoding="utf-8")
        pages.append(page)
    index = _index(pages, lambda page: names[page.anchor])
    (folder / "index.html").write_text(
        document(title, f"<h1>{escape(title)}</h1>{index}"), encoding="utf-8"
    )
    return len(pages)


def file_name(article_id: str, taken: set[str]) -> str:
    """A page's file name: the article id with unsafe characters replaced, made unique.

    >>> file_name("a", set()), file_name("a", {"a.html"}), file_name("x/../CON?", set())
    ('a.html', 'a-2.html', 'x_.._CON_.html')
    """
    stem = re.sub(r"[^\w.\-]", "_", article_id).strip(".") or "article"
    name, n = f"{stem}.html", 1
    while name.lower() in {t.lower() for t in taken} or name == "index.html":
        n += 1
        name = f"{stem}-{n}.html"
    return name


def document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _legend() -> str:
    keys = "".join(
        f'<span style="background:{c}">{label.lower()}</span>' for label, c in COLORS.items()
    )
    return f'<p class="legend">{keys} · hover a highlight for what evextract made of it</p>'


def _index(pages: Sequence[Page], link: Callable[[Page], str]) -> str:
    rows = "".join(
        f"<tr><td class=n>{n}</td>"
        f'<td><a href="{escape(link(page))}">{escape(page.record.title or page.record.id)}</a></td>'
        f"<td>{escape(page.record.published or '')}</td>"
        f"<td class=n>{len(page.record.entities)}</td><td class=n>{len(page.record.figures)}</td>"
        f"<td class=n>{len(page.record.roles)}</td><td class=n>{len(page.record.partnerships)}</td>"
        f"<td class=n>{len(page.record.warnings)}</td></tr>"
        for n, page in enumerate(pages, 1)
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("#", "title", "date", "entities", "figures", "roles", "partnerships", "warnings")
    )
    table = f'<table class="index"><tr>{head}</tr>{rows}</table>'
    return f'<nav id="index"><p>{len(pages)} articles</p>{table}</nav>'


def article_page(entry: Entry, n: int) -> Page:
    """One article's section: warnings, highlighted text, tables."""
    record = entry.record
    anchor = f"article-{n}"
    meta = " · ".join(
        escape(part) for part in (record.source, record.published or "no date", record.id)
    )
    warnings = list(record.warnings) + ([] if entry.text is not None else [NO_TEXT])
    listed = "".join(f"<li>{escape(w)}</li>" for w in warnings)
    text = highlighted(record, entry.text) if entry.text is not None else ""
    html = (
        f'<section class="article" id="{anchor}"><h2>{escape(record.title or record.id)}</h2>'
        f'<p class="meta">{meta}</p>'
        + (f'<ul class="warnings">{listed}</ul>' if listed else "")
        + f'<div class="columns"><div class="text">{text}</div>'
        f'<div class="tables">{_tables(record)}</div></div></section>'
    )
    return Page(anchor, record, html)


def _tables(record: Record) -> str:
    entities = [
        (e.name, e.type, e.id, ", ".join(e.aliases), e.country or "", str(len(e.mentions)))
        for e in record.entities
    ]
    figures = [
        (
            f.id,
            f.text,
            number(f.value) + ("" if f.value_max is None else f" – {number(f.value_max)}"),
            f.currency or f.unit or ("%" if f.kind == "percent" else ""),
            f.qualifier or "",
            f.subject or "",
            f.metric or "",
            f.period or "",
            f.place or "",
            f.equivalent_of or "",
        )
        for f in record.figures
    ]
    roles = [(r.person, r.title, r.organization or "") for r in record.roles]
    partnerships = [(" · ".join(p.parties), p.sentence or "") for p in record.partnerships]
    return (
        _table("entities", ("name", "type", "id", "aliases", "country", "mentions"), entities)
        + _table("figures", FIGURE_COLUMNS, figures)
        + _table("roles", ("person", "title", "organization"), roles)
        + _table("partnerships", ("parties", "sentence"), partnerships)
    )


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return f'<p class="meta">no {caption}</p>'
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="t-{caption}"><caption>{caption}</caption><tr>{header}</tr>{body}</table>'
