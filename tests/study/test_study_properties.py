"""Property tests: on any well-formed debate, study material never breaks its promises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from quaestio.model import Debate
from quaestio.study import essay_plan, make_cards, make_quiz
from quaestio.study.cards import Card
from strategies import debates  # tests/strategies.py, on sys.path via tests/conftest.py

from .verify import check_question, check_refs

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(debates())
def test_quiz_questions_are_right_on_any_debate(debate: Debate) -> None:
    quiz = make_quiz(debate, n=30, seed=1)
    assert len(quiz) <= 30
    for q in quiz:
        check_question(debate, q)
    assert [q.to_dict() for q in quiz] == [q.to_dict() for q in make_quiz(debate, n=30, seed=1)]


@SETTINGS
@given(debates())
def test_cards_cite_nodes_on_any_debate(debate: Debate) -> None:
    cards: list[Card] = make_cards(debate)
    assert len({c.id for c in cards}) == len(cards)
    for card in cards:
        check_refs(debate, card.refs)
        assert card.front.strip() and card.back.strip()


@SETTINGS
@given(debates())
def test_plans_cite_nodes_on_any_debate(debate: Debate) -> None:
    if not debate.positions:
        return
    plan = essay_plan(debate, "To what extent was the first explanation responsible?")
    assert len(plan.sections) == len(debate.positions)
    for point in plan.points():
        check_refs(debate, point.refs)
