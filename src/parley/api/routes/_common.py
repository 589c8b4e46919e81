"""Small helpers shared by the routers: turning store results into plain JSON-able dicts."""

from __future__ import annotations

import dataclasses
from typing import Any


def plain(item: Any) -> Any:
    """A dict for a store row (``to_dict()``, a dataclass or a mapping), lists element-wise."""
    if item is None or isinstance(item, (str, int, float, bool)):
        return item
    if hasattr(item, "to_dict"):
        return item.to_dict()
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.asdict(item)
    if isinstance(item, dict):
        return item
    if isinstance(item, (list, tuple)):
        return [plain(i) for i in item]
    return item


def page_out(page: Any) -> dict[str, Any]:
    """The API's list envelope ``{data, count, next}`` for a store ``Page``."""
    return {
        "data": [plain(i) for i in page.items],
        "count": page.count,
        "next": page.next_offset,
    }
