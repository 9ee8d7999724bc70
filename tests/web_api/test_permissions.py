"""Every role against every kind of endpoint: owner, teacher, student, share-link reader, others.

Status expected per role; 404 (not 403) for anyone outside the debate's class, so
another class's debates do not even show that they exist.
"""

from __future__ import annotations

from typing import Any

ROLES = [
    "owner",
    "coteacher",
    "student",
    "other_student",
    "outsider",
    "other_teacher",
    "anonymous",
    "share",
]


def _actor(school: dict[str, Any], role: str) -> tuple[Any, dict[str, str]]:
    if role == "share":
        token = school["owner"].post(f"/api/debates/{school['debate']}/shares").json()["token"]
        return school["anonymous"], {"X-Share-Token": token}
    return school[role], {}


def _expect(table: dict[str, int], role: str) -> int:
    return table[role]


READ = {
    "owner": 200,
    "coteacher": 200,
    "student": 200,
    "other_student": 404,
    "outsider": 404,
    "other_teacher": 404,
    "anonymous": 404,
    "share": 200,
}
EDIT = {
    "owner": 200,
    "coteacher": 200,
    "student": 403,
    "other_student": 404,
    "outsider": 404,
    "other_teacher": 404,
    "anonymous": 401,
    "share": 401,
}
OWN_WORK = {
    "owner": 200,
    "coteacher": 200,
    "student": 200,
    "other_student": 404,
    "outsider": 404,
    "other_teacher": 404,
    "anonymous": 401,
    "share": 401,
}
RESULTS = {
    "owner": 200,
    "coteacher": 200,
    "student": 403,
    "other_student": 404,
    "outsider": 404,
    "other_teacher": 404,
    "anonymous": 401,
    "share": 401,
}
OWNER_ONLY = {
    "owner": 200,
    "coteacher": 403,
    "student": 403,
    "other_student": 404,
    "outsider": 404,
    "other_teacher": 404,
    "anonymous": 401,
    "share": 401,
}


def test_reading_the_debate_and_its_nodes(school: dict[str, Any]) -> None:
    for role in ROLES:
        _reading(school, role)


def _reading(school: dict[str, Any], role: str) -> None:
    who, headers = _actor(school, role)
    d = school["debate"]
    for url in (
        f"/api/debates/{d}",
        f"/api/debates/{d}/evidence",
        f"/api/debates/{d}/positions",
        f"/api/debates/{d}/evidence/p1.f1",
        f"/api/debates/{d}/relations",
        f"/api/debates/{d}/consequences",
        f"/api/debates/{d}/export?format=json",
    ):
        r = who.get(url, headers=headers)
        assert r.status_code == READ[role], (role, url, r.text)
    if READ[role] == 200:
        body = who.get(f"/api/debates/{d}", headers=headers).json()
        assert body["debate"]["positions"][0]["id"] == "p1"
        expected_role = {
            "owner": "owner",
            "coteacher": "teacher",
            "student": "student",
            "share": "reader",
        }[role]
        assert body["role"] == expected_role


def test_editing_content(school: dict[str, Any]) -> None:
    for role in ROLES:
        _editing(school, role)


def _editing(school: dict[str, Any], role: str) -> None:
    who, headers = _actor(school, role)
    d = school["debate"]
    version = school["owner"].get(f"/api/debates/{d}/evidence/p1.f1").json()["version"]
    r = who.patch(
        f"/api/debates/{d}/evidence/p1.f1",
        json={"version": version, "text": f"edited by {role}"},
        headers=headers,
    )
    assert r.status_code == EDIT[role], r.text
    text = school["owner"].get(f"/api/debates/{d}/evidence/p1.f1").json()["text"]
    assert (text == f"edited by {role}") == (EDIT[role] == 200)
    r = who.post(
        f"/api/debates/{d}/consequences",
        json={"polarity": "negative", "text": "x"},
        headers=headers,
    )
    assert r.status_code == {200: 201}.get(EDIT[role], EDIT[role])
    batch = {
        "operations": [
            {"op": "create_consequence", "data": {"polarity": "positive", "text": f"by {role}"}}
        ]
    }
    r = who.post(f"/api/debates/{d}/changes", json=batch, headers=headers)
    assert r.status_code == EDIT[role], r.text
    version = school["owner"].get(f"/api/debates/{d}").json()["version"]
    r = who.patch(
        f"/api/debates/{d}",
        json={"version": version, "title": f"Renamed by {role}"},
        headers=headers,
    )
    assert r.status_code == EDIT[role]


