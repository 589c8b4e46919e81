#!/usr/bin/env python3
"""The shape of the code, as issue 10 measures it: three counts over ``src/parley``.

usage:
    code_shape.py [--list] [ROOT]

1. modules over 800 lines;
2. functions (and methods) with cyclomatic complexity above 30, as radon computes it
   (``pip install radon``, in the ``lint`` extra; the same figure as
   ``radon cc -s -n E src/parley``);
3. literal word lists of 8 or more words left in code: list, set, tuple and dict literals
   whose elements (dict: keys) are 8 or more string constants that look like words or
   phrases (no identifiers: an element with an underscore disqualifies a list; ``__all__`` is
   not counted), and ``'a b c ...'.split()`` with 8 or more words. Dependency and entity label
   sets in ``parley/nlp/deps.py`` are labels of the parser's scheme, not words, and are not
   counted (they are listed with ``--list``). Two kinds of identifier list are not words either,
   and are not counted:

   - values of an enumeration declared as a ``typing.Literal[...]`` type anywhere in the package
     (``PlaceKind``, ``FrameKind``, ``PloverType``), and lists all of whose elements are such
     values (``{"country": 4.0, "region": 14.0, ...}`` keyed by place kind). The code dispatches
     on each value, so a data file could not add one; they are names of the program's own
     categories, as column names are;
   - dict literals none of whose values is a constant (``{"id": self.id, "name": self.name}``
     in ``to_dict``, ``{"documents": pa.schema(...)}``): a record or a schema keyed by field or
     table names. A word table maps words to data (``{"one": 1}``, ``{"dozen": "12"}``).

``--list`` prints what each count is made of. Targets (issue 10): 0 modules over 800 lines,
at most 5 functions above 30, at most 10 word lists in code.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path
from typing import TypeGuard

REPO = Path(__file__).resolve().parent.parent
MAX_LINES = 800
MAX_COMPLEXITY = 30
MIN_WORDS = 8
LABEL_MODULES = {"parley/nlp/deps.py"}
# A word or phrase of English: letters, joined by spaces, hyphens, apostrophes or full stops;
# identifiers (with an underscore, such as column names) are not words.
_WORD = re.compile(r"^[^\W\d_][^\W_]*(?:[ '’.&/-]+[^\W_]*)*$|^[%$€£¥~]$")


def _is_word(node: ast.AST | None) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and bool(_WORD.match(node.value))
    )


def _is_literal_type(node: ast.AST) -> TypeGuard[ast.Subscript]:
    """``Literal[...]`` or ``typing.Literal[...]``."""
    if not isinstance(node, ast.Subscript):
        return False
    func = node.value
    return (isinstance(func, ast.Name) and func.id == "Literal") or (
        isinstance(func, ast.Attribute) and func.attr == "Literal"
    )


def enum_values(tree: ast.AST) -> set[str]:
    """The string values of every ``Literal[...]`` type in ``tree``."""
    return {
        elt.value
        for node in ast.walk(tree)
        if _is_literal_type(node)
        for elt in ast.walk(node.slice)
        if isinstance(elt, ast.Constant) and isinstance(elt.value, str)
    }


def _is_record(node: ast.Dict) -> bool:
    """A dict none of whose values is a constant: a record or schema keyed by field names."""
    return bool(node.values) and not any(isinstance(v, ast.Constant) for v in node.values)


def word_lists(
    tree: ast.AST, enums: set[str] | frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """(line, size) of every literal word list of MIN_WORDS or more words in ``tree``.

    ``enums`` are the values of the package's ``Literal`` types (see the module docstring).
    """
    found: list[tuple[int, int]] = []
    exported = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    exported |= {
        id(sub) for node in ast.walk(tree) if _is_literal_type(node) for sub in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in exported:
            continue  # __all__ names the module's API, Literal[...] an enumeration: not words
        if isinstance(node, ast.Dict) and _is_record(node):
            continue
        items: list[ast.expr | None] | None = None
        if isinstance(node, ast.List | ast.Set | ast.Tuple):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and not node.args
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            words = node.func.value.value.split()
            if len(words) >= MIN_WORDS:
                found.append((node.lineno, len(words)))
            continue
        if items is not None and len(items) >= MIN_WORDS and all(_is_word(e) for e in items):
            if all(isinstance(e, ast.Constant) and e.value in enums for e in items):
                continue  # keyed by (or listing) an enumeration's values
            found.append((node.lineno, len(items)))
    return found


def complex_functions(source: str) -> list[tuple[str, int, int]]:
    """(name, line, complexity) of functions above MAX_COMPLEXITY."""
    try:
        from radon.complexity import cc_visit
    except ImportError:  # pragma: no cover - a measuring script, not a dependency
        sys.exit("code_shape.py needs radon: .venv/bin/pip install radon")
    out = []
    for block in cc_visit(source):
        blocks = [block, *getattr(block, "methods", [])]
        for b in blocks:
            if type(b).__name__ == "Class":
                continue
            if b.complexity > MAX_COMPLEXITY:
                out.append((b.fullname, b.lineno, b.complexity))
            for inner in getattr(b, "closures", []):
                if inner.complexity > MAX_COMPLEXITY:
                    out.append((inner.fullname, inner.lineno, inner.complexity))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=REPO / "src")
    parser.add_argument("--list", action="store_true", help="print what each count is made of")
    args = parser.parse_args(argv)
    long_modules: list[tuple[str, int]] = []
    complex_: list[tuple[str, str, int, int]] = []
    lists: list[tuple[str, int, int]] = []
    labels: list[tuple[str, int, int]] = []
    sources = {
        path.relative_to(args.root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(args.root.rglob("*.py"))
    }
    trees = {rel: ast.parse(source) for rel, source in sources.items()}
    enums = set().union(*(enum_values(tree) for tree in trees.values()))
    for rel, source in sources.items():
        lines = source.count("\n") + (0 if source.endswith("\n") else 1)
        if lines > MAX_LINES:
            long_modules.append((rel, lines))
        complex_.extend((rel, *f) for f in complex_functions(source))
        found = [(rel, line, n) for line, n in word_lists(trees[rel], enums)]
        (labels if rel in LABEL_MODULES else lists).extend(found)
    print(f"modules over {MAX_LINES} lines: {len(long_modules)}")
    print(f"functions with cyclomatic complexity over {MAX_COMPLEXITY}: {len(complex_)}")
    print(f"literal word lists of {MIN_WORDS}+ words in code: {len(lists)}")
    if args.list:
        for rel, lines in long_modules:
            print(f"  long: {rel} ({lines} lines)")
        for rel, name, line, cc in sorted(complex_, key=lambda c: -c[3]):
            print(f"  complex: {rel}:{line} {name} ({cc})")
        for rel, line, n in lists:
            print(f"  word list: {rel}:{line} ({n} words)")
        for rel, line, n in labels:
            print(f"  label set (not counted): {rel}:{line} ({n} labels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
