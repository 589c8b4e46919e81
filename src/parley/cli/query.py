"""``parley quotes|actors|actor|events|timeline|agreements|stats``: query the store.

Each command is a thin shell over a :class:`parley.store.Store` method and prints a table, JSON
or CSV (``--format``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from parley.cli._app import app, err_console
from parley.errors import NotFound, ParleyError

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store URL: sqlite:///parley.db (default, or PARLEY_DB) or postgresql://..."
    ),
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date on (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=1000, help="Rows per page.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]


class Fmt(str, Enum):  # noqa: UP042 (Typer choices)
    table = "table"
    json = "json"
    csv = "csv"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="table (readable), json or csv.")]


@contextmanager
def open_store(db: str | None) -> Iterator[Any]:
    """The store for ``--db`` (or PARLEY_DB); errors become a message and exit status 2.

    A missing SQLite file is refused (not created): these commands only read.
    """
    from parley.config import get_settings
    from parley.store import Store

    err = err_console()
    try:
        store = Store.from_url(get_settings().with_overrides(db=db).db, create=False)
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    try:
        yield store
    except NotFound as exc:
        err.print(f"[red]not found:[/red] {exc}")
        raise typer.Exit(1) from exc
    except (ParleyError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: Fmt,
    *,
    payload: Any = None,
    title: str | None = None,
    footer: str | None = None,
) -> None:
    """Print ``rows`` as a Rich table, CSV (``columns`` only) or JSON (``payload`` or rows)."""
    if fmt is Fmt.json:
        sys.stdout.write(
            json.dumps(payload if payload is not None else list(rows), ensure_ascii=False, indent=1)
            + "\n"
        )
        return
    if fmt is Fmt.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return
    console = Console()
    table = Table(title=title, title_justify="left")
    for c in columns:
        table.add_column(c, overflow="fold", header_style="bold", no_wrap=False, min_width=len(c))
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    print_table(console, table)
    if footer:
        console.print(footer, style="dim", soft_wrap=not console.is_terminal)


def print_table(console: Console, table: Table) -> None:
    """Print ``table``: fitted to a terminal's width; in a file or a pipe at its natural width,
    so no header or cell is broken into pieces (``sou/rce/_na/me``)."""
    if console.is_terminal:
        console.print(table)
        return
    from rich.measure import Measurement

    natural = Measurement.get(console, console.options.update_width(100_000), table).maximum
    narrow = console.width
    console.width = max(natural, 20)  # print() caps any width it is given at the console's
    try:
        console.print(table, crop=False)
    finally:
        console.width = narrow


def _footer(page: Any) -> str:
    shown = len(page.items)
    more = f"; next page: --offset {page.next_offset}" if page.next_offset is not None else ""
    return f"{shown} of {page.count}{more}"


def _quote_row(q: dict[str, Any]) -> dict[str, Any]:
    sources = q.get("sources") or []
    changed = [
        f"{src.get('source') or src['doc_id']}: "
        + "; ".join(
            f"{e['from']!r}→{e['to']!r}" for e in (src.get("changes") or {}).get("edits", [])
        )
        for src in sources
        if src.get("changes")
    ]
    return {
        **{k: v for k, v in q.items() if k != "sources"},
        "outlets": ", ".join(sorted({s.get("source") or s["doc_id"] for s in sources})),
        "changes": " | ".join(changed),
    }


@app.command("quotes")
def quotes_cli(
    *,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words the quote contains.")
    ] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker name or alias.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Speaker's country (ISO alpha-3).")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, partial or indirect.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Search the stored quotes; the same quote from several outlets is one row.

    A quote whose wording differs between outlets is marked ``altered``; ``changes`` says which
    outlet changed which words.

    Example:
        parley quotes --speaker Trump --search virus --since 2020-01-01
        parley quotes --search election --format csv > quotes.csv
    """
    with open_store(db) as store:
        page = store.search_quotes(
            text=search,
            speaker=speaker,
            country=country,
            since=since,
            until=until,
            kind=kind,
            limit=limit,
            offset=offset,
        )
        data = page.to_dict()
        rows = [_quote_row(q) for q in data["items"]]
        columns = (
            ["first_published", "speaker_name", "text", "source_count", "altered"]
            if fmt is Fmt.table
            else [
                "first_published",
                "speaker_name",
                "text",
                "kind",
                "source_count",
                "altered",
                "outlets",
                "changes",
                "id",
            ]
        )
        emit(rows, columns, fmt, payload=data, title="Quotes", footer=_footer(page))


@app.command("actors")
def actors_cli(
    *,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Part of a name or alias.")
    ] = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """List the actors resolved across articles, most documented first.

    Example:
        parley actors --search sanders
    """
    with open_store(db) as store:
        page = store.list_actors(search=search, limit=limit, offset=offset)
        data = page.to_dict()
        columns = ["name", "kind", "country", "title", "documents", "quotes"]
        emit(
            data["items"],
            columns if fmt is Fmt.table else [*columns, "key"],
            fmt,
            payload=data,
            title="Actors",
            footer=_footer(page),
        )


