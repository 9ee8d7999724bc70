"""Sign up, sign in and out, who am I, and API tokens for scripts."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from quaestio.errors import PermissionDeniedError
from quaestio.store import accounts
from quaestio.store.models import User
from quaestio.web.api.schemas import Credentials, Me, SignUp, TokenIn, TokenOut, UserOut
from quaestio.web.cookies import clear_session_cookies, is_secure, set_session_cookies
from quaestio.web.deps import ActorDep, DbDep, ItemId, SettingsDep, UserDep
from quaestio.web.settings import Settings
from quaestio.web.throttle import address, require_same_origin, throttle

router = APIRouter(prefix="/api", tags=["accounts"])


def _sign_in(
    request: Request, response: Response, settings: Settings, new: accounts.NewSession
) -> Me:
    set_session_cookies(
        response,
        new,
        session_cookie=settings.session_cookie,
        csrf_cookie=settings.csrf_cookie,
        secure=is_secure(request, settings.secure_cookies),
    )
    return Me(user=_user(new.user), csrf_token=new.csrf_token)


def _user(user: User) -> UserOut:
    return UserOut(id=user.id, username=user.username, display_name=user.display_name)


@router.post("/auth/signup", status_code=status.HTTP_201_CREATED, response_model=Me)
def signup(
    body: SignUp, request: Request, response: Response, db: DbDep, settings: SettingsDep
) -> Me:
    """Create an account and sign in (when sign-up is open on this server)."""
    if not settings.allow_signup:
        raise PermissionDeniedError("sign-up is closed on this server; ask an administrator")
    new = accounts.sign_up(db, body.username, body.password, body.display_name)
    return _sign_in(request, response, settings, new)


@router.post("/auth/login", response_model=Me)
def login(
    body: Credentials, request: Request, response: Response, db: DbDep, settings: SettingsDep
) -> Me:
    """Check the password and set the session cookie and the CSRF cookie.

    Failed attempts are limited per account and per address (429 with Retry-After);
    a POST from another site's page is refused (login CSRF).
    """
    require_same_origin(request)
    limits, where = throttle(request), address(request)
    limits.check(body.username, where)
    try:
        new = accounts.sign_in(db, body.username, body.password)
    except accounts.AuthenticationError:
        limits.failed(body.username, where)
        raise
    limits.succeeded(body.username)
    return _sign_in(request, response, settings, new)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(request: Request, actor: ActorDep, db: DbDep, settings: SettingsDep) -> Response:
    cookie = request.cookies.get(settings.session_cookie)
    if cookie:
        with db.transaction() as session:
            accounts.close_session(session, cookie)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(
        response, session_cookie=settings.session_cookie, csrf_cookie=settings.csrf_cookie
    )
    return response


@router.get("/auth/me", response_model=Me)
def me(request: Request, actor: ActorDep, db: DbDep) -> Me:
    """The signed-in user (or null) and, for a browser session, its CSRF token."""
    if actor.user_id is None:
        return Me(user=None)
    with db.read() as session:
        user = session.get(User, actor.user_id)
    assert user is not None
    row = getattr(request.state, "auth_session", None)
    return Me(user=_user(user), csrf_token=None if row is None else row.csrf_token)


@router.get("/tokens", response_model=list[TokenOut])
def list_tokens(actor: UserDep, db: DbDep) -> list[TokenOut]:
    assert actor.user_id is not None
    with db.read() as session:
        rows = accounts.list_tokens(session, actor.user_id)
    return [TokenOut(id=r.id, name=r.name, created_at=r.created_at) for r in rows]


@router.post("/tokens", status_code=status.HTTP_201_CREATED, response_model=TokenOut)
def create_token(body: TokenIn, actor: UserDep, db: DbDep) -> TokenOut:
    """A bearer token for scripts: send ``Authorization: Bearer <token>``; shown only once."""
    assert actor.user_id is not None
    with db.transaction() as session:
        new = accounts.create_token(session, actor.user_id, body.name)
    return TokenOut(
        id=new.row.id, name=new.row.name, created_at=new.row.created_at, token=new.token
    )


@router.delete("/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_token(token_id: ItemId, actor: UserDep, db: DbDep) -> Response:
    assert actor.user_id is not None
    with db.transaction() as session:
        accounts.revoke_token(session, actor.user_id, token_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
