"""The corpus store: SQLite (default) or PostgreSQL, linked across articles, queryable.

``Store.from_url(url)`` opens (creates or migrates) a store; ``save`` writes
:class:`~parley.types.ArticleResult` objects; the query methods return
:mod:`parley.store.models` objects with ``to_dict()``. Importing this package opens nothing.
"""

from __future__ import annotations

from parley.store.models import (
    ActorDetail,
    ActorRow,
    AgreementRow,
    DayCount,
    DocumentDetail,
    DocumentRow,
    EventRow,
    Page,
    QuoteRow,
    QuoteSource,
    SaveReport,
    TimelineDay,
)
from parley.store.store import Store, normalise_url

__all__ = [
    "ActorDetail",
    "ActorRow",
    "AgreementRow",
    "DayCount",
    "DocumentDetail",
    "DocumentRow",
    "EventRow",
    "Page",
    "QuoteRow",
    "QuoteSource",
    "SaveReport",
    "Store",
    "TimelineDay",
    "normalise_url",
]
