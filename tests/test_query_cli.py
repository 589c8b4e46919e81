# ruff: noqa: F811  (pytest fixtures imported from parley.store.testing are redefined as arguments)
"""``parley quotes|actors|actor|events|timeline|agreements|stats`` and ``parley export``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.store import Store
from parley.store.export import GDELT_COLUMNS
from parley.store.testing import (  # noqa: F401  (fixtures)
    event,
    person,
    pg_server_url,
    quote,
    result,
    store_url,
)
from parley.types import Agreement

runner = CliRunner()

SAID = "Our offer to resume grain exports through the strait still stands today."
CHANGED = "Our offer to resume grain exports through the strait still stands now."


def _fill(url: str) -> None:
    def article(words: str, outlet: str, published: str) -> object:
        body = f'Foreign Minister Ilse Brandt said: "{words}" The talks resume in May.'
        brandt = person(
            "a1", "Ilse Brandt", country="DEU", title="Foreign Minister", aliases=("Brandt",)
        )
        return result(
            body,
            source=outlet,
            url=f"https://{outlet}.example/{published}",
            published=published,
            title=f"{outlet} report",
            actors=(brandt,),
            quotes=(quote("q1", words, body, brandt),),
            events=(
                event(
                    "e1",
                    "036",
                    "DEU",
                    "TUR",
                    day="2025-04-17",
                    place="Ankara",
                    goldstein=4.0,
                    quad_class=1,
                    source_actor="a1",
                ),
            ),
            agreements=(
                Agreement(
                    id="g1",
                    kind="deal",
                    text="the grain deal",
                    start=0,
                    end=5,
                    parties=("DEU", "TUR"),
                    status="proposed",
                    due="2025-05-01",
                ),
            ),
        )

    with Store.from_url(url) as st:
        report = st.save(
            [article(SAID, "north", "2025-04-17"), article(CHANGED, "south", "2025-04-18")]
        )  # type: ignore[list-item]
        assert report.new == 2


def _run(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


def test_query_quotes_json_csv_and_table(store_url: str) -> None:
    _fill(store_url)
    data = json.loads(
        _run(
            "quotes",
            "--speaker",
            "brandt",
            "--search",
            "grain",
            "--format",
            "json",
            "--db",
            store_url,
        )
    )
    assert data["count"] == 1
    (q,) = data["items"]
    assert q["altered"] is True and q["source_count"] == 2
    assert {s["source"] for s in q["sources"]} == {"north", "south"}
    rows = list(csv.DictReader(io.StringIO(_run("quotes", "--format", "csv", "--db", store_url))))
    assert len(rows) == 1 and rows[0]["outlets"] == "north, south"
    assert "'today'→'now'" in rows[0]["changes"]
    assert "Brandt" in _run("quotes", "--db", store_url)
    empty = json.loads(_run("quotes", "--search", "uranium", "--format", "json", "--db", store_url))
    assert empty["count"] == 0


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (
            ["actors", "--format", "json"],
            lambda d: d["items"][0]["name"] == "Ilse Brandt" and d["items"][0]["documents"] == 2,
        ),
        (
            ["actor", "Brandt", "--format", "json"],
            lambda d: d["titles"] == ["Foreign Minister"] and len(d["events_as_source"]) == 1,
        ),
        (
            ["events", "--dyad", "TUR-DEU", "--format", "json"],
            lambda d: d["items"][0]["num_sources"] == 2,
        ),
        (
            ["timeline", "--actor", "Ilse Brandt", "--format", "json"],
            lambda d: [x["day"] for x in d] == ["2025-04-17"] and d[0]["goldstein"] == {"1": 4.0},
        ),
        (
            ["agreements", "--format", "json"],
            lambda d: len(d) == 2 and all(a["overdue"] for a in d),
        ),
        (["stats", "--format", "json"], lambda d: d["documents"] == 2 and d["altered_quotes"] == 1),
    ],
)
def test_query_commands_answer_in_json(store_url: str, args: list[str], check: object) -> None:
    _fill(store_url)
    data = json.loads(_run(*args, "--db", store_url))
    assert check(data)  # type: ignore[operator]


def test_query_unknown_actor_and_bad_dyad_exit_nonzero(store_url: str) -> None:
    _fill(store_url)
    missing = runner.invoke(app, ["actor", "Nobody", "--db", store_url])
    assert missing.exit_code == 1 and "no actor" in missing.output
    bad = runner.invoke(app, ["timeline", "--dyad", "Russia", "--db", store_url])
    assert bad.exit_code == 2 and "RUS-UKR" in bad.output


@pytest.mark.parametrize("table", ["quotes", "actors", "events", "documents"])
def test_export_tables_as_jsonl_csv_and_parquet(store_url: str, tmp_path: Path, table: str) -> None:
    _fill(store_url)
    expected = {"quotes": 1, "actors": 1, "events": 1, "documents": 2}[table]
    lines = _run("export", "--table", table, "--format", "jsonl", "--db", store_url).splitlines()
    assert len(lines) == expected and all(json.loads(x) for x in lines)
    rows = list(
        csv.DictReader(
            io.StringIO(_run("export", "--table", table, "--format", "csv", "--db", store_url))
        )
    )
    assert len(rows) == expected
    import pyarrow.parquet as pq

    out = tmp_path / f"{table}.parquet"
    _run("export", "--table", table, "--format", "parquet", "--out", str(out), "--db", store_url)
    assert pq.read_table(out).num_rows == expected


def test_export_gdelt_event_tsv_has_the_61_columns(store_url: str) -> None:
    _fill(store_url)
    lines = _run("export", "--format", "gdelt", "--db", store_url).splitlines()
    assert len(lines) == 1
    fields = dict(zip(GDELT_COLUMNS, lines[0].split("\t"), strict=True))
    assert len(GDELT_COLUMNS) == 61
    assert (
        fields["SQLDATE"] == "20250417"
        and fields["EventCode"] == "036"
        and fields["EventRootCode"] == "03"
    )
    assert fields["Actor1CountryCode"] == "DEU" and fields["Actor2CountryCode"] == "TUR"
    assert (fields["NumMentions"], fields["NumSources"], fields["NumArticles"]) == ("2", "2", "2")
    assert fields["QuadClass"] == "1" and fields["GoldsteinScale"] == "4.0"
    assert fields["ActionGeo_FullName"] == "Ankara" and fields["SOURCEURL"].startswith(
        "https://north.example"
    )
    assert fields["GLOBALEVENTID"].isdigit()


def test_every_table_exports_in_every_format_with_mixed_rows(
    store_url: str, tmp_path: Path
) -> None:
    """Issue 15: one altered quote (changes: a list of objects) beside one unaltered (changes:
    an empty list) made the Parquet export fail; every table must export in every format."""
    import pyarrow.parquet as pq

    _fill(store_url)
    body = 'Trade Minister Omar Haddad said: "The port stays open all week." Talks go on.'
    haddad = person("a2", "Omar Haddad", country="JOR", title="Trade Minister")
    other = result(
        body,
        source="east",
        url="https://east.example/x",
        published="2025-04-20",
        title="east report",
        actors=(haddad,),
        quotes=(quote("q2", "The port stays open all week.", body, haddad),),
    )
    with Store.from_url(store_url) as st:
        assert st.save([other]).new == 1  # type: ignore[list-item]
    expected = {"quotes": 2, "actors": 2, "events": 1, "documents": 3}
    for table, count in expected.items():
        for fmt in ("jsonl", "csv", "parquet"):
            out = tmp_path / f"{table}.{fmt}"
            _run("export", "--table", table, "--format", fmt, "--out", str(out), "--db", store_url)
            if fmt == "parquet":
                assert pq.read_table(out).num_rows == count
            elif fmt == "csv":
                with out.open(encoding="utf-8") as fh:
                    assert len(list(csv.DictReader(fh))) == count
            else:
                lines = out.read_text(encoding="utf-8").splitlines()
                assert len(lines) == count and all(json.loads(x) for x in lines)
    quotes = pq.read_table(tmp_path / "quotes.parquet").to_pylist()
    changes = sorted(q["changes"] for q in quotes)
    assert changes[0] == "[]" and json.loads(changes[1])[0]["edits"]
    gdelt = _run("export", "--format", "gdelt", "--db", store_url).splitlines()
    assert len(gdelt) == 1


def test_read_commands_refuse_a_missing_sqlite_store(tmp_path: Path) -> None:
    """Issue 15: a mistyped path must not create an empty store and print 0 rows."""
    missing = tmp_path / "typo.db"
    for args in (
        ["stats"],
        ["quotes"],
        ["actors"],
        ["events"],
        ["timeline"],
        ["agreements"],
        ["actor", "x"],
        ["export"],
    ):
        res = runner.invoke(app, [*args, "--db", str(missing)])
        assert res.exit_code == 2, (args, res.output)
        assert str(missing) in res.output.replace("\n", "") and "parley ingest" in res.output
        assert not missing.exists()


def test_tables_in_a_pipe_keep_whole_headers(store_url: str) -> None:
    """Issue 15: a table printed to a pipe was squeezed into 80 columns, breaking headers into
    pieces (``sou/rce/_na/me``); outside a terminal it now has its natural width."""
    _fill(store_url)
    out = _run("events", "--db", store_url)
    header = next(line for line in out.splitlines() if "source_country" in line)
    for column in ("source_name", "target_country", "place_name", "num_articles", "goldstein"):
        assert column in header
    assert len(header) > 80
    row = next(line for line in out.splitlines() if "2025-04-17" in line)
    assert "code 036" in row and "Ankara" in row  # cells are not folded onto a second line
