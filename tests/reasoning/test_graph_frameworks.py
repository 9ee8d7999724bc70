"""The frameworks see the whole graph: nesting, relations, undercuts, rephrases, claims."""

from __future__ import annotations

import pytest

from quaestio.model import Conclusion, ConclusionClaim, Debate, Evidence, Position, Relation
from quaestio.reasoning import debate_graph, evaluate, extensions, strengths


def _debate(
    *relations: Relation, p1: tuple[Evidence, ...] = (), p2: tuple[Evidence, ...] = ()
) -> Debate:
    return Debate(
        title="T",
        positions=(
            Position("p1", "Planned", evidence=p1),
            Position("p2", "Reactions", evidence=p2),
        ),
        relations=relations,
    )


def _strength(debate: Debate, node: str, semantics: str = "dfquad") -> float:
    graph = debate_graph(debate)
    return float(strengths(graph.qbaf(), semantics).strengths[graph.index[node]])


def _grounded(debate: Debate) -> set[str]:
    graph = debate_graph(debate)
    (ext,) = extensions(graph.dung(), "GR")
    return {graph.ids[i] for i in ext}


FOR = Evidence("p1.f1", "for", "signed lists", weight=0.8)
AGAINST = Evidence("p1.a1", "against", "weak control", weight=0.8)


def test_a_point_answers_its_parent_not_the_position() -> None:
    reply = Evidence("p1.a1.a1", "against", "control tightened", parent="p1.a1", weight=0.9)
    graph = debate_graph(_debate(p1=(FOR, AGAINST, reply)))
    i = graph.index
    assert (i["p1.a1.a1"], i["p1.a1"]) in graph.attacks
    assert (i["p1.a1.a1"], i["p1"]) not in graph.attacks
    # answering the counter-point helps the position, under every gradual semantics
    for sem in ("dfquad", "qe", "euler"):
        with_reply = _strength(_debate(p1=(FOR, AGAINST, reply)), "p1", sem)
        without = _strength(_debate(p1=(FOR, AGAINST)), "p1", sem)
        assert with_reply > without, sem
    # and in Dung terms the reply reinstates the position
    assert "p1" not in _grounded(_debate(p1=(AGAINST,)))
    assert "p1" in _grounded(_debate(p1=(AGAINST, reply)))


def test_a_cross_position_support_raises_the_other_position() -> None:
    base = _debate(p1=(AGAINST,), p2=(Evidence("p2.f1", "for", "panic"),))
    linked = _debate(
        Relation("r1", "support", "p1.a1", "p2"), p1=(AGAINST,), p2=base.positions[1].evidence
    )
    assert _strength(linked, "p2") > _strength(base, "p2")
    assert _strength(linked, "p1") == pytest.approx(_strength(base, "p1"))


def test_contraries_attack_both_ways() -> None:
    graph = debate_graph(_debate(Relation("r1", "contrary", "p1", "p2")))
    assert {(0, 1), (1, 0)} <= set(graph.attacks)
    assert _grounded(_debate(Relation("r1", "contradictory", "p1", "p2"))) == set()


def test_an_undercut_cuts_the_link_and_spares_the_premise() -> None:
    cut = Evidence("p2.f1", "for", "the lists were routine", weight=0.9)
    plain = _debate(p1=(FOR,), p2=(cut,))
    undercut = _debate(Relation("r1", "undercut", "p2.f1", "p1.f1"), p1=(FOR,), p2=(cut,))
    rebut = _debate(Relation("r1", "attack", "p2.f1", "p1.f1"), p1=(FOR,), p2=(cut,))
    # the support p1.f1 gives p1 is weakened ...
    assert _strength(undercut, "p1") < _strength(plain, "p1")
    # ... while the point itself keeps its strength, unlike under a rebuttal
    assert _strength(undercut, "p1.f1") == pytest.approx(_strength(plain, "p1.f1"))
    assert _strength(rebut, "p1.f1") < _strength(plain, "p1.f1")
    assert "p1.f1" in _grounded(undercut) and "p1.f1" not in _grounded(rebut)


