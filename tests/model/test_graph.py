"""The argument graph in the model: nesting, relations, schools, conclusion claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.model import (
    Argument,
    Conclusion,
    ConclusionClaim,
    Debate,
    Evidence,
    Historian,
    IdAllocator,
    Judgement,
    Position,
    Relation,
    School,
    validate,
)
from strategies import graph_debates


def _graph(*relations: Relation, extra: tuple[Evidence, ...] = ()) -> Debate:
    p1 = Position(
        "p1",
        "Planned from the top",
        evidence=(
            Evidence("p1.f1", "for", "signed the lists"),
            Evidence("p1.a1", "against", "central control was weak"),
            Evidence("p1.a1.a1", "against", "control tightened later", parent="p1.a1"),
            Evidence("p1.a1.a1.f1", "for", "the 1933 releases were reversed", parent="p1.a1.a1"),
            *extra,
        ),
    )
    p2 = Position("p2", "A chain of reactions", evidence=(Evidence("p2.f1", "for", "panic"),))
    return Debate(
        title="T",
        positions=(p1, p2),
        conclusion=Conclusion(
            "he drove it",
            claims=(ConclusionClaim("k1", "he drove it", (Judgement("p1", "endorses"),)),),
        ),
        relations=relations,
        schools=(School("s1", "Stalin-centred", ("p1",)),),
    )


def _codes(debate: Debate) -> set[tuple[str, str | None, str | None]]:
    return {(p.code, p.node, p.field) for p in validate(debate)}


def test_a_sound_graph_has_no_problems_and_cycles_of_support_are_allowed() -> None:
    debate = _graph(
        Relation("r1", "support", "p1.a1", "p2"),
        Relation("r2", "support", "p2", "p1.a1"),
        Relation("r3", "undercut", "p2.f1", "p1.f1"),
        Relation("r4", "attack", "p1.f1", "r3"),
        Relation("r5", "rephrase", "k1", "p1"),
    )
    assert validate(debate) == []


def test_navigation_follows_parents_and_relations() -> None:
    debate = _graph(Relation("r1", "support", "p1.a1", "p2"))
    assert [e.id for e in debate.children_of("p1")] == ["p1.f1", "p1.a1"]
    assert [e.id for e in debate.children_of("p1.a1")] == ["p1.a1.a1"]
    assert debate.descendants_of(["p1.a1"]) == {"p1.a1.a1", "p1.a1.a1.f1"}
    assert debate.depths()["p1.a1.a1.f1"] == 3
    assert debate.answers()["p1.a1"] == "p1" and debate.answers()["p1.a1.a1"] == "p1.a1"
    assert set(debate.claims_by_id()) == {
        "p1", "p2", "p1.f1", "p1.a1", "p1.a1.a1", "p1.a1.a1.f1", "p2.f1", "k1"
    }  # fmt: skip
    assert [r.id for r in debate.relations_touching("p2")] == ["r1"]
    position = debate.positions[0]
    # the handout's columns are the first level only
    assert [e.id for e in position.countering] == ["p1.a1"]
    assert [e.id for e in position.supporting] == ["p1.f1"]
    assert [s.id for s in debate.schools_of("p1")] == ["s1"]


def test_every_graph_problem_is_reported_at_once() -> None:
    debate = _graph(
        Relation("r1", "support", "p1.f1", "p9"),
        Relation("r2", "rephrase", "p1.f1", "p2.f1"),
        Relation("r3", "rephrase", "p2.f1", "p1.f1"),
        Relation("r4", "undercut", "p2.f1", "k1"),
        Relation("r5", "support", "p1.f1", "r1"),
        Relation("r6", "knocks", "p1.f1", "p2"),  # type: ignore[arg-type]
        extra=(
            Evidence("p1.f2", "for", "x", parent="p2.f1"),
            Evidence("p1.f3", "for", "y", parent="p1.f4"),
            Evidence("p1.f4", "for", "z", parent="p1.f3"),
            Evidence("p1.f5", "for", "w", parent="nowhere"),
            Evidence("r1", "for", "an id taken by a relation"),
        ),
    )
    debate = Debate(
        title=debate.title,
        positions=debate.positions,
        relations=debate.relations,
        arguments=(Argument("g1", "A", ("p1.f1", "ghost"), "p1"),),
        schools=(School("s1", "S", ("p7",)),),
        conclusion=Conclusion(
            "c",
            claims=(ConclusionClaim("k1", "c", (Judgement("p8", "endorses"),)),),
        ),
    )
    codes = _codes(debate)
    assert {
        ("dangling_relation", "r1", "target"),
        ("rephrase_cycle", "r3", "target"),
        ("undercut_of_nothing", "r4", "target"),
        ("relation_on_relation", "r5", "target"),
        ("bad_relation_kind", "r6", "kind"),
        ("parent_other_position", "p1.f2", "parent"),
        ("parent_cycle", "p1.f3", "parent"),
        ("dangling_parent", "p1.f5", "parent"),
        ("duplicate_id", "r1", "id"),
        ("dangling_premise", "g1", "premises"),
        ("dangling_school", "s1", "positions"),
        ("dangling_judgement", "k1", "judgements"),
    } <= codes


def test_without_nodes_takes_descendants_and_everything_naming_them() -> None:
    debate = _graph(
        Relation("r1", "support", "p1.a1.a1", "p2"),
        Relation("r2", "attack", "p2.f1", "r1"),
        Relation("r3", "support", "p2.f1", "p1.f1"),
    )
    pruned = debate.without_nodes({"p1.a1"})
    assert [e.id for e in pruned.positions[0].evidence] == ["p1.f1"]
    assert [r.id for r in pruned.relations] == ["r3"]  # r2 aimed at r1, which went
    assert validate(pruned) == []
    gone = debate.without_nodes({"p1"})
    assert gone.schools[0].positions == () and gone.conclusion is not None
    assert gone.conclusion.claims[0].judgements == ()


def test_with_weights_reaches_nested_points_relations_and_claims() -> None:
    debate = _graph(Relation("r1", "support", "p1.a1", "p2"))
    changed = debate.with_weights({"p1.a1.a1.f1": 0.9, "r1": 0.2, "k1": 0.7})
    assert changed.evidence_by_id()["p1.a1.a1.f1"].weight == 0.9
    assert changed.relations[0].weight == 0.2
    assert changed.conclusion_claims[0].weight == 0.7
    assert changed.evidence_by_id()["p1.a1"].weight == debate.evidence_by_id()["p1.a1"].weight


def test_historians_on_points_keep_their_stance_and_are_checked() -> None:
    bad = Evidence("p1.f1", "for", "x", historians=(Historian("Getty", "getty", "maybe"),))  # type: ignore[arg-type]
    debate = Debate(title="T", positions=(Position("p1", "P", evidence=(bad,)),))
    assert ("bad_stance", "p1.f1", "historians") in _codes(debate)
    assert Historian("Conquest", "conquest").stance == "for"


def test_ids_of_nested_points_extend_the_parent() -> None:
    ids = IdAllocator(["p1.f2.a1"])
    assert ids.evidence("p1.f2", "against") == "p1.f2.a2"
    assert ids.evidence("p1", "for") == "p1.f1"
    assert (ids.relation(), ids.argument(), ids.school(), ids.conclusion_claim()) == (
        "r1", "g1", "s1", "k1"
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(graph_debates())
def test_generated_graphs_are_valid(debate: Debate) -> None:
    assert [p for p in validate(debate) if p.severity == "error"] == []


@settings(max_examples=60, deadline=None)
@given(graph_debates(), st.data())
def test_removing_any_nodes_leaves_nothing_dangling(debate: Debate, data: st.DataObject) -> None:
    ids = debate.all_ids()
    removed = set(data.draw(st.lists(st.sampled_from(ids), max_size=4))) if ids else set()
    pruned = debate.without_nodes(removed)
    assert not set(pruned.all_ids()) & removed
    assert [p for p in validate(pruned) if p.severity == "error"] == []
    kept_points = {e.id for _, e in pruned.iter_evidence()}
    assert all(e.parent is None or e.parent in kept_points for _, e in pruned.iter_evidence())


def test_an_argument_may_rest_on_no_premise_and_steps_may_share_a_title() -> None:
    """Carneades' arguments without premises presume their conclusion; the steps of one
    Argdown structure are arguments with one title: neither is a problem."""
    base = _graph()
    debate = Debate(
        title=base.title,
        positions=base.positions,
        arguments=(
            Argument("g1", "Testimony", (), "p1", inference="witness"),
            Argument("g2", "Chain", ("p1.f1",), "p1.a1.a1.f1"),
            Argument("g3", "Chain", ("p1.a1.a1.f1", "p2.f1"), "p2"),
        ),
    )
    assert validate(debate) == []
    # a premise that is no claim is still a problem, with or without others
    bad = Debate(
        title="t", positions=base.positions, arguments=(Argument("g1", "A", ("x",), "p1"),)
    )
    assert ("dangling_premise", "g1", "premises") in _codes(bad)
