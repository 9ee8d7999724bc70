"""Quizzes on a debate written for these tests: every question checked against the model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quaestio.errors import QuaestioError
from quaestio.model import Debate, Relation
from quaestio.study import make_quiz, mark, question_kinds
from quaestio.study.quiz import GENERATORS

from .verify import check_question

TEXT_KINDS = list(GENERATORS)
#: asked only where a relation cites a consequence as evidence (the seed cites none)
LINKED = "consequence_supports"


def cited(crash: Debate) -> Debate:
    """The crash debate citing one consequence as evidence, so that every kind is asked."""
    reform = Relation("r1", "support", "c.pos1", "p2", "the reforms aimed at the banks")
    return replace(crash, relations=(reform,))


def test_every_question_is_right_by_the_model(crash: Debate) -> None:
    crash = cited(crash)
    quiz = make_quiz(crash, n=200, seed=3, kinds=TEXT_KINDS)
    assert {q.kind for q in quiz} == set(TEXT_KINDS)
    for q in quiz:
        check_question(crash, q)


def test_same_seed_same_quiz_other_seed_other_quiz(crash: Debate) -> None:
    a = make_quiz(crash, n=12, seed=7, kinds=TEXT_KINDS)
    b = make_quiz(crash, n=12, seed=7, kinds=TEXT_KINDS)
    c = make_quiz(crash, n=12, seed=8, kinds=TEXT_KINDS)
    assert [q.to_dict() for q in a] == [q.to_dict() for q in b]
    assert [q.to_dict() for q in a] != [q.to_dict() for q in c]


def test_short_quiz_mixes_kinds(crash: Debate) -> None:
    quiz = make_quiz(cited(crash), n=len(TEXT_KINDS), seed=1, kinds=TEXT_KINDS)
    assert len({q.kind for q in quiz}) == len(TEXT_KINDS)


def test_marking_accepts_letter_number_and_text(crash: Debate) -> None:
    q = make_quiz(crash, n=1, seed=2, kinds=["historian_position"])[0]
    letter = "ABCD"[q.answer]
    for answer in (q.answer, letter, letter.lower(), str(q.answer + 1), q.correct.upper()):
        assert mark(q, answer).correct
    wrong = (q.answer + 1) % len(q.options)
    feedback = mark(q, wrong)
    assert not feedback.correct and feedback.given == q.options[wrong]
    assert feedback.expected == q.correct
    assert q.refs[0].node in feedback.message
    assert not mark(q, "nonsense").correct
    assert not mark(q, None).correct


def test_feedback_cites_the_node_and_line(crash: Debate) -> None:
    q = next(q for q in make_quiz(crash, n=40, seed=1, kinds=TEXT_KINDS) if q.kind == "rebuttal")
    message = mark(q, q.answer).message
    counter = crash.evidence_by_id()[q.fact("evidence") or ""]
    assert counter.id in message and f"line {counter.source.line_start}" in message  # type: ignore[union-attr]


def test_bad_requests_are_clear_errors(crash: Debate) -> None:
    with pytest.raises(QuaestioError, match="kind"):
        make_quiz(crash, kinds=["essay"])
    with pytest.raises(QuaestioError, match="at least one"):
        make_quiz(crash, n=0)


def test_a_debate_without_historians_or_consequences_still_gives_a_quiz(crash: Debate) -> None:
    from dataclasses import replace

    bare = replace(
        crash,
        consequences=(),
        positions=tuple(replace(p, historians=()) for p in crash.positions),
    )
    quiz = make_quiz(bare, n=30, seed=1, kinds=TEXT_KINDS)
    kinds = {q.kind for q in quiz}
    assert "consequence_polarity" not in kinds and "historian_position" not in kinds
    assert len(kinds) >= 5
    for q in quiz:
        check_question(bare, q)


def test_seed_quiz_is_right_by_the_model_and_mixes_kinds(seed_debate: Debate) -> None:
    quiz = make_quiz(seed_debate, n=300, seed=1, kinds=TEXT_KINDS)
    kinds = {q.kind for q in quiz}
    assert kinds == set(TEXT_KINDS) - {LINKED}
    for q in quiz:
        check_question(seed_debate, q)
    twenty = make_quiz(seed_debate, n=20, seed=5, kinds=TEXT_KINDS)
    assert len(twenty) == 20 and len({q.kind for q in twenty}) >= 5
    assert [q.to_dict() for q in twenty] == [
        q.to_dict() for q in make_quiz(seed_debate, n=20, seed=5, kinds=TEXT_KINDS)
    ]


def test_two_way_questions_do_not_always_put_the_answer_first(crash: Debate) -> None:
    quiz = make_quiz(crash, n=200, seed=1, kinds=["evidence_stance", "consequence_polarity"])
    assert {q.answer for q in quiz} == {0, 1}
    for q in quiz:
        assert q.options in (("supports", "counts against"), ("positive", "negative"))


def test_distractors_vary_with_the_seed(seed_debate: Debate) -> None:
    def options(seed: int) -> set[tuple[str, ...]]:
        return {
            tuple(sorted(q.options))
            for q in make_quiz(seed_debate, n=100, seed=seed, kinds=["year_event"])
        }

    assert options(1) != options(2)


def test_full_quiz_with_what_if_questions_on_both_debates(
    crash: Debate, seed_debate: Debate
) -> None:
    from quaestio.reasoning import evaluate

    for debate in (crash, seed_debate):
        assert "discount_top" not in {q.kind for q in make_quiz(debate, n=400, seed=4)}
        quiz = make_quiz(debate, n=400, seed=4, kinds=question_kinds())  # the "method" quiz
        kinds = {q.kind for q in quiz}
        assert "discount_top" in kinds and len(kinds) >= 8
        for q in quiz:
            check_question(debate, q)
        before = evaluate(debate).ranking[0].id
        for q in quiz:
            if q.kind == "discount_top":
                # only questions where discounting changes the leader are asked
                assert q.fact("position") != before
                assert debate.position_by_id()[before].title in q.options


def test_what_if_needs_weight_sensitive_semantics(crash: Debate) -> None:
    quiz = make_quiz(crash, n=50, seed=1, semantics="grounded", kinds=question_kinds())
    assert "discount_top" not in {q.kind for q in quiz}
    with pytest.raises(QuaestioError, match="semantics"):
        make_quiz(crash, n=5, semantics="nonsense", kinds=["discount_top"])


def test_questions_round_trip_through_json(crash: Debate) -> None:
    import json

    from quaestio.study import Question

    for q in make_quiz(crash, n=20, seed=6):
        again = Question.from_dict(json.loads(json.dumps(q.to_dict())))
        assert again == q
        assert mark(again, q.answer).correct
    with pytest.raises(QuaestioError, match="not a quiz question"):
        Question.from_dict({"id": "q1", "options": ["a"], "answer": 3})
    hidden = make_quiz(crash, n=1, seed=6)[0].to_dict(with_answer=False)
    assert set(hidden) == {"id", "kind", "prompt", "options"}  # no answer, no node ids


def test_dealing_many_quizzes_from_one_debate_never_changes_what_a_seed_deals(
    crash: Debate,
) -> None:
    """The drafts are kept per debate; dealing pops from them, so each quiz gets a copy."""
    first = [q.to_dict() for q in make_quiz(crash, n=200, seed=5)]
    for seed in range(12):
        make_quiz(crash, n=200, seed=seed)
    assert [q.to_dict() for q in make_quiz(crash, n=200, seed=5)] == first
    assert len(first) > 10
