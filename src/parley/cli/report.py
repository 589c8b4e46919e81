"""The readable text report of ``parley analyze``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parley.cli.events_table import print_event_table
from parley.cli.query import print_table
from parley.types import Agreement, ArticleResult, Place, Quote

#: How each kind of quote is printed: direct speech in double quotes, a partial quote (a few
#: words quoted inside reported speech) in single quotes, reported speech bare.
QUOTE_MARKS = {"direct": ("“", "”"), "partial": ("‘", "’"), "indirect": ("", "")}
QUOTE_LEGEND = (
    "“…” direct quote · ‘…’ partial quote · unmarked: reported (indirect) speech · "
    "the id before each quote is what the Events table's “as” column refers to"
)


def print_report(result: ArticleResult, console: Console) -> None:
    """The readable report of one article: each part printed only when it has something."""
    _print_heading(result, console)
    _print_quotes(result, console)
    if result.actors:
        _print_actors(result, console)
    if result.places:
        _print_places(result, console)
    if result.dates:
        _print_dates(result, console)
    print_event_table(result, console)
    print_negotiation_tables(result, console)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")


def _print_heading(result: ArticleResult, console: Console) -> None:
    article = result.article
    heading = article.title or article.id
    console.rule(f"[bold]{heading}")
    meta = [f"id {article.id}"]
    if article.published:
        meta.append(f"published {article.published.isoformat()}")
    if article.url:
        meta.append(article.url)
    console.print(" · ".join(meta), style="dim")


def _print_quotes(result: ArticleResult, console: Console) -> None:
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in result.quotes:
        by_speaker[quote.speaker.name if quote.speaker else "(unattributed)"].append(quote)
    console.print(f"\n[bold]Quotes[/bold] ({len(result.quotes)})")
    if result.quotes:
        console.print(QUOTE_LEGEND, style="dim", highlight=False, soft_wrap=not console.is_terminal)
    for speaker, quotes in by_speaker.items():
        console.print(f"[bold cyan]{escape(speaker)}[/bold cyan]")
        for q in quotes:
            text = q.text if len(q.text) < 300 else q.text[:297] + "…"
            opening, closing = QUOTE_MARKS[q.kind]
            cue = f", {q.cue}" if q.cue else ""
            console.print(
                f"  [dim]{escape(q.id)}[/dim] {escape(opening + text + closing)}  "
                f"[dim]({q.kind}{escape(cue)})[/dim]",
                highlight=False,
                soft_wrap=not console.is_terminal,  # one line per quote in a file
            )


def _print_actors(result: ArticleResult, console: Console) -> None:
    table = Table(title="Actors", title_justify="left", show_lines=False)
    for column in ("name", "kind", "title", "country", "mentions"):
        table.add_column(column)
    for actor in result.actors:
        table.add_row(
            actor.name,
            actor.kind,
            actor.title or "",
            actor.country or "",
            str(len(actor.mentions)),
        )
    print_table(console, table)


def _print_places(result: ArticleResult, console: Console) -> None:
    table = Table(title="Places", title_justify="left")
    for column in ("place", "kind", "country", "coordinates", "mentions"):
        table.add_column(column)
    seen: dict[tuple[str, str | None], list[Place]] = {}
    for place in result.places:
        seen.setdefault((place.name, place.country), []).append(place)
    for (name, country), mentions in seen.items():
        first = mentions[0]
        where = (
            f"{first.latitude:.3f}, {first.longitude:.3f}"
            if first.latitude is not None and first.longitude is not None
            else ""
        )
        table.add_row(escape(name), first.kind or "", country or "", where, str(len(mentions)))
    print_table(console, table)


def _print_dates(result: ArticleResult, console: Console) -> None:
    table = Table(title="Dates", title_justify="left")
    table.add_column("expression")
    table.add_column("type")
    table.add_column("value")
    for d in result.dates:
        # A duration, a recurrence or "now" has no calendar value: its TimeML value says it.
        shown = d.value or d.timex or "(unresolved: no publication date)"
        if d.deadline:
            shown += f" (deadline {d.deadline})"
        table.add_row(d.text, d.type or "", shown)
    print_table(console, table)


# -- casualties, amounts, agreements, conditions (issue 3, items 5-6) ------------------------


def _bound(low: int | None, high: int | None) -> str:
    """ "2", "≥ 101", "≤ 49", "10-20" or "" for a count with bounds."""
    if low is None and high is None:
        return ""
    if low == high:
        return str(low)
    if high is None:
        return f"≥ {low}"
    if low is None:
        return f"≤ {high}"
    return f"{low}-{high}"


def _cell(text: str | None, limit: int = 80) -> str:
    from rich.markup import escape

    text = text or ""
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def print_negotiation_tables(result: ArticleResult, console: Console) -> None:
    """Casualties, amounts, agreements and conditions as readable tables (empty ones omitted)."""
    if result.casualties:
        table = Table(title="Casualties", title_justify="left")
        columns = ("killed", "injured", "missing", "arrested", "perpetrator", "where", "date")
        for column in (*columns, "text"):
            table.add_column(column)
        for cas in result.casualties:
            n = cas.counts
            where = ", ".join(
                f"{p.name} ({p.country})" if p.country else p.name for p in cas.locations
            )
            table.add_row(
                _bound(n.killed_min, n.killed_max),
                _bound(n.injured_min, n.injured_max),
                _bound(n.missing_min, n.missing_max),
                _bound(n.arrested_min, n.arrested_max),
                n.perpetrator or "",
                _cell(where),
                cas.date or "",
                _cell(cas.text, 60),
            )
        print_table(console, table)
    if result.amounts:
        table = Table(title="Amounts", title_justify="left")
        for column in ("amount", "value", "unit", "measures"):
            table.add_column(column)
        for a in result.amounts:
            value = "" if a.value is None else f"{a.value:,.10g}"
            table.add_row(_cell(a.text), value, a.unit or "", _cell(a.measures))
        print_table(console, table)
    if result.agreements:
        table = Table(title="Agreements", title_justify="left")
        headings = ("kind", "status", "parties", "due", "steps still required", "said by", "text")
        for column in headings:
            table.add_column(column)
        for g in result.agreements:
            due = f"{g.due} ({g.due_text})" if g.due else ""
            status = f"{g.status} {g.date}" if g.date else g.status
            table.add_row(
                g.kind,
                status,
                ", ".join(g.parties),
                _cell(due),
                _cell("; ".join(g.steps)),
                _cell(g.said_by),
                _cell(g.text, 50),
            )
        print_table(console, table)
        _print_milestones(console, result.agreements)
    if result.conditions:
        table = Table(title="Conditions, demands and ultimatums", title_justify="left")
        for column in ("party", "kind", "items", "deadline", "said by"):
            table.add_column(column)
        for cond in result.conditions:
            items = "\n".join(f"• {_cell(item)}" for item in cond.items)
            table.add_row(
                cond.party or "", cond.kind, items, _cell(cond.deadline), _cell(cond.said_by)
            )
        print_table(console, table)


def _print_milestones(console: Console, agreements: Sequence[Agreement]) -> None:
    """Each agreement's steps, one row a mention: what happened or is to come, when, who said."""
    if not any(len(g.milestones) > 1 for g in agreements):
        return
    table = Table(title="Agreement steps", title_justify="left")
    for column in ("agreement", "step", "status", "date", "said by", "text"):
        table.add_column(column)
    for g in agreements:
        for m in g.milestones:
            when = f"{m.date} ({m.date_text})" if m.date else ""
            table.add_row(
                f"{g.id} {g.kind}",
                m.step,
                m.status,
                _cell(when),
                _cell(m.said_by),
                _cell(m.text, 50),
            )
    print_table(console, table)
