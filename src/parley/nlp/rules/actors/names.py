"""When two forms name the same person ("Trump" / "Donald Trump")."""

from __future__ import annotations

from functools import lru_cache

from parley.nlp.rules.actors.record import ActorRecord
from parley.nlp.rules.actors.words import NAME_PARTICLES, is_initial, name_token_tuple


def name_words(name: str) -> tuple[str, ...]:
    """The words of a person's name as names are matched: normalised, and a surname joined to
    its particle by a hyphen ("al-Assad", "El-Sisi") read without it, since "Assad" names the
    same man."""
    return _name_words(name, NAME_PARTICLES.get())


@lru_cache(maxsize=65536)
def _name_words(name: str, particles: frozenset[str]) -> tuple[str, ...]:
    # (keyed on the particles too: a user's lexicon folder may add some)
    words = []
    for word in name_token_tuple(name):
        particle, hyphen, rest = word.partition("-")
        words.append(rest if hyphen and rest and particle in particles else word)
    return tuple(words)


def names_compatible(short: str, long: str) -> bool:
    """True when ``short`` can name the same person as ``long`` ("Trump" / "Donald Trump").

    A single word must be one of the later words of the longer name (a surname, possibly of a
    double surname); longer names must have all their (non-initial) words in the other, and
    the same first word or no first name at all ("Pierluisi Urrutia"). A lower-case particle
    one of them leaves out does not part them ("dos Santos" / "Mat Santos"); a capitalised one
    may be a given name ("Van Jones") and counts.
    """
    a, b = name_words(short), name_words(long)
    if _compatible(a, b):
        return True
    plain_a, plain_b = _without_particles(short), _without_particles(long)
    return (plain_a, plain_b) != (a, b) and _compatible(plain_a, plain_b)


def _without_particles(name: str) -> tuple[str, ...]:
    """``name_words`` without the particles written in lower case ("dos Santos" -> "santos")."""
    particles = NAME_PARTICLES.get()
    return _plain_words(name, particles) or _name_words(name, particles)


@lru_cache(maxsize=65536)
def _plain_words(name: str, particles: frozenset[str]) -> tuple[str, ...]:
    kept = " ".join(w for w in name.split() if not (w.islower() and w in particles))
    return _name_words(kept, particles)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) > len(b):
        a, b = b, a
    if not a or not b:
        return False
    if a == b:
        return True
    if not any(t in b for t in a):  # every compatible pair shares a word; most pairs do not
        return False
    core_a = [t for t in a if not is_initial(t)] or a
    core_b = [t for t in b if not is_initial(t)] or b
    if len(a) == 1:
        return a[0] in b[1:] or (len(b) == 1 and a[0] == b[0])
    if not all(t in b for t in core_a):
        return False
    if a[0] == b[0]:
        return True
    # "Pierluisi Urrutia" in "Pedro R. Pierluisi Urrutia": a surname-only form, no given name.
    return a[0] in b[1:] and core_a[-1] == core_b[-1]


def first_names_agree(a: str, b: str) -> bool:
    ta, tb = name_words(a), name_words(b)
    if len(ta) < 2 or len(tb) < 2:
        return True
    if len(_without_particles(a)) < 2 or len(_without_particles(b)) < 2:
        return True  # a surname with its particles ("dos Santos") gives no first name
    return (
        ta[0] == tb[0]
        or ta[0] in tb[1:]
        or tb[0] in ta[1:]
        or is_initial(ta[0])
        or is_initial(tb[0])
    )


def pick_namesake(cands: list[ActorRecord], offset: int) -> ActorRecord:
    # A bare surname shared by several people names the one the article is about (most
    # mentions so far); a tie goes to the one named last.
    def score(r: ActorRecord) -> tuple[int, int]:
        before = [s for s, _ in r.mentions if s < offset]
        return (len(before), max(before) if before else -1)

    return max(cands, key=score)


class NameIndex:
    """People by the words of their names. Two names ``names_compatible`` accepts always share
    a word, so a lookup tests only the records that share one (in the order they were added)
    instead of every record of the article: the cost stays linear in a long text."""

    def __init__(self, records: list[ActorRecord] | None = None) -> None:
        self._rank: dict[int, int] = {}
        self._by_word: dict[str, list[ActorRecord]] = {}
        for record in records or ():
            self.add(record)

    def add(self, record: ActorRecord) -> None:
        self._rank[id(record)] = len(self._rank)
        self.renamed(record)

    def renamed(self, record: ActorRecord) -> None:
        """Index ``record`` under the words of its (new) name too."""
        for word in set(name_words(record.name)):
            held = self._by_word.setdefault(word, [])
            if not held or held[-1] is not record:
                held.append(record)

    def sharing_a_word(self, name: str) -> list[ActorRecord]:
        """The records whose name shares a word with ``name``, in the order they were added."""
        found = {id(r): r for word in set(name_words(name)) for r in self._by_word.get(word, ())}
        return sorted(found.values(), key=lambda r: self._rank[id(r)])
