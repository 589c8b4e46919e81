"""The shape of a quotation's text: woven into the reporter's sentence or set off as one of its
own, and whether its words are a name rather than speech. Pure functions of text and tags."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from spacy.tokens import Span

from parley import lexicon
from parley.nlp.deps import FINITE_TAGS
from parley.quotemarks import MarkedSpan

#: Verbs of saying right before a quotation that introduce it as a clause of its own.
INTRODUCING_WORDS = frozenset(
    """said says saying say wrote writes writing added adds adding declared stated stating
    tweeted asked replied answered told explained announced insisted warned""".split()
)
_LOWER_START = re.compile(r"^[\s\[(…\.]*[a-z]")

#: Dashes that set a speaker label off what heads its line: "EXCLUSIVE – Roger Stone: ...".
LABEL_DASHES = (" - ", " – ", " — ")


def label_before(
    text: str, line_start: int, colon: int, separators: tuple[str, ...] = LABEL_DASHES
) -> str:
    """The words from ``line_start`` to the ``colon`` after the last of ``separators``: the
    speaker label of a headline or transcript line."""
    label = text[line_start:colon]
    for separator in separators:
        label = label.rpartition(separator)[2]
    return label


def quotation_kind(text: str, span: MarkedSpan, para_starts: set[int]) -> str:
    """``direct`` for a quotation set off as a sentence or more; ``partial`` when woven in."""
    i = span.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    before = text[i] if i >= 0 else "\n"
    content = text[span.start : span.end]
    if span.continued or before == "\n" or span.open_at in para_starts:
        return "direct"
    if before in ".!?:" or (before == "," and not _LOWER_START.match(content)):
        return "direct"
    if before in "—–-(" and not _LOWER_START.match(content):
        return "direct"
    # 'she said, "and we stayed."' continues a direct quotation; 'saying "I commit that ..."'
    # is a capitalised clause right after a verb of saying.
    word = re.search(r"(\w+)(\W*)$", text[max(0, span.open_at - 30) : span.open_at])
    if word is None or word.group(1).lower() not in INTRODUCING_WORDS:
        return "partial"
    after_punctuation = word.group(2).strip() in {",", ":"}
    return "direct" if after_punctuation or not _LOWER_START.match(content) else "partial"


def is_sentence(tokens: Span) -> bool:
    """A capitalised quotation of five words or more with a finite verb: a sentence of its own,
    even when the reporter ran it into their own ("told reporters "Women in France ...")."""
    words = [t for t in tokens if not t.is_punct]
    first = next((t for t in tokens if t.is_alpha), None)
    return (
        len(words) >= 5
        and first is not None
        and first.text[:1].isupper()
        and any(t.tag_ in FINITE_TAGS for t in tokens)
    )


_FUNCTION_WORDS = frozenset("the a an of and for in on at to de la le".split())


def looks_like_name(words: list[str], *, longest: int = 4) -> bool:
    """Up to four words whose content words are all capitalised: "the Kettle", "Silent Border";
    a number among them is part of the name ("Vision 2040", "Route 9")."""
    bare = (w.strip(".,;:!?") for w in words)
    content = [w for w in bare if w.lower() not in _FUNCTION_WORDS and not w.isdigit()]
    return (
        0 < len(words) <= longest and bool(content) and all(w[:1].isupper() for w in content if w)
    )


#: What sets a programme's or a publication's title after its owner or its medium: "NBC's
#: 'Meet the Press'", "told ABC's 'This Week'", "in an interview with 'Fox and Friends'".
_TITLE_BEFORE = re.compile(r"(?:\w['’]s|\ws['’]|\b(?:on|with))\s*$", re.IGNORECASE)


def is_title(text: str, span: MarkedSpan) -> bool:
    """A Title Cased quotation of up to six words set right after a possessive, "on" or "with":
    the name of a programme or a work ("said on CBS's 'Face the Nation'"), not speech."""
    if not _TITLE_BEFORE.search(text[max(0, span.open_at - 30) : span.open_at]):
        return False
    return looks_like_name(text[span.start : span.end].split(), longest=6)


#: A court case's name: two parties with "v." or "versus" between them ("Reed v. Dover Council").
_CASE_NAME = re.compile(r"^\W*(?P<first>[A-Z].*?)\s+(?:v|vs|versus)\.?\s+(?:the\s+)?[A-Z]")
#: Words a clause opens with, not a party ("It's us versus them").
_CLAUSE_OPENERS = frozenset("it it's its this that we i you they he she there".split())


def is_case_name(content: str) -> bool:
    """A court case's name in marks ('ruled in the case "Reed v. Dover Council"'): the parties
    of a lawsuit, not words anyone said. The first party is capitalised words ("United States
    v. Reed" too); a clause ("It's Us versus Them") or one of eleven words or more stays."""
    match = _CASE_NAME.match(content)
    if match is None or len(content.split()) > 10:
        return False
    party = match.group("first").split()
    if party[0].lower().strip(".,") in _CLAUSE_OPENERS:
        return False
    return all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in party)


#: A person named right before "of" or "from" ("Ann Pratt of", "Tom Reed from").
_MEMBER_OF = re.compile(r"\b[A-Z][\w'’.-]*\s+(?:of|from)\s*$")
#: An appositive that says what the body in marks is: '"...", a charity', '"...", an NGO'.
_BODY_APPOSITIVE = re.compile(r"^\W{0,2}\s*,\s+(?:a|an)\s+[\w'’-]")


