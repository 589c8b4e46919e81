"""The reported clause around a partial quotation: 'said the plan was "dead on arrival"'.

A partial quotation is a few quoted words woven into the writer's own sentence ('called the
deal "a disaster"', 'added that the delay appeared to be "entirely deliberate"', 'The plan
would fail "no matter what," one senator said'). The quotation rules give the quoted words
(kind ``partial``) with their cue and speaker; what the speaker said is the whole reported
clause, which the reported-speech rules find only when the parse hands them a clause
(``reported.py``). When no reported entry covers a partial quotation, this module gives the
clause its cue governs as an ``indirect`` entry of the same speaker and cue:

* a cue before the quotation: the cue's dependant that holds the quotation, from the first
  complement of the cue ("called [the deal] [a 'disaster']", "criticized [the mayor] [for
  'misleading' voters]", "described [the plan] during an interview [as 'a relic']");
* a cue after it ('..., one senator said'): the sentence up to the attribution;
* a noun of saying: the "that" clause it holds ('his dictum that the war was "lost"', 'her
  claim is that ...'), unless a preposition sets it as the writer's backdrop ("Despite ...");
* where the parser hung the clause elsewhere: a cue's "that" clause set on a word just after
  the cue ('his warning during the visit that ...'), the clause a parenthetical cue interrupts
  ('Lee told CNN, the pier is "safe"'), a second clause after the closing mark that the parser
  hung on the cue ('might be "far off," and have erred'), a second half holding the
  quotation hung on the cue as a conjunct ('said X, but the harbour was "a mess"'), a clause
  whose noun the parser made a first subject of an inverted cue ('The vote signals "the end,"
  said Lee').

A cue inside the speaker's own report that heads a relative or subordinate clause ('..., which
he declared "a disaster" for ...') gets its clause too; a cue's reported entry that stops right
before or after the clause joins it.

The partial quotation stays an entry of its own; the clause is one more.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import FINITE_SUBJECT_DEPS, FINITE_TAGS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.nlp.rules.as_frame import with_framing_cue
from parley.nlp.rules.clause_run import (
    ADDRESSEE_DEPS,
    clause_parsed_apart,
    run_on_end,
    says,
    when_it_was_said,
)
from parley.nlp.rules.other_voices import cut_before_other_voices
from parley.nlp.rules.quote_shape import looks_like_name
from parley.nlp.rules.quoted_run import through_its_quotations
from parley.nlp.rules.reported_clauses import another_report
from parley.nlp.rules.reported_content import content_span
from parley.nlp.rules.reported_objects import OBJECT_SPEECH_VERBS
from parley.nlp.rules.speech_cues import REPORTING_VERBS
from parley.nlp.tree import is_passive, is_reduced_passive, object_of
from parley.types import Quote

#: Dependants of a cue that start what was said: "called [him] [a liar]", "told [him] [to
#: leave]", "said [that ...]", "described [it] [as ...]".
COMPLEMENT_DEPS = frozenset({"dobj", "dative", "oprd", "ccomp", "xcomp", "attr", "acomp"})
#: Prepositions that complete a cue: "described it [as ...]", "criticized her [for ...]",
#: "accused him [of ...]".
COMPLEMENT_PREPS = frozenset({"as", "for", "of", "about", "to", "on"})
#: Prepositions whose object an "as" after them characterises: "referred to X as", "spoke of X as".
AS_SAID_OF_PREPS = frozenset({"to", "of"})
#: A clause whose partial quotations are more than this share of it reports little more than
#: they do.
MOSTLY_QUOTED = 0.5
CLAUSE_MARKS = frozenset({"that", "whether"})
#: How a clause hangs inside a noun phrase ("supporters in Salem [that she had ...]").
CLAUSE_IN_PHRASE_DEPS = frozenset({"acl", "relcl", "ccomp"})
#: How the clause a cue after it reports is linked to the cue, either way round.
REPORTED_BEFORE_DEPS = frozenset({"ccomp", "parataxis"})
#: How a parenthetical attribution before the clause it reports may hang on that clause.
ATTRIBUTION_DEPS = frozenset({"ccomp", "parataxis", "advcl"})
#: Prepositions that set a noun of saying as the backdrop of the writer's own sentence
#: ('Despite his claim that the war would end "within days," fighting goes on').
BACKDROP_PREPS = frozenset({"despite", "after", "amid", "following", "since", "before"})
#: Punctuation that may stand between two halves of what a cue reports.
JOINING_MARKS = frozenset({",", ":", "-", "—", "–"})
#: How far after its cue a "that" clause the parser hung elsewhere may open.
MAX_GAP_TO_CLAUSE = 10
#: Share of a partial quotation an existing reported entry must cover to stand for its clause.
COVERED_SHARE = 0.5


def with_partial_clauses(doc: Doc, quotes: list[Quote], reported: list[Quote]) -> list[Quote]:
    """``reported`` and, for each partial quotation of ``quotes`` with a cue and a speaker that
    no reported entry covers, the clause its cue reports (kind ``indirect``)."""
    found = list(reported)
    for quote in quotes:
        if quote.kind != "partial" or quote.speaker is None or quote.cue_span is None:
            continue
        quote = with_framing_cue(doc, quote)  # noqa: PLW2901 - the clause's cue, not the mark's
        covering = [i for i, entry in enumerate(found) if _covers(entry, quote)]
        if covering and not all(_nested_cue(doc, found[i], quote) for i in covering):
            _run_on_past_the_mark(doc, quote, found, covering)
            continue
        content = _clause_around(doc, quote)
        if content is None or _names_speaker(content, quote):
            continue
        if any(e.start == content.start_char and e.end == content.end_char for e in found):
            continue
        same_cue = [i for i, entry in enumerate(found) if entry.cue_span == quote.cue_span]
        if not same_cue:
            clause = Quote(
                id="",
                text=content.text,
                start=content.start_char,
                end=content.end_char,
                kind="indirect",
                speaker=quote.speaker,
                cue=quote.cue,
                confidence=quote.confidence * 0.9,
                cue_span=quote.cue_span,
            )
            # 'called him "the grownup" amid the chaos': what the cue governs after the mark
            # counts before the quotation is judged most of the clause.
            longer = _past_the_mark(doc, clause, quotes)
            if doc_text(doc)[clause.end : longer.end].lstrip().startswith(","):
                longer = clause  # '... as a "whisperer", for the affinity ...': set off
            if _mostly_quoted((longer.start, longer.end), quotes):
                continue  # 'called it "absurd"': the quotation says what the clause says
            if looks_like_name(quote.text.split()) and not _finite(content):
                continue  # 'on his podcast "The Long Road"': the quotation names something
            found.append(clause)
            continue
        # 'denounced the plan as "a relic"': the cue's reported entry ("the plan") stops
        # before the quotation; one cue reports one thing, so that entry takes the clause.
        for i in same_cue:
            entry = found[i]
            if (
                content.start_char <= entry.start
                and entry.end <= content.end_char
                or _misread_before_cue(doc, entry, content, quote, quotes)
            ):
                found[i] = replace(
                    entry, text=content.text, start=content.start_char, end=content.end_char
                )
            elif _adjoining(doc, entry, content):
                # 'said he would stay in the race, so he can press for "real change"': the
                # entry and the clause around the quotation are two halves of what the cue
                # reports.
                start, end = min(entry.start, content.start_char), max(entry.end, content.end_char)
                found[i] = replace(entry, text=doc_text(doc)[start:end], start=start, end=end)
    every = [*quotes, *found]
    found = [through_its_quotations(doc, entry, every) for entry in found]
    found = [_with_its_marks(doc, _past_the_mark(doc, entry, quotes)) for entry in found]
    return cut_before_other_voices(doc, found, quotes)


#: A closing quotation mark right after an entry, with at most the sentence's own mark before it.
_CLOSE_AFTER = re.compile(r'[.,;:!?]?["\u201d]')


def _with_its_marks(doc: Doc, entry: Quote) -> Quote:
    """'said that "no recall is being issued."': an entry that begins right after a quotation's
    opening mark takes that mark, and one that holds an opening mark and stops just before its
    closing one (the parser ended the clause at the full stop inside the marks) takes the
    closing mark, so its content never begins or ends inside a quotation."""
    text = doc_text(doc)
    start = entry.start
    if start > 0 and (
        text[start - 1] == "\u201c" or text[start - 1] == '"' and _opens(text, start - 1)
    ):
        # 'that "the pier is safe" and that ...': the clause began after the opening mark
        start -= 1
        entry = replace(entry, text=text[start : entry.end], start=start)
    words = entry.text
    curly_open = words.count("\u201c") > words.count("\u201d")
    if not curly_open and not (words.count('"') % 2 and _opens(words, words.rfind('"'))):
        return entry  # '... tell it like it is"': the entry began inside the quotation
    close = _CLOSE_AFTER.match(text, entry.end)
    if close is None:
        return entry
    return replace(entry, text=text[entry.start : close.end()], end=close.end())


def _opens(text: str, at: int) -> bool:
    """Whether the straight mark at ``at`` opens a quotation: words follow it, and it starts
    the text or follows a space or an opening bracket or dash."""
    before = text[at - 1] if at > 0 else " "
    return at + 1 < len(text) and not text[at + 1].isspace() and before in " \t\n([\u2014\u2013-"


def _adjoining(doc: Doc, entry: Quote, content: Span) -> bool:
    """The entry and ``content`` overlap, or only a comma, colon, dash or coordinator stands
    between them, in one sentence (not the attribution: '..., Lee said, ...' keeps its halves
    apart)."""
    words = doc.char_span(entry.start, entry.end, alignment_mode="expand")
    if words is None or not len(words) or words[0].sent.start != content[0].sent.start:
        return False
    lo, hi = sorted([(entry.start, entry.end), (content.start_char, content.end_char)])
    if _ends_sentence(doc_text(doc)[lo[0] : lo[1]]):
        return False  # '... "and killing them."  Critics said ...': the first one ends a sentence
    if hi[0] <= lo[1]:
        return True
    gap = doc.char_span(lo[1], hi[0], alignment_mode="expand")
    return gap is not None and all(
        t.text in JOINING_MARKS or t.is_quote or t.dep_ == "cc" or t.is_space and "\n" not in t.text
        for t in gap
    )


def _past_the_mark(doc: Doc, entry: Quote, quotes: list[Quote]) -> Quote:
    """'called the bankers "fat cats" and proposed a new tax', 'told the crowd that the plan
    was "dead," whatever the council said': a reported entry that stops at the closing mark
    of a quotation it holds runs on over the rest of its cue's sentence, the words the cue
    still governs after the mark, up to a semicolon, a dash, a bracket or another report.
    (:func:`_run_on_past_the_mark` ran such an entry on earlier, to the end of the clause
    around a partial quotation of its cue; this is the run-on for every entry still stopping
    at a mark, with the same test and the same step.)"""
    if entry.kind != "indirect" or entry.cue_span is None:
        return entry
    if not any(
        entry.start <= q.start and _stops_at_mark(entry, q) for q in quotes if q.kind != "indirect"
    ):
        return entry
    if _ends_sentence(doc_text(doc)[entry.start : entry.end]):
        return entry  # '... "the families[.]" He went on to say': the quotation ended it
    found = _cue_and_words(doc, entry)
    if found is None:
        return entry
    cue, words = found
    if cue.i >= words.start:
        return entry  # '"...," she said': the attribution comes after the words
    end = run_on_end(doc, cue, words.end, min(cue.sent.end, cue.right_edge.i + 1))
    if not any(t.is_alpha for t in doc[words.end : end]):
        return entry
    content = content_span(doc, list(doc[words.start : end]))
    return entry if content is None else _run_on(doc, entry, content.end_char)


def _misread_before_cue(
    doc: Doc, entry: Quote, content: Span, quote: Quote, quotes: list[Quote]
) -> bool:
    """'Back in the studio after a long lunch, where the talk was of boats, Lee remarked that
    she was "surprised" to ...': the cue's entry is the writer's opening words, which the
    parser took for a clause the cue reports, while a "that" clause after the cue holds the
    quotation; the cue reports the "that" clause."""
    assert quote.cue_span is not None
    mark = doc[content.start - 1] if content.start > 0 else None
    return (
        entry.end <= quote.cue_span[0]
        and quote.cue_span[1] <= content.start_char
        and mark is not None
        and mark.lower_ == "that"
        and mark.dep_ == "mark"
        # '"We won," Lee said on Monday that ...': a quotation of the cue before it is words
        and not any(
            q.cue_span == quote.cue_span and entry.start <= q.start < entry.end for q in quotes
        )
    )


def _cut_after_coordinator(entry: Quote) -> bool:
    """'said that the pier was "unsafe" for boats and': an entry whose last word is a
    coordinator, where the parser hung what it joins on another word."""
    words = entry.text.split()
    return bool(words) and words[-1].lower() in COORDINATORS


#: Coordinators that cannot end what was said.
COORDINATORS = frozenset({"and", "but", "or"})


def _stops_at_mark(entry: Quote, quote: Quote) -> bool:
    """Whether the reported ``entry`` ends at ``quote``'s closing mark (before it, after it or
    after a comma that follows it): where a reported clause holding a quotation was cut short."""
    return quote.end <= entry.end <= quote.end + 2


def _run_on(doc: Doc, entry: Quote, end: int) -> Quote:
    """``entry`` run on to ``end`` when that is past its end. It keeps its start: only where it
    stops was cut short."""
    if end <= entry.end:
        return entry
    return replace(entry, text=doc_text(doc)[entry.start : end], end=end)


def _cue_and_words(doc: Doc, quote: Quote) -> tuple[Token, Span] | None:
    """The head of ``quote``'s cue and the tokens of its words, or None when either has no
    tokens."""
    cue = _cue_head(doc, quote)
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if cue is None or words is None or not len(words):
        return None
    return cue, words


def _cue_head(doc: Doc, quote: Quote) -> Token | None:
    """The head of ``quote``'s cue, or None when its span holds no token."""
    assert quote.cue_span is not None
    cue_words = doc.char_span(*quote.cue_span, alignment_mode="expand")
    return cue_words.root if cue_words is not None and len(cue_words) else None


