# ruff: noqa: F811  (pytest fixtures imported from parley.store.testing are redefined as arguments)
"""The corpus store on SQLite and PostgreSQL: saving, linking across articles, querying."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from parley.errors import NotFound
from parley.store import Store
from parley.store.testing import (  # noqa: F401  (fixtures)
    event,
    person,
    pg_server_url,
    quote,
    result,
    store,
    store_url,
)
from parley.types import Agreement, ArticleResult, Condition, DateMention, Provenance, Quote

PESKOV_SAID = "We remain open to dialogue with Kyiv on every question that matters."
PESKOV_CHANGED = "We remain open to talks with Kyiv on every question that matters."


def peskov_article(
    words: str, *, source: str, published: str, title: str | None = None
) -> ArticleResult:
    body = f'Kremlin spokesman Dmitry Peskov told reporters: "{words}" He gave no timetable.'
    peskov = person(
        "a1", "Dmitry Peskov", country="RUS", title="Kremlin spokesman", aliases=("Peskov",)
    )
    url = f"https://{source.lower().replace(' ', '-')}.example/{published}"
    return result(
        body,
        source=source,
        published=published,
        title=title,
        url=url,
        actors=(peskov,),
        quotes=(quote("q1", words, body, peskov),),
    )


# --- contract ------------------------------------------------------------------------------


def test_types_from_dict_round_trips_a_full_result() -> None:
    body = (
        'Anna Berg said: "We will sign the memorandum by April 26." Talks resume on Friday in Kyiv.'
    )
    berg = person("a1", "Anna Berg", country="SWE", title="Foreign Minister", aliases=("Berg",))
    r = result(
        body,
        source="Outlet A",
        url="https://a.example/x",
        title="Talks",
        actors=(berg,),
        quotes=(quote("q1", "We will sign the memorandum by April 26.", body, berg),),
        events=(
            event("e1", "036", "SWE", "UKR", day="2025-04-25", place="Kyiv", source_actor="a1"),
        ),
        agreements=(
            Agreement(
                id="g1",
                kind="memorandum",
                text="the memorandum",
                start=20,
                end=34,
                parties=("SWE", "UKR"),
                status="proposed",
                due="2025-04-26",
                due_text="by April 26",
                said_by="Anna Berg",
                steps=("sign",),
            ),
        ),
        conditions=(Condition(party="SWE", kind="demand", items=("a ceasefire",), start=0, end=5),),
    )
    r = ArticleResult(
        article=r.article,
        actors=r.actors,
        quotes=r.quotes,
        events=r.events,
        agreements=r.agreements,
        conditions=r.conditions,
        dates=(DateMention(text="on Friday", start=60, end=69, value="2025-04-25"),),
        provenance=Provenance(parley_version="0.1.0", model="m", model_version="3.8.0"),
        warnings=("short article",),
    )
    data = r.to_dict()
    assert ArticleResult.from_dict(data, text=body, source="Outlet A") == r
    data["document"]["text"], data["document"]["source"] = body, "Outlet A"
    assert ArticleResult.from_dict(data) == r


# --- saving --------------------------------------------------------------------------------


def test_store_save_is_idempotent_by_document_id(store: Store) -> None:
    a = peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01")
    first = store.save([a])
    again = store.save([a, a])
    assert (first.new, first.existing, first.failed) == (1, 0, 0)
    assert (again.new, again.existing, again.failed) == (0, 2, 0)
    assert store.stats()["documents"] == 1
    assert store.stats()["quote_sources"] == 1


def test_store_get_document_returns_text_and_full_result(store: Store) -> None:
    a = peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01", title="Kremlin")
    store.save([a])
    doc = store.get_document(a.article.id)
    assert doc.text == a.article.text
    assert doc.title == "Kremlin" and doc.published == date(2025, 4, 1)
    assert ArticleResult.from_dict(doc.result, text=doc.text) == a
    with pytest.raises(NotFound):
        store.get_document("doc-missing")


def test_store_same_quote_two_outlets_one_word_changed_is_flagged(store: Store) -> None:
    original = peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01")
    changed = peskov_article(PESKOV_CHANGED, source="Outlet B", published="2025-04-02")
    store.save([changed, original])  # order must not matter: the earliest source is the reference
    page = store.search_quotes(speaker="Peskov")
    assert page.count == 1
    q = page.items[0]
    assert q.source_count == 2 and len(q.sources) == 2
    assert q.altered and q.variant_count == 2
    assert q.text == PESKOV_SAID
    by_outlet = {s.source: s for s in q.sources}
    assert by_outlet["Outlet A"].changes is None
    assert by_outlet["Outlet B"].changes == {
        "removed": ["dialogue"],
        "added": ["talks"],
        "edits": [{"from": "dialogue", "to": "talks"}],
    }
    assert store.stats()["altered_quotes"] == 1


def test_store_identical_quote_from_two_outlets_is_not_flagged(store: Store) -> None:
    store.save(
        [
            peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01"),
            peskov_article(PESKOV_SAID, source="Outlet C", published="2025-04-03"),
        ]
    )
    (q,) = store.search_quotes().items
    assert (q.source_count, q.altered) == (2, False)
    assert (q.first_published, q.last_published) == (date(2025, 4, 1), date(2025, 4, 3))


def test_store_different_quotes_of_one_speaker_stay_apart(store: Store) -> None:
    store.save(
        [
            peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01"),
            peskov_article(
                "The sanctions are illegal and will change nothing at all.",
                source="B",
                published="2025-04-02",
            ),
        ]
    )
    assert store.search_quotes(speaker="Peskov").count == 2


@pytest.mark.parametrize(
    "names",
    [
        [
            ("Donald Trump", "USA", "President"),
            ("President Trump", "USA", "President"),
            ("Trump", None, None),
        ],
        [
            ("Trump", "USA", None),
            ("Donald Trump", "USA", "President"),
        ],  # surname first, then merged
    ],
)
def test_store_resolves_one_person_across_articles(
    store: Store, names: list[tuple[str, str | None, str | None]]
) -> None:
    results = []
    for i, (name, country, title) in enumerate(names):
        body = f"{name} spoke to reporters on day {i}."
        results.append(
            result(
                body,
                source=f"Outlet {i}",
                actors=(person("a1", name, country=country, title=title),),
            )
        )
    store.save(results)
    page = store.list_actors(search="trump")
    assert page.count == 1, [a.name for a in page.items]
    assert page.items[0].documents == len(names)
    assert page.items[0].name == "Donald Trump"


def test_store_article_naming_surname_and_full_name_merges_within_one_save(store: Store) -> None:
    store.save([result("Trump spoke first.", actors=(person("a1", "Trump", country="USA"),))])
    body = "Trump said more. Later Donald Trump added a line."
    both = (person("a1", "Trump", country="USA"), person("a2", "Donald Trump", country="USA"))
    report = store.save([result(body, actors=both)])
    assert (report.new, report.failed) == (1, 0), report.errors
    (actor,) = store.list_actors(search="trump").items
    assert (actor.name, actor.documents) == ("Donald Trump", 2)


def test_store_keeps_same_surname_different_countries_apart(store: Store) -> None:
    store.save(
        [
            result(
                "Boris Johnson spoke.",
                actors=(person("a1", "Boris Johnson", country="GBR", title="Prime Minister"),),
            ),
            result(
                "Mike Johnson spoke.",
                actors=(person("a1", "Mike Johnson", country="USA", title="Speaker"),),
            ),
            result(
                "Johnson said London would wait.", actors=(person("a1", "Johnson", country="GBR"),)
            ),
            result(
                "Johnson, the House speaker, said no.",
                actors=(person("a1", "Johnson", country="USA", title="Speaker"),),
            ),
            result("Johnson, unnamed elsewhere, said no.", actors=(person("a1", "Johnson"),)),
        ]
    )
    actors = {a.name: a for a in store.list_actors(search="johnson").items}
    assert actors["Boris Johnson"].documents == 2
    assert actors["Mike Johnson"].documents == 2
    # No country, two candidates: ambiguous, so it is merged with neither.
    assert actors["Johnson"].documents == 1
    assert len(actors) == 3


def test_store_get_actor_by_name_has_titles_and_quotes_over_time(store: Store) -> None:
    store.save(
        [
            peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01"),
            peskov_article(
                "Moscow will answer in kind and without delay.", source="B", published="2025-04-05"
            ),
        ]
    )
    detail = store.get_actor("Peskov")
    assert detail.name == "Dmitry Peskov" and detail.country == "RUS"
    assert detail.titles == ("Kremlin spokesman",)
    assert [(d.day, d.count) for d in detail.quotes_over_time] == [
        (date(2025, 4, 1), 1),
        (date(2025, 4, 5), 1),
    ]
    assert detail.quote_count == 2
    assert store.get_actor(detail.key).key == detail.key
    with pytest.raises(NotFound):
        store.get_actor("Nobody Known")


# --- events ----------------------------------------------------------------------------------


def _shelling(
    source: str, published: str, *, place: str = "Kharkiv", code: str = "195"
) -> ArticleResult:
    body = f"Russian forces shelled {place} overnight, officials said."
    url = f"https://{source.lower().replace(' ', '-')}.example/{published}/{place}"
    return result(
        body,
        source=source,
        published=published,
        url=url,
        events=(
            event(
                "e1",
                code,
                "RUS",
                "UKR",
                day="2025-04-17",
                place=place,
                goldstein=-10.0,
                quad_class=4,
            ),
        ),
    )


def test_store_deduplicates_events_with_mention_and_source_counts(store: Store) -> None:
    store.save(
        [
            _shelling("Outlet A", "2025-04-17"),
            _shelling("Outlet B", "2025-04-18"),
            _shelling("Outlet B", "2025-04-19"),  # same outlet again: a mention, not a new source
            _shelling("Outlet A", "2025-04-18", place="Odesa"),  # another place: another event
        ]
    )
    page = store.list_events(dyad="UKR-RUS")
    assert page.count == 2
    counts = {e.place_name: (e.num_mentions, e.num_articles, e.num_sources) for e in page.items}
    assert counts == {"Kharkiv": (3, 3, 2), "Odesa": (1, 1, 1)}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"code": "19"}, 2),
        ({"code": "036"}, 1),
        ({"dyad": "RUS-UKR"}, 2),
        ({"dyad": "USA-UKR"}, 1),
        ({"place": "kharkiv"}, 1),
        ({"since": "2025-04-18"}, 1),
        ({"until": "2025-04-17"}, 2),
    ],
)
def test_store_list_events_filters(store: Store, filters: dict[str, str], expected: int) -> None:
    body = "The United States offered to mediate."
    store.save(
        [
            _shelling("Outlet A", "2025-04-17"),
            _shelling("Outlet A", "2025-04-17", place="Odesa", code="190"),
            result(
                body,
                published="2025-04-18",
                events=(event("e1", "036", "USA", "UKR", goldstein=4.0, quad_class=1),),
            ),
        ]
    )
    assert store.list_events(**filters).count == expected  # type: ignore[arg-type]


def test_store_keeps_cameo_actor_codes_longer_than_a_country(store: Store) -> None:
    body = "The European Union condemned the strike."
    ev = event("e1", "122", "IGOEEC", "RUS", day="2025-04-17")
    report = store.save([result(body, events=(ev,))])
    assert (report.new, report.failed) == (1, 0), report.errors
    (row,) = store.list_events().items
    assert (row.source_country, row.target_country) == ("IGOEEC", "RUS")


def test_store_timeline_sums_goldstein_per_quad_class(store: Store) -> None:
    store.save(
        [
            _shelling("Outlet A", "2025-04-17"),
            _shelling("Outlet A", "2025-04-17", place="Odesa"),
            result(
                "Kyiv proposed talks.",
                published="2025-04-18",
                events=(event("e1", "036", "UKR", "RUS", goldstein=4.0, quad_class=1),),
            ),
            peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-18"),
        ]
    )
    days = store.timeline(dyad="RUS-UKR")
    assert [(d.day, d.events, d.quotes) for d in days] == [
        (date(2025, 4, 17), 2, 0),
        (date(2025, 4, 18), 1, 1),
    ]
    assert days[0].goldstein == {4: -20.0}
    assert days[1].goldstein == {1: 4.0}
    assert store.timeline(dyad="RUS-UKR", since="2025-04-18")[0].day == date(2025, 4, 18)


# --- quotes search -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"text": "dialogue"}, 1),
        ({"text": "DIALOGUE kyiv"}, 1),
        ({"text": "dialogue sanctions"}, 0),
        ({"text": "sanctions"}, 1),
        ({"text": "Zelensky"}, 0),
        ({"speaker": "peskov"}, 2),
        ({"speaker": "Anna Berg"}, 1),
        ({"country": "SWE"}, 1),
        ({"since": "2025-04-02"}, 2),
        ({"until": "2025-04-01"}, 1),
        ({"kind": "partial"}, 1),
        ({"text": '"; DROP TABLE quotes; --'}, 0),
    ],
)
def test_store_search_quotes_filters(store: Store, filters: dict[str, str], expected: int) -> None:
    body = 'Foreign Minister Anna Berg called the plan "a real step forward" on Thursday.'
    berg = person("a1", "Anna Berg", country="SWE", title="Foreign Minister")
    store.save(
        [
            peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01"),
            peskov_article(
                "The sanctions are illegal and will change nothing at all.",
                source="B",
                published="2025-04-02",
            ),
            result(
                body,
                published="2025-04-03",
                actors=(berg,),
                quotes=(quote("q1", "a real step forward", body, berg, kind="partial"),),
            ),
        ]
    )
    assert store.search_quotes(**filters).count == expected  # type: ignore[arg-type]
    assert store.stats()["quotes"] == 3


def test_store_pages_are_complete_and_disjoint(store: Store) -> None:
    said = [
        "The delegation will travel to Istanbul on Monday.",
        "Nobody has asked us about a summit yet.",
        "Prisoner exchanges must continue regardless of politics.",
        "Grain shipments are a separate matter entirely.",
        "We see no reason to extend the pause.",
        "Energy infrastructure was never a target for our forces.",
        "Any ceasefire needs guarantees in writing first.",
    ]
    results = [
        peskov_article(words, source="A", published=f"2025-04-{n + 1:02d}")
        for n, words in enumerate(said)
    ]
    store.save(results)
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = store.search_quotes(limit=3, offset=offset)
        assert page.count == 7
        seen.extend(q.id for q in page.items)
        offset = page.next_offset
    assert len(seen) == len(set(seen)) == 7
    docs = store.list_documents(limit=5)
    assert docs.count == 7 and docs.next_offset == 5 and docs.items[0].published == date(2025, 4, 7)
    with pytest.raises(ValueError, match="limit"):
        store.search_quotes(limit=0)


def test_store_speaker_pages_over_many_quotes_are_newest_first_either_way(store: Store) -> None:
    # Above SCAN_ORDER_ABOVE matches, a first page walks the date index; a deep page sorts.
    from sqlalchemy import insert

    from parley.store import schema as sch
    from parley.store.queries import SCAN_ORDER_ABOVE

    speakers = [("olha-marchuk-1", "Olha Marchuk"), ("ivan-marchuk-2", "Ivan Marchuk")]
    others = [("rita-soler-3", "Rita Soler")]
    rows = []
    for i in range(2 * SCAN_ORDER_ABOVE):
        key, name = (speakers + others)[i % 3]
        day = date(2024, 1, 1) + timedelta(days=(i * 7919) % 600)
        rows.append(
            {
                "id": f"q-many-{i:05d}",
                "text": f"Statement number {i} on the corridor.",
                "speaker_key": key,
                "speaker_name": name,
                "kind": "direct",
                "first_published": None if i % 97 == 0 else day,
                "last_published": day,
                "source_count": 1,
                "variant_count": 1,
                "altered": False,
            }
        )
    with store._write() as conn:
        conn.execute(
            insert(sch.actors),
            [
                {
                    "key": k,
                    "name": n,
                    "kind": "person",
                    "country": "UKR",
                    "title": None,
                    "surname": "marchuk" if "marchuk" in k else "soler",
                    "full_name": True,
                }
                for k, n in speakers + others
            ],
        )
        conn.execute(
            insert(sch.actor_aliases),
            [{"actor_key": k, "alias": n.lower()} for k, n in speakers + others],
        )
        conn.execute(insert(sch.quotes), rows)
    theirs = [r for r in rows if r["speaker_key"] in {k for k, _ in speakers}]
    undated = [r for r in theirs if r["first_published"] is None]
    dated = [r for r in theirs if r["first_published"] is not None]
    expected = [
        r["id"] for r in sorted(dated, key=lambda r: (r["first_published"], r["id"]), reverse=True)
    ] + sorted((r["id"] for r in undated), reverse=True)
    assert len(expected) > SCAN_ORDER_ABOVE
    for offset in (0, 40, len(expected) - 30):
        page = store.search_quotes(speaker="Marchuk", limit=25, offset=offset)
        assert page.count == len(expected)
        assert [q.id for q in page.items] == expected[offset : offset + 25]
    one = store.search_quotes(speaker="Olha Marchuk", limit=5)
    assert one.count == sum(1 for r in rows if r["speaker_key"] == "olha-marchuk-1")
    assert {q.speaker_name for q in one.items} == {"Olha Marchuk"}


# --- negotiations --------------------------------------------------------------------------


def test_store_agreements_overdue_relative_to_today(store: Store) -> None:
    body = "Both sides agreed to sign a memorandum by April 26 and a grain deal by May."
    store.save(
        [
            result(
                body,
                published="2025-04-18",
                agreements=(
                    Agreement(
                        id="g1",
                        kind="memorandum",
                        text="a memorandum",
                        start=26,
                        end=38,
                        parties=("RUS", "UKR"),
                        status="agreed",
                        due="2025-04-26",
                        due_text="by April 26",
                    ),
                    Agreement(
                        id="g2",
                        kind="deal",
                        text="a grain deal",
                        start=50,
                        end=62,
                        parties=("RUS", "UKR"),
                        status="signed",
                        due="2025-05",
                    ),
                ),
                conditions=(
                    Condition(
                        party="RUS", kind="demand", items=("sanctions relief",), start=0, end=4
                    ),
                ),
            )
        ]
    )
    rows = {a.local_id: a for a in store.list_agreements(today=date(2025, 5, 10))}
    assert rows["g1"].overdue and not rows["g2"].overdue  # signed: done, not overdue
    assert rows["g1"].conditions[0]["items"] == ["sanctions relief"]
    assert not any(a.overdue for a in store.list_agreements(today=date(2025, 4, 20)))


def test_store_keeps_an_agreements_steps(store: Store) -> None:
    from parley.types import AgreementStep

    body = "Chile and Peru signed a memorandum on Monday. The deal will be signed on Friday."
    steps = (
        AgreementStep("signing", "done", "memorandum", "signed a memorandum", 15, 34, "2025-02-24"),
        AgreementStep("signing", "expected", "deal", "deal will be signed", 50, 69, "2025-02-28"),
    )
    deal = Agreement(
        id="g1",
        kind="deal",
        text="signed a memorandum",
        start=15,
        end=34,
        parties=("CHL", "PER"),
        status="agreed",
        due="2025-02-28",
        milestones=steps,
    )
    store.save([result(body, published="2025-02-24", agreements=(deal,))])
    (row,) = store.list_agreements(today=date(2025, 2, 25))
    assert [(m["status"], m["date"]) for m in row.milestones] == [
        ("done", "2025-02-24"),
        ("expected", "2025-02-28"),
    ]


def test_store_record_failure_and_stats(store: Store) -> None:
    store.record_failure("doc-x", "analyze", "boom")
    store.record_failure("doc-x", "analyze", "boom again")  # replaces, does not duplicate
    assert store.list_failures() == [
        {"article_id": "doc-x", "stage": "analyze", "message": "boom again"}
    ]
    assert store.stats()["failures"] == 1


def test_store_reopen_keeps_data_and_migrates_nothing(store_url: str) -> None:
    with Store.from_url(store_url) as st:
        st.save([peskov_article(PESKOV_SAID, source="A", published="2025-04-01")])
        before = st.dump()
    with Store.from_url(store_url) as st:
        assert st.dump() == before


# --- write path: round trips ---------------------------------------------------------------


def _crowded_article(n: int, outlet: str) -> ArticleResult:
    """An article naming ``n`` ministers, each quoted once and each making one statement."""
    people = tuple(
        person(f"a{i}", f"Minister{i} Example{i}", country="UKR", title="minister")
        for i in range(n)
    )
    sentences = [
        f'"We will meet again on day {i} of the talks," said {p.name}.'
        for i, p in enumerate(people)
    ]
    body = f"{outlet} reports. " + " ".join(sentences)
    quotes = tuple(
        quote(f"q{i}", f"We will meet again on day {i} of the talks,", body, p)
        for i, p in enumerate(people)
    )
    events = tuple(
        event(f"e{i}", "036", "UKR", "RUS", day=f"2025-04-{i % 28 + 1:02d}") for i in range(n)
    )
    return result(body, source=outlet, actors=people, quotes=quotes, events=events)


def _statements_to_save(store: Store, article: ArticleResult) -> int:
    from sqlalchemy import event as sa_event

    count = 0

    def tick(*_: object) -> None:
        nonlocal count
        count += 1

    sa_event.listen(store.engine, "before_cursor_execute", tick)
    try:
        report = store.save([article])
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", tick)
    assert (report.new, report.failed) == (1, 0), report.errors
    return count


def test_store_writes_an_article_in_as_many_statements_whatever_its_size(store: Store) -> None:
    # Each statement is a network round trip on PostgreSQL: the count must not grow with the
    # number of actors, quotes and events (the second outlet's copy matches stored rows).
    small = _statements_to_save(store, _crowded_article(2, "Outlet A"))
    large = _statements_to_save(store, _crowded_article(30, "Outlet B"))
    again_small = _statements_to_save(store, _crowded_article(2, "Outlet C"))
    again_large = _statements_to_save(store, _crowded_article(30, "Outlet D"))
    assert small == large
    assert again_small == again_large
    assert again_large <= 25
    assert store.stats()["quotes"] == 30
    (minister,) = store.list_actors(search="Example29").items
    assert minister.documents == 2


def test_store_same_quote_twice_in_one_article_is_one_quote_with_two_places(store: Store) -> None:
    body = (
        'Dmitry Peskov said: "We remain open to dialogue with Kyiv on every question that '
        'matters." Later he repeated: "We remain open to dialogue with Kyiv on every question '
        'that matters!"'
    )
    peskov = person("a1", "Dmitry Peskov", country="RUS")
    first = quote("q1", PESKOV_SAID, body, peskov)
    second_start = body.rindex("We remain")
    second = Quote(
        id="q2",
        text=PESKOV_SAID[:-1] + "!",
        start=second_start,
        end=second_start + len(PESKOV_SAID),
        kind="direct",
        speaker=first.speaker,
        cue="repeated",
        confidence=0.9,
    )
    store.save([result(body, actors=(peskov,), quotes=(first, second))])
    (q,) = store.search_quotes(speaker="Peskov").items
    assert (q.source_count, len(q.sources), q.altered) == (1, 2, False)


def test_store_descriptions_stay_in_their_article_while_names_link(store: Store) -> None:
    results = []
    for n, outlet in enumerate(("Outlet A", "Outlet B")):
        body = f"A police spokesperson and Dmitry Peskov spoke on day {n}. Officials agreed."
        actors = (
            person("a1", "a police spokesperson", country="RUS"),
            person("a2", "Dmitry Peskov", country="RUS"),
            person("a3", "officials", kind="group"),
        )
        results.append(result(body, source=outlet, actors=actors))
    store.save(results)
    spokespeople = store.list_actors(search="spokesperson").items
    assert [(a.name, a.documents) for a in spokespeople] == [("a police spokesperson", 1)] * 2
    assert [a.documents for a in store.list_actors(search="officials").items] == [1, 1]
    (peskov,) = store.list_actors(search="Peskov").items
    assert peskov.documents == 2


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("person", "a police spokesperson", True),
        ("person", "the father", True),
        ("group", "officials", True),
        ("person", "his daughter", True),
        ("person", "Dmitry Peskov", False),
        ("person", "de Graaf", False),  # a surname particle, not a description
        ("organization", "the company", True),
        ("organization", "the Kremlin", False),  # an organisation's name may begin with "the"
        ("organization", "Gazprom", False),
        ("country", "the country", False),
        ("group", "Joe Biden and Kamala Harris", False),
    ],
)
def test_linking_tells_descriptions_from_names(kind: str, name: str, expected: bool) -> None:
    from parley.store.linking import is_description

    assert is_description(kind, name) is expected


def test_store_keeps_where_each_document_names_the_speaker_and_the_cue(store: Store) -> None:
    from dataclasses import replace

    from sqlalchemy import select

    from parley.store import schema

    a = peskov_article(PESKOV_SAID, source="Outlet A", published="2025-04-01")
    body = a.article.text
    mention = (body.index("Kremlin"), body.index(" told"))
    cue = (body.index("told"), body.index("told") + 4)
    (q,) = a.quotes
    assert q.speaker is not None
    q = replace(q, speaker=replace(q.speaker, mention=mention), cue_span=cue)
    store.save([replace(a, quotes=(q,))])
    qs = schema.quote_sources.c
    with store.engine.connect() as conn:
        row = conn.execute(
            select(qs.speaker_mention_start, qs.speaker_mention_end, qs.cue_start, qs.cue_end)
        ).one()
    assert tuple(row) == (*mention, *cue)
    assert body[slice(*mention)] == "Kremlin spokesman Dmitry Peskov"
