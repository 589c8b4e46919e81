"""One shape (issue 10, item 5): every field of the contract types (``parley.types``) reaches the
API schemas (``parley.api.schemas``) and the Arrow tables (``parley.batch.tables``) with its name
and type; and the dashboard depends on the library and the store, not on API route modules.

The result is built from the types themselves (every field of every dataclass filled with a
distinct, non-default value), so a field added to a type later is checked without editing this
file: it fails here until the API schema and the Arrow tables carry it.
"""

from __future__ import annotations

import ast
import dataclasses
import itertools
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.types import ArticleResult

SRC = Path(__file__).resolve().parents[1] / "src" / "parley"


class _Filler:
    """Builds an instance of a contract type with every field set to a distinct value."""

    def __init__(self) -> None:
        self.n = itertools.count(101)

    def value(self, tp: Any) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            return self.value(next(a for a in args if a is not type(None)))
        if origin is typing.Literal:
            return args[-1]
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return (self.value(args[0]),)
            return tuple(self.value(a) for a in args)
        if origin in (list, typing.List):  # noqa: UP006
            return [self.value(args[0])]
        if origin is dict:
            return {f"k{next(self.n)}": self.value(args[1])}
        if dataclasses.is_dataclass(tp):
            return self.build(tp)
        if tp is str:
            return f"s{next(self.n)}"
        if tp is bool:
            return True
        if tp is int:
            return next(self.n)
        if tp is float:
            return next(self.n) + 0.25
        if tp is date:
            return date(2025, 1, 1) + __import__("datetime").timedelta(days=next(self.n))
        raise AssertionError(f"the filler does not know {tp!r}; teach it")

    def build(self, cls: Any) -> Any:
        hints = typing.get_type_hints(cls)
        return cls(**{f.name: self.value(hints[f.name]) for f in dataclasses.fields(cls)})


@pytest.fixture(scope="module")
def full() -> ArticleResult:
    return _Filler().build(ArticleResult)  # type: ignore[no-any-return]


def _leaves(value: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, str(k)))]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v, path)]
    return [(path, value)]


def test_the_filled_result_sets_every_field(full: ArticleResult) -> None:
    # Sanity of the check itself: no list is empty, no optional field left None.
    data = full.to_dict()
    for key, value in data.items():
        if isinstance(value, list):
            assert value, key
    assert all(v is not None for _, v in _leaves(data)), [p for p, v in _leaves(data) if v is None]


def test_api_schema_carries_every_field_of_the_contract(full: ArticleResult) -> None:
    from parley.api.schemas import AnalysisOut

    data = full.to_dict()
    data["text"] = full.article.text
    model = AnalysisOut.model_validate(data)
    dumped = model.model_dump(mode="json", exclude_unset=True)
    # Response models drop unknown fields silently: a field the schema lacks would vanish here,
    # and a field of another type would fail validation or come back changed.
    assert dumped == data
    assert ArticleResult.from_dict(dumped, text=full.article.text, source=full.article.source) == (
        full
    )


def _arrow_leaves(table: Any) -> list[tuple[str, Any]]:
    out = []
    for row in table.to_pylist():
        for column, value in row.items():
            # A day is an Arrow date32 where the JSON has YYYY-MM-DD: the same value and type.
            out += [
                (".".join((column, *p)), v.isoformat() if isinstance(v, date) else v)
                for p, v in _leaves(value)
            ]
    return out


def test_arrow_tables_carry_every_field_of_the_contract(full: ArticleResult) -> None:
    from parley.batch.tables import rows_from_results, to_arrow

    data = full.to_dict()
    tables = to_arrow(rows_from_results([full]))
    document_leaves = _arrow_leaves(tables["documents"])
    missing = []
    for key, value in data.items():
        if not (isinstance(value, list) and value and isinstance(value[0], dict)):
            # Article-level values (document, provenance, warnings...) go to ``documents``.
            found = document_leaves
            items = [(path, v) for path, v in _leaves(value, (key,))]
        else:
            assert key in tables, f"no Arrow table for the contract's {key!r}"
            found = _arrow_leaves(tables[key])
            items = _leaves(value)
        for path, v in items:
            if isinstance(v, bool):
                continue  # True is not distinctive; bools are checked by name below
            names = [col for col, got in found if got == v and type(got) is type(v)]
            # The column holding the value must carry the field's name (flattened names such
            # as speaker_name, sentence_start or quote_id keep it).
            if not any(path[-1] in part for col in names for part in col.split(".")):
                missing.append((key, ".".join(path), v, names))
    assert not missing, missing
    for key, value in data.items():
        if isinstance(value, list) and key in tables:
            bools = {p[-1] for p, v in _leaves(value) if isinstance(v, bool)}
            columns = _field_names(tables[key].schema)
            assert bools <= columns, (key, bools - columns)


def _field_names(schema: Any) -> set[str]:
    """Every field name of an Arrow schema, with those of nested structs and lists of structs."""
    import pyarrow as pa

    names: set[str] = set()
    todo = list(schema)
    while todo:
        field = todo.pop()
        names.add(field.name)
        typ = field.type
        if pa.types.is_list(typ):
            typ = typ.value_type
        if pa.types.is_struct(typ):
            todo.extend(typ.field(i) for i in range(typ.num_fields))
    return names


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_web_does_not_depend_on_api_route_modules() -> None:
    # The dashboard shares the API's app, dependencies, error shape and request schemas, but
    # its data comes from the library and the store.
    for path in sorted((SRC / "web").glob("*.py")):
        routes = {m for m in _imports(path) if m.startswith("parley.api.routes")}
        assert not routes, (path.name, routes)
