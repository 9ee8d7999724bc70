"""The store keeps the whole argument graph, and its edits keep the tree and links sound."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from quaestio.errors import ValidationError
from quaestio.model import Argument, Debate, Historian, Relation, School
from quaestio.store import Actor, Database, StaleVersionError, accounts, debates, graph, nodes
from quaestio.store.models import DebateRow, EvidenceRow, RelationRow
from store_samples import sample_debate
from strategies import graph_debates, line, source

TAGS = ("economy", "regions", "terror", "a-long_tag2")


@st.composite
def stored_graphs(draw: st.DrawFn) -> Debate:
    """``graph_debates`` plus what the store also keeps: premise-conclusion arguments,
    historians who dispute a position and the positions' own tags."""
    debate = draw(graph_debates())
    claims = debate.claim_ids()
    arguments = []
    if len(claims) >= 2:
        for i in range(1, draw(st.integers(0, 2)) + 1):
            concluded = draw(st.sampled_from(claims))
            others = [c for c in claims if c != concluded]
            premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
            arguments.append(
                Argument(f"g{i}", draw(line), tuple(premises), concluded, draw(line), draw(source))
            )
    positions = tuple(
        replace(
            p,
            historians=tuple(
                Historian(h.name, h.key, draw(st.sampled_from(("for", "against"))))
                for h in p.historians
            ),
            tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))),
        )
        for p in debate.positions
    )
    return replace(debate, positions=positions, arguments=tuple(arguments))


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


def _owner(db: Database) -> Actor:
    with db.transaction() as s:
        return Actor(accounts.create_user(s, "owner", "correct horse").id)


def _load(db: Database, actor: Actor, debate_id: int) -> Debate:
    with db.read() as s:
        return debates.load(s, actor, debate_id)[1]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(debate=stored_graphs())
def test_graph_round_trips_through_the_store(db: Database, debate: Debate) -> None:
    with db.transaction() as s:
        row = debates.import_debate(s, debate, owner_id=None)
    with db.read() as s:
        back = debates.load(s, Actor(None), row.id)[1]
    assert back == debate


def _imported(db: Database, actor: Actor) -> int:
    with db.transaction() as s:
        return debates.import_debate(s, sample_debate(), owner_id=actor.user_id).id


def test_a_point_answers_a_point_to_any_depth_and_is_deleted_with_its_answers(
    db: Database,
) -> None:
    actor = _owner(db)
    debate_id = _imported(db, actor)
    with db.transaction() as s:
        a = nodes.create_evidence(
            s, actor, debate_id, {"parent": "p1.a1", "stance": "against", "text": "But it was."}
        )
        b = nodes.create_evidence(
            s,
            actor,
            debate_id,
            {
                "parent": a["id"],
                "stance": "for",
                "text": "Reversed in 1934.",
                "historians": [{"name": "Brown", "stance": "against"}],
                "tags": ["#reversal"],
            },
        )
        s.flush()
        graph.create_relation(
            s, actor, debate_id, {"kind": "support", "source": b["id"], "target": "p2"}
        )
    assert (a["id"], a["parent"], a["position_id"]) == ("p1.a1.a1", "p1.a1", "p1")
    assert b["id"] == "p1.a1.a1.f1" and b["tags"] == ["reversal"]
    debate = _load(db, actor, debate_id)
    assert debate.depths()[b["id"]] == 3
    assert debate.evidence_by_id()[b["id"]].historians[0].stance == "against"
    assert [r.source for r in debate.relations] == [b["id"]]
    with db.transaction() as s:
        nodes.delete_evidence(s, actor, debate_id, "p1.a1", 1)
    after = _load(db, actor, debate_id)
    assert {"p1.a1", a["id"], b["id"]}.isdisjoint(after.evidence_by_id())
    assert after.relations == ()
    assert after == debate.without_nodes({"p1.a1"})


def test_moving_a_point_keeps_the_tree_sound(db: Database) -> None:
    actor = _owner(db)
    debate_id = _imported(db, actor)
    with db.transaction() as s:
        child = nodes.create_evidence(
            s, actor, debate_id, {"parent": "p1.f1", "stance": "against", "text": "No."}
        )
    with pytest.raises(ValidationError, match="below itself"), db.transaction() as s:
        nodes.update_evidence(s, actor, debate_id, "p1.f1", 1, {"parent": child["id"]})
    with pytest.raises(ValidationError, match="another position"), db.transaction() as s:
        nodes.update_evidence(s, actor, debate_id, "p1.f2", 1, {"parent": "p2.f1"})
    with db.transaction() as s:
        moved = nodes.update_evidence(s, actor, debate_id, "p1.f1", 1, {"parent": "p1.f2"})
    assert moved["parent"] == "p1.f2" and moved["version"] == 2
    debate = _load(db, actor, debate_id)
    assert debate.answers()[child["id"]] == "p1.f1"  # the answer moved along
    assert debate.depths()[child["id"]] == 3
    with db.transaction() as s:
        nodes.update_evidence(s, actor, debate_id, "p1.f1", 2, {"parent": None})
    assert _load(db, actor, debate_id).evidence_by_id()["p1.f1"].parent is None


