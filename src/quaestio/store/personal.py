"""What each user writes for themselves: weights, verdicts and flashcard review states.

A user writes only their own rows (the actor is the only user id used for
writes); the owner and the class's teachers may read everyone's, which is how
a teacher sees the class's results. Rows carry versions like every other
editable resource: the first write names version 0.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quaestio.errors import PermissionDeniedError, ValidationError
from quaestio.store.access import Actor, debate_for
from quaestio.store.debates import StaleVersionError, check_version, flush_versioned
from quaestio.store.models import (
    ConsequenceRow,
    EvidenceRow,
    PositionRow,
    ReviewStateRow,
    User,
    VerdictRow,
    WeightRow,
    columns,
    utcnow,
)
from quaestio.store.revisions import record


def weight_dict(row: WeightRow) -> dict[str, Any]:
    return columns(row, "node_id", "user_id", "value", "version", "updated_at")


def verdict_dict(row: VerdictRow) -> dict[str, Any]:
    return columns(row, "user_id", "text", "favoured", "version", "updated_at")


def review_dict(row: ReviewStateRow) -> dict[str, Any]:
    return columns(row, "card_id", "state", "version", "updated_at")


def _writer(session: Session, actor: Actor, debate_id: int) -> int:
    debate_for(session, actor, debate_id, "student")
    if actor.user_id is None:
        raise PermissionDeniedError("sign in to keep your own weights and verdicts")
    return actor.user_id


def _check_node(session: Session, debate_id: int, node_id: str) -> None:
    for model in (EvidenceRow, PositionRow, ConsequenceRow):
        found = session.scalar(
            select(model.id).where(model.debate_id == debate_id, model.node_id == node_id)
        )
        if found is not None:
            return
    raise ValidationError(f"{node_id!r} is not a node of this debate", field="node_id")


def _reader_of(session: Session, actor: Actor, debate_id: int, user_id: int | None) -> int:
    """Whose rows to read: one's own always; another user's only as owner or teacher."""
    _, role = debate_for(session, actor, debate_id, "reader")
    target = actor.user_id if user_id is None else user_id
    if target is None:
        raise PermissionDeniedError("sign in to see your own weights and verdicts")
    if target != actor.user_id and role not in ("owner", "teacher"):
        raise PermissionDeniedError(
            "only the owner or a teacher may read others' work", field="user_id"
        )
    return target


OwnRow = TypeVar("OwnRow", WeightRow, VerdictRow, ReviewStateRow)


def _own(
    session: Session, model: type[OwnRow], debate_id: int, user_id: int, *where: Any
) -> OwnRow | None:
    """The user's own row of ``model`` on this debate (further narrowed by ``where``)."""
    return session.scalar(
        select(model).where(model.debate_id == debate_id, model.user_id == user_id, *where)
    )


def _all_own(
    session: Session, model: type[OwnRow], debate_id: int, user_id: int, order: Any
) -> list[OwnRow]:
    """All the user's own rows of ``model`` on this debate, in a stable order."""
    return list(
        session.scalars(
            select(model)
            .where(model.debate_id == debate_id, model.user_id == user_id)
            .order_by(order)
        )
    )


def _add_first(
    session: Session,
    row: object,
    resource: str,
    key: str,
    expected: int,
    unwritten: dict[str, Any],
    message: str,
) -> None:
    """Insert a user's first row; losing the race to a parallel first write is a 409.

    A row not yet written is at version 0 (``unwritten`` is how it looks then): a
    client naming any other version read something that is not there.
    """
    check_version(resource, key, expected, 0, unwritten)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError as exc:
        raise StaleVersionError(message, current=None, resource=resource, key=key) from exc


def _rewrite(
    session: Session,
    row: OwnRow,
    resource: str,
    key: str,
    expected: int,
    before: dict[str, Any],
    **values: Any,
) -> None:
    """Change a user's existing row, once the version they read is checked."""
    check_version(resource, key, expected, row.version, before)
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    flush_versioned(session, resource, key)


