"""One error body for every failure: ``{"error": {"code", "message", "field"}}``.

A 409 also carries ``current``: the resource as it is now, so a client can show
the other person's change and let the user redo theirs on top of it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from quaestio.errors import (
    ConflictError,
    NotFoundError,
    ParseError,
    PermissionDeniedError,
    QuaestioError,
    SolverError,
    TooLargeError,
    UnknownFormatError,
    UnsupportedOperationError,
    ValidationError,
)
from quaestio.store.accounts import AuthenticationError
from quaestio.store.debates import StaleVersionError
from quaestio.web.offload import BusyError
from quaestio.web.throttle import TooManyAttemptsError


class NotImplementedYetError(QuaestioError):
    """A feature whose engine is not installed in this build."""

    code = "not_implemented"


def status_for(exc: QuaestioError) -> int:
    table: list[tuple[type[QuaestioError], int]] = [
        (TooManyAttemptsError, 429),
        (BusyError, 503),
        (AuthenticationError, 401),
        (PermissionDeniedError, 403),
        (NotFoundError, 404),
        (ConflictError, 409),
        (ValidationError, 422),
        (ParseError, 422),
        (UnknownFormatError, 422),
        (UnsupportedOperationError, 400),
        (NotImplementedYetError, 501),
        (SolverError, 422),
        (TooLargeError, 422),
    ]
    for kind, status in table:
        if isinstance(exc, kind):
            return status
    return 400


def body(code: str, message: str, field: str | None = None, **extra: Any) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message, "field": field}
    error.update(extra)
    return {"error": error}


def content_for(exc: QuaestioError) -> tuple[dict[str, Any], int]:
    """The error body and HTTP status of ``exc`` (also kept in a failed job)."""
    extra: dict[str, Any] = {}
    if exc.file or exc.line is not None:
        extra.update(file=exc.file, line=exc.line)
    problems = getattr(exc, "problems", None)
    if problems:
        extra["problems"] = [
            {k: getattr(p, k, None) for k in ("code", "message", "node", "field", "line")}
            for p in problems
        ]
    content = body(exc.code, exc.message, exc.field, **extra)
    if isinstance(exc, StaleVersionError):
        content["current"] = _jsonable(exc.current)
    return content, status_for(exc)


def _quaestio(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, QuaestioError)
    content, status = content_for(exc)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthenticationError) else None
    if isinstance(exc, TooManyAttemptsError | BusyError):
        headers = {"Retry-After": str(exc.retry_after)}
    return JSONResponse(content, status_code=status, headers=headers)


def _jsonable(value: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)


def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "header")]
    field = ".".join(loc) or None
    return JSONResponse(
        body(
            "invalid_request",
            f"{field or 'request'}: {first.get('msg')}",
            field,
            details=_jsonable([{"loc": e.get("loc"), "msg": e.get("msg")} for e in errors]),
        ),
        status_code=422,
    )


def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthenticated", 403: "forbidden"}
    return JSONResponse(
        body(codes.get(exc.status_code, "http_error"), str(exc.detail)),
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug: log it with its traceback, answer in the usual shape without leaking details."""
    import logging

    logging.getLogger("quaestio.web").error("unhandled error on %s", request.url.path, exc_info=exc)
    return JSONResponse(body("internal_error", "the server failed; the error was logged"), 500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(Exception, _unexpected)
    app.add_exception_handler(QuaestioError, _quaestio)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
