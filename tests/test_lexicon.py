"""The lexicon loader: format, validation, user extension and binding."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley import lexicon
from parley.errors import ConfigError


def _folder(tmp_path: Path, **files: str) -> str:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_words_keep_file_order_and_skip_comments(tmp_path: Path) -> None:
    lex = lexicon.Lexicon(_folder(tmp_path, **{"greet.txt": "# greetings\nhello\n\ngood day\n"}))
    assert lex.ordered("greet") == ("hello", "good day")
    assert lex.words("greet") == frozenset({"hello", "good day"})


def test_duplicate_entry_names_file_and_line(tmp_path: Path) -> None:
    lex = lexicon.Lexicon(_folder(tmp_path, **{"greet.txt": "hello\nhello\n"}))
    with pytest.raises(ConfigError, match=r"greet.txt line 2: 'hello' is listed twice"):
        lex.words("greet")


def test_table_rows_columns_and_where(tmp_path: Path) -> None:
    text = "lemma\tkind\tstrength\nsay\tdirect\t1\nclaim\t-\t0\n"
    lex = lexicon.Lexicon(_folder(tmp_path, **{"verbs.tsv": text}))
    assert lex.table("verbs") == (("say", "direct", "1"), ("claim", "-", "0"))
    assert lex.column("verbs", "strength") == ("1", "0")
    assert lex.where("verbs", "kind") == frozenset({"say"})
    assert lex.where("verbs", "strength", "0") == frozenset({"claim"})


def test_table_with_wrong_field_count_is_refused(tmp_path: Path) -> None:
    lex = lexicon.Lexicon(_folder(tmp_path, **{"verbs.tsv": "lemma\tkind\nsay\n"}))
    with pytest.raises(ConfigError, match="line 2: 1 fields, the header names 2"):
        lex.table("verbs")


def test_unknown_lexicon_and_missing_folder_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no lexicon named 'nothing-here.txt'"):
        lexicon.Lexicon().words("nothing-here")
    with pytest.raises(ConfigError, match="PARLEY_LEXICON_DIR"):
        lexicon.Lexicon(str(tmp_path / "absent"))


def test_bound_lexicon_is_current_only_inside_the_block(tmp_path: Path) -> None:
    lex = lexicon.Lexicon(_folder(tmp_path, **{"greet.txt": "hello\n"}))
    with lexicon.bound(lex):
        assert lexicon.words("greet") == frozenset({"hello"})
    assert lexicon.current() is lexicon.lexicon_for(None)
