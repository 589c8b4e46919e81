"""The word lists and small text helpers of the actor rules."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Span, Token

from parley import lexicon


def _gender(value: str) -> str | None:
    return None if value == "-" else value


PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}

# The word lists are data: parley/data/lexicon/<name>.txt|tsv, read from the current lexicon
# when first used (a user folder, PARLEY_LEXICON_DIR, adds entries).

#: Words that name a role or office (lower case); a title phrase must contain one.
TITLE_NOUNS = lexicon.word_set("title_nouns")
#: Words that may precede a title noun inside a title ("Prime Minister", "Foreign Minister").
TITLE_MODIFIERS = lexicon.word_set("title_modifiers")
#: Role nouns that end an office set before its holder's name ("Dover Fire Chief, Tom Reed").
OFFICE_ENDINGS = lexicon.word_set("office_endings")
# Words that change which office a title names: "the President" is not the Vice President.
RANK_MODIFIERS = lexicon.word_set("rank_modifiers")
#: Description heads that stand for the person just written about ("the candidate"), by kind.
HOLDER_ROLES = lexicon.where_set("holder_descriptions", "kind", "role")
HOLDER_OFFICES = lexicon.where_set("holder_descriptions", "kind", "office")
#: Honorific -> the gender it gives, or None ("Dr").
HONORIFICS: lexicon.WordMap[str, str | None] = lexicon.table_map(
    "honorifics", "word", "gender", _gender
)
GENDERED_WORDS: lexicon.WordMap[str, str] = lexicon.table_map("gendered_words", "word", "gender")
#: Abbreviated office -> the office it stands for ("sen" -> "Senator").
TITLE_ABBREVIATIONS: lexicon.WordMap[str, str] = lexicon.table_map(
    "title_abbreviations", "abbreviation", "office"
)
#: Kin and close companions ("Ann Reed's husband"), who are people of their own.
RELATIVE_NOUNS = lexicon.word_set("relative_nouns")
# Names of platforms and products the tagger often calls PERSON ("said on Twitter").
NOT_PEOPLE = lexicon.word_set("platform_names")
# Words that make an ORG entity an organisation even in the shape of a name ("Atlantic Council").
ORG_WORDS = lexicon.word_set("org_words")
#: Words that put a body below its country: "the city government" is not the country's.
GOVERNMENT_LEVELS = lexicon.word_set("government_levels")
TIME_ZONES = lexicon.word_set("time_zones")
PRONOUN_GENDER: lexicon.WordMap[str, str] = lexicon.table_map("pronoun_gender", "word", "gender")
#: Verbs whose proper-noun subject is a person the tagger missed ("Pavel Orlov said"): the
#: ``names_speaker`` column of speech_verbs.tsv.
SAYING_LEMMAS = lexicon.where_set("speech_verbs", "names_speaker")
#: Lower-case words inside people's names ("de", "von der", "bin", the "al" of "al-Assad").
NAME_PARTICLES = lexicon.word_set("name_particles")
#: Words an acronym skips ("International Water Commission" -> IWC).
ACRONYM_SKIP_WORDS = lexicon.word_set("acronym_skip_words")
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


def is_title_word(low: str) -> bool:
    """A role noun, singular or plural ("President", "Presidents")."""
    return low in TITLE_NOUNS or (low.endswith("s") and low[:-1] in TITLE_NOUNS)


def is_office_word(low: str) -> bool:
    """A word of an office's name: a role noun or a word that qualifies one ("Deputy",
    "Prime"), the words a title before a name is made of."""
    return is_title_word(low) or low in TITLE_MODIFIERS


def is_name_particle(tok: Token) -> bool:
    """A particle of a person's name ("de" of "Tom de Vries", "Van" of "Van der Bellen"): a
    listed word, lower-case or tagged a proper noun ("De Blasio said"); "ten" as a number
    only inside a name the tagger found ("Jan ten Cate", not "ten Democrats")."""
    if tok.lower_ not in NAME_PARTICLES:
        return False
    if tok.like_num and tok.ent_type_ != "PERSON":
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in DETERMINERS:
        return False  # "a van", "the Van": a word of its own
    return tok.is_lower or tok.pos_ == "PROPN"


def begins_like_name(name: str) -> bool:
    """A capital first, or particles before a capitalised word ("de Vries", "al-Assad",
    "von der Leyen"): how a person's name (or surname) starts."""
    if name[:1].isupper():
        return True
    words = name.replace("-", " ").split()
    particles = NAME_PARTICLES.get()
    k = 0
    while k < len(words) - 1 and words[k] in particles:
        k += 1
    return k > 0 and words[k][:1].isupper()


@lru_cache(maxsize=65536)
def norm_token(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace(".", "").replace("\u2019", "'")


def name_tokens(name: str) -> list[str]:
    return list(name_token_tuple(name))


@lru_cache(maxsize=65536)
def name_token_tuple(name: str) -> tuple[str, ...]:
    """``name_tokens``, cached: the same few names are compared with each other many times."""
    return tuple(t for t in map(norm_token, name.split()) if t)


def is_initial(token: str) -> bool:
    return len(token) <= 2


def clean_name(span: Span) -> str:
    text = span.text.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.endswith("'s") or text.endswith("\u2019s"):
        text = text[:-2]
    return text.strip()


DESIGNATION = re.compile(r"[A-Za-z]{1,6}-\d{1,4}[A-Za-z]?")


def plural_office(office: str) -> str:
    """ "foreign minister" -> "foreign ministers", "secretary" -> "secretaries"."""
    words = office.split()
    last = words[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def head_word(words: list[str]) -> str:
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1]


def acronym_of(name: str) -> str:
    skip = ACRONYM_SKIP_WORDS.get()
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w.lower() not in skip and w[:1].isalpha()
    ).upper()


def strip_transient(title: str) -> str:
    # "incumbent" or "newly elected" describe the moment, not the office.
    return re.sub(
        r"^(?:incumbent|newly elected|current|then-?)\s*", "", title, flags=re.IGNORECASE
    ).strip(" -")


def in_latin_script(text: str) -> bool:
    """Whether every letter of ``text`` is of the Latin alphabet (accents allowed): the English
    parser reads words of another script (a transcript's answer kept in its own language) as
    names at random, and an English article writes its actors' names in Latin letters."""
    return text.isascii() or all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text
    )
