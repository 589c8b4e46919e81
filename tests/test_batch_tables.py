"""ArticleResult -> flat table rows: every part of the JSON contract lands in a column."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from parley.batch.tables import (
    RESULT_TABLES,
    SCHEMAS,
    TABLES,
    add_error,
    rows_from_results,
    to_arrow,
)
from parley.types import (
    Actor,
    Agreement,
    Amount,
    Article,
    ArticleResult,
    Casualties,
    CasualtyMention,
    Condition,
    DateMention,
    Event,
    EventActor,
    Place,
    Provenance,
    Quote,
    SpeakerRef,
)

TEXT = '"We will sign the truce by Friday," Anna Berg said in Oslo, where 3 soldiers died.'


def _full_result() -> ArticleResult:
    oslo = Place(
        name="Oslo", start=49, end=53, country="NOR", latitude=59.9, longitude=10.7, kind="city"
    )
    berg = Actor(
        id="a1",
        name="Anna Berg",
        kind="person",
        title="Minister",
        country="NOR",
        sector="GOV",
        aliases=("Berg",),
        mentions=((36, 45),),
    )
    return ArticleResult(
        article=Article(
            text=TEXT,
            id="doc-1",
            published=date(2025, 4, 18),
            title="Truce",
            url="https://x.example/1",
        ),
        actors=(berg,),
        quotes=(
            Quote(
                id="q1",
                text="We will sign the truce by Friday,",
                start=1,
                end=34,
                kind="direct",
                speaker=SpeakerRef(id="a1", name="Anna Berg"),
                cue="said",
                confidence=0.91234,
            ),
        ),
        dates=(DateMention(text="by Friday", start=24, end=33, value="2025-04-18"),),
        events=(
            Event(
                id="e1",
                code="057",
                label="Sign formal agreement",
                root="05",
                quad_class=1,
                goldstein=8.0,
                plover_type="AGREE",
                plover_mode="sign",
                source=EventActor(name="Anna Berg", country="NOR", sector="GOV", actor_id="a1"),
                targets=(
                    EventActor(name="Sweden", country="SWE"),
                    EventActor(name="Finland", country="FIN"),
                ),
                trigger=(12, 16),
                sentence=(0, 83),
                date="2025-04-18",
                date_source="text",
                places=(oslo,),
                casualties=Casualties(killed_min=3, killed_max=3),
                modality="intended",
                quote_id="q1",
            ),
        ),
        places=(oslo,),
        amounts=(
            Amount(
                text="3 soldiers", start=61, end=71, value=3.0, unit="soldiers", measures="killed"
            ),
        ),
        agreements=(
            Agreement(
                id="g1",
                kind="truce",
                text="the truce",
                start=13,
                end=22,
                parties=("NOR", "SWE"),
                status="proposed",
                due="2025-04-18",
                due_text="by Friday",
                said_by="Anna Berg",
                steps=("sign",),
            ),
        ),
        conditions=(
            Condition(
                party="NOR",
                kind="demand",
                items=("withdraw",),
                start=0,
                end=10,
                said_by="Anna Berg",
                deadline="2025-04-18",
            ),
        ),
        casualties=(
            CasualtyMention(
                text="3 soldiers died",
                start=67,
                end=82,
                sentence=(0, 83),
                counts=Casualties(killed_min=3, killed_max=3, perpetrator="NOR"),
                locations=(oslo,),
                date="2025-04-18",
                date_source="published",
            ),
        ),
        provenance=Provenance(parley_version="0.1.0", model="m", model_version="3.8.0"),
        warnings=("short text",),
    )


def test_batch_tables_one_row_per_item_in_every_table() -> None:
    rows = rows_from_results([_full_result()])
    assert {name: len(rows[name]) for name in RESULT_TABLES} == {name: 1 for name in RESULT_TABLES}
    assert rows["errors"] == []


def test_batch_tables_keep_every_contract_value() -> None:
    result = _full_result()
    tables = to_arrow(rows_from_results([result]))
    row = {name: tables[name].to_pylist()[0] for name in RESULT_TABLES}
    assert row["documents"]["published"] == date(2025, 4, 18)
    assert row["documents"]["warnings"] == ["short text"]
    assert row["documents"]["n_events"] == 1 and row["documents"]["model_version"] == "3.8.0"
    assert row["actors"]["mentions"] == [{"start": 36, "end": 45}]
    assert row["quotes"]["speaker_name"] == "Anna Berg" and row["quotes"]["confidence"] == 0.912
    assert row["dates"]["value"] == "2025-04-18"
    event = row["events"]
    assert (event["source_country"], event["target_country"]) == ("NOR", "SWE")
    assert [t["country"] for t in event["targets"]] == ["SWE", "FIN"]
    assert event["killed_min"] == 3 and event["injured_min"] is None
    assert event["places"][0]["name"] == "Oslo" and event["trigger_start"] == 12
    assert row["agreements"]["steps"] == ["sign"] and row["conditions"]["items"] == ["withdraw"]
    assert row["amounts"]["measures"] == "killed" and row["places"]["latitude"] == 59.9
    casualty = row["casualties"]
    assert casualty["killed_min"] == 3 and casualty["perpetrator"] == "NOR"
    assert casualty["locations"][0]["name"] == "Oslo" and casualty["sentence_end"] == 83
    assert row["documents"]["n_casualties"] == 1


def test_batch_tables_from_dict_equal_from_object() -> None:
    result = _full_result()
    assert rows_from_results([result]) == rows_from_results([result.to_dict()])


@pytest.mark.parametrize("name", TABLES)
def test_batch_tables_empty_partition_keeps_schema(name: str) -> None:
    table = to_arrow(rows_from_results([]))[name]
    assert table.num_rows == 0 and table.schema == SCHEMAS[name]


def test_batch_tables_error_rows() -> None:
    rows = rows_from_results([])
    add_error(rows, stage="read", message="a.jsonl:3: not valid JSON", input="a.jsonl", record=2)
    table = to_arrow(rows)["errors"]
    assert table.to_pylist() == [
        {
            "doc_id": None,
            "input": "a.jsonl",
            "record": 2,
            "stage": "read",
            "message": "a.jsonl:3: not valid JSON",
        }
    ]
    assert table.schema.field("record").type == pa.int64()
