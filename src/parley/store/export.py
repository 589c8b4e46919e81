"""Export stored tables as JSONL, CSV or Parquet, and events as a GDELT 2.0 event TSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from parley.errors import ConfigError
from parley.store import schema as s
from parley.store.models import Page
from parley.store.store import Store

TABLES = ("quotes", "actors", "events", "documents")
PAGE = 1000

#: The 61 columns of a GDELT 2.0 event record, in file order (no header line, tab separated).
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)


def _flat_quote(q: dict[str, Any]) -> dict[str, Any]:
    sources = q.pop("sources", [])
    q["doc_ids"] = [src["doc_id"] for src in sources]
    q["outlets"] = sorted({src.get("source") or src["doc_id"] for src in sources})
    q["changes"] = [
        {"doc_id": src["doc_id"], "source": src.get("source"), **src["changes"]}
        for src in sources
        if src.get("changes")
    ]
    return q


def iter_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """Every row of an export ``table`` as a plain dict (dates as ISO strings)."""
    if table not in TABLES:
        raise ConfigError(f"--table must be one of {', '.join(TABLES)}, got {table!r}")
    if table == "documents":
        d = s.documents.c
        with store.engine.connect() as conn:
            stmt = select(d.id, d.title, d.url, d.source, d.published, d.origin, d.text).order_by(
                d.id
            )
            for r in conn.execute(stmt):
                row = dict(r._mapping)
                row["published"] = row["published"].isoformat() if row["published"] else None
                yield row
        return
    fetch: dict[str, Callable[[int], Page[Any]]] = {
        "quotes": lambda off: store.search_quotes(limit=PAGE, offset=off),
        "actors": lambda off: store.list_actors(limit=PAGE, offset=off),
        "events": lambda off: store.list_events(limit=PAGE, offset=off),
    }
    offset: int | None = 0
    while offset is not None:
        page = fetch[table](offset)
        for item in page.items:
            row = item.to_dict()
            yield _flat_quote(row) if table == "quotes" else row
        offset = page.next_offset


def _csv_value(v: Any) -> Any:
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else v


def _nested(v: Any) -> bool:
    return isinstance(v, dict) or (isinstance(v, list) and any(isinstance(x, dict) for x in v))


def arrow_table(rows: list[dict[str, Any]]) -> Any:
    """A pyarrow Table of ``rows``, one column per key, whatever mix of values a column holds.

    A column holding objects (dicts, lists of dicts) in any row becomes JSON text in every row
    (an empty list too), so one row's ``[]`` and another's ``[{...}]`` never clash; lists of
    plain values stay Arrow lists; a column Arrow still cannot type becomes JSON text.
    """
    import pyarrow as pa

    columns: dict[str, list[Any]] = {}
    for i, row in enumerate(rows):
        for key in row:
            columns.setdefault(key, [None] * i)
        for key, values in columns.items():
            values.append(row.get(key))
    arrays: dict[str, Any] = {}
    for key, values in columns.items():
        if any(_nested(v) for v in values):
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        try:
            arrays[key] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError):
            arrays[key] = pa.array(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in values],
                type=pa.string(),
            )
    return pa.table(arrays) if arrays else pa.table({})


def write_table(store: Store, table: str, fmt: str, out: IO[str] | Path) -> int:
    """Write ``table`` in ``fmt`` (jsonl, csv, parquet) to ``out``; returns the row count.

    Parquet needs a file path (``--out``) and pyarrow (``pip install 'parley[dask]'``).
    """
    rows = iter_rows(store, table)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError(
                "parquet is binary: give a file with --out, e.g. --out quotes.parquet"
            )
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ConfigError("parquet export needs pyarrow: pip install 'parley[dask]'") from exc
        data = list(rows)
        pq.write_table(arrow_table(data), out)
        return len(data)
    handle, close = (
        (out.open("w", encoding="utf-8", newline=""), True)
        if isinstance(out, Path)
        else (out, False)
    )
    n = 0
    try:
        if fmt == "jsonl":
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            writer: Any = None
            for r in rows:
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(r), lineterminator="\n")
                    writer.writeheader()
                writer.writerow({k: _csv_value(v) for k, v in r.items()})
                n += 1
        else:
            raise ConfigError(f"--format must be jsonl, csv, parquet or gdelt, got {fmt!r}")
    finally:
        if close:
            handle.close()
    return n


def _actor_code(country: str | None, sector: str | None) -> str:
    return f"{country or ''}{sector or ''}"


def _geo_type(kind: str | None, country_only: bool, country: str | None = None) -> str:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if country_only or kind == "country":
        return "1"
    if kind == "admin1":
        return "2" if country == "USA" else "5"
    if kind == "city" and country == "USA":
        return "3"
    return "4"


def _full_name(name: str | None, admin1: str | None) -> str:
    """GDELT's ActionGeo_FullName: "Springfield, Illinois" (the place, then its division)."""
    if not name:
        return ""
    return f"{name}, {admin1}" if admin1 and admin1 != name else name


