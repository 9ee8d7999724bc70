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


def test_upgrading_a_first_version_database_keeps_its_rows(database_url: str) -> None:
    """A database made at revision 0001 (before content_rev) upgrades in place."""
    from alembic import command
    from sqlalchemy import text

    from quaestio.store.db import _alembic_config, make_engine

    engine = make_engine(database_url)
    with engine.begin() as conn:  # the test database starts migrated: go back to the start
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO debates (id, title, question, warnings, format_version, created_at,"
                " updated_at, version) VALUES (7, 'Old debate', '', '[]', 1, '2026-01-01 00:00:00',"
                " '2026-01-01 00:00:00', 3)"
            )
        )
    assert current_revision(engine) == "0001"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT title, version, content_rev FROM debates WHERE id = 7")
        ).one()
    assert tuple(row) == ("Old debate", 3, 1)
    engine.dispose()
