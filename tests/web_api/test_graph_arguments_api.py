"""The REST API for premise-conclusion arguments, the conclusion's claims and moving a
point into another position: versions, 409s, 422s naming the field, and what a move or a
delete does to everything that names the points."""

from __future__ import annotations

from typing import Any

from web_api_helpers import upload

from store_samples import sample_debate


def _debate(owner: Any) -> int:
    r = upload(owner, sample_debate(positions=3))
    assert r.status_code == 201, r.text
    return int(r.json()["debate"]["id"])


def test_arguments_hold_premises_and_a_conclusion_with_versions(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    made = t.post(
        f"/api/debates/{d}/arguments",
        json={"title": "Fear", "premises": ["p1.f1", "p2.a1"], "conclusion": "p1"},
    )
    assert made.status_code == 201, made.text
    assert (made.json()["id"], made.json()["version"]) == ("g1", 1)
    assert t.get(f"/api/debates/{d}/arguments").json()["items"][0]["premises"] == [
        "p1.f1",
        "p2.a1",
    ]
    ghost = t.post(f"/api/debates/{d}/arguments", json={"premises": ["p9"], "conclusion": "p1"})
    assert ghost.status_code == 422 and ghost.json()["error"]["field"] == "premises"
    circular = t.post(f"/api/debates/{d}/arguments", json={"premises": ["p1"], "conclusion": "p1"})
    assert circular.status_code == 422 and circular.json()["error"]["field"] == "premises"
    # no premises: a defeasible argument that presumes its conclusion (Carneades has them)
    none = t.post(f"/api/debates/{d}/arguments", json={"premises": [], "conclusion": "p1"})
    assert none.status_code == 201 and none.json()["premises"] == []
    assert t.delete(f"/api/debates/{d}/arguments/{none.json()['id']}?version=1").status_code == 204
    patched = t.patch(
        f"/api/debates/{d}/arguments/g1", json={"version": 1, "inference": "so it was planned"}
    )
    assert patched.status_code == 200 and patched.json()["version"] == 2
    stale = t.patch(f"/api/debates/{d}/arguments/g1", json={"version": 1, "title": "x"})
    assert stale.status_code == 409 and stale.json()["current"]["inference"] == "so it was planned"
    bad = t.patch(f"/api/debates/{d}/arguments/g1", json={"version": 2, "conclusion": "nope"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "conclusion"
    assert t.delete(f"/api/debates/{d}/arguments/g1?version=1").status_code == 409
    assert t.delete(f"/api/debates/{d}/arguments/g1?version=2").status_code == 204
    assert t.get(f"/api/debates/{d}/arguments/g1").status_code == 404
    # deleting a premise takes the argument with it, as Debate.without_nodes does
    t.post(f"/api/debates/{d}/arguments", json={"premises": ["p3.f1"], "conclusion": "p2"})
    assert t.delete(f"/api/debates/{d}/evidence/p3.f1?version=1").status_code == 204
    assert t.get(f"/api/debates/{d}/arguments").json()["total"] == 0


def test_conclusion_claims_judge_positions_and_go_into_the_export(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    made = t.post(
        f"/api/debates/{d}/conclusion/claims",
        json={
            "text": "He backed the purges once they had begun.",
            "judgements": [
                {"position": "p1", "verdict": "endorses"},
                {"position": "p2", "verdict": "qualifies"},
            ],
        },
    )
    assert made.status_code == 201, made.text
    kid = made.json()["id"]
    assert made.json()["judgements"][1] == {"position": "p2", "verdict": "qualifies"}
    bad = t.post(
        f"/api/debates/{d}/conclusion/claims",
        json={"text": "x", "judgements": [{"position": "p9", "verdict": "rejects"}]},
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "judgements.0.position"
    verdict = t.post(
        f"/api/debates/{d}/conclusion/claims",
        json={"text": "x", "judgements": [{"position": "p1", "verdict": "likes"}]},
    )
    assert verdict.status_code == 422  # the schema names the verdicts
    # a claim is a claim: relations may start from it
    rel = t.post(
        f"/api/debates/{d}/relations", json={"kind": "attack", "source": kid, "target": "p3"}
    )
    assert rel.status_code == 201, rel.text
    changed = t.patch(
        f"/api/debates/{d}/conclusion/claims/{kid}",
        json={"version": 1, "judgements": [{"position": "p3", "verdict": "rejects"}]},
    )
    assert changed.status_code == 200 and changed.json()["judgements"] == [
        {"position": "p3", "verdict": "rejects"}
    ]
    stale = t.patch(f"/api/debates/{d}/conclusion/claims/{kid}", json={"version": 1, "text": "y"})
    assert stale.status_code == 409 and stale.json()["current"]["version"] == 2
    exported = t.get(f"/api/debates/{d}/export?format=json").json()
    (claim,) = exported["conclusion"]["claims"]
    assert claim["judgements"] == [{"position": "p3", "verdict": "rejects"}]
    assert t.delete(f"/api/debates/{d}/conclusion/claims/{kid}?version=2").status_code == 204
    kinds = [r.get("id") for r in t.get(f"/api/debates/{d}/relations?limit=200").json()["items"]]
    assert "r1" not in kinds  # the relation from the claim went with it


def test_a_point_moves_into_another_position_with_everything_that_names_it(
    browser: Any,
) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    base = f"/api/debates/{d}"
    reply = t.post(f"{base}/evidence", json={"parent": "p1.a1", "stance": "against", "text": "r"})
    assert reply.status_code == 201 and reply.json()["id"] == "p1.a1.a1"
    deeper = t.post(f"{base}/evidence", json={"parent": "p1.a1.a1", "stance": "for", "text": "d"})
    assert deeper.json()["id"] == "p1.a1.a1.f1"
    assert (
        t.post(
            f"{base}/relations", json={"kind": "support", "source": "p1.a1.a1.f1", "target": "p2"}
        ).status_code
        == 201
    )
    assert (
        t.post(f"{base}/arguments", json={"premises": ["p1.a1.a1"], "conclusion": "p3"}).status_code
        == 201
    )
    before = t.get(f"{base}/evidence/p1.a1").json()
    assert before["rebuts"] == ["p1.f1"]  # the sample's rebuttal inside p1
    bad = t.post(f"{base}/evidence/p1.a1/move", json={"version": 1, "under": "p7"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "under"
    moved = t.post(
        f"{base}/evidence/p1.a1/move", json={"version": before["version"], "under": "p2.f1"}
    )
    assert moved.status_code == 200, moved.text
    out = moved.json()
    assert out["renamed"] == {
        "p1.a1": "p2.f1.a1",
        "p1.a1.a1": "p2.f1.a1.a1",
        "p1.a1.a1.f1": "p2.f1.a1.a1.f1",
    }
    assert (out["id"], out["position_id"], out["parent"]) == ("p2.f1.a1", "p2", "p2.f1")
    assert t.get(f"{base}/evidence/p2.f1.a1.a1.f1").json()["parent"] == "p2.f1.a1.a1"
    assert t.get(f"{base}/evidence/p1.a1").status_code == 404
    rels = t.get(f"{base}/relations?limit=200").json()["items"]
    pairs = {(r["kind"], r["source"], r["target"]) for r in rels}
    assert ("support", "p2.f1.a1.a1.f1", "p2") in pairs
    # the rebuttal of p1.f1 now joins two positions: kept, as a typed attack
    assert ("attack", "p2.f1.a1", "p1.f1") in pairs
    assert not any(r["kind"] == "rebuts" and r["source"] == "p2.f1.a1" for r in rels)
    (arg,) = t.get(f"{base}/arguments").json()["items"]
    assert arg["premises"] == ["p2.f1.a1.a1"]
    exported = t.get(f"{base}/export?format=json")
    assert exported.status_code == 200  # and the whole debate still validates
    stale = t.post(f"{base}/evidence/p2.f1.a1/move", json={"version": 1, "under": "p1"})
    assert stale.status_code == 409
    home = t.post(
        f"{base}/evidence/p2.f1.a1/move",
        json={"version": out["version"], "under": "p1", "stance": "for"},
    )
    assert home.status_code == 200, home.text
    back = home.json()["id"]
    assert back.startswith("p1.f") and home.json()["stance"] == "for"
    assert home.json()["renamed"]["p2.f1.a1.a1"] == f"{back}.a1"


def test_a_move_in_a_batch_is_all_or_nothing(browser: Any) -> None:
    t = browser().signup("teach")
    d = _debate(t)
    r = t.post(
        f"/api/debates/{d}/changes",
        json={
            "operations": [
                {"op": "move_evidence", "id": "p1.f1", "version": 1, "data": {"under": "p3"}},
                {"op": "create_argument", "data": {"premises": ["p9"], "conclusion": "p1"}},
            ]
        },
    )
    assert r.status_code == 422
    assert t.get(f"/api/debates/{d}/evidence/p1.f1").status_code == 200
    ok = t.post(
        f"/api/debates/{d}/changes",
        json={
            "operations": [
                {"op": "move_evidence", "id": "p1.f1", "version": 1, "data": {"under": "p3"}},
                {"op": "create_argument", "data": {"premises": ["p3.f1"], "conclusion": "p1"}},
            ]
        },
    )
    assert ok.status_code == 200, ok.text
    moved, made = ok.json()["results"]
    assert moved["position_id"] == "p3" and moved["renamed"] == {"p1.f1": moved["id"]}
    assert made["id"] == "g1"


def test_openapi_lists_arguments_claims_and_moves(browser: Any) -> None:
    paths = browser().get("/openapi.json").json()["paths"]
    for path in (
        "/api/debates/{debate_id}/arguments",
        "/api/debates/{debate_id}/arguments/{argument_id}",
        "/api/debates/{debate_id}/conclusion/claims",
        "/api/debates/{debate_id}/conclusion/claims/{claim_id}",
        "/api/debates/{debate_id}/evidence/{node_id}/move",
    ):
        assert path in paths, path
    assert "409" in paths["/api/debates/{debate_id}/arguments/{argument_id}"]["patch"]["responses"]
    assert "422" in paths["/api/debates/{debate_id}/conclusion/claims"]["post"]["responses"]
