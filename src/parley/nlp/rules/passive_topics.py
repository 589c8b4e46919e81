"""A passive verb of saying whose subject is what the words are about, with no one named.

'Reed was said to be in "good spirits"', 'he was called a "radical" in one paper', 'the plan
was described as "a mess"': the subject of the passive is the topic of the quoted words, not
their speaker, and when no "by" phrase names the one who said them the sentence names no
speaker at all. Neither the subject, nor the nearest person, nor the subject of a verb that
the passive clause hangs from ('He found it odd that he was called ...') said them.
("X was quoted as saying" names the speaker, and a verb of saying below the passive, 'is said
to have called the plan "a mess"', is the quotation's own cue: neither is touched here.)
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.rules.characterising import CHARACTERISING_VERBS
from parley.nlp.rules.reported import SPOKEN_PORTRAYAL_VERBS
from parley.nlp.rules.speech_cues import is_according_to, is_speech_verb
from parley.nlp.rules.verb_subjects import agent_of
from parley.nlp.tree import has_passive_auxiliary

#: Passive verbs that do name their subject as the speaker ("was quoted as saying").
_SPEAKER_PASSIVES = frozenset({"quote"})
#: Verbs of naming beyond those of saying, characterising and portraying.
_NAMING_VERBS = lexicon.word_set("passive_naming_verbs")
#: How the words a passive verb puts on its subject hang from it.
_NAMING_DEPS = frozenset({"oprd", "attr", "xcomp", "dobj", "ccomp", "acomp"})
#: How a passive clause hangs, up to the verb that reports it ('said [the plan was called]').
_REPORTED_DEPS = frozenset({"ccomp", "parataxis", "conj"})


def passive_topic(words: Span, in_quote: Callable[[int], bool]) -> Token | None:
    """The passive verb of saying or naming that the quoted ``words`` hang from, if its
    subject is only their topic: the first verb above them ('was called [a "radical"]'), or
    the one it completes ('was said [to be in "good spirits"]')."""
    node = words.root
    verb = None
    for _ in range(12):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and not in_quote(node.idx):
            verb = node
            break
    if verb is None:
        return None
    if verb.dep_ == "xcomp" and not _names(verb):
        verb = verb.head
    return verb if _names(verb) and passive_topic_cue(verb, words, in_quote) else None


def _names(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return (
        is_speech_verb(verb)
        or lemma in CHARACTERISING_VERBS
        or lemma in SPOKEN_PORTRAYAL_VERBS
        or lemma in _NAMING_VERBS
    )


def passive_topic_cue(cue: Token, words: Span, in_quote: Callable[[int], bool]) -> bool:
    """Whether ``cue`` is a passive verb with a subject (outside the quotation) and no agent
    whose complement holds the quoted ``words``: the quotation has no speaker named here."""
    if cue.pos_ != "VERB" or cue.tag_ != "VBN" or cue.lemma_.lower() in _SPEAKER_PASSIVES:
        return False
    children = list(cue.children)
    if not has_passive_auxiliary(cue):
        return False
    if not any(c.dep_ == "nsubjpass" and not in_quote(c.idx) for c in children):
        return False
    if any(c.dep_ == "agent" for c in children) or agent_of(cue) is not None:
        return False
    first, last = words[0], words[-1]
    after = cue.doc[last.i : cue.right_edge.i + 1]
    if any(t.lower_ == "by" and t.dep_ in {"agent", "prep"} for t in after):
        return False  # 'was declared a "pandemic" by the agency': the agent hung low
    holder = next((c for c in children if c.left_edge.i <= first.i <= c.right_edge.i), None)
    if holder is None or holder.i < cue.i:
        return False
    # 'was called [a "radical"]', 'was described [as "a mess"]', 'was said [to be "fine"]';
    # not an adjunct ('was reported [in a "hit piece"]').
    return holder.dep_ in _NAMING_DEPS or holder.dep_ == "prep" and holder.lower_ == "as"


def reports_passive(cue: Token, passive: Token) -> bool:
    """Whether ``cue`` still gives the speaker of a quotation under the passive verb: a verb
    of saying whose reported clause holds it ('Pratt said the plan was described as "a
    mess"') or an "according to" set on the passive clause ('..., according to an aide')."""
    if is_according_to(cue):
        return cue.head.i == passive.i or passive.is_ancestor(cue.head)
    node = passive
    for _ in range(6):
        if node.head.i == node.i or node.dep_ not in _REPORTED_DEPS or node.pos_ != "VERB":
            return False  # 'found it [odd] he was called "X"': a judgement, not a report
        if node.head.i == cue.i:
            return node.dep_ != "conj"
        node = node.head
    return False
