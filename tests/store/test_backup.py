"""Dump and restore: identical content after a round trip, SQLite <-> PostgreSQL both ways."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from quaestio.model import AchRating
from quaestio.store import Actor, Database, accounts, classes, debates, nodes, personal
from quaestio.store import ach as store_ach
from quaestio.store.backup import RestoreError, dump, restore
from quaestio.store.models import DebateRow, User
from store_samples import sample_debate


def _fill(db: Database) -> int:
    """Users, a class, debates (one deleted), edits, weights, verdicts, reviews, tokens, shares."""
    with db.transaction() as s:
        teacher = accounts.create_user(s, "teacher", "correct horse", "Ms Teacher")
        student = accounts.create_user(s, "student", "battery staple", "Pupil Ünal")
        accounts.create_token(s, teacher.id, "grading script")
        accounts.open_session(s, student)
        klass = classes.create_class(s, Actor(teacher.id), "History 10B")
        classes.join(s, Actor(student.id), klass.join_code)
        d1 = debates.import_debate(
            s, sample_debate(4, 3), owner_id=teacher.id, class_id=klass.id
        ).id
        d2 = debates.import_debate(s, sample_debate(2, 1, None), owner_id=teacher.id).id
        classes.create_share(s, Actor(teacher.id), d1)
    with db.transaction() as s:
        nodes.update_evidence(
            s, Actor(teacher.id), d1, "p2.f1", 1, {"weight": 0.125, "text": "Ändert ‘quotes’"}
        )
        store_ach.set_cell(s, Actor(teacher.id), d1, "p3.f1", "p1", 1, "NA")
        store_ach.set_weights(s, Actor(teacher.id), d1, "p3.f1", 2, {"relevance": 0.125})
        personal.set_weight(s, Actor(student.id), d1, "p1.f2", 0.8, 0)
        personal.set_verdict(s, Actor(student.id), d1, "Money mattered most.", "p1", 0)
        personal.set_review(
            s, Actor(student.id), d1, "card-1", {"due": "2026-01-01", "stability": 2.5}, 0
        )
        debates.soft_delete(s, Actor(teacher.id), d2)
    return d1


def _rows(db: Database) -> list[str]:
    buf = io.StringIO()
    dump(db, buf)
    return buf.getvalue().splitlines()[1:]  # without the header (dialect, time)


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_round_trip_between_backends(
    database_url: str, target: str, request: pytest.FixtureRequest
) -> None:
    source = Database(database_url)
    d1 = _fill(source)
    first = _rows(source)
    buf = io.StringIO()
    dump(source, buf)
    source.dispose()

    target_url = request.getfixturevalue("sqlite_url" if target == "sqlite" else "postgres_url")
    copy = Database(target_url)
    n = restore(copy, io.StringIO(buf.getvalue()), name="backup.jsonl")
    assert n == len(first)
    assert _rows(copy) == first
    tables = {json.loads(line)["table"] for line in first}
    assert {
        "debates",
        "evidence",
        "ach_ratings",
        "weights",
        "verdicts",
        "review_states",
        "revisions",
        "share_links",
        "api_tokens",
        "memberships",
    } <= tables
    # the analyst's ACH judgements come back with the debate
    with copy.read() as s:
        teacher_id = s.scalar(select(User.id).where(User.username == "teacher"))
        _, restored, _ = debates.load(s, Actor(teacher_id), d1)
    item = restored.evidence_by_id()["p3.f1"]
    assert item.ach[-1] == AchRating("p1", "NA") and item.relevance == 0.125
    # the restored database keeps working: ids continue after the restored ones
    with copy.transaction() as s:
        new = accounts.create_user(s, "newcomer", "long enough pw")
        assert new.id > max(s.scalars(select(User.id).where(User.username != "newcomer")))
        assert accounts.check_password(s, "teacher", "correct horse").username == "teacher"
    copy.dispose()


def test_restore_refuses_non_empty_and_bad_archives_leaving_nothing(
    database_url: str, sqlite_url: str
) -> None:
    source = Database(sqlite_url)
    _fill(source)
    buf = io.StringIO()
    dump(source, buf)
    source.dispose()
    lines = buf.getvalue().splitlines()

    target = Database(database_url)
    broken = [*lines[:-1], '{"table": "evidence", "row": {"nonsense": 1}}']
    with pytest.raises(RestoreError) as err:
        restore(target, iter(broken), name="broken.jsonl")
    assert err.value.line == len(broken) and err.value.field == "nonsense"
    with target.read() as s:
        assert s.scalar(select(func.count()).select_from(DebateRow)) == 0
    with pytest.raises(RestoreError, match="not a quaestio dump"):
        restore(target, iter(['{"hello": 1}']), name="x")

    restore(target, iter(lines), name="ok.jsonl")
    with pytest.raises(RestoreError, match="not empty"):
        restore(target, iter(lines), name="again.jsonl")
    assert restore(target, iter(lines), name="again.jsonl", replace=True) == len(lines) - 1
    target.dispose()
