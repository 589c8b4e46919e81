"""The word lists of speech attribution, read lazily from the lexicon, and the tests of a cue.

A cue is a verb of saying ("said", "warned"), the phrase "according to", or a noun of saying
("the envoy's claim"); :func:`cue_text` and :func:`cue_span` give its words. The lists of
speakers' words (pronouns, spokesperson and peer nouns, never-speakers) live here too, so that
the modules finding and resolving speakers share one source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.rules.actors import PRONOUN_GENDER
from parley.nlp.rules.quotatives import quotative_tail

Quoted = Callable[[int], bool] | None

# Word lists live in parley/data/lexicon (speech_verbs.tsv and the .txt files named here); the
# names stay, read lazily from the current lexicon.
SPEECH_VERBS = lexicon.where_set("speech_verbs", "speech")
# Verbs that are verbs of saying only when the quotation or a clause hangs from them
# ("maintained that ...", "found the advice 'unlawful'"), not merely nearby ("maintain packages").
WEAK_SPEECH_VERBS = lexicon.where_set("speech_verbs", "weak")
# Verbs that introduce reported speech with a clause (a subset: "praise" takes no clause).
REPORTING_VERBS = lexicon.where_set("speech_verbs", "reporting")
#: Verbs of saying of either kind: what "another's report" and "supposed speech" test a verb for.
SAYING_VERBS = lexicon.derived_set(
    "verbs of saying", lambda: REPORTING_VERBS.get() | SPEECH_VERBS.get()
)
SPEECH_NOUNS = lexicon.word_set("speech_nouns")
# Nouns for documents that speak for their author ("the opinion of the Court read ...").
DOCUMENT_NOUNS = lexicon.word_set("document_nouns")
# The account or page a document is posted from ("a post from the mayor's official account", "a
# statement on the agency's website"): the owner of the account speaks.
ACCOUNT_NOUNS = lexicon.word_set("account_nouns")
NP_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with", "to", "within", "inside"})
#: "a UN spokesperson", "a source within the ministry": a person speaking for an organisation.
SPOKESPERSON_NOUNS = lexicon.word_set("spokesperson_nouns")
#: "X and his counterparts, Y and Z": nouns that give the people they name X's office.
PEER_NOUNS = lexicon.word_set("peer_nouns")
#: "asked her to explain": verbs whose object does what their "to" clause says.
OBJECT_CONTROL_VERBS = lexicon.word_set("object_control_verbs")
# he/she and their forms (genders as ActorRecord.gender spells them); plural and neuter: None.
PRONOUNS: lexicon.WordMap[str, str | None] = lexicon.WordMap(
    lambda lex: {**PRONOUN_GENDER, **dict.fromkeys(("they", "them", "their", "it", "its"), None)},
    "pronouns",
)
# "That said, ...", "signs which read ...", first person outside quotes (the writer).
NEVER_SPEAKERS = lexicon.word_set("never_speakers")


def never_speaks(token: Token) -> bool:
    """Whether ``token`` is a word that never names a speaker ("that", "who", "we"). An
    organisation written in capitals with one of those spellings ("the WHO said", "the US
    says") is a name, not the pronoun."""
    return token.lower_ in NEVER_SPEAKERS and not is_acronym_name(token)


def is_acronym_name(token: Token) -> bool:
    """A proper noun written in capitals ("WHO", "US", "U.S."): an organisation's or a
    country's short name, never a pronoun, whatever its lower-case spelling."""
    if not in_capitals(token.text):
        return False
    if token.tag_ in {"NNP", "NNPS"}:
        return True
    # "WHO describes the symptoms as ...": the tagger reads the capitals as the pronoun; a
    # relative clause or a sentence written all in capitals (a headline) still reads so.
    return token.head.dep_ != "relcl" and any(t.is_lower for t in token.sent)


def in_capitals(word: str) -> bool:
    """Two or more letters, all capitals, dots allowed between them ("WHO", "U.S.")."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


#: The first two characters of a description's opening article ("A ", "An", "The"): written
#: lower case when the description becomes a name; "On" opens "One official".
DESCRIPTION_OPENINGS = frozenset({"A ", "An", "Th"})
SPOKESPERSON_OPENINGS = frozenset({"A ", "An", "On"})


def description_name(words: Span, openings: frozenset[str] = DESCRIPTION_OPENINGS) -> str:
    """The name an unnamed actor takes from the article's description of it: an opening
    word whose first two characters are in ``openings`` ("A police spokesman", "The memo")
    in lower case; a name left as written ("Ann Reed's husband", not "ann Reed's husband")."""
    text = words.text.strip()
    first = words[0] if len(words) else None
    if text[:2] not in openings or first is None or first.tag_ in {"NNP", "NNPS"}:
        return text
    return text[0].lower() + text[1:]


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue: its token and the tokens naming the speaker (may be empty)."""

    token: Token
    text: str


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS


def is_document(token: Token) -> bool:
    """A noun for a document or record ("the motion", "the ruling"), which speaks for its
    owner when it has one."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS


def is_according_to(token: Token) -> bool:
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def is_speech_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS


def cue_text(token: Token) -> str:
    if is_according_to(token):
        return "according to"
    like = quotative_tail(token)
    if like is not None:
        return f"{token.text} {like.text}"  # "was like", "'s like": the quotative's words
    particle = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particle])


def cue_span(token: Token) -> tuple[int, int]:
    """``(start, end)`` of a cue's words: the verb with its particle ("pointed out"), or
    "according to"."""
    end = token.idx + len(token.text)
    if is_according_to(token):
        to = next(c for c in token.children if c.lower_ == "to")
        end = max(end, to.idx + len(to.text))
    like = quotative_tail(token)
    if like is not None:
        end = like.idx + len(like.text)
    for child in token.children:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return token.idx, end