def test_undercutting_an_attack_reinstates_its_target() -> None:
    cut = Evidence("p2.f1", "for", "the counter-point misreads the source")
    attacked = _debate(p1=(AGAINST,), p2=(cut,))
    assert "p1" not in _grounded(attacked)
    undercut = _debate(Relation("r1", "undercut", "p2.f1", "p1.a1"), p1=(AGAINST,), p2=(cut,))
    assert {"p1", "p1.a1", "p2.f1"} <= _grounded(undercut)
    # an attack on a relation does the same to a cross-link
    link = _debate(
        Relation("r1", "attack", "p1.a1", "p2"),
        Relation("r2", "attack", "p2.f1", "r1"),
        p1=(AGAINST,),
        p2=(cut,),
    )
    assert "p2" in _grounded(link)
    assert "p2" not in _grounded(_debate(Relation("r1", "attack", "p1.a1", "p2"), p1=(AGAINST,)))


def test_a_rephrase_is_the_same_claim_counted_once() -> None:
    twin = Evidence("p1.f2", "for", "he signed the lists himself", weight=0.8)
    once = _debate(p1=(FOR,))
    twice = _debate(p1=(FOR, twin))
    rephrased = _debate(Relation("r1", "rephrase", "p1.f2", "p1.f1"), p1=(FOR, twin))
    assert _strength(twice, "p1") > _strength(once, "p1")
    assert _strength(rephrased, "p1") == pytest.approx(_strength(once, "p1"))
    graph = debate_graph(rephrased)
    assert not any(graph.index["p1.f2"] in edge for edge in graph.supports + graph.attacks)


def test_conclusion_claims_take_part_through_relations_but_judgements_do_not() -> None:
    claim = ConclusionClaim("k1", "he backed Ezhov", weight=0.9)
    plain = Debate(title="T", positions=(Position("p1", "Planned"),))
    judged = Debate(
        title="T",
        positions=plain.positions,
        conclusion=Conclusion("x", claims=(claim,)),
    )
    assert _strength(judged, "p1") == pytest.approx(_strength(plain, "p1"))
    linked = Debate(
        title="T",
        positions=plain.positions,
        conclusion=Conclusion("x", claims=(claim,)),
        relations=(Relation("r1", "support", "k1", "p1"),),
    )
    assert _strength(linked, "p1") > _strength(plain, "p1")
    ranking = evaluate(linked, "dfquad").ranking
    assert [r.id for r in ranking] == ["p1"]


def test_a_table_only_debate_builds_the_same_graph_as_before() -> None:
    debate = _debate(p1=(FOR, Evidence("p1.a1", "against", "x", rebuts=("p1.f1",))))
    graph = debate_graph(debate)
    assert graph.premises == ()
    assert graph.ids == ("p1", "p2", "p1.f1", "p1.a1")
    assert graph.supports == ((2, 0),) and graph.attacks == ((3, 2),)


def test_a_consequence_cited_as_evidence_supports_its_position() -> None:
    from quaestio.model import Consequence

    outcome = Consequence("c.pos1", "positive", "a loyal new cadre rose", weight=0.7)
    plain = Debate(title="T", positions=(Position("p1", "Planned"),), consequences=(outcome,))
    # a consequence no relation names is the balance sheet's, not an argument
    assert "c.pos1" not in debate_graph(plain).ids
    linked = Debate(
        title="T",
        positions=plain.positions,
        consequences=(outcome,),
        relations=(Relation("r1", "support", "c.pos1", "p1"),),
    )
    assert _strength(linked, "p1") > _strength(plain, "p1")
    attacked = Debate(
        title="T",
        positions=plain.positions,
        consequences=(outcome,),
        relations=(Relation("r1", "attack", "c.pos1", "p1"),),
    )
    assert _strength(attacked, "p1") < _strength(plain, "p1")
