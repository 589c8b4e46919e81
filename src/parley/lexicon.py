"""Word lists as data: every lexicon Parley's rules use lives in ``parley/data/lexicon/``.

Two file kinds, both UTF-8, ``#`` starting a comment line, blank lines ignored:

* ``NAME.txt``: one entry per line (a word or a phrase). :meth:`Lexicon.words` gives the set,
  :meth:`Lexicon.ordered` the entries in file order (for rules where order decides, such as
  longest title first).
* ``NAME.tsv``: a header line naming the columns, then one row per line, fields separated by a
  tab. :meth:`Lexicon.table` gives the rows as tuples of strings, :meth:`Lexicon.column` one
  column, :meth:`Lexicon.where` the first column of rows whose named column has a value.

A user extends a shipped list without touching Python: a folder named by the
``PARLEY_LEXICON_DIR`` setting (``Settings.lexicon_dir``) holding a file of the same name adds its
entries after the shipped ones (a ``.tsv`` extension must repeat the header). Files are read and
validated once per (name, folder); a malformed file raises :class:`ConfigError` naming the file
and line.

The rules do not take a ``Lexicon`` argument in every helper: :func:`bound` makes one lexicon the
current one for the duration of an analysis (a :mod:`contextvars` variable, so threads and async
tasks each see their own), and the module functions :func:`words`, :func:`ordered`,
:func:`table` read the current one. ``analyze_doc`` binds the lexicon of the settings it was
given; outside an analysis the shipped lexicon is current.

Rules name their lists once, at module level, with lazy views that read nothing at import
time and follow the current lexicon: :func:`word_set` (a ``.txt`` as a set), :func:`where_set`
(a ``.tsv`` column as a set), :func:`table_map` (two ``.tsv`` columns as a mapping) and
:func:`derived_set`. ``view.get()`` gives the plain frozenset, to fetch once before a hot loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from parley.errors import ConfigError

__all__ = [
    "Lexicon",
    "WordMap",
    "WordSet",
    "bound",
    "column",
    "current",
    "derived_set",
    "lexicon_for",
    "ordered",
    "table",
    "table_map",
    "where",
    "where_set",
    "word_set",
    "words",
]


def _shipped_text(filename: str) -> str | None:
    ref = resources.files("parley").joinpath("data/lexicon").joinpath(filename)
    return ref.read_text(encoding="utf-8") if ref.is_file() else None


def _lines(text: str, source: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line != line.strip():
            raise ConfigError(f"{source} line {number}: leading or trailing white space")
        yield number, line


def _parse_words(text: str, source: str) -> list[str]:
    seen: set[str] = set()
    entries: list[str] = []
    for number, line in _lines(text, source):
        if "\t" in line:
            raise ConfigError(f"{source} line {number}: a .txt word list has one entry a line")
        if line in seen:
            raise ConfigError(f"{source} line {number}: {line!r} is listed twice")
        seen.add(line)
        entries.append(line)
    return entries


def _parse_table(text: str, source: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    for number, line in _lines(text, source):
        fields = tuple(line.split("\t"))
        if header is None:
            header = fields
            continue
        if len(fields) != len(header):
            raise ConfigError(
                f"{source} line {number}: {len(fields)} fields, the header names {len(header)}"
                f" ({', '.join(header)}); separate fields with one tab"
            )
        rows.append(fields)
    if header is None:
        raise ConfigError(f"{source}: no header line")
    return header, rows


class Lexicon:
    """The shipped word lists, extended by the files of ``extra_dir`` when one is given."""

    def __init__(self, extra_dir: str | None = None) -> None:
        self.extra_dir = extra_dir
        if extra_dir is not None and not Path(extra_dir).is_dir():
            raise ConfigError(
                f"lexicon folder {extra_dir!r} does not exist; set PARLEY_LEXICON_DIR to a folder"
                " of NAME.txt / NAME.tsv files, or unset it"
            )

    def _sources(self, filename: str) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        shipped = _shipped_text(filename)
        if shipped is not None:
            found.append((shipped, f"parley/data/lexicon/{filename}"))
        if self.extra_dir is not None:
            path = Path(self.extra_dir) / filename
            if path.is_file():
                found.append((path.read_text(encoding="utf-8"), str(path)))
        if not found:
            raise ConfigError(f"no lexicon named {filename!r} in parley/data/lexicon")
        return found

    @cache  # noqa: B019 - one Lexicon per folder, kept for the process
    def ordered(self, name: str) -> tuple[str, ...]:
        """The entries of ``NAME.txt`` in file order, shipped first, then the user's."""
        entries: list[str] = []
        for text, source in self._sources(f"{name}.txt"):
            for entry in _parse_words(text, source):
                if entry not in entries:
                    entries.append(entry)
        return tuple(entries)

    @cache  # noqa: B019
    def words(self, name: str) -> frozenset[str]:
        """The entries of ``NAME.txt`` as a set."""
        return frozenset(self.ordered(name))

    @cache  # noqa: B019
    def header(self, name: str) -> tuple[str, ...]:
        """The column names of ``NAME.tsv``."""
        return _parse_table(*self._sources(f"{name}.tsv")[0])[0]

    @cache  # noqa: B019
    def table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The rows of ``NAME.tsv`` (without the header), shipped first, then the user's."""
        header: tuple[str, ...] | None = None
        rows: list[tuple[str, ...]] = []
        for text, source in self._sources(f"{name}.tsv"):
            file_header, file_rows = _parse_table(text, source)
            if header is None:
                header = file_header
            elif file_header != header:
                raise ConfigError(
                    f"{source}: header {file_header} differs from the shipped {header}"
                )
            rows.extend(file_rows)
        return tuple(rows)

    @cache  # noqa: B019
    def column(self, name: str, col: str) -> tuple[str, ...]:
        """One column of ``NAME.tsv``, row order."""
        index = self._index(name, col)
        return tuple(row[index] for row in self.table(name))

    @cache  # noqa: B019
    def where(self, name: str, col: str, value: str | None = None) -> frozenset[str]:
        """First-column values of the rows of ``NAME.tsv`` whose ``col`` is ``value`` (or, with
        no value, is neither empty nor ``-``)."""
        index = self._index(name, col)
        return frozenset(
            row[0]
            for row in self.table(name)
            if (row[index] == value if value is not None else row[index] not in ("", "-"))
        )

    def _index(self, name: str, col: str) -> int:
        header = self.header(name)
        if col not in header:
            raise ConfigError(f"lexicon {name}.tsv has no column {col!r} (it has {header})")
        return header.index(col)


