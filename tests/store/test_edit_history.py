"""The editor's undo and redo, kept in the revision history: every kind of edit comes back."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.errors import ValidationError
from quaestio.store import Actor, Database, accounts, debates, graph
from quaestio.store import edit_history as history
from store_samples import sample_debate


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


def _setup(db: Database) -> tuple[int, Actor]:
    with db.transaction() as s:
        owner = accounts.create_user(s, "owner", "correct horse").id
        return debates.import_debate(s, sample_debate(), owner_id=owner).id, Actor(owner)


def _load(db: Database, did: int, actor: Actor):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return debates.load(s, actor, did)[1]


def _actions(debate) -> list[tuple[str, list[dict[str, object]]]]:  # type: ignore[no-untyped-def]
    """One editor action of each kind on a debate's first position and points."""
    first = debate.positions[0]
    second = debate.positions[1]
    point = first.evidence[0].id
    return [
        ("edit", [{"op": "update", "node": point, "changes": {"text": "New words", "rebuts": []}}]),
        ("edit debate", [{"op": "update", "node": "debate", "changes": {"question": "Why?"}}]),
        ("add", [{"op": "add", "kind": "evidence", "data": {"position_id": first.id, "stance": "for", "text": "Added"}}]),
        ("add position", [{"op": "add", "kind": "position", "data": {"title": "A new view"}}]),
        ("delete point", [{"op": "delete", "node": point}]),
        ("delete position", [{"op": "delete", "node": second.id}]),
        ("move", [{"op": "move", "node": first.evidence[-1].id, "under": second.id}]),
    ]  # fmt: skip


def _texts(debate) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [sorted(e.text for e in p.evidence) for p in debate.positions]


@pytest.mark.parametrize("index", range(7))
def test_each_kind_of_edit_is_undone_and_redone(db: Database, index: int) -> None:
    did, actor = _setup(db)
    original = _load(db, did, actor)
    label, ops = _actions(original)[index]
    with db.transaction() as s:
        history.do(s, actor, did, label, ops)
    changed = _load(db, did, actor)
    assert changed != original
    with db.transaction() as s:
        assert history.replay(s, actor, did, "undo")[0] == label
    if index == 6:  # a move to another position and back gives the points fresh ids
        assert _texts(_load(db, did, actor)) == _texts(original)
    else:
        assert _load(db, did, actor) == original
    with db.transaction() as s:
        assert history.replay(s, actor, did, "redo")[0] == label
    redone = _load(db, did, actor)
    assert redone.positions == changed.positions or index == 6  # a move may pick new ids
    assert len(list(redone.iter_evidence())) == len(list(changed.iter_evidence()))


def test_stacks_belong_to_the_user_and_a_new_edit_clears_redo(db: Database) -> None:
    did, actor = _setup(db)
    debate = _load(db, did, actor)
    with db.transaction() as s:
        history.do(s, actor, did, "one", _actions(debate)[0][1])
        history.do(s, actor, did, "two", _actions(debate)[1][1])
        history.replay(s, actor, did, "undo")
        assert [x.label for x in history.stacks(s, did, actor.user_id).redo] == ["two"]
        history.do(s, actor, did, "three", _actions(debate)[2][1])
        now = history.stacks(s, did, actor.user_id)
        assert ([x.label for x in now.undo], now.redo) == (["one", "three"], ())
        assert history.stacks(s, did, actor.user_id + 1) == history.Stacks((), ())
        with pytest.raises(ValidationError, match="nothing to redo"):
            history.replay(s, actor, did, "redo")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=4, unique=True))
def test_undoing_every_step_gives_back_the_debate(db: Database, picks: list[int]) -> None:
    """Any sequence of edits, undone to the start, leaves the debate as imported."""
    with db.transaction() as s:
        owner = accounts.create_user(
            s, f"u{len(picks)}-{'-'.join(map(str, picks))}", "correct horse"
        ).id
        did = debates.import_debate(s, sample_debate(), owner_id=owner).id
    actor = Actor(owner)
    original = _load(db, did, actor)
    done = 0
    for pick in picks:
        ops = _actions(_load(db, did, actor))[pick][1]
        try:
            with db.transaction() as s:
                history.do(s, actor, did, str(pick), ops)
            done += 1
        except (ValidationError, LookupError):
            continue  # e.g. moving a point of a position already deleted
        except Exception as exc:  # a refused step leaves nothing behind
            if "does not exist" not in str(exc):
                raise
    for _ in range(done):
        with db.transaction() as s:
            history.replay(s, actor, did, "undo")
    assert _load(db, did, actor) == original


def test_undoing_a_delete_puts_back_the_links_that_named_it(db) -> None:  # type: ignore[no-untyped-def]
    """A deleted point takes its typed relations (and an attack aimed at one) with it; the
    undo brings every one back with its own id, and a redo takes them again."""
    debate_id, actor = _setup(db)
    with db.transaction() as s:
        link = graph.create_relation(
            s, actor, debate_id, {"kind": "support", "source": "p1.f1", "target": "p2"}
        )
        counter = graph.create_relation(
            s, actor, debate_id, {"kind": "attack", "source": "p2", "target": link["id"]}
        )
        history.do(s, actor, debate_id, "deleting", [{"op": "delete", "node": "p1.f1"}])
    with db.read() as s:
        assert not graph.list_relations(s, debate_id)
    with db.transaction() as s:
        history.replay(s, actor, debate_id, "undo")
    with db.read() as s:
        back = {
            (r["id"], r["kind"], r["source"], r["target"])
            for r in graph.list_relations(s, debate_id)
        }
    assert back == {
        (link["id"], "support", "p1.f1", "p2"),
        (counter["id"], "attack", "p2", link["id"]),
    }
    with db.transaction() as s:
        history.replay(s, actor, debate_id, "redo")
    with db.read() as s:
        assert not graph.list_relations(s, debate_id)


def test_link_and_unlink_are_undone_and_redone(db) -> None:  # type: ignore[no-untyped-def]
    debate_id, actor = _setup(db)
    op = {"op": "link", "data": {"kind": "support", "source": "p1.f1", "target": "p2"}}
    with db.transaction() as s:
        touched = history.do(s, actor, debate_id, "link", [op])
        assert touched.relations
        (made,) = graph.list_relations(s, debate_id)
        history.do(s, actor, debate_id, "unlink", [{"op": "unlink", "relation": made["id"]}])
        assert not graph.list_relations(s, debate_id)
        history.replay(s, actor, debate_id, "undo")  # the unlink
        assert [r["id"] for r in graph.list_relations(s, debate_id)] == [made["id"]]
        history.replay(s, actor, debate_id, "undo")  # the link
        assert not graph.list_relations(s, debate_id)
        history.replay(s, actor, debate_id, "redo")
        assert len(graph.list_relations(s, debate_id)) == 1
