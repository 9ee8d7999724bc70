"""The classroom's pages keep the store's rules: a student cannot moderate or see progress,
another teacher finds nothing, forms without the CSRF token change nothing, and a bad
value is a 422 page naming what to fix. (The whole class in Chromium is
tests/web_ui/test_classroom.py.)"""

from __future__ import annotations

from typing import Any


def _form(b: Any, url: str, data: dict[str, str], csrf: bool = True) -> Any:
    body = {**data, "csrf_token": b.csrf} if csrf else data
    return b.post(url, data=body, headers={"X-CSRF-Token": ""}, follow_redirects=False)


def test_only_the_classes_teacher_runs_it_from_the_web(school: dict[str, Any]) -> None:
    cid, debate = school["class_a"]["id"], school["debate"]
    student, other = school["student"], school["other_teacher"]
    point = {"claim": "p1.f1", "stance": "against", "text": "A student's point."}
    sent = _form(student, f"/classes/{cid}/d/{debate}/contribute", point)
    assert sent.status_code == 303 and "point-waiting" in sent.headers["location"]
    (waiting,) = school["owner"].get(f"/api/classes/{cid}/contributions").json()
    decide = {"decision": "approve", "version": str(waiting["version"])}
    assert _form(student, f"/classes/{cid}/queue/{waiting['id']}", decide).status_code == 403
    assert student.get(f"/classes/{cid}/queue").status_code == 403
    assert student.get(f"/classes/{cid}/progress").status_code == 403
    assert student.get(f"/classes/{cid}/progress.csv").status_code == 403
    for url in (f"/classes/{cid}", f"/classes/{cid}/queue", f"/classes/{cid}/d/{debate}"):
        assert other.get(url).status_code == 404, url
    assert other.get(f"/classes/{school['class_b']['id']}/d/{debate}").status_code == 404
    done = _form(school["owner"], f"/classes/{cid}/queue/{waiting['id']}", decide)
    assert done.status_code == 303
    assert (
        school["owner"].get(f"/api/classes/{cid}/contributions").json()[0]["status"] == "approved"
    )


def test_forms_need_the_csrf_token_and_bad_values_are_422(school: dict[str, Any]) -> None:
    cid, debate, owner = school["class_a"]["id"], school["debate"], school["owner"]
    forged = _form(
        owner, f"/classes/{cid}/settings", {"name": "Hacked", "version": "1"}, csrf=False
    )
    assert forged.status_code == 403
    assert owner.get(f"/api/classes/{cid}").json()["name"] == "A"
    bad = _form(
        school["student"],
        f"/classes/{cid}/d/{debate}/contribute",
        {"claim": "p404", "stance": "for", "text": "x"},
    )
    assert bad.status_code == 422 and "is not a claim of this debate" in bad.text
    due = _form(
        owner,
        f"/classes/{cid}/assignments",
        {"debate_id": str(debate), "title": "x", "due_at": "soon"},
    )
    assert due.status_code == 422 and "due date" in due.text
    renamed = _form(
        owner, f"/classes/{cid}/settings", {"name": "Year 12", "version": "1", "anonymous": "on"}
    )
    assert renamed.status_code == 303
    assert owner.get(f"/api/classes/{cid}").json()["anonymous"] is True


def test_a_reset_link_page_sets_the_password_once(school: dict[str, Any], browser: Any) -> None:
    cid, student = school["class_a"]["id"], school["student"]
    page = _form(school["owner"], f"/classes/{cid}/members/{student.user_id}/reset", {})
    assert page.status_code == 200 and "/reset/" in page.text
    url = "/reset/" + page.text.split("/reset/", 1)[1].split('"', 1)[0]
    anyone = browser()
    assert "Choose a new password" in anyone.get(url).text
    differ = anyone.post(url, data={"password": "new password 1", "again": "new password 2"})
    assert differ.status_code == 422
    used = anyone.post(
        url, data={"password": "new password 1", "again": "new password 1"}, follow_redirects=False
    )
    assert used.status_code == 303
    assert anyone.get(url).status_code == 404
    login = anyone.post(
        "/api/auth/login", json={"username": "student", "password": "new password 1"}
    )
    assert login.status_code == 200


def test_a_teacher_removes_a_member_and_cannot_give_another_classes_debate(
    school: dict[str, Any],
) -> None:
    cid, owner, classmate = school["class_a"]["id"], school["owner"], school["classmate"]
    gone = _form(owner, f"/classes/{cid}/members/{classmate.user_id}/remove", {})
    assert gone.status_code == 303
    assert classmate.get(f"/classes/{cid}").status_code == 404
    assert classmate.get(f"/api/debates/{school['debate']}").status_code == 404
    assert (
        _form(school["student"], f"/classes/{cid}/members/{owner.user_id}/remove", {}).status_code
        == 403
    )
    library = school["b_debate"]  # not the owner's: refused as it is, given as a copy
    # (class B's debate is not readable by A's teacher: 404 either way)
    assert (
        _form(
            owner, f"/classes/{cid}/debates", {"debate_id": str(library), "copy": "1"}
        ).status_code
        == 404
    )
