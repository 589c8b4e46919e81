"""benchmarks/code_shape.py: what it counts as a word list in code, and what it does not."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _code_shape() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "parley_code_shape", REPO / "benchmarks" / "code_shape.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SOURCE = """
from typing import Literal
Colour = Literal["red", "green", "blue", "cyan", "magenta", "yellow", "black", "white"]
WEIGHT = {"red": 1.0, "green": 2.0, "blue": 3.0, "cyan": 4.0, "magenta": 5.0,
          "yellow": 6.0, "black": 7.0, "white": 8.0}
FRUIT = frozenset({"apple", "pear", "plum", "fig", "date", "lime", "kiwi", "grape"})
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
SPLIT = "a b c d e f g h".split()
def to_dict(x):
    return {"id": x.id, "name": x.name, "kind": x.kind, "title": x.title, "country": x.country,
            "sector": x.sector, "aliases": list(x.aliases), "mentions": list(x.mentions)}
"""


def test_word_lists_count_words_but_not_enumerations_or_records() -> None:
    shape = _code_shape()
    tree = ast.parse(SOURCE)
    enums = shape.enum_values(tree)
    assert {"red", "white"} <= enums
    lines = [line for line, _ in shape.word_lists(tree, enums)]
    # FRUIT (line 6), NUMBERS (line 7) and the split string (line 8) are word lists; the
    # Literal, the dict keyed by its values and the to_dict record are not.
    assert sorted(lines) == [6, 7, 8]


def test_without_the_enumeration_its_keyed_dict_counts() -> None:
    shape = _code_shape()
    tree = ast.parse(SOURCE)
    assert 4 in [line for line, _ in shape.word_lists(tree)]


def test_rules_read_the_text_of_a_doc_through_its_cache() -> None:
    """spaCy's ``Doc.text`` joins every token on each call; a rule called per quotation or per
    entry that reads it makes the rules quadratic in the article's length (it once cost the
    rules half their time). Rules read ``parley.nlp.doctext.doc_text(doc)``, cached per Doc."""
    offenders = []
    for path in sorted((REPO / "src" / "parley" / "nlp" / "rules").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "text"
                and (
                    isinstance(node.value, ast.Name)
                    and node.value.id == "doc"
                    or isinstance(node.value, ast.Attribute)
                    and node.value.attr == "doc"
                )
            ):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []


def _sources() -> dict[str, str]:
    root = REPO / "src" / "parley"
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.py"))
    }


def test_no_function_is_over_the_complexity_limit() -> None:
    """A function past the limit is split into named steps, not given a budget to grow into."""
    shape = _code_shape()
    over = [
        f"{rel}:{line} {name} ({cc})"
        for rel, source in _sources().items()
        for name, line, cc in shape.complex_functions(source)
    ]
    assert over == []
