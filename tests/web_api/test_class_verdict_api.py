"""GET /api/classes/{id}/debates/{id}/verdict: the class's verdict from the students' mean
weights, the teacher's weights as the class default, the teacher's lock respected."""

from __future__ import annotations

from typing import Any

from quaestio.formats import debate_json
from quaestio.study.class_verdict import class_verdict


def _url(school: dict[str, Any]) -> str:
    return f"/api/classes/{school['class_a']['id']}/debates/{school['debate']}/verdict"


def _weigh(b: Any, debate: int, node: str, value: float) -> None:
    r = b.put(f"/api/debates/{debate}/weights/{node}", json={"value": value, "version": 0})
    assert r.status_code == 200, r.text


def test_the_class_verdict_follows_the_mean_and_the_teachers_default(
    school: dict[str, Any],
) -> None:
    owner, student, classmate, debate = (
        school["owner"],
        school["student"],
        school["classmate"],
        school["debate"],
    )
    _weigh(owner, debate, "p2.f1", 0.9)  # the teacher's weight: the class default
    first = owner.get(_url(school))
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["raters"], body["defaults"], body["locked"]) == (0, "teacher", False)
    assert [p["id"] for p in body["positions"] if p["rank"] == 1] == ["p2"]

    _weigh(student, debate, "p1.f1", 0.9)
    _weigh(classmate, debate, "p1.f1", 0.1)
    _weigh(classmate, debate, "p3.f1", 0.95)
    body = student.get(_url(school)).json()  # a student of the class may read it too
    assert body["raters"] == 2 and not body["consensus"]
    rating = {r["node_id"]: r for r in body["ratings"]}["p1.f1"]
    assert (rating["mean"], rating["spread"], rating["raters"]) == (0.5, 0.4, 2)
    assert body["disputed"][0]["node_id"] == "p1.f1"
    # the same as the study library on the debate the API serves, with the same weights
    served = debate_json.from_dict(owner.get(f"/api/debates/{debate}").json()["debate"])
    expected = class_verdict(
        served,
        {"s": {"p1.f1": 0.9}, "c": {"p1.f1": 0.1, "p3.f1": 0.95}},
        {"p2.f1": 0.9},
    ).to_dict()
    assert body["positions"] == expected["positions"]
    assert [p["text"] for p in body["summary"]] == [p["text"] for p in expected["summary"]]
    p1 = next(p for p in body["positions"] if p["id"] == "p1")
    assert p1["best_rank"] < p1["worst_rank"] and p1["first_for"] == 1

    klass = owner.get(f"/api/classes/{school['class_a']['id']}").json()
    locked = owner.patch(
        f"/api/classes/{school['class_a']['id']}",
        json={"version": klass["version"], "weights_locked": True},
    )
    assert locked.status_code == 200, locked.text
    body = owner.get(_url(school)).json()
    assert body["locked"] and body["raters"] == 0 and body["ratings"] == []
    assert [p["id"] for p in body["positions"] if p["rank"] == 1] == ["p2"]


def test_only_the_class_reads_its_verdict(school: dict[str, Any]) -> None:
    for who in ("outsider", "other_student", "other_teacher"):
        assert school[who].get(_url(school)).status_code in (403, 404), who
    assert school["anonymous"].get(_url(school)).status_code == 401
    missing = f"/api/classes/{school['class_a']['id']}/debates/{school['b_debate']}/verdict"
    assert school["owner"].get(missing).status_code == 404


def _leaders(b: Any, debate: int, weights: str = "mine") -> list[str]:
    r = b.get(f"/api/debates/{debate}/evaluation?weights={weights}")
    assert r.status_code == 200, r.text
    rows = r.json()["verdict"]["balance"]["positions"]
    return sorted(p["id"] for p in rows if p["rank"] == 1 and p["standing"] == "holds")


def test_a_students_own_weights_start_from_the_teachers(school: dict[str, Any]) -> None:
    owner, student, debate = school["owner"], school["student"], school["debate"]
    _weigh(owner, debate, "p2.f1", 0.9)
    assert _leaders(student, debate) == ["p2"]  # the teacher's weighting is the class default
    assert _leaders(student, debate, "default") == []  # the debate's own weights
    _weigh(student, debate, "p1.f1", 0.9)
    assert _leaders(student, debate) == ["p1", "p2"]  # own ratings over the default
    plan = student.get(f"/api/debates/{debate}/plan?weights=mine").json()["plan"]
    assert plan["sections"]  # the plan is weighed the same way
    klass = owner.get(f"/api/classes/{school['class_a']['id']}").json()
    owner.patch(
        f"/api/classes/{school['class_a']['id']}",
        json={"version": klass["version"], "weights_locked": True},
    )
    assert _leaders(student, debate) == ["p2"]  # locked: the teacher's weighting only
    assert _leaders(owner, debate) == ["p2"]  # the teacher's own view is unchanged
