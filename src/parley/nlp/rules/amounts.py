"""Money and other amounts, with their unit and what they measure.

"$500 million in aid" -> value 5e8, unit USD, measures "aid"; "a 30 percent tariff" -> 30,
percent, "tariff"; "10,000 troops" -> 10000, "troops". Small counts written as words ("two
people", "three conditions") are not amounts: they are part of the prose, and casualty figures
are reported by the casualty rule instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import NOT_MEASURE_ENTS
from parley.nlp.doctext import doc_ents, doc_text
from parley.nlp.tokens import doc_tokens
from parley.nlp.tree import object_of
from parley.numbers import parse_number, parse_quantity
from parley.types import Amount, CasualtyMention

# Word lists: parley/data/lexicon (currency_symbols.tsv, currency_words.tsv, percent_words.txt,
# amount_time_nouns.txt, amount_unit_nouns.txt, amount_scale_words.txt, unit_words.txt).
CURRENCY_SYMBOLS: lexicon.WordMap[str, str] = lexicon.table_map(
    "currency_symbols", "symbol", "code"
)
CURRENCY_WORDS: lexicon.WordMap[str, str] = lexicon.table_map("currency_words", "word", "code")
PERCENT_WORDS = lexicon.word_set("percent_words")
# Durations and ages are not amounts ("in 24 hours", "a 15-year-old").
TIME_NOUNS = lexicon.word_set("amount_time_nouns")
# Units whose "of" object is what is measured ("5,000 tonnes of grain"), unlike "prisoners of war".
UNIT_NOUNS = lexicon.word_set("amount_unit_nouns")
# Recipients, places, dates and other amounts are not what an amount measures.
NOT_MEASURES = NOT_MEASURE_ENTS
MEASURE_PREPS = {"in", "for", "of", "to", "on", "towards", "toward"}
_SCALE_WORDS = lexicon.word_set("amount_scale_words")
# Hedging words inside a quantity entity that are not its unit ("about 75 miles").
QUANTITY_UNIT_QUALIFIERS = lexicon.word_set("quantity_unit_qualifiers")


def _currency(text: str) -> str | None:
    low = text.lower()
    for symbol, code in sorted(CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        if symbol in low:
            return code
    for word in re.findall(r"[a-z$']+", low):
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word]
    return None


def _value(text: str) -> float | None:
    """The number in an amount: "$500 million" -> 5e8; "more than 30 percent" -> 30."""
    low = text.lower().replace("us$", "$")
    low = re.sub(r"[$€£¥₴₽₹%]", " ", low)
    words = [w for w in re.split(r"\s+", low) if w]
    kept = [
        w
        for w in words
        if re.fullmatch(r"[\d.,]+(?:bn|mn|m|k|tn)?", w)
        or w in _SCALE_WORDS
        or parse_number(w) is not None
        and w not in ("a", "an")
    ]
    if not kept:
        return None
    # "between $5 and $7 billion": the lower end, with the scale the range shares
    numbers = [w for w in kept if w not in _SCALE_WORDS]
    if len(numbers) > 1:
        scales = [w for w in kept[kept.index(numbers[1]) :] if w in _SCALE_WORDS]
        kept = [numbers[0], *scales]
    value = parse_number(" ".join(kept))
    if value is None:
        bounds = parse_quantity(" ".join(kept))
        value = bounds.value if bounds else None
    return value


def _phrase(noun: Token) -> str:
    """A noun with its adjectives and compounds: "post-war reconstruction", "aid package"."""
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and not c.like_num]
    left = [c for c in left if c.ent_type_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")]
    tokens = sorted([*left, noun], key=lambda t: t.i)
    start = tokens[0].i
    return noun.doc[start : noun.i + 1].text if noun.i - start < 5 else noun.text


def _after_conversions(span: Span) -> int:
    """The token after ``span`` and any conversions in brackets: "€15,000 (£12,800; US$16,300)
    in damages" -> the index of "in"."""
    doc = span.doc
    after = span.end
    if after < len(doc) and doc[after].text == "(":
        close = next((t.i for t in doc[after : min(len(doc), after + 15)] if t.text == ")"), None)
        if close is not None:
            after = close + 1
    return after


