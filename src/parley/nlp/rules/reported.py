"""Reported speech without quotation marks: "Peskov said Russia remains open to dialogue".

A reporting verb outside any direct quotation whose clausal complement is a finite clause gives
an ``indirect`` quote: the clause is the content, the verb's subject the speaker. "According to
X, CLAUSE" gives the clause it governs. A clause that is mostly a direct quotation is left to the
quotation rules (it is the same speech, already extracted with its marks).

The clause's extent is found in :mod:`~parley.nlp.rules.reported_clauses`, content carried by an
object in :mod:`~parley.nlp.rules.reported_objects`, by a stance or finding in
:mod:`~parley.nlp.rules.reported_stances`; :mod:`~parley.nlp.rules.speaking_subjects` says who
can speak.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import (
    AUXILIARY_DEPS,
    FINITE_SUBJECT_DEPS,
    FINITE_TAGS,
    NOMINAL_SUBJECT_DEPS,
    REPORTED_CLAUSE_DEPS,
)
from parley.nlp.doctext import doc_text
from parley.nlp.rules.according_content import according_content
from parley.nlp.rules.actors import ActorIndex, ActorRecord
from parley.nlp.rules.copula_clause import (
    COPULA_CLAUSE_NOUNS,
    SPOKEN_COPULA_NOUNS,
    copula_clause,
    support_clause,
)
from parley.nlp.rules.headline_labels import headline_claim
from parley.nlp.rules.hypothetical_cues import supposed_speech
from parley.nlp.rules.interviews import is_answering_word, reports_past_exchange
from parley.nlp.rules.made_clear import PLAIN_WORDS, made_clear_content
from parley.nlp.rules.quote_shape import label_before
from parley.nlp.rules.reported_clauses import (
    CLAUSE_SUBJECT_DEPS,
    around_attribution,
    broken_clause,
    clause_tokens,
    coordinated_attitude,
    finite_clause,
    run_on_after_quote,
    second_acts,
    without_clause_before_subject,
)
from parley.nlp.rules.reported_content import (
    CLOSING_MARKS,
    Stances,
    after_relative_word,
    content_span,
)
from parley.nlp.rules.reported_objects import (
    OBJECT_CONTENT_VERBS,
    object_content,
    portrayed_object,
)
from parley.nlp.rules.reported_stances import (
    FINDING_DOCUMENTS,
    FINDING_VERBS,
    POLL_NOUNS,
    in_poll,
    stance_adjective,
    stance_content,
    stance_noun,
)
from parley.nlp.rules.speaker_spans import mention_span, speaker_mention
from parley.nlp.rules.speaker_tokens import speaker_token
from parley.nlp.rules.speaking_subjects import (
    EVIDENCE_VERBS,
    SPEAKING_NOUNS,
    can_speak,
)
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import (
    REPORTING_VERBS,
    SAYING_VERBS,
    cue_span,
    cue_text,
    description_name,
    is_according_to,
    is_document,
)
from parley.nlp.rules.statement_issuer import document_issuer
from parley.nlp.tokens import doc_tokens, mend_lemma, mended_lemma
from parley.quotemarks import Intervals, paragraphs
from parley.types import Quote, SpeakerRef

OPENING_MARKS = frozenset({"“", '"', "‘", "'", "«"})
#: "described the probe as a review", "see her as the stronger candidate" (portrayal_verbs.tsv).
PORTRAYAL_VERBS = lexicon.where_set("portrayal_verbs", "lemma")
SPOKEN_PORTRAYAL_VERBS = lexicon.where_set("portrayal_verbs", "spoken", "yes")


#: Parts of speech of words that only link a clause to what comes before it.
LINKING_POS = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PART"})


def _parenthetical_content(doc: Doc, verb: Token) -> Span | None:
    """ "Otherwise, she said, countries may simply steal growth": a reporting verb set in the
    clause it reports (parsed as its ``parataxis``) reports that clause. The content is the
    clause from its first word to its last, the attribution set inside it included ("The pier,
    the mayor said, will reopen"); when one side has no words of its own, the other."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in {"VERB", "AUX", "ADJ"}:
        return None
    if not any(c.dep_ in FINITE_SUBJECT_DEPS for c in verb.children):
        return None
    lo, hi = _between_commas(verb)
    clause = [t for t in head.subtree if not lo <= t.i <= hi]
    # A semicolon ends the sentence the attribution is set in ("A died; B had, she says, paid").
    stops = [t.i for t in clause if t.text == ";"]
    first = max((i for i in stops if i < lo), default=-1)
    last = min((i for i in stops if i > hi), default=len(doc))
    before = content_span(doc, [t for t in clause if first < t.i < lo], 1)
    after = content_span(doc, [t for t in clause if hi < t.i < last])
    if (
        before is not None
        and after is not None
        and not _only_linking(before)
        and not _whole_quotation(before, lo)
        and not _another_attribution(after)
    ):
        return doc[before.start : after.end]
    return _longer_side(doc, clause, lo, hi)


def _another_attribution(words: Span) -> bool:
    """ "The pier is unsafe, Lee said, and the mayor called it a relic": a clause coordinated
    after the attribution whose verb of saying has a subject of its own is another's report."""
    verbs = SAYING_VERBS.get()
    return any(
        t.dep_ == "conj"
        and mended_lemma(t).lower() in verbs
        and any(c.dep_ in FINITE_SUBJECT_DEPS for c in t.children)
        for t in words
    )


def _whole_quotation(words: Span, lo: int) -> bool:
    """'"Stubborn," he added, meaning ...': a quotation that runs up to the attribution (which
    starts at token ``lo``) is a quote of its own, not the start of the clause after it."""
    doc = words.doc
    opened = words.start > 0 and doc[words.start - 1].text in OPENING_MARKS
    return opened and any(
        doc[i].text in CLOSING_MARKS for i in range(lo - 1, min(lo + 2, len(doc)))
    )


def _only_linking(words: Span) -> bool:
    """ "However, she added, ...", "But, he said, ...": a word that links to the sentence
    before is no part of what the speaker is reported to have said."""
    return all(t.pos_ in LINKING_POS or t.is_punct for t in words)


def _between_commas(verb: Token) -> tuple[int, int]:
    """The first and last token of the attribution ``verb`` heads, set off by its commas: words
    the parser hung on the verb outside them ("Building it, Lee said, took a year"; "..., Lee
    said, while others ...") belong to the clause it interrupts."""
    lo, hi = verb.left_edge.i, verb.right_edge.i
    subject = min(
        (c.left_edge.i for c in verb.children if c.dep_ in FINITE_SUBJECT_DEPS), default=verb.i
    )
    commas = [c.i for c in verb.children if c.dep_ == "punct" and c.text == ","]
    lo = max((i for i in commas if i < subject), default=lo)
    hi = min((i for i in commas if i > verb.i), default=hi)
    return lo, hi


def _as_reported(doc: Doc, verb: Token) -> Span | None:
    """ "As The Hill reported, the senator was also accused of ...", "..., as she said on
    Monday": a reporting verb in an "as" clause with nothing of its own reports the clause it
    modifies, the longer of its parts before and after the "as" clause."""
    head = verb.head
    if verb.dep_ != "advcl" or head.pos_ not in {"VERB", "AUX"}:
        return None
    if head.lemma_.lower() in REPORTING_VERBS:
        return None  # "X said ..., as the paper reported": X's words, and the paper's report
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return None  # "as she said that ...", "as he told reporters": its own words
    lo, hi = verb.left_edge.i, verb.right_edge.i
    return _longer_side(doc, [t for t in head.subtree if not lo <= t.i <= hi], lo, hi)


def _longer_side(doc: Doc, clause: list[Token], lo: int, hi: int) -> Span | None:
    """The longer of the content ``clause`` gives before token ``lo`` and after token ``hi``,
    where an attribution set inside it stands."""
    before = content_span(doc, [t for t in clause if t.i < lo])
    after = content_span(doc, [t for t in clause if t.i > hi])
    parts = [p for p in (before, after) if p is not None]
    return max(parts, key=lambda p: p.end_char - p.start_char) if parts else None


def _document_source(doc: Doc, actors: ActorIndex, who: Token) -> ActorRecord | None:
    """ "The poll found that ...", "the report shows ...": a document of findings nobody is said
    to have written is its own source, named by the article's description of it. It has no
    country: it is no party to events."""
    start, end = mention_span(who)
    phrase = doc.char_span(start, end)
    if phrase is None or not any(t.is_alpha for t in phrase):
        return None
    text = phrase.text.strip()
    name = description_name(phrase)
    record = actors.find(name)
    if record is None:
        record = actors.add(name, "organization", country=None)
        record.country = None
    record.add_mention(start, end, text)
    return record


def _in_cue_paragraph(doc: Doc, content: Span | None, cue: Token) -> Span | None:
    """Reported words stay in their cue's paragraph: a parse that hangs the paragraph before
    ("... this week.\n\n'The question is open,' she said") on the cue loses that part."""
    if content is None:
        return None
    lo, hi = min(content.start, cue.i), max(content.end, cue.i + 1)
    if "\n" not in doc_text(doc)[doc[lo].idx : doc[hi - 1].idx + len(doc[hi - 1])]:
        return content
    breaks = [t.i for t in doc[lo:hi] if t.is_space and "\n" in t.text]
    if not breaks:
        return content
    start = max([content.start, *(i + 1 for i in breaks if i < cue.i)])
    end = min([content.end, *(i for i in breaks if i > cue.i)])
    if (start, end) == (content.start, content.end):
        return content
    return content_span(doc, list(doc[start:end])) if start < end else None


def _document_speaks(who: Token, cue: Token, token: Token, content: Span, stance: bool) -> bool:
    """ "..., the lawsuit alleges", "the filings show": a document with no author the text
    names says or shows what its cue reports; it holds no intent or feeling ("the decision
    threatens to ...", "the lawsuit is aware ...") and is no source "according to", but for a
    poll ("..., according to exit polls"), which a reader names as the source of its figures."""
    if not is_document(who) or is_according_to(token) and not _is_poll(who):
        return False
    verbs = (cue, cue.head) if cue.dep_ == "conj" else (cue,)
    if any(c.dep_ == "neg" or c.lower_ == "nor" for v in verbs for c in v.children):
        return False  # "the memo never names ..., nor cites ...": nothing it says
    if any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.i != who.i and c.tag_ not in {"WDT", "WP"}
        for c in cue.children
    ) or not _document_subject(who, cue):
        return False  # "a tape on which a voice says ...": the one who says it
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in content.root.children):
        return False  # an infinitive: what someone means to do, not what a text says
    return not stance or cue.lemma_.lower() in EVIDENCE_VERBS


