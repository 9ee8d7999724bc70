"""The app factory: ``create_app(database_url)`` builds the whole web service.

Everything a request needs comes from the database (sessions included), so any
number of processes built by this factory can serve the same database. The
UI's pages are included when the ``quaestio.web.pages`` module is present.
Opening the database migrates it, so a fresh file or server just works.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.types import Message, Scope

from quaestio import __version__
from quaestio.store import Database
from quaestio.web.api import docs, errors
from quaestio.web.api import router as api_router
from quaestio.web.api.schemas import ErrorBody
from quaestio.web.body_limit import ENVELOPE_BYTES, BodyLimit
from quaestio.web.jobs import Jobs, JobStore, default_directory
from quaestio.web.offload import ClientGone, Offloader
from quaestio.web.settings import Settings

DESCRIPTION = """A shared service for structured debates: import a handout, weigh the
evidence, write a verdict, see the class's results.

Authentication: a browser signs in with `POST /api/auth/login` (session cookie, and a
CSRF token to echo in `X-CSRF-Token` on unsafe requests); scripts send
`Authorization: Bearer <token>` from `POST /api/tokens`. Errors always look like
`{"error": {"code", "message", "field"}}`; a 409 also carries `current`.
"""


#: Loaded by the server as it starts rather than by its first visitor: scipy.sparse holds
#: the gradual semantics' matrices (the map's node sizes, every evaluation); importing it
#: took half a second of the first map page after a start.
WARM_IMPORTS = ("scipy.sparse",)
#: Paths asked for once as the server starts (no session, no database). FastAPI works out
#: each route (its parameters and dependencies) the first time a request walks past it,
#: a third of a second or more for this app's hundred-odd routes, which the first visit
#: to a late page (the verdict) paid on top of its own work: a path that no route
#: answers walks past every one. Jinja compiles the base templates on their first
#: page, a quarter of a second that the first visitor would otherwise wait.
WARM_PATHS = ("/.warm-up", "/signin")


def warm_imports() -> None:
    for name in WARM_IMPORTS:
        importlib.import_module(name)


async def _get_inside(app: FastAPI, path: str) -> None:
    """GET ``path`` from ``app`` itself (no network); the answer is dropped."""
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("localhost", 80),
    }

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: Message) -> None:
        return None

    await app(scope, receive, send)


async def warm(app: FastAPI, pages: bool) -> None:
    """What the first request after a start would wait for, done before the first one."""
    with contextlib.suppress(Exception):  # a warm-up that fails only leaves the start cold
        await anyio.to_thread.run_sync(warm_imports)
        for path in WARM_PATHS if pages else WARM_PATHS[:1]:
            await _get_inside(app, path)


def create_app(database_url: str | None = None) -> FastAPI:
    """Build the app on ``database_url`` (default: ``QUAESTIO_DATABASE_URL`` or the user's file)."""
    settings = Settings.load(database_url)
    db = Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await warm(_app, pages=importlib.util.find_spec("quaestio.web.pages") is not None)
        yield
        db.dispose()

    app = FastAPI(
        title="quaestio",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses={
            401: {"model": ErrorBody, "description": "not signed in"},
            403: {"model": ErrorBody, "description": "not allowed"},
            404: {"model": ErrorBody, "description": "not found (or not yours to see)"},
            409: {"model": ErrorBody, "description": "stale version; `current` holds the state"},
            422: {"model": ErrorBody, "description": "invalid input"},
        },
    )
    app.state.db = db
    app.state.settings = settings
    # a child never uses the database: it disowns the pool's forked connections (close=False
    # leaves them to the parent, whose PostgreSQL sessions and SQLite handles stay good)
    app.state.offloader = Offloader(after_fork=lambda: db.engine.dispose(close=False))
    app.state.jobs = Jobs(
        JobStore(default_directory(db.url)), app.state.offloader, errors.content_for
    )
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + ENVELOPE_BYTES)
    errors.install(app)

    @app.exception_handler(ClientGone)
    async def client_gone(_request: Request, _exc: ClientGone) -> Response:
        """The browser left before the answer: nobody reads this (nginx's 499)."""
        return Response(status_code=499)

    docs.install(app)
    app.include_router(api_router)

    @app.get("/api/health", tags=["service"])
    def health() -> JSONResponse:
        """Liveness and the database dialect (for load balancers)."""
        return JSONResponse({"status": "ok", "database": db.dialect, "version": __version__})

    if importlib.util.find_spec("quaestio.web.pages") is not None:
        pages = importlib.import_module("quaestio.web.pages")
        app.include_router(pages.router)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): the URL comes from the environment."""
    return create_app(None)
