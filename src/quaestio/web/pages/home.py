"""The front page (debates the visitor may open) and signing in and out.

Signing in here opens the same kind of store session as the API's login, with the
same cookies, so pages and API agree on who is signed in.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from quaestio.errors import QuaestioError
from quaestio.store import accounts
from quaestio.store import debates as store_debates
from quaestio.web.cookies import clear_session_cookies, is_secure, set_session_cookies
from quaestio.web.pages.context import cookie_name, csrf_cookie_name, db, render, visitor
from quaestio.web.throttle import (
    CrossSiteError,
    TooManyAttemptsError,
    address,
    require_same_origin,
    throttle,
)

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> Response:
    me = visitor(request)
    with db(request).read() as session:
        page = store_debates.visible(session, me.actor, limit=200, offset=0)
        rows = [store_debates.summary(r) for r in page.items]
    return render(request, "home.html", debates=rows, total=page.total)


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so a crafted link cannot bounce a user elsewhere."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/signin", response_class=HTMLResponse, include_in_schema=False)
def signin_form(request: Request, next: str | None = None) -> Response:
    return render(
        request, "signin.html", next=_safe_next(next), error=None, username="", signup=False
    )


def _secure(request: Request) -> bool:
    settings = getattr(request.app.state, "settings", None)
    return is_secure(request, getattr(settings, "secure_cookies", None))


def signup_allowed(request: Request) -> bool:
    settings = getattr(request.app.state, "settings", None)
    return bool(getattr(settings, "allow_signup", True))


@router.get("/signup", response_class=HTMLResponse, include_in_schema=False)
def signup_form(request: Request) -> Response:
    return render(
        request, "signin.html", next="/", error=None, username="", signup=signup_allowed(request)
    )


@router.post("/signin", response_class=HTMLResponse, include_in_schema=False)
async def signin(request: Request) -> Response:
    """Sign in, or (from the sign-up form, when allowed) create the account first."""
    form = await request.form()
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    target = _safe_next(str(form.get("next", "")) or None)
    creating = form.get("create") == "1" and signup_allowed(request)
    limits, where = throttle(request), address(request)
    try:
        require_same_origin(request)
        if not creating:
            limits.check(username, where)
        # in a thread: argon2 takes a tenth of a second, which the event loop must not wait
        if creating:
            display = str(form.get("display_name", "")).strip()
            new = await run_in_threadpool(
                accounts.sign_up, db(request), username, password, display
            )
        else:
            try:
                new = await run_in_threadpool(accounts.sign_in, db(request), username, password)
            except accounts.AuthenticationError:
                limits.failed(username, where)
                raise
            limits.succeeded(username)
    except QuaestioError as exc:
        code = 422 if creating else 401
        if isinstance(exc, TooManyAttemptsError):
            code = 429
        elif isinstance(exc, CrossSiteError):
            code = 403
        return render(
            request,
            "signin.html",
            code,
            next=target,
            error=exc.message,
            username=username,
            signup=creating,
        )
    response = RedirectResponse(target, status_code=303)
    set_session_cookies(
        response,
        new,
        session_cookie=cookie_name(request),
        csrf_cookie=csrf_cookie_name(request),
        secure=_secure(request),
    )
    return response


@router.post("/signout", include_in_schema=False)
def signout(request: Request) -> Response:
    visitor(request)  # checks the CSRF header
    cookie = request.cookies.get(cookie_name(request))
    if cookie:
        with db(request).transaction() as session:
            accounts.close_session(session, cookie)
    response = Response(status_code=204, headers={"HX-Redirect": "/"})
    clear_session_cookies(
        response, session_cookie=cookie_name(request), csrf_cookie=csrf_cookie_name(request)
    )
    return response