def _is_poll(noun: Token) -> bool:
    """ "exit polls", "a new survey", "the 50-state poll": a poll or survey."""
    return noun.lemma_.lower() in POLL_NOUNS


def _through_quotation(doc: Doc, content: Span, quotes: list[Quote]) -> Span:
    """ "told the panel that “the fees rise, the ferries slow down” and ...": a clause the
    parser ended inside a quotation it opened (a comma splice or a full stop in the quoted
    words made a new root) runs to the quotation's closing mark."""
    start, end = content.start_char, content.end_char
    ends = [q.end for q in quotes if start <= q.start < end < q.end]
    if not ends:
        return content
    close = max(ends) + 1  # the closing mark after the quoted words
    if "\n" in doc_text(doc)[end:close]:
        return content
    return doc.char_span(start, close, alignment_mode="expand") or content


def _document_subject(who: Token, cue: Token) -> bool:
    """The document is the subject of the saying ("the lawsuit alleges", "a lawsuit filed
    in May and alleging ..."), or the clause of saying hangs on it ("a lawsuit that alleges",
    "a statement saying"), not a noun a clause of someone else's words was hung on."""
    if who.dep_ in NOMINAL_SUBJECT_DEPS:
        return True
    if cue.dep_ not in {"relcl", "acl"} or cue.head.i != who.i:
        return False
    return cue.dep_ == "acl" or any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.tag_ in {"WDT", "WP"} for c in cue.children
    )


