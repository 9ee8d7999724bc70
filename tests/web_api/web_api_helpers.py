"""Small helpers shared by the API tests."""

from __future__ import annotations

from typing import Any


def cookie_attrs(response: Any, name: str) -> dict[str, Any]:
    """Attributes of one Set-Cookie header: httponly, secure, samesite."""
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{name}="):
            parts = [p.strip().lower() for p in header.split(";")]
            same = next((p.split("=", 1)[1] for p in parts if p.startswith("samesite=")), None)
            return {"httponly": "httponly" in parts, "secure": "secure" in parts, "samesite": same}
    raise AssertionError(f"no Set-Cookie for {name}")