def _ends_sentence(text: str) -> bool:
    """Words whose last quotation closes a sentence ('... killing them."', '... victims[.]"')."""
    return text.rstrip("\"'”’ ]")[-1:] in {".", "!", "?"}


def _run_on_past_the_mark(doc: Doc, quote: Quote, found: list[Quote], covering: list[int]) -> None:
    """'said polls might be "far off," and have erred before': the cue's reported entry
    stops at the quotation's closing mark where the clause the cue governs runs on; the entry
    takes the clause."""
    stopping = [
        i
        for i in covering
        if found[i].cue_span == quote.cue_span
        and (_stops_at_mark(found[i], quote) or _cut_after_coordinator(found[i]))
    ]
    if not stopping:
        return
    content = _clause_around(doc, quote)
    if content is None or _names_speaker(content, quote):
        return
    if any(t.dep_ == "conj" and says(t) for t in content if t.idx >= quote.end):
        return  # '... "went home," and said the talks were over': a second report
    cut = another_report(content.root)
    if cut < content.end:
        # '... "a disgrace," while the minister wrote he had ordered checks': another's report
        content = content_span(doc, list(doc[content.start : cut]))
        if content is None:
            return
    for i in stopping:
        if content.start_char <= found[i].start:
            found[i] = _run_on(doc, found[i], content.end_char)