def _quoted_speaker(
    actors: ActorIndex, quotes: list[Quote], content: Span
) -> tuple[ActorRecord, float] | None:
    """The speaker the quotation rules gave a quotation inside ``content``, which they found
    from the context ("The port board wrote ... The letter called the repairs 'urgent'"): a
    better answer than the document's own description."""
    for q in quotes:
        if q.speaker is not None and content.start_char <= q.start < content.end_char:
            record = actors.record_by_id(q.speaker.id)
            if record is not None:
                return record, 0.6
    return None


def _quoted_share(span: Span, direct: Intervals) -> float:
    covered = direct.covered(span.start_char, span.end_char)
    return covered / max(1, span.end_char - span.start_char)


def _cue_words(
    verbs: tuple[frozenset[str], frozenset[str], frozenset[str]], stances: Stances
) -> dict[str, frozenset[str]]:
    """The words, by part of speech ("said", "her support for", "confident that"), a cue word
    other than "according" must be for :func:`_cue_content` to find anything: every word list
    its branches test, by the mended lemma, lower-cased (an adjective by its word). A word in
    none reports nothing, and the article's scan skips it without making its ``Token``. A new
    branch of :func:`_cue_content` adds its list here."""
    reporting, object_verbs, portrayals = verbs
    return {
        "VERB": reporting
        | portrayals
        | object_verbs
        | stances.clause
        | stances.intent
        | stances.object
        | stances.prep_verbs
        | FINDING_VERBS,
        "NOUN": POLL_NOUNS | stances.nouns | COPULA_CLAUSE_NOUNS.get(),
        "ADJ": stances.adjectives | PLAIN_WORDS,
    }


