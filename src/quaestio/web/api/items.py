"""The bodies every versioned item route shares: read one or a page, write, delete.

Nodes, relations, schools, arguments and conclusion claims are each a handful of routes
that differ only in the store function they call and the model they answer with; the
routes stay written out (one function per path and method, so the OpenAPI document
names and describes each), and their bodies come from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Path, Query, Response, status
from pydantic import BaseModel
from sqlalchemy.orm import Session

from quaestio.store.access import Actor, debate_for
from quaestio.store.db import Database
from quaestio.web.api.paging import paged
from quaestio.web.api.schemas import Page
from quaestio.web.deps import PageParams

M = TypeVar("M", bound=BaseModel)
VersionQ = Annotated[int, Query(description="the version you read")]
ItemId = Annotated[str, Path(min_length=1, max_length=64, description="e.g. r1, s1, g1, k1")]


def gone() -> Response:
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def read_page(
    db: Database,
    actor: Actor,
    debate_id: int,
    page: PageParams,
    out: type[M],
    load: Callable[[Session], Sequence[dict[str, Any]]],
) -> Page[M]:
    """A page of what ``load`` lists, once the actor may read the debate."""
    with db.read() as session:
        debate_for(session, actor, debate_id)
        rows = load(session)
    return paged(rows, page, out.model_validate)


def read_one(
    db: Database,
    actor: Actor,
    debate_id: int,
    out: type[M],
    load: Callable[[Session], dict[str, Any]],
) -> M:
    """One item, once the actor may read the debate (a missing one is the store's 404)."""
    with db.read() as session:
        debate_for(session, actor, debate_id)
        return out.model_validate(load(session))


def write(db: Database, out: type[M], change: Callable[[Session], dict[str, Any]]) -> M:
    """Create or change an item in one transaction; the store checks rights and versions."""
    with db.transaction() as session:
        return out.model_validate(change(session))


def remove(db: Database, change: Callable[[Session], None]) -> Response:
    """Delete an item in one transaction: 204, or the store's 404/409/422."""
    with db.transaction() as session:
        change(session)
    return gone()
