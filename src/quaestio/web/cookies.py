"""The sign-in cookie pair, set and cleared the same way by the API and the pages.

The session cookie is HTTP-only; the CSRF cookie is readable by the page's
script, which echoes it in the CSRF header. ``Secure`` follows the settings if
they say, else whether the request (or the proxy in front) came over HTTPS.
"""

from __future__ import annotations

from fastapi import Request, Response

from quaestio.store import accounts


def is_secure(request: Request, forced: bool | None) -> bool:
    if forced is not None:
        return bool(forced)
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return forwarded == "https" or request.url.scheme == "https"


def set_session_cookies(
    response: Response,
    new: accounts.NewSession,
    *,
    session_cookie: str,
    csrf_cookie: str,
    secure: bool,
) -> None:
    max_age = accounts.SESSION_DAYS * 86400
    for name, value, httponly in (
        (session_cookie, new.cookie, True),
        # readable by the page's script, which echoes it in the X-CSRF-Token header
        (csrf_cookie, new.csrf_token, False),
    ):
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            httponly=httponly,
            samesite="lax",
            secure=secure,
            path="/",
        )


def clear_session_cookies(response: Response, *, session_cookie: str, csrf_cookie: str) -> None:
    response.delete_cookie(session_cookie, path="/")
    response.delete_cookie(csrf_cookie, path="/")