def _measures(span: Span) -> str | None:
    root = span.root
    doc = span.doc
    # "$500 million in aid", "$2bn for reconstruction": the preposition right after the amount
    # (and after its conversions in brackets).
    after = _after_conversions(span)
    if after < len(doc) and doc[after].lower_ in MEASURE_PREPS:
        prep = doc[after]
        obj = object_of(prep)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in NOT_MEASURES:
            return _phrase(obj)
    # "a $500 million aid package", "a 30 percent tariff"
    if root.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and root.head.pos_ == "NOUN":
        if root.head.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL"):
            return None  # "51.2 percent to 38.6 percent": the head is another amount
        if root.head.i >= span.end:
            return _phrase(root.head)
    # "aid worth $500 million", "tariffs of 30 percent", "a loan of $2bn"
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in ("of", "worth", "at")
        and root.head.head.pos_ == "NOUN"
    ):
        return _phrase(root.head.head)
    if root.dep_ in ("npadvmod", "pobj") and root.head.lower_ == "worth":
        head = root.head.head
        if head.pos_ == "NOUN":
            return _phrase(head)
    # "raised tariffs by 30 percent", "prices rose 5 percent"
    verb = root.head if root.dep_ != "pobj" else root.head.head
    if verb.pos_ in ("VERB", "AUX"):
        for dep in ("dobj", "nsubj", "nsubjpass"):
            obj = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == dep and c.i not in range(span.start, span.end)
                ),
                None,
            )
            if (
                obj is not None
                and obj.pos_ in ("NOUN", "PROPN")
                and obj.ent_type_ not in NOT_MEASURES
            ):
                return _phrase(obj)
    return None


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _count_value(token: Token, noun: Token) -> tuple[Token, str, float] | None:
    """The first token, text and value of the number counting ``noun`` ("10,000", "two
    hundred"); None for years and names with a number ("a 2011 study", "Flight 370")."""
    start_tok = token
    while (
        start_tok.i > 0
        and start_tok.doc[start_tok.i - 1].ent_type_ == "CARDINAL"
        and (start_tok.doc[start_tok.i - 1].head.i in (token.i, noun.i))
    ):
        start_tok = start_tok.doc[start_tok.i - 1]
    qty = token.doc[start_tok.i : token.i + 1].text
    value = parse_number(qty)
    if value is None:
        bounds = parse_quantity(qty)
        value = bounds.value if bounds else None
    if value is None:
        return None
    if re.fullmatch(r"(1[5-9]|20)\d\d", qty):
        return None  # a year used as a modifier: "a 2011 study", "the 2016 census"
    before = token.doc[start_tok.i - 1] if start_tok.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper():
        return None  # a name with a number: "Area 51", "Flight 370"
    return start_tok, qty, value


def _count_amount(token: Token, taken: list[tuple[int, int]]) -> Amount | None:
    """ "10,000 troops", "40 tanks", "5,000 tonnes of grain"."""
    noun = token.head
    if token.dep_ not in ("nummod",) or noun.pos_ != "NOUN" or noun.i <= token.i:
        return None
    if noun.lemma_.lower() in TIME_NOUNS or noun.lower_ in TIME_NOUNS:
        return None
    if "-" in token.doc[token.i : noun.i + 1].text:  # "a 15-year-old", "two-day"
        return None
    counted = _count_value(token, noun)
    if counted is None:
        return None
    start_tok, qty, value = counted
    written_in_digits = any(ch.isdigit() for ch in qty)
    if not written_in_digits and value < 10:
        return None
    start = start_tok.idx
    end = noun.idx + len(noun.text)
    if _overlaps(start, end, taken):
        return None
    measures = _phrase(noun)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = object_of(of) if of is not None else None
    if obj is not None and obj.pos_ == "NOUN" and noun.lemma_.lower() in UNIT_NOUNS:
        measures = _phrase(obj)
    return Amount(
        text=doc_text(token.doc)[start:end],
        start=start,
        end=end,
        value=value,
        unit=noun.lower_,
        measures=measures,
    )


