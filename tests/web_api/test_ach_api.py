"""The ACH endpoints: rate or clear a cell, set weights; versions, roles, and the verdict follows."""

from __future__ import annotations

from typing import Any

from web_api_helpers import upload

from store_samples import sample_debate


def _debate(owner: Any) -> int:
    r = upload(owner, sample_debate(positions=3))
    assert r.status_code == 201, r.text
    return int(r.json()["debate"]["id"])


def _ranking(client: Any, d: int) -> list[str]:
    body = client.get(f"/api/debates/{d}/evaluation?semantics=ach").json()
    return [row["id"] for row in body["evaluation"]["positions"]]


def test_a_rated_cell_persists_is_marked_and_moves_the_verdict(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    matrix = t.get(f"/api/debates/{d}/ach").json()
    assert matrix["cells"]["p1.a1"]["p2"] == {"rating": "I", "origin": "analyst"}
    assert matrix["cells"]["p1.f1"]["p1"]["origin"] == "derived"
    before = _ranking(t, d)
    winner = before[0]
    item = f"{winner}.f1"
    r = t.put(f"/api/debates/{d}/ach/{item}/{winner}", json={"version": 1, "rating": "II"})
    assert r.status_code == 200, r.text
    assert r.json()["ach"] == {winner: "II"} and r.json()["version"] == 2
    cell = t.get(f"/api/debates/{d}/ach").json()["cells"][item][winner]
    assert cell == {"rating": "II", "origin": "analyst"}
    assert _ranking(t, d)[0] != winner  # the evaluation reads the stored rating
    # the exported debate carries it too
    exported = t.get(f"/api/debates/{d}/export?format=json").json()
    rated = [e for p in exported["positions"] for e in p["evidence"] if e["id"] == item]
    assert rated[0]["ach"] == {winner: "II"}
    cleared = t.delete(f"/api/debates/{d}/ach/{item}/{winner}?version=2")
    assert cleared.status_code == 200 and cleared.json()["ach"] == {}
    assert _ranking(t, d) == before


def test_stale_versions_get_409_with_the_current_item(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    assert (
        t.put(f"/api/debates/{d}/ach/p1.f1/p2", json={"version": 1, "rating": "C"}).status_code
        == 200
    )
    stale = t.put(f"/api/debates/{d}/ach/p1.f1/p2", json={"version": 1, "rating": "I"})
    assert stale.status_code == 409
    assert stale.json()["current"]["ach"] == {"p2": "C"}
    assert stale.json()["current"]["version"] == 2
    assert (
        t.patch(f"/api/debates/{d}/ach/p1.f1", json={"version": 1, "relevance": 0.5}).status_code
        == 409
    )
    assert t.delete(f"/api/debates/{d}/ach/p1.f1/p2?version=1").status_code == 409


def test_weights_are_set_cleared_and_checked(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    r = t.patch(f"/api/debates/{d}/ach/p1.f1", json={"version": 1, "relevance": 0.25})
    assert r.status_code == 200
    assert (r.json()["relevance"], r.json()["credibility"]) == (0.25, 0.6)  # untouched stays
    r = t.patch(f"/api/debates/{d}/ach/p1.f1", json={"version": 2, "credibility": None})
    assert r.json()["credibility"] is None and r.json()["relevance"] == 0.25
    assert t.get(f"/api/debates/{d}/ach").json()["credibility"]["p1.f1"] == 0.3  # its weight
    bad = t.patch(f"/api/debates/{d}/ach/p1.f1", json={"version": 3, "relevance": 2})
    assert bad.status_code == 422
    bad = t.put(f"/api/debates/{d}/ach/p1.f1/p2", json={"version": 3, "rating": "maybe"})
    assert bad.status_code == 422
    missing = t.put(f"/api/debates/{d}/ach/p1.f1/p9", json={"version": 3, "rating": "C"})
    assert missing.status_code == 404 and missing.json()["error"]["field"] == "position_id"


def test_students_read_but_cannot_rate_and_cookies_need_csrf(school: dict[str, Any]) -> None:
    d = school["debate"]
    student, owner = school["student"], school["owner"]
    assert student.get(f"/api/debates/{d}/ach").status_code == 200
    evidence = student.get(f"/api/debates/{d}/ach").json()["evidence"][0]
    position = student.get(f"/api/debates/{d}/ach").json()["positions"][0]
    url = f"/api/debates/{d}/ach/{evidence}/{position}"
    assert student.put(url, json={"version": 1, "rating": "C"}).status_code == 403
    assert school["outsider"].get(f"/api/debates/{d}/ach").status_code == 404
    no_csrf = owner.put(url, json={"version": 1, "rating": "C"}, headers={"X-CSRF-Token": ""})
    assert no_csrf.status_code == 403
    assert owner.put(url, json={"version": 1, "rating": "C"}).status_code == 200


def test_openapi_documents_the_ach_endpoints(browser: Any) -> None:
    paths = browser().get("/openapi.json").json()["paths"]
    cell = paths["/api/debates/{debate_id}/ach/{node_id}/{position_id}"]
    assert {"put", "delete"} <= set(cell) and "409" in cell["put"]["responses"]
    assert "patch" in paths["/api/debates/{debate_id}/ach/{node_id}"]
    assert "get" in paths["/api/debates/{debate_id}/ach"]


def test_a_batch_of_judgements_is_all_or_nothing(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    ops = [
        {
            "op": "update_ach",
            "id": "p1.f1",
            "version": 1,
            "data": {"ratings": {"p2": "CC", "p3": "I"}, "relevance": 0.5},
        },
        {"op": "update_ach", "id": "p1.a1", "version": 1, "data": {"ratings": {"p2": None}}},
        {"op": "update_ach", "id": "p2.f1", "version": 1, "data": {"ratings": {"p9": "C"}}},
    ]
    failed = t.post(f"/api/debates/{d}/changes", json={"operations": ops})
    assert failed.status_code == 404, failed.text
    assert t.get(f"/api/debates/{d}/evidence/p1.f1").json()["ach"] == {}
    bad = t.post(
        f"/api/debates/{d}/changes",
        json={"operations": [{**ops[0], "data": {"ratings": {"p2": "maybe"}}}]},
    )
    assert bad.status_code == 422 and "operations.0.data.ratings" in bad.json()["error"]["field"]
    done = t.post(f"/api/debates/{d}/changes", json={"operations": ops[:2]})
    assert done.status_code == 200, done.text
    first, second = done.json()["results"]
    assert (first["ach"], first["relevance"], first["version"]) == ({"p2": "CC", "p3": "I"}, 0.5, 2)
    assert second["ach"] == {} and second["version"] == 2  # p1.a1's rating of p2 is cleared
    matrix = t.get(f"/api/debates/{d}/ach").json()
    # a cleared cell is back to the neutral default, so the sparse answer leaves it out
    assert "p2" not in matrix["cells"].get("p1.a1", {})
    assert matrix["default"] == {"rating": "N", "origin": "derived"}
    revisions = t.get(f"/api/debates/{d}/revisions").json()["items"]
    assert [r["resource_id"] for r in revisions[:2]] == ["p1.a1", "p1.f1"]
