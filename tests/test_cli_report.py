"""The text report of ``parley analyze`` (issue 15): quote marks around the text, a legend for
the kinds of quote, the places, and quote ids the Events table's "as" column can refer to."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

from parley.cli.report import print_report
from parley.store.testing import event, person, quote, result
from parley.types import Place

BODY = (
    'Foreign Minister Ilse Brandt said: "We will reopen the corridor." She said the talks in '
    "Ankara would resume, calling them 'a fair start' before leaving Ankara."
)


def _report() -> str:
    brandt = person("a1", "Ilse Brandt", country="DEU", title="Foreign Minister")
    direct = quote("q1", "We will reopen the corridor.", BODY, brandt)
    indirect = quote("q2", "the talks in Ankara would resume", BODY, brandt, kind="indirect")
    partial = quote("q3", "a fair start", BODY, brandt, kind="partial")
    said = replace(event("e1", "036", "DEU", "TUR", day="2025-04-17"), quote_id="q1")
    start = BODY.index("Ankara")
    places = (
        Place("Ankara", start, start + 6, "TUR", 39.92, 32.85, "city"),
        Place("Ankara", BODY.rindex("Ankara"), BODY.rindex("Ankara") + 6, "TUR", 39.92, 32.85),
    )
    res = replace(
        result(BODY, actors=(brandt,), quotes=(direct, indirect, partial), events=(said,)),
        places=places,
    )
    out = io.StringIO()
    print_report(res, Console(file=out, width=200, color_system=None))
    return out.getvalue()


def test_report_marks_enclose_the_quote_text() -> None:
    text = _report()
    assert "“We will reopen the corridor.”" in text
    assert "‘a fair start’" in text
    assert "“”" not in text and "‘’" not in text
    line = next(x for x in text.splitlines() if "the talks in Ankara would resume" in x)
    assert "~" not in line and "“" not in line  # reported speech is bare, no unexplained mark


def test_report_has_a_legend_for_the_kinds_of_quote() -> None:
    text = _report()
    assert "direct quote" in text and "partial quote" in text and "reported" in text


def test_report_lists_the_places() -> None:
    text = _report()
    places = text.split("Places", 1)[1]
    row = next(x for x in places.splitlines() if "Ankara" in x)
    assert "TUR" in row and "39.920, 32.850" in row and row.rstrip(" │").endswith("2")


def test_report_shows_the_quote_ids_the_events_refer_to() -> None:
    text = _report()
    events = text.split("Events", 1)[1]
    assert "(q1)" in events
    quote_line = next(x for x in text.splitlines() if "We will reopen" in x)
    assert quote_line.split()[0] == "q1"


def test_durations_show_their_timeml_value_and_deadline() -> None:
    from parley.types import DateMention

    text = "The truce must hold within 30 days, the envoy said on Monday."
    start = text.index("within")
    monday = text.index("on Monday")
    dates = (
        DateMention(
            "within 30 days",
            start,
            start + 14,
            None,
            type="DURATION",
            timex="P30D",
            deadline="2025-05-18",
        ),
        DateMention("on Monday", monday, monday + 9, "2025-04-14"),
    )
    res = replace(result(text), dates=dates)
    out = io.StringIO()
    print_report(res, Console(file=out, width=200, color_system=None))
    report = out.getvalue()
    assert "P30D (deadline 2025-05-18)" in report
    assert "2025-04-14" in report
    assert "unresolved" not in report


def test_report_lists_each_step_of_a_linked_agreement() -> None:
    from parley.types import Agreement, AgreementStep

    body = "Chile and Peru signed a memorandum on Monday. The deal will be signed on Friday."
    steps = (
        AgreementStep("signing", "done", "memorandum", "signed a memorandum", 15, 34, "2025-02-24"),
        AgreementStep(
            "signing",
            "expected",
            "deal",
            "deal will be signed",
            50,
            69,
            "2025-02-28",
            said_by="Ana Ruiz",
        ),
    )
    deal = Agreement(
        "g1", "deal", "signed a memorandum", 15, 34, ("CHL", "PER"), "agreed", milestones=steps
    )
    out = io.StringIO()
    print_report(
        replace(result(body), agreements=(deal,)), Console(file=out, width=200, color_system=None)
    )
    text = out.getvalue()
    section = text[text.index("Agreement steps") :]
    assert "done" in section and "2025-02-24" in section
    assert "expected" in section and "2025-02-28" in section and "Ana Ruiz" in section