@cache
def lexicon_for(extra_dir: str | None = None) -> Lexicon:
    """The lexicon for a user folder (or the shipped one), built once per process."""
    return Lexicon(extra_dir)


_CURRENT: ContextVar[Lexicon | None] = ContextVar("parley_lexicon", default=None)


def current() -> Lexicon:
    """The lexicon bound by the analysis under way, else the shipped one."""
    lex = _CURRENT.get()
    return lex if lex is not None else lexicon_for(None)


@contextmanager
def bound(lexicon: Lexicon) -> Iterator[Lexicon]:
    """Make ``lexicon`` current inside the ``with`` block."""
    token = _CURRENT.set(lexicon)
    try:
        yield lexicon
    finally:
        _CURRENT.reset(token)


def words(name: str) -> frozenset[str]:
    """``current().words(name)``."""
    return current().words(name)


def ordered(name: str) -> tuple[str, ...]:
    """``current().ordered(name)``."""
    return current().ordered(name)


def table(name: str) -> tuple[tuple[str, ...], ...]:
    """``current().table(name)``."""
    return current().table(name)


def column(name: str, col: str) -> tuple[str, ...]:
    """``current().column(name, col)``."""
    return current().column(name, col)


def where(name: str, col: str, value: str | None = None) -> frozenset[str]:
    """``current().where(name, col, value)``."""
    return current().where(name, col, value)


# -- lazy views: module-level constants that read the current lexicon when first used ---------

_K = TypeVar("_K")
_V = TypeVar("_V")


