"""Parley's exceptions. Each message says what to change: the file, the flag or the setting."""

from __future__ import annotations


class ParleyError(Exception):
    """Base class of every error Parley raises on purpose."""


class ConfigError(ParleyError):
    """A setting is missing or wrong."""


class IngestError(ParleyError):
    """An input could not be read as an article (missing, empty, binary, not UTF-8, malformed)."""


class ExtractionError(ParleyError):
    """The analysis of one article failed."""


class StorageError(ParleyError):
    """The store could not be opened, migrated, read or written."""


class NotFound(ParleyError):
    """A requested document, actor or quote does not exist."""