@app.command("actor")
def actor_cli(
    name: Annotated[str, typer.Argument(help="Actor key (from `parley actors`) or name.")],
    *,
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Show one actor: names, titles, country, quotes over time and events.

    Example:
        parley actor "Bernie Sanders"
    """
    with open_store(db) as store:
        detail = store.get_actor(name)
        data = detail.to_dict()
        if fmt is not Fmt.table:
            rows = [_quote_row(q) for q in data["quotes"]]
            emit(
                rows,
                ["first_published", "text", "kind", "source_count", "altered", "outlets", "id"],
                fmt,
                payload=data,
            )
            return
        console = Console()
        console.rule(f"[bold]{detail.name}")
        console.print(
            f"{detail.kind} · {detail.country or 'country unknown'} · "
            f"{detail.documents} document(s) · "
            f"{detail.quote_count} quote(s) · key {detail.key}",
            style="dim",
        )
        if detail.names:
            console.print("[bold]Names:[/bold] " + "; ".join(detail.names))
        if detail.titles:
            console.print("[bold]Titles:[/bold] " + "; ".join(detail.titles))
        emit(
            [d.to_dict() for d in detail.quotes_over_time],
            ["day", "count"],
            fmt,
            title="Quotes over time",
        )
        emit(
            [_quote_row(q) for q in data["quotes"][:50]],
            ["first_published", "text", "kind", "source_count", "altered"],
            fmt,
            title="Quotes",
        )
        events = [e | {"role": "source"} for e in data["events_as_source"]] + [
            e | {"role": "target"} for e in data["events_as_target"]
        ]
        if events:
            emit(
                events,
                ["day", "role", "code", "label", "source_name", "target_name", "num_sources"],
                fmt,
                title="Events",
            )


@app.command("events")
def events_cli(
    *,
    code: Annotated[
        str | None, typer.Option("--code", help="CAMEO code or prefix (19 = fights).")
    ] = None,
    dyad: Annotated[
        str | None, typer.Option("--dyad", help="Two countries, either direction: USA-CHN.")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor key or name.")] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Place name or ISO alpha-3 country.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """List events deduplicated across articles, with mention and source counts.

    Example:
        parley events --dyad USA-CHN --since 2020-01-01
    """
    with open_store(db) as store:
        page = store.list_events(
            code=code,
            dyad=dyad,
            actor=actor,
            since=since,
            until=until,
            place=place,
            limit=limit,
            offset=offset,
        )
        data = page.to_dict()
        emit(
            data["items"],
            [
                "day",
                "code",
                "label",
                "source_name",
                "source_country",
                "target_name",
                "target_country",
                "place_name",
                "goldstein",
                "num_mentions",
                "num_sources",
                "num_articles",
                "id",
            ],
            fmt,
            payload=data,
            title="Events",
            footer=_footer(page),
        )


@app.command("timeline")
def timeline_cli(
    *,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor key or name.")] = None,
    dyad: Annotated[
        str | None, typer.Option("--dyad", help="Two countries, either direction: USA-CHN.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Events and quotes per day, with the Goldstein sum per QuadClass.

    QuadClass 1 is verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict. With --dyad, quotes are those of speakers from either country.

    Example:
        parley timeline --dyad USA-IRN --since 2020-01-01
        parley timeline --actor "Joe Biden" --format csv
    """
    with open_store(db) as store:
        days = store.timeline(actor=actor, dyad=dyad, since=since, until=until)
        payload = [d.to_dict() for d in days]
        rows = [
            {
                "day": d["day"],
                "events": d["events"],
                "quotes": d["quotes"],
                **{f"goldstein_q{q}": d["goldstein"].get(str(q), 0.0) for q in (1, 2, 3, 4)},
                "goldstein_total": round(sum(d["goldstein"].values()), 3),
            }
            for d in payload
        ]
        emit(
            rows,
            [
                "day",
                "events",
                "quotes",
                "goldstein_q1",
                "goldstein_q2",
                "goldstein_q3",
                "goldstein_q4",
                "goldstein_total",
            ],
            fmt,
            payload=payload,
            title="Timeline",
        )


@app.command("agreements")
def agreements_cli(*, db: DbOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Agreements under negotiation: status, due date (overdue ones marked), parties, conditions.

    Example:
        parley agreements --format json
    """
    with open_store(db) as store:
        rows = [a.to_dict() for a in store.list_agreements()]
        emit(
            rows,
            ["due", "overdue", "status", "kind", "text", "parties", "title", "doc_id"],
            fmt,
            title="Agreements",
        )


@app.command("stats")
def stats_cli(*, db: DbOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Counts of what the store holds (documents, actors, quotes, events, failures...).

    Example:
        parley stats --db postgresql://parley@127.0.0.1/news
    """
    with open_store(db) as store:
        stats = store.stats()
        emit(
            [{"table": k, "rows": v} for k, v in stats.items()],
            ["table", "rows"],
            fmt,
            payload=stats,
            title="Store",
        )