def _log(
    session: Session,
    debate_id: int,
    user_id: int,
    resource: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> None:
    """Record a create (no ``before``) or an update of a user's own row."""
    record(
        session,
        debate_id=debate_id,
        user_id=user_id,
        action="create" if before is None else "update",
        resource=resource,
        resource_id=key,
        before=before,
        after=after,
    )


# -- weights --------------------------------------------------------------------------
def weights(
    session: Session, actor: Actor, debate_id: int, user_id: int | None = None
) -> list[WeightRow]:
    target = _reader_of(session, actor, debate_id, user_id)
    return _all_own(session, WeightRow, debate_id, target, WeightRow.node_id)


def weight_map(session: Session, debate_id: int, user_id: int) -> dict[str, float]:
    rows = session.execute(
        select(WeightRow.node_id, WeightRow.value).where(
            WeightRow.debate_id == debate_id, WeightRow.user_id == user_id
        )
    )
    return {n: v for n, v in rows}


def set_weight(
    session: Session, actor: Actor, debate_id: int, node_id: str, value: float, expected: int
) -> WeightRow:
    user_id = _writer(session, actor, debate_id)
    from quaestio.store.progress import weights_locked_for

    if weights_locked_for(session, actor, debate_id):
        raise PermissionDeniedError(
            "your teacher has locked the weights of this debate", field="node_id"
        )
    if not 0.0 <= value <= 1.0:
        raise ValidationError(f"weight {value} is outside [0, 1]", field="value")
    _check_node(session, debate_id, node_id)
    row = _own(session, WeightRow, debate_id, user_id, WeightRow.node_id == node_id)
    if row is None:
        row = WeightRow(debate_id=debate_id, user_id=user_id, node_id=node_id, value=value)
        unwritten = {"node_id": node_id, "version": 0}
        message = f"weight {node_id} was just created by another request"
        _add_first(session, row, "weight", node_id, expected, unwritten, message)
        _log(session, debate_id, user_id, "weight", node_id, None, {"value": value})
        return row
    before = weight_dict(row)
    _rewrite(session, row, "weight", node_id, expected, before, value=value)
    changed = ({"value": before["value"]}, {"value": value})
    _log(session, debate_id, user_id, "weight", node_id, *changed)
    return row


# -- verdicts -------------------------------------------------------------------------
def my_verdict(session: Session, actor: Actor, debate_id: int) -> VerdictRow | None:
    target = _reader_of(session, actor, debate_id, None)
    return session.scalar(
        select(VerdictRow).where(VerdictRow.debate_id == debate_id, VerdictRow.user_id == target)
    )


def all_verdicts(session: Session, actor: Actor, debate_id: int) -> list[tuple[VerdictRow, User]]:
    debate_for(session, actor, debate_id, "teacher")
    rows = session.execute(
        select(VerdictRow, User)
        .join(User, User.id == VerdictRow.user_id)
        .where(VerdictRow.debate_id == debate_id)
        .order_by(User.username)
    )
    return [(v, u) for v, u in rows]


def set_verdict(
    session: Session, actor: Actor, debate_id: int, text: str, favoured: str | None, expected: int
) -> VerdictRow:
    user_id = _writer(session, actor, debate_id)
    if favoured is not None:
        _check_node(session, debate_id, favoured)
    key = str(user_id)
    row = _own(session, VerdictRow, debate_id, user_id)
    if row is None:
        row = VerdictRow(debate_id=debate_id, user_id=user_id, text=text, favoured=favoured)
        message = "your verdict was just created by another request"
        _add_first(session, row, "verdict", key, expected, {"version": 0}, message)
        _log(session, debate_id, user_id, "verdict", key, None, {"text": text})
        return row
    before = verdict_dict(row)
    _rewrite(session, row, "verdict", key, expected, before, text=text, favoured=favoured)
    _log(session, debate_id, user_id, "verdict", key, {"text": before["text"]}, {"text": text})
    return row


# -- review states --------------------------------------------------------------------
def reviews(session: Session, actor: Actor, debate_id: int) -> list[ReviewStateRow]:
    target = _reader_of(session, actor, debate_id, None)
    return _all_own(session, ReviewStateRow, debate_id, target, ReviewStateRow.card_id)


def set_review(
    session: Session,
    actor: Actor,
    debate_id: int,
    card_id: str,
    state: dict[str, Any],
    expected: int,
) -> ReviewStateRow:
    user_id = _writer(session, actor, debate_id)
    row = _own(session, ReviewStateRow, debate_id, user_id, ReviewStateRow.card_id == card_id)
    if row is None:
        row = ReviewStateRow(debate_id=debate_id, user_id=user_id, card_id=card_id, state=state)
        unwritten = {"card_id": card_id, "version": 0}
        message = f"review state {card_id} was just created elsewhere"
        _add_first(session, row, "review", card_id, expected, unwritten, message)
        return row
    _rewrite(session, row, "review", card_id, expected, review_dict(row), state=state)
    return row


def effective_weights(session: Session, actor: Actor, debate_id: int) -> dict[str, float]:
    """The weights a user's verdict, plan and quiz use: their own over the class default
    (the teacher's weights, for a class's student), or the class default alone when the
    teacher has locked the weights."""
    from quaestio.store.progress import class_default

    if actor.user_id is None:
        return {}
    defaults, locked = class_default(session, actor, debate_id)
    if locked:
        return defaults
    return {**defaults, **weight_map(session, debate_id, actor.user_id)}
