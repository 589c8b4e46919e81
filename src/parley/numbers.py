"""Numbers as news writes them, and the bounds their qualifiers imply (pure, no spaCy).

``parse_number("twenty-five")`` gives 25.0; ``parse_quantity("more than 100")`` gives
``Bounds(min=101, max=None, value=100)``. Casualty counts and amounts use these so that a figure
the article hedges ("at least two", "nearly 50", "dozens") is stored as the bound it states,
never as a made-up exact number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parley import lexicon

# Word lists: parley/data/lexicon/number_words.tsv, vague_counts.tsv, quantity_qualifiers.tsv.


def _int_or_float(text: str) -> int | float:
    """ "12" -> 12, "1e6" -> 1000000.0: a value keeps the type it is written in."""
    return int(text) if text.isdigit() else float(text)


def _number_words(kind: str) -> Callable[[lexicon.Lexicon], dict[str, Any]]:
    def load(lex: lexicon.Lexicon) -> dict[str, Any]:
        return {
            word: _int_or_float(value)
            for word, row_kind, value in lex.table("number_words")
            if row_kind == kind
        }

    return load


UNITS: lexicon.WordMap[str, int] = lexicon.WordMap(_number_words("unit"), "number units")
TENS: lexicon.WordMap[str, int] = lexicon.WordMap(_number_words("ten"), "number tens")
SCALES: lexicon.WordMap[str, float] = lexicon.WordMap(_number_words("scale"), "number scales")
# Vague plurals: the smallest number the word can honestly stand for ("dozens" is two dozen).
VAGUE: lexicon.WordMap[str, int] = lexicon.table_map("vague_counts", "phrase", "minimum", int)

# Qualifier -> how it bounds the number, longest phrases first (ties in file order), so
# "no more than" wins over "more than".
_QUALIFIERS: lexicon.WordMap[str, str] = lexicon.WordMap(
    lambda lex: dict(
        sorted(
            zip(
                lex.column("quantity_qualifiers", "phrase"),
                lex.column("quantity_qualifiers", "bound"),
                strict=True,
            ),
            key=lambda pair: -len(pair[0]),
        )
    ),
    "quantity qualifiers",
)

_DIGITS = re.compile(r"^[-+]?\d{1,3}(?:[,\u2009\u00a0 ]\d{3})+(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Bounds:
    """What a hedged number says: lower and upper bounds (inclusive) and the stated value.

    ``approximate`` marks "about 50": the value is a point estimate, not a bound, and ``min``
    and ``max`` are both the stated value.
    """

    min: int | None
    max: int | None
    value: float | None
    approximate: bool = False


def _clean(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both.

    Args:
        text: "1,200", "2.5 million", "twenty-five", "one hundred and five", "a dozen", "$3bn".

    Returns:
        The number, or ``None`` when the text is not a number.

    Example:
        >>> parse_number("2.5 million")
        2500000.0
    """
    raw = _clean(text)
    raw = re.sub(r"^[$€£¥₴₽]|^(?:us|usd|eur)\s*\$?", "", raw).strip()
    if not raw or re.search(r"\d\s*-\s*\d", raw):
        return None  # a range ("10-15") is not one number
    # "3bn", "10k", "2.5m": digits glued to a scale word.
    glued = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(bn|mn|m|b|k|tn)", raw)
    if glued:
        return float(glued.group(1)) * SCALES[glued.group(2)]
    words = [w for w in re.split(r"[\s-]+", raw) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if _DIGITS.match(word):
            current += float(re.sub(r"[,\u2009\u00a0 ]", "", word))
            seen = True
        elif word in UNITS and not (word in ("a", "an") and len(words) == 1):
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES and (seen or word == "dozen"):
            scale = SCALES[word]
            if word in ("m", "b", "k") and not seen:
                return None
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _as_int(value: float) -> int:
    return int(round(value))


def parse_quantity(text: str) -> Bounds | None:
    """The bounds a possibly hedged quantity states.

    Args:
        text: "at least two", "more than 100", "dozens", "nearly 50", "between 10 and 20", "5".

    Returns:
        The bounds, or ``None`` when no number is recognised.

    Example:
        >>> parse_quantity("more than 100")
        Bounds(min=101, max=None, value=100.0, approximate=False)
    """
    raw = _clean(text)
    if not raw:
        return None
    between = re.fullmatch(r"(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)", raw) or re.fullmatch(
        r"(\S+(?:\s+\S+)?)\s*(?:-|to)\s*(\S+(?:\s+\S+)?)", raw
    )
    if between:
        low, high = parse_number(between.group(1)), parse_number(between.group(2))
        if low is not None and high is not None and low <= high:
            return Bounds(min=_as_int(low), max=_as_int(high), value=None)
    for phrase, count in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
        if (
            raw == phrase
            or raw.endswith(" " + phrase)
            and raw[: -len(phrase)].strip()
            in (
                "",
                "at least",
                "several",
                "many",
            )
        ):
            return Bounds(min=count, max=None, value=None)
    kind = "exact"
    for phrase, qual in _QUALIFIERS.items():
        if raw.startswith(phrase + " ") or (phrase == "~" and raw.startswith("~")):
            kind = qual
            raw = raw[len(phrase) :].strip()
            break
    # "over a dozen", "more than two dozen"
    value = parse_number(raw)
    if value is None:
        vague = VAGUE.get(raw)
        if vague is None:
            return None
        return Bounds(min=vague, max=None, value=None)
    whole = float(value).is_integer()
    n = _as_int(value)
    if kind == "lower_strict":
        return Bounds(min=n + 1 if whole else int(value) + 1, max=None, value=value)
    if kind == "lower":
        return Bounds(min=n if whole else int(value) + 1, max=None, value=value)
    if kind == "upper_strict":
        return Bounds(min=None, max=n - 1 if whole else int(value), value=value)
    if kind == "upper":
        return Bounds(min=None, max=n if whole else int(value), value=value)
    if kind == "approx":
        return Bounds(min=n, max=n, value=value, approximate=True)
    return Bounds(min=n, max=n, value=value)


def qualifier_words() -> frozenset[str]:
    """Every word that can start a hedged quantity ("at", "more", "nearly", ...)."""
    words: set[str] = set()
    for phrase in _QUALIFIERS:
        words.update(phrase.split())
    words.update({"between", "from", "and", "to", "than"})
    return frozenset(words)


def qualifier_phrases() -> tuple[str, ...]:
    """The hedging phrases ("more than", "at least", "nearly"), longest first."""
    return tuple(_QUALIFIERS)


def is_vague_count(word: str) -> bool:
    """True for "dozens", "hundreds", "scores" and the like."""
    return _clean(word) in VAGUE
