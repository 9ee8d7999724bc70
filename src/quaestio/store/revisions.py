"""The change history: who changed what, when, and the state before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quaestio.store.models import Revision


def record(
    session: Session,
    *,
    debate_id: int | None,
    user_id: int | None,
    action: str,
    resource: str,
    resource_id: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        Revision(
            debate_id=debate_id,
            user_id=user_id,
            action=action,
            resource=resource,
            resource_id=resource_id,
            before=before,
            after=after,
        )
    )


def list_for(
    session: Session, debate_id: int, *, limit: int, offset: int
) -> tuple[list[Revision], int]:
    total = session.scalar(
        select(func.count()).select_from(Revision).where(Revision.debate_id == debate_id)
    )
    rows = session.scalars(
        select(Revision)
        .where(Revision.debate_id == debate_id)
        .order_by(Revision.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(rows), int(total or 0)