def gdelt_row(e: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event record (61 fields) from an exported event row."""
    day = date.fromisoformat(e["day"]) if e.get("day") else None
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""

    def num(v: Any) -> str:
        return "" if v is None else str(v)

    has_geo = bool(e.get("place_name"))
    action_geo = [
        _geo_type(
            e.get("place_kind"),
            has_geo and e.get("place_name") == e.get("place_country"),
            e.get("place_country"),
        )
        if has_geo
        else "0",
        _full_name(e.get("place_name"), e.get("place_admin1")),
        "",  # ActionGeo_CountryCode is FIPS 10-4 in GDELT; Parley keeps ISO alpha-3 (not converted)
        "",  # ActionGeo_ADM1Code is FIPS too (not converted)
        "",  # ActionGeo_ADM2Code
        num(e.get("latitude")),
        num(e.get("longitude")),
        num(e.get("place_geonameid")),  # ActionGeo_FeatureID: the GeoNames id
    ]
    empty_geo = ["0", "", "", "", "", "", "", ""]
    code = e["code"]
    fields = [
        str(int(e["id"][2:15], 16)),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        fraction,
        _actor_code(e.get("source_country"), e.get("source_sector")),
        (e.get("source_name") or "").upper(),
        e.get("source_country") or "",
        "",
        "",
        "",
        "",
        e.get("source_sector") or "",
        "",
        "",
        _actor_code(e.get("target_country"), e.get("target_sector")),
        (e.get("target_name") or "").upper(),
        e.get("target_country") or "",
        "",
        "",
        "",
        "",
        e.get("target_sector") or "",
        "",
        "",
        "0",
        code,
        code[:3],
        e.get("root") or code[:2],
        str(e["quad_class"]),
        f"{e['goldstein']:.1f}",
        str(e["num_mentions"]),
        str(e["num_sources"]),
        str(e["num_articles"]),
        "",
        *empty_geo,
        *empty_geo,
        *action_geo,
        (day.strftime("%Y%m%d") + "000000") if day else "",
        e.get("source_url") or "",
    ]
    assert len(fields) == len(GDELT_COLUMNS)
    return [f.replace("\t", " ").replace("\n", " ") for f in fields]


def write_gdelt(store: Store, out: IO[str] | Path, *, header: bool = False) -> int:
    """Write the stored events as a GDELT 2.0 event TSV; returns the row count.

    Filled: ids, dates, actor codes (ISO alpha-3 country + sector), names, country codes, type
    codes, CAMEO event/base/root codes, QuadClass, Goldstein, NumMentions/Sources/Articles,
    action geography (name, latitude, longitude) and the first source URL. Left empty: groups,
    ethnicity, religion, tone, ADM codes, FIPS geo country codes and feature ids.
    """
    handle, close = (
        (out.open("w", encoding="utf-8", newline=""), True)
        if isinstance(out, Path)
        else (out, False)
    )
    n = 0
    try:
        if header:
            handle.write("\t".join(GDELT_COLUMNS) + "\n")
        for e in iter_rows(store, "events"):
            handle.write("\t".join(gdelt_row(e)) + "\n")
            n += 1
    finally:
        if close:
            handle.close()
    return n
