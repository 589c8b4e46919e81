"""Batch analysis on Dask distributed: inputs -> partitioned Parquet tables + a manifest.

Importing this package does not import Dask; :func:`run_batch` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.batch.dask import BatchListener, BatchSummary, run_batch

__all__ = ["BatchListener", "BatchSummary", "run_batch"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from parley.batch import dask as _dask

        return getattr(_dask, name)
    raise AttributeError(name)
