"""``/api/v1/events``: deduplicated events (code, dyad, actor, date range, place)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from parley.api.deps import PagingDep, StoreDep, check_range
from parley.api.routes._common import page_out
from parley.api.schemas import (
    CAMEO,
    DYAD,
    SAFE_TEXT,
    IsoDate,
    Page,
    StoredEventOut,
    error_responses,
)

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=Page[StoredEventOut], responses=error_responses(422, 429, 503))
def list_events(
    store: StoreDep,
    paging: PagingDep,
    code: Annotated[
        str | None, Query(pattern=CAMEO, description="CAMEO code or prefix, e.g. 19 or 0311.")
    ] = None,
    dyad: Annotated[
        str | None, Query(pattern=DYAD, description="Source-target countries, e.g. RUS-UKR.")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, pattern=SAFE_TEXT, description="Actor key or name.")
    ] = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
    place: Annotated[
        str | None, Query(max_length=200, pattern=SAFE_TEXT, description="Place name.")
    ] = None,
) -> dict[str, Any]:
    """Events, one row per real-world event with its mention and source counts."""
    check_range(since, until)
    page = store.list_events(
        code=code,
        dyad=dyad.upper() if dyad else None,
        actor=actor or None,
        since=since,
        until=until,
        place=place or None,
        limit=paging.limit,
        offset=paging.offset,
    )
    return page_out(page)
