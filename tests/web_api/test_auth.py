"""Accounts: argon2 passwords, cookie flags, CSRF for browsers, bearer tokens for scripts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from web_api_helpers import cookie_attrs

from quaestio.store.models import User


def test_password_is_stored_as_argon2_and_login_checks_it(browser: Any, app: Any) -> None:
    browser().signup("ada", "a long passphrase")
    with app.state.db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "ada"))
    assert stored.startswith("$argon2id$") and "a long passphrase" not in stored
    b = browser()
    bad = b.client.post("/api/auth/login", json={"username": "ada", "password": "wrong one!"})
    assert bad.status_code == 401
    assert bad.json()["error"] == {
        "code": "unauthenticated",
        "message": "wrong user name or password",
        "field": "password",
    }
    good = b.client.post(
        "/api/auth/login", json={"username": "ada", "password": "a long passphrase"}
    )
    assert good.status_code == 200
    assert b.client.get("/api/auth/me").json()["user"]["username"] == "ada"


def test_session_cookie_is_httponly_lax_and_secure_behind_tls(browser: Any) -> None:
    b = browser()
    r = b.client.post("/api/auth/signup", json={"username": "plain", "password": "long enough pw"})
    session = cookie_attrs(r, "quaestio_session")
    assert session["httponly"] and session["samesite"] == "lax" and not session["secure"]
    assert not cookie_attrs(r, "quaestio_csrf")["httponly"]  # the page's script must read it
    proxied = browser().client.post(
        "/api/auth/signup",
        json={"username": "tls", "password": "long enough pw"},
        headers={"X-Forwarded-Proto": "https"},
    )
    assert cookie_attrs(proxied, "quaestio_session")["secure"]


def test_cookie_writes_need_the_csrf_token(browser: Any) -> None:
    b = browser().signup("teacher")
    token = b.csrf
    b.csrf = None
    missing = b.post("/api/classes", json={"name": "History"})
    assert missing.status_code == 403 and missing.json()["error"]["code"] == "csrf_failed"
    wrong = b.post("/api/classes", json={"name": "History"}, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    assert b.get("/api/classes").json()["total"] == 0  # nothing was created
    ok = b.post("/api/classes", json={"name": "History"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 201


def test_bearer_tokens_skip_csrf_and_can_be_revoked(browser: Any) -> None:
    b = browser().signup("scripter")
    created = b.post("/api/tokens", json={"name": "nightly"}).json()
    token = created["token"]
    assert token.startswith("qst_")
    script = browser()
    auth = {"Authorization": f"Bearer {token}"}
    r = script.client.post("/api/classes", json={"name": "Scripted"}, headers=auth)
    assert r.status_code == 201
    assert [t["name"] for t in b.get("/api/tokens").json()] == ["nightly"]
    assert all(t["token"] is None for t in b.get("/api/tokens").json())
    assert b.delete(f"/api/tokens/{created['id']}").status_code == 204
    after = script.client.get("/api/classes", headers=auth)
    assert after.status_code == 401 and after.json()["error"]["field"] == "Authorization"


def test_logout_ends_the_session(browser: Any) -> None:
    b = browser().signup("leaver")
    assert b.post("/api/auth/logout").status_code == 204
    assert b.client.get("/api/auth/me").json()["user"] is None
    assert b.post("/api/classes", json={"name": "x"}).status_code == 401


def test_signup_rejects_bad_names_taken_names_and_short_passwords(browser: Any) -> None:
    browser().signup("taken")
    c = browser().client
    assert (
        c.post(
            "/api/auth/signup", json={"username": "taken", "password": "long enough pw"}
        ).status_code
        == 409
    )
    short = c.post("/api/auth/signup", json={"username": "fresh", "password": "short"})
    assert short.status_code == 422 and short.json()["error"]["field"] == "password"
    spaces = c.post(
        "/api/auth/signup", json={"username": "has space", "password": "long enough pw"}
    )
    assert spaces.status_code == 422 and spaces.json()["error"]["field"] == "username"


def test_every_unsafe_operation_refuses_a_cookie_without_csrf(browser: Any, app: Any) -> None:
    """Walk the OpenAPI document: no state-changing route accepts a bare session cookie."""
    b = browser().signup("victim")
    b.csrf = None  # behave like a forged cross-site form: cookie sent, header missing
    # no session yet (a reset link's token is the credential); SameSite=Lax and the
    # same-origin check cover them
    exempt = {"/api/auth/signup", "/api/auth/login", "/api/auth/reset"}
    checked = 0
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            if method.upper() not in {"POST", "PUT", "PATCH", "DELETE"} or path in exempt:
                continue
            url = (
                path.replace("{debate_id}", "1")
                .replace("{class_id}", "1")
                .replace("{node_id}", "p1.f1")
                .replace("{card_id}", "c1")
                .replace("{token_id}", "1")
                .replace("{share_id}", "1")
                .replace("{user_id}", "1")
                .replace("{assignment_id}", "1")
                .replace("{contribution_id}", "1")
                .replace("{comment_id}", "1")
                .replace("{team_id}", "1")
            )
            r = b.request(method.upper(), url, json={})
            assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed", (
                method,
                path,
            )
            checked += 1
    assert checked >= 20


def test_passwords_are_hashed_and_checked_with_no_transaction_open(
    app: Any, browser: Any, monkeypatch: Any
) -> None:
    """argon2 takes a tenth of a second or more: with the sign-up's transaction open
    meanwhile, SQLite's write lock was held and a class signing up at once failed with
    "database is locked" (a 500) once the queue passed the lock's timeout. While a
    password is hashed or checked, another client writes at once and the app holds no
    connection."""
    from argon2 import PasswordHasher
    from sqlalchemy import text

    from quaestio.store.db import make_engine

    other = make_engine(app.state.db.url).execution_options(quaestio_write=True)
    held: list[int] = []
    written: list[str] = []

    def another_client_writes() -> None:
        held.append(app.state.db.engine.pool.checkedout())
        with other.connect() as conn:
            if conn.dialect.name == "sqlite":
                # fail fast, not in 10 s (the driver's own connection: no autobegin)
                conn.connection.driver_connection.execute("PRAGMA busy_timeout=200")
            with conn.begin():
                conn.execute(text("UPDATE users SET display_name = display_name WHERE id = -1"))
        written.append("ok")

    def watched(original: Any) -> Any:
        def wrapper(self: Any, *args: Any, **kw: Any) -> Any:
            another_client_writes()
            return original(self, *args, **kw)

        return wrapper

    monkeypatch.setattr(PasswordHasher, "hash", watched(PasswordHasher.hash))
    monkeypatch.setattr(PasswordHasher, "verify", watched(PasswordHasher.verify))
    try:
        browser().signup("ada", "a long passphrase")  # hash
        api = browser().client
        assert (
            api.post(
                "/api/auth/login", json={"username": "ada", "password": "a long passphrase"}
            ).status_code
            == 200
        )  # verify
        assert (
            api.post("/api/auth/login", json={"username": "ada", "password": "wrong one!"})
        ).status_code == 401  # verify, refused
        assert (
            api.post("/api/auth/login", json={"username": "nobody", "password": "wrong one!"})
        ).status_code == 401  # a hash of the same cost for a user who does not exist
        page = browser().client.post(
            "/signin",
            data={"username": "bea", "password": "another passphrase", "create": "1"},
            follow_redirects=False,
        )
        assert page.status_code == 303  # the sign-up form: hash
        page = browser().client.post(
            "/signin",
            data={"username": "bea", "password": "another passphrase"},
            follow_redirects=False,
        )
        assert page.status_code == 303  # the sign-in form: verify
    finally:
        other.dispose()
    assert len(written) == len(held) == 6
    assert held == [0] * 6
