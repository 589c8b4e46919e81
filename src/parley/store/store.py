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
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError

from parley.errors import StorageError
from parley.store import queries
from parley.store import schema as s
from parley.store.models import (
    ActorDetail,
    AgreementRow,
    DocumentDetail,
    Page,
    SaveReport,
    TimelineDay,
)
from parley.store.write import ArticleWriter
from parley.types import ArticleResult

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
APP_MARK = "parley"
#: Key of the PostgreSQL advisory lock held while a store's schema is checked and migrated
#: (any 64-bit number no other application on the database uses; this one spells "PARLEY").
MIGRATION_LOCK = 0x5041524C4559


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
        self._writer = ArticleWriter(self.dialect)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def from_url(
        cls, url: str | None = None, *, timeout: float = 30.0, create: bool = True
    ) -> Store:
        """Open the store at ``url``, creating or migrating its schema.

        Creating and migrating are safe under concurrency: on PostgreSQL they run under an
        advisory lock (two processes opening a fresh database at once: one creates the schema,
        the other waits and finds it done); on SQLite under the database's write lock.

        Args:
            url: ``sqlite:///path.db``, a bare file path, or ``postgresql://user@host/db``;
                defaults to the ``db`` setting (``PARLEY_DB``).
            timeout: seconds to wait for a lock or a connection before giving up.
            create: whether a missing SQLite file may be created. Read commands pass False, so
                a mistyped path is an error naming the path instead of a new, empty store.

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
                if not create and not Path(db).expanduser().exists():
                    raise StorageError(
                        f"no store at {Path(db).expanduser().resolve()}: the file does not "
                        "exist. Check the path given with --db / PARLEY_DB, or create the store "
                        "by ingesting articles: `parley ingest ARTICLES --db "
                        f"{shown}`"
                    )
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
        """Check the database is Parley's and current; create or upgrade it if needed.

        On PostgreSQL the check and the migration run under a session advisory lock, so
        concurrent openers of a fresh database (two ingests, ``serve --workers 2``) do not both
        create the schema (which fails on ``pg_type``'s unique index).
        """
        if self.dialect != "postgresql":
            self._prepare_locked()
            return
        with self.engine.connect() as lock_conn:
            lock_conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            lock_conn.commit()
            try:
                self._prepare_locked()
            finally:
                lock_conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                lock_conn.commit()

    def _prepare_locked(self) -> None:
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

    def clear_failures(self, keys: Iterable[str]) -> None:
        """Forget the failures recorded under ``keys`` (records that have since been read)."""
        wanted = [k[:300] for k in dict.fromkeys(keys)]
        try:
            for i in range(0, len(wanted), 500):
                with self._write() as conn:
                    conn.execute(
                        delete(s.failures).where(s.failures.c.article_id.in_(wanted[i : i + 500]))
                    )
        except SQLAlchemyError as exc:
            raise _storage_error(exc, _redact(self.url)) from exc

    def _save_one(self, result: ArticleResult, origin: str | None) -> bool:
        with self._write() as conn:
            return self._writer.save(conn, result, origin)

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
