"""Render an article's text as HTML with its quotes, speakers, dates and events marked inline.

Quotes are the outer layer (highlighted in their speaker's colour); actor mentions, dates,
event triggers, places and amounts are inner marks. Marks that would cross a quote boundary or
overlap another mark are dropped so the HTML always nests. Every piece of text is escaped: an
article containing ``<script>`` renders as text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

#: Number of speaker colours in the stylesheet (``.spk-0`` … ``.spk-9``).
PALETTE_SIZE = 10


def speaker_colour(key: str | None) -> str:
    """The CSS class of a speaker's colour; stable for the same key across pages."""
    if not key:
        return "spk-none"
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return f"spk-{digest[0] % PALETTE_SIZE}"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str
    label: str = ""
    title: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


def _in_bounds(start: Any, end: Any, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n


def _quote_marks(result: dict[str, Any], n: int) -> list[Mark]:
    """Quote marks, in text order, without overlaps."""
    # Overlapping quotes cannot both be highlighted: keep direct over partial over indirect
    # speech, then the earlier one.
    rank = {"direct": 0, "partial": 1, "indirect": 2}
    quoted = result.get("quotes", [])
    candidates = [q for q in quoted if _in_bounds(q.get("start"), q.get("end"), n)]
    candidates.sort(key=lambda q: (rank.get(q.get("kind", ""), 3), q["start"], -q["end"]))
    chosen: list[dict[str, Any]] = []
    for q in candidates:
        if all(q["end"] <= c["start"] or c["end"] <= q["start"] for c in chosen):
            chosen.append(q)
    quotes: list[Mark] = []
    for q in sorted(chosen, key=lambda q: q["start"]):
        speaker = q.get("speaker") or {}
        name = speaker.get("name") or "unattributed"
        css = f"quote {speaker_colour(speaker.get('name'))} q-{q.get('kind', 'direct')}"
        quotes.append(
            Mark(
                q["start"],
                q["end"],
                css,
                title=f"{q.get('kind', 'quote')} quote · {name}",
                attrs={"data-speaker": name, "data-quote-id": str(q.get("id", ""))},
            )
        )
    return quotes


def _actor_marks(result: dict[str, Any], n: int) -> list[Mark]:
    marks: list[Mark] = []
    for actor in result.get("actors", []):
        for m in actor.get("mentions", []):
            if len(m) == 2 and _in_bounds(m[0], m[1], n):
                kind = actor.get("kind", "actor")
                marks.append(
                    Mark(
                        m[0],
                        m[1],
                        f"ent ent-{kind} {speaker_colour(actor.get('name'))}",
                        label=kind[:3].upper(),
                        title=" · ".join(
                            x
                            for x in (actor.get("name"), actor.get("title"), actor.get("country"))
                            if x
                        ),
                    )
                )
    return marks


def _event_marks(result: dict[str, Any], n: int) -> list[Mark]:
    marks: list[Mark] = []
    for e in result.get("events", []):
        trig = e.get("trigger") or []
        if len(trig) == 2 and _in_bounds(trig[0], trig[1], n):
            quad = e.get("quad_class", 0)
            marks.append(
                Mark(
                    trig[0],
                    trig[1],
                    f"ent ent-event quad-{quad}",
                    label=f"EV {e.get('code', '')}",
                    title=f"{e.get('code')} {e.get('label', '')} · Goldstein {e.get('goldstein')}",
                )
            )
    return marks


def _span_marks(
    items: list[dict[str, Any]], n: int, css: str, label: str, title: Any
) -> list[Mark]:
    """Marks for records with ``start``/``end``; ``title(record)`` gives each one's title."""
    return [
        Mark(x["start"], x["end"], css, label=label, title=title(x))
        for x in items
        if _in_bounds(x.get("start"), x.get("end"), n)
    ]


def _nested(inner: list[Mark], quotes: list[Mark]) -> list[Mark]:
    """The entity marks that nest with each other and with the quotes, longest first."""
    inner.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mark] = []
    for m in inner:
        if kept and m.start < kept[-1].end:
            continue
        if any(
            q.start < m.start < q.end < m.end or m.start < q.start < m.end < q.end for q in quotes
        ):
            continue
        if any(m.start < q.start and q.end < m.end for q in quotes):
            continue  # an entity enclosing a whole quote would break nesting
        kept.append(m)
    return kept


def collect_marks(text: str, result: dict[str, Any]) -> tuple[list[Mark], list[Mark]]:
    """Quote marks (outer) and entity marks (inner) for ``result`` over ``text``."""
    n = len(text)
    quotes = _quote_marks(result, n)
    inner = _actor_marks(result, n)
    inner += _span_marks(
        result.get("dates", []),
        n,
        "ent ent-date",
        "DATE",
        lambda d: d.get("value") or d.get("timex") or "unresolved",
    )
    inner += _event_marks(result, n)
    inner += _span_marks(
        result.get("places", []), n, "ent ent-place", "PLACE", lambda p: p.get("country") or ""
    )
    inner += _span_marks(
        result.get("amounts", []), n, "ent ent-amount", "AMT", lambda a: a.get("measures") or ""
    )
    return quotes, _nested(inner, quotes)


def _open(mark: Mark) -> str:
    attrs = "".join(f' {escape(k)}="{escape(v)}"' for k, v in mark.attrs.items())
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    tag = "span" if mark.css.startswith("quote") else "mark"
    return f'<{tag} class="{escape(mark.css)}"{title}{attrs}>'


def _close(mark: Mark) -> str:
    if mark.css.startswith("quote"):
        return "</span>"
    label = f'<span class="ent-label">{escape(mark.label)}</span>' if mark.label else ""
    return f"{label}</mark>"


def annotate(text: str, result: dict[str, Any]) -> Markup:
    """The article as HTML: escaped text with nested quote and entity marks."""
    quotes, inner = collect_marks(text, result)
    # (position, order, html): at one position closes come before opens; inner closes before
    # quote closes; quote opens before inner opens. That keeps the tags nested.
    tags: list[tuple[int, int, str]] = []
    for q in quotes:
        tags.append((q.start, 2, _open(q)))
        tags.append((q.end, 1, _close(q)))
    for m in inner:
        tags.append((m.start, 3, _open(m)))
        tags.append((m.end, 0, _close(m)))
    tags.sort(key=lambda t: (t[0], t[1]))
    out: list[str] = []
    pos = 0
    for at, _, html in tags:
        if at > pos:
            out.append(str(escape(text[pos:at])))
            pos = at
        out.append(html)
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
