"""Lazy views of the lexicon: module-level word lists that follow the lexicon bound for an
analysis, read nothing at import time, and behave like sets and mappings."""

from __future__ import annotations

from pathlib import Path

from parley import lexicon


def _folder(tmp_path: Path, **files: str) -> lexicon.Lexicon:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return lexicon.Lexicon(str(tmp_path))


def test_word_set_follows_the_bound_lexicon(tmp_path: Path) -> None:
    titles = lexicon.word_set("title_nouns")
    assert "minister" in titles
    assert "harbourmaster" not in titles
    with lexicon.bound(_folder(tmp_path, **{"title_nouns.txt": "harbourmaster\n"})):
        assert "harbourmaster" in titles
        assert "minister" in titles  # the user's entries extend the shipped ones
    assert "harbourmaster" not in titles


def test_where_set_and_set_operations(tmp_path: Path) -> None:
    table = "lemma\tloud\tsoft\nshout\tyes\t-\nwhisper\t-\tyes\n"
    lex = _folder(tmp_path, **{"voices.tsv": table})
    loud = lexicon.where_set("voices", "loud")
    soft = lexicon.where_set("voices", "soft")
    with lexicon.bound(lex):
        assert set(loud) == {"shout"}
        union = loud | soft
        assert isinstance(union, frozenset)
        assert union == {"shout", "whisper"}
        both = lexicon.derived_set("both", lambda: loud.get() | soft.get())
        assert "whisper" in both and len(both) == 2


def test_table_map_converts_values(tmp_path: Path) -> None:
    lex = _folder(tmp_path, **{"weights.tsv": "word\tvalue\nfew\t2\nmany\t-\n"})
    weights = lexicon.table_map("weights", "word", "value", lambda v: None if v == "-" else int(v))
    with lexicon.bound(lex):
        assert dict(weights) == {"few": 2, "many": None}
        assert weights["few"] == 2
        assert weights.get("none", 0) == 0
        assert "many" in weights


def test_speech_verbs_table_reproduces_each_use() -> None:
    """Every column of speech_verbs.tsv is a list a rule reads; a lemma may have several."""
    say = {
        col
        for col in lexicon.lexicon_for(None).header("speech_verbs")[1:]
        if "say" in lexicon.where("speech_verbs", col)
    }
    assert {"speech", "reporting", "event_reporting", "names_speaker"} <= say
    assert "weak" not in say
    assert "urge" in lexicon.where("speech_verbs", "directive")