def _finite(content: Span) -> bool:
    """A clause with a finite verb ('the system no longer counted as a "Cyclone"'), not a
    phrase around a name ('the radio show "Harbour Talk"')."""
    return any(t.tag_ in FINITE_TAGS for t in content)


def _names_speaker(content: Span, quote: Quote) -> bool:
    """'"We won," said Ann Lee, author of "Long Roads"': words that name the speaker are no
    part of what the speaker said."""
    mention = quote.speaker.mention if quote.speaker is not None else None
    return mention is not None and content.start_char < mention[1] and mention[0] < content.end_char


def _mostly_quoted(content: tuple[int, int], quotes: list[Quote]) -> bool:
    """One partial quotation is most of the clause ``content`` (its character span: 'called it
    "absurd"'), so it stands for the clause; a clause woven from several ('called him a "liar"
    and a "fraud"') is more than any one of them."""
    quoted = max(
        (_shared_chars((q.start, q.end), content) for q in quotes if q.kind == "partial"),
        default=0,
    )
    return quoted > MOSTLY_QUOTED * (content[1] - content[0])


def _covers(entry: Quote, quote: Quote) -> bool:
    """Whether ``entry`` already reports ``quote``'s words: another speaker's clause around them
    ('blamed the press for repeating her claim that he "lied"') is an attribution of its own."""
    if (
        entry.speaker is not None
        and quote.speaker is not None
        and entry.speaker.id != quote.speaker.id
    ):
        return False
    overlap = _shared_chars((entry.start, entry.end), (quote.start, quote.end))
    return overlap >= COVERED_SHARE * max(1, quote.end - quote.start)