def is_body_name(text: str, span: MarkedSpan) -> bool:
    """The name of a body, in marks after the person it counts among and before an appositive
    that says what it is: 'Ann Pratt of "Safe Harbour", a victims' charity, said': the group's
    name, whatever its words ("Have no fear" is a name here, not advice)."""
    content = text[span.start : span.end]
    if not 0 < len(content.split()) <= 6 or content.rstrip()[-1:] in {".", "!", "?"}:
        return False
    after = text[span.end + span.width : span.end + span.width + 30]
    before = text[max(0, span.open_at - 40) : span.open_at]
    return bool(_MEMBER_OF.search(before)) and bool(_BODY_APPOSITIVE.match(after))


#: Words a title leaves in lower case (title_minor_words.txt).
TITLE_MINOR_WORDS = lexicon.word_set("title_minor_words")
#: How a name of a work, show or slogan hangs in the sentence: as a noun phrase.
_NOMINAL_DEPS = frozenset(
    {"pobj", "appos", "dobj", "dative", "nsubj", "nsubjpass", "compound", "conj"}
)
#: Words that open a sentence rather than a title.
_SENTENCE_OPENERS = frozenset({"PRON", "AUX"})
#: Verbs of saying whose object is whom they address ("told 'Morning Show'"), not the words.
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "brief"})
#: Verbs of saying that also put on an event: 'held a "Salute to Dover"' names the event held.
_EVENT_VERBS = frozenset({"hold", "host", "stage"})
#: Nouns a Title Cased name in marks may modify and still be words someone wrote: '"Dump the
#: Mayor" signs' carry a slogan, '"Tommy the Tug" toy boats' only a product's name.
_TEXT_BEARING = lexicon.word_set("text_bearing_nouns")
_WORN_TEXT = lexicon.word_set("worn_text_nouns")
_NAMING = lexicon.word_set("naming_words")
_STRIP = ".,;:!?\"'“”‘’()[]"


def is_title_cased_work(
    text: str, span: MarkedSpan, tokens: Span | None, saying_verbs: AbstractSet[str]
) -> bool:
    """A Title Cased noun phrase of two to twelve words between marks, in a sentence that is not
    itself a Title Cased headline: the name of a book, show, song or campaign ("the author of
    'Going Viral'", "told 'Morning Show'", "starred in 'Parks and Gardens'"), not speech.
    Shouts in capitals, exclamations and questions, and sentences ("That's Roe and Lee.") stay
    quotations, and so do the words a verb of saying (``saying_verbs``) takes as its object.
    """
    content = text[span.start : span.end].strip()
    minor = TITLE_MINOR_WORDS.get()
    if not _title_cased(content, minor) or tokens is None or not len(tokens):
        return False
    first = next((t for t in tokens if not t.is_punct), None)
    if first is None or first.pos_ in _SENTENCE_OPENERS:
        return False
    top = next((t for t in tokens if not tokens.start <= t.head.i < tokens.end), None)
    if top is None:
        return False
    if top.dep_ not in _NOMINAL_DEPS and not _names_the_noun_after(tokens):
        return False
    verb = top.head.lemma_.lower()
    # 'chanting "Dump the Mayor"', 'a sign that read "Roe for Mayor"': words said; but 'held
    # a "Salute to Dover"' (an article before the marks) names the event held.
    event = verb in _EVENT_VERBS and any(c.dep_ == "det" for c in top.children)
    if top.dep_ == "dobj" and verb in saying_verbs and verb not in _ADDRESSEE_VERBS and not event:
        return False
    return _line_has_lower_case(text, span, minor)


def _names_the_noun_after(tokens: Span) -> bool:
    """Whether the Title Cased words in marks stand before a lower-case noun they name, as a
    brand or a series does ('"Tommy the Tug" toy boats', 'the "Dover Days" festival'); a noun
    that carries text ('"Dump the Mayor" signs', '"Reed for Mayor" hats') or names a slogan
    keeps its words quoted."""
    doc = tokens.doc
    after = tokens.end
    while after < len(doc) and doc[after].is_punct and doc[after].is_quote:
        after += 1
    if after >= len(doc) or after == tokens.end:
        return False
    noun = doc[after]
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head  # '"..." toy boats': the noun the name and the compound modify
    return (
        doc[after].pos_ == "NOUN"
        and doc[after].text.islower()
        and noun.lemma_.lower() not in _TEXT_BEARING.get()
        and noun.lemma_.lower() not in _WORN_TEXT.get()
        and noun.lower_ not in _NAMING.get()
        and noun.lemma_.lower() not in _NAMING.get()
    )


def _title_cased(content: str, minor: AbstractSet[str]) -> bool:
    """Two to twelve words, every one but the minor words capitalised (or a number), and not a
    shout in capitals, an exclamation, a question or more than one sentence."""
    words = content.split()
    if not 2 <= len(words) <= 12 or content.isupper() or content.rstrip(_STRIP + " ")[-1:] == "":
        return False
    if content.rstrip("\"'”’ ")[-1:] in {"!", "?"} or ". " in content:
        return False
    major = [w.strip(_STRIP) for w in words]
    major = [w for w in major if w and w.lower() not in minor]
    return len(major) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in major)


def _line_has_lower_case(text: str, span: MarkedSpan, minor: AbstractSet[str]) -> bool:
    """Whether the line around the marks has a lower-case word that is not a minor one. A
    headline Title Cases its own words too ("Roe: 'Tax Cuts Are Coming'"): there the marks
    quote someone."""
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    around = (
        text[line_start : span.open_at] + " " + text[span.end + span.width : line_end]
    ).split()
    around = [w.strip(_STRIP) for w in around]
    return any(w[:1].islower() and w.lower() not in minor for w in around if w)
