"""``/api/v1/negotiations``: agreements, conditions, ultimatums and the quotes around them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from parley.api.deps import StoreDep
from parley.api.schemas import IsoDate, NegotiationsOut, error_responses
from parley.store.views import SETTLED, is_overdue, negotiations_data

router = APIRouter(prefix="/negotiations", tags=["negotiations"])

__all__ = ["SETTLED", "is_overdue", "negotiations_data", "router"]


@router.get("", response_model=NegotiationsOut, responses=error_responses(422, 429, 503))
def get_negotiations(
    store: StoreDep,
    today: Annotated[
        IsoDate | None, Query(description="Judge due dates against this day (default: today).")
    ] = None,
) -> dict[str, Any]:
    """Agreements with status and due dates (overdue marked), conditions, ultimatums and quotes."""
    return negotiations_data(store, today=today or date.today())
