"""Linking across articles: actor names, quote identity and wording changes, event identity.

Pure functions over strings and ``parley.types``; the store calls them inside its transactions.

- **Actors.** A person is keyed by the normalised full name ("donald trump") plus country when
  known. A bare surname ("Trump", "President Trump") joins the one full-named person with that
  surname whose country agrees; with several candidates it joins none (different people with the
  same surname in different countries or roles stay apart) and waits as a surname-only actor,
  which a later full name absorbs when it is unambiguous. A description instead of a name
  ("a police spokesperson", "officials") stays an actor of its own article.
- **Quotes.** The same speaker's quotes whose words overlap with token F1 >= 0.8 are one quote;
  each source keeps its own wording, and the word-level difference to the earliest source is
  recorded so a reader sees who changed what.
- **Events.** One event per (source, target, code, day, place, negated).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from parley import lexicon
from parley.types import Actor, Article, Event

#: Honorifics and offices dropped from names before matching ("President Trump" -> "trump").
TITLE_WORDS = lexicon.word_set("linking_title_words")
QUOTE_MATCH_F1 = 0.8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents: "Zelenskyy" and "Zelenskyy" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The folded word tokens of ``text`` (punctuation and quote marks dropped)."""
    return [w.replace("’", "'") for w in _WORD.findall(fold(text))]


def name_tokens(name: str) -> list[str]:
    """A person's name without leading titles: "US President Donald Trump's" -> donald trump.

    Only *leading* titles and acronyms ("US", "UN") go, so "Kim Jong Un" keeps its "un".
    """
    raw = _WORD.findall(name)
    while raw and (fold(raw[0]) in TITLE_WORDS or (raw[0].isupper() and len(raw[0]) <= 3)):
        raw = raw[1:]
    tokens = [fold(t).replace("’", "'") for t in raw]
    if tokens and tokens[-1].endswith("'s"):
        tokens[-1] = tokens[-1][:-2]
    tokens = [t for t in tokens if t]
    return tokens or words(name)


def normalise_name(name: str) -> str:
    """The matching form of a name: folded, titles dropped, single spaces."""
    return " ".join(name_tokens(name))


def countries_agree(a: str | None, b: str | None) -> bool:
    """True unless both countries are known and differ."""
    return a is None or b is None or a == b


def _key(*parts: object) -> str:
    return hashlib.sha1(
        "\x1f".join("" if p is None else str(p) for p in parts).encode()
    ).hexdigest()


def actor_key(kind: str, norm: str, country: str | None) -> str:
    """A stable key for a canonical actor (readable prefix plus a hash)."""
    slug = re.sub(r"[^a-z0-9]+", "-", norm)[:40].strip("-") or "actor"
    return f"{slug}-{_key(kind, norm, country or '')[:10]}"


#: First words of a description rather than a name ("a police spokesperson", "the father").
DESCRIPTION_WORDS = lexicon.word_set("description_words")


def is_description(kind: str, name: str) -> bool:
    """An unnamed source ("a police spokesperson", "officials", "the father"): the article's
    own description, not a name, so the same words in two articles need not be one actor."""
    words = name.split()
    if not words or kind == "country":
        return False
    if kind in ("person", "group"):
        return words[0].lower() in DESCRIPTION_WORDS or name == name.lower()
    # An organisation's name may begin with "the" ("the Kremlin"); "the company" does not name.
    return words[0].lower() in DESCRIPTION_WORDS and len(words) > 1 and words[1] == words[1].lower()


def local_actor_key(kind: str, norm: str, doc_id: str) -> str:
    """The key of an actor known only by a description: one per article."""
    slug = re.sub(r"[^a-z0-9]+", "-", norm)[:40].strip("-") or "actor"
    return f"{slug}-{_key(kind, norm, 'doc', doc_id)[:10]}"


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """What the resolver needs to know about one article actor."""

    kind: str
    norm: str  # normalised full name
    surname: str
    full_name: bool  # False when the article only gives one name
    country: str | None
    title: str | None
    aliases: tuple[str, ...]
    description: bool = False  # "a police spokesperson": never linked across articles


