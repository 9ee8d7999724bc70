"""Users, passwords (argon2), browser sessions and API tokens.

Only hashes of secrets are stored: a session cookie or API token found in a
dump cannot be replayed. Session rows also hold the CSRF token the browser must
echo on every unsafe request.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from quaestio.store.db import Database
from quaestio.store.models import ApiToken, AuthSession, User, utcnow

SESSION_DAYS = 14
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,80}$")
PROFILE_ENV = "QUAESTIO_PASSWORD_PROFILE"


@cache
def _hasher() -> PasswordHasher:
    """argon2id with the library's recommended cost; ``QUAESTIO_PASSWORD_PROFILE=test``
    picks the cheapest parameters so test suites that sign up hundreds of users stay fast
    (never use it for real accounts: hashes made with it are weak)."""
    if os.environ.get(PROFILE_ENV) == "test":
        from argon2.profiles import CHEAPEST

        return PasswordHasher.from_parameters(CHEAPEST)
    return PasswordHasher()


class AuthenticationError(PermissionDeniedError):
    """Wrong user name or password, or an expired or unknown credential."""

    code = "unauthenticated"


def sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def user_dict(user: User) -> dict[str, object]:
    return {"id": user.id, "username": user.username, "display_name": user.display_name}


def _check_new(username: str, password: str | None) -> None:
    if not USERNAME.match(username):
        raise ValidationError(
            "a user name is 2-80 letters, digits, '.', '_' or '-'", field="username"
        )
    if password is not None and len(password) < 8:
        raise ValidationError("a password needs at least 8 characters", field="password")


@dataclass(frozen=True)
class Hashed:
    """A new account's password, checked and hashed before any transaction opens."""

    value: str


def hash_new(username: str, password: str) -> Hashed:
    """Check a new account's name and password, and hash the password.

    Hashing takes argon2's tenth of a second of CPU or more; done inside the sign-up's
    write transaction it held SQLite's write lock all that time, so a class signing up
    at once queued one hash after another and the last ones failed with "database is
    locked". Hash first, then open the transaction (``create_user`` takes the result).
    """
    _check_new(username, password)
    return Hashed(_hasher().hash(password))


def create_user(
    session: Session, username: str, password: str | Hashed | None, display_name: str = ""
) -> User:
    """A new account; ``password`` as text is hashed here, inside the caller's transaction
    (fine for a script; a server hashes first with ``hash_new``)."""
    _check_new(username, password if isinstance(password, str) else None)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ConflictError(f"user name {username!r} is taken", field="username")
    if isinstance(password, Hashed):
        password_hash: str | None = password.value
    else:
        password_hash = None if password is None else _hasher().hash(password)
    user = User(
        username=username,
        display_name=display_name or username,
        password_hash=password_hash,
    )
    session.add(user)
    session.flush()
    return user


def by_username(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"no user {username!r}", field="username")
    return user


def _verified(stored: str | None, password: str) -> str | None:
    """Check ``password`` against the ``stored`` hash (None: no such user, which costs
    the same), raising ``AuthenticationError``; the new hash when it needs rehashing."""
    if stored is None:
        _hasher().hash(password)  # same cost whether or not the user exists
        raise AuthenticationError("wrong user name or password", field="password")
    try:
        _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError) as exc:
        raise AuthenticationError("wrong user name or password", field="password") from exc
    return _hasher().hash(password) if _hasher().check_needs_rehash(stored) else None


def check_password(session: Session, username: str, password: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    rehashed = _verified(None if user is None else user.password_hash, password)
    assert user is not None  # _verified refused a missing user
    if rehashed is not None:
        user.password_hash = rehashed
    return user


def sign_in(db: Database, username: str, password: str) -> NewSession:
    """Check the password and open a browser session, without holding a transaction (on
    SQLite, the write lock) while argon2 verifies: the hash is read, checked outside,
    and the session opened in a short write that sees the hash unchanged."""
    with db.read() as session:
        found = session.execute(
            select(User.id, User.password_hash).where(User.username == username)
        ).first()
    stored = None if found is None else found.password_hash
    rehashed = _verified(stored, password)
    assert found is not None  # _verified refused a missing user
    with db.transaction() as session:
        user = session.get(User, found.id)
        if user is None or user.password_hash != stored:  # removed or reset meanwhile
            raise AuthenticationError("wrong user name or password", field="password")
        if rehashed is not None:
            user.password_hash = rehashed
        return open_session(session, user)


def sign_up(db: Database, username: str, password: str, display_name: str = "") -> NewSession:
    """Create an account and open its first session; the password is hashed before the
    write transaction opens (``hash_new``)."""
    hashed = hash_new(username, password)
    with db.transaction() as session:
        user = create_user(session, username, hashed, display_name)
        return open_session(session, user)


def set_password(session: Session, user: User, password: str) -> None:
    if len(password) < 8:
        raise ValidationError("a password needs at least 8 characters", field="password")
    user.password_hash = _hasher().hash(password)
    session.flush()


@dataclass(frozen=True)
class NewSession:
    cookie: str
    csrf_token: str
    user: User


def open_session(session: Session, user: User) -> NewSession:
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    session.add(
        AuthSession(
            token_hash=sha256(cookie),
            user_id=user.id,
            csrf_token=csrf,
            expires_at=utcnow() + timedelta(days=SESSION_DAYS),
        )
    )
    session.flush()
    return NewSession(cookie, csrf, user)


def session_for_cookie(session: Session, cookie: str) -> AuthSession | None:
    row = session.scalar(select(AuthSession).where(AuthSession.token_hash == sha256(cookie)))
    if row is None or row.expires_at < utcnow():
        return None
    return row


def close_session(session: Session, cookie: str) -> None:
    row = session.scalar(select(AuthSession).where(AuthSession.token_hash == sha256(cookie)))
    if row is not None:
        session.delete(row)


def purge_sessions(session: Session) -> int:
    """Forget expired browser sessions; returns how many."""
    from sqlalchemy import delete

    result = session.execute(delete(AuthSession).where(AuthSession.expires_at < utcnow()))
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class NewToken:
    token: str
    row: ApiToken


def create_token(session: Session, user_id: int, name: str) -> NewToken:
    token = "qst_" + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user_id, name=name, token_hash=sha256(token))
    session.add(row)
    session.flush()
    return NewToken(token, row)


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(
        select(ApiToken).where(ApiToken.token_hash == sha256(token), ApiToken.revoked_at.is_(None))
    )
    return None if row is None else session.get(User, row.user_id)


