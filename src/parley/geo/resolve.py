"""Toponym resolution with context: which of a name's namesakes the article means.

Each candidate entry of the gazetteer gets a score:

- its size: log10 of its population (areas count the people of their towns);
- its kind: a country, continent or listed region/water/facility name means that place far
  more often than a town of the same name; a first-level division is preferred to a
  second-level one, a primary name to an alternate one;
- the article: a candidate in a country the article names (or whose places it names) gains,
  more so in the article's main country and the dateline's; one inside a first-level division
  the article names gains more;
- sibling divisions: a first-level division gains when the article names another one of the
  same country ("Alberta, Manitoba, Ontario and New Brunswick" are provinces, not towns);
- containment: "Springfield, Illinois" — a candidate inside the container named right after
  the comma gains most, one outside it loses.

The best score wins; ``confidence`` is the logistic of its lead over the runner-up (1 when the
name has one candidate), scaled down for names known only as alternates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from parley.geo.gazetteer import Entry, gazetteer

_KIND_BONUS = {
    "country": 4.0,
    "continent": 4.0,
    "region": 14.0,  # the listed regions, waters and facilities of parley/data/places.csv
    "water": 14.0,
    "facility": 14.0,
    "admin1": 0.6,
    "admin2": -0.4,
    "city": 0.0,
}
_ALTERNATE_PENALTY = 1.5
_IN_ARTICLE_COUNTRY = 2.0
_IN_MAIN_COUNTRY = 1.0
_IN_ARTICLE_ADMIN1 = 2.5
_SIBLING_DIVISION = 2.5
_IN_TOWNS_ADMIN1 = 1.5
_CONTAINED = 5.0
_NOT_CONTAINED = -4.0


@dataclass
class Context:
    """What the article tells about where it is: countries, divisions, main country."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: set[tuple[str, str]] = field(default_factory=set)  # (iso3, admin1 name)
    main_country: str | None = None
    dateline_country: str | None = None
    # (iso3, admin1) of the towns the article names unambiguously: a namesake in the same
    # division is more likely meant ("Athens" in a story about Madison County, Georgia)
    town_admin1: set[tuple[str, str]] = field(default_factory=set)
    # (iso3, admin1) of every town or county resolved confidently: "Georgia" is the state in
    # an article that names Clarke County, Georgia's
    towns_in: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: Entry
    confidence: float
    by_alternate: bool


def _score(
    entry: Entry,
    alternate: bool,
    ctx: Context,
    container: Entry | None,
    city_homes: frozenset[tuple[str | None, str]] = frozenset(),
) -> float:
    score = math.log10(entry.population + 10) + _KIND_BONUS[entry.kind]
    if alternate:
        score -= _ALTERNATE_PENALTY
    country = entry.country
    if country and entry.kind not in ("country",):
        if ctx.countries.get(country):
            score += _IN_ARTICLE_COUNTRY
        if country in (ctx.main_country, ctx.dateline_country):
            score += _IN_MAIN_COUNTRY
        if entry.admin1 and (country, entry.admin1) in ctx.admin1 and entry.kind != "admin1":
            score += _IN_ARTICLE_ADMIN1
        elif entry.admin1 and (country, entry.admin1) in ctx.town_admin1:
            score += _IN_TOWNS_ADMIN1
        if (
            entry.kind == "admin1"
            and (country, entry.name) not in city_homes
            and any(c == country and n != entry.name for c, n in ctx.admin1)
        ):
            # An article that names Alberta and Manitoba means the province by "Ontario"
            # (not when a town of the name lies in the division: "São Paulo", "New York").
            score += _SIBLING_DIVISION
    if container is not None and entry.kind in ("city", "admin2", "admin1", "facility"):
        if container.kind == "admin1":
            inside = entry.country == container.country and entry.admin1 == container.name
        else:
            inside = entry.country == container.country
        score += _CONTAINED if inside else _NOT_CONTAINED
    return score


def resolve(name: str, ctx: Context, *, container: Entry | None = None) -> Resolution | None:
    """The namesake of ``name`` the article most likely means, or None if none is known."""
    from parley.geo.countries import country_of_name

    gaz = gazetteer()
    code = country_of_name(name)
    special = [e for e, alt in gaz.lookup(name) if e.kind == "region" and not alt]
    if code and special and special[0].country == code:
        # "England", "Scotland": a listed part of a country, not the whole country.
        return Resolution(special[0], 0.9, False)
    if code:
        states = [
            e for e, alt in gaz.lookup(name) if e.kind == "admin1" and not alt and e.country != code
        ]
        # "Georgia" in an American story is the state; otherwise a country name is the country.
        local = [
            e
            for e in states
            if e.country in (ctx.main_country, ctx.dateline_country)
            or (e.country, e.name) in ctx.towns_in
        ]
        if local:
            return Resolution(local[0], 0.7, False)
        entry = gaz.country_point(code)
        if entry is not None:
            return Resolution(entry, 0.9 if states else 0.99, False)
    cands = gaz.lookup(name)
    if not cands:
        return None
    # (country, division) of the towns of the name: a division named like its own town
    homes = frozenset((e.country, e.admin1) for e, alt in cands if e.kind == "city" and not alt)
    scored = sorted(
        ((_score(e, alt, ctx, container, homes), -e.index, e, alt) for e, alt in cands),
        reverse=True,
    )
    best, _, entry, alt = scored[0]
    if len(scored) == 1:
        conf = 0.95
    else:
        margin = best - scored[1][0]
        conf = 1 / (1 + math.exp(-margin))
    if alt:
        conf *= 0.8
    return Resolution(entry, round(conf, 3), alt)
