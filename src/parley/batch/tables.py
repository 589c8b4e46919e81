"""ArticleResult -> flat rows, one list per table, with fixed Arrow schemas.

Every field of the contract types reaches a column of the same name (flattened: ``speaker`` ->
``speaker_id``/``speaker_name``, ``sentence`` -> ``sentence_start``/``_end``, an item's ``id`` ->
``quote_id`` etc.) and type; ``tests/test_shape.py`` proves it for every field, including fields
added later.

Rows are built from the JSON contract (:meth:`ArticleResult.to_dict`), not from the objects, so
the output of ``parley analyze --format json`` converts to exactly the rows ``parley batch``
writes: that is how the two are compared. Every table has a fixed column set and type, so a
partition with no rows still writes a file with the same schema, and the files of all partitions
concatenate.

Child tables carry ``doc_id`` and ``idx`` (the item's position in the article's list), which
together are a key and give a stable order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

import pyarrow as pa

from parley.types import ArticleResult

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])
_EVENT_ACTOR = pa.struct(
    [
        ("name", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("actor_id", pa.string()),
    ]
)
_PLACE_FIELDS = [
    ("name", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("country", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("kind", pa.string()),
    ("geonameid", pa.int64()),
    ("feature_class", pa.string()),
    ("admin1", pa.string()),
    ("population", pa.int64()),
    ("confidence", pa.float64()),
    ("literal", pa.bool_()),
]
_PLACE = pa.struct(_PLACE_FIELDS)
_MILESTONE_FIELDS = [
    ("step", pa.string()),
    ("status", pa.string()),
    ("kind", pa.string()),
    ("text", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("date", pa.string()),
    ("date_text", pa.string()),
    ("said_by", pa.string()),
]
_MILESTONE = pa.struct(_MILESTONE_FIELDS)
_CASUALTY_FIELDS = [
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "missing_min",
    "missing_max",
    "arrested_min",
    "arrested_max",
]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("title", pa.string()),
            ("published", pa.date32()),
            ("url", pa.string()),
            ("schema_version", pa.string()),
            ("parley_version", pa.string()),
            ("model", pa.string()),
            ("model_version", pa.string()),
            ("warnings", pa.list_(pa.string())),
            ("n_actors", pa.int32()),
            ("n_quotes", pa.int32()),
            ("n_dates", pa.int32()),
            ("n_events", pa.int32()),
            ("n_places", pa.int32()),
            ("n_amounts", pa.int32()),
            ("n_agreements", pa.int32()),
            ("n_conditions", pa.int32()),
            ("n_casualties", pa.int32()),
        ]
    ),
    "actors": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("actor_id", pa.string()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("title", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("aliases", pa.list_(pa.string())),
            ("mentions", pa.list_(_SPAN)),
        ]
    ),
    "quotes": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("quote_id", pa.string()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("speaker_id", pa.string()),
            ("speaker_name", pa.string()),
            ("speaker_mention", _SPAN),
            ("cue", pa.string()),
            ("cue_span", _SPAN),
            ("stance", pa.bool_()),
            ("confidence", pa.float64()),
        ]
    ),
    "dates": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("value", pa.string()),
            ("type", pa.string()),
            ("timex", pa.string()),
            ("mod", pa.string()),
            ("deadline", pa.string()),
        ]
    ),
    "events": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("event_id", pa.string()),
            ("code", pa.string()),
            ("label", pa.string()),
            ("root", pa.string()),
            ("quad_class", pa.int32()),
            ("goldstein", pa.float64()),
            ("plover_type", pa.string()),
            ("plover_mode", pa.string()),
            ("source_name", pa.string()),
            ("source_country", pa.string()),
            ("source_sector", pa.string()),
            ("source_actor_id", pa.string()),
            ("target_name", pa.string()),
            ("target_country", pa.string()),
            ("target_sector", pa.string()),
            ("target_actor_id", pa.string()),
            ("targets", pa.list_(_EVENT_ACTOR)),
            ("date", pa.string()),
            ("date_source", pa.string()),
            ("places", pa.list_(_PLACE)),
            *[(name, pa.int64()) for name in _CASUALTY_FIELDS],
            ("perpetrator", pa.string()),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("quote_id", pa.string()),
            ("sentence_start", pa.int32()),
            ("sentence_end", pa.int32()),
            ("trigger_start", pa.int32()),
            ("trigger_end", pa.int32()),
        ]
    ),
    "places": pa.schema([("doc_id", pa.string()), ("idx", pa.int32()), *_PLACE_FIELDS]),
    "amounts": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("value", pa.float64()),
            ("unit", pa.string()),
            ("measures", pa.string()),
        ]
    ),
    "agreements": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("agreement_id", pa.string()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("parties", pa.list_(pa.string())),
            ("status", pa.string()),
            ("due", pa.string()),
            ("due_text", pa.string()),
            ("said_by", pa.string()),
            ("steps", pa.list_(pa.string())),
            ("date", pa.string()),
            ("milestones", pa.list_(_MILESTONE)),
        ]
    ),
    "conditions": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("party", pa.string()),
            ("kind", pa.string()),
            ("items", pa.list_(pa.string())),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("said_by", pa.string()),
            ("deadline", pa.string()),
        ]
    ),
    # Casualty figures stated in a sentence (also copied onto the events coded there).
    "casualties": pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int32()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("sentence_start", pa.int32()),
            ("sentence_end", pa.int32()),
            *[(name, pa.int64()) for name in _CASUALTY_FIELDS],
            ("perpetrator", pa.string()),
            ("locations", pa.list_(_PLACE)),
            ("date", pa.string()),
            ("date_source", pa.string()),
        ]
    ),
    # A record that could not be read or analysed: where it came from and why.
    "errors": pa.schema(
        [
            ("doc_id", pa.string()),
            ("input", pa.string()),
            ("record", pa.int64()),
            ("stage", pa.string()),
            ("message", pa.string()),
        ]
    ),
}

#: Tables in output order; ``errors`` is last because it is not part of the analysis contract.
TABLES: tuple[str, ...] = tuple(SCHEMAS)
#: The tables whose rows come from results (what ``parley analyze`` also gives).
RESULT_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t != "errors")

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    """One empty row list per table."""
    return {name: [] for name in TABLES}


def _published(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _span(pair: Any) -> tuple[Any, Any]:
    return (pair[0], pair[1]) if pair else (None, None)


def _actor(prefix: str, data: Mapping[str, Any] | None) -> dict[str, Any]:
    data = data or {}
    return {f"{prefix}_{k}": data.get(k) for k in ("name", "country", "sector", "actor_id")}


def _event_row(doc_id: str, idx: int, e: Mapping[str, Any]) -> dict[str, Any]:
    plover = e.get("plover") or {}
    targets = e.get("targets") or []
    casualties = e.get("casualties") or {}
    sentence = _span(e.get("sentence"))
    trigger = _span(e.get("trigger"))
    return {
        "doc_id": doc_id,
        "idx": idx,
        "event_id": e.get("id"),
        "code": e.get("code"),
        "label": e.get("label"),
        "root": e.get("root"),
        "quad_class": e.get("quad_class"),
        "goldstein": e.get("goldstein"),
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
        **_actor("source", e.get("source")),
        **_actor("target", targets[0] if targets else None),
        "targets": [
            {k: t.get(k) for k in ("name", "country", "sector", "actor_id")} for t in targets
        ],
        "date": e.get("date"),
        "date_source": e.get("date_source"),
        "places": [{name: p.get(name) for name, _ in _PLACE_FIELDS} for p in e.get("places") or []],
        **{name: casualties.get(name) for name in _CASUALTY_FIELDS},
        "perpetrator": casualties.get("perpetrator"),
        "negated": e.get("negated"),
        "modality": e.get("modality"),
        "quote_id": e.get("quote_id"),
        "sentence_start": sentence[0],
        "sentence_end": sentence[1],
        "trigger_start": trigger[0],
        "trigger_end": trigger[1],
    }


def _document_row(
    doc_id: Any, data: Mapping[str, Any], lists: dict[str, list[Any]]
) -> dict[str, Any]:
    doc = data["document"]
    prov = data.get("provenance") or {}
    return {
        "doc_id": doc_id,
        "title": doc.get("title"),
        "published": _published(doc.get("published")),
        "url": doc.get("url"),
        "schema_version": data.get("schema_version"),
        "parley_version": prov.get("parley_version"),
        "model": prov.get("model"),
        "model_version": prov.get("model_version"),
        "warnings": list(data.get("warnings") or []),
        **{f"n_{k}": len(v) for k, v in lists.items()},
    }


def _actor_row(doc_id: Any, i: int, a: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "idx": i,
        "actor_id": a.get("id"),
        "name": a.get("name"),
        "kind": a.get("kind"),
        "title": a.get("title"),
        "country": a.get("country"),
        "sector": a.get("sector"),
        "aliases": list(a.get("aliases") or []),
        "mentions": [{"start": m[0], "end": m[1]} for m in a.get("mentions") or []],
    }


def _span_row(span: Any) -> dict[str, int] | None:
    return {"start": span[0], "end": span[1]} if span else None


def _quote_row(doc_id: Any, i: int, q: Mapping[str, Any]) -> dict[str, Any]:
    speaker = q.get("speaker") or {}
    return {
        "doc_id": doc_id,
        "idx": i,
        "quote_id": q.get("id"),
        "kind": q.get("kind"),
        "text": q.get("text"),
        "start": q.get("start"),
        "end": q.get("end"),
        "speaker_id": speaker.get("id"),
        "speaker_name": speaker.get("name"),
        "speaker_mention": _span_row(speaker.get("mention")),
        "cue": q.get("cue"),
        "cue_span": _span_row(q.get("cue_span")),
        "stance": bool(q.get("stance", False)),
        "confidence": q.get("confidence"),
    }


#: A date row's fields besides ``doc_id`` and ``idx``: those of its Arrow schema.
_DATE_FIELDS = tuple(SCHEMAS["dates"].names[2:])


def _date_row(doc_id: Any, i: int, d: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "idx": i,
        **{k: d.get(k) for k in _DATE_FIELDS},
    }


def _place_row(doc_id: Any, i: int, p: Mapping[str, Any]) -> dict[str, Any]:
    return {"doc_id": doc_id, "idx": i, **{n: p.get(n) for n, _ in _PLACE_FIELDS}}


def _amount_row(doc_id: Any, i: int, m: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "idx": i,
        **{k: m.get(k) for k in ("text", "start", "end", "value", "unit", "measures")},
    }


def _agreement_row(doc_id: Any, i: int, g: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "idx": i,
        "agreement_id": g.get("id"),
        "kind": g.get("kind"),
        "text": g.get("text"),
        "start": g.get("start"),
        "end": g.get("end"),
        "parties": list(g.get("parties") or []),
        "status": g.get("status"),
        "due": g.get("due"),
        "due_text": g.get("due_text"),
        "said_by": g.get("said_by"),
        "steps": list(g.get("steps") or []),
        "date": g.get("date"),
        "milestones": [
            {name: m.get(name) for name, _ in _MILESTONE_FIELDS} for m in g.get("milestones") or []
        ],
    }


def _condition_row(doc_id: Any, i: int, c: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "idx": i,
        "party": c.get("party"),
        "kind": c.get("kind"),
        "items": list(c.get("items") or []),
        "start": c.get("start"),
        "end": c.get("end"),
        "said_by": c.get("said_by"),
        "deadline": c.get("deadline"),
    }


def _casualty_row(doc_id: Any, i: int, c: Mapping[str, Any]) -> dict[str, Any]:
    sentence = _span(c.get("sentence"))
    return {
        "doc_id": doc_id,
        "idx": i,
        **{k: c.get(k) for k in ("text", "start", "end")},
        "sentence_start": sentence[0],
        "sentence_end": sentence[1],
        **{name: c.get(name) for name in _CASUALTY_FIELDS},
        "perpetrator": c.get("perpetrator"),
        "locations": [
            {name: p.get(name) for name, _ in _PLACE_FIELDS} for p in c.get("locations") or []
        ],
        "date": c.get("date"),
        "date_source": c.get("date_source"),
    }


# The row builder of each per-article table, in the order rows are appended.
_ROW_OF: tuple[tuple[str, Callable[[Any, int, Mapping[str, Any]], dict[str, Any]]], ...] = (
    ("actors", _actor_row),
    ("quotes", _quote_row),
    ("dates", _date_row),
    ("events", _event_row),
    ("places", _place_row),
    ("amounts", _amount_row),
    ("agreements", _agreement_row),
    ("conditions", _condition_row),
    ("casualties", _casualty_row),
)


def add_result_dict(rows: Rows, data: Mapping[str, Any]) -> None:
    """Append the rows of one article, given as its JSON contract (``ArticleResult.to_dict()``)."""
    doc_id = data["document"]["id"]
    lists = {k: data.get(k) or [] for k in RESULT_TABLES if k != "documents"}
    rows["documents"].append(_document_row(doc_id, data, lists))
    for table, row_of in _ROW_OF:
        for i, item in enumerate(lists[table]):
            rows[table].append(row_of(doc_id, i, item))


def add_result(rows: Rows, result: ArticleResult) -> None:
    """Append the rows of one analysed article."""
    add_result_dict(rows, result.to_dict())


def add_error(
    rows: Rows,
    *,
    stage: str,
    message: str,
    doc_id: str | None = None,
    input: str | None = None,
    record: int | None = None,
) -> None:
    """Append an error row: which record of which input failed, at which stage, and why."""
    rows["errors"].append(
        {"doc_id": doc_id, "input": input, "record": record, "stage": stage, "message": message}
    )


def rows_from_results(results: Iterable[ArticleResult | Mapping[str, Any]]) -> Rows:
    """Rows of many results (objects or their ``to_dict()`` form)."""
    rows = empty_rows()
    for item in results:
        if isinstance(item, ArticleResult):
            add_result(rows, item)
        else:
            add_result_dict(rows, item)
    return rows


def to_arrow(rows: Rows) -> dict[str, pa.Table]:
    """One Arrow table per table name, with the fixed schema (empty tables included)."""
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name]) for name in TABLES}
