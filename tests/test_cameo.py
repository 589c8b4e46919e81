"""The CAMEO codebook as data: completeness, validation on load, lookup and code transforms."""

from __future__ import annotations

import re

import pytest

from parley.cameo import (
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
from parley.cameo.codebook import PLOVER_TYPES, parse_codebook, quad_class_of_root
from parley.errors import ConfigError

HEADER = "code,label,goldstein,quad_class,plover_type,plover_mode\n"


def test_cameo_codebook_is_valid() -> None:
    assert validate() == []


def test_cameo_codebook_has_every_root_and_many_codes() -> None:
    codes = codebook()
    assert {c for c in codes if len(c) == 2} == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) > 290  # CAMEO 1.1b3 has about 300 codes


@pytest.mark.parametrize("code", sorted(codebook()))
def test_cameo_every_code_is_complete(code: str) -> None:
    entry = lookup(code)
    assert entry.label.strip()
    assert -10.0 <= entry.goldstein <= 10.0
    assert entry.quad_class == quad_class_of_root(code[:2])
    assert entry.plover_type in PLOVER_TYPES
    assert entry.root == code[:2]
    if len(code) > 2:
        assert (code[:2] if len(code) == 3 else code[:3]) in codebook()


@pytest.mark.parametrize(
    ("code", "label", "quad", "plover"),
    [
        ("195", "Employ aerial weapons", 4, "ASSAULT"),
        ("036", "Express intent to meet or negotiate", 1, "AGREE"),
        ("1034", "Demand military protection or peacekeeping", 3, "REQUEST"),
        ("057", "Sign formal agreement", 1, "SUPPORT"),
        ("0871", "Declare truce, ceasefire", 2, "RETREAT"),
        ("135", "Threaten to halt mediation", 3, "THREATEN"),
        ("173", "Arrest, detain, or charge with legal action", 4, "COERCE"),
        ("141", "Demonstrate or rally", 4, "PROTEST"),
    ],
)
def test_cameo_lookup_known_codes(code: str, label: str, quad: int, plover: str) -> None:
    entry = lookup(code)
    assert (entry.label, entry.quad_class, entry.plover_type) == (label, quad, plover)
    assert plover_of(code)[0] == plover


@pytest.mark.parametrize("bad", ["999", "21", "0", "abc", ""])
def test_cameo_lookup_rejects_unknown_codes(bad: str) -> None:
    assert not is_code(bad)
    with pytest.raises(KeyError):
        lookup(bad)


@pytest.mark.parametrize(
    ("quad_root", "expected"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_cameo_quad_class_of_root(quad_root: str, expected: int) -> None:
    assert quad_class_of_root(quad_root) == expected


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("01,Make public statement,0.0,2,OTHER,", "quad_class 2"),
        ("01,Make public statement,11.0,1,OTHER,", "outside [-10, 10]"),
        ("01,,0.0,1,OTHER,", "label is empty"),
        ("01,Make public statement,0.0,1,CHAT,", "not a PLOVER 2.0 type"),
        ("1x,Odd,0.0,1,OTHER,", "2-4 digits"),
    ],
)
def test_cameo_validation_names_the_bad_row(row: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_codebook(HEADER + row + "\n")


def test_cameo_validation_catches_orphans_and_duplicates() -> None:
    with pytest.raises(ConfigError, match="no parent"):
        parse_codebook(HEADER + "01,Statement,0.0,1,OTHER,\n0123,Orphan,0.0,1,OTHER,\n")
    with pytest.raises(ConfigError, match="duplicate"):
        parse_codebook(HEADER + "01,Statement,0.0,1,OTHER,\n01,Statement,0.0,1,OTHER,\n")


@pytest.mark.parametrize(
    ("transform", "code", "expected"),
    [
        (as_intent, "073", "0333"),  # will provide humanitarian aid
        (as_intent, "046", "036"),  # will negotiate
        (as_intent, "195", "1384"),  # will bomb: a threat, not an intent to cooperate
        (as_threat, "165", "135"),  # threaten to halt mediation
        (as_threat, "163", "1312"),
        (as_threat, "1723", "1323"),
        (as_demand, "0871", "1056"),
        (as_demand, "074", "1034"),
        (as_refusal, "084", "1243"),
        (as_refusal, "046", "125"),
        (as_appeal, "046", "026"),
        (as_threat, "130", "130"),  # already a threat
    ],
)
def test_cameo_statement_transforms(transform, code: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert transform(code) == expected
    assert is_code(expected)
