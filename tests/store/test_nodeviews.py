"""Nodes shown many at a time (the editor, the API's lists) read the other tables once, and
show exactly what one node shown alone shows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from quaestio.model import Debate
from quaestio.store import Database, debates, nodeviews
from quaestio.store.models import EvidenceRow, PositionRow
from store_samples import sample_debate
from strategies import graph_debates


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(debate=graph_debates())
def test_shown_together_equals_shown_alone(database_url: str, debate: Debate) -> None:
    db = Database(database_url)
    try:
        with db.transaction() as s:
            debate_id = debates.import_debate(s, debate, owner_id=None).id
        with db.read() as s:
            ctx = nodeviews.around(s, debate_id)
            for p in s.scalars(select(PositionRow).where(PositionRow.debate_id == debate_id)):
                assert nodeviews.position_dict(s, p, ctx) == nodeviews.position_dict(s, p)
            for e in s.scalars(select(EvidenceRow).where(EvidenceRow.debate_id == debate_id)):
                assert nodeviews.evidence_dict(s, e, ctx) == nodeviews.evidence_dict(s, e)
    finally:
        db.dispose()


def test_a_page_of_points_carries_rebuttals_ratings_and_historians(database_url: str) -> None:
    db = Database(database_url)
    debate = sample_debate(positions=3, per_side=2)
    with db.transaction() as s:
        debate_id = debates.import_debate(s, debate, owner_id=None).id
    with db.read() as s:
        items, total = nodeviews.list_evidence(s, debate_id, limit=100, offset=0)
    db.dispose()
    shown = {i["id"]: i for i in items}
    assert total == len(items) == sum(len(p.evidence) for p in debate.positions)
    for _, e in debate.iter_evidence():
        assert shown[e.id]["rebuts"] == list(e.rebuts)
        assert shown[e.id]["ach"] == {r.position: r.rating for r in e.ach}
        assert [h["name"] for h in shown[e.id]["historians"]] == [h.name for h in e.historians]
    assert any(i["rebuts"] for i in items) and any(i["ach"] for i in items)
