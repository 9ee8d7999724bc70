"""One-time password-reset links, made by a teacher for a student of their class.

The link's secret is shown once, to the teacher who hands it over; only its SHA-256
is stored. A link works once, within ``HOURS``, and using it signs the student out
everywhere. (The server's administrator resets any password with
``quaestio users reset-password``.)
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError, PermissionDeniedError
from quaestio.store.access import Actor, class_role
from quaestio.store.accounts import set_password, sha256
from quaestio.store.classroom import teaching
from quaestio.store.models import AuthSession, PasswordResetRow, User, utcnow
from quaestio.store.revisions import record

HOURS = 48


@dataclass(frozen=True)
class NewLink:
    """A link just made: its secret (shown once), whose it is, and when it stops working."""

    secret: str
    user: User
    expires_at: datetime


def create_link(session: Session, actor: Actor, class_id: int, user_id: int) -> NewLink:
    """A new reset secret for a student of a class the actor teaches; earlier ones stop working."""
    teaching(session, actor, class_id)
    user = session.get(User, user_id)
    if user is None or class_role(session, user_id, class_id) is None:
        raise NotFoundError("not a member of this class", field="user_id")
    if class_role(session, user_id, class_id) != "student":
        raise PermissionDeniedError("a teacher resets only a student's password", field="user_id")
    now = utcnow()
    for old in session.scalars(
        select(PasswordResetRow).where(
            PasswordResetRow.user_id == user_id, PasswordResetRow.used_at.is_(None)
        )
    ):
        old.used_at = now  # one live link per student: the newest
    secret = secrets.token_urlsafe(32)
    expires = now + timedelta(hours=HOURS)
    session.add(
        PasswordResetRow(
            user_id=user_id, token_hash=sha256(secret), created_by=actor.user_id, expires_at=expires
        )
    )
    session.flush()
    record(
        session,
        debate_id=None,
        user_id=actor.user_id,
        action="create",
        resource="password_reset",
        resource_id=str(user_id),
    )
    return NewLink(secret, user, expires)


def _live(session: Session, secret: str) -> PasswordResetRow:
    row = session.scalar(
        select(PasswordResetRow).where(PasswordResetRow.token_hash == sha256(secret))
    )
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        raise NotFoundError("this reset link is unknown, used or expired", field="token")
    return row


def user_of(session: Session, secret: str) -> User:
    """Whose password a live link resets (for the page that asks for the new one)."""
    user = session.get(User, _live(session, secret).user_id)
    assert user is not None
    return user


def use_link(session: Session, secret: str, password: str) -> User:
    """Set the new password, spend the link and sign the user out everywhere."""
    row = _live(session, secret)
    user = session.get(User, row.user_id)
    assert user is not None
    set_password(session, user, password)
    row.used_at = utcnow()
    session.execute(delete(AuthSession).where(AuthSession.user_id == user.id))
    session.flush()
    record(
        session,
        debate_id=None,
        user_id=user.id,
        action="use",
        resource="password_reset",
        resource_id=str(user.id),
    )
    return user