def _the_one_named(document: Token) -> bool:
    """ "the report", "this study": one document the text has spoken of, not "studies"."""
    return document.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in document.children
    )


def _asks(content: Span) -> bool:
    """Whether a clause is a question put in its own words ("how do you plan to ..."): a
    wh-word and then an auxiliary before the subject. A reported question keeps the order of
    a statement ("asked how they plan to ..."), so the clause reports nobody's words."""
    first = content[0]
    return (
        len(content) > 2
        and first.tag_ in {"WDT", "WP", "WRB"}
        and content[1].dep_ in AUXILIARY_DEPS
        and content[2].dep_ in NOMINAL_SUBJECT_DEPS
    )


def _cue_content(
    doc: Doc,
    token: Token,
    verbs: tuple[frozenset[str], frozenset[str], frozenset[str]],
    stances: Stances,
    speaks_for: dict[int, Token],
) -> tuple[Span | None, Token, bool]:
    """What the cue word ``token`` reports, the word whose subject speaks, and whether it is a
    stance rather than words; no content when the word reports nothing."""
    pos, lemma = token.pos_, mended_lemma(token).lower()
    reporting, object_verbs, portrayals = verbs
    if _asked_of(token, lemma):
        return None, token, False
    if pos == "VERB" and lemma in reporting:
        return _reporting_verb_content(doc, token, lemma, stances, speaks_for)
    if pos == "VERB" and lemma in portrayals:
        portrayed = portrayed_object(doc, token)
        if portrayed is not None:
            return portrayed, token, lemma not in SPOKEN_PORTRAYAL_VERBS.get()
    if pos == "VERB" and lemma in object_verbs:
        content = _object_verb_content(doc, token, lemma)
        # "asked the mayor whether the vote was legal": a directive with no act asked of
        # anyone may still take a clause as a verb of stance.
        if content is not None or not stances.verb(lemma):
            return content, speaks_for.get(token.i, token), False
    if pos == "VERB" and (stances.verb(lemma) or lemma in FINDING_VERBS):
        content = stance_content(doc, token, lemma, stances)
        if content is None:
            content = stances.about(doc, token, lemma)
        return content, token, True
    if pos == "NOUN" and lemma in POLL_NOUNS:
        return in_poll(doc, token, reporting, stances), token, True
    if pos == "NOUN" and lemma in COPULA_CLAUSE_NOUNS:
        said = copula_clause(doc, token)
        if said is not None:
            return said, token, lemma not in SPOKEN_COPULA_NOUNS
        if lemma in SPOKEN_COPULA_NOUNS:
            said = support_clause(doc, token)
            if said is not None:
                return said, token.head, False  # "made the case that": the maker said it
    if pos == "NOUN" and lemma in stances.nouns:
        return stance_noun(doc, token), token, True
    if pos == "ADJ" and token.lower_ in PLAIN_WORDS:
        return made_clear_content(doc, token), token.head, False
    if pos == "ADJ" and token.lower_ in stances.adjectives:
        return stance_adjective(doc, token), token.head, True
    if is_according_to(token):
        return according_content(doc, token), token, False
    return None, token, False


def _said_content(
    doc: Doc,
    token: Token,
    verbs: tuple[frozenset[str], frozenset[str], frozenset[str]],
    stances: Stances,
    speaks_for: dict[int, Token],
) -> tuple[Span | None, Token, bool]:
    """:func:`_cue_content`, with no words for a cue that only supposes them ("if ..., the board
    might have said it was unfair", "anyone could say ..."): nobody is said to have said so."""
    content, cue, stance = _cue_content(doc, token, verbs, stances, speaks_for)
    if not stance and content is not None and supposed_speech(token):
        return None, cue, stance
    return content, cue, stance


