"""Request dependencies: the database, who is asking, CSRF, pagination.

Credentials, in order: a bearer API token (scripts; no CSRF, since a browser
never sends one by itself), then the session cookie (browsers; unsafe methods
must echo the CSRF token in a header), then a share-link token for read-only
access. An invalid credential is an error rather than a silent downgrade to
anonymous, so a script with a revoked token fails loudly.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Query, Request

from quaestio.errors import PermissionDeniedError
from quaestio.store import Actor, Database
from quaestio.store.accounts import AuthenticationError, session_for_cookie, user_for_token
from quaestio.web.settings import Settings
from quaestio.web.throttle import address, throttle

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfError(PermissionDeniedError):
    code = "csrf_failed"


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def resolve_actor(request: Request, db: Database, settings: Settings) -> Actor:
    share = request.headers.get("X-Share-Token") or request.query_params.get("share")
    auth = request.headers.get("Authorization", "")
    if auth.lower().startswith("bearer "):
        limits, where = throttle(request), address(request)
        limits.check_token(where)
        with db.read() as session:
            user = user_for_token(session, auth[7:].strip())
        if user is None:
            limits.token_failed(where)
            raise AuthenticationError("this API token is unknown or revoked", field="Authorization")
        return Actor(user.id, share)
    cookie = request.cookies.get(settings.session_cookie)
    if cookie:
        with db.read() as session:
            row = session_for_cookie(session, cookie)
        if row is None:
            # a stale cookie is not an error: the browser is simply signed out
            return Actor(None, share)
        if request.method not in SAFE_METHODS:
            sent = request.headers.get(settings.csrf_header, "")
            if not hmac.compare_digest(sent.encode(), row.csrf_token.encode()):
                raise CsrfError(
                    f"missing or wrong {settings.csrf_header} header", field=settings.csrf_header
                )
        request.state.auth_session = row
        return Actor(row.user_id, share)
    return Actor(None, share)


def current_actor(
    request: Request,
    db: Annotated[Database, Depends(get_db)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Actor:
    return resolve_actor(request, db, settings)


def signed_in(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
    if actor.user_id is None:
        raise AuthenticationError("sign in first (session cookie or bearer API token)")
    return actor


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=200, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


MAX_ID = 2_147_483_647  # PostgreSQL integer; larger ids cannot exist
DebateId = Annotated[int, Path(ge=1, le=MAX_ID, description="debate id")]
ClassId = Annotated[int, Path(ge=1, le=MAX_ID, description="class id")]
ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
NodeId = Annotated[str, Path(min_length=1, max_length=64, description="node id, e.g. p1.f2")]
DbDep = Annotated[Database, Depends(get_db)]
ActorDep = Annotated[Actor, Depends(current_actor)]
UserDep = Annotated[Actor, Depends(signed_in)]
PageDep = Annotated[PageParams, Depends(page_params)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
