from __future__ import annotations

from quaestio.model import Consequence, Debate, Evidence, Position, validate


def _debate(*evidence: Evidence, weight: float = 0.5) -> Debate:
    return Debate(
        title="T",
        positions=(Position("p1", "P", evidence=evidence, weight=weight),),
        consequences=(Consequence("c.pos1", "positive", "good"),),
    )


def test_sound_debate_has_no_problems() -> None:
    debate = _debate(
        Evidence("p1.f1", "for", "x"), Evidence("p1.a1", "against", "y", rebuts=("p1.f1",))
    )
    assert validate(debate) == []


def test_every_problem_is_reported_at_once_and_names_its_node() -> None:
    debate = _debate(
        Evidence("p1.f1", "for", "x", weight=1.7),
        Evidence("p1.f1", "for", "dup"),
        Evidence("p1.a1", "against", "y", rebuts=("p9.f9",)),
        weight=-0.1,
    )
    problems = {(p.code, p.node, p.field) for p in validate(debate)}
    assert ("weight_out_of_range", "p1.f1", "weight") in problems
    assert ("duplicate_id", "p1.f1", "id") in problems
    assert ("dangling_rebuttal", "p1.a1", "rebuts") in problems
    assert ("weight_out_of_range", "p1", "weight") in problems


def test_bad_stance_polarity_and_self_rebuttal() -> None:
    debate = Debate(
        title="",
        positions=(Position("p1", "P", evidence=(Evidence("e", "maybe", "t", rebuts=("e",)),)),),  # type: ignore[arg-type]
        consequences=(Consequence("c", "neutral", "x"),),  # type: ignore[arg-type]
    )
    codes = {p.code for p in validate(debate)}
    assert {"empty_title", "bad_stance", "self_rebuttal", "bad_polarity"} <= codes


def test_with_weights_replaces_only_named_nodes() -> None:
    debate = _debate(Evidence("p1.f1", "for", "x"), Evidence("p1.a1", "against", "y"))
    changed = debate.with_weights({"p1.f1": 0.9, "c.pos1": 0.1})
    assert changed.evidence_by_id()["p1.f1"].weight == 0.9
    assert changed.evidence_by_id()["p1.a1"].weight == 0.5
    assert changed.consequences[0].weight == 0.1
