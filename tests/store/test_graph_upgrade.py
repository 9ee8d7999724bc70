"""A database made by an older main upgrades in place, nothing lost.

Two old mains: the one before the argument graph (schema 0003) and the one before
the classroom (schema 0004). The old database is made by the old code itself: the
store of that main (taken from git) runs in a subprocess and writes a debate with edits, ACH cells,
the student's weights, verdict and review state. This code then upgrades the
schema to head and checks every old row and column is still there with the same
value, and that each debate reads back as the old code read it, with the new
graph fields empty. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
import tarfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from conftest_pg import REPO, _with_db, drop_postgres_database, postgres_admin_url
from quaestio.store import Database
from quaestio.store.convert import debate_from_rows
from quaestio.store.db import current_revision, head_revision
from quaestio.store.models import Base, DebateRow

# main just before the argument graph (its newest migration is 0003), just before the
# classroom (0004), and just before positions kept their tags (0005)
OLD_MAINS = {
    "0003": "cb9009f93beb31db456c62b7df98ff834d06faff",
    "0004": "54e4ad533fd5dcfe03155db7da733e05aee03e34",
    "0005": "07cedac9a8ee1c43a747c839d05616986282c61f",
}
WRITER = Path(__file__).with_name("old_main_writer.py")


def _old_code(into: Path, commit: str) -> Path:
    """The old ``src`` and ``tests/store_samples.py``, unpacked from git."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", commit, "src", "tests"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"main's commit {commit[:7]} is not in this clone's history: {exc}")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A database with no tables at all (the old code migrates it itself)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
        return
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip("no PostgreSQL: set QUAESTIO_TEST_POSTGRES_URL or install postgresql-15")
    name = f"quaestio_old{os.getpid()}_{tmp_path.name[-12:].replace('-', '_')}".lower()
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    url = _with_db(admin, name).replace("postgresql://", "postgresql+psycopg://", 1)
    yield url
    drop_postgres_database(url, admin)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _only_old_keys(old: Any, new: Any, extra: dict[str, Any]) -> Any:
    """``new`` cut down to the keys ``old`` has; the new keys' values go into ``extra``."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in new.keys() - old.keys():
            extra.setdefault(key, []).append(new[key])
        return {k: _only_old_keys(old[k], new[k], extra) for k in old if k in new}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [_only_old_keys(o, n, extra) for o, n in zip(old, new, strict=True)]
    return new


@pytest.mark.parametrize("old_revision", sorted(OLD_MAINS))
def test_a_database_made_by_main_upgrades_with_nothing_lost(
    empty_url: str, tmp_path: Path, old_revision: str
) -> None:
    old = _old_code(tmp_path / "old", OLD_MAINS[old_revision])
    out = tmp_path / "old.json"
    env = {**os.environ, "PYTHONPATH": f"{old / 'src'}{os.pathsep}{old / 'tests'}"}
    subprocess.run(
        [sys.executable, str(WRITER), empty_url, str(out)], check=True, env=env, cwd=tmp_path
    )
    before = json.loads(out.read_text(encoding="utf-8"))
    assert before["revision"] == old_revision
    assert len(before["tables"]["ach_ratings"]) >= 2  # the old code really stored judgements
    assert before["tables"]["verdicts"] and before["tables"]["review_states"]

    db = Database(empty_url)  # opening upgrades in place
    assert current_revision(db.engine) == head_revision() != old_revision
    with db.read() as s:
        for name, old_rows in before["tables"].items():
            table = Base.metadata.tables[name]
            rows = s.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            now = [_plain({k: r[k] for k in (old_rows[0] if old_rows else {})}) for r in rows]
            assert now == old_rows, f"table {name} changed"
        for key, old_debate in before["debates"].items():
            row = s.get(DebateRow, int(key))
            assert row is not None
            debate = debate_from_rows(s, row)
            extra: dict[str, Any] = {}
            assert _only_old_keys(old_debate, _plain(dataclasses.asdict(debate)), extra) == (
                old_debate
            )
            # what the graph adds is empty for an old debate: no parents, no relations...
            assert debate.relations == debate.arguments == debate.schools == ()
            assert all(e.parent is None and not e.historians for _, e in debate.iter_evidence())
            assert all(h.stance == "for" for p in debate.positions for h in p.historians)
            new_keys = {"stance"} if old_revision == "0003" else set()
            assert all(p.tags == () for p in debate.positions)
            assert {k for k, v in extra.items() if any(v)} == new_keys
        _class_work_survives(s, before["ids"])
    db.dispose()


def _class_work_survives(s: Any, ids: dict[str, int]) -> None:
    """The class's debate is still the class's (now through ``class_debates``): its student
    reads it and their own work; the class starts moderated, named, unarchived."""
    from quaestio.store import Actor, classroom, personal
    from quaestio.store.models import ClassDebate, SchoolClass

    (klass,) = s.scalars(select(SchoolClass))
    assert (klass.archived_at, klass.students_post, klass.anonymous, klass.weights_locked) == (
        None,
        False,
        False,
        False,
    )
    assert [(c.class_id, c.debate_id) for c in s.scalars(select(ClassDebate))] == [
        (klass.id, ids["debate"])
    ]
    student = Actor(ids["student"])
    assert [d.id for d in classroom.debates_of(s, student, klass.id)] == [ids["debate"]]
    assert personal.my_verdict(s, student, ids["debate"]) is not None