def _asked_of(token: Token, lemma: str) -> bool:
    """ "Asked about the toll, the mayor said ...", "When asked whether ...": a question put to
    the subject of the clause by someone the article does not name is none of its words."""
    return (
        lemma == "ask"
        and token.tag_ == "VBN"
        and token.dep_ in {"advcl", "ROOT", "dep"}
        and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in token.children
        )
    )  # "asked by a reporter whether ...": the reporter's question


def _clause_after_medium(verb: Token) -> list[Token]:
    """ "said in one of a series of messages on Twitter that the ferry was carrying fuel": a
    "that" clause with its own subject, hung by the parser on the noun of the phrase saying
    where the words were said, is what was said."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for t in prep.subtree:
            if (
                t.dep_ in {"relcl", "acl"}
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                and any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in t.children)
            ):
                return [t]
    return []


def _question_of_asker(doc: Doc, verb: Token, lemma: str) -> Span | None:
    """ "Asked by Reed if the pier was safe, Pratt avoided an answer": the "if" or "whether"
    clause right after the "by" phrase of a passive "asked" is the asker's question, however
    the parser hung it (often on the main verb of the sentence)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if lemma != "ask" or verb.tag_ != "VBN" or agent is None or agent.i < verb.i:
        return None
    mark = agent.right_edge.i + 1
    if mark >= len(doc) or doc[mark].lower_ not in {"if", "whether"} or doc[mark].dep_ != "mark":
        return None
    clause = doc[mark].head
    if clause.i < mark or not finite_clause(clause):
        return None
    return content_span(doc, clause_tokens(clause), 2)


def _object_verb_content(doc: Doc, verb: Token, lemma: str) -> Span | None:
    """What a verb reporting through its object reports: the object ("denounced the deal"),
    else the question an "ask" puts ("asked by Reed if ...", "asked the crew if ...")."""
    return (
        object_content(doc, verb)
        or _question_of_asker(doc, verb, lemma)
        or _if_question(doc, verb, lemma)
    )


def _if_question(doc: Doc, verb: Token, lemma: str) -> Span | None:
    """ "Lee asked the crew if the ferry would sail on time": the "if" clause right after
    "asked" or its object is the question asked, though the parser hangs it as a condition."""
    if lemma != "ask":
        return None
    ends = [verb.i, *(c.right_edge.i for c in verb.children if c.dep_ in {"dobj", "dative"})]
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i or not finite_clause(clause):
            continue
        mark = next((c for c in clause.children if c.dep_ == "mark"), None)
        if mark is not None and mark.lower_ == "if" and mark.i - 1 == max(ends):
            return content_span(doc, clause_tokens(clause), 2)
    return None


def _behind_semicolon(clause: Token, verb: Token) -> bool:
    """ "The agency put it at 5.5; the survey reported 5.8": a clause the parser hung on a verb
    of saying after a semicolon that ends it is a sentence of its own, not what was reported."""
    return clause.i < verb.i and any(
        t.text == ";" for t in verb.doc[clause.right_edge.i + 1 : verb.i]
    )


def _before_semicolon(clause: Token) -> Token:
    """ "Lee said the toll was 5; the board reported 6", parsed with "the board reported" as
    what Lee said and "the toll was 5" hung on it across the semicolon: Lee's clause is the one
    before the semicolon (not so when the clause says nothing itself: "said A; B" may be
    all the speaker's)."""
    if mended_lemma(clause).lower() not in REPORTING_VERBS.get():
        return clause
    for inner in clause.children:
        if inner.dep_ in REPORTED_CLAUSE_DEPS and _behind_semicolon(inner, clause):
            return inner
    return clause


