"""The readable text report of ``parley analyze``."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table

from parley.types import ArticleResult, Quote


def print_report(result: ArticleResult, console: Console) -> None:
    article = result.article
    heading = article.title or article.id
    console.rule(f"[bold]{heading}")
    meta = [f"id {article.id}"]
    if article.published:
        meta.append(f"published {article.published.isoformat()}")
    if article.url:
        meta.append(article.url)
    console.print(" · ".join(meta), style="dim")

    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in result.quotes:
        by_speaker[quote.speaker.name if quote.speaker else "(unattributed)"].append(quote)
    console.print(f"\n[bold]Quotes[/bold] ({len(result.quotes)})")
    for speaker, quotes in by_speaker.items():
        console.print(f"[bold cyan]{speaker}[/bold cyan]")
        for q in quotes:
            mark = {"direct": "“”", "partial": "‘’", "indirect": "~"}[q.kind]
            text = q.text if len(q.text) < 300 else q.text[:297] + "…"
            console.print(f"  {mark} {text}  [dim]({q.kind}{', ' + q.cue if q.cue else ''})[/dim]")

    if result.actors:
        table = Table(title="Actors", title_justify="left", show_lines=False)
        for column in ("name", "kind", "title", "country", "mentions"):
            table.add_column(column)
        for actor in result.actors:
            table.add_row(
                actor.name, actor.kind, actor.title or "", actor.country or "", str(len(actor.mentions))
            )
        console.print(table)
    if result.dates:
        table = Table(title="Dates", title_justify="left")
        table.add_column("expression")
        table.add_column("value")
        for d in result.dates:
            table.add_row(d.text, d.value or "(unresolved: no publication date)")
        console.print(table)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