def _nested_cue(doc: Doc, entry: Quote, quote: Quote) -> bool:
    """'repeated that the party has to beat Lee, whom he called a "bully" who ...': the
    entry around the quotation reports another cue of the speaker, and the quotation's own
    cue heads a relative clause or a subordinate clause ('even though he found "evidence"
    that ...') inside that entry; the cue's clause is an attribution of its own."""
    assert quote.cue_span is not None
    if (
        entry.cue_span is None
        or entry.cue_span == quote.cue_span
        or not (entry.start <= quote.cue_span[0] and quote.cue_span[1] <= entry.end)
    ):
        return False
    cue = _cue_head(doc, quote)
    return (
        cue is not None
        and cue.pos_ == "VERB"
        and (
            cue.dep_ == "relcl"
            or cue.dep_ == "advcl"
            and any(c.dep_ == "mark" for c in cue.children)
        )
    )


def _shared_chars(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters the spans ``a`` and ``b`` have in common."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _clause_around(doc: Doc, quote: Quote) -> Span | None:
    """The reported clause holding ``quote``, or None when its cue gives none."""
    found = _cue_and_words(doc, quote)
    if found is None:
        return None
    cue, marked = found
    first, last = marked[0], marked[-1]
    if _passive_without_agent(cue) and not _said_by_its_noun(cue, quote):
        return None  # 'the valley was called the "breadbasket"': said by nobody named
    if cue.sent.start != first.sent.start:
        return None
    if cue.i < first.i:
        content = _after_cue(doc, cue, first, last)
        if content is None or not (content.start <= first.i and last.i < content.end):
            content = clause_parsed_apart(doc, cue, first)
    elif cue.i > last.i:
        content = _before_cue(doc, cue, first)
    else:
        return None
    if content is None or not (content.start <= first.i and last.i < content.end):
        return None
    if content.start_char == quote.start and content.start > 0:
        # 'said "no more delays" at the meeting': the clause opens with the quotation, and
        # keeps its opening mark as it keeps the closing one.
        mark = doc[content.start - 1]
        if mark.is_punct and mark.idx + len(mark.text) == quote.start:
            content = doc[content.start - 1 : content.end]
    return content


def _said_by_its_noun(cue: Token, quote: Quote) -> bool:
    """'Two papers reported on Monday the port had "gaps"': a cue the parser took for a
    participle describing the noun before it, where that noun is the quotation's speaker and
    the cue a verb that reports a clause (not 'a concept called "X"')."""
    mention = quote.speaker.mention if quote.speaker is not None else None
    head = cue.head
    return (
        mention is not None
        and cue.dep_ == "acl"
        and cue.lemma_.lower() in REPORTING_VERBS
        and mention[0] < head.idx + len(head.text)
        and head.idx < mention[1]
    )


def _passive_without_agent(cue: Token) -> bool:
    """ "was called", "a concept called": no one is said to have said it."""
    deps = {c.dep_ for c in cue.children}
    # "a concept called": a participle right after the noun it describes.
    reduced = is_reduced_passive(cue) and cue.head.i == cue.i - 1
    passive = is_passive(cue) or reduced
    return passive and "agent" not in deps


def _after_cue(doc: Doc, cue: Token, first: Token, last: Token) -> Span | None:
    """ "called [the deal a 'disaster']": from the cue's first complement to the end of its
    dependant that holds the quotation."""
    holder = next(
        (c for c in cue.children if c.i > cue.i and c.left_edge.i <= first.i <= c.right_edge.i),
        None,
    )
    if (
        holder is not None
        and cue.pos_ == "NOUN"
        and _is_that_clause(holder)
        and cue.head.lower_ not in BACKDROP_PREPS
    ):
        # 'his claim that the mayor had "lied"': a noun of saying and the clause it holds.
        return content_span(
            doc, list(doc[holder.left_edge.i : max(holder.right_edge.i, last.i) + 1])
        )
    if holder is not None and holder.dep_ == "conj":
        # 'said the town was safe, but the harbour was "a mess"': the parser hung the second
        # half of what was said on the cue.
        halves = [
            c for c in cue.children if c.dep_ in {"ccomp", "xcomp"} and cue.i < c.i < holder.i
        ]
        if halves and _runs_on(cue, halves[-1].right_edge.i) == holder.right_edge.i:
            start = halves[-1].left_edge.i
            return content_span(doc, list(doc[start : max(holder.right_edge.i, last.i) + 1]))
    if holder is None or (
        not _completes(holder)
        and not _completed_within(holder, first)
        and not _with_after_object(cue, holder)
    ):
        # 'his warning during the visit that the bridge was "unsafe"': the parser hung the
        # cue's "that" clause on a word between them.
        clause = _that_clause_after(cue, first)
        if clause is None:
            return _set_in_cue_head(doc, cue, first, last)
        return content_span(
            doc, list(doc[clause.left_edge.i : max(clause.right_edge.i, last.i) + 1])
        )
    clause = _that_clause_within(holder, first)
    if clause is not None:
        # 'telling supporters in Salem that she had "no regrets"': the parser hung the clause
        # on a word of the addressee's phrase.
        return content_span(
            doc, list(doc[clause.left_edge.i : max(clause.right_edge.i, last.i) + 1])
        )
    finite = any(
        c.dep_ in FINITE_SUBJECT_DEPS or c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS
        for c in holder.children
    )
    starts = [
        _said_of_start(c, holder)
        for c in cue.children
        if cue.i < c.i < holder.i and _opens_what_was_said(c, cue, holder, finite)
    ]
    start = min([_holder_start(holder, first), *starts])
    end = max(holder.right_edge.i, last.i)
    if holder.dep_ == "ccomp":
        end = _runs_on(cue, end)
    return content_span(doc, list(doc[start : end + 1]))


def _opens_what_was_said(dependant: Token, cue: Token, holder: Token, finite: bool) -> bool:
    """A dependant of the cue before ``holder`` (the one holding the quotation) that is part of
    what was said: a complement, unless it is the addressee of a finite clause ("told
    [reporters] the plan ..."), what an "as" is said of, or a condition before a clause."""
    return (
        dependant.dep_ in COMPLEMENT_DEPS
        and not (finite and dependant.dep_ in ADDRESSEE_DEPS)
        # 'referred [to the mayor] [as "the quiet one"]': what the "as" is said of
        or _as_said_of(dependant, holder)
        # 'said [if the vote fails,] "we will sue"': a condition set before the clause
        or holder.dep_ == "ccomp"
        and _condition_of(dependant, cue)
    )


def _condition_of(dependant: Token, cue: Token) -> bool:
    """'says [no matter what the council decides,] "the pier stays"', 'said [if the vote
    fails,] "we will sue"': a clause of condition or concession the parser hung on the cue
    before the reported clause, which is part of what was said (not when it was said: '...,
    when asked, "..."')."""
    return (
        dependant.dep_ in {"advcl", "advmod"}
        and any(t.tag_ in FINITE_TAGS for t in dependant.subtree)
        and not when_it_was_said(dependant, cue)
    )


def _holder_start(holder: Token, first: Token) -> int:
    """Where the cue's dependant holding the quotation starts what was said: at its left edge,
    or after "to" when an "as" inside it characterises its object ('referred to [the soldiers
    buried there as "heroes"]')."""
    obj = object_of(holder)
    if (
        holder.dep_ == "prep"
        and holder.lower_ in AS_SAID_OF_PREPS
        and obj is not None
        and any(t.lower_ == "as" and t.dep_ == "prep" and t.i < first.i for t in obj.subtree)
    ):
        return obj.left_edge.i
    return holder.left_edge.i


def _said_of_start(dependant: Token, holder: Token) -> int:
    """Where a complement before ``holder`` starts what was said: at its left edge, or at the
    object of a preposition an "as" characterises ("to [the mayor] as ...")."""
    if _as_said_of(dependant, holder):
        obj = object_of(dependant)
        if obj is not None:
            return obj.left_edge.i
    return dependant.left_edge.i


def _as_said_of(dependant: Token, holder: Token) -> bool:
    """'referred [to the mayor] as "..."', 'spoke [of the plan] as "..."': the preposition whose
    object the cue's "as" characterises."""
    return (
        holder.dep_ == "prep"
        and holder.lower_ == "as"
        and dependant.dep_ == "prep"
        and dependant.lower_ in AS_SAID_OF_PREPS
    )


def _runs_on(cue: Token, end: int) -> int:
    """'said the surveys were "far off," and that they had erred before': the parser hung
    a second reported clause, set after the first, on the cue (as a conjunct, or as a second
    clausal complement after a coordinator: '... with funds and [would face a fine]')."""
    for conj in cue.children:
        if conj.dep_ not in {"conj", "ccomp"} or conj.i <= end or says(conj):
            continue
        if conj.sent.start != cue.sent.start:
            continue  # '... half-pregnant."  Both men saw ...': the parser joined two sentences
        between = cue.doc[end + 1 : conj.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            continue
        if conj.dep_ == "ccomp" and not any(t.dep_ == "cc" for t in cue.doc[end : conj.i]):
            continue
        if any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in conj.children):
            return conj.right_edge.i
        if any(c.dep_ in FINITE_SUBJECT_DEPS and c.tag_ == "PRP" for c in conj.children):
            continue  # '..., but he gave the board a warning': the speaker acts again
        return conj.right_edge.i
    return end


def _that_clause_within(holder: Token, first: Token) -> Token | None:
    """The outermost "that" clause with its own subject between the quotation and the cue's
    dependant ``holder`` (not ``holder`` itself)."""
    return _outermost_that_clause(first, holder)


def _set_in_cue_head(doc: Doc, cue: Token, first: Token, last: Token) -> Span | None:
    """The clause after the cue that the parser made the cue's head: the object a cue was
    tagged as describing ('described [Lee as a "hero"]') or the clause a parenthetical
    attribution interrupts ('Lee told the radio, [the pier would be "safe"]')."""
    head = cue.head
    if head.i <= cue.i or not head.left_edge.i <= first.i <= head.right_edge.i:
        return None  # 'said Ann Lee, author of "Long Roads"': the quotation names something
    if cue.dep_ == "amod" and head.pos_ in {"PROPN", "PRON", "NOUN"}:
        start = cue.i + 1
    elif cue.dep_ in ATTRIBUTION_DEPS and any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < cue.i for c in cue.children
    ):
        if any(c.dep_ == "mark" or c.tag_ == "WRB" for c in cue.children):
            return None  # 'When Lee spoke, the crowd was "stunned"'
        start = cue.right_edge.i + 1
    else:
        return None
    if start > first.i:
        return None
    return content_span(doc, list(doc[start : max(head.right_edge.i, last.i) + 1]))