def _reporting_verb_content(
    doc: Doc, verb: Token, lemma: str, stances: Stances, speaks_for: dict[int, Token]
) -> tuple[Span | None, Token, bool]:
    """A verb of saying's clause, else its object or parenthetical; else, as a stance, what it
    is about ("spoke about the border")."""
    clauses = [
        _before_semicolon(c)
        for c in verb.children
        if c.dep_ in REPORTED_CLAUSE_DEPS and finite_clause(c) and not _behind_semicolon(c, verb)
    ]
    if not clauses:
        clauses = _clause_after_medium(verb)
    clauses = without_clause_before_subject(verb, clauses)
    for act in second_acts(verb):
        speaks_for[act.i] = verb
    # "It is no surprise, Garin said, that turnout fell": the attribution splits what was
    # said, and the longer part carries it. A clause the parser took from another paragraph
    # counts only by its part in the verb's own paragraph.
    # "Flake said he would": a finite clause of two words is what was said.
    spans = [
        _in_cue_paragraph(
            doc,
            content_span(
                doc, after_relative_word(verb, clause_tokens(c) + coordinated_attitude(verb, c)), 2
            ),
            verb,
        )
        for c in clauses
    ]
    content = around_attribution(doc, verb, spans) or max(
        (s for s in spans if s is not None), key=lambda s: s.end_char - s.start_char, default=None
    )
    if content is None and _object_is_subject(verb):
        content = broken_clause(doc, verb)
    if content is None:
        content = (
            object_content(doc, verb)
            or _parenthetical_content(doc, verb)
            or _as_reported(doc, verb)
        )
    if content is None:
        about = stances.about(doc, verb, lemma)
        if about is not None:
            return about, verb, True
        content = broken_clause(doc, verb)
    return content, verb, content is None


