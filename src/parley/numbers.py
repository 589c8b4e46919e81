"""Numbers as news writes them, and the bounds their qualifiers imply (pure, no spaCy).

``parse_number("twenty-five")`` gives 25.0; ``parse_quantity("more than 100")`` gives
``Bounds(min=101, max=None, value=100)``. Casualty counts and amounts use these so that a figure
the article hedges ("at least two", "nearly 50", "dozens") is stored as the bound it states,
never as a made-up exact number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "k": 1e3,
    "dozen": 12,
    "lakh": 1e5,
    "crore": 1e7,
}
# Vague plurals: the smallest number the word can honestly stand for ("dozens" is two dozen).
VAGUE: dict[str, int] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "millions": 2000000,
    "several": 3,
    "a few": 2,
    "a handful": 2,
    "a couple": 2,
    "a couple of": 2,
    "numerous": 2,
    "multiple": 2,
}

# Qualifier -> how it bounds the number. Longest phrases are tried first, so "no more than"
# wins over "more than".
_LOWER_STRICT = ("more than", "over", "upwards of", "in excess of", "greater than", "above")
_LOWER = ("at least", "no fewer than", "no less than", "a minimum of")
_UPPER_STRICT = ("fewer than", "less than", "under", "below", "nearly", "almost", "just under")
_UPPER = ("at most", "up to", "no more than", "a maximum of", "not more than", "as many as")
_APPROX = (
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "circa",
    "~",
)

_QUALIFIERS: list[tuple[str, str]] = sorted(
    [(q, "lower_strict") for q in _LOWER_STRICT]
    + [(q, "lower") for q in _LOWER]
    + [(q, "upper_strict") for q in _UPPER_STRICT]
    + [(q, "upper") for q in _UPPER]
    + [(q, "approx") for q in _APPROX],
    key=lambda pair: -len(pair[0]),
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
    for phrase, qual in _QUALIFIERS:
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
    for phrase, _ in _QUALIFIERS:
        words.update(phrase.split())
    words.update({"between", "from", "and", "to", "than"})
    return frozenset(words)


def qualifier_phrases() -> tuple[str, ...]:
    """The hedging phrases ("more than", "at least", "nearly"), longest first."""
    return tuple(phrase for phrase, _ in _QUALIFIERS)


def is_vague_count(word: str) -> bool:
    """True for "dozens", "hundreds", "scores" and the like."""
    return _clean(word) in VAGUE
