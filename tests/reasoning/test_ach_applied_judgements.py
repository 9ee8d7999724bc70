"""The ACH matrix and the ACH evaluation pick up the analyst's judgements carried by the debate."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reasoning_debates import river_debate

from quaestio.errors import ValidationError
from quaestio.model import AchRating, Debate, Evidence
from quaestio.reasoning import ach_matrix, evaluate


def judge(debate: Debate, evidence_id: str, **changes: object) -> Debate:
    """``debate`` with one evidence item's ACH judgements replaced."""

    def ev(e: Evidence) -> Evidence:
        return replace(e, **changes) if e.id == evidence_id else e  # type: ignore[arg-type]

    return replace(
        debate,
        positions=tuple(
            replace(p, evidence=tuple(ev(e) for e in p.evidence)) for p in debate.positions
        ),
    )


def test_debate_ratings_apply_by_default_and_are_marked_as_the_analysts() -> None:
    plain = ach_matrix(river_debate())
    assert plain.analyst == frozenset() and plain.rating("p1.f1", "p1") == "CC"
    judged = judge(river_debate(), "p1.f1", ach=(AchRating("p1", "II"), AchRating("p3", "C")))
    m = ach_matrix(judged)
    assert m.rating("p1.f1", "p1") == "II" and m.rating("p1.f1", "p3") == "C"
    assert m.analyst == {("p1.f1", "p1"), ("p1.f1", "p3")}
    assert m.origin("p1.f1", "p1") == "analyst" and m.origin("p1.f2", "p1") == "derived"
    # p1.f1 (weight 0.9) now counts twice against p1, on top of p1.a1 (0.4)
    assert m.inconsistency["p1"] == pytest.approx(0.4 + 2 * 0.9)
    assert m.to_dict()["analyst"] == {"p1.f1": ["p1", "p3"]}


def test_explicit_overrides_win_over_the_debates_ratings() -> None:
    judged = judge(river_debate(), "p1.f1", ach=(AchRating("p1", "II"),))
    m = ach_matrix(judged, {("p1.f1", "p1"): "c"})
    assert m.rating("p1.f1", "p1") == "C" and m.origin("p1.f1", "p1") == "analyst"


def test_credibility_and_relevance_scale_the_inconsistency() -> None:
    judged = judge(river_debate(), "p3.a1", credibility=0.5, relevance=0.5)
    m = ach_matrix(judged)
    assert (m.credibility["p3.a1"], m.relevance["p3.a1"]) == (0.5, 0.5)
    assert m.inconsistency["p3"] == pytest.approx(2 * 0.5 * 0.5)
    # explicit arguments still win
    m = ach_matrix(judged, relevance={"p3.a1": 1.0}, credibility={"p3.a1": 0.8})
    assert m.inconsistency["p3"] == pytest.approx(2 * 0.8)


def test_evaluate_ranks_by_the_analysts_ratings_without_being_told() -> None:
    before = [r.id for r in evaluate(river_debate(), "ach").ranking]
    assert before[0] == "p1"
    judged = judge(river_debate(), "p1.f1", ach=(AchRating("p1", "II"),))
    after = evaluate(judged, "ach")
    assert [r.id for r in after.ranking][-1] == "p1"
    row = next(r for r in after.ranking if r.id == "p1")
    assert row.strength == pytest.approx(1 / (1 + 0.4 + 2 * 0.9))
    assert row.contributions["p1.f1"] < 0  # the analyst's II makes p1.f1 count against p1
    relevant = judge(river_debate(), "p3.a1", relevance=0.0)
    assert evaluate(relevant, "ach").ranking[0].id == "p3"


def test_a_rating_for_a_missing_position_is_refused_naming_the_field() -> None:
    judged = judge(river_debate(), "p1.f1", ach=(AchRating("p9", "I"),))
    with pytest.raises(ValidationError, match="no ACH cell") as info:
        ach_matrix(judged)
    assert info.value.field == "ach"