def _that_clause_after(cue: Token, first: Token) -> Token | None:
    """The outermost "that" clause with its own subject holding the quotation, when it opens
    a few words after the cue with no other verb between them ('proclaimed in July that ...',
    'her assertion during the debate that ...')."""
    if first.i == cue.i or cue.is_ancestor(first):
        return None  # the clause hangs on the cue itself: the rules above read it
    clause = _outermost_that_clause(first, cue)
    if clause is None:
        return None
    mark = clause.left_edge
    if not cue.i < mark.i <= cue.i + MAX_GAP_TO_CLAUSE:
        return None
    if any(
        t.pos_ in {"VERB", "AUX"} and not _copula_of(cue, t) for t in cue.doc[cue.i + 1 : mark.i]
    ):
        return None  # 'said the plan, which the mayor backs, ensures that ...'
    return clause


def _copula_of(cue: Token, verb: Token) -> bool:
    """'her claim is that ...': the "is" of a noun of saying whose subject it is."""
    return (
        cue.pos_ == "NOUN"
        and cue.dep_ in NOMINAL_SUBJECT_DEPS
        and verb.i == cue.head.i
        and (verb.lemma_ == "be")
    )


def _outermost_that_clause(first: Token, stop: Token) -> Token | None:
    """The outermost "that" clause with its own subject on the way up from ``first`` to
    ``stop`` (not ``stop`` itself), or to the root when ``stop`` is not above ``first``."""
    found = None
    token = first
    while token.i != stop.i and token.head.i != token.i:
        if _is_that_clause(token):
            found = token
        token = token.head
    return found


