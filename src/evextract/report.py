"""Rich rendering of an evaluation report, for `evextract evaluate` (stdout)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .evaluate import PRF, Report


def render_report(report: Report, *, details: bool = False, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="evextract evaluate", show_header=True)
    for column in ("what", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "what" else "right")
    rows: list[tuple[str, PRF]] = [("entities (all)", report.entities)]
    rows += [("entities (types merged)", report.entities_merged)]
    rows += [(f"  group {name}", prf) for name, prf in report.entities_by_group.items()]
    rows += [(f"  {name}", prf) for name, prf in report.entities_by_type.items()]
    rows += [("figures", report.figures), ("roles", report.roles)]
    rows += [("partnerships", report.partnerships)]
    for name, prf in rows:
        table.add_row(name, *_scores(prf))
    console.print(table)
    for name, accuracy in (
        ("unit accuracy", report.unit_accuracy),
        ("qualifier accuracy", report.qualifier_accuracy),
        ("range accuracy", report.range_accuracy),
        ("title accuracy", report.title_accuracy),
    ):
        console.print(f"{name}: {'n/a' if accuracy is None else f'{accuracy:.3f}'}")
    for warning in report.warnings:
        console.print(f"[yellow]warning[/]: {warning}", highlight=False)
    if details:
        _render_details(report, console)


def _scores(prf: PRF) -> list[str]:
    return [
        f"{prf.precision:.3f}",
        f"{prf.recall:.3f}",
        f"{prf.f1:.3f}",
        str(prf.tp),
        str(prf.fp),
        str(prf.fn),
    ]


def _render_details(report: Report, console: Console) -> None:
    for article in report.articles:
        misses, extras = article.misses, article.false_positives
        lines = [f"  miss {e.type}: {e.name}" for e in misses.entities]
        lines += [f"  extra {e.type}: {e.name}" for e in extras.entities]
        lines += [
            f"  miss figure {f.kind} {f.value:g} {f.currency or ''} ({f.text})"
            for f in misses.figures
        ]
        lines += [
            f"  extra figure {f.kind} {f.value:g} {f.currency or ''} ({f.text})"
            for f in extras.figures
        ]
        lines += [f"  miss role: {r.person} / {r.title} / {r.organization}" for r in misses.roles]
        lines += [f"  extra role: {r.person} / {r.title} / {r.organization}" for r in extras.roles]
        lines += [f"  miss partnership: {p.parties}" for p in misses.partnerships]
        lines += [f"  extra partnership: {p.parties}" for p in extras.partnerships]
        if lines:
            console.print(f"[bold]{article.id}[/]", highlight=False)
            for line in lines:
                console.print(line, highlight=False, markup=False)
