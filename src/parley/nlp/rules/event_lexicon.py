"""The event trigger lexicon (``parley/data/event_lexicon.tsv``): loading and matching.

Entries map a word (with optional conditions on its object, subject, particles or complement) to a
CAMEO code, or to a *frame* ("threaten to X", "agree to X", "halt X") that turns the code of its
complement into the code of a statement about it. The format is documented in the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, get_args

from spacy.tokens import Token

from parley import lexicon as parley_lexicon
from parley.cameo.codebook import is_code
from parley.errors import ConfigError
from parley.nlp.deps import (
    ACTING_SUBJECT_DEPS,
    CLAUSE_DEPS,
    COMPLEMENT_DEPS,
    CONDITION_OBJECT_DEPS,
    PARTICLE_DEPS,
)
from parley.nlp.tokens import has_infinitive_to

KINDS = frozenset({"V", "N", "A", "F", "L"})
#: The frames an F/L entry may name: each is handled by the event rules, not by data.
FrameKind = Literal[
    "threat",
    "intent",
    "refusal",
    "demand",
    "appeal",
    "order",
    "halt",
    "aspect",
    "negate",
    "light",
]
FRAMES: frozenset[str] = frozenset(get_args(FrameKind))
CONDITIONS = frozenset({"obj", "subj", "prep", "comp", "ask", "purpose"})
#: A word predicated of the object counts as a particle: "let free", "set free".
_PREDICATIVE_DEPS = frozenset({"ccomp", "xcomp", "acomp", "oprd"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line."""

    kind: str
    words: tuple[str, ...]  # modifiers first, head lemma last ("hunger", "strike")
    conditions: tuple[tuple[str, frozenset[str]], ...]
    value: str  # a CAMEO code, or a frame kind for F/L entries
    line: int

    @property
    def is_frame(self) -> bool:
        return self.kind in {"F", "L"}


_SPLIT = re.compile(r"\t+| {2,}")


def parse_lexicon(text: str) -> dict[tuple[str, str], list[Entry]]:
    """Parse lexicon text into entries keyed by (kind, head lemma), in file order.

    Raises:
        ConfigError: naming the line of a malformed entry or an unknown CAMEO code.
    """
    table: dict[tuple[str, str], list[Entry]] = {}
    problems: list[str] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = _SPLIT.split(line)
        if len(fields) != 4:
            problems.append(f"event_lexicon line {n}: expected 4 fields, got {len(fields)}")
            continue
        kind, lemma, cond_text, value = fields
        if kind not in KINDS:
            problems.append(f"event_lexicon line {n}: unknown kind {kind!r}")
            continue
        if kind in {"F", "L"}:
            if value not in FRAMES:
                problems.append(f"event_lexicon line {n}: unknown frame {value!r}")
                continue
        elif not is_code(value):
            problems.append(f"event_lexicon line {n}: {value!r} is not a CAMEO code")
            continue
        conditions: list[tuple[str, frozenset[str]]] = []
        if cond_text != "-":
            for part in cond_text.split(";"):
                name, _, values = part.partition("=")
                if name not in CONDITIONS:
                    problems.append(f"event_lexicon line {n}: unknown condition {name!r}")
                    break
                conditions.append((name, frozenset(v.strip() for v in values.split(",") if v)))
        words = tuple(lemma.lower().split())
        entry = Entry(kind, words, tuple(conditions), value, n)
        table.setdefault((kind, words[-1]), []).append(entry)
    if problems:
        raise ConfigError("invalid event lexicon:\n" + "\n".join(problems))
    return table


USER_FILE = "event_lexicon.tsv"


def lexicon() -> dict[tuple[str, str], list[Entry]]:
    """The packaged lexicon, extended by ``event_lexicon.tsv`` in the user's lexicon folder
    (``PARLEY_LEXICON_DIR``) when there is one; parsed and checked once per folder."""
    return _lexicon_for(parley_lexicon.current().extra_dir)


@lru_cache(maxsize=8)
def _lexicon_for(extra_dir: str | None) -> dict[tuple[str, str], list[Entry]]:
    text = resources.files("parley").joinpath("data/event_lexicon.tsv").read_text(encoding="utf-8")
    table = parse_lexicon(text)
    user = Path(extra_dir) / USER_FILE if extra_dir is not None else None
    if user is not None and user.is_file():
        try:
            extra = parse_lexicon(user.read_text(encoding="utf-8"))
        except ConfigError as exc:
            raise ConfigError(f"{user}: {exc}") from exc
        for key, entries in extra.items():  # after the shipped entries: those match first
            table[key] = [*table.get(key, []), *entries]
    return table


# -- phrase helpers -----------------------------------------------------------------------------


def phrase_tokens(token: Token) -> list[Token]:
    """The token and its non-clausal dependents (a noun phrase without relative clauses)."""
    out = [token]
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
    return sorted(out, key=lambda t: t.i)


#: The pseudo-lemma of a proper name in a phrase: ``obj=@name`` matches "released Moncayo".
NAME_LEMMA = "@name"


