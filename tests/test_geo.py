"""Pure tests of the offline country, sector, IGO and geocoding tables (no model needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.errors import ConfigError
from parley.geo import countries
from parley.geo.countries import (
    actor_code,
    country_code,
    country_name,
    find_country,
    igo_code,
    load_actor_file,
    sector_of,
)
from parley.geo.places import geocode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", "RUS"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("Kremlin", "RUS"),
        ("the Kremlin", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Washington", "USA"),
        ("White House", "USA"),
        ("Downing Street", "GBR"),
        ("Beijing", "CHN"),
        ("Ukrainian", "UKR"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("Türkiye", "TUR"),
        ("Italian", "ITA"),
        ("Hong Kong", "HKG"),
        ("Reuters", "GBR"),
    ],
)
def test_country_code_known_names(text: str, expected: str) -> None:
    assert country_code(text) == expected


@pytest.mark.parametrize("text", ["us", "the", "", "NATO", "Paris Agreement", "turkey", "said"])
def test_country_code_none_for_non_countries(text: str) -> None:
    assert country_code(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spokesman", "GOV"),
        ("President", "GOV"),
        ("minister", "GOV"),
        ("Kremlin spokesman", "GOV"),
        ("Secretary of State", "GOV"),
        ("troops", "MIL"),
        ("army", "MIL"),
        ("Russian airstrikes", "MIL"),
        ("lawmakers", "LEG"),
        ("MP", "LEG"),
        ("parliament", "LEG"),
        ("Senate", "LEG"),
        ("Senate President", "LEG"),
        ("chair of the parliamentary committee", "LEG"),
        ("court", "JUD"),
        ("judge", "JUD"),
        ("police", "COP"),
        ("Police spokesman", "COP"),
        ("rebels", "REB"),
        ("NATO", "IGO"),
        ("Archbishop", "REL"),
    ],
)
def test_sector_of(text: str, expected: str) -> None:
    assert sector_of(text) == expected


@pytest.mark.parametrize("text", ["", "weather", "the"])
def test_sector_of_unknown(text: str) -> None:
    assert sector_of(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UN", "UNO"),
        ("United Nations", "UNO"),
        ("NATO", "NAT"),
        ("EU", "EEC"),
        ("the European Union", "EEC"),
        ("IAEA", "IAE"),
        ("WHO", "WHO"),
        ("IMF", "IMF"),
        ("who", None),
        ("Russia", None),
    ],
)
def test_igo_code(text: str, expected: str | None) -> None:
    assert igo_code(text) == expected


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Russian airstrikes", "RUS", "MIL"),
        ("Ukrainian lawmakers", "UKR", "LEG"),
        ("Kremlin spokesman", "RUS", "GOV"),
        ("Italian Prime Minister", "ITA", "GOV"),
    ],
)
def test_actor_code(text: str, country: str, sector: str) -> None:
    code = actor_code(text)
    assert (code.country, code.sector) == (country, sector)


def test_find_country_in_phrase() -> None:
    assert find_country("President of Argentina") == "ARG"
    assert find_country("Economy Minister") is None


def test_country_name_is_short_english_name() -> None:
    assert country_name("RUS") == "Russia"
    assert country_name("USA") == "United States"
    assert country_name(None) is None


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Kharkiv", "UKR", "city"),
        ("Sumy", "UKR", "city"),
        ("Paris", "FRA", "city"),
        ("Rome", "ITA", "city"),
        ("the Oval Office", "USA", "facility"),
        ("Donbas", "UKR", "region"),
        ("Crimea", "UKR", "region"),
        ("Ukraine", "UKR", "country"),
        ("Gdansk", "POL", "city"),
        ("California", "USA", "region"),
    ],
)
def test_geocode(name: str, country: str, kind: str) -> None:
    hit = geocode(name)
    assert hit is not None
    assert (hit.country, hit.kind) == (country, kind)
    assert hit.latitude is not None and -90 <= hit.latitude <= 90
    assert hit.longitude is not None and -180 <= hit.longitude <= 180


def test_geocode_prefers_larger_city_and_hint() -> None:
    # Paris, France is much larger than Paris, Texas: the hint does not turn it into the village.
    assert geocode("Paris", country_hint="USA").country == "FRA"  # type: ignore[union-attr]
    # Georgia is the country, unless the article is about the United States.
    assert geocode("Georgia").country == "GEO"  # type: ignore[union-attr]
    assert geocode("Georgia", country_hint="USA").country == "USA"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["", "paris", "Xqzvland", "said"])
def test_geocode_unknown(name: str) -> None:
    assert geocode(name) is None


def test_user_actor_file_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nname = "Ministry of Magic"\ncountry = "GBR"\nsector = "GOV"\n'
        'aliases = ["MoM"]\n',
        encoding="utf-8",
    )
    entries = load_actor_file(path)
    assert entries[0].country == "GBR" and entries[0].aliases == ("MoM",)
    from parley.config import get_settings

    monkeypatch.setenv("PARLEY_ACTORS_FILE", str(path))
    get_settings.cache_clear()
    try:
        assert country_code("Ministry of Magic") == "GBR"
        assert sector_of("MoM") == "GOV"
    finally:
        monkeypatch.delenv("PARLEY_ACTORS_FILE")
        get_settings.cache_clear()
    assert country_code("Ministry of Magic") is None


def test_user_actor_file_csv(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,country,sector,kind,aliases\nAcme Corp,DEU,BUS,organization,Acme\n", encoding="utf-8"
    )
    (entry,) = load_actor_file(path)
    assert (entry.name, entry.country, entry.sector, entry.aliases) == (
        "Acme Corp",
        "DEU",
        "BUS",
        ("Acme",),
    )


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("name,country,sector\nAcme,XXX,BUS\n", ".csv", "not an ISO 3166-1 alpha-3"),
        ("name,country,sector\nAcme,DEU,WIZ\n", ".csv", "sector 'WIZ'"),
        ("name,sector\nAcme,BUS\n", ".csv", "must have the columns"),
        ("[[actor]]\ncountry = 'DEU'\n", ".toml", "has no name"),
        ("not toml = = =", ".toml", "not valid TOML"),
        ("name,country,sector\n", ".txt", "must end in .toml or .csv"),
    ],
)
def test_user_actor_file_errors(tmp_path: Path, content: str, suffix: str, message: str) -> None:
    path = tmp_path / f"actors{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_actor_file(path)


def test_missing_actor_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_actor_file(tmp_path / "nope.toml")


def test_shipped_tables_load_and_validate() -> None:
    tables = countries._tables_for(None)
    assert len(tables.demonyms) > 150 and len(tables.capitals) > 150
    assert all(len(code) == 3 for code in tables.names.values())


# -- the gazetteer and resolution (issue 14) ---------------------------------------------------


def test_gazetteer_holds_towns_divisions_countries_and_ids() -> None:
    from parley.geo.gazetteer import gazetteer

    gaz = gazetteer()
    assert len(gaz) > 200_000  # every populated place of 500 or more people
    kinds = {
        e.kind for name in ("Ontario", "Kenya", "Africa", "Donbas") for e, _ in gaz.lookup(name)
    }
    assert {"admin1", "country", "continent", "region"} <= kinds
    town = next(e for e, alt in gaz.lookup("Soldeu") if not alt)
    assert town.kind == "city" and town.country == "AND" and 500 <= town.population < 1000
    assert town.geonameid and town.feature_class == "P" and town.admin1


def test_large_divisions_keep_their_conventional_point() -> None:
    # Queensland's towns lie along its eastern coast; its point is the middle of the state.
    from parley.geo.gazetteer import gazetteer

    gaz = gazetteer()
    qld = next(e for e, _ in gaz.lookup("Queensland") if e.kind == "admin1")
    assert qld.country == "AUS" and qld.latitude < -22 and qld.longitude < 145
    ohio = next(e for e, _ in gaz.lookup("Ohio") if e.kind == "admin1")
    assert 39 < ohio.latitude < 42 and -85 < ohio.longitude < -80.5  # from its towns


def test_resolution_prefers_the_container_and_the_article() -> None:
    from parley.geo.gazetteer import gazetteer
    from parley.geo.resolve import Context, resolve

    gaz = gazetteer()
    illinois = next(e for e, _ in gaz.lookup("Illinois") if e.kind == "admin1")
    res = resolve("Springfield", Context(), container=illinois)
    assert res is not None and res.entry.admin1 == "Illinois"
    bare = resolve("Paris", Context())
    assert bare is not None and bare.entry.country == "FRA"
    texan = resolve("Paris", Context(main_country="USA", admin1={("USA", "Texas")}))
    assert texan is not None and (texan.entry.country, texan.entry.admin1) == ("USA", "Texas")
    assert 0 < texan.confidence <= 1
    georgia = resolve("Georgia", Context(main_country="USA"))
    assert georgia is not None and georgia.entry.kind == "admin1"
    assert resolve("Georgia", Context()).entry.kind == "country"  # type: ignore[union-attr]


# -- the map page in Chromium ------------------------------------------------------------------

MAP_ARTICLES = (
    {
        "id": "map-1",
        "title": "Shelling in the east",
        "published": "2025-03-03",
        "text": "Russian forces shelled Kharkiv on Monday, Ukrainian officials said.",
    },
    {
        "id": "map-2",
        "title": "Talks in Geneva",
        "published": "2025-03-05",
        "text": "Ukraine and Russia held talks in Geneva on Wednesday, diplomats said.",
    },
)


@pytest.mark.browser
@pytest.mark.model
def test_map_page_draws_events_offline(tmp_path: Path) -> None:
    import os
    import shutil

    from parley.api import ApiOptions, create_app
    from parley.api.server import running_server
    from parley.config import Settings
    from parley.web.demo import build_store

    chromium = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")
    assert shutil.which(chromium), f"{chromium} is missing: apt-get install chromium"
    url = f"sqlite:///{tmp_path / 'map.db'}"
    report = build_store(url, list(MAP_ARTICLES))
    assert report.failed == 0, report.errors
    app = create_app(Settings(db=url), options=ApiOptions(rate_limit=0))
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with running_server(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        errors: list[str] = []
        outside: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.route(
            "**/*",
            lambda route: (
                (outside.append(route.request.url), route.abort())
                if not route.request.url.startswith(base)
                else route.continue_()
            ),
        )
        page.goto(base + "/map")
        page.wait_for_selector("#world-map[data-ready]")
        assert page.locator("#world-map").get_attribute("data-ready") != "error"
        assert page.locator("#world-map path.country").count() > 150
        dots = page.locator("#world-map circle.event")
        dots_all = dots.count()
        assert dots_all >= 1
        page.screenshot(path=str(tmp_path / "map.png"), full_page=True)
        assert (tmp_path / "map.png").stat().st_size > 10_000
        # the date filter leaves out events before it
        page.goto(base + "/map?since=2030-01-01")
        page.wait_for_selector("#world-map[data-ready]")
        assert page.locator("#world-map circle.event").count() == 0
        # the actor filter keeps that actor's events only
        page.goto(base + "/map?actor=Russia")
        page.wait_for_selector("#world-map[data-ready]")
        assert 1 <= page.locator("#world-map circle.event").count() <= dots_all
        page.goto(base + "/map?actor=Nobody%20Known")
        page.wait_for_selector("#world-map[data-ready]")
        assert page.locator("#world-map circle.event").count() == 0
        browser.close()
    assert errors == [] and outside == []


@pytest.mark.model
def test_stored_events_and_gdelt_rows_carry_the_resolved_place(tmp_path: Path) -> None:
    from parley.store import Store
    from parley.store.export import GDELT_COLUMNS, gdelt_row, iter_rows
    from parley.web.demo import build_store

    url = f"sqlite:///{tmp_path / 'geo.db'}"
    report = build_store(url, list(MAP_ARTICLES[:1]))
    assert report.failed == 0, report.errors
    store = Store.from_url(url)
    try:
        events = [e for e in iter_rows(store, "events") if e.get("place_name") == "Kharkiv"]
    finally:
        store.close()
    assert events, "no stored event placed in Kharkiv"
    event = events[0]
    assert event["place_geonameid"] and event["place_kind"] == "city"
    assert abs(event["latitude"] - 49.98) < 0.2 and abs(event["longitude"] - 36.25) < 0.2
    fields = dict(zip(GDELT_COLUMNS, gdelt_row(event), strict=True))
    assert fields["ActionGeo_FeatureID"] == str(event["place_geonameid"])
    assert fields["ActionGeo_Type"] == "4"  # a city outside the US
    assert float(fields["ActionGeo_Lat"]) == pytest.approx(event["latitude"], abs=1e-3)


@pytest.mark.model
def test_events_and_casualties_carry_the_resolved_place(nlp: Any) -> None:
    from parley.service import analyze

    result = analyze("Russian forces shelled Kharkiv on Monday, killing three civilians.")
    located = [p for e in result.events for p in e.places]
    assert any(p.name == "Kharkiv" and p.geonameid and p.latitude for p in located)
    spots = [p for c in result.casualties for p in c.locations]
    assert any(p.name == "Kharkiv" and p.geonameid and p.latitude for p in spots)


def test_gdelt_action_geo_carries_kind_division_and_geonames_id() -> None:
    from parley.store.export import GDELT_COLUMNS, gdelt_row

    event = {
        "id": "ev" + "0123456789abcdef" * 3,
        "code": "190",
        "root": "19",
        "quad_class": 4,
        "goldstein": -10.0,
        "num_mentions": 1,
        "num_sources": 1,
        "num_articles": 1,
        "day": "2025-03-03",
        "place_name": "Springfield",
        "place_country": "USA",
        "place_kind": "city",
        "place_admin1": "Illinois",
        "place_geonameid": 4250542,
        "latitude": 39.8,
        "longitude": -89.64,
    }
    fields = dict(zip(GDELT_COLUMNS, gdelt_row(event), strict=True))
    assert fields["ActionGeo_Type"] == "3"  # a US city
    assert fields["ActionGeo_FullName"] == "Springfield, Illinois"
    assert fields["ActionGeo_FeatureID"] == "4250542"
    assert (fields["ActionGeo_Lat"], fields["ActionGeo_Long"]) == ("39.8", "-89.64")
    state = dict(event, place_name="Illinois", place_kind="admin1", place_geonameid=None)
    fields = dict(zip(GDELT_COLUMNS, gdelt_row(state), strict=True))
    assert (fields["ActionGeo_Type"], fields["ActionGeo_FullName"]) == ("2", "Illinois")


@pytest.mark.slow
def test_gazetteer_builds_into_an_empty_cache_and_reloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parley.geo import gazetteer as module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = module.gazetteer.__wrapped__()  # bypass the per-process cache
    path = module.cache_path()
    assert path.parent == tmp_path / "parley" and path.exists()
    again = module.gazetteer.__wrapped__()  # now read from the pickle
    assert isinstance(again, module.Gazetteer) and len(again) == len(built)
    assert again.lookup("Kharkiv") == built.lookup("Kharkiv")
