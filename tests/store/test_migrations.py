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


def test_upgrading_a_0002_database_keeps_its_evidence_with_no_judgements(
    database_url: str,
) -> None:
    """Evidence stored before migration 0003 reads back with derived ACH (no ratings)."""
    from alembic import command
    from sqlalchemy import text

    from quaestio.store.convert import debate_from_rows
    from quaestio.store.db import _alembic_config, make_engine
    from quaestio.store.models import DebateRow

    engine = make_engine(database_url)
    upgrade(engine)
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO debates (id, title, question, warnings, format_version, created_at,"
                " updated_at, version, content_rev) VALUES (9, 'Old', '', '[]', 1,"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO positions (id, debate_id, node_id, ord, title, summary, weight,"
                " version) VALUES (5, 9, 'p1', 0, 'A cause', '', 0.5, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO evidence (id, debate_id, position_id, node_id, ord, stance, text,"
                " years, figures, \"references\", weight, version) VALUES (6, 9, 5, 'p1.f1', 0,"
                " 'for', 'A point.', '[]', '[]', '[]', 0.7, 1)"
            )
        )
    assert current_revision(engine) == "0002"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    db = Database(database_url)
    with db.read() as s:
        row = s.get(DebateRow, 9)
        assert row is not None
        debate = debate_from_rows(s, row)
    (item,) = debate.positions[0].evidence
    assert (item.weight, item.ach, item.credibility, item.relevance) == (0.7, (), None, None)
    db.dispose()
