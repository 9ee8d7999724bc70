"""The analyst's ACH judgements in the store: versioned, logged, refused whole, never dangling."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quaestio.errors import NotFoundError, ValidationError
from quaestio.model import AchRating, validate
from quaestio.store import Actor, Database, StaleVersionError, accounts, debates, nodes, nodeviews
from quaestio.store import ach as store_ach
from quaestio.store.models import AchRatingRow, Revision
from store_samples import sample_debate


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def debate_id(db: Database) -> int:
    with db.transaction() as s:
        owner = accounts.create_user(s, "owner", "correct horse").id
        return debates.import_debate(s, sample_debate(), owner_id=owner).id


OWNER = Actor(1)


def _load(db: Database, debate_id: int):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return debates.load(s, OWNER, debate_id)[1]


def test_imported_judgements_read_back_and_show_on_the_node(db: Database, debate_id: int) -> None:
    back = _load(db, debate_id)
    assert back == sample_debate()
    with db.read() as s:
        shown = nodeviews.evidence_dict(s, nodeviews.get_evidence(s, debate_id, "p1.a1"))
    assert (shown["ach"], shown["relevance"], shown["credibility"]) == ({"p2": "I"}, 0.75, None)


def test_setting_and_clearing_a_cell_moves_the_version_and_is_logged(
    db: Database, debate_id: int
) -> None:
    with db.transaction() as s:
        after = store_ach.set_cell(s, OWNER, debate_id, "p1.f1", "p3", 1, "ii")
    assert (after["version"], after["ach"]) == (2, {"p3": "II"})
    assert _load(db, debate_id).evidence_by_id()["p1.f1"].ach == (AchRating("p3", "II"),)
    with db.transaction() as s:
        cleared = store_ach.set_cell(s, OWNER, debate_id, "p1.f1", "p3", 2, None)
    assert (cleared["version"], cleared["ach"]) == (3, {})
    with db.read() as s:
        logged = list(
            s.scalars(
                select(Revision)
                .where(Revision.debate_id == debate_id, Revision.action == "update")
                .order_by(Revision.id)
            )
        )
    assert [(r.resource, r.resource_id) for r in logged] == [("evidence", "p1.f1")] * 2
    assert logged[0].before is not None and logged[0].before["ach"] == {}
    assert logged[0].after is not None and logged[0].after["ach"] == {"p3": "II"}


def test_a_stale_version_is_refused_with_the_current_judgements(
    db: Database, debate_id: int
) -> None:
    with db.transaction() as s:
        store_ach.set_cell(s, OWNER, debate_id, "p2.f1", "p1", 1, "C")
    with pytest.raises(StaleVersionError) as err, db.transaction() as s:
        store_ach.set_cell(s, OWNER, debate_id, "p2.f1", "p1", 1, "I")
    assert err.value.current is not None and err.value.current["ach"] == {"p1": "C"}
    with pytest.raises(StaleVersionError), db.transaction() as s:
        store_ach.set_weights(s, OWNER, debate_id, "p2.f1", 1, {"credibility": 0.2})


def test_weights_are_set_cleared_and_checked(db: Database, debate_id: int) -> None:
    with db.transaction() as s:
        after = store_ach.set_weights(
            s, OWNER, debate_id, "p1.f1", 1, {"credibility": None, "relevance": 0.4}
        )
    assert (after["credibility"], after["relevance"]) == (None, 0.4)
    item = _load(db, debate_id).evidence_by_id()["p1.f1"]
    assert (item.credibility, item.relevance) == (None, 0.4)
    with (
        pytest.raises(ValidationError, match=r"relevance 1\.5 is outside") as err,
        db.transaction() as s,
    ):
        store_ach.set_weights(s, OWNER, debate_id, "p1.f1", 2, {"relevance": 1.5})
    assert err.value.field == "relevance"
    assert _load(db, debate_id).evidence_by_id()["p1.f1"].relevance == 0.4


def test_bad_cells_are_refused_and_leave_nothing(db: Database, debate_id: int) -> None:
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        store_ach.set_cell(s, OWNER, debate_id, "p1.f1", "p2", 1, "maybe")
    assert err.value.field == "rating"
    with pytest.raises(NotFoundError) as missing, db.transaction() as s:
        store_ach.set_cell(s, OWNER, debate_id, "p1.f1", "p9", 1, "C")
    assert missing.value.field == "position_id"
    assert _load(db, debate_id) == sample_debate()


def test_deleting_a_position_or_point_leaves_no_dangling_rating(
    db: Database, debate_id: int
) -> None:
    # p1.a1 rates p2, p3.a1 rates p1: deleting p1 must take both away
    with db.transaction() as s:
        nodes.delete_position(s, OWNER, debate_id, "p1", 1)
    back = _load(db, debate_id)
    assert validate(back) == []
    assert back == sample_debate().without_nodes({"p1"})
    with db.transaction() as s:
        nodes.delete_evidence(s, OWNER, debate_id, "p2.a1", 1)
    with db.read() as s:
        left = s.scalars(
            select(AchRatingRow.evidence_node).where(AchRatingRow.debate_id == debate_id)
        )
        assert sorted(left) == []
        assert s.scalar(select(func.count()).select_from(AchRatingRow)) == 0
