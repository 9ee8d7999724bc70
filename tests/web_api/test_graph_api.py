"""The REST API for the graph: nested points, moves, deletes with descendants,
typed relations and schools, each with versions and 409s."""

from __future__ import annotations

from typing import Any

from web_api_helpers import upload

from store_samples import sample_debate


def _debate(owner: Any) -> int:
    r = upload(owner, sample_debate(positions=3))
    assert r.status_code == 201, r.text
    return int(r.json()["debate"]["id"])


def test_points_answer_points_move_and_go_with_their_answers(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    a = t.post(
        f"/api/debates/{d}/evidence",
        json={"parent": "p1.a1", "stance": "against", "text": "But the release was reversed."},
    )
    assert a.status_code == 201, a.text
    assert (a.json()["id"], a.json()["parent"], a.json()["position_id"]) == (
        "p1.a1.a1",
        "p1.a1",
        "p1",
    )
    b = t.post(
        f"/api/debates/{d}/evidence",
        json={
            "parent": "p1.a1.a1",
            "stance": "for",
            "text": "Camps refilled by 1935.",
            "historians": [{"name": "Khlevniuk", "stance": "for"}],
            "tags": ["camps"],
        },
    )
    assert b.status_code == 201 and b.json()["id"] == "p1.a1.a1.f1"
    assert b.json()["historians"] == [{"name": "Khlevniuk", "key": "khlevniuk", "stance": "for"}]
    wrong = t.post(
        f"/api/debates/{d}/evidence",
        json={"position_id": "p2", "parent": "p1.a1", "stance": "for", "text": "x"},
    )
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "parent"
    loop = t.patch(f"/api/debates/{d}/evidence/p1.a1", json={"version": 1, "parent": "p1.a1.a1.f1"})
    assert loop.status_code == 422 and "below itself" in loop.json()["error"]["message"]
    moved = t.patch(f"/api/debates/{d}/evidence/p1.a1.a1", json={"version": 1, "parent": "p1.f2"})
    assert moved.status_code == 200 and moved.json()["parent"] == "p1.f2"
    stale = t.patch(f"/api/debates/{d}/evidence/p1.a1.a1", json={"version": 1, "parent": None})
    assert stale.status_code == 409 and stale.json()["current"]["parent"] == "p1.f2"
    assert t.delete(f"/api/debates/{d}/evidence/p1.f2?version=1").status_code == 204
    left = {e["id"] for e in t.get(f"/api/debates/{d}/evidence?limit=200").json()["items"]}
    assert "p1.f2" not in left and "p1.a1.a1" not in left and "p1.a1.a1.f1" not in left
    assert "p1.a1" in left


def test_typed_relations_across_positions_and_on_relations(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    r1 = t.post(
        f"/api/debates/{d}/relations", json={"kind": "support", "source": "p1.a1", "target": "p2"}
    )
    assert r1.status_code == 201, r1.text
    assert (r1.json()["id"], r1.json()["version"]) == ("r1", 1)
    r2 = t.post(
        f"/api/debates/{d}/relations", json={"kind": "undercut", "source": "p3.f1", "target": "r1"}
    )
    assert r2.status_code == 201 and r2.json()["target"] == "r1"
    bad = t.post(
        f"/api/debates/{d}/relations", json={"kind": "support", "source": "p3.f1", "target": "r1"}
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "target"
    missing = t.post(
        f"/api/debates/{d}/relations", json={"kind": "attack", "source": "p9", "target": "p1"}
    )
    assert missing.status_code == 422 and "p9" in missing.json()["error"]["message"]
    kinds = [(r["kind"], r["id"]) for r in t.get(f"/api/debates/{d}/relations").json()["items"]]
    assert ("support", "r1") in kinds and ("undercut", "r2") in kinds
    assert ("rebuts", None) in kinds  # the handout's rebuttals are listed too
    ok = t.patch(f"/api/debates/{d}/relations/r1", json={"version": 1, "text": "both say so"})
    assert ok.status_code == 200 and ok.json()["version"] == 2
    late = t.patch(f"/api/debates/{d}/relations/r1", json={"version": 1, "text": "late"})
    assert late.status_code == 409 and late.json()["current"]["text"] == "both say so"
    assert t.delete(f"/api/debates/{d}/relations/r1?version=1").status_code == 409
    assert t.delete(f"/api/debates/{d}/relations/r1?version=2").status_code == 204
    assert t.get(f"/api/debates/{d}/relations/r2").status_code == 404  # the undercut went too
    exported = t.get(f"/api/debates/{d}/export?format=json")
    assert exported.status_code == 200


def test_schools_and_rights(browser: Any, school: dict[str, Any]) -> None:
    owner, student, d = school["owner"], school["student"], school["debate"]
    made = owner.post(f"/api/debates/{d}/schools", json={"name": "Structural", "positions": ["p1"]})
    assert made.status_code == 201, made.text
    sid = made.json()["id"]
    assert student.post(f"/api/debates/{d}/schools", json={"name": "Mine"}).status_code == 403
    assert (
        student.post(
            f"/api/debates/{d}/evidence", json={"parent": "p1.f1", "stance": "for", "text": "x"}
        ).status_code
        == 403
    )
    assert student.get(f"/api/debates/{d}/schools").json()["items"][0]["name"] == "Structural"
    renamed = owner.patch(
        f"/api/debates/{d}/schools/{sid}", json={"version": 1, "positions": ["p1", "p2"]}
    )
    assert renamed.status_code == 200 and renamed.json()["positions"] == ["p1", "p2"]
    bad = owner.patch(f"/api/debates/{d}/schools/{sid}", json={"version": 2, "positions": ["p99"]})
    assert bad.status_code == 422
    assert owner.delete(f"/api/debates/{d}/schools/{sid}?version=1").status_code == 409
    assert owner.delete(f"/api/debates/{d}/schools/{sid}?version=2").status_code == 204


def test_a_batch_with_a_bad_relation_keeps_nothing(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    r = t.post(
        f"/api/debates/{d}/changes",
        json={
            "operations": [
                {
                    "op": "create_evidence",
                    "data": {"parent": "p1.f1", "stance": "for", "text": "y"},
                },
                {
                    "op": "create_relation",
                    "data": {"kind": "support", "source": "p1", "target": "p8"},
                },
            ]
        },
    )
    assert r.status_code == 422
    ids = {e["id"] for e in t.get(f"/api/debates/{d}/evidence?limit=200").json()["items"]}
    assert "p1.f1.f1" not in ids


def test_openapi_lists_the_graph_resources(browser: Any) -> None:
    paths = browser().get("/openapi.json").json()["paths"]
    for path in (
        "/api/debates/{debate_id}/relations",
        "/api/debates/{debate_id}/relations/{relation_id}",
        "/api/debates/{debate_id}/schools",
        "/api/debates/{debate_id}/schools/{school_id}",
    ):
        assert path in paths, path
    assert "409" in paths["/api/debates/{debate_id}/relations/{relation_id}"]["patch"]["responses"]


def test_a_position_takes_tags_and_refuses_an_empty_or_null_one(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    made = t.post(f"/api/debates/{d}/positions", json={"title": "War scare", "tags": ["#fear"]})
    assert made.status_code == 201, made.text
    assert made.json()["tags"] == ["fear"]
    node = made.json()["id"]
    patched = t.patch(
        f"/api/debates/{d}/positions/{node}", json={"version": 1, "tags": ["fear", "1927"]}
    )
    assert patched.status_code == 200 and patched.json()["tags"] == ["fear", "1927"]
    for bad in ([""], None, ["#"]):
        r = t.patch(f"/api/debates/{d}/positions/{node}", json={"version": 2, "tags": bad})
        assert r.status_code == 422, (bad, r.text)
        assert r.json()["error"]["field"].startswith("tags")
    again = t.get(f"/api/debates/{d}/positions/{node}").json()
    assert again["tags"] == ["fear", "1927"] and again["version"] == 2
