"""``Store``: open (create, migrate, check) a Parley database and write analysed articles to it.

One transaction per article: an interrupted ingest (Ctrl-C, ``kill -9``) leaves every article
either fully stored or absent, so re-running the ingest resumes where it stopped. Reads live in
:mod:`parley.store.queries`; ``Store`` exposes them as methods.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError

from parley.errors import StorageError
from parley.store import linking, queries
from parley.store import schema as s
from parley.store.models import (
    ActorDetail,
    AgreementRow,
    DocumentDetail,
    Page,
    SaveReport,
    TimelineDay,
)
from parley.types import Actor, ArticleResult, Event

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
APP_MARK = "parley"


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL from what a user types: a bare path means SQLite, ``postgresql://``
    means psycopg 3 (the driver Parley pins)."""
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _describe(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else repr(exc)


def _storage_error(exc: BaseException, where: str) -> StorageError:
    """A StorageError that says what went wrong and what to do about it."""
    msg = _describe(exc)
    low = msg.lower()
    if "locked" in low or "could not obtain lock" in low:
        return StorageError(
            f"{where}: the database is locked by another process ({msg}); wait for it to finish "
            "(e.g. a running `parley ingest`) and try again"
        )
    if "not a database" in low or "file is encrypted" in low:
        return StorageError(
            f"{where}: the file is not a SQLite database ({msg}); pass a new path with --db"
        )
    if "unable to open" in low:
        return StorageError(
            f"{where}: the database file cannot be opened ({msg}); check that its folder exists "
            "and is writable"
        )
    if "connection" in low or "connect" in low or "could not translate host" in low:
        return StorageError(
            f"{where}: cannot reach the database server ({msg}); check the host, port and "
            "credentials in --db / PARLEY_DB and that the server is running"
        )
    return StorageError(f"{where}: {msg}")


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


class Store:
    """A Parley corpus in SQLite or PostgreSQL. Build it with :meth:`from_url`.

    Example:
        >>> store = Store.from_url("sqlite:///parley.db")
        >>> report = store.save(results)
        >>> store.search_quotes(text="ceasefire", speaker="Peskov").items
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def from_url(cls, url: str | None = None, *, timeout: float = 30.0) -> Store:
        """Open the store at ``url``, creating or migrating its schema.

        Args:
            url: ``sqlite:///path.db``, a bare file path, or ``postgresql://user@host/db``;
                defaults to the ``db`` setting (``PARLEY_DB``).
            timeout: seconds to wait for a lock or a connection before giving up.

        Raises:
            StorageError: the URL is wrong, the server unreachable, the database locked, not
                Parley's, or from a newer Parley. In every such case nothing is changed.
        """
        if url is None:
            from parley.config import get_settings

            url = get_settings().db
        full = normalise_url(url)
        shown = _redact(full)
        try:
            parsed = make_url(full)
        except ArgumentError as exc:
            raise StorageError(
                f"{url!r} is not a database URL; use sqlite:///parley.db or "
                "postgresql://user@host:5432/dbname"
            ) from exc
        backend = parsed.get_backend_name()
        if backend not in {"sqlite", "postgresql"}:
            raise StorageError(f"{shown}: Parley stores in SQLite or PostgreSQL, not {backend}")
        kwargs: dict[str, Any] = {"future": True}
        if backend == "sqlite":
            db = parsed.database or ""
            if db and db != ":memory:" and not db.startswith("file:"):
                parent = Path(db).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StorageError(
                        f"{shown}: the folder {parent} does not exist; create it first"
                    )
            kwargs["connect_args"] = {"timeout": timeout, "check_same_thread": False}
        else:
            kwargs["connect_args"] = {"connect_timeout": max(1, int(timeout))}
            kwargs["pool_pre_ping"] = True
        try:
            engine = create_engine(full, **kwargs)
        except (ArgumentError, ImportError) as exc:
            raise StorageError(f"{shown}: cannot use this database URL ({exc})") from exc
        if backend == "sqlite":
            _sqlite_setup(engine, timeout)
        store = cls(engine, full)
        try:
            store._prepare()
        except StorageError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise _storage_error(exc, shown) from exc
        return store

    def _prepare(self) -> None:
        """Check the database is Parley's and current; create or upgrade it if needed."""
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        shown = _redact(self.url)
        with self.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current: str | None = None
            if tables:
                if "parley_meta" not in tables or "alembic_version" not in tables:
                    sample = ", ".join(sorted(tables)[:5])
                    raise StorageError(
                        f"{shown} is not a Parley store (it holds other tables: {sample}); "
                        "nothing was changed. Point --db / PARLEY_DB at a new or Parley database"
                    )
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            conn.rollback()
        with self.engine.connect() as probe:
            script = ScriptDirectory.from_config(_alembic_config(probe))
        head = script.get_current_head()
        if current is not None:
            try:
                script.get_revision(current)
            except CommandError:
                raise StorageError(
                    f"{shown} has schema revision {current!r}, which this Parley does not know: it "
                    "was written by a newer Parley. Upgrade Parley (pip install -U parley); "
                    "nothing was changed"
                ) from None
        if current != head:
            self._migrate(head)
            log.info("store %s migrated from %s to %s", shown, current, head)
        if self.dialect == "sqlite" and (make_url(self.url).database or ":memory:") != ":memory:":
            # WAL: readers (the API) never block the writer (an ingest), and vice versa. The
            # pragma must run outside a transaction, hence the raw DB-API connection.
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
            finally:
                raw.close()

    def _migrate(self, head: str | None) -> None:
        """Upgrade to ``head`` in one transaction (SQLite: with foreign keys off, see 0004)."""
        from alembic import command

        sqlite = self.dialect == "sqlite"
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            if sqlite:
                # Must be set outside a transaction, so on the DB-API connection before BEGIN.
                raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
            try:
                conn.execution_options(parley_write=True)
                with conn.begin():
                    command.upgrade(_alembic_config(conn), "head")
                    for key, value in (("app", APP_MARK), ("schema", str(head))):
                        conn.execute(delete(s.parley_meta).where(s.parley_meta.c.key == key))
                        conn.execute(s.parley_meta.insert().values(key=key, value=value))
                    if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise StorageError(
                            f"{_redact(self.url)}: the migration would break references between "
                            "tables; nothing was changed"
                        )
            finally:
                if sqlite:
                    raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(parley_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise _storage_error(exc, _redact(self.url)) from exc

    # -- writing ---------------------------------------------------------------------------
    def has_documents(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored (to skip analysing them again)."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        with self._read() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                found.update(
                    conn.execute(
                        select(s.documents.c.id).where(s.documents.c.id.in_(chunk))
                    ).scalars()
                )
        return found

    def save(
        self, results: Iterable[ArticleResult], *, origins: Mapping[str, str] | None = None
    ) -> SaveReport:
        """Store analysed articles, one transaction each; idempotent by document id.

        An article whose id is already stored is counted as ``existing`` and left as it is. An
        article that cannot be written is rolled back, recorded with :meth:`record_failure`
        (stage ``store``) and counted as ``failed``; the others go on.
        """
        new = existing = failed = 0
        errors: list[str] = []
        for result in results:
            doc_id = result.article.id
            origin = origins.get(doc_id) if origins else None
            outcome: bool | SQLAlchemyError | None = None
            for attempt in range(3):
                try:
                    outcome = self._save_one(result, origin)
                    break
                except IntegrityError as exc:
                    # A concurrent writer stored the same document or actor first: look again.
                    if attempt == 2:
                        outcome = exc
                except SQLAlchemyError as exc:
                    outcome = exc
                    break
            if outcome is True:
                new += 1
            elif outcome is False:
                existing += 1
            else:
                failed += 1
                err = _storage_error(outcome or StorageError("not saved"), f"article {doc_id!r}")
                errors.append(str(err))
                with contextlib.suppress(StorageError):
                    self.record_failure(doc_id, "store", str(err))
        return SaveReport(new=new, existing=existing, failed=failed, errors=tuple(errors))

    def record_failure(self, article_id: str, stage: str, message: str) -> None:
        """Remember that ``article_id`` failed at ``stage`` (read, analyze, store) and why."""
        try:
            with self._write() as conn:
                key = (s.failures.c.article_id == article_id[:300]) & (s.failures.c.stage == stage)
                conn.execute(delete(s.failures).where(key))
                conn.execute(
                    s.failures.insert().values(
                        article_id=article_id[:300],
                        stage=stage,
                        message=message,
                        at=datetime.now(UTC),
                    )
                )
        except SQLAlchemyError as exc:
            raise _storage_error(exc, _redact(self.url)) from exc

    def _save_one(self, result: ArticleResult, origin: str | None) -> bool:
        article = result.article
        with self._write() as conn:
            if conn.execute(select(s.documents.c.id).where(s.documents.c.id == article.id)).first():
                return False
            data = result.to_dict()
            conn.execute(
                s.documents.insert().values(
                    id=article.id,
                    origin=origin,
                    title=article.title,
                    url=article.url,
                    source=article.source,
                    published=article.published,
                    text=article.text,
                    result=data,
                    parley_version=result.provenance.parley_version if result.provenance else None,
                    ingested_at=datetime.now(UTC),
                )
            )
            keys = self._save_actors(conn, result)
            quote_keys = self._save_quotes(conn, result, keys)
            del quote_keys
            if result.dates:
                conn.execute(
                    s.dates.insert(),
                    [
                        {
                            "doc_id": article.id,
                            "idx": i,
                            "text": d.text,
                            "start": d.start,
                            "end": d.end,
                            "value": d.value,
                        }
                        for i, d in enumerate(result.dates)
                    ],
                )
            self._save_events(conn, result, keys)
            self._save_negotiations(conn, result)
            conn.execute(delete(s.failures).where(s.failures.c.article_id == article.id))
            return True

    # actors ---------------------------------------------------------------------------------
    def _save_actors(self, conn: Connection, result: ArticleResult) -> dict[str, str]:
        keys: dict[str, str] = {}
        merged: dict[str, str] = {}
        for actor in result.actors:
            keys[actor.id] = self._resolve_actor(conn, actor, merged)
        # A quote may name a speaker the actor list lacks: resolve it by name, as a person.
        for quote in result.quotes:
            sp = quote.speaker
            if sp and sp.id not in keys and sp.name:
                keys[sp.id] = self._resolve_actor(
                    conn, Actor(id=sp.id, name=sp.name, kind="person"), merged
                )
        # A later actor of this article may have absorbed an earlier one ("Trump" into
        # "Donald Trump"): follow the merges before anything refers to the old key.
        keys = {local: _follow(key, merged) for local, key in keys.items()}
        seen_local: set[str] = set()
        rows = []
        for actor in result.actors:
            if actor.id in seen_local:
                continue
            seen_local.add(actor.id)
            rows.append(
                {
                    "doc_id": result.article.id,
                    "local_id": actor.id,
                    "actor_key": keys[actor.id],
                    "name": actor.name,
                    "title": actor.title,
                    "count": max(1, len(actor.mentions)),
                }
            )
        if rows:
            # One executemany, not a round trip per actor (it matters on PostgreSQL).
            conn.execute(s.mentions.insert(), rows)
        return keys

    def _candidates(self, conn: Connection, where: Any) -> list[linking.Candidate]:
        a = s.actors.c
        rows = conn.execute(
            select(a.key, a.kind, a.country, a.title, a.full_name, a.surname)
            .where(where)
            .order_by(a.key)
        ).all()
        return [
            linking.Candidate(r.key, r.kind, r.country, r.title, bool(r.full_name), r.surname)
            for r in rows
        ]

    def _resolve_actor(self, conn: Connection, actor: Actor, merged: dict[str, str]) -> str:
        p = linking.profile(actor)
        a = s.actors.c
        if p.full_name:
            alias_keys = select(s.actor_aliases.c.actor_key).where(
                s.actor_aliases.c.alias == p.norm
            )
            cands = self._candidates(conn, a.key.in_(alias_keys) & (a.kind == p.kind) & a.full_name)
        else:
            cands = self._candidates(conn, (a.surname == p.surname) & (a.kind == p.kind))
        chosen = linking.pick_candidate(p, cands)
        if chosen is not None:
            key = chosen.key
            changes: dict[str, Any] = {}
            if chosen.country is None and p.country:
                changes["country"] = p.country
            if p.title and p.title != chosen.title:
                changes["title"] = p.title
            if changes:  # most repeat mentions change nothing: skip the round trip
                conn.execute(update(s.actors).where(a.key == key).values(**changes))
        else:
            key = linking.actor_key(p.kind, p.norm, p.country)
            exists = conn.execute(select(a.key).where(a.key == key)).first()
            if not exists:
                conn.execute(
                    s.actors.insert().values(
                        key=key,
                        name=_display_name(actor, p),
                        kind=p.kind,
                        country=p.country,
                        title=p.title,
                        surname=p.surname if p.kind == "person" else None,
                        full_name=p.full_name,
                    )
                )
            if p.full_name and p.kind == "person":
                self._absorb_surname_actors(conn, key, p, merged)
        self._add_aliases(conn, key, p.aliases)
        return key

    def _absorb_surname_actors(
        self, conn: Connection, key: str, p: linking.ActorProfile, merged: dict[str, str]
    ) -> None:
        """Fold single-name actors ("Trump") into a new full-named one when unambiguous."""
        a = s.actors.c
        same = self._candidates(conn, (a.surname == p.surname) & (a.kind == "person"))
        full = [c for c in same if c.full_name and linking.countries_agree(c.country, p.country)]
        if len(full) != 1:
            return
        for c in same:
            if c.full_name or c.key == key or not linking.countries_agree(c.country, p.country):
                continue
            self._merge_actor(conn, c.key, key)
            merged[c.key] = key

    def _merge_actor(self, conn: Connection, old: str, new: str) -> None:
        aliases = (
            conn.execute(select(s.actor_aliases.c.alias).where(s.actor_aliases.c.actor_key == old))
            .scalars()
            .all()
        )
        conn.execute(update(s.mentions).where(s.mentions.c.actor_key == old).values(actor_key=new))
        conn.execute(update(s.quotes).where(s.quotes.c.speaker_key == old).values(speaker_key=new))
        e = s.events.c
        conn.execute(update(s.events).where(e.source_actor_key == old).values(source_actor_key=new))
        conn.execute(update(s.events).where(e.target_actor_key == old).values(target_actor_key=new))
        conn.execute(delete(s.actor_aliases).where(s.actor_aliases.c.actor_key == old))
        conn.execute(delete(s.actors).where(s.actors.c.key == old))
        self._add_aliases(conn, new, aliases)

    def _add_aliases(self, conn: Connection, key: str, aliases: Iterable[str]) -> None:
        wanted = sorted({al[:300] for al in aliases if al})
        if not wanted:
            return
        # One INSERT ... ON CONFLICT DO NOTHING instead of a read and a write per actor.
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = postgresql if self.dialect == "postgresql" else sqlite
        conn.execute(
            dialect.insert(s.actor_aliases).on_conflict_do_nothing(),
            [{"actor_key": key, "alias": al} for al in wanted],
        )

    # quotes ---------------------------------------------------------------------------------
    def _save_quotes(
        self, conn: Connection, result: ArticleResult, keys: dict[str, str]
    ) -> dict[str, str]:
        article = result.article
        q = s.quotes.c
        touched: dict[str, str] = {}
        for quote in result.quotes:
            speaker_key = keys.get(quote.speaker.id) if quote.speaker else None
            canonical: str | None = None
            if speaker_key is not None:
                best = 0.0
                rows = conn.execute(
                    select(q.id, q.text).where(q.speaker_key == speaker_key).order_by(q.id)
                ).all()
                target = linking.words(quote.text)
                for row in rows:
                    cand = linking.words(row.text)
                    score = 1.0 if cand == target else linking.token_f1(cand, target)
                    if score >= linking.QUOTE_MATCH_F1 and score > best:
                        best, canonical = score, row.id
            if canonical is None:
                canonical = linking.quote_id(speaker_key, quote.text)
                if not conn.execute(select(q.id).where(q.id == canonical)).first():
                    conn.execute(
                        s.quotes.insert().values(
                            id=canonical,
                            text=quote.text,
                            speaker_key=speaker_key,
                            speaker_name=quote.speaker.name if quote.speaker else None,
                            kind=quote.kind,
                            first_published=article.published,
                            last_published=article.published,
                            source_count=0,
                            variant_count=1,
                            altered=False,
                        )
                    )
            conn.execute(
                s.quote_sources.insert().values(
                    doc_id=article.id,
                    local_id=quote.id,
                    quote_id=canonical,
                    text=quote.text,
                    start=quote.start,
                    end=quote.end,
                    cue=quote.cue,
                    confidence=round(quote.confidence, 3),
                    published=article.published,
                    changes=None,
                )
            )
            touched[quote.id] = canonical
        for canonical in sorted(set(touched.values())):
            self._refresh_quote(conn, canonical)
        return touched

    def _refresh_quote(self, conn: Connection, quote_id: str) -> None:
        """Recompute a quote's reference wording, dates, counts and each source's changes.

        The reference is the earliest source's wording (then the smallest document id), so the
        result does not depend on the order articles were ingested in.
        """
        qs = s.quote_sources.c
        rows = conn.execute(
            select(qs.doc_id, qs.local_id, qs.text, qs.published, qs.changes).where(
                qs.quote_id == quote_id
            )
        ).all()
        if not rows:
            return
        ordered = sorted(
            rows, key=lambda r: (r.published is None, r.published or date.min, r.doc_id, r.local_id)
        )
        reference = ordered[0].text
        variants = {" ".join(linking.words(r.text)) for r in rows}
        dates = [r.published for r in rows if r.published is not None]
        for r in rows:
            changes = linking.word_changes(reference, r.text)
            if changes != r.changes:
                conn.execute(
                    update(s.quote_sources)
                    .where((qs.doc_id == r.doc_id) & (qs.local_id == r.local_id))
                    .values(changes=changes)
                )
        conn.execute(
            update(s.quotes)
            .where(s.quotes.c.id == quote_id)
            .values(
                text=reference,
                first_published=min(dates) if dates else None,
                last_published=max(dates) if dates else None,
                source_count=len({r.doc_id for r in rows}),
                variant_count=len(variants),
                altered=len(variants) > 1,
            )
        )

    # events ---------------------------------------------------------------------------------
    def _save_events(self, conn: Connection, result: ArticleResult, keys: dict[str, str]) -> None:
        article = result.article
        outlet = linking.outlet(article)
        touched: set[str] = set()
        seen_local: set[str] = set()
        for ev in result.events:
            if ev.id in seen_local:
                continue
            seen_local.add(ev.id)
            eid = linking.event_id(ev, article)
            if not conn.execute(select(s.events.c.id).where(s.events.c.id == eid)).first():
                conn.execute(s.events.insert().values(id=eid, **_event_values(ev, article, keys)))
            conn.execute(
                s.event_mentions.insert().values(
                    doc_id=article.id,
                    local_id=ev.id,
                    event_id=eid,
                    outlet=outlet[:300],
                    sentence_start=ev.sentence[0],
                    sentence_end=ev.sentence[1],
                    modality=ev.modality,
                    quote_id=ev.quote_id,
                )
            )
            touched.add(eid)
        em = s.event_mentions.c
        for eid in sorted(touched):
            mentions, articles, sources = conn.execute(
                select(
                    func.count(), func.count(em.doc_id.distinct()), func.count(em.outlet.distinct())
                ).where(em.event_id == eid)
            ).one()
            first = conn.execute(
                select(s.documents.c.id, s.documents.c.url)
                .join(s.event_mentions, em.doc_id == s.documents.c.id)
                .where(em.event_id == eid)
                .order_by(s.documents.c.published.asc().nulls_last(), s.documents.c.id)
                .limit(1)
            ).one()
            conn.execute(
                update(s.events)
                .where(s.events.c.id == eid)
                .values(
                    num_mentions=mentions,
                    num_articles=articles,
                    num_sources=sources,
                    first_doc_id=first.id,
                    source_url=first.url,
                )
            )

    def _save_negotiations(self, conn: Connection, result: ArticleResult) -> None:
        doc_id = result.article.id
        seen: set[str] = set()
        rows = []
        for ag in result.agreements:
            if ag.id in seen:
                continue
            seen.add(ag.id)
            rows.append(
                {
                    "doc_id": doc_id,
                    "local_id": ag.id,
                    "kind": ag.kind,
                    "text": ag.text,
                    "status": ag.status,
                    "due": ag.due,
                    "due_text": ag.due_text,
                    "said_by": ag.said_by,
                    "parties": list(ag.parties),
                    "steps": list(ag.steps),
                }
            )
        if rows:
            conn.execute(s.agreements.insert(), rows)
        if result.conditions:
            conn.execute(
                s.conditions.insert(),
                [
                    {
                        "doc_id": doc_id,
                        "idx": i,
                        "party": c.party,
                        "kind": c.kind,
                        "items": list(c.items),
                        "said_by": c.said_by,
                        "deadline": c.deadline,
                    }
                    for i, c in enumerate(result.conditions)
                ],
            )

    # -- reading (see parley.store.queries) --------------------------------------------------
    def get_document(self, doc_id: str) -> DocumentDetail:
        """One stored article with its text and full result; :class:`NotFound` if absent."""
        with self._read() as conn:
            return queries.get_document(conn, doc_id)

    def list_documents(self, *, limit: int = 50, offset: int = 0) -> Page[Any]:
        """Stored articles, newest first."""
        with self._read() as conn:
            return queries.list_documents(conn, limit=limit, offset=offset)

    def search_quotes(
        self,
        *,
        text: str | None = None,
        speaker: str | None = None,
        country: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Any]:
        """Quotes (deduplicated across articles) matching every given filter, newest first.

        Args:
            text: words that must all occur in the quote (full-text search, case and accents
                ignored, no stemming).
            speaker: part of the speaker's name or an alias ("Peskov"), or an actor key.
            country: ISO alpha-3 country of the speaker.
            since: first publication on or after this date.
            until: first publication on or before this date.
            kind: ``direct``, ``partial`` or ``indirect``.
            limit: page size (1-1000).
            offset: rows to skip.
        """
        with self._read() as conn:
            return queries.search_quotes(
                conn,
                self.dialect,
                text=text,
                speaker=speaker,
                country=country,
                since=since,
                until=until,
                kind=kind,
                limit=limit,
                offset=offset,
            )

    def list_actors(
        self, *, search: str | None = None, limit: int = 50, offset: int = 0
    ) -> Page[Any]:
        """Canonical actors, most documented first; ``search`` matches names and aliases."""
        with self._read() as conn:
            return queries.list_actors(conn, search=search, limit=limit, offset=offset)

    def get_actor(self, key: str) -> ActorDetail:
        """An actor by key or name: names, titles, quotes over time, events; NotFound if none."""
        with self._read() as conn:
            return queries.get_actor(conn, self.dialect, key)

    def list_events(
        self,
        *,
        code: str | None = None,
        dyad: str | None = None,
        actor: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        place: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Any]:
        """Deduplicated events. ``code`` is a CAMEO prefix ("19" = all fights); ``dyad`` is
        ``RUS-UKR`` (either direction); ``actor`` a key or name; ``place`` a name or country."""
        with self._read() as conn:
            return queries.list_events(
                conn,
                code=code,
                dyad=dyad,
                actor=actor,
                since=since,
                until=until,
                place=place,
                limit=limit,
                offset=offset,
            )

    def timeline(
        self,
        *,
        actor: str | None = None,
        dyad: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
    ) -> list[TimelineDay]:
        """Per day: events, quotes, and the Goldstein sum per QuadClass (1-4)."""
        with self._read() as conn:
            return queries.timeline(conn, actor=actor, dyad=dyad, since=since, until=until)

    def list_agreements(self, *, today: date | None = None) -> list[AgreementRow]:
        """Agreements with status, due date, overdue flag (against ``today``), conditions."""
        with self._read() as conn:
            return queries.list_agreements(conn, today=today or date.today())

    def list_failures(self) -> list[dict[str, Any]]:
        """Recorded failures: article id, stage, message."""
        with self._read() as conn:
            return queries.list_failures(conn)

    def stats(self) -> dict[str, int]:
        """Row counts: documents, actors, quotes, quote sources, altered quotes, events, ..."""
        with self._read() as conn:
            return queries.stats(conn)

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, sorted, without ingest timestamps or surrogate keys.

        Two stores holding the same articles dump equal (used to prove resumed ingests and
        backend parity).
        """
        with self._read() as conn:
            return queries.dump(conn)


def _follow(key: str, merged: dict[str, str]) -> str:
    while key in merged:
        key = merged[key]
    return key


def _display_name(actor: Actor, p: linking.ActorProfile) -> str:
    if actor.kind != "person":
        return actor.name
    # Drop a leading title from the display name ("President Trump" -> "Trump").
    tokens = actor.name.split()
    while len(tokens) > 1 and linking.fold(tokens[0]).strip(".") in linking.TITLE_WORDS:
        tokens = tokens[1:]
    return " ".join(tokens)


def _event_values(ev: Event, article: Any, keys: dict[str, str]) -> dict[str, Any]:
    target = ev.targets[0] if ev.targets else None
    place = ev.places[0] if ev.places else None
    day = linking.event_day(ev, article)

    def key_of(ea: Any) -> str | None:
        return keys.get(ea.actor_id) if ea is not None and ea.actor_id else None

    return {
        "code": ev.code,
        "root": ev.root,
        "label": ev.label,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "plover_type": ev.plover_type,
        "plover_mode": ev.plover_mode,
        "source_name": ev.source.name if ev.source else None,
        "source_country": ev.source.country if ev.source else None,
        "source_sector": ev.source.sector if ev.source else None,
        "source_actor_key": key_of(ev.source),
        "target_name": target.name if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "target_actor_key": key_of(target),
        "day": date.fromisoformat(day) if day else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "negated": ev.negated,
        "num_mentions": 0,
        "num_sources": 0,
        "num_articles": 0,
    }


def _redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_setup(engine: Engine, timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below), so pysqlite's own transaction handling is off.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, so two writers queue on busy_timeout instead of
        # deadlocking on a lock upgrade; readers use a plain deferred BEGIN.
        immediate = conn.get_execution_options().get("parley_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


__all__ = ["OperationalError", "Store", "normalise_url"]
