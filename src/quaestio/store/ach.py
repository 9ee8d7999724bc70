"""The analyst's ACH judgements of one evidence item: set or clear a cell, set its weights.

A judgement is part of its evidence item, as a rebuttal is: a write names the
item's version (409 when stale), moves it, and is logged as an update of the
item with its state before and after, so history and the page's undo see it
like any other edit. Deleting the item or a position takes its ratings along.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from quaestio.errors import ValidationError
from quaestio.model import ACH_RATINGS
from quaestio.store.access import Actor
from quaestio.store.edits import next_ord, open_node, updated, updater
from quaestio.store.models import AchRatingRow, EvidenceRow
from quaestio.store.nodeviews import get_position

WEIGHTS = ("credibility", "relevance")


def _rate(
    session: Session, debate_id: int, evidence_id: str, position_id: str, rating: str | None
) -> None:
    """Write one cell of an already opened evidence item (``None`` clears it)."""
    get_position(session, debate_id, position_id)  # 404 for an unknown position
    code = None if rating is None else rating.upper()
    if code is not None and code not in ACH_RATINGS:
        raise ValidationError(
            f"rating {rating!r} is not one of {', '.join(ACH_RATINGS)}", field="rating"
        )
    session.execute(
        delete(AchRatingRow).where(
            AchRatingRow.debate_id == debate_id,
            AchRatingRow.evidence_node == evidence_id,
            AchRatingRow.position_node == position_id,
        )
    )
    if code is not None:
        session.add(
            AchRatingRow(
                debate_id=debate_id,
                evidence_node=evidence_id,
                position_node=position_id,
                rating=code,
                ord=next_ord(session, AchRatingRow.ord, AchRatingRow.debate_id == debate_id),
            )
        )
    session.flush()


def _weigh(row: EvidenceRow, changes: dict[str, Any]) -> None:
    for name in WEIGHTS:
        if name not in changes:
            continue
        value = changes[name]
        if value is not None and not 0.0 <= float(value) <= 1.0:
            raise ValidationError(f"{name} {value} is outside [0, 1]", field=name)
        setattr(row, name, None if value is None else float(value))


def set_cell(
    session: Session,
    actor: Actor,
    debate_id: int,
    evidence_id: str,
    position_id: str,
    expected: int,
    rating: str | None,
) -> dict[str, Any]:
    """Rate ``evidence_id`` against ``position_id`` (``None`` clears: back to derived)."""
    row, before = open_node(session, actor, debate_id, EvidenceRow, evidence_id, expected)
    _rate(session, debate_id, evidence_id, position_id, rating)
    return updated(session, actor, row, before, "text")


def set_weights(
    session: Session,
    actor: Actor,
    debate_id: int,
    evidence_id: str,
    expected: int,
    changes: dict[str, float | None],
) -> dict[str, Any]:
    """Set the item's ACH credibility and/or relevance (``None`` clears: back to derived)."""
    row, before = open_node(session, actor, debate_id, EvidenceRow, evidence_id, expected)
    _weigh(row, dict(changes))
    return updated(session, actor, row, before, "text")


def _judge(session: Session, row: EvidenceRow, changes: dict[str, Any]) -> None:
    """Write several judgements of one item: ``update`` makes them one version step.

    ``changes`` may hold ``ratings`` (position id -> rating, or None to clear),
    ``credibility`` and ``relevance``.
    """
    for position_id, rating in dict(changes.get("ratings") or {}).items():
        _rate(session, row.debate_id, row.node_id, position_id, rating)
    _weigh(row, changes)


# several judgements of one item as one edit (the batch endpoint's ``update_ach``)
update = updater(EvidenceRow, (), then=_judge)


def ratings(session: Session, debate_id: int) -> list[dict[str, str]]:
    """Every rating the analyst set in a debate, in the order they were set."""
    rows = session.scalars(
        select(AchRatingRow)
        .where(AchRatingRow.debate_id == debate_id)
        .order_by(AchRatingRow.ord, AchRatingRow.id)
    )
    return [
        {"evidence": r.evidence_node, "position": r.position_node, "rating": r.rating} for r in rows
    ]


def drop_ach(
    session: Session, debate_id: int, *, evidence: list[str], position: str | None = None
) -> None:
    """Remove the ACH ratings of deleted evidence, and every rating naming a deleted position."""
    where: list[ColumnElement[bool]] = (
        [AchRatingRow.evidence_node.in_(evidence)] if evidence else []
    )
    if position is not None:
        where.append(AchRatingRow.position_node == position)
    if where:
        session.execute(
            delete(AchRatingRow).where(AchRatingRow.debate_id == debate_id, or_(*where))
        )