def test_relations_are_typed_versioned_and_attacks_on_them_go_with_them(db: Database) -> None:
    actor = _owner(db)
    debate_id = _imported(db, actor)
    with db.transaction() as s:
        r1 = graph.create_relation(
            s, actor, debate_id, {"kind": "support", "source": "p1.a1", "target": "p2"}
        )
        r2 = graph.create_relation(
            s, actor, debate_id, {"kind": "attack", "source": "p3.f1", "target": r1["id"]}
        )
    assert (r1["id"], r2["id"], r1["version"]) == ("r1", "r2", 1)
    for bad, field in (
        ({"kind": "support", "source": "p3.f1", "target": r1["id"]}, "target"),
        ({"kind": "undercut", "source": "p3.f1", "target": "c.pos1"}, "target"),
        ({"kind": "attack", "source": "nope", "target": "p2"}, "source"),
        ({"kind": "refutes", "source": "p1", "target": "p2"}, "kind"),
        ({"kind": "attack", "source": "p1", "target": "p1"}, "target"),
    ):
        with pytest.raises(ValidationError) as err, db.transaction() as s:
            graph.create_relation(s, actor, debate_id, bad)
        assert err.value.field == field
    with db.transaction() as s:  # a position's link is to the question: it can be undercut
        r3 = graph.create_relation(
            s, actor, debate_id, {"kind": "undercut", "source": "p3.f1", "target": "p2"}
        )
        graph.delete_relation(s, actor, debate_id, r3["id"], 1)
    with db.transaction() as s:
        changed = graph.update_relation(s, actor, debate_id, "r1", 1, {"text": "also"})
    assert changed["version"] == 2
    with pytest.raises(StaleVersionError) as stale, db.transaction() as s:
        graph.update_relation(s, actor, debate_id, "r1", 1, {"text": "late"})
    assert stale.value.current is not None and stale.value.current["text"] == "also"
    with db.transaction() as s:
        graph.delete_relation(s, actor, debate_id, "r1", 2)
    assert _load(db, actor, debate_id).relations == ()


def test_schools_name_positions_and_lose_deleted_ones(db: Database) -> None:
    actor = _owner(db)
    debate_id = _imported(db, actor)
    with db.transaction() as s:
        school = graph.create_school(
            s, actor, debate_id, {"name": "Structural", "positions": ["p1", "p2"]}
        )
    with pytest.raises(ValidationError), db.transaction() as s:
        graph.create_school(s, actor, debate_id, {"name": "X", "positions": ["p9"]})
    with db.transaction() as s:
        nodes.delete_position(s, actor, debate_id, "p2", 1)
    debate = _load(db, actor, debate_id)
    assert debate.schools == (School(school["id"], "Structural", ("p1",)),)


def test_a_bad_graph_leaves_nothing_behind(db: Database) -> None:
    actor = _owner(db)
    good = sample_debate()
    bad = replace(good, relations=(Relation("r1", "support", "p1.f1", "p7"),))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        debates.import_debate(s, good, owner_id=actor.user_id)
        debates.import_debate(s, bad, owner_id=actor.user_id)
    assert "p7" in err.value.message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(DebateRow)) == 0
        assert s.scalar(select(func.count()).select_from(EvidenceRow)) == 0
        assert s.scalar(select(func.count()).select_from(RelationRow)) == 0


def test_a_position_keeps_its_tags_through_create_edit_and_reload(db: Database) -> None:
    actor = _owner(db)
    debate_id = _imported(db, actor)
    with db.transaction() as s:
        made = nodes.create_position(
            s, actor, debate_id, {"title": "Fear of war", "tags": ["#external", "external"]}
        )
    assert made["tags"] == ["external"]  # the hash is dropped and repeats are merged
    with db.transaction() as s:
        edited = nodes.update_position(
            s, actor, debate_id, made["id"], made["version"], {"tags": ["external", "1937"]}
        )
    assert edited["tags"] == ["external", "1937"]
    with pytest.raises(ValidationError), db.transaction() as s:
        nodes.update_position(s, actor, debate_id, made["id"], edited["version"], {"tags": [" "]})
    back = _load(db, actor, debate_id).position_by_id()[made["id"]]
    assert back.tags == ("external", "1937")


def test_a_consequence_is_a_claim_relations_name_and_lose_with_it(db: Database) -> None:
    actor = _owner(db)
    debate_id = _imported(db, actor)
    with db.transaction() as s:
        outcome = nodes.create_consequence(
            s, actor, debate_id, {"polarity": "positive", "text": "A new loyal cadre rose."}
        )
        link = graph.create_relation(
            s, actor, debate_id, {"kind": "support", "source": outcome["id"], "target": "p1"}
        )
    debate = _load(db, actor, debate_id)
    assert (link["id"], outcome["id"], "p1") in {
        (r.id, r.source, r.target) for r in debate.relations
    }
    with db.transaction() as s:
        nodes.delete_consequence(s, actor, debate_id, outcome["id"], outcome["version"])
    debate = _load(db, actor, debate_id)
    assert not [r for r in debate.relations if outcome["id"] in (r.source, r.target)]
    assert outcome["id"] not in {c.id for c in debate.consequences}
