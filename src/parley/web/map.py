"""The map page: stored events on a world map, filterable by date and actor, fully offline.

Country outlines come from the ``countryinfo`` package (a low-resolution world outline derived
from Natural Earth, public domain), reduced to 0.1 degree and served from this app; the page's
script draws them and the events as SVG (equirectangular), so no tile server or CDN is used.

Routes: ``/map`` (the page), ``/map/world.json`` (outlines), ``/map/events.json`` (points).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from parley.api.deps import StoreDep, check_range
from parley.api.schemas import SAFE_TEXT, IsoDate
from parley.store.views import plain

router = APIRouter(include_in_schema=False)

Text200 = Annotated[str | None, Query(max_length=200, pattern=SAFE_TEXT)]
MAX_POINTS = 2000


def _ring(coords: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat, *_ in coords:
        point = [round(float(lon), 1), round(float(lat), 1)]
        if not out or out[-1] != point:
            out.append(point)
    return out if len(out) >= 4 else []


@lru_cache(maxsize=1)
def world_outlines() -> dict[str, Any]:
    """Country outlines as one GeoJSON FeatureCollection of (Multi)Polygons."""
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    features = []
    for path in sorted(folder.glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        geo = info.get("geoJSON") or {}
        for feature in geo.get("features") or ():
            geom = feature.get("geometry") or {}
            if geom.get("type") == "Polygon":
                polys = [geom.get("coordinates") or []]
            elif geom.get("type") == "MultiPolygon":
                polys = geom.get("coordinates") or []
            else:
                continue
            rings = [[r for r in (_ring(ring) for ring in poly) if r] for poly in polys]
            rings = [p for p in rings if p]
            if rings:
                features.append(
                    {
                        "type": "Feature",
                        "id": feature.get("id"),
                        "properties": {"name": (feature.get("properties") or {}).get("name")},
                        "geometry": {"type": "MultiPolygon", "coordinates": rings},
                    }
                )
    return {"type": "FeatureCollection", "features": features}


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    actor: Text200 = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
) -> HTMLResponse:
    templates = request.app.state.templates
    params = {"actor": actor or "", "since": since or "", "until": until or ""}
    response: HTMLResponse = templates.TemplateResponse(
        request, "map.html", {"params": params, "twin": None}
    )
    return response


@router.get("/map/world.json")
def map_world() -> JSONResponse:
    return JSONResponse(world_outlines(), headers={"Cache-Control": "max-age=86400"})


@router.get("/map/events.json")
def map_events(
    store: StoreDep,
    actor: Text200 = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
) -> JSONResponse:
    """Events with coordinates, newest first (at most ``MAX_POINTS``)."""
    check_range(since, until)
    points: list[dict[str, Any]] = []
    offset = 0
    while len(points) < MAX_POINTS:
        page = store.list_events(
            actor=actor or None, since=since, until=until, limit=200, offset=offset
        )
        rows = [plain(r) for r in page.items]
        for row in rows:
            if row.get("latitude") is None or row.get("longitude") is None:
                continue
            points.append(
                {
                    "id": row["id"],
                    "code": row["code"],
                    "label": row.get("label"),
                    "quad_class": row.get("quad_class"),
                    "day": row.get("day"),
                    "source": row.get("source_name"),
                    "target": row.get("target_name"),
                    "place": row.get("place_name"),
                    "country": row.get("place_country"),
                    "kind": row.get("place_kind"),
                    "lat": row["latitude"],
                    "lon": row["longitude"],
                    "mentions": row.get("num_mentions") or 1,
                }
            )
        offset += len(rows)
        if len(rows) < 200:
            break
    return JSONResponse({"events": points[:MAX_POINTS]})
