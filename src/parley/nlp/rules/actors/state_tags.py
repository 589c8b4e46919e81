"""State tags after a lawmaker's name, as American news writes them: "Sen. Ann Roe (R-Fla.)",
"Rep. Tom Lee, D-N.Y., said", "Sen. Eva Moss (Idaho)"."""

from __future__ import annotations

import re

from parley import lexicon

#: Tag as written -> the state it stands for ("Fla." -> "Florida"), and how it is written.
_STATES: lexicon.WordMap[str, str] = lexicon.table_map("state_tags", "tag", "state")
_STYLES: lexicon.WordMap[str, str] = lexicon.table_map("state_tags", "tag", "style")
#: A party's letter -> the word for its member ("R" -> "republican").
PARTY_OF_LETTER: lexicon.WordMap[str, str] = lexicon.table_map("party_members", "letter", "member")
#: The adjective of a party -> the word for its member ("democratic" -> "democrat").
PARTY_OF_ADJECTIVE: lexicon.WordMap[str, str] = lexicon.table_map(
    "party_members", "adjective", "member"
)
#: Words for a party's member ("republican"), which make a description a person's.
PARTY_MEMBERS = lexicon.where_set("party_members", "member")

# An opening bracket or comma, an optional party letter and dash, the tag, and the bracket or
# comma that closes it. The tag is at most two words ("W. Va."): anything longer is an aside.
_TAG = re.compile(
    r"[ \t]*(?P<open>[(,])[ \t]*(?:(?P<party>[RDI])[ \t]*[-\u2013][ \t]*)?"
    r"(?P<tag>[A-Z][A-Za-z.]*(?: [A-Z][a-z]*\.)?)[ \t]*(?P<close>[),])"
)
# A bracketed party letter alone: "Rep. Tom Lee (D)".
_PARTY_ALONE = re.compile(r"[ \t]*\((?P<party>[RDI])\)")


def tag_at(text: str, at: int) -> tuple[str | None, str | None]:
    """(party letter, state) of a tag starting at ``at`` in ``text`` (right after a name):
    ("R", "Florida") for " (R-Fla.)", ("D", None) for " (D)", (None, None) for no tag."""
    alone = _PARTY_ALONE.match(text, at)
    if alone is not None:
        return alone["party"], None
    state = state_of_tag(text, at)
    if state is None:
        return None, None
    match = _TAG.match(text, at)
    return (match["party"] if match is not None else None), state


def state_of_tag(text: str, at: int) -> str | None:
    """The state of a party-and-state tag starting at ``at`` in ``text`` (right after a name),
    or None. A bare postal code needs its party letter ("(R-TX)", not "(AP)"); a comma tag
    ends at a comma (", R-Fla.,") and a bracketed one at its bracket."""
    match = _TAG.match(text, at)
    if match is None or (match["open"] == "(") != (match["close"] == ")"):
        return None
    tag = match["tag"].replace(" ", "")
    state: str | None = _STATES.get(tag)
    if state is None:
        return None
    if _STYLES.get(tag) == "postal" and not match["party"]:
        return None
    if match["open"] == "," and not match["party"]:
        # ", Idaho," after a name is as often the person's home town's state as a tag.
        return None
    return state
