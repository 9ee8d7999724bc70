"""Small helpers shared by the API tests."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from quaestio.formats import debate_json
from store_samples import sample_debate


def cookie_attrs(response: Any, name: str) -> dict[str, Any]:
    """Attributes of one Set-Cookie header: httponly, secure, samesite."""
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{name}="):
            parts = [p.strip().lower() for p in header.split(";")]
            same = next((p.split("=", 1)[1] for p in parts if p.startswith("samesite=")), None)
            return {"httponly": "httponly" in parts, "secure": "secure" in parts, "samesite": same}
    raise AssertionError(f"no Set-Cookie for {name}")


class Browser:
    """A TestClient with its own cookie jar that echoes the CSRF token like the UI does."""

    def __init__(self, app: FastAPI, **kw: Any) -> None:
        self.client = TestClient(app, **kw)
        self.csrf: str | None = None
        self.user_id: int | None = None

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.csrf and "X-CSRF-Token" not in headers:
            headers["X-CSRF-Token"] = self.csrf
        return headers

    def request(
        self, method: str, url: str, headers: dict[str, str] | None = None, **kw: Any
    ) -> Any:
        return self.client.request(method, url, headers=self._headers(headers), **kw)

    def get(self, url: str, **kw: Any) -> Any:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> Any:
        return self.request("POST", url, **kw)

    def put(self, url: str, **kw: Any) -> Any:
        return self.request("PUT", url, **kw)

    def patch(self, url: str, **kw: Any) -> Any:
        return self.request("PATCH", url, **kw)

    def delete(self, url: str, **kw: Any) -> Any:
        return self.request("DELETE", url, **kw)

    def signup(self, username: str, password: str = "correct horse battery") -> Browser:
        r = self.client.post("/api/auth/signup", json={"username": username, "password": password})
        assert r.status_code == 201, r.text
        self.csrf = r.json()["csrf_token"]
        self.user_id = r.json()["user"]["id"]
        return self


def upload(b: Browser, debate: Any = None, name: str = "rome.debate.json", **data: Any) -> Any:
    content = debate_json.dumps(debate or sample_debate()).encode()
    return b.post("/api/imports", files={"file": (name, content, "application/json")}, data=data)
