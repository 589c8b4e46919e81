"""Read queries over the store, written once for SQLite and PostgreSQL.

Every function takes an open ``Connection`` and returns :mod:`parley.store.models` objects.
Filters are bound parameters (never string concatenation); the only backend difference is
full-text search: FTS5 ``MATCH`` on SQLite, ``text_tsv @@ plainto_tsquery`` on PostgreSQL.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
)
from sqlalchemy import text as sql_text

from parley.errors import NotFound, StorageError
from parley.ingest.records import parse_published
from parley.store import linking
from parley.store import schema as s
from parley.store.models import (
    ActorDetail,
    ActorRow,
    AgreementRow,
    DayCount,
    DocumentDetail,
    DocumentRow,
    EventRow,
    Page,
    QuoteRow,
    QuoteSource,
    TimelineDay,
)

MAX_LIMIT = 1000
DONE_STATUSES = frozenset({"signed", "ratified", "collapsed", "implemented", "completed"})


def _page_args(limit: int, offset: int) -> tuple[int, int]:
    if not isinstance(limit, int) or limit < 1 or limit > MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, got {limit!r}")
    if not isinstance(offset, int) or offset < 0:
        raise ValueError(f"offset must be 0 or more, got {offset!r}")
    return limit, offset


def _day(value: date | str | None, what: str) -> date | None:
    try:
        return parse_published(value, what=what)
    except Exception as exc:  # IngestError: say it as a query error
        raise ValueError(str(exc)) from exc


def _page(items: list[Any], count: int, limit: int, offset: int) -> Page[Any]:
    nxt = offset + limit if offset + limit < count else None
    return Page(items=items, count=count, next_offset=nxt)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- actors lookups ------------------------------------------------------------------------


def actor_keys_matching(conn: Connection, name: str) -> list[str]:
    """Keys of actors whose key equals ``name`` or whose name/alias contains it."""
    name = name.strip()
    if not name:
        return []
    if conn.execute(select(s.actors.c.key).where(s.actors.c.key == name)).first():
        return [name]
    norm = " ".join(linking.words(name))
    if not norm:
        return []
    al = s.actor_aliases.c
    keys = (
        conn.execute(select(al.actor_key).where(al.alias.like(_like(norm), escape="\\")).distinct())
        .scalars()
        .all()
    )
    return sorted(keys)


def _speaker_condition(keys: list[str], *, scan_order: bool = False) -> ColumnElement[bool]:
    """Quotes said by one of ``keys``; ``scan_order`` as in :func:`fts_condition`."""
    if not keys:
        return false()
    # Unary + hides ix_quotes_speaker_key from the planner, so it walks the page order instead
    # of fetching every quote of the speakers and sorting them.
    col = literal_column("+quotes.speaker_key") if scan_order else s.quotes.c.speaker_key
    return col.in_(keys)


#: Above this many text matches, SQLite walks the (first_published, id) index and probes the
#: match set, stopping after one page; below it, it looks the matches up by rowid and sorts.
SCAN_ORDER_ABOVE = 2000


def _scan_pays(count: int, limit: int, offset: int) -> bool:
    """Walking newest-first beats fetch-and-sort when the page is near the top of many matches.

    Walking visits about ``(offset + limit) * total / count`` rows, sorting about ``count``; on
    the bulk-like store (100,000 quotes) the walk took 0.09 ms for the first page of 6,000
    matches, the sort 6.5 ms, and the walk lost (8.7 ms) at offset 2,000.
    """
    return count > SCAN_ORDER_ABOVE and (offset + limit) * 4 <= count


def fts5_match(query: str) -> str | None:
    """The FTS5 MATCH string for ``query``: every word quoted, so no operator gets through."""
    tokens = linking.words(query)
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', "") + '"' for t in tokens)


def fts_condition(dialect: str, query: str, *, scan_order: bool = False) -> ColumnElement[bool]:
    """All words of ``query`` must occur in the quote (case/accents ignored, no stemming)."""
    tokens = linking.words(query)
    if not tokens:
        return true()
    if dialect == "sqlite":
        sub = text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts_q").bindparams(
            fts_q=fts5_match(query)
        )
        # Unary + hides the rowid from the planner, so it scans in ORDER BY index order instead.
        pk = literal_column("+quotes.pk") if scan_order else s.quotes.c.pk
        return pk.in_(sub.columns(column("rowid", Integer)))
    # quotes.text_tsv is a PostgreSQL-only generated column (migration 0003).
    query_ = func.plainto_tsquery(literal_column("'simple'"), " ".join(tokens))
    return literal_column("quotes.text_tsv").bool_op("@@")(query_)


# --- documents -----------------------------------------------------------------------------


def get_document(conn: Connection, doc_id: str) -> DocumentDetail:
    d = s.documents.c
    row = conn.execute(select(s.documents).where(d.id == doc_id)).first()
    if row is None:
        raise NotFound(
            f"no document {doc_id!r} in the store; GET /api/v1/documents or "
            "`parley export --table documents` lists the stored ones"
        )
    result = dict(row.result)
    document = dict(result.get("document") or {})
    document["source"] = row.source
    result["document"] = document
    return DocumentDetail(
        id=row.id,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        origin=row.origin,
        text=row.text,
        result=result,
    )


def list_documents(conn: Connection, *, limit: int = 50, offset: int = 0) -> Page[DocumentRow]:
    limit, offset = _page_args(limit, offset)
    d = s.documents.c
    n_quotes = (
        select(func.count())
        .select_from(s.quote_sources)
        .where(s.quote_sources.c.doc_id == d.id)
        .scalar_subquery()
    )
    n_events = (
        select(func.count())
        .select_from(s.event_mentions)
        .where(s.event_mentions.c.doc_id == d.id)
        .scalar_subquery()
    )
    count = conn.execute(select(func.count()).select_from(s.documents)).scalar_one()
    rows = conn.execute(
        select(
            d.id,
            d.title,
            d.url,
            d.source,
            d.published,
            d.origin,
            n_quotes.label("nq"),
            n_events.label("ne"),
        )
        .order_by(d.published.desc().nulls_last(), d.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        DocumentRow(r.id, r.title, r.url, r.source, r.published, r.origin, r.nq, r.ne) for r in rows
    ]
    return _page(items, count, limit, offset)


# --- quotes --------------------------------------------------------------------------------


def newest_first(dialect: str, day: Any, key: Any) -> tuple[Any, ...]:
    """ORDER BY day DESC (undated last), key DESC: index order on both backends.

    SQLite already sorts NULL last in DESC order, and spelling out NULLS LAST there would stop
    it from walking the index.
    """
    if dialect == "sqlite":
        return (day.desc(), key.desc())
    return (day.desc().nulls_last(), key.desc())


def _quote_sources(conn: Connection, ids: list[str]) -> dict[str, list[QuoteSource]]:
    out: dict[str, list[QuoteSource]] = defaultdict(list)
    if not ids:
        return out
    qs, d = s.quote_sources.c, s.documents.c
    rows = conn.execute(
        select(
            qs.quote_id,
            qs.doc_id,
            qs.local_id,
            d.title,
            d.url,
            d.source,
            qs.published,
            qs.text,
            qs.start,
            qs.end,
            qs.cue,
            qs.changes,
        )
        .join(s.documents, d.id == qs.doc_id)
        .where(qs.quote_id.in_(ids))
        .order_by(qs.quote_id, qs.published.asc().nulls_last(), qs.doc_id, qs.local_id)
    ).all()
    for r in rows:
        out[r.quote_id].append(
            QuoteSource(
                r.doc_id,
                r.local_id,
                r.title,
                r.url,
                r.source,
                r.published,
                r.text,
                r.start,
                r.end,
                r.cue,
                r.changes,
            )
        )
    return out


def search_quotes(
    conn: Connection,
    dialect: str,
    *,
    text: str | None = None,
    speaker: str | None = None,
    country: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    kind: str | None = None,
    speaker_keys: list[str] | None = None,
    altered: bool | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[QuoteRow]:
    limit, offset = _page_args(limit, offset)
    q, a = s.quotes.c, s.actors.c
    conds: list[ColumnElement[bool]] = []
    said_by: list[set[str]] = []
    if speaker:
        said_by.append(set(actor_keys_matching(conn, speaker)))
    if speaker_keys is not None:
        said_by.append(set(speaker_keys))
    keys = sorted(set.intersection(*said_by)) if said_by else None
    speaker_at = len(conds)
    if keys is not None:
        conds.append(_speaker_condition(keys))
    if country:
        conds.append(q.speaker_key.in_(select(a.key).where(a.country == country.strip().upper())))
    if (d0 := _day(since, "since")) is not None:
        conds.append(q.first_published >= d0)
    if (d1 := _day(until, "until")) is not None:
        conds.append(q.first_published <= d1)
    if kind:
        if kind not in {"direct", "partial", "indirect"}:
            raise ValueError(f"kind must be direct, partial or indirect, got {kind!r}")
        conds.append(q.kind == kind)
    if altered is not None:
        conds.append(q.altered == altered)
    match = fts5_match(text) if text else None
    if dialect == "sqlite" and match and not conds:
        # Only words: FTS5 counts its own matches without touching the quotes table.
        count = conn.execute(
            sql_text("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH :q"), {"q": match}
        ).scalar_one()
    else:
        where = and_(true(), *conds, *([fts_condition(dialect, text)] if text else []))
        count = conn.execute(select(func.count()).select_from(s.quotes).where(where)).scalar_one()
    if text:
        scan = dialect == "sqlite" and count > SCAN_ORDER_ABOVE
        conds.append(fts_condition(dialect, text, scan_order=scan))
    elif keys and dialect == "sqlite" and _scan_pays(count, limit, offset):
        conds[speaker_at] = _speaker_condition(keys, scan_order=True)
    where = and_(true(), *conds)
    rows = conn.execute(
        select(
            q.id,
            q.text,
            q.kind,
            q.speaker_key,
            q.speaker_name,
            a.country,
            q.first_published,
            q.last_published,
            q.source_count,
            q.variant_count,
            q.altered,
            a.name.label("actor_name"),
        )
        .select_from(s.quotes.outerjoin(s.actors, a.key == q.speaker_key))
        .where(where)
        .order_by(*newest_first(dialect, q.first_published, q.id))
        .limit(limit)
        .offset(offset)
    ).all()
    sources = _quote_sources(conn, [r.id for r in rows])
    items = [
        QuoteRow(
            id=r.id,
            text=r.text,
            kind=r.kind,
            speaker_key=r.speaker_key,
            speaker_name=r.actor_name or r.speaker_name,
            speaker_country=r.country,
            first_published=r.first_published,
            last_published=r.last_published,
            source_count=r.source_count,
            variant_count=r.variant_count,
            altered=bool(r.altered),
            sources=tuple(sources.get(r.id, ())),
        )
        for r in rows
    ]
    return _page(items, count, limit, offset)


# --- actors --------------------------------------------------------------------------------


def _actor_counts() -> tuple[Any, Any]:
    a = s.actors.c
    n_docs = (
        select(func.count(s.mentions.c.doc_id.distinct()))
        .where(s.mentions.c.actor_key == a.key)
        .scalar_subquery()
    )
    n_quotes = (
        select(func.count())
        .select_from(s.quotes)
        .where(s.quotes.c.speaker_key == a.key)
        .scalar_subquery()
    )
    return n_docs, n_quotes


def list_actors(
    conn: Connection, *, search: str | None = None, limit: int = 50, offset: int = 0
) -> Page[ActorRow]:
    limit, offset = _page_args(limit, offset)
    a = s.actors.c
    where: ColumnElement[bool] = true()
    if search:
        where = a.key.in_(actor_keys_matching(conn, search))
    n_docs, n_quotes = _actor_counts()
    count = conn.execute(select(func.count()).select_from(s.actors).where(where)).scalar_one()
    rows = conn.execute(
        select(a.key, a.name, a.kind, a.country, a.title, n_docs.label("nd"), n_quotes.label("nq"))
        .where(where)
        .order_by(n_docs.desc(), n_quotes.desc(), a.name, a.key)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [ActorRow(r.key, r.name, r.kind, r.country, r.title, r.nd, r.nq) for r in rows]
    return _page(items, count, limit, offset)


def get_actor(conn: Connection, dialect: str, key: str) -> ActorDetail:
    a = s.actors.c
    row = conn.execute(select(s.actors).where(a.key == key)).first()
    if row is None:
        norm = linking.normalise_name(key)
        n_docs, _ = _actor_counts()
        row = conn.execute(
            select(s.actors)
            .where(
                a.key.in_(
                    select(s.actor_aliases.c.actor_key).where(s.actor_aliases.c.alias == norm)
                )
            )
            .order_by(n_docs.desc(), a.key)
            .limit(1)
        ).first()
    if row is None:
        raise NotFound(f"no actor {key!r} in the store; `parley actors --search NAME` finds keys")
    m = s.mentions.c
    names = sorted(
        {row.name, *conn.execute(select(m.name).where(m.actor_key == row.key).distinct()).scalars()}
    )
    titles = sorted(
        t
        for t in conn.execute(select(m.title).where(m.actor_key == row.key).distinct()).scalars()
        if t
    )
    documents = conn.execute(
        select(func.count(m.doc_id.distinct())).where(m.actor_key == row.key)
    ).scalar_one()
    q = s.quotes.c
    per_day = conn.execute(
        select(q.first_published, func.count())
        .where((q.speaker_key == row.key) & q.first_published.is_not(None))
        .group_by(q.first_published)
        .order_by(q.first_published)
    ).all()
    quotes = search_quotes(conn, dialect, speaker_keys=[row.key], limit=MAX_LIMIT)
    e = s.events.c
    as_source = _event_rows(conn, e.source_actor_key == row.key, 200, 0)
    as_target = _event_rows(conn, e.target_actor_key == row.key, 200, 0)
    return ActorDetail(
        key=row.key,
        name=row.name,
        kind=row.kind,
        country=row.country,
        title=row.title,
        names=tuple(names),
        titles=tuple(titles),
        documents=documents,
        quote_count=quotes.count,
        quotes_over_time=tuple(DayCount(d, n) for d, n in per_day),
        quotes=tuple(quotes.items),
        events_as_source=tuple(as_source),
        events_as_target=tuple(as_target),
    )


# --- events --------------------------------------------------------------------------------


def _dyad(dyad: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in dyad.replace("–", "-").split("-") if p.strip()]
    if len(parts) != 2 or not all(p.isalpha() and len(p) == 3 for p in parts):
        raise ValueError(f"dyad must be two ISO alpha-3 codes like RUS-UKR, got {dyad!r}")
    return parts[0], parts[1]


def _event_filter(
    conn: Connection,
    *,
    code: str | None = None,
    dyad: str | None = None,
    actor: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    place: str | None = None,
) -> ColumnElement[bool]:
    e = s.events.c
    conds: list[ColumnElement[bool]] = []
    if code:
        code = code.strip()
        if not code.isdigit():
            raise ValueError(f"code must be a CAMEO code of digits like 19 or 0311, got {code!r}")
        conds.append(e.code.like(code + "%"))
    if dyad:
        x, y = _dyad(dyad)
        conds.append(
            or_(
                and_(e.source_country == x, e.target_country == y),
                and_(e.source_country == y, e.target_country == x),
            )
        )
    if actor:
        keys = actor_keys_matching(conn, actor)
        conds.append(
            or_(e.source_actor_key.in_(keys), e.target_actor_key.in_(keys)) if keys else false()
        )
    if (d0 := _day(since, "since")) is not None:
        conds.append(e.day >= d0)
    if (d1 := _day(until, "until")) is not None:
        conds.append(e.day <= d1)
    if place:
        p = place.strip()
        conds.append(
            or_(
                func.lower(e.place_name).like(_like(p.lower()), escape="\\"),
                e.place_country == p.upper(),
            )
        )
    return and_(true(), *conds)


def _event_rows(
    conn: Connection, where: ColumnElement[bool], limit: int, offset: int
) -> list[EventRow]:
    e = s.events.c
    rows = conn.execute(
        select(s.events)
        .where(where)
        .order_by(e.day.desc().nulls_last(), e.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return [
        EventRow(
            id=r.id,
            code=r.code,
            root=r.root,
            label=r.label,
            quad_class=r.quad_class,
            goldstein=r.goldstein,
            plover_type=r.plover_type,
            plover_mode=r.plover_mode,
            source_name=r.source_name,
            source_country=r.source_country,
            source_actor_key=r.source_actor_key,
            target_name=r.target_name,
            target_country=r.target_country,
            target_actor_key=r.target_actor_key,
            day=r.day,
            place_name=r.place_name,
            place_country=r.place_country,
            latitude=r.latitude,
            longitude=r.longitude,
            place_geonameid=r.place_geonameid,
            place_kind=r.place_kind,
            place_admin1=r.place_admin1,
            negated=bool(r.negated),
            num_mentions=r.num_mentions,
            num_sources=r.num_sources,
            num_articles=r.num_articles,
            source_url=r.source_url,
        )
        for r in rows
    ]


def list_events(
    conn: Connection,
    *,
    code: str | None = None,
    dyad: str | None = None,
    actor: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    place: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[EventRow]:
    limit, offset = _page_args(limit, offset)
    where = _event_filter(
        conn, code=code, dyad=dyad, actor=actor, since=since, until=until, place=place
    )
    count = conn.execute(select(func.count()).select_from(s.events).where(where)).scalar_one()
    return _page(_event_rows(conn, where, limit, offset), count, limit, offset)


def timeline(
    conn: Connection,
    *,
    actor: str | None = None,
    dyad: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
) -> list[TimelineDay]:
    e, q, a = s.events.c, s.quotes.c, s.actors.c
    ev_where = _event_filter(conn, dyad=dyad, actor=actor, since=since, until=until)
    days: dict[date, dict[str, Any]] = defaultdict(lambda: {"events": 0, "quotes": 0, "g": {}})
    for day, quad, n, total in conn.execute(
        select(e.day, e.quad_class, func.count(), func.sum(e.goldstein))
        .where(ev_where & e.day.is_not(None))
        .group_by(e.day, e.quad_class)
    ).all():
        slot = days[day]
        slot["events"] += n
        slot["g"][int(quad)] = round(float(total or 0.0), 3)
    q_conds: list[ColumnElement[bool]] = [q.first_published.is_not(None)]
    if actor:
        q_conds.append(q.speaker_key.in_(actor_keys_matching(conn, actor)))
    if dyad:
        x, y = _dyad(dyad)
        q_conds.append(q.speaker_key.in_(select(a.key).where(a.country.in_([x, y]))))
    if (d0 := _day(since, "since")) is not None:
        q_conds.append(q.first_published >= d0)
    if (d1 := _day(until, "until")) is not None:
        q_conds.append(q.first_published <= d1)
    for day, n in conn.execute(
        select(q.first_published, func.count()).where(and_(*q_conds)).group_by(q.first_published)
    ).all():
        days[day]["quotes"] += n
    return [
        TimelineDay(
            day=d, events=v["events"], quotes=v["quotes"], goldstein=dict(sorted(v["g"].items()))
        )
        for d, v in sorted(days.items())
    ]


# --- negotiations --------------------------------------------------------------------------


def _due_end(due: str | None) -> date | None:
    """The last day a ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` due date allows."""
    if not due:
        return None
    try:
        if len(due) == 10:
            return date.fromisoformat(due)
        if len(due) == 7:
            y, m = int(due[:4]), int(due[5:7])
            return date(y, m, calendar.monthrange(y, m)[1])
        if len(due) == 4:
            return date(int(due), 12, 31)
    except ValueError:
        return None
    return None


def list_agreements(conn: Connection, *, today: date) -> list[AgreementRow]:
    g, d, c = s.agreements.c, s.documents.c, s.conditions.c
    rows = conn.execute(
        select(s.agreements, d.published, d.title)
        .join(s.documents, d.id == g.doc_id)
        .order_by(g.due.asc().nulls_last(), d.published.desc().nulls_last(), g.doc_id, g.local_id)
    ).all()
    doc_ids = sorted({r.doc_id for r in rows})
    conds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if doc_ids:
        for r in conn.execute(
            select(s.conditions).where(c.doc_id.in_(doc_ids)).order_by(c.doc_id, c.idx)
        ):
            conds[r.doc_id].append(
                {
                    "party": r.party,
                    "kind": r.kind,
                    "items": list(r.items or []),
                    "said_by": r.said_by,
                    "deadline": r.deadline,
                }
            )
    out = []
    for r in rows:
        end = _due_end(r.due)
        overdue = end is not None and end < today and r.status not in DONE_STATUSES
        parties = tuple(r.parties or ())
        mine = [
            x
            for x in conds.get(r.doc_id, [])
            if not parties or x["party"] is None or x["party"] in parties
        ]
        out.append(
            AgreementRow(
                doc_id=r.doc_id,
                local_id=r.local_id,
                kind=r.kind,
                text=r.text,
                status=r.status,
                due=r.due,
                due_text=r.due_text,
                overdue=overdue,
                parties=parties,
                said_by=r.said_by,
                steps=tuple(r.steps or ()),
                milestones=tuple(r.milestones or ()),
                published=r.published,
                title=r.title,
                conditions=tuple(mine),
            )
        )
    return out


# --- bookkeeping ---------------------------------------------------------------------------


def list_failures(conn: Connection) -> list[dict[str, Any]]:
    f = s.failures.c
    return [
        {"article_id": r.article_id, "stage": r.stage, "message": r.message}
        for r in conn.execute(
            select(f.article_id, f.stage, f.message).order_by(f.article_id, f.stage)
        )
    ]


def stats(conn: Connection) -> dict[str, int]:
    def n(table: Any, where: Any = None) -> int:
        stmt = select(func.count()).select_from(table)
        if where is not None:
            stmt = stmt.where(where)
        return int(conn.execute(stmt).scalar_one())

    return {
        "documents": n(s.documents),
        "actors": n(s.actors),
        "mentions": n(s.mentions),
        "quotes": n(s.quotes),
        "quote_sources": n(s.quote_sources),
        "altered_quotes": n(s.quotes, s.quotes.c.altered == True),  # noqa: E712
        "dates": n(s.dates),
        "events": n(s.events),
        "event_mentions": n(s.event_mentions),
        "agreements": n(s.agreements),
        "conditions": n(s.conditions),
        "failures": n(s.failures),
    }


_VOLATILE = {"ingested_at", "at", "pk"}


def dump(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in s.metadata.sorted_tables:
        if table.name == "parley_meta":
            continue
        cols = [c for c in table.columns if c.name not in _VOLATILE]
        rows = conn.execute(select(*cols)).all()
        out[table.name] = sorted((tuple(_canon(v) for v in r) for r in rows), key=repr)
    return out


def _canon(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, sort_keys=True)
    return value


def check_reachable(conn: Connection) -> None:
    """Raise StorageError unless a trivial query works (used by health checks)."""
    try:
        conn.execute(select(1)).scalar_one()
    except Exception as exc:  # pragma: no cover - depends on the server
        raise StorageError(f"the store does not answer: {exc}") from exc
