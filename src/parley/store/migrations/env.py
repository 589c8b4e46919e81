"""Alembic environment: runs on the connection that ``Store.from_url`` hands over.

Parley never runs Alembic from an ``alembic.ini``; ``parley.store.migrate`` builds the config in
code and puts an open connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from parley.store.schema import FTS_OBJECTS, metadata


def _include(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # FTS tables/indexes are backend specific and created by hand in the migrations.
    if name is None:
        return True
    return not (name in FTS_OBJECTS or name.startswith("quotes_fts") or name == "alembic_version")


connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through the alembic CLI
    raise RuntimeError("run Parley's migrations through parley.store.Store.from_url(url)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    include_object=_include,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
