"""Verbs that characterise as cues of a partial quotation they govern.

"Dismissed the report as 'fantasy'", "bemoaned a climate in which voters 'shout past each
other'", "referred to the mayor as 'the quiet one'": the verb puts words of its subject's on
someone or something, and the quotation inside what it governs is those words. Unlike a verb of
saying, such a verb is no cue of a quotation merely near it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.rules.partial_clause import COMPLEMENT_DEPS, COMPLEMENT_PREPS
from parley.nlp.rules.quote_shape import looks_like_name
from parley.nlp.rules.self_presentation import REFLEXIVE_ENDINGS, presents_itself
from parley.nlp.rules.speaker_tokens import speaker_token
from parley.nlp.rules.speaking_subjects import SPEAKING_NOUNS, can_speak
from parley.nlp.rules.speech_cues import SPEECH_VERBS, WEAK_SPEECH_VERBS, is_speech_noun

#: Verbs that put the subject's words on someone or something (characterising_verbs.txt).
CHARACTERISING_VERBS = lexicon.word_set("characterising_verbs")
#: Verbs that do so only with a reflexive object (self_declaring_verbs.txt).
SELF_DECLARING_VERBS = lexicon.word_set("self_declaring_verbs")
#: Verbs whose object is a plan rather than words: a quotation in it, inside what another
#: verb of saying reports, is that reporter's way of putting the plan.
PLAN_VERBS = frozenset({"propose"})
#: Verbs whose words a quotation below them is: past one, the quotation is theirs.
_SAYING_VERBS = lexicon.derived_set(
    "saying verbs", lambda: SPEECH_VERBS.get() | WEAK_SPEECH_VERBS.get()
)
#: Prepositions that complete such a verb: a cue's own ("referred to X as", "ripped into X
#: for") and the ones verbs of attack take ("lashed out at", "groused over", "ripped into").
COMPLETING_PREPS = COMPLEMENT_PREPS | frozenset({"at", "over", "into", "with"})
#: How far up from a quotation a characterising verb may govern it.
MAX_CHARACTERISING_DEPTH = 8


def characterising_cue(tok: Token, words: Span) -> bool:
    """'dismissed the report as "fantasy"', 'bemoaned a climate in which voters "shout"': a
    verb that characterises governs the quotation ``words``, with no word of saying between
    them ('mocked claims that the plant was "safe"' leaves the quotation to the claims), and the
    quotation is no name."""
    if tok.pos_ != "VERB" or not len(words):
        return False
    if (
        tok.lemma_.lower() not in CHARACTERISING_VERBS
        and not _presents_itself_as(tok, words)
        and not _declares_itself(tok)
    ):
        return False
    if looks_like_name(words.text.split()):
        return False  # 'referred to him as "Big Sam"': a name the subject uses, not speech
    who = speaker_token(tok)
    if who is None or not can_speak(who, tok, SPEAKING_NOUNS.get()):
        return False  # 'demanded that the board cease referring to ...': no one to quote
    plan = tok.lemma_.lower() in PLAN_VERBS
    if plan and _reported_by_another(tok):
        return False  # 'critics say he proposed to "gut" the law': the critics' word
    node = words[0]
    for _ in range(MAX_CHARACTERISING_DEPTH):
        if node.head.i == node.i:
            return False
        if node.head.i == tok.i:
            # 'the word "pandemic" refers to ...': a quotation in the subject is what it names,
            # one in an adverbial sets the scene ('After a week of "..." , she ripped into X');
            # 'knocked a statement by X that a "modest sum" ...': the parser hung the noun's
            # clause on the verb
            return _governs(node) and not (
                node.dep_ == "ccomp"
                and any(c.dep_ == "dobj" and is_speech_noun(c) for c in tok.children)
            )
        if plan and node.dep_ == "pobj" and not words.start <= node.i < words.end:
            return False  # 'proposed a cure for the habit of "stacking" boards': a term
        node = node.head
        if (node.i < words.start or node.i >= words.end) and (
            is_speech_noun(node) or node.pos_ == "VERB" and node.lemma_.lower() in _SAYING_VERBS
        ):
            return False
    return False


def _reported_by_another(tok: Token) -> bool:
    """The verb lies in the clause a verb of saying reports ('rivals claim the mayor proposed to
    ...'): for a verb of planning, the quoted words inside it are the reporter's way of putting
    the plan, and that verb, a cue of its own, takes them."""
    node = tok
    for _ in range(MAX_CHARACTERISING_DEPTH):
        if node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _SAYING_VERBS:
            return True
        node = node.head
    return False


def _declares_itself(tok: Token) -> bool:
    """'professed herself "quite sure"': a verb of self-declaration with a reflexive
    object (self_declaring_verbs.txt)."""
    return tok.lemma_.lower() in SELF_DECLARING_VERBS and any(
        c.dep_ in {"dobj", "nsubj"} and c.pos_ == "PRON" and c.lower_.endswith(REFLEXIVE_ENDINGS)
        for c in tok.children
    )


def _presents_itself_as(tok: Token, words: Span) -> bool:
    """'postured himself as the "clean water candidate"': the quotation lies in the "as" phrase
    of a verb of self-presentation with a reflexive object."""
    node = words[0]
    for _ in range(MAX_CHARACTERISING_DEPTH):
        if node.head.i == node.i:
            return False
        if node.head.i == tok.i:
            return presents_itself(tok, node)
        node = node.head
    return False


def _governs(dependant: Token) -> bool:
    """The verb's dependant on the way to the quotation says what is characterised: a
    complement as a cue takes one (partial_clause.COMPLEMENT_DEPS) or a completing preposition
    ("as", "for", "of", "to", ...)."""
    if dependant.dep_ == "prep":
        return dependant.lower_ in COMPLETING_PREPS
    return dependant.dep_ in COMPLEMENT_DEPS