class WordSet(AbstractSet[str]):
    """A set of words read from the current lexicon when first asked, then kept per lexicon.

    Rules keep their module-level names (``TITLE_NOUNS = lexicon.word_set("title_nouns")``)
    and test membership as before (``low in TITLE_NOUNS``); nothing is read at import time,
    and a user folder bound by :func:`bound` is honoured. Set operations (``|``, ``&``, ``-``)
    give plain frozensets.
    """

    __slots__ = ("_cache", "_load", "_what")

    def __init__(self, load: Callable[[Lexicon], frozenset[str]], what: str) -> None:
        self._load = load
        self._what = what
        self._cache: tuple[Lexicon | None, frozenset[str]] | None = None

    def get(self) -> frozenset[str]:
        """The words of the current lexicon (fetch once before a hot loop)."""
        # Keyed on the raw binding (None outside an analysis): one C call on a hit.
        key = _CURRENT.get()
        cache = self._cache
        if cache is not None and cache[0] is key:
            return cache[1]
        found = self._load(key if key is not None else lexicon_for(None))
        self._cache = (key, found)
        return found

    def __contains__(self, item: object) -> bool:
        cache = self._cache
        if cache is not None and cache[0] is _CURRENT.get():
            return item in cache[1]
        return item in self.get()

    def __iter__(self) -> Iterator[str]:
        return iter(self.get())

    def __len__(self) -> int:
        return len(self.get())

    def __hash__(self) -> int:
        return hash(self.get())

    def __repr__(self) -> str:
        return f"<WordSet {self._what}>"

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        return frozenset(it)


class WordMap(Mapping[_K, _V]):
    """A mapping built from a lexicon table when first asked, then kept per lexicon."""

    __slots__ = ("_cache", "_load", "_what")

    def __init__(self, load: Callable[[Lexicon], dict[_K, _V]], what: str) -> None:
        self._load = load
        self._what = what
        self._cache: tuple[Lexicon | None, dict[_K, _V]] | None = None

    def get_map(self) -> dict[_K, _V]:
        """The mapping of the current lexicon."""
        key = _CURRENT.get()
        cache = self._cache
        if cache is not None and cache[0] is key:
            return cache[1]
        found = self._load(key if key is not None else lexicon_for(None))
        self._cache = (key, found)
        return found

    def __getitem__(self, key: _K) -> _V:
        return self.get_map()[key]

    def __contains__(self, key: object) -> bool:
        cache = self._cache
        if cache is not None and cache[0] is _CURRENT.get():
            return key in cache[1]
        return key in self.get_map()

    def get(self, key: _K, default: Any = None) -> Any:
        return self.get_map().get(key, default)

    def __iter__(self) -> Iterator[_K]:
        return iter(self.get_map())

    def __len__(self) -> int:
        return len(self.get_map())

    def __repr__(self) -> str:
        return f"<WordMap {self._what}>"


def word_set(name: str) -> WordSet:
    """The entries of ``NAME.txt``, as a lazy set."""
    return WordSet(lambda lex: lex.words(name), name)


def where_set(name: str, col: str, value: str | None = None) -> WordSet:
    """``where(name, col, value)`` as a lazy set."""
    return WordSet(lambda lex: lex.where(name, col, value), f"{name}:{col}")


def derived_set(what: str, build: Callable[[], Iterable[str]]) -> WordSet:
    """A lazy set computed from other lazy sets (``build`` runs under the current lexicon)."""
    return WordSet(lambda lex: frozenset(build()), what)


def table_map(
    name: str,
    key: str,
    value: str,
    convert: Callable[[str], _V] = str,  # type: ignore[assignment]
) -> WordMap[str, _V]:
    """``{row[key]: convert(row[value])}`` over the rows of ``NAME.tsv``, as a lazy mapping."""

    def load(lex: Lexicon) -> dict[str, _V]:
        k, v = lex._index(name, key), lex._index(name, value)
        return {row[k]: convert(row[v]) for row in lex.table(name)}

    return WordMap(load, f"{name}:{key}->{value}")
