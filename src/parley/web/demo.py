"""The bundled example articles of ``parley demo``.

These are invented news reports written for Parley (the officials named are fictional); they
exercise quotes, reported speech, dates, events, agreements, conditions and deadlines.
"""

from __future__ import annotations

from datetime import date
from typing import Any

DEMO_ARTICLES: tuple[dict[str, Any], ...] = (
    {
        "id": "demo-geneva-talks-open",
        "title": "Talks on a grain corridor open in Geneva",
        "published": date(2025, 4, 14),
        "url": "https://example.org/demo/geneva-talks-open",
        "text": (
            "GENEVA, April 14 - Delegations from Ukraine and Russia met in Geneva on Monday for a "
            "first round of talks on a Black Sea grain corridor, hosted by Switzerland.\n\n"
            '"We came here to reopen the ports, not to trade slogans," Ukrainian Foreign '
            "Minister Olena Marchenko told reporters after the session.\n\n"
            "Russian Deputy Foreign Minister Pavel Orlov said Moscow was ready to discuss "
            "inspections of cargo ships but would not accept any deal that ignored sanctions on "
            "its farm exports.\n\n"
            "Swiss mediator Lukas Brunner said both sides had agreed to meet again on April 22. "
            '"The tone was serious and businesslike," he said.'
        ),
    },
    {
        "id": "demo-odesa-strike",
        "title": "Drone strike hits Odesa port before second round",
        "published": date(2025, 4, 19),
        "url": "https://example.org/demo/odesa-strike",
        "text": (
            "ODESA, April 19 - Russian drones struck grain silos in the port of Odesa overnight, "
            "killing at least two workers and injuring five, regional officials said on "
            "Saturday.\n\n"
            '"This is how Moscow answers an offer of talks," Olena Marchenko said in a '
            "statement. She said Ukraine would still attend the next round but demanded "
            "guarantees for civilian shipping.\n\n"
            'Pavel Orlov denied that Russia had targeted civilian sites. "Our forces hit '
            'military targets only," he said.'
        ),
    },
    {
        "id": "demo-second-round",
        "title": "Second round ends with a draft memorandum",
        "published": date(2025, 4, 23),
        "url": "https://example.org/demo/second-round",
        "text": (
            "GENEVA, April 23 - Ukraine and Russia agreed on Wednesday to a draft memorandum on "
            "grain shipments that both sides promised to sign by May 15, the Swiss foreign "
            "ministry said.\n\n"
            '"We have a text on the table and a date to sign it," Lukas Brunner said.\n\n'
            "Olena Marchenko said Kyiv's conditions were unchanged: an end to strikes on port "
            "infrastructure, joint inspections in Istanbul and the return of detained crews.\n\n"
            "Pavel Orlov said Russia demanded the reconnection of its agricultural bank to the "
            'SWIFT payment system. "Without that, there is nothing to sign," he said.'
        ),
    },
    {
        "id": "demo-ultimatum",
        "title": "Moscow sets a deadline as aid pledges grow",
        "published": date(2025, 5, 6),
        "url": "https://example.org/demo/ultimatum",
        "text": (
            "MOSCOW, May 6 - Russia gave Western governments until May 20 to lift restrictions "
            "on its fertiliser exports or it would walk away from the grain memorandum, Pavel "
            "Orlov said on Tuesday.\n\n"
            '"If there is no answer by May 20, the memorandum is dead," Orlov said.\n\n'
            "In Brussels, the European Union pledged $500 million for the reconstruction of "
            "Ukrainian ports. Olena Marchenko welcomed the pledge and called the Russian deadline "
            '"blackmail dressed up as diplomacy".'
        ),
    },
    {
        "id": "demo-signing-delayed",
        "title": "Grain memorandum signing slips past its date",
        "published": date(2025, 5, 16),
        "url": "https://example.org/demo/signing-delayed",
        "text": (
            "ISTANBUL, May 16 - The grain memorandum that Ukraine and Russia had promised to sign "
            "by May 15 remained unsigned on Friday, diplomats said.\n\n"
            'Lukas Brunner said talks would continue. "A missed date is not a failed deal," he '
            "told reporters in Istanbul.\n\n"
            "Turkey offered to host a signing ceremony in June. Olena Marchenko said Ukraine was "
            "ready to sign the text as drafted, while Pavel Orlov said Moscow would wait for an "
            "answer on sanctions."
        ),
    },
)


def build_store(
    url: str, articles: tuple[dict[str, Any], ...] | list[dict[str, Any]] = DEMO_ARTICLES
) -> Any:
    """Analyse ``articles`` and save them into the store at ``url``; returns its SaveReport.

    Runs the one analyse-and-save path (:func:`parley.ingest.pipeline.process`): an article
    that fails (analysis or storage) is counted in ``failed`` with its error, the others are
    stored, and building the demo again adds nothing.
    """
    from parley.errors import IngestError
    from parley.ingest.pipeline import process
    from parley.ingest.reader import Read
    from parley.ingest.records import article_from_record
    from parley.store import SaveReport, Store

    reads = []
    for n, record in enumerate(articles):
        origin = f"demo:{record.get('id') or n}"
        try:
            reads.append(Read(origin, article_from_record(record), origin))
        except IngestError as exc:
            reads.append(Read(origin, exc, origin))
    store = Store.from_url(url)
    try:
        report = process(reads, store=store)
    finally:
        store.close()
    return SaveReport(
        new=report.new, existing=report.existing, failed=report.failed, errors=tuple(report.errors)
    )