def extract_amounts(doc: Doc, *, casualties: Sequence[CasualtyMention] = ()) -> list[Amount]:
    """Money, percentages, physical quantities and large counts with what they measure.

    Args:
        doc: the parsed article.
        casualties: casualty mentions already found; their figures are not repeated here.

    Returns:
        The amounts in text order.
    """
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in casualties]
    out: list[Amount] = []
    for ent in doc_ents(doc):
        label = ent.label_
        if label not in ("MONEY", "PERCENT", "QUANTITY"):
            continue
        # "89% and 85%" is sometimes tagged "89% and" + "85%": the conjunction is not the amount.
        while len(ent) > 1 and (
            ent[-1].pos_ == "CCONJ" or (ent[-1].is_punct and ent[-1].text not in ("%", "°"))
        ):
            ent = ent[:-1]
        if _overlaps(ent.start_char, ent.end_char, taken):
            continue
        text = ent.text
        start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in CURRENCY_SYMBOLS:
            # "€2bn": the symbol is sometimes left outside the entity
            start = doc[ent.start - 1].idx
            text = doc_text(doc)[start : ent.end_char]
        if label == "MONEY":
            unit = _currency(text)
            # "500 million" tagged MONEY with the currency word outside the entity
            if unit is None and ent.end < len(doc):
                unit = _currency(doc[ent.end].text)
        elif label == "PERCENT":
            unit = "percent"
        else:
            # "75 miles per hour": the unit is every word after the number
            words = [
                t.lower_
                for t in ent
                if not t.like_num
                and t.lower_ not in _SCALE_WORDS
                and (t.is_alpha or t.text in ("°", "%"))
            ]
            qualifiers = QUANTITY_UNIT_QUALIFIERS.get()
            unit = " ".join(w for w in words if w not in qualifiers) or None
        value = _value(text)
        if value is None:
            continue
        out.append(
            Amount(
                text=text,
                start=start,
                end=ent.end_char,
                value=value,
                unit=unit,
                measures=_measures(ent),
            )
        )
        taken.append((ent.start_char, ent.end_char))
    tokens = doc_tokens(doc)
    for i, ent_type in enumerate(tokens.ent_type):
        if ent_type in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
            continue
        token = tokens.tokens[i]
        if not token.like_num:
            continue
        amount = _count_amount(token, taken)
        if amount is not None:
            out.append(amount)
            taken.append((amount.start, amount.end))
    out.sort(key=lambda a: a.start)
    return _share_with_conversions(doc_text(doc), out)


#: Units are what an amount is counted in, never what it measures ("30 km (18.6 miles)").
UNIT_WORDS = lexicon.word_set("unit_words")


def _share_with_conversions(text: str, amounts: list[Amount]) -> list[Amount]:
    """A conversion in brackets measures what its amount measures: "about fourteen feet (four
    meters) tall", "€15,000 (£12,800; US$16,300) in damages"."""
    amounts = [
        replace(a, measures=None)
        if a.measures and a.measures.split()[-1].lower().rstrip(".") in UNIT_WORDS
        else a
        for a in amounts
    ]
    shared: list[Amount] = []
    for amount in amounts:
        previous = shared[-1] if shared else None
        if (
            previous is not None
            and amount.measures is None
            and previous.measures is not None
            and re.fullmatch(r"\s*[(;,]\s*", text[previous.end : amount.start])
        ):
            amount = replace(amount, measures=previous.measures)
        elif (
            previous is not None
            and previous.measures is None
            and amount.measures is not None
            and re.fullmatch(r"\s*\(\s*", text[previous.end : amount.start])
        ):
            shared[-1] = replace(previous, measures=amount.measures)
        shared.append(amount)
    return shared
