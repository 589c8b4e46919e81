"""Rules use the settings they are given: an explicit actors file and a user lexicon folder
change what ``parley.analyze`` finds, whatever the process's environment says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import parley
from parley import lexicon
from parley.config import Settings, get_settings
from parley.types import ArticleResult

BOARD = "The Orvanta Harbour Board said on Monday that ships would wait outside the port."
WHISPER = "Anna Berg whispered that the harbour deal was dead."


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("PARLEY_ACTORS_FILE", raising=False)
    monkeypatch.delenv("PARLEY_LEXICON_DIR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()  # monkeypatch restores the environment after this


def _board(result: ArticleResult) -> parley.types.Actor | None:
    return next((a for a in result.actors if a.name == "Orvanta Harbour Board"), None)


def test_explicit_actors_file_is_used_by_analyze(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "name,country,sector,kind,aliases\nOrvanta Harbour Board,NOR,GOV,organization,\n",
        encoding="utf-8",
    )
    with_file = _board(parley.analyze(BOARD, settings=Settings(actors_file=str(actors))))
    assert with_file is not None
    assert (with_file.country, with_file.sector) == ("NOR", "GOV")
    # The global settings (no actors file) are not what the explicit call used, and they are
    # what a call without settings uses.
    without = _board(parley.analyze(BOARD))
    assert without is None or without.country != "NOR"


def _speech_verbs_folder(tmp_path: Path, lemma: str) -> str:
    header = lexicon.lexicon_for(None).header("speech_verbs")
    row = [lemma] + ["yes" if col in ("speech", "reporting") else "-" for col in header[1:]]
    (tmp_path / "speech_verbs.tsv").write_text(
        "\t".join(header) + "\n" + "\t".join(row) + "\n", encoding="utf-8"
    )
    return str(tmp_path)


def _indirect(result: ArticleResult) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.speaker.name if q.speaker else None)
        for q in result.quotes
        if q.kind == "indirect"
    ]


def test_user_lexicon_folder_adds_a_verb_of_saying(tmp_path: Path) -> None:
    assert _indirect(parley.analyze(WHISPER)) == []
    folder = _speech_verbs_folder(tmp_path, "whisper")
    found = _indirect(parley.analyze(WHISPER, settings=Settings(lexicon_dir=folder)))
    assert found == [("the harbour deal was dead", "Anna Berg")]
    # The folder was bound for that analysis only.
    assert _indirect(parley.analyze(WHISPER)) == []


def test_lexicon_folder_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARLEY_LEXICON_DIR", _speech_verbs_folder(tmp_path, "whisper"))
    get_settings.cache_clear()
    assert _indirect(parley.analyze(WHISPER)) == [("the harbour deal was dead", "Anna Berg")]
