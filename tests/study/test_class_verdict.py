"""The class verdict: the balance under the students' mean weights, with the teacher's
weights as the class default and the spread of the students' own rankings."""

from __future__ import annotations

import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.model import Debate
from quaestio.reasoning.balance import balance
from quaestio.study.class_verdict import class_verdict

from .conftest import build_crash_debate

CRASH = build_crash_debate()
POINTS = [e.id for _, e in CRASH.iter_evidence()]
weight = st.floats(0.0, 1.0, allow_nan=False).map(lambda x: round(x, 2))
one_student = st.dictionaries(st.sampled_from(POINTS), weight, max_size=6)


def test_no_rating_and_no_teacher_is_the_debates_own_verdict(crash: Debate) -> None:
    result = class_verdict(crash, {})
    assert result.raters == 0 and result.defaults == "debate" and not result.consensus
    assert [p.id for p in result.positions] == [p.id for p in balance(crash).positions]
    assert all(p.best_rank == p.worst_rank == p.rank for p in result.positions)


def test_the_teachers_weights_are_the_class_default(crash: Debate) -> None:
    point = crash.positions[-1].supporting[0].id
    teacher = {point: 1.0}
    result = class_verdict(crash, {"ann": {}}, teacher)
    assert result.defaults == "teacher" and result.raters == 0  # a student who rated nothing
    expected = balance(crash.with_weights(teacher)).ranks()
    assert {p.id: p.rank for p in result.positions} == expected


def test_a_locked_class_is_the_teachers_verdict_whatever_the_students_say(crash: Debate) -> None:
    teacher = {POINTS[0]: 0.9}
    students = {"ann": {POINTS[1]: 1.0}, "bob": {POINTS[2]: 0.0}}
    locked = class_verdict(crash, students, teacher, locked=True)
    alone = class_verdict(crash, {}, teacher)
    assert locked.locked and locked.raters == 0 and not locked.ratings
    assert [p.to_dict() for p in locked.positions] == [p.to_dict() for p in alone.positions]


def test_unknown_nodes_are_ignored(crash: Debate) -> None:
    result = class_verdict(crash, {"ann": {"p99.f1": 1.0}}, {"gone": 0.3})
    assert result.raters == 0 and result.defaults == "debate"


@settings(max_examples=40, deadline=None)
@given(
    students=st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), one_student, max_size=4),
    teacher=one_student,
)
def test_the_class_ranks_by_the_mean_and_the_spread_brackets_each_student(
    students: dict[str, dict[str, float]], teacher: dict[str, float]
) -> None:
    result = class_verdict(CRASH, students, teacher)
    raters = {s: w for s, w in students.items() if w}
    assert result.raters == len(raters)
    # each rated point at the mean of those who rated it, the teacher's weight otherwise
    means = dict(teacher)
    for node in {n for w in raters.values() for n in w}:
        values = [w[node] for w in raters.values() if node in w]
        means[node] = statistics.fmean(values)
        rating = next(r for r in result.ratings if r.node_id == node)
        assert abs(rating.spread - statistics.pstdev(values)) < 1e-9 and rating.raters == len(
            values
        )
    assert {p.id: p.rank for p in result.positions} == balance(CRASH.with_weights(means)).ranks()
    # every student's own ranking (their weights over the teacher's) lies in the spread
    for own in raters.values():
        ranks = balance(CRASH.with_weights({**teacher, **own})).ranks()
        for p in result.positions:
            assert p.best_rank <= ranks[p.id] <= p.worst_rank
    firsts = sum(p.first_for for p in result.positions)
    assert firsts >= len(raters)  # everyone puts something first (level places count for each)
    if result.consensus:
        top = [p for p in result.positions if p.rank == 1]
        assert all(p.first_for == len(raters) for p in top)


def test_the_api_shape_has_no_engine_words(crash: Debate) -> None:
    data = class_verdict(crash, {"ann": {POINTS[0]: 0.9}, "bob": {POINTS[0]: 0.1}}).to_dict()
    assert data["raters"] == 2 and data["disputed"][0]["node_id"] == POINTS[0]
    text = " ".join(p["text"] for p in data["summary"] + data["reasons"])
    assert "dfquad" not in text and "strength" not in text
