"""The classroom over HTTP: who may do what (403/404), 422 naming the field, CSRF, and a
student's point travelling through the moderation queue into the debate."""

from __future__ import annotations

import csv
import io
from typing import Any

from web_api_helpers import upload


def _url(school: dict[str, Any], tail: str = "") -> str:
    return f"/api/classes/{school['class_a']['id']}{tail}"


def test_students_points_wait_for_the_teacher_then_join_the_debate(school: dict[str, Any]) -> None:
    owner, student, classmate = school["owner"], school["student"], school["classmate"]
    debate = school["debate"]
    point = {"claim": "p1.f1", "stance": "against", "text": "Pay rose.", "source": "Davies 1998"}
    r = student.post(_url(school, f"/debates/{debate}/contributions"), json=point)
    assert r.status_code == 201, r.text
    mine = r.json()
    assert (mine["status"], mine["node_id"], mine["claim"]) == ("pending", None, "p1.f1")
    queue = owner.get(_url(school, "/contributions?status=pending")).json()
    assert [c["id"] for c in queue] == [mine["id"]] and queue[0]["author"] == "student"
    assert classmate.get(_url(school, "/contributions")).json() == []  # not a classmate's
    decision = {"decision": "approve", "version": mine["version"]}
    refused = student.post(_url(school, f"/contributions/{mine['id']}/decision"), json=decision)
    assert refused.status_code == 403
    approved = owner.post(
        _url(school, f"/contributions/{mine['id']}/decision"),
        json={**decision, "text": "Real pay rose after 1936."},
    )
    assert approved.status_code == 200, approved.text
    node = approved.json()["node_id"]
    got = owner.get(f"/api/debates/{debate}/evidence/{node}").json()
    assert (got["parent"], got["stance"], got["text"]) == (
        "p1.f1",
        "against",
        "Real pay rose after 1936.",
    )
    again = owner.post(_url(school, f"/contributions/{mine['id']}/decision"), json=decision)
    assert again.status_code == 409  # the version moved on


def test_access_rules_of_a_class(school: dict[str, Any]) -> None:
    debate, b_debate = school["debate"], school["b_debate"]
    point = {"claim": "p1", "stance": "for", "text": "x"}
    # another teacher cannot see the class at all, nor its progress
    assert school["other_teacher"].get(_url(school, "/progress")).status_code == 404
    assert (
        school["other_teacher"].patch(_url(school), json={"version": 1, "name": "x"}).status_code
        == 404
    )
    # a student cannot run the class
    assert school["student"].get(_url(school, "/progress")).status_code == 403
    assert (
        school["student"].patch(_url(school), json={"version": 1, "name": "x"}).status_code == 403
    )
    # a student sees only their class's debates
    assert school["student"].get(f"/api/debates/{b_debate}").status_code == 404
    listed = school["student"].get(_url(school, "/debates")).json()
    assert [d["id"] for d in listed] == [debate]
    # and cannot post into another class's debate, nor a debate outside the class
    other = f"/api/classes/{school['class_b']['id']}/debates/{b_debate}/contributions"
    assert school["student"].post(other, json=point).status_code == 404
    outside = school["student"].post(_url(school, f"/debates/{b_debate}/contributions"), json=point)
    assert outside.status_code == 404
    assert school["anonymous"].get(_url(school, "/debates")).status_code == 401


