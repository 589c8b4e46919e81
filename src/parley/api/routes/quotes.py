"""``/api/v1/quotes``: quote search (the JSON twin of the search page)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from parley.api.deps import PagingDep, StoreDep, check_range
from parley.api.routes._common import page_out
from parley.api.schemas import COUNTRY, SAFE_TEXT, IsoDate, Page, StoredQuoteOut, error_responses

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("", response_model=Page[StoredQuoteOut], responses=error_responses(422, 429, 503))
def search_quotes(
    store: StoreDep,
    paging: PagingDep,
    q: Annotated[
        str | None,
        Query(max_length=200, pattern=SAFE_TEXT, description="Words the quote contains."),
    ] = None,
    speaker: Annotated[
        str | None,
        Query(max_length=200, pattern=SAFE_TEXT, description="Speaker name or actor key."),
    ] = None,
    country: Annotated[
        str | None, Query(pattern=COUNTRY, description="Speaker's country (ISO alpha-3, e.g. UKR).")
    ] = None,
    since: Annotated[IsoDate | None, Query(description="First day (YYYY-MM-DD).")] = None,
    until: Annotated[IsoDate | None, Query(description="Last day (YYYY-MM-DD).")] = None,
    kind: Annotated[Literal["direct", "partial", "indirect"] | None, Query()] = None,
) -> dict[str, Any]:
    """Search quotes by words, speaker, speaker's country, date range and kind."""
    check_range(since, until)
    page = store.search_quotes(
        text=q or None,
        speaker=speaker or None,
        country=country.upper() if country else None,
        since=since,
        until=until,
        kind=kind,
        limit=paging.limit,
        offset=paging.offset,
    )
    return page_out(page)
