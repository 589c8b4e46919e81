"""CAMEO codebook (codes, Goldstein, QuadClass, PLOVER 2.0) as validated data with a lookup API."""

from parley.cameo.codebook import (
    CameoCode,
    as_appeal,
    as_demand,
    as_intent,
    as_refusal,
    as_threat,
    codebook,
    is_code,
    lookup,
    plover_of,
    validate,
)

__all__ = [
    "CameoCode",
    "as_appeal",
    "as_demand",
    "as_intent",
    "as_refusal",
    "as_threat",
    "codebook",
    "is_code",
    "lookup",
    "plover_of",
    "validate",
]
