"""Small helpers shared by the routers; they live in :mod:`parley.store.views` (the dashboard
uses them too) and are re-exported here."""

from __future__ import annotations

from parley.store.views import page_out, plain

__all__ = ["page_out", "plain"]