def _object_is_subject(verb: Token) -> bool:
    """ "announced the bridges over the river, old and new, would be closed": the
    parser took the subject of the reported clause for the verb's object, and hung the rest
    on the verb as a clause with a tense (its modal or auxiliary) but no subject."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj is not None and any(
        c.dep_ == "ccomp"
        and c.i > obj.right_edge.i
        and not any(s.dep_ in FINITE_SUBJECT_DEPS for s in c.children)
        and any(a.dep_ in AUXILIARY_DEPS and a.tag_ in FINITE_TAGS for a in c.children)
        for c in verb.children
    )


def extract_reported_speech(doc: Doc, actors: ActorIndex, quotes: list[Quote]) -> list[Quote]:
    """Indirect quotations of ``doc`` with their speakers."""
    direct = Intervals([(q.start - 1, q.end + 1) for q in quotes if q.kind == "direct"])
    every_quote = Intervals([(q.start - 1, q.end + 1) for q in quotes])

    def in_quote(char: int) -> bool:
        return char in every_quote

    resolver = SpeakerResolver(doc, actors, quoted=in_quote, describes=True)
    found: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    # A subjectless verb the parser hung inside a reported clause speaks for the reporting
    # verb's subject: its token index -> that reporting verb.
    speaks_for: dict[int, Token] = {}
    stances = Stances.current()
    verbs = (REPORTING_VERBS.get(), OBJECT_CONTENT_VERBS.get(), PORTRAYAL_VERBS.get())
    findings = FINDING_DOCUMENTS.get()
    speaking = SPEAKING_NOUNS.get()
    cue_words = _cue_words(verbs, stances)
    tokens = doc_tokens(doc)
    lemmas, lowers = tokens.lemma, tokens.lower
    for i, pos in enumerate(tokens.pos):
        lower = lowers[i]
        if lower != "according":
            words = cue_words.get(pos)
            if words is None:
                continue
            if (lower if pos == "ADJ" else mend_lemma(lemmas[i], lower).lower()) not in words:
                continue
        token = tokens.tokens[i]
        if in_quote(token.idx):
            continue
        content, cue, stance = _said_content(doc, token, verbs, stances, speaks_for)
        content = _in_cue_paragraph(doc, run_on_after_quote(doc, content, token), token)
        if content is None or _quoted_share(content, direct) > 0.5 or _asks(content):
            continue
        if _quoted_share(content, every_quote) > 0.9:  # the whole clause is a quotation
            continue
        content = _through_quotation(doc, content, quotes)
        key = (content.start_char, content.end_char)
        if key in seen:
            continue
        # "in a new poll, ...": the poll is the source.
        who = cue if cue.lemma_.lower() in POLL_NOUNS else speaker_token(cue, quoted=in_quote)
        if who is None or not _may_report(who, token, speaking, stance):
            continue
        record, confidence = resolver.resolve(who)
        if record is None and who.head.i == cue.i and is_document(who) and _the_one_named(who):
            # "The bank issued a report on Monday. The report warned that ...": its issuer's
            # words, when the report is the cue's own subject (not one climbed to from a verb
            # below it: "the letter accuses Lee of ignoring ...").
            record, confidence = document_issuer(who, resolver.resolve, issued_only=True)
        if (
            record is None
            and who.lemma_.lower() in findings
            and (not is_according_to(token) or _is_poll(who))
        ):
            # "the poll found that ...", not "according to the summary": a text the article
            # reads from is no source a reader would name.
            record, confidence = _document_source(doc, actors, who), 0.6
        if record is None and _document_speaks(who, cue, token, content, stance):
            # "..., the lawsuit alleges", "the filing says that ...": a document whose author
            # the text does not name speaks for itself, as its description.
            record, confidence = _quoted_speaker(actors, quotes, content) or (
                resolver.document_speaker(who)
            )
        if record is None:
            continue
        seen.add(key)
        found.append(
            _indirect_quote(
                content,
                SpeakerRef(record.id, record.name, speaker_mention(cue, who)),
                (cue_text(token), cue_span(token)),
                confidence * 0.9,
                stance,
            )
        )
    found.extend(_labelled_lines(doc, actors, every_quote))
    return _without_nested_stances(found)


def _may_report(who: Token, token: Token, speaking: frozenset[str], stance: bool) -> bool:
    """Whether ``who`` can be the one who says what cue ``token`` reports; an interviewee's
    "I" or "we" only in a plain past report of an exchange ("I told them that ..."), not in
    the answer itself ("I think ...", "as I said, ...", "we would say ...")."""
    if not can_speak(who, token, speaking):
        return False
    return not is_answering_word(who) or not stance and reports_past_exchange(token, who)


def _labelled_lines(doc: Doc, actors: ActorIndex, quoted: Intervals) -> list[Quote]:
    """ "Rubio: I'm not interested in being vice president" (a headline), "TAPPER: Do you
    think ...?" (a transcript): a line headed by a speaker's name and a colon gives that
    speaker's words without quotation marks. A quotation after the colon is left to the
    quotation rules. The article's first line is read as a headline (``headline_labels``)."""
    text = doc_text(doc)
    headline = headline_claim(doc, actors)
    found = [headline] if headline is not None else []
    for start, end in paragraphs(text):
        if headline is not None and start == 0:
            continue
        colon = text.find(":", start, min(end, start + 60))
        if colon < 0 or colon in quoted:
            continue
        label = label_before(text, start, colon)
        words = label.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() and len(w) > 1 for w in words):
            continue  # "Q:" and "A:" of an interview are no names
        name = doc.char_span(colon - len(label), colon, alignment_mode="expand")
        if name is None or any(t.pos_ in {"VERB", "AUX"} for t in name):
            continue  # "The council said:" is a cue the other rules read
        if text[colon + 1 : end].lstrip()[:1] in OPENING_MARKS:
            continue
        mention = (colon - len(label.lstrip()), colon)
        record = actors.find(label)  # the whole label names the actor: not "BergImage:"
        if record is None or record.kind not in {"person", "organization"}:
            continue
        words_span = doc.char_span(colon + 1, end, alignment_mode="expand")
        content = content_span(doc, list(words_span)) if words_span is not None else None
        if content is None or content.start_char in quoted or _quoted_share(content, quoted) > 0.5:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in content):
            continue  # "Tomas Berg: harbour board": a list of names and roles
        if actors.at(*mention) is not record:
            record.add_mention(*mention, label.strip())
        found.append(
            _indirect_quote(
                content, SpeakerRef(record.id, record.name, mention), (":", (colon, colon + 1)), 0.6
            )
        )
    return found


def _indirect_quote(
    content: Span,
    speaker: SpeakerRef,
    cue: tuple[str, tuple[int, int] | None],
    confidence: float,
    stance: bool = False,
) -> Quote:
    """The reported words ``content``, given to ``speaker`` by ``cue`` (its text and span)."""
    return Quote(
        id="",
        text=content.text,
        start=content.start_char,
        end=content.end_char,
        kind="indirect",
        speaker=speaker,
        cue=cue[0],
        confidence=confidence,
        cue_span=cue[1],
        stance=stance,
    )


def _without_nested_stances(found: list[Quote]) -> list[Quote]:
    """A stance whose cue lies inside reported words or another stance ("said Norway is seeking
    a settlement", "declined to endorse the plan") is part of that, not a second position."""
    spans = [(q.start, q.end) for q in found]
    return [
        q
        for q in found
        if not (q.stance and q.cue_span and any(s <= q.cue_span[0] < e for s, e in spans))
    ]
