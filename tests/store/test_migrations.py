"""Alembic migrations build exactly the tables the models describe, and re-running is a no-op."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from quaestio.store import Database
from quaestio.store.db import current_revision, head_revision, upgrade
from quaestio.store.models import Base


def test_migrated_schema_matches_models(database_url: str) -> None:
    db = Database(database_url)
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    upgrade(db.engine)  # second start: nothing to do
    assert current_revision(db.engine) == head_revision()
    db.dispose()
