"""Imports (one transaction, deduplicated, with a report), exports, and the evaluation adapter."""

from __future__ import annotations

import json
from typing import Any

from web_api_helpers import upload

from quaestio.formats import debate_json
from store_samples import sample_debate


def test_import_reports_and_stores_the_whole_debate(browser: Any) -> None:
    t = browser().signup("importer")
    debate = sample_debate(positions=4, per_side=3)
    r = upload(t, debate)
    assert r.status_code == 201
    report = r.json()
    assert report["created"] is True and report["format"] == "json"
    assert report["warnings"] == [
        {"code": "unread_line", "message": "a line was not understood", "line": 42}
    ]
    stored = t.get(f"/api/debates/{report['debate']['id']}").json()["debate"]
    assert debate_json.from_dict(stored) == debate


def test_same_file_twice_is_not_duplicated(browser: Any) -> None:
    t = browser().signup("twice")
    first = upload(t).json()
    second = upload(t)
    assert second.status_code == 200 and second.json()["created"] is False
    assert second.json()["debate"]["id"] == first["debate"]["id"]
    assert t.get("/api/debates").json()["total"] == 1
    changed = upload(t, sample_debate(positions=2))
    assert changed.status_code == 201 and t.get("/api/debates").json()["total"] == 2


def test_broken_import_is_refused_and_leaves_nothing(browser: Any) -> None:
    t = browser().signup("breaker")
    data = debate_json.to_dict(sample_debate())
    data["positions"][0]["evidence"][1]["rebuts"] = ["p7.f7"]  # dangling
    r = t.post(
        "/api/imports",
        files={"file": ("bad.debate.json", json.dumps(data).encode(), "application/json")},
    )
    assert r.status_code == 422
    assert (
        r.json()["error"]["code"] == "validation_error" and "p7.f7" in r.json()["error"]["message"]
    )
    assert any(p["code"] == "dangling_rebuttal" for p in r.json()["error"]["problems"])
    junk = t.post("/api/imports", files={"file": ("junk.json", b"{not json", "application/json")})
    assert junk.status_code == 422 and junk.json()["error"]["line"] == 1
    unknown = t.post("/api/imports", files={"file": ("notes.xyz", b"hello", "text/plain")})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_format"
    assert t.get("/api/debates").json()["total"] == 0


def test_export_gives_back_the_canonical_json(browser: Any) -> None:
    t = browser().signup("exporter")
    d = upload(t).json()["debate"]["id"]
    r = t.get(f"/api/debates/{d}/export?format=json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert debate_json.loads(r.text).debate == sample_debate()
    assert t.get(f"/api/debates/{d}/export?format=nope").status_code == 422


def test_create_from_json_body(browser: Any) -> None:
    t = browser().signup("creator")
    r = t.post("/api/debates", json=debate_json.to_dict(sample_debate(positions=1)))
    assert r.status_code == 201 and r.json()["role"] == "owner"
    bad = t.post("/api/debates", json={"title": "no positions key"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "parse_error"


def test_evaluation_answers_501_until_the_engine_is_merged(browser: Any) -> None:
    import quaestio.reasoning as reasoning

    t = browser().signup("evaluator")
    d = upload(t).json()["debate"]["id"]
    r = t.get(f"/api/debates/{d}/evaluation")
    if hasattr(reasoning, "evaluate"):
        assert r.status_code == 200 and r.json()["debate_id"] == d
        default = t.get(f"/api/debates/{d}/evaluation?semantics=dfquad&weights=default").json()
        for node in ("p1.f1", "p1.f2"):
            assert t.put(f"/api/debates/{d}/weights/{node}", json={"value": 1.0}).status_code == 200
        mine = t.get(f"/api/debates/{d}/evaluation?semantics=dfquad").json()
        assert mine["evaluation"] != default["evaluation"]  # your weights change the outcome
        bad = t.get(f"/api/debates/{d}/evaluation?semantics=nonsense")
        assert bad.status_code == 422 and bad.json()["error"]["field"] == "semantics"
    else:
        assert r.status_code == 501 and r.json()["error"]["code"] == "not_implemented"
    outsider = browser().signup("nosy")
    assert outsider.get(f"/api/debates/{d}/evaluation").status_code == 404


def test_library_debates_are_readable_and_copyable(browser: Any, app: Any) -> None:
    from quaestio.store import debates

    with app.state.db.transaction() as s:
        lib = debates.import_debate(s, sample_debate(), owner_id=None).id
    anon = browser()
    assert anon.get(f"/api/debates/{lib}").json()["role"] == "reader"
    reader = browser().signup("reader")
    assert reader.get(f"/api/debates/{lib}").json()["role"] == "student"
    assert reader.put(f"/api/debates/{lib}/weights/p1.f1", json={"value": 1.0}).status_code == 200
    assert (
        reader.patch(
            f"/api/debates/{lib}/evidence/p1.f1", json={"version": 1, "text": "x"}
        ).status_code
        == 403
    )
    copy = reader.post(f"/api/debates/{lib}/copy")
    assert copy.status_code == 201
    own = copy.json()["id"]
    assert (
        reader.patch(
            f"/api/debates/{own}/evidence/p1.f1", json={"version": 1, "text": "x"}
        ).status_code
        == 200
    )