def test_own_weights_and_verdicts(school: dict[str, Any]) -> None:
    for role in ROLES:
        _own_work(school, role)


def _own_work(school: dict[str, Any], role: str) -> None:
    who, headers = _actor(school, role)
    d = school["debate"]
    r = who.put(
        f"/api/debates/{d}/weights/p1.f1", json={"value": 0.9, "version": 0}, headers=headers
    )
    assert r.status_code == OWN_WORK[role], r.text
    r = who.put(
        f"/api/debates/{d}/verdict",
        json={"text": f"{role} thinks so", "version": 0},
        headers=headers,
    )
    assert r.status_code == OWN_WORK[role]
    if OWN_WORK[role] == 200:
        mine = who.get(f"/api/debates/{d}/weights").json()["items"]
        assert [(w["node_id"], w["value"], w["user_id"]) for w in mine] == [
            ("p1.f1", 0.9, who.user_id)
        ]
        # the debate's own weight is untouched by a personal one
        assert school["owner"].get(f"/api/debates/{d}/evidence/p1.f1").json()["weight"] != 0.9


def test_a_student_cannot_read_or_write_a_classmates_work(school: dict[str, Any]) -> None:
    d = school["debate"]
    student, classmate = school["student"], school["classmate"]
    assert classmate.put(f"/api/debates/{d}/weights/p1.f1", json={"value": 0.2}).status_code == 200
    assert classmate.put(f"/api/debates/{d}/verdict", json={"text": "mine"}).status_code == 200
    r = student.get(f"/api/debates/{d}/weights?user_id={classmate.user_id}")
    assert r.status_code == 403
    assert student.get(f"/api/debates/{d}/verdicts").status_code == 403
    # a student's write only ever lands in their own rows
    student.put(f"/api/debates/{d}/weights/p1.f1", json={"value": 0.7})
    theirs = (
        school["owner"].get(f"/api/debates/{d}/weights?user_id={classmate.user_id}").json()["items"]
    )
    assert [w["value"] for w in theirs] == [0.2]


def test_class_results(school: dict[str, Any]) -> None:
    d = school["debate"]
    school["student"].put(f"/api/debates/{d}/verdict", json={"text": "Money", "favoured": "p1"})
    school["student"].put(f"/api/debates/{d}/weights/p2.a1", json={"value": 0.1})
    for role in ROLES:
        _results(school, role)


def _results(school: dict[str, Any], role: str) -> None:
    d = school["debate"]
    who, headers = _actor(school, role)
    r = who.get(f"/api/debates/{d}/verdicts", headers=headers)
    assert r.status_code == RESULTS[role]
    if r.status_code == 200:
        assert [(v["username"], v["text"], v["favoured"]) for v in r.json()["items"]] == [
            ("student", "Money", "p1")
        ]
        w = who.get(f"/api/debates/{d}/weights?user_id={school['student'].user_id}").json()
        assert [x["node_id"] for x in w["items"]] == ["p2.a1"]
    r = who.get(f"/api/debates/{d}/revisions", headers=headers)
    assert r.status_code == RESULTS[role]


def test_owner_only_actions(school: dict[str, Any]) -> None:
    for role in [r for r in ROLES if r != "owner"] + ["owner"]:
        _owner_only(school, role)


def _owner_only(school: dict[str, Any], role: str) -> None:
    who, headers = _actor(school, role)
    d = school["debate"]
    r = who.post(f"/api/debates/{d}/shares", headers=headers)
    assert r.status_code == {200: 201}.get(OWNER_ONLY[role], OWNER_ONLY[role])
    r = who.delete(f"/api/debates/{d}", headers=headers)
    assert r.status_code == OWNER_ONLY[role]
    still = school["coteacher"].get(f"/api/debates/{d}").status_code
    assert still == (404 if OWNER_ONLY[role] == 200 else 200)


def test_debate_lists_show_only_what_each_may_read(school: dict[str, Any]) -> None:
    a, b = school["debate"], school["b_debate"]

    def ids(who: Any) -> set[int]:
        return {x["id"] for x in who.get("/api/debates").json()["items"]}

    assert ids(school["owner"]) == {a}
    assert ids(school["student"]) == {a}
    assert ids(school["other_student"]) == {b}
    assert ids(school["other_teacher"]) == {b}
    assert ids(school["outsider"]) == set()
    assert ids(school["anonymous"]) == set()


