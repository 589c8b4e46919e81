"""``/api/v1/timeline``: events and quotes per day, and the Goldstein line by QuadClass."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from parley.api.deps import StoreDep, check_range
from parley.api.routes._common import plain
from parley.api.schemas import DYAD, SAFE_TEXT, IsoDate, TimelineOut, error_responses

router = APIRouter(prefix="/timeline", tags=["timeline"])


def timeline_data(
    store: Any, *, actor: str | None, dyad: str | None, since: date | None, until: date | None
) -> dict[str, Any]:
    """The timeline JSON (shared by the API route and the page)."""
    days = [plain(d) for d in store.timeline(actor=actor, dyad=dyad, since=since, until=until)]
    days.sort(key=lambda d: str(d["day"]))  # the chart and clients expect calendar order
    for day in days:
        day["goldstein"] = {str(k): float(v) for k, v in (day.get("goldstein") or {}).items()}
    return {"actor": actor, "dyad": dyad, "since": since, "until": until, "days": days}


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
