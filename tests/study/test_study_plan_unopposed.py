"""Essay plans say when an explanation ranks high only because nothing answers it.

Which explanations are unopposed is re-derived here from the model (support but
no countering evidence), never taken from the plan, and every caveat must cite
the supporting evidence its place rests on.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from quaestio.model import Debate
from quaestio.reasoning import evaluate
from quaestio.study.plan import EssayPlan, essay_plan
from quaestio.study.render import plan_html, plan_markdown
from quaestio.study.text import ref

from .verify import check_refs

CAVEAT = "nothing in the debate argues against it"


def _unopposed(debate: Debate) -> set[str]:
    return {p.id for p in debate.positions if p.supporting and not p.countering}


def _judgement(plan: EssayPlan, pid: str) -> tuple[str, set[str]]:
    section = next(s for s in plan.sections if s.position == pid)
    point = next(p for p in section.points if p.label == "Judgement")
    return point.text, {r.node for r in point.refs}


def _check_caveats(debate: Debate, plan: EssayPlan) -> None:
    alone = _unopposed(debate)
    for point in plan.points():
        check_refs(debate, point.refs)
    for position in debate.positions:
        text, cited = _judgement(plan, position.id)
        if position.id in alone:
            assert CAVEAT in text, text
            assert text.count(".") >= 1 and text.endswith(".")
            assert {e.id for e in position.supporting} <= cited
            below = {s.position for s in plan.sections if s.rank > _rank(plan, position.id)}
            for other in below - alone:
                if debate.position_by_id()[other].title in text:
                    assert other in cited
        else:
            assert CAVEAT not in text, text
    caveats = [p for p in plan.conclusion if p.label == "Caveat"]
    if alone:
        assert len(caveats) == 1
        for pid in alone:
            position = debate.position_by_id()[pid]
            assert position.title in caveats[0].text
            assert {pid, *(e.id for e in position.supporting)} <= {r.node for r in caveats[0].refs}
    else:
        assert not caveats


def _md(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


def _rank(plan: EssayPlan, pid: str) -> int:
    return next(s.rank for s in plan.sections if s.position == pid)


@pytest.mark.parametrize("semantics", ["dfquad", "grounded", "ach"])
def test_seed_plan_says_which_explanations_nothing_answers(
    seed_debate: Debate, semantics: str
) -> None:
    alone = _unopposed(seed_debate)
    assert len(alone) == 3  # the seed's last three explanations have no counter-point
    assert alone == {p.id for p in seed_debate.positions[-3:]}
    plan = essay_plan(seed_debate, semantics=semantics)
    _check_caveats(seed_debate, plan)
    # the renderings carry the caveat with its references
    markdown = plan_markdown(plan)
    html = plan_html(plan)
    for pid in alone:
        text, _ = _judgement(plan, pid)
        assert _md(text) in markdown
        support = seed_debate.position_by_id()[pid].supporting[0]
        assert ref(support).describe() in markdown
        assert support.id in html


def test_seed_caveat_names_the_answered_explanations_placed_below(seed_debate: Debate) -> None:
    """Under dfquad the unopposed three sit above the better-supported but answered ones."""
    plan = essay_plan(seed_debate, semantics="dfquad")
    alone = _unopposed(seed_debate)
    ranking = {r.id: r for r in evaluate(seed_debate, "dfquad").ranking}
    for pid in alone:
        text, cited = _judgement(plan, pid)
        outranked = [
            p
            for p in seed_debate.positions
            if p.id not in alone and ranking[p.id].strength < ranking[pid].strength - 1e-6  # type: ignore[operator]
        ]
        assert outranked
        for p in outranked[:3]:
            assert p.id in cited and p.title in text


def test_plan_without_unopposed_explanations_has_no_caveat(crash: Debate) -> None:
    assert not _unopposed(crash)
    plan = essay_plan(crash, semantics="dfquad")
    _check_caveats(crash, plan)
    assert "argues against" not in plan_markdown(plan)


def test_unopposed_leader_is_qualified_in_the_line_of_argument(crash: Debate) -> None:
    """Strip one explanation's counter-points: if it then leads, the line of argument says why."""
    outcomes = set()
    for target in crash.positions:
        positions = tuple(
            replace(p, evidence=p.supporting) if p.id == target.id else p for p in crash.positions
        )
        debate = replace(crash, positions=positions)
        plan = essay_plan(debate, semantics="dfquad")
        _check_caveats(debate, plan)
        line = next(p for p in plan.introduction if p.text.startswith("Line of argument"))
        first = [s.position for s in plan.sections if s.rank == 1]
        assert ("though nothing in the debate argues against" in line.text) == (
            target.id in first
        ), line.text
        outcomes.add(target.id in first)
    assert outcomes == {True, False}, "both an unopposed leader and an answered one are tried"
