"""Pytest fixtures for store tests: every test runs on SQLite and on PostgreSQL.

Import them into a test module (``from parley.store.testing import store, store_url,
pg_server_url  # noqa: F401``). PostgreSQL comes from ``PARLEY_TEST_PG_URL`` (start one with
``scripts/start_postgres.sh``); without it the PostgreSQL cases skip locally and FAIL in CI
(``CI=true``), because there a missing server is a broken pipeline, not an optional extra.
Each test session works in its own throwaway database, and each test starts from an empty schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.store.store import Store, normalise_url

BACKENDS = ("sqlite", "postgresql")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this session (dropped at the end)."""
    raw = os.environ.get("PARLEY_TEST_PG_URL", "").strip()
    if not raw:
        message = (
            "PARLEY_TEST_PG_URL is not set: start a server with "
            '`eval "$(scripts/start_postgres.sh | tail -n 1)"`'
        )
        if _in_ci():
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(normalise_url(raw))
    name = f"parley_t_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"cannot create a test database on {base.render_as_string()}: {exc}")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def reset_pg(url: str) -> None:
    """Drop everything in the database's public schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store URL: a SQLite file in ``tmp_path``, or a clean PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'parley.db'}"
    url = request.getfixturevalue("pg_server_url")
    reset_pg(url)
    return str(url)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store on each backend."""
    st = Store.from_url(store_url)
    try:
        yield st
    finally:
        st.close()


# --- building ArticleResults by hand ---------------------------------------------------------

from datetime import date as _date  # noqa: E402

from parley.types import (  # noqa: E402
    Actor,
    Agreement,
    Article,
    ArticleResult,
    Condition,
    Event,
    EventActor,
    Place,
    Quote,
    SpeakerRef,
)


def person(
    local_id: str,
    name: str,
    *,
    country: str | None = None,
    title: str | None = None,
    aliases: tuple[str, ...] = (),
    kind: str = "person",
) -> Actor:
    """An article actor (offsets are irrelevant to the store)."""
    return Actor(
        id=local_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        title=title,
        country=country,
        aliases=aliases,
        mentions=((0, 1),),
    )


def quote(
    local_id: str, text: str, body: str, speaker: Actor | None, *, kind: str = "direct"
) -> Quote:
    """A quote of ``text`` found in ``body`` (offsets computed), attributed to ``speaker``."""
    start = body.index(text)
    return Quote(
        id=local_id,
        text=text,
        start=start,
        end=start + len(text),
        kind=kind,  # type: ignore[arg-type]
        speaker=SpeakerRef(speaker.id, speaker.name) if speaker else None,
        cue="said",
        confidence=0.9,
    )


def event(
    local_id: str,
    code: str,
    source: str | None,
    target: str | None,
    *,
    day: str | None = None,
    place: str | None = None,
    goldstein: float = -2.0,
    quad_class: int = 3,
    negated: bool = False,
    source_actor: str | None = None,
) -> Event:
    """A coded event between two countries (ISO alpha-3)."""
    return Event(
        id=local_id,
        code=code,
        label=f"code {code}",
        root=code[:2],
        quad_class=quad_class,
        goldstein=goldstein,
        plover_type=None,
        plover_mode=None,
        source=EventActor(name=source or "", country=source, actor_id=source_actor)
        if source
        else None,
        targets=(EventActor(name=target, country=target),) if target else (),
        trigger=(0, 1),
        sentence=(0, 10),
        date=day,
        places=(
            Place(
                name=place,
                start=0,
                end=1,
                country=None,
                latitude=50.45,
                longitude=30.52,
                kind="city",
            ),
        )
        if place
        else (),
        negated=negated,
    )


def result(
    body: str,
    *,
    published: str | None = "2025-04-18",
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    actors: tuple[Actor, ...] = (),
    quotes: tuple[Quote, ...] = (),
    events: tuple[Event, ...] = (),
    agreements: tuple[Agreement, ...] = (),
    conditions: tuple[Condition, ...] = (),
) -> ArticleResult:
    """An ArticleResult as the analyser would give it."""
    article = Article(
        text=body,
        published=_date.fromisoformat(published) if published else None,
        source=source,
        url=url,
        title=title,
    )
    return ArticleResult(
        article=article,
        actors=actors,
        quotes=quotes,
        events=events,
        agreements=agreements,
        conditions=conditions,
    )
