"""What every page handler needs: the database, who is asking, CSRF, and rendering.

The pages share the API's database (``app.state.db``) and its session cookie, so a
person signed in on a page is signed in for the API and the other way round. Pages
resolve the visitor themselves (a stale cookie simply means "signed out") and check
the CSRF header on every unsafe request made with a session cookie.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from quaestio.errors import PermissionDeniedError
from quaestio.store import Actor, Database
from quaestio.store.accounts import session_for_cookie
from quaestio.store.models import User

WEB = Path(__file__).resolve().parents[1]
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
BUNDLE = STATIC / "dist"
BUNDLE_FILES = (
    "app.js",
    "map.js",
    "timeline.js",
    "matrix.js",
    "htmx.min.js",
    "chunk-cytoscape-elk.js",
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(("html", "svg"), default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def bundle_missing() -> list[str]:
    """Built files the pages need that are not there (run ``frontend/build.sh``)."""
    return [name for name in BUNDLE_FILES if not (BUNDLE / name).is_file()]


@dataclass(frozen=True)
class Visitor:
    """The person looking at a page: their store identity plus what pages show of them."""

    actor: Actor
    user: User | None
    csrf_token: str

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    @property
    def name(self) -> str:
        return self.user.display_name or self.user.username if self.user else ""


def db(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


def _setting(request: Request, name: str, default: str) -> str:
    settings = getattr(request.app.state, "settings", None)
    return str(getattr(settings, name, default))


def cookie_name(request: Request) -> str:
    return _setting(request, "session_cookie", "quaestio_session")


def csrf_cookie_name(request: Request) -> str:
    return _setting(request, "csrf_cookie", "quaestio_csrf")


def csrf_header(request: Request) -> str:
    return _setting(request, "csrf_header", "X-CSRF-Token")


def identify(request: Request) -> Visitor:
    """Who is asking, from the session cookie (a stale cookie means signed out)."""
    cached = getattr(request.state, "visitor", None)
    if isinstance(cached, Visitor):
        return cached
    share = request.query_params.get("share") or request.headers.get("X-Share-Token")
    cookie = request.cookies.get(cookie_name(request))
    result = Visitor(Actor(None, share), None, "")
    if cookie:
        with db(request).read() as session:
            row = session_for_cookie(session, cookie)
            user = session.get(User, row.user_id) if row is not None else None
            if row is not None and user is not None:
                result = Visitor(Actor(user.id, share), user, row.csrf_token)
    request.state.visitor = result
    return result


def visitor(request: Request, form_token: str | None = None) -> Visitor:
    """Who is asking; an unsafe request made with a session must echo its CSRF token.

    htmx sends the token in a header; a plain HTML form (upload, new debate) sends it
    as the hidden field ``csrf_token``, passed here as ``form_token``.
    """
    me = identify(request)
    if me.signed_in and request.method not in SAFE_METHODS:
        sent = request.headers.get(csrf_header(request), "") or (form_token or "")
        if not hmac.compare_digest(sent.encode(), me.csrf_token.encode()):
            raise PermissionDeniedError(
                "this form expired or came from another site: reload the page",
                field=csrf_header(request),
            )
    return me


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page; autoescaping is on for every template, so user text is inert."""
    context.setdefault("me", identify(request))
    context.setdefault("missing_bundle", bundle_missing())
    context["request_path"] = request.url.path
    html = env.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)