def profile(actor: Actor) -> ActorProfile:
    """The resolver's view of an article actor."""
    person = actor.kind == "person"
    tokens = name_tokens(actor.name) if person else words(actor.name)
    norm = " ".join(tokens)
    aliases = {norm}
    for alias in actor.aliases:
        a = normalise_name(alias) if person else " ".join(words(alias))
        if a:
            aliases.add(a)
    return ActorProfile(
        kind=actor.kind,
        norm=norm,
        surname=tokens[-1] if tokens else norm,
        full_name=(len(tokens) >= 2) if person else True,
        country=actor.country,
        title=actor.title,
        aliases=tuple(sorted(aliases)),
        description=is_description(actor.kind, actor.name),
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str
    kind: str
    country: str | None
    title: str | None
    full_name: bool
    surname: str | None


def _title_words(title: str | None) -> set[str]:
    return {w for w in words(title or "") if w not in {"the", "of", "former", "acting"}}


def pick_candidate(p: ActorProfile, candidates: Sequence[Candidate]) -> Candidate | None:
    """The one stored actor an article actor is, or ``None`` (new, or ambiguous).

    ``candidates`` are stored actors of the same kind that share the full name (or, for a
    single-name actor, the surname). Country must agree; among several, an equal country and then
    an overlapping title decide; a tie means we cannot tell them apart, so nothing is merged.
    """
    fitting = [c for c in candidates if c.kind == p.kind and countries_agree(c.country, p.country)]
    if not fitting:
        return None
    if len(fitting) == 1:
        c = fitting[0]
        # A surname-only mention with a title that contradicts the candidate's stays apart.
        if (
            not p.full_name
            and p.title
            and c.title
            and not (_title_words(p.title) & _title_words(c.title))
        ):
            return None
        return c
    if p.country:
        same = [c for c in fitting if c.country == p.country]
        if len(same) == 1:
            return same[0]
        fitting = same or fitting
    if p.title:
        tw = _title_words(p.title)
        titled = [c for c in fitting if tw & _title_words(c.title)]
        if len(titled) == 1:
            return titled[0]
    full = [c for c in fitting if c.full_name]
    if p.full_name and len(full) == 1:
        return full[0]
    return None


# --- quotes -------------------------------------------------------------------------------


def token_f1(a: Sequence[str], b: Sequence[str]) -> float:
    """Token-level F1 of two word lists (bag of words), as the gold scorer uses."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(b), common / len(a)
    return 2 * precision * recall / (precision + recall)


def same_quote(a: str, b: str) -> bool:
    """True when two wordings are the same quote (identical words, or F1 >= 0.8)."""
    wa, wb = words(a), words(b)
    return wa == wb or token_f1(wa, wb) >= QUOTE_MATCH_F1


def quote_id(speaker_key: str | None, text: str) -> str:
    """Id of a new canonical quote: its speaker and normalised first wording."""
    return f"q-{_key(speaker_key or '', ' '.join(words(text)))[:16]}"


def word_changes(reference: str, variant: str) -> dict[str, object] | None:
    """What ``variant`` changed against ``reference``, word by word; ``None`` if nothing.

    Returns ``{"removed": [...], "added": [...], "edits": [{"from": "...", "to": "..."}]}``;
    punctuation and case are ignored because outlets restyle them freely.
    """
    ra, va = words(reference), words(variant)
    if ra == va:
        return None
    edits: list[dict[str, str]] = []
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=ra, b=va, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before, after = " ".join(ra[i1:i2]), " ".join(va[j1:j2])
        edits.append({"from": before, "to": after})
        removed.extend(ra[i1:i2])
        added.extend(va[j1:j2])
    return {"removed": removed, "added": added, "edits": edits}


# --- events -------------------------------------------------------------------------------


def outlet(article: Article) -> str:
    """The outlet that published an article: its ``source``, else the URL host, else its id."""
    if article.source:
        return article.source
    if article.url:
        host = urlparse(article.url).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return article.id


def event_day(event: Event, article: Article) -> str | None:
    """The event's day (ISO): its own full date, else the article's publication date."""
    if event.date and len(event.date) == 10:
        return event.date
    return article.published.isoformat() if article.published else None


def _party(ea: object) -> str:
    if ea is None:
        return ""
    country = getattr(ea, "country", None)
    return country or normalise_name(getattr(ea, "name", "") or "")


def event_id(event: Event, article: Article) -> str:
    """The deduplication key: dyad, code, day, place and negation."""
    place = event.places[0] if event.places else None
    place_part = (place.country or "") + "/" + fold(place.name) if place else ""
    target = event.targets[0] if event.targets else None
    return (
        "e-"
        + _key(
            _party(event.source),
            _party(target),
            event.code,
            event_day(event, article),
            place_part,
            event.negated,
        )[:16]
    )