def list_tokens(session: Session, user_id: int) -> list[ApiToken]:
    return list(
        session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
            .order_by(ApiToken.id)
        )
    )


def revoke_token(session: Session, user_id: int, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user_id or row.revoked_at is not None:
        raise NotFoundError(f"no API token {token_id}", field="token_id")
    row.revoked_at = utcnow()


# -- for the server's administrator (``quaestio users ...``) --------------------------------
# The command line has the database itself, so these take no ``Actor``: whoever can run
# them can already read and write every row.


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.id)))


def reset_password(session: Session, username: str, password: str) -> User:
    """Set a new password and sign the user out everywhere (their API tokens stay)."""
    from sqlalchemy import delete

    user = by_username(session, username)
    set_password(session, user, password)
    session.execute(delete(AuthSession).where(AuthSession.user_id == user.id))
    return user


@dataclass(frozen=True)
class Removed:
    username: str
    handed_over: dict[str, int]


def _owned(session: Session, user_id: int) -> dict[str, int]:
    from sqlalchemy import func

    from quaestio.store.models import DebateRow, SchoolClass, ShareLink

    counts = {
        "debates": select(func.count()).where(DebateRow.owner_id == user_id),
        "classes": select(func.count()).where(SchoolClass.created_by == user_id),
        "share links": select(func.count()).where(ShareLink.created_by == user_id),
    }
    return {k: int(session.scalar(q) or 0) for k, q in counts.items()}


def remove_user(session: Session, username: str, *, give_to: str | None = None) -> Removed:
    """Delete an account with its sessions, tokens, memberships and personal data.

    What others rely on (debates they own, classes and share links they made) is
    handed to ``give_to``; without it a user who owns any of these is refused, so
    nothing a class uses disappears by accident.
    """
    from sqlalchemy import update

    from quaestio.store.models import DebateRow, SchoolClass, ShareLink

    user = by_username(session, username)
    owned = _owned(session, user.id)
    if give_to is not None:
        heir = by_username(session, give_to)
        if heir.id == user.id:
            raise ValidationError("cannot hand a user's things over to themselves", field="give_to")
        session.execute(
            update(DebateRow).where(DebateRow.owner_id == user.id).values(owner_id=heir.id)
        )
        session.execute(
            update(SchoolClass).where(SchoolClass.created_by == user.id).values(created_by=heir.id)
        )
        session.execute(
            update(ShareLink).where(ShareLink.created_by == user.id).values(created_by=heir.id)
        )
    elif any(owned.values()):
        what = ", ".join(f"{n} {k}" for k, n in owned.items() if n)
        raise ConflictError(
            f"{username} still owns {what}; hand them over with --give-to USER",
            field="username",
        )
    session.delete(user)
    session.flush()  # the database's ON DELETE CASCADE removes sessions, tokens, memberships
    return Removed(username, {k: n for k, n in owned.items() if n} if give_to else {})


def set_class_role(session: Session, username: str, class_id: int, role: str) -> str | None:
    """Make ``username`` a teacher (or student) of a class; returns the role they had."""
    from quaestio.store.models import Membership, SchoolClass
    from quaestio.store.revisions import record

    if role not in ("teacher", "student"):
        raise ValidationError("role is 'teacher' or 'student'", field="role")
    if session.get(SchoolClass, class_id) is None:
        raise NotFoundError(f"no class {class_id}", field="class_id")
    user = by_username(session, username)
    row = session.get(Membership, (class_id, user.id))
    before = None if row is None else row.role
    if row is None:
        session.add(Membership(class_id=class_id, user_id=user.id, role=role))
    else:
        row.role = role
    session.flush()
    record(
        session,
        debate_id=None,
        user_id=None,
        action="add" if before is None else "role",
        resource="membership",
        resource_id=f"{class_id}/{user.id}",
        before=None if before is None else {"role": before},
        after={"role": role},
    )
    return before
