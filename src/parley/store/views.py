"""Views over a store for the API and the dashboard: plain JSON-able dicts, the list envelope,
the timeline and the negotiations overview.

They live beside the store (not in the API's route modules) so the dashboard (``parley.web``)
and the API share them while depending only on the library and the store.
"""

from __future__ import annotations

import dataclasses
from datetime import date
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


def timeline_data(
    store: Any, *, actor: str | None, dyad: str | None, since: date | None, until: date | None
) -> dict[str, Any]:
    """The timeline JSON (shared by the API route and the page), days in calendar order."""
    days = [plain(d) for d in store.timeline(actor=actor, dyad=dyad, since=since, until=until)]
    days.sort(key=lambda d: str(d["day"]))  # the chart and clients expect calendar order
    for day in days:
        day["goldstein"] = {str(k): float(v) for k, v in (day.get("goldstein") or {}).items()}
    return {"actor": actor, "dyad": dyad, "since": since, "until": until, "days": days}


#: Statuses after which a due date no longer matters.
SETTLED = frozenset({"signed", "ratified", "collapsed"})


def is_overdue(due: str | None, today: date, status: str | None = None) -> bool:
    if not due or (status and status in SETTLED):
        return False
    # ``due`` may be a month (YYYY-MM) or a year: it is overdue once that whole period is over.
    try:
        if len(due) == 10:
            return date.fromisoformat(due) < today
        if len(due) == 7:
            return (int(due[:4]), int(due[5:7])) < (today.year, today.month)
        if len(due) == 4:
            return int(due) < today.year
    except ValueError:
        return False
    return False


def _surname(name: str | None) -> str:
    return (name or "").split()[-1].lower() if name and name.split() else ""


def _paragraph(text: str, offset: int) -> int:
    """Index of the blank-line-separated paragraph holding ``offset`` (-1 if outside the text)."""
    if not 0 <= offset < len(text):
        return -1
    return text.count("\n\n", 0, offset)


def negotiations_data(store: Any, *, today: date, max_docs: int = 200) -> dict[str, Any]:
    """Agreements (overdue judged against ``today``), the conditions and ultimatums stated in the
    same articles, and the quotes of the people who stated them (the quotes that moved the talks).
    """
    agreements = [plain(a) for a in store.list_agreements(today=today)]
    conditions: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for row in agreements:
        for cond in row.pop("conditions", None) or []:
            key = (row["doc_id"], repr(sorted(cond.items())))
            if key in seen:
                continue
            seen.add(key)
            conditions.append({**cond, "doc_id": row["doc_id"], "published": row.get("published")})
    for cond in conditions:
        cond["overdue"] = is_overdue(cond.get("deadline"), today)
    quotes: list[dict[str, Any]] = []
    doc_ids = list(dict.fromkeys(a["doc_id"] for a in agreements))
    for doc_id in doc_ids[:max_docs]:
        detail = plain(store.get_document(doc_id))
        result = detail.get("result") or {}
        stated = [*result.get("agreements", []), *result.get("conditions", [])]
        speakers = {_surname(x.get("said_by")) for x in stated} - {""}
        paragraphs = {_paragraph(detail.get("text") or "", x.get("start", -1)) for x in stated}
        for quote in result.get("quotes", []):
            speaker = (quote.get("speaker") or {}).get("name")
            # A quote "moved" the talks when its speaker stated a term, or it sits in the same
            # paragraph as an agreement or condition (said_by is often not extracted).
            near = _paragraph(detail.get("text") or "", quote["start"]) in paragraphs
            if _surname(speaker) in speakers or near:
                quotes.append(
                    {
                        "id": quote["id"],
                        "text": quote["text"],
                        "kind": quote["kind"],
                        "speaker_name": speaker,
                        "doc_id": doc_id,
                        "start": quote["start"],
                        "end": quote["end"],
                        "published": detail.get("published"),
                    }
                )
    return {"today": today, "agreements": agreements, "conditions": conditions, "quotes": quotes}
