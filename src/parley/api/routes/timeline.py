"""``/api/v1/timeline``: events and quotes per day, and the Goldstein line by QuadClass."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from parley.api.deps import StoreDep, check_range
from parley.api.schemas import DYAD, SAFE_TEXT, IsoDate, TimelineOut, error_responses
from parley.store.views import timeline_data

router = APIRouter(prefix="/timeline", tags=["timeline"])


@router.get("", response_model=TimelineOut, responses=error_responses(404, 422, 429, 503))
def get_timeline(
    store: StoreDep,
    actor: Annotated[
        str | None, Query(max_length=200, pattern=SAFE_TEXT, description="Actor key or name.")
    ] = None,
    dyad: Annotated[
        str | None, Query(pattern=DYAD, description="Source-target countries, e.g. RUS-UKR.")
    ] = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
) -> dict[str, Any]:
    """Per day: events, quotes, and the sum of Goldstein scores split by QuadClass.

    QuadClass 1 = verbal cooperation, 2 = material cooperation, 3 = verbal conflict,
    4 = material conflict.
    """
    check_range(since, until)
    return timeline_data(
        store, actor=actor or None, dyad=dyad.upper() if dyad else None, since=since, until=until
    )
