"""State tags after a lawmaker's name, as American news writes them: "Sen. Ann Roe (R-Fla.)",
"Rep. Tom Lee, D-N.Y., said", "Sen. Eva Moss (Idaho)"."""

from __future__ import annotations

import re

from parley import lexicon

#: Tag as written -> the state it stands for ("Fla." -> "Florida"), and how it is written.
_STATES: lexicon.WordMap[str, str] = lexicon.table_map("state_tags", "tag", "state")
_STYLES: lexicon.WordMap[str, str] = lexicon.table_map("state_tags", "tag", "style")

# An opening bracket or comma, an optional party letter and dash, the tag, and the bracket or
# comma that closes it. The tag is at most two words ("W. Va."): anything longer is an aside.
_TAG = re.compile(
    r"[ \t]*(?P<open>[(,])[ \t]*(?:(?P<party>[RDI])[ \t]*[-\u2013][ \t]*)?"
    r"(?P<tag>[A-Z][A-Za-z.]*(?: [A-Z][a-z]*\.)?)[ \t]*(?P<close>[),])"
)


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