def test_class_membership_rules(school: dict[str, Any]) -> None:
    ca, cb = school["class_a"]["id"], school["class_b"]["id"]
    assert school["owner"].get(f"/api/classes/{ca}/members").status_code == 200
    members = {
        m["user"]["username"]: m["role"]
        for m in school["owner"].get(f"/api/classes/{ca}/members").json()
    }
    assert members == {
        "owner": "teacher",
        "coteacher": "teacher",
        "student": "student",
        "classmate": "student",
    }
    assert school["student"].get(f"/api/classes/{ca}/members").status_code == 403
    assert school["owner"].get(f"/api/classes/{cb}").status_code == 404
    assert (
        "join_code" not in school["student"].get(f"/api/classes/{ca}").json()
        or school["student"].get(f"/api/classes/{ca}").json()["join_code"] is None
    )
    # a student cannot assign a debate to a class they do not teach
    own = school["student"].post("/api/debates/" + str(school["debate"]) + "/copy").json()
    r = school["student"].patch(f"/api/debates/{own['id']}", json={"version": 1, "class_id": ca})
    assert r.status_code == 403


def test_revoked_share_link_stops_working(school: dict[str, Any]) -> None:
    d = school["debate"]
    link = school["owner"].post(f"/api/debates/{d}/shares").json()
    anon = school["anonymous"]
    assert anon.get(f"/api/shared/{link['token']}").status_code == 200
    assert anon.get(f"/api/debates/{d}?share={link['token']}").status_code == 200
    assert school["owner"].delete(f"/api/debates/{d}/shares/{link['id']}").status_code == 204
    assert anon.get(f"/api/shared/{link['token']}").status_code == 404
    assert (
        anon.get(f"/api/debates/{d}", headers={"X-Share-Token": link["token"]}).status_code == 404
    )
    # a link to one debate opens no other
    other = school["other_teacher"].post(f"/api/debates/{school['b_debate']}/shares").json()
    assert (
        anon.get(f"/api/debates/{d}", headers={"X-Share-Token": other["token"]}).status_code == 404
    )


COPY = {
    "owner": 201,
    "coteacher": 201,
    "student": 201,
    "other_student": 404,
    "outsider": 404,
    "other_teacher": 404,
    "anonymous": 401,
    "share": 401,
}


def test_remaining_endpoints_for_every_role(school: dict[str, Any]) -> None:
    """Node creation, relations, review states, copies and evaluations, role by role."""
    import quaestio.reasoning

    d = school["debate"]
    engine = 200 if hasattr(quaestio.reasoning, "evaluate") else 501
    created = {200: 201}
    for role in ROLES:
        who, headers = _actor(school, role)
        checks = [
            (
                "POST",
                f"/api/debates/{d}/positions",
                {"title": f"by {role}"},
                {k: created.get(v, v) for k, v in EDIT.items()},
            ),
            (
                "POST",
                f"/api/debates/{d}/evidence",
                {"position_id": "p1", "stance": "for", "text": f"by {role}"},
                {k: created.get(v, v) for k, v in EDIT.items()},
            ),
            (
                "POST",
                f"/api/debates/{d}/relations",
                {"source": "p2.a2", "target": "p2.f1"},
                {k: created.get(v, v) for k, v in EDIT.items()},
            ),
            ("PUT", f"/api/debates/{d}/reviews/card-{role}", {"state": {"reps": 1}}, OWN_WORK),
            ("GET", f"/api/debates/{d}/reviews", None, OWN_WORK),
            ("POST", f"/api/debates/{d}/copy", None, COPY),
            (
                "GET",
                f"/api/debates/{d}/evaluation",
                None,
                {k: (engine if v == 200 else v) for k, v in READ.items()},
            ),
        ]
        for method, url, body, table in checks:
            r = who.request(method, url, json=body, headers=headers)
            expected = table[role]
            assert r.status_code == expected, (role, method, url, r.text)
            if method == "POST" and url.endswith("/relations") and expected == 201:
                # put it back so the next role's attempt is a fresh add
                school["owner"].delete(f"/api/debates/{d}/relations?source=p2.a2&target=p2.f1")
    # review states stay private: each user sees only their own cards
    cards = school["student"].get(f"/api/debates/{d}/reviews").json()["items"]
    assert [c["card_id"] for c in cards] == ["card-student"]