def _lemmas(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out.add(t.lemma_.lower())
        out.add(t.lower_)
        if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "LOC", "FAC", "DATE"}:
            out.add(NAME_LEMMA)
    return out


def object_lemmas(token: Token) -> set[str]:
    """Lemmas of what ``token`` acts on: its objects and prepositional objects (one level)."""
    found: list[Token] = []
    if token.pos_ in {"NOUN", "PROPN"}:
        for child in token.children:
            if child.dep_ not in CLAUSE_DEPS:
                found += phrase_tokens(child)
        return _lemmas(found)
    for child in token.children:
        if child.dep_ in CONDITION_OBJECT_DEPS:
            found += phrase_tokens(child)
        elif child.dep_ in {"prep", "prt"}:
            for grand in child.children:
                if grand.dep_ in {"pobj", "pcomp"}:
                    found += phrase_tokens(grand)
    return _lemmas(found)


def subject_lemmas(token: Token) -> set[str]:
    head = token
    if token.dep_ in {"acomp", "attr"} or token.pos_ == "ADJ":
        head = token.head
    for child in head.children:
        if child.dep_ in ACTING_SUBJECT_DEPS:
            return _lemmas(phrase_tokens(child))
    return set()


def has_complement(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in COMPLEMENT_DEPS:
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children):
            return True
    return False


def asks_for_act(token: Token) -> bool:
    """Whether ``token`` has a complement that asks for an act, not one that states a fact:
    a to-infinitive or a that-clause in the base form or with a modal ("insisted that Russia
    withdraw / must withdraw"), not an indicative one ("insisted the unrest reflected old
    tensions")."""
    for child in token.children:
        if child.dep_ not in COMPLEMENT_DEPS:
            continue
        if child.tag_ == "VB":
            return True
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children):
            return True
    return False


def purpose_lemmas(token: Token) -> set[str]:
    """Lemmas of the to-infinitive purpose clauses of ``token`` or of its object ("sent troops
    to help the army", "sent a team to train police")."""
    holders = [token, *(c for c in token.children if c.dep_ in {"dobj", "obj"})]
    out: set[str] = set()
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"advcl", "xcomp", "acl", "relcl"} and has_infinitive_to(child):
                out.add(child.lemma_.lower())
    return out


def _modifiers_ok(entry: Entry, token: Token) -> bool:
    if len(entry.words) == 1:
        return True
    mods = {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    mods |= {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    return all(w in mods for w in entry.words[:-1])


def conditions_hold(entry: Entry, token: Token) -> bool:
    for name, values in entry.conditions:
        if name == "obj" and not (object_lemmas(token) & values):
            return False
        if name == "subj" and not (subject_lemmas(token) & values):
            return False
        if name == "prep":
            parts = {
                c.lower_
                for c in token.children
                if c.dep_ in PARTICLE_DEPS or c.dep_ in _PREDICATIVE_DEPS
            }
            if not parts & values:
                return False
        if name == "comp" and not has_complement(token):
            return False
        if name == "ask" and not asks_for_act(token):
            return False
        if name == "purpose" and not (purpose_lemmas(token) & values):
            return False
    return _modifiers_ok(entry, token)


def _keys(token: Token) -> tuple[str, ...]:
    """Lemma, surface form and, for inflected verbs, stems the lemmatiser sometimes misses
    ("staged" -> "stage", not "stag")."""
    return _keys_of(token.lower_, token.lemma_, token.tag_)


@lru_cache(maxsize=16384)
def _keys_of(low: str, lemma: str, tag: str) -> tuple[str, ...]:
    keys = [lemma.lower(), low]
    if tag in {"VBD", "VBN"} and low.endswith("ed"):
        keys += [low[:-1], low[:-2]]
        if len(low) > 4 and low[-3] == low[-4]:
            keys.append(
                low[:-3]
            )  # "shelled" -> "shell" is covered; "jailed" too; "planned" -> "plan"
    elif tag == "VBG" and low.endswith("ing"):
        keys += [low[:-3], low[:-3] + "e"]
    elif tag == "VBZ" and low.endswith("s"):
        keys += [low[:-1]]
    return tuple(dict.fromkeys(keys))


def listed(token: Token) -> bool:
    """Whether the lexicon has an entry of any kind under one of ``token``'s keys: without
    one, :func:`match` finds nothing for it, whatever the kinds."""
    words = _listed_words(parley_lexicon.current().extra_dir)
    return any(key in words for key in _keys(token))


@lru_cache(maxsize=8)
def _listed_words(extra_dir: str | None) -> frozenset[str]:
    return frozenset(key for _, key in _lexicon_for(extra_dir))


def match(token: Token, kinds: tuple[str, ...]) -> Entry | None:
    """The first entry of the given kinds (in that order) whose conditions hold at ``token``."""
    table = lexicon()
    keys = _keys(token)
    for kind in kinds:
        for key in keys:
            for entry in table.get((kind, key), ()):
                if conditions_hold(entry, token):
                    return entry
    return None
