"""Negotiation tracking: agreements and their status, due dates and open steps; each party's
conditions and demands as separate items; ultimatums and deadlines.

The rules read the dependency parse around a small lexicon we wrote:

* an **agreement** is an agreement noun (deal, memorandum, treaty, ceasefire, fund, ...) tied to
  a status verb: its object ("signed a memorandum"), its passive subject ("is going to be
  signed"), or a verb in its relative clause ("a deal which ... is going to be signed"). Whether
  the action happened (status ``signed``) or is still to come (status ``proposed``, due date, the
  action listed as a required step) comes from modals, "going to", infinitives and "with the goal
  of". Parties are the subject's countries, "between X and Y", "with X", or the last agreement's
  parties when the article goes on about "the agreement".
* a **step still required** is a nominal step (ratification, approval, vote) said to be pending
  ("the assembly must still approve the ratification" -> "ratification by the assembly").
* a **condition** is the list after "conditions ... including" or the object of demand verbs
  ("insisted on", "is seeking"), one item per conjunct.
* an **ultimatum** is a short deadline ("a matter of days", "within 48 hours ... or") or the
  nouns ultimatum / deadline.

The package: :mod:`.vocab` (word lists, read from ``parley/data/lexicon/negotiation_*.tsv``),
:mod:`.common` (shared helpers), :mod:`.agreements`, :mod:`.conditions` and :mod:`.ultimatums`.
"""

from __future__ import annotations

from typing import Any

from parley.nlp.rules.negotiations import vocab
from parley.nlp.rules.negotiations.agreements import extract_agreements
from parley.nlp.rules.negotiations.conditions import extract_conditions

__all__ = ["STATUS_VERBS", "VERB_PREPS", "extract_agreements", "extract_conditions"]


def __getattr__(name: str) -> Any:
    """``STATUS_VERBS`` and ``VERB_PREPS``, read from the lexicon when first asked for."""
    if name == "STATUS_VERBS":
        return vocab.status_verbs()
    if name == "VERB_PREPS":
        return vocab.verb_preps()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
