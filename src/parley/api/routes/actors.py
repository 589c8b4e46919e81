"""``/api/v1/actors``: canonical actors across articles (the JSON twin of the actor pages)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from parley.api.deps import PagingDep, StoreDep
from parley.api.routes._common import page_out, plain
from parley.api.schemas import (
    MAX_KEY,
    SAFE_TEXT,
    ActorDetailOut,
    Page,
    StoredActorOut,
    error_responses,
)

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=Page[StoredActorOut], responses=error_responses(422, 429, 503))
def list_actors(
    store: StoreDep,
    paging: PagingDep,
    search: Annotated[
        str | None, Query(max_length=200, pattern=SAFE_TEXT, description="Name contains.")
    ] = None,
) -> dict[str, Any]:
    """Actors, most quoted first, optionally filtered by name."""
    return page_out(
        store.list_actors(search=search or None, limit=paging.limit, offset=paging.offset)
    )


@router.get("/{key}", response_model=ActorDetailOut, responses=error_responses(404, 422, 429, 503))
def get_actor(
    key: Annotated[
        str, Path(min_length=1, max_length=MAX_KEY, pattern=SAFE_TEXT, description="Actor key.")
    ],
    store: StoreDep,
) -> dict[str, Any]:
    """One actor: titles, country, quotes over time, events where they are source or target."""
    return plain(store.get_actor(key))  # type: ignore[no-any-return]