def _is_that_clause(token: Token) -> bool:
    return (
        token.dep_ in CLAUSE_IN_PHRASE_DEPS
        and any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in token.children)
        and any(c.dep_ in FINITE_SUBJECT_DEPS for c in token.children)
    )


def _completes(dependant: Token) -> bool:
    """A dependant that says what the cue reports: a complement or a completing preposition."""
    return dependant.dep_ in COMPLEMENT_DEPS or (
        dependant.dep_ == "prep" and dependant.lower_ in COMPLEMENT_PREPS
    )


def _with_after_object(cue: Token, holder: Token) -> bool:
    """'credited [the mayor] [with keeping "the town together"]', 'charged [the board] [with
    "gross neglect"]': a "with" phrase after the cue's object says what the cue puts on it."""
    return (
        holder.dep_ == "prep"
        and holder.lower_ == "with"
        and any(c.dep_ == "dobj" and cue.i < c.i < holder.i for c in cue.children)
    )


def _completed_within(holder: Token, first: Token) -> bool:
    """ "described the plan during an interview [as ...]": the parser hung the completing
    preposition inside another dependant of the cue."""
    token = first
    while token.i != holder.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in COMPLEMENT_PREPS:
            return True
        token = token.head
    return False


def _reports_clause_before(cue: Token, first: Token) -> bool:
    """The quotation lies in the clause the cue reports: the cue's clausal complement before it
    ('The plan "failed," she said'), or the clause the cue is set in as its complement or
    parenthetical ('The plan "failed," one engineer commented', parsed the other way round)."""
    for clause in cue.children:
        if clause.dep_ in REPORTED_BEFORE_DEPS and clause.left_edge.i <= first.i < cue.i:
            return clause.right_edge.i >= first.i
    head = cue.head
    return cue.dep_ in REPORTED_BEFORE_DEPS and head.i < cue.i and head.left_edge.i <= first.i