def test_bad_bodies_are_422_naming_the_field_and_csrf_is_required(school: dict[str, Any]) -> None:
    owner, student, debate = school["owner"], school["student"], school["debate"]
    bad = student.post(
        _url(school, f"/debates/{debate}/contributions"),
        json={"claim": "p1", "stance": "sideways", "text": "x"},
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"].endswith("stance")
    unknown = student.post(
        _url(school, f"/debates/{debate}/contributions"),
        json={"claim": "p77", "stance": "for", "text": "x"},
    )
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "claim"
    wrong_debate = owner.post(_url(school, "/assignments"), json={"debate_id": 99, "title": "x"})
    assert wrong_debate.status_code == 422 and wrong_debate.json()["error"]["field"] == "debate_id"
    no_csrf = owner.post(
        _url(school, "/assignments"),
        json={"debate_id": debate, "title": "x"},
        headers={"X-CSRF-Token": ""},
    )
    assert no_csrf.status_code == 403


def test_assignment_progress_comments_and_csv(school: dict[str, Any]) -> None:
    owner, student, debate = school["owner"], school["student"], school["debate"]
    job = owner.post(
        _url(school, "/assignments"),
        json={
            "debate_id": debate,
            "title": "Weigh it",
            "instructions": "Write a verdict.",
            "due_at": "2030-01-01T09:00:00",
        },
    )
    assert job.status_code == 201, job.text
    assert student.get(_url(school, "/assignments")).json()[0]["title"] == "Weigh it"
    assert (
        student.put(
            f"/api/debates/{debate}/weights/p1.f1", json={"value": 0.9, "version": 0}
        ).status_code
        == 200
    )
    r = student.put(
        f"/api/debates/{debate}/verdict",
        json={"text": "Economics.", "favoured": "p1", "version": 0},
    )
    assert r.status_code == 200, r.text
    done = owner.get(_url(school, f"/assignments/{job.json()['id']}/done")).json()
    assert {d["username"]: d["done"] for d in done} == {"student": True, "classmate": False}
    comment = owner.post(
        _url(school, f"/debates/{debate}/comments"),
        json={"text": "Cite a historian.", "about_user": student.user_id},
    )
    assert comment.status_code == 201, comment.text
    assert school["classmate"].get(_url(school, f"/debates/{debate}/comments")).json() == []
    assert (
        student.get(_url(school, f"/debates/{debate}/comments")).json()[0]["text"]
        == "Cite a historian."
    )
    progress = owner.get(_url(school, "/progress")).json()
    mine = next(p for p in progress if p["username"] == "student")
    assert (mine["verdict"], mine["weights"], mine["comments"]) == (
        "Economics.",
        1,
        ["Cite a historian."],
    )
    exported = owner.get(_url(school, "/progress.csv"))
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert {r["username"] for r in rows} == {"student", "classmate"}
    ratings = student.get(_url(school, f"/debates/{debate}/ratings")).json()
    assert ratings == [{"node_id": "p1.f1", "mean": 0.9, "spread": 0.0, "raters": 1}]


def test_a_class_settings_rename_archive_and_an_upload_again_into_a_class(
    school: dict[str, Any],
) -> None:
    owner = school["owner"]
    klass = owner.get(_url(school)).json()
    renamed = owner.patch(
        _url(school),
        json={"version": klass["version"], "name": "Year 12 History", "anonymous": True},
    ).json()
    assert (renamed["name"], renamed["anonymous"]) == ("Year 12 History", True)
    stale = owner.patch(_url(school), json={"version": klass["version"], "name": "x"})
    assert stale.status_code == 409
    second = owner.post("/api/classes", json={"name": "Year 13"}).json()
    again = upload(owner, class_id=str(second["id"]))  # the same file: found, and now in class 2
    assert again.status_code == 200 and not again.json()["created"]
    listed = owner.get(f"/api/classes/{second['id']}/debates").json()
    assert [d["id"] for d in listed] == [school["debate"]]
    copy = owner.post(
        f"/api/classes/{second['id']}/debates",
        json={"debate_id": school["debate"], "copy_first": True},
    )
    assert copy.status_code == 201 and copy.json()["id"] != school["debate"]
    archived = owner.patch(
        _url(school), json={"version": renamed["version"], "archived": True}
    ).json()
    assert archived["archived"]
    closed = school["student"].post(
        _url(school, f"/debates/{school['debate']}/contributions"),
        json={"claim": "p1", "stance": "for", "text": "x"},
    )
    assert closed.status_code == 403


def test_a_teachers_reset_link_works_once(school: dict[str, Any], browser: Any) -> None:
    owner, student = school["owner"], school["student"]
    refused = school["classmate"].post(_url(school, f"/members/{student.user_id}/reset-link"))
    assert refused.status_code == 403
    link = owner.post(_url(school, f"/members/{student.user_id}/reset-link"))
    assert link.status_code == 201, link.text
    token = link.json()["url"].rsplit("/", 1)[1]
    anyone = browser()
    assert (
        anyone.post(
            "/api/auth/reset", json={"token": token, "password": "brand new pw"}
        ).status_code
        == 204
    )
    assert (
        anyone.post(
            "/api/auth/reset", json={"token": token, "password": "brand new pw"}
        ).status_code
        == 404
    )
    assert student.get("/api/auth/me").json()["user"] is None  # signed out everywhere
    login = anyone.post("/api/auth/login", json={"username": "student", "password": "brand new pw"})
    assert login.status_code == 200


def test_a_team_has_its_own_copy_only_its_members_reach(school: dict[str, Any]) -> None:
    owner, student, classmate = school["owner"], school["student"], school["classmate"]
    body = {"name": "Reds", "debate_id": school["debate"], "members": [student.user_id]}
    assert student.post(_url(school, "/teams"), json=body).status_code == 403
    bad = owner.post(_url(school, "/teams"), json={**body, "members": []})
    assert bad.status_code == 422 and bad.json()["error"]["field"].endswith("members")
    made = owner.post(_url(school, "/teams"), json=body)
    assert made.status_code == 201, made.text
    copy = made.json()["debate_id"]
    assert copy != school["debate"] and made.json()["members"][0]["username"] == "student"
    assert student.get(f"/api/debates/{copy}").status_code == 200
    assert classmate.get(f"/api/debates/{copy}").status_code == 404
    assert school["other_teacher"].get(f"/api/debates/{copy}").status_code == 404
    assert [t["name"] for t in student.get(_url(school, "/teams")).json()] == ["Reds"]
    assert classmate.get(_url(school, "/teams")).json() == []
    point = {"claim": "p1", "stance": "for", "text": "Our own point."}
    assert (
        student.post(_url(school, f"/debates/{copy}/contributions"), json=point).status_code == 201
    )
    assert (
        classmate.post(_url(school, f"/debates/{copy}/contributions"), json=point).status_code
        == 404
    )
    gone = owner.delete(_url(school, f"/teams/{made.json()['id']}"))
    assert gone.status_code == 204 and student.get(f"/api/debates/{copy}").status_code == 404
