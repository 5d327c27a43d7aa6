"""An article's text with its entities and figures highlighted, by displaCy in manual mode.

Each mention and figure is one displaCy span, drawn by our own `template` (the
`ent` style's option for a span's markup); its `params` carry the tooltip that
hovering it shows: the canonical name, type, id and aliases of an entity; the
normalized value, currency or unit, qualifier, range and converted figure of a
figure. displaCy draws no overlapping spans, so where two overlap the first
(the longer, at one start) is kept; the tables list everything.

>>> from evextract.records import Figure, Record
>>> f1 = Figure(id="f1", kind="money", value=5e9, currency="USD", qualifier="approx",
...     text="about $5 billion", start=13, end=29, sentence="")
>>> record = Record(id="a", source="a", sha256="0", title="t", figures=[f1])
>>> html = highlighted(record, "Tesla raised about $5 billion.")
>>> 'data-ref="f1"' in html, "5,000,000,000 USD" in html, "qualifier: approx" in html
(True, True, True)
"""

from __future__ import annotations

from html import escape
from typing import Any

from .records import Entity, Figure, Record

# The markup of one span; {label}, {text}, {bg} and {kb_link} are displaCy's, the rest
# come from each span's params. Hovering (or focusing) the mark shows its .ev-tip.
TEMPLATE = (
    '<mark class="ev ev-{kind}" data-ref="{ref}" tabindex="0" style="background: {bg}">'
    '{text}<span class="ev-label">{label}</span>'
    '<span class="ev-tip" role="tooltip">{tip}</span></mark>'
)
COLORS = {
    "PERSON": "#f9c6d0",
    "COMPANY": "#a6d8ff",
    "ORGANIZATION": "#c9c4ff",
    "CITY": "#c8f0c0",
    "REGION": "#ddf5a8",
    "COUNTRY": "#b8ecd8",
    "FACILITY": "#ffe0a8",
    "MONEY": "#ffd166",
    "PERCENT": "#ffb38a",
    "QUANTITY": "#f0e68c",
}


def highlighted(record: Record, text: str) -> str:
    """The text as HTML, each entity mention and figure a highlighted span with a tooltip."""
    from spacy import displacy

    figures = {figure.id: figure for figure in record.figures}
    spans = [
        _entity_span(entity, m.start, m.end) for entity in record.entities for m in entity.mentions
    ]
    spans += [_figure_span(figure, figures) for figure in record.figures]
    parsed = {"text": text, "ents": _without_overlaps(spans, len(text)), "title": None}
    options = {"template": TEMPLATE, "colors": COLORS}
    return str(displacy.render(parsed, style="ent", manual=True, options=options, jupyter=False))


def _without_overlaps(spans: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    end = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if span["start"] >= end and 0 <= span["start"] < span["end"] <= length:
            kept.append(span)
            end = span["end"]
    return kept


def _entity_span(entity: Entity, start: int, end: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "label": entity.type.upper(),
        "params": {"kind": "entity", "ref": escape(entity.id), "tip": entity_tip(entity)},
    }


def _figure_span(figure: Figure, figures: dict[str, Figure]) -> dict[str, Any]:
    return {
        "start": figure.start,
        "end": figure.end,
        "label": figure.kind.upper(),
        "params": {"kind": "figure", "ref": escape(figure.id), "tip": figure_tip(figure, figures)},
    }


def entity_tip(entity: Entity) -> str:
    """An entity's tooltip: canonical name, type, id, country and aliases."""
    lines = [f"<b>{escape(entity.name)}</b>", f"{entity.type} · {escape(entity.id)}"]
    if entity.country:
        lines.append(f"country: {escape(entity.country)}")
    if entity.aliases:
        lines.append(f"aliases: {escape(', '.join(entity.aliases))}")
    return "<br>".join(lines)


def figure_tip(figure: Figure, figures: dict[str, Figure]) -> str:
    """A figure's tooltip: value with currency or unit, qualifier, range, what it converts."""
    measure = figure.currency or ("%" if figure.kind == "percent" else figure.unit) or ""
    lines = [f"<b>{number(figure.value)} {escape(measure)}</b>".replace(" </b>", "</b>")]
    lines.append(f"{figure.kind} · {escape(figure.id)}")
    if figure.value_max is not None:
        lines.append(f"range: {number(figure.value)} – {number(figure.value_max)}")
    if figure.qualifier:
        lines.append(f"qualifier: {figure.qualifier}")
    if figure.equivalent_of:
        original = figures.get(figure.equivalent_of)
        what = f": {escape(original.text)}" if original is not None else ""
        lines.append(f"converts {escape(figure.equivalent_of)}{what}")
    facts = [(name, getattr(figure, name)) for name in ("subject", "metric", "period", "place")]
    lines += [f"{name}: {escape(value)}" for name, value in facts if value]
    return "<br>".join(lines)


def number(value: float) -> str:
    """A value as people read it.

    >>> number(260000000000), number(36.28), number(1.5e-3)
    ('260,000,000,000', '36.28', '0.0015')
    """
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}" if abs(value) >= 1e-4 else f"{value:g}"
