"""The events table of the text report (``parley analyze --format text``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parley.types import ArticleResult, EventActor


def _actor(actor: EventActor | None) -> str:
    if actor is None:
        return "?"
    return escape(f"{actor.name} ({actor.country})" if actor.country else actor.name)


def print_event_table(result: ArticleResult, console: Console) -> None:
    """Who did what to whom: one row per event (nothing when there is none)."""
    if not result.events:
        return
    table = Table(title="Events", title_justify="left")
    for column in ("code", "event", "who → whom", "when, where", "as"):
        table.add_column(column)
    for e in result.events:
        who = _actor(e.source) + (
            " → " + ", ".join(_actor(t) for t in e.targets) if e.targets else ""
        )
        when = f"{e.date or ''}{' (pub.)' if e.date_source == 'published' else ''}"
        if e.places:
            when += "\n" + escape(", ".join(p.name for p in e.places))
        how = e.modality + (f" ({e.quote_id})" if e.quote_id else "")
        table.add_row(f"{e.code}\n{e.plover_type or ''}", escape(e.label), who, when, how)
    console.print(table)