def _clause_read_as_subject(cue: Token, subjects: list[Token], first: Token) -> bool:
    """'..., said Lee' after a clause whose noun the parser made the cue's first subject: a
    second subject follows the cue, a comma sets the cue off, and the first one holds the
    quotation."""
    before, after = subjects[0], subjects[-1]
    return (
        after.i > cue.i
        and cue.i > 0
        and cue.doc[cue.i - 1].text == ","
        and before.left_edge.i <= first.i <= before.right_edge.i
    )


def _addressee(cue: Token, dependant: Token) -> bool:
    """Whom the words were said to, after a cue that reports a clause ('..., she told
    reporters', '..., he declared to the crowd'), not the words themselves."""
    if dependant.dep_ == "prep":
        return dependant.lower_ == "to"
    return (
        dependant.dep_ in ADDRESSEE_DEPS
        and cue.lemma_ in REPORTING_VERBS
        and cue.lemma_ not in OBJECT_SPEECH_VERBS
    )


def _before_cue(doc: Doc, cue: Token, first: Token) -> Span | None:
    """ "The plan would fail 'no matter what,' one senator said": the sentence up to the
    attribution (the cue and its subject)."""
    if any(c.i > cue.i and _completes(c) and not _addressee(cue, c) for c in cue.children):
        return None  # 'At the "Open Doors" fair, Lee unveiled a plan': the words come after
    subjects = [c for c in cue.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    subject = subjects[0] if subjects else None
    if (
        subject is not None
        and subject.i < first.i
        and _clause_read_as_subject(cue, subjects, first)
    ):
        # 'The vote signals "the end" for the party, said Lee': the parser read the reported
        # clause's noun as a second subject of the inverted cue.
        subject = subjects[-1]
    elif subject is None or subject.i < first.i:
        return None  # 'Lee, star of "Long Roads," posted the clip': the quotation names a work
    elif not _reports_clause_before(cue, first):
        return None  # 'After the mayor was "shocked," the council reacted with a letter'
    attribution = min(cue.i, subject.left_edge.i)
    start = cue.sent.start
    if start > first.i:
        return None
    return content_span(doc, list(doc[start:attribution]))
