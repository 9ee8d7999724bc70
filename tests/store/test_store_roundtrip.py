"""The store keeps a debate exactly, refuses bad ones whole, and soft-deletes with undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from tests.web_ui.sample import big_debate

from paths import EXAMPLE
from quaestio.errors import NotFoundError, PermissionDeniedError, ValidationError
from quaestio.formats import read_path
from quaestio.model import Evidence
from quaestio.store import Actor, Database, StaleVersionError, accounts, convert, debates, nodes
from quaestio.store.models import DebateRow, EvidenceRow, Revision, utcnow
from store_samples import sample_debate


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


def _user(db: Database, name: str) -> int:
    with db.transaction() as s:
        return accounts.create_user(s, name, "correct horse").id


def test_debate_read_back_equals_the_one_imported(db: Database) -> None:
    owner = _user(db, "owner")
    debate = sample_debate(positions=4, per_side=3)
    with db.transaction() as s:
        debate_id = debates.import_debate(s, debate, owner_id=owner).id
    with db.read() as s:
        _, back, role = debates.load(s, Actor(owner), debate_id)
    assert back == debate
    assert role == "owner"


@pytest.mark.parametrize("which", ["example", "every part at 2,000 points", "plain 2,000"])
def test_the_rows_rebuild_the_debate_imported(db: Database, which: str) -> None:
    """Read straight from the rows, not from the cache of rebuilt debates."""
    debate = {
        "example": lambda: read_path(EXAMPLE).debate,
        "every part at 2,000 points": lambda: sample_debate(positions=100, per_side=10),
        "plain 2,000": lambda: big_debate(20, 100),
    }[which]()
    with db.transaction() as s:
        row = debates.import_debate(s, debate, owner_id=None)
        assert convert.debate_from_rows(s, row) == debate  # in the importing transaction
        debate_id = row.id
    with db.read() as s:
        back = convert.debate_from_rows(s, s.get(DebateRow, debate_id))
    assert back == debate
    assert [e for _, e in back.iter_evidence()] == [e for _, e in debate.iter_evidence()]


def test_invalid_debate_leaves_nothing_behind(db: Database) -> None:
    owner = _user(db, "owner")
    good = sample_debate()
    broken_evidence = replace(good.positions[1].evidence[0], rebuts=("p9.f9",))
    broken = replace(
        good,
        positions=(good.positions[0], replace(good.positions[1], evidence=(broken_evidence,))),
    )
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        debates.import_debate(s, good, owner_id=owner)  # first a good one in the same transaction
        debates.import_debate(s, broken, owner_id=owner)
    assert "p9.f9" in err.value.message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(DebateRow)) == 0
        assert s.scalar(select(func.count()).select_from(EvidenceRow)) == 0


def test_stale_version_is_refused_with_current_state(db: Database) -> None:
    owner = _user(db, "owner")
    with db.transaction() as s:
        debate_id = debates.import_debate(s, sample_debate(), owner_id=owner).id
    actor = Actor(owner)
    with db.transaction() as s:
        first = nodes.update_evidence(s, actor, debate_id, "p1.f1", 1, {"weight": 0.9})
    assert first["version"] == 2
    with pytest.raises(StaleVersionError) as err, db.transaction() as s:
        nodes.update_evidence(s, actor, debate_id, "p1.f1", 1, {"weight": 0.1})
    assert err.value.current is not None
    assert err.value.current["weight"] == 0.9
    assert err.value.current["version"] == 2
    with db.read() as s:
        _, back, _ = debates.load(s, actor, debate_id)
    assert back.evidence_by_id()["p1.f1"].weight == 0.9


def test_every_edit_leaves_a_revision(db: Database) -> None:
    owner = _user(db, "owner")
    actor = Actor(owner)
    with db.transaction() as s:
        debate_id = debates.import_debate(s, sample_debate(), owner_id=owner).id
    with db.transaction() as s:
        nodes.update_evidence(s, actor, debate_id, "p1.f1", 1, {"text": "Rewritten point."})
        created = nodes.create_evidence(
            s,
            actor,
            debate_id,
            {"position_id": "p2", "stance": "against", "text": "New counter.", "rebuts": ["p2.f1"]},
        )
    assert created["id"] == "p2.a3"
    with db.read() as s:
        rows = list(
            s.scalars(select(Revision).where(Revision.debate_id == debate_id).order_by(Revision.id))
        )
        _, back, _ = debates.load(s, actor, debate_id)
    assert [(r.action, r.resource, r.resource_id) for r in rows] == [
        ("create", "debate", str(debate_id)),
        ("update", "evidence", "p1.f1"),
        ("create", "evidence", "p2.a3"),
    ]
    assert rows[1].before is not None and rows[1].after is not None
    assert rows[1].after["text"] == "Rewritten point."
    assert rows[1].before["text"] != "Rewritten point."
    assert rows[1].user_id == owner
    added = back.evidence_by_id()["p2.a3"]
    assert isinstance(added, Evidence) and added.rebuts == ("p2.f1",)


def test_soft_delete_hides_and_undo_restores_within_30_days(db: Database) -> None:
    owner = _user(db, "owner")
    other = _user(db, "other")
    actor = Actor(owner)
    with db.transaction() as s:
        debate_id = debates.import_debate(s, sample_debate(), owner_id=owner).id
    with db.transaction() as s:
        debates.soft_delete(s, actor, debate_id)
    with db.read() as s:
        assert debates.visible(s, actor, limit=10, offset=0).total == 0
        assert debates.visible(s, actor, limit=10, offset=0, deleted=True).total == 1
        with pytest.raises(NotFoundError):
            debates.load(s, actor, debate_id)
    with pytest.raises(NotFoundError), db.transaction() as s:
        debates.undelete(s, Actor(other), debate_id)
    with db.transaction() as s:
        debates.undelete(s, actor, debate_id)
    with db.read() as s:
        assert debates.load(s, actor, debate_id)[1] == sample_debate()


def test_undo_expires_and_purge_removes_old_deletions(db: Database) -> None:
    owner = _user(db, "owner")
    actor = Actor(owner)
    with db.transaction() as s:
        old = debates.import_debate(s, sample_debate(), owner_id=owner).id
        recent = debates.import_debate(s, sample_debate(positions=2), owner_id=owner).id
    with db.transaction() as s:
        debates.soft_delete(s, actor, old)
        debates.soft_delete(s, actor, recent)
        s.get_one(DebateRow, old).deleted_at = utcnow() - timedelta(days=31)
    with pytest.raises(NotFoundError, match="30 days"), db.transaction() as s:
        debates.undelete(s, actor, old)
    with db.transaction() as s:
        assert debates.purge_expired(s) == 1
    with db.read() as s:
        assert s.get(DebateRow, old) is None
        assert (
            s.scalar(
                select(func.count()).select_from(EvidenceRow).where(EvidenceRow.debate_id == old)
            )
            == 0
        )
        assert s.get(DebateRow, recent) is not None


def test_only_the_owner_deletes(db: Database) -> None:
    owner = _user(db, "owner")
    with db.transaction() as s:
        debate_id = debates.import_debate(s, sample_debate(), owner_id=None).id
    with pytest.raises(PermissionDeniedError), db.transaction() as s:
        debates.soft_delete(s, Actor(owner), debate_id)


def test_unusable_database_urls_are_named_errors(tmp_path: object) -> None:
    from quaestio.store import DatabaseError

    with pytest.raises(DatabaseError) as err:
        Database("mysql://somewhere/db")
    assert err.value.field == "database_url" and "mysql" in err.value.message


def test_expired_sessions_are_forgotten(db: Database) -> None:
    from quaestio.store.models import AuthSession

    with db.transaction() as s:
        user = accounts.create_user(s, "sleeper", "correct horse")
        old = accounts.open_session(s, user)
        fresh = accounts.open_session(s, user)
        s.execute(
            AuthSession.__table__.update()
            .where(AuthSession.token_hash == accounts.sha256(old.cookie))
            .values(expires_at=utcnow() - timedelta(days=1))
        )
    with db.transaction() as s:
        assert accounts.session_for_cookie(s, old.cookie) is None
        assert accounts.purge_sessions(s) == 1
        assert accounts.session_for_cookie(s, fresh.cookie) is not None


def test_a_write_that_changes_nothing_still_moves_the_version(db: Database) -> None:
    """Otherwise two clients could both 'succeed' from the same version."""
    owner = _user(db, "owner")
    with db.transaction() as s:
        debate_id = debates.import_debate(s, sample_debate(), owner_id=owner).id
    same = sample_debate().evidence_by_id()["p1.a1"].weight
    with db.transaction() as s:
        after = nodes.update_evidence(s, Actor(owner), debate_id, "p1.a1", 1, {"weight": same})
        cons = nodes.update_consequence(s, Actor(owner), debate_id, "c.pos1", 1, {})
        pos = nodes.update_position(
            s, Actor(owner), debate_id, "p1", 1, {"title": "Money troubles"}
        )
    assert (after["version"], cons["version"], pos["version"]) == (2, 2, 2)
