"""Reading one debate for a page, with the visitor's role and their own weights.

Errors become pages, not JSON: a debate the visitor may not see is a 404 page, a
stale form a 403 page, each saying what to do next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from quaestio.errors import NotFoundError, PermissionDeniedError, QuaestioError, TooLargeError
from quaestio.model import Debate
from quaestio.store import Role, personal
from quaestio.store import debates as store_debates
from quaestio.store.access import can_edit_content
from quaestio.web.offload import BusyError
from quaestio.web.pages.context import db, render, visitor


@dataclass(frozen=True)
class Opened:
    """A debate as one visitor sees it."""

    id: int
    debate: Debate
    role: Role
    version: int
    class_id: int | None
    saved_weights: dict[str, float]
    #: the debate's ``content_rev`` when it was read: with ``id``, what a value built
    #: from the debate's content may be cached under
    content_rev: int = -1

    @property
    def can_edit(self) -> bool:
        return can_edit_content(self.role)

    @property
    def can_write_own(self) -> bool:
        return self.role != "reader"

    def weight(self, node_id: str, default: float) -> float:
        return self.saved_weights.get(node_id, default)

    @property
    def weights(self) -> dict[str, float]:
        """Every node's weight as this visitor currently sets it."""
        out: dict[str, float] = {}
        for p in self.debate.positions:
            out[p.id] = self.weight(p.id, p.weight)
            for e in p.evidence:
                out[e.id] = self.weight(e.id, e.weight)
        for c in self.debate.consequences:
            out[c.id] = self.weight(c.id, c.weight)
        return out


def open_debate(request: Request, debate_id: int) -> Opened:
    me = visitor(request)
    with db(request).read() as session:
        row, debate, role = store_debates.load(session, me.actor, debate_id)
        saved = personal.effective_weights(session, me.actor, debate_id)  # over the class default
        return Opened(debate_id, debate, role, row.version, row.class_id, saved, row.content_rev)


def open_for_editing(request: Request, debate_id: int) -> Opened:
    """``open_debate``, refused unless the visitor may edit the debate's content."""
    opened = open_debate(request, debate_id)
    if not opened.can_edit:
        raise PermissionDeniedError("only the owner or a teacher of the class may edit this debate")
    return opened


def status_of(exc: QuaestioError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, PermissionDeniedError):
        return 401 if "sign in" in exc.message else 403
    if isinstance(exc, TooLargeError):
        return 422
    if isinstance(exc, BusyError):
        return 503
    return 400


def error_page(request: Request, exc: QuaestioError, **context: Any) -> HTMLResponse:
    return render(request, "error.html", status_of(exc), error=exc, **context)


def error_fragment(request: Request, exc: QuaestioError) -> HTMLResponse:
    """An inline error for htmx requests; htmx swaps 4xx only when told to, so use 200."""
    response = render(request, "_error.html", error=exc)
    response.headers["HX-Retarget"] = "#messages"
    response.headers["HX-Reswap"] = "innerHTML"
    return response
