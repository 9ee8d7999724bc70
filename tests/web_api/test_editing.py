"""Versions, 409s with the current state, soft delete and undo, pagination, error bodies."""

from __future__ import annotations

from typing import Any

from web_api_helpers import upload

from store_samples import sample_debate


def _debate(owner: Any, positions: int = 3) -> int:
    r = upload(owner, sample_debate(positions=positions))
    assert r.status_code == 201, r.text
    return int(r.json()["debate"]["id"])


def test_stale_write_gets_409_with_current_state(browser: Any) -> None:
    alice = browser().signup("alice")
    d = _debate(alice)
    bob_tab = alice  # the same teacher in two tabs reads version 1 twice
    first = alice.patch(
        f"/api/debates/{d}/evidence/p1.f1", json={"version": 1, "text": "First edit."}
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = bob_tab.patch(f"/api/debates/{d}/evidence/p1.f1", json={"version": 1, "weight": 0.1})
    assert stale.status_code == 409
    body = stale.json()
    assert body["error"]["code"] == "conflict" and body["error"]["field"] == "version"
    assert body["current"]["text"] == "First edit." and body["current"]["version"] == 2
    retry = bob_tab.patch(f"/api/debates/{d}/evidence/p1.f1", json={"version": 2, "weight": 0.1})
    assert retry.status_code == 200
    final = alice.get(f"/api/debates/{d}/evidence/p1.f1").json()
    assert (final["text"], final["weight"], final["version"]) == ("First edit.", 0.1, 3)


def test_versions_for_debate_positions_consequences_and_personal_rows(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    full = t.get(f"/api/debates/{d}").json()
    assert full["versions"]["p1"] == 1 and full["versions"]["c.neg1"] == 1
    assert t.patch(f"/api/debates/{d}", json={"version": 1, "question": "Why?"}).status_code == 200
    assert t.patch(f"/api/debates/{d}", json={"version": 1, "question": "How?"}).status_code == 409
    p = t.patch(
        f"/api/debates/{d}/positions/p2", json={"version": 1, "historians": ["Bury", "Heather"]}
    )
    assert p.status_code == 200 and [h["name"] for h in p.json()["historians"]] == [
        "Bury",
        "Heather",
    ]
    assert p.json()["version"] == 2
    assert (
        t.patch(f"/api/debates/{d}/positions/p2", json={"version": 1, "title": "x"}).status_code
        == 409
    )
    c = t.patch(f"/api/debates/{d}/consequences/c.neg1", json={"version": 1, "weight": 0.2})
    assert c.status_code == 200
    assert t.delete(f"/api/debates/{d}/consequences/c.neg1?version=1").status_code == 409
    assert t.delete(f"/api/debates/{d}/consequences/c.neg1?version=2").status_code == 204
    w1 = t.put(f"/api/debates/{d}/weights/p1.a1", json={"value": 0.3, "version": 0})
    assert w1.status_code == 200 and w1.json()["version"] == 1
    again = t.put(f"/api/debates/{d}/weights/p1.a1", json={"value": 0.4, "version": 0})
    assert again.status_code == 409 and again.json()["current"]["value"] == 0.3
    v = t.put(f"/api/debates/{d}/verdict", json={"text": "one", "version": 0}).json()
    assert (
        t.put(
            f"/api/debates/{d}/verdict", json={"text": "two", "version": v["version"]}
        ).status_code
        == 200
    )
    assert t.get(f"/api/debates/{d}/verdict").json()["text"] == "two"
    r = t.put(
        f"/api/debates/{d}/reviews/card-7", json={"state": {"due": "2030-01-01"}, "version": 0}
    )
    assert r.status_code == 200
    assert t.get(f"/api/debates/{d}/reviews").json()["items"][0]["state"] == {"due": "2030-01-01"}


def test_evidence_create_rebut_and_delete_keep_the_debate_consistent(browser: Any) -> None:
    t = browser().signup("editor")
    d = _debate(t)
    new = t.post(
        f"/api/debates/{d}/evidence",
        json={
            "position_id": "p3",
            "stance": "against",
            "text": "A new counter.",
            "rebuts": ["p3.f2"],
        },
    )
    assert new.status_code == 201 and new.json()["id"] == "p3.a3"
    dangling = t.post(
        f"/api/debates/{d}/evidence",
        json={"position_id": "p3", "stance": "for", "text": "x", "rebuts": ["nope"]},
    )
    assert dangling.status_code == 422 and dangling.json()["error"]["field"] == "rebuts"
    rel = t.post(f"/api/debates/{d}/relations", json={"source": "p1.a2", "target": "p1.f1"})
    assert rel.status_code == 201
    pairs = {
        (r["source"], r["target"])
        for r in t.get(f"/api/debates/{d}/relations?limit=200").json()["items"]
    }
    assert {("p3.a3", "p3.f2"), ("p1.a2", "p1.f1"), ("p1.a1", "p1.f1")} <= pairs
    # deleting the rebutted point removes rebuttals that pointed at it
    assert t.delete(f"/api/debates/{d}/evidence/p1.f1?version=1").status_code == 204
    debate = t.get(f"/api/debates/{d}").json()["debate"]
    ids = [e["id"] for p in debate["positions"] for e in p["evidence"]]
    assert "p1.f1" not in ids
    assert all("p1.f1" not in e["rebuts"] for p in debate["positions"] for e in p["evidence"])
    assert t.get(f"/api/debates/{d}/evidence/p1.f1").status_code == 404
    # a whole position goes with its evidence
    assert t.delete(f"/api/debates/{d}/positions/p3?version=1").status_code == 204
    assert [p["id"] for p in t.get(f"/api/debates/{d}").json()["debate"]["positions"]] == [
        "p1",
        "p2",
    ]
    history = t.get(f"/api/debates/{d}/revisions").json()
    assert (
        history["items"][0]["action"] == "delete" and history["items"][0]["resource"] == "position"
    )


def test_soft_delete_and_undo_through_the_api(browser: Any) -> None:
    t = browser().signup("deleter")
    d = _debate(t)
    assert t.delete(f"/api/debates/{d}").json()["deleted_at"] is not None
    assert t.get(f"/api/debates/{d}").status_code == 404
    assert t.get("/api/debates").json()["total"] == 0
    assert [x["id"] for x in t.get("/api/debates?deleted=true").json()["items"]] == [d]
    back = t.post(f"/api/debates/{d}/restore")
    assert back.status_code == 200 and back.json()["deleted_at"] is None
    assert t.get(f"/api/debates/{d}").json()["debate"]["title"].startswith("Why did")


def test_pagination_of_lists(browser: Any) -> None:
    t = browser().signup("pager")
    d = _debate(t, positions=4)
    page1 = t.get(f"/api/debates/{d}/evidence?limit=5&offset=0").json()
    page2 = t.get(f"/api/debates/{d}/evidence?limit=5&offset=5").json()
    everything = t.get(f"/api/debates/{d}/evidence?limit=200").json()
    assert page1["total"] == page2["total"] == everything["total"] == 16
    assert [e["id"] for e in page1["items"] + page2["items"]] == [
        e["id"] for e in everything["items"]
    ][:10]
    assert page1["items"][0]["id"] == "p1.f1"
    for i in range(3):
        _debate(t, positions=i + 1)
    listing = t.get("/api/debates?limit=2&offset=2").json()
    assert listing["total"] == 4 and len(listing["items"]) == 2 and listing["limit"] == 2
    bad = t.get("/api/debates?limit=0")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "limit"


def test_error_bodies_name_code_message_and_field(browser: Any) -> None:
    t = browser().signup("errs")
    d = _debate(t)
    r = t.patch(f"/api/debates/{d}/evidence/p1.f1", json={"version": 1, "weight": 7})
    assert r.status_code == 422
    assert (
        set(r.json()["error"]) >= {"code", "message", "field"}
        and r.json()["error"]["field"] == "weight"
    )
    missing = t.get(f"/api/debates/{d}/evidence/p9.f9")
    assert missing.status_code == 404 and missing.json()["error"]["field"] == "evidence_id"
    nowhere = t.get("/api/no/such/route")
    assert nowhere.status_code == 404 and nowhere.json()["error"]["code"] == "not_found"


def test_several_edits_apply_together_or_not_at_all(browser: Any) -> None:
    t = browser().signup("restructurer")
    d = _debate(t)
    ok = t.post(
        f"/api/debates/{d}/changes",
        json={
            "operations": [
                {
                    "op": "update_position",
                    "id": "p2",
                    "version": 1,
                    "data": {"title": "Frontier pressure"},
                },
                {
                    "op": "create_evidence",
                    "data": {"position_id": "p2", "stance": "for", "text": "Forts emptied."},
                },
                {"op": "delete_consequence", "id": "c.pos1", "version": 1},
            ]
        },
    )
    assert ok.status_code == 200, ok.text
    assert [r and r.get("id") for r in ok.json()["results"]] == ["p2", "p2.f3", None]
    debate = t.get(f"/api/debates/{d}").json()["debate"]
    assert debate["positions"][1]["title"] == "Frontier pressure"
    assert [c["id"] for c in debate["consequences"]] == ["c.neg1"]

    before = t.get(f"/api/debates/{d}").json()["debate"]
    failed = t.post(
        f"/api/debates/{d}/changes",
        json={
            "operations": [
                {
                    "op": "update_evidence",
                    "id": "p1.f1",
                    "version": 1,
                    "data": {"text": "Changed first."},
                },
                {"op": "delete_position", "id": "p3", "version": 1},
                {"op": "update_position", "id": "p2", "version": 1, "data": {"title": "stale"}},
            ]
        },
    )
    assert failed.status_code == 409
    assert failed.json()["current"]["title"] == "Frontier pressure"  # the stored state
    assert failed.json()["current"]["version"] == 2
    assert t.get(f"/api/debates/{d}").json()["debate"] == before  # nothing of the batch stayed
    bad = t.post(
        f"/api/debates/{d}/changes",
        json={
            "operations": [
                {"op": "update_evidence", "id": "p1.f1", "version": 1, "data": {"text": "ok"}},
                {
                    "op": "create_evidence",
                    "data": {"position_id": "p9", "stance": "for", "text": "x"},
                },
            ]
        },
    )
    assert (
        bad.status_code == 404 and t.get(f"/api/debates/{d}/evidence/p1.f1").json()["version"] == 1
    )
