"""Hostile input never gets a 500: reader failures, explicit nulls, oversized bodies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from web_api_helpers import upload

from store_samples import sample_debate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))

from hostile_corpus import SUFFIX, hostile

from quaestio.errors import ParseError
from quaestio.formats import by_name

# One file per way a reader used to crash (a traceback in the CLI, a 500 through the API).
CASES = [
    ("docx", "laughs"),
    ("docx", "bad-rels"),
    ("docx", "empty-document"),
    ("docx", "zip-bomb"),
    ("docx", "corrupt-deflate"),
    ("json", "deep-array"),
    ("json", "long-int-field"),
    ("aif", "deep-object"),
    ("debate-md", "deep-attr"),
    ("html", "colspan"),
    ("iccma", "huge-header"),
]


@pytest.mark.parametrize(("reader", "case"), CASES)
def test_a_reader_failure_is_a_422_with_the_readers_message(
    browser: Any, reader: str, case: str
) -> None:
    data = dict(hostile(reader))[case]
    name = f"{case}{SUFFIX[reader]}"
    fmt = by_name(reader)
    assert fmt.read is not None
    with pytest.raises(ParseError) as caught:
        fmt.read(data, name)
    t = browser().signup(f"hostile{abs(hash(case)) % 10_000}")
    r = t.post("/api/imports", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["message"] == caught.value.message
    assert t.get("/api/debates").json()["total"] == 0


def test_explicit_null_is_422_naming_the_field(browser: Any) -> None:
    t = browser().signup("nulls")
    d = upload(t, sample_debate(positions=2)).json()["debate"]["id"]
    debate = t.get(f"/api/debates/{d}").json()
    evidence = debate["debate"]["positions"][0]["evidence"][0]["id"]
    consequence = (debate["debate"].get("consequences") or [{"id": None}])[0]["id"]
    targets = [
        (f"/api/debates/{d}", ["title", "question"]),
        (f"/api/debates/{d}/positions/p1", ["title", "summary", "historians", "weight"]),
        (
            f"/api/debates/{d}/evidence/{evidence}",
            ["stance", "text", "years", "references", "rebuts", "weight"],
        ),
    ]
    if consequence:
        targets.append(
            (f"/api/debates/{d}/consequences/{consequence}", ["polarity", "text", "weight"])
        )
    for url, fields in targets:
        for field in fields:
            r = t.patch(url, json={"version": 1, field: None})
            assert r.status_code == 422, (url, field, r.text)
            assert r.json()["error"]["field"] == field
    # Fields that may be cleared still take null.
    r = t.patch(f"/api/debates/{d}/evidence/{evidence}", json={"version": 1, "label": None})
    assert r.status_code == 200, r.text


def test_a_body_past_the_limit_is_refused_before_it_is_read(browser: Any, app: Any) -> None:
    t = browser().signup("bigbody")
    limit = app.state.settings.max_upload_bytes
    r = t.post(
        "/api/debates",
        content=b"[" * (limit + 2 * 1024 * 1024),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413
    assert "larger than" in r.json()["error"]["message"]


def test_sign_in_attempts_are_limited_per_account_with_back_off(browser: Any) -> None:
    browser().signup("victim")
    attacker = browser()
    statuses = [
        attacker.post("/api/auth/login", json={"username": "victim", "password": f"guess {i}"})
        for i in range(8)
    ]
    assert [r.status_code for r in statuses[:5]] == [401] * 5
    assert all(r.status_code == 429 for r in statuses[5:])
    assert "try again in" in statuses[-1].json()["error"]["message"]
    assert int(statuses[-1].headers["Retry-After"]) >= 1
    # While backed off, even the right password is refused ...
    right = {"username": "victim", "password": "correct horse battery"}
    assert attacker.post("/api/auth/login", json=right).status_code == 429
    # ... and the sign-in form says the same.
    page = attacker.client.post("/signin", data=right, follow_redirects=False)
    assert page.status_code == 429 and "try again in" in page.text


def test_guessing_api_tokens_is_limited_per_address_with_back_off(browser: Any) -> None:
    from quaestio.web.throttle import ADDRESS_FREE

    owner = browser().signup("scripted")
    token = owner.post("/api/tokens", json={"name": "ci"}).json()["token"]
    guesser = browser()
    statuses = [
        guesser.client.get("/api/classes", headers={"Authorization": f"Bearer qst_guess{i}"})
        for i in range(ADDRESS_FREE + 2)
    ]
    assert [r.status_code for r in statuses[:ADDRESS_FREE]] == [401] * ADDRESS_FREE
    assert all(r.status_code == 429 for r in statuses[ADDRESS_FREE:])
    last = statuses[-1]
    assert "try again in" in last.json()["error"]["message"]
    assert last.json()["error"]["field"] == "Authorization" and int(last.headers["Retry-After"]) >= 1
    # from that address even the real token waits, as the right password does after guesses
    real = {"Authorization": f"Bearer {token}"}
    assert guesser.client.get("/api/classes", headers=real).status_code == 429
    # while cookies still work: signed-in people are not locked out by a script's guesses
    assert owner.get("/api/classes").status_code == 200


def test_sign_in_from_another_site_is_refused(browser: Any) -> None:
    browser().signup("owner1")
    visitor = browser()
    creds = {"username": "owner1", "password": "correct horse battery"}
    forged = visitor.client.post(
        "/signin", data=creds, headers={"Origin": "https://evil.example"}, follow_redirects=False
    )
    assert forged.status_code == 403 and "quaestio_session" not in forged.cookies
    api = visitor.post("/api/auth/login", json=creds, headers={"Origin": "https://evil.example"})
    assert api.status_code == 403
    same = visitor.client.post(
        "/signin", data=creds, headers={"Origin": "http://testserver"}, follow_redirects=False
    )
    assert same.status_code == 303
